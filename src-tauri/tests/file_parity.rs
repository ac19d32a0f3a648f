//! Issue 12, item 11: the same input files give the same rows, problems and error codes in the
//! app as in the CLI. The app's commands are checked against
//! crates/desk/tests/fixtures/files/expected.json, which crates/cli/tests/file_parity.rs checks
//! `sellerdesk` against: codes (a quoted newline kept), accounts with their skipped rows, and
//! bad files refused with the same code, message and per-line fields.

mod common;

use common::{require_secret_service, Shell};
use markets::Market;
use seller_desk::commands::{
    files::{read_accounts_csv, read_codes_file},
    jobs_plan::{job_preview, JobSpec},
    sandbox::sandbox_start_demo,
};
use serde_json::{json, Value};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../crates/desk/tests/fixtures/files");

fn expected(name: &str) -> Value {
    let all: Value = serde_json::from_str(&std::fs::read_to_string(format!("{DIR}/expected.json")).unwrap()).unwrap();
    all[name].clone()
}

fn picked(shell: &Shell, name: &str) -> String {
    shell.picked(format!("{DIR}/{name}"))
}

fn error_json(e: &seller_desk::error::CommandError) -> Value {
    let e = serde_json::to_value(e).unwrap();
    json!({ "code": e["code"], "message": e["message"], "fields": e["fields"] })
}

#[tokio::test]
async fn codes_files_read_as_the_cli_uploads_them() {
    let shell = Shell::new();
    let ctx = shell.ctx();
    for name in ["codes-bom-semicolon.csv", "codes-tab.csv", "codes-lines.txt"] {
        let want = expected(name);
        let got = read_codes_file(&ctx, picked(&shell, name)).await.unwrap();
        let got = json!({
            "codes": got.codes, "lines": want["lines"], "dropped_repeats": got.dropped_repeats,
            "blank_lines": got.blank_lines, "header_skipped": got.header_skipped,
        });
        assert_eq!(got, want, "{name}");
    }
}

#[tokio::test]
async fn accounts_files_as_the_cli_reads_them() {
    let shell = Shell::new();
    let ctx = shell.ctx();
    for name in ["accounts-tab-aliases.csv", "accounts-bom-semicolon.csv"] {
        let got = read_accounts_csv(&ctx, picked(&shell, name)).await.unwrap();
        let got = json!({ "accounts": got.accounts, "problems": got.problems, "ignored_columns": got.ignored_columns });
        assert_eq!(got, expected(name), "{name}");
    }
    for name in ["accounts-unusable.csv", "accounts-misspelt-column.csv"] {
        let err = read_accounts_csv(&ctx, picked(&shell, name)).await.unwrap_err();
        assert_eq!(error_json(&err), expected(name)["error"], "{name}");
    }
}

#[tokio::test]
async fn job_files_with_a_bad_row_are_refused_as_in_the_cli() {
    require_secret_service();
    let shell = Shell::new();
    let ctx = shell.ctx();
    let demo = sandbox_start_demo(&ctx).await.unwrap();
    let gg = demo.profiles.iter().find(|p| p.market == Market::GamingGoods && p.sandbox).unwrap().id.clone();
    for name in ["product-codes-bad-row.csv", "offers-bad-price.csv"] {
        let file = picked(&shell, name);
        let spec =
            if name.starts_with("offers") { JobSpec::GgAddOffers { file } } else { JobSpec::GgUploadCodes { file } };
        let err = job_preview(&ctx, gg.clone(), spec).await.unwrap_err();
        assert_eq!(error_json(&err), expected(name)["error"], "{name}");
    }
    let ggc = demo.profiles.iter().find(|p| p.market == Market::GgChest && p.sandbox).unwrap().id.clone();
    let offer_id = "550e8400-e29b-41d4-a716-446655440000".to_owned();
    for name in ["import-accounts-bad-row.csv", "creates-bad.json"] {
        let file = picked(&shell, name);
        let spec = if name.starts_with("creates") {
            JobSpec::GgcCreate { file }
        } else {
            JobSpec::GgcImportAccounts { file, offer_id: offer_id.clone() }
        };
        let err = job_preview(&ctx, ggc.clone(), spec).await.unwrap_err();
        assert_eq!(error_json(&err), expected(name)["error"], "{name}");
    }
}
