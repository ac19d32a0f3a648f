//! Profiles through the commands, with a REAL keychain (Secret Service): the key goes to the
//! keychain and nowhere else, the UI sees it masked, and the profile works against the sandbox.

mod common;

use common::{files_containing, require_secret_service, Shell};
use markets::Market;
use seller_desk::commands::{
    gg::gg_dashboard,
    profiles::{
        add_profile, delete_profile, list_profiles, rename_profile, replace_key, set_active_profile, test_connection,
        NewProfile,
    },
};

fn entry_in_keychain(profile_id: &str) -> keyring::Result<String> {
    keyring::Entry::new("sellerdesk", &format!("profile:{profile_id}"))?.get_password()
}

#[tokio::test]
async fn a_key_goes_to_the_keychain_only_and_the_ui_sees_it_masked() {
    require_secret_service();
    let shell = Shell::new();
    let sandbox = sandbox::Sandbox::start(sandbox::SandboxConfig::default()).await.unwrap();
    let ctx = shell.ctx();

    let added = add_profile(
        &ctx,
        NewProfile {
            name: "Main shop".into(),
            market: Market::GamingGoods,
            base_url: Some(sandbox.gg_base_url()),
            api_key: sandbox::GG_KEY_A.into(),
        },
    )
    .await
    .unwrap();

    assert_eq!(entry_in_keychain(&added.id).unwrap(), sandbox::GG_KEY_A);
    assert!(files_containing(shell.dir.path(), sandbox::GG_KEY_A).is_empty(), "the key is in no file");
    assert_eq!(added.masked_key.as_deref(), Some("pk_t…er_a"));
    assert!(added.active, "the first profile becomes active");

    let listed = list_profiles(&ctx).await.unwrap();
    assert_eq!(listed.profiles.len(), 1);
    let json = serde_json::to_string(&listed).unwrap();
    assert!(!json.contains(sandbox::GG_KEY_A), "the list never carries the key: {json}");
    assert!(json.contains("pk_t…er_a"));

    // The profile works: a command with it reaches the sandbox with the stored key.
    let dashboard = gg_dashboard(&ctx, added.id.clone()).await.unwrap();
    assert!(dashboard.total_products > 0);
    let test = test_connection(&ctx, added.id.clone()).await.unwrap();
    assert!(test.ok, "{test:?}");

    // A wrong key: the test says so, with the code the UI shows a fix for.
    replace_key(&ctx, added.id.clone(), "pk_test_not_a_seller_key_123".into()).await.unwrap();
    let test = test_connection(&ctx, added.id.clone()).await.unwrap();
    assert!(!test.ok);
    assert_eq!(test.code, Some(markets::ErrorCode::KeyRejected));

    let renamed = rename_profile(&ctx, added.id.clone(), "Shop EU".into()).await.unwrap();
    assert_eq!(renamed.name, "Shop EU");
    set_active_profile(&ctx, added.id.clone()).await.unwrap();

    delete_profile(&ctx, added.id.clone()).await.unwrap();
    assert!(matches!(entry_in_keychain(&added.id), Err(keyring::Error::NoEntry)), "delete removes the key");
    assert!(list_profiles(&ctx).await.unwrap().profiles.is_empty());
    sandbox.shutdown().await;
}

#[tokio::test]
async fn form_errors_name_their_fields() {
    require_secret_service();
    let shell = Shell::new();
    let ctx = shell.ctx();
    let new = |name: &str, url: Option<&str>, key: &str| NewProfile {
        name: name.into(),
        market: Market::GgChest,
        base_url: url.map(Into::into),
        api_key: key.into(),
    };
    let err = add_profile(&ctx, new("", None, "k-123456789012")).await.unwrap_err();
    assert_eq!((err.code.as_str(), err.fields[0].field.as_str()), ("invalid_input", "name"));
    let err = add_profile(&ctx, new("Shop", Some("ftp://x"), "k-123456789012")).await.unwrap_err();
    assert_eq!(err.fields[0].field, "base_url");
    let err = add_profile(&ctx, new("Shop", None, "   ")).await.unwrap_err();
    assert_eq!(err.fields[0].field, "api_key");
    assert!(!shell.profiles_json().exists(), "nothing was written");
}
