//! One failure, one code, whichever face shows it (issue 12, item 4): the same failures met
//! through the app's command bodies and through the real `sellerdesk` binary (`--json`'s error
//! object), over the same profiles.json, jobs directory, keychain and sandbox, give the same
//! `markets::ErrorCode`.
//!
//! Needs the `sellerdesk` binary: ./test builds it before these tests run; otherwise, when it is
//! missing or older than the crates it is built from, the test builds it with cargo.

mod common;

use std::process::Command;

use common::{require_secret_service, sellerdesk::sellerdesk_binary, Shell};
use markets::{ErrorCode, Market};
use profiles::KeychainError;
use seller_desk::{
    commands::{
        gg::{gg_dashboard, gg_product},
        jobs::job_results,
        profiles::{add_profile, NewProfile},
    },
    error::CommandError,
};
use serde_json::Value;

const MISSING_PRODUCT: &str = "00000000-0000-0000-0000-00000000dead";

/// The CLI's error object of `sellerdesk --json ARGS` run over the shell's profiles and data.
async fn cli_error(shell: &Shell, envs: &[(&str, &str)], stdin: &str, args: &[&str]) -> Value {
    let mut cmd = Command::new(sellerdesk_binary());
    for var in ["SELLERDESK_API_KEY", "SELLERDESK_PACING_SCALE", "RUST_LOG"] {
        cmd.env_remove(var);
    }
    cmd.env("SELLERDESK_CONFIG_DIR", shell.dir.path())
        .env("SELLERDESK_DATA_DIR", shell.data_dir())
        .envs(envs.iter().copied())
        .arg("--json")
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let stdin = stdin.to_owned();
    let what = args.join(" ");
    // Blocking, off the runtime the sandbox answers on.
    let out = tokio::task::spawn_blocking(move || {
        let mut child = cmd.spawn().expect("sellerdesk starts");
        std::io::Write::write_all(&mut child.stdin.take().unwrap(), stdin.as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    })
    .await
    .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "`sellerdesk {what}` succeeded:\n{stdout}");
    let json: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "`sellerdesk --json {what}`: stdout is not JSON ({e}):\n{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    json["error"].clone()
}

/// The CLI's code, as the app's `ErrorCode`.
fn code_of(error: &Value) -> ErrorCode {
    serde_json::from_value(error["code"].clone()).unwrap_or_else(|e| panic!("{error}: {e}"))
}

fn fields_of(error: &Value) -> Vec<String> {
    error["fields"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap().to_owned()).collect()
}

fn assert_same(what: &str, app: &CommandError, cli: &Value, expected: ErrorCode) {
    assert_eq!(app.code, expected, "{what}: the app said {app:?}");
    assert_eq!(code_of(cli), expected, "{what}: the CLI said {cli}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_failure_has_the_same_code_in_the_cli_and_the_app() {
    require_secret_service();
    let shell = Shell::new();
    let ctx = shell.ctx();
    let sandbox = sandbox::Sandbox::start(sandbox::SandboxConfig::default()).await.unwrap();

    // A profile that does not exist.
    let app = gg_dashboard(&ctx, "nope".into()).await.unwrap_err();
    let cli = cli_error(&shell, &[], "", &["--profile", "nope", "gg", "dashboard"]).await;
    assert_same("an unknown profile", &app, &cli, ErrorCode::ProfileNotFound);

    // Invalid input, caught before anything is stored or sent: a profile without a name.
    let nameless = NewProfile { name: String::new(), market: Market::GamingGoods, base_url: None, api_key: "k".into() };
    let app = add_profile(&ctx, nameless).await.unwrap_err();
    let cli = cli_error(&shell, &[], sandbox::GG_KEY_A, &["profile", "add", "", "--market", "gg"]).await;
    assert_same("a profile without a name", &app, &cli, ErrorCode::InvalidInput);
    assert_eq!(app.fields.iter().map(|f| f.field.clone()).collect::<Vec<_>>(), fields_of(&cli));

    // A profile whose key is not in the keychain (made by another program, or the entry deleted).
    let keyless = shell.state.profiles.store().add("Keyless", Market::GamingGoods, None).unwrap();
    let app = gg_dashboard(&ctx, keyless.id.clone()).await.unwrap_err();
    let cli = cli_error(&shell, &[], "", &["--profile", "Keyless", "gg", "dashboard"]).await;
    assert_same("a profile without a key", &app, &cli, ErrorCode::NoKey);

    // A keychain that cannot be reached: the CLI meets it for real (no session bus); the app maps
    // the same keychain error with the same code (KeychainError::code for both).
    let cli = cli_error(
        &shell,
        &[("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/sellerdesk-test-bus")],
        sandbox::GG_KEY_A,
        &["profile", "add", "No bus", "--market", "gg"],
    )
    .await;
    let app = CommandError::from(KeychainError::NoSessionBus { detail: "no bus".into() });
    assert_same("an unreachable keychain", &app, &cli, ErrorCode::KeychainUnavailable);

    // A 404 from the marketplace (the sandbox), through a profile both faces use.
    let shop = NewProfile {
        name: "Shop".into(),
        market: Market::GamingGoods,
        base_url: Some(sandbox.gg_base_url()),
        api_key: sandbox::GG_KEY_A.into(),
    };
    let shop = add_profile(&ctx, shop).await.unwrap();
    let app = gg_product(&ctx, shop.id.clone(), MISSING_PRODUCT.into()).await.unwrap_err();
    let cli = cli_error(&shell, &[], "", &["--profile", "Shop", "gg", "products", "get", MISSING_PRODUCT]).await;
    assert_same("a product that does not exist", &app, &cli, ErrorCode::NotFound);

    // A job that does not exist (the same jobs directory).
    let app = job_results(&ctx, "0000dead".into()).await.unwrap_err();
    let cli = cli_error(&shell, &[], "", &["jobs", "show", "0000dead"]).await;
    assert_same("a job that does not exist", &app, &cli, ErrorCode::NotFound);

    sandbox.shutdown().await;
}
