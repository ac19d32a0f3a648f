//! A profile's key goes only to its marketplace's production host, the app's own running sandbox,
//! or a host the user confirmed in the native dialog (issue 11, finding 1). Without a window no
//! dialog can be shown, so a change to any other host is refused, as a "no" would be.

mod common;

use common::Shell;
use markets::Market;
use seller_desk::commands::profiles::{set_profile_base_url, test_connection};

#[tokio::test]
async fn a_base_url_on_another_host_needs_the_users_confirmation() {
    if std::env::var_os(seller_desk::native::TEST_CONFIRM_VAR).is_some() {
        eprintln!("skipped: {} is set in the environment", seller_desk::native::TEST_CONFIRM_VAR);
        return;
    }
    let shell = Shell::new();
    let ctx = shell.ctx();
    let profile = shell.state.profiles.store().add("Shop", Market::GgChest, None).unwrap();

    let err = set_profile_base_url(&ctx, profile.id.clone(), Some("http://127.0.0.2:18999".into())).await.unwrap_err();
    assert_eq!(err.code, markets::ErrorCode::NotConfirmed, "{err:?}");
    assert!(err.message.contains("http://127.0.0.2:18999"), "{}", err.message);
    let now = shell.state.profiles.store().get(&profile.id).unwrap();
    assert_eq!(now.base_url, Market::GgChest.production_base_url(), "the base URL did not change");
    assert!(now.extra_fields().get("confirmed_hosts").is_none(), "nothing was confirmed");

    // Another production path or the production URL itself: no question asked.
    let view =
        set_profile_base_url(&ctx, profile.id.clone(), Some("https://SellerAPI.ggchest.com/".into())).await.unwrap();
    assert!(view.uses_production_url, "{view:?}");

    // Changed behind the app's back (the file, the CLI): the key is not handed to a client, and
    // the refusal comes before the keychain is read.
    shell.state.profiles.store().set_base_url(&profile.id, Some("http://127.0.0.2:18999")).unwrap();
    let test = test_connection(&ctx, profile.id.clone()).await.unwrap();
    assert_eq!(test.code, Some(markets::ErrorCode::BaseUrlUnconfirmed), "{test:?}");
    assert!(test.message.contains("Shop") && test.message.contains("http://127.0.0.2:18999"), "{}", test.message);
}
