//! Files read by the shell from a handle (open dialog or drop): codes, accounts CSV, icons; and
//! nothing read or written from a path the webview names.

mod common;

use common::Shell;
use seller_desk::commands::files::{check_icon, parse_codes, read_accounts_csv, read_codes_file};

const PNG_1X1: [u8; 67] = [
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0A, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00,
    0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

fn write(shell: &Shell, name: &str, bytes: &[u8]) -> String {
    let path = shell.dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    shell.picked(path)
}

#[tokio::test]
async fn codes_files_and_pasted_text_are_deduplicated_with_counts() {
    let shell = Shell::new();
    let ctx = shell.ctx();
    let path = write(&shell, "keys.csv", b"code,note\nAAA-1,x\nBBB-2,y\n\nAAA-1,z\nAAA-1\n");
    let parsed = read_codes_file(&ctx, path).await.unwrap();
    assert_eq!(parsed.file_name.as_deref(), Some("keys.csv"));
    assert_eq!(parsed.codes, ["AAA-1", "BBB-2"]);
    assert_eq!((parsed.dropped_repeats, parsed.blank_lines, parsed.header_skipped), (2, 1, true));
    assert_eq!((parsed.duplicates[0].code.as_str(), parsed.duplicates[0].count), ("AAA-1", 3));

    let pasted = parse_codes(&ctx, " X \nY\nX\n".into()).await.unwrap();
    assert_eq!((pasted.codes.len(), pasted.dropped_repeats, pasted.file_name), (2, 1, None));

    let err = read_codes_file(&ctx, write(&shell, "latin1.txt", b"caf\xe9\n")).await.unwrap_err();
    assert_eq!(err.code, markets::ErrorCode::File);
    assert!(err.message.contains("UTF-8"), "{}", err.message);
    let err = read_codes_file(&ctx, shell.picked(shell.dir.path())).await.unwrap_err();
    assert!(err.message.contains("not a regular file"), "{}", err.message);
}

#[tokio::test]
async fn accounts_csv_columns_in_any_order_and_bad_rows_reported() {
    let shell = Shell::new();
    let ctx = shell.ctx();
    let csv = "password;login;Email;description\n\"p;1\";alice;a@x.io;main\nsecret;;;\n;bob;;\np3;carol;;\n";
    let file = read_accounts_csv(&ctx, write(&shell, "accounts.csv", csv.as_bytes())).await.unwrap();
    let logins: Vec<&str> = file.accounts.iter().map(|a| a.login.as_str()).collect();
    assert_eq!(logins, ["alice", "carol"]);
    assert_eq!(file.accounts[0].password, "p;1");
    assert_eq!(file.accounts[0].email_login.as_deref(), Some("a@x.io"));
    assert_eq!(file.problems.len(), 2);
    assert_eq!(file.problems[0].field, "line 3");
    assert!(file.problems[1].message.contains("no password"));

    let err = read_accounts_csv(&ctx, write(&shell, "no-header.csv", b"alice,pw\n")).await.unwrap_err();
    assert!(err.message.contains("no `login` column"), "{}", err.message);
}

#[tokio::test]
async fn icons_are_checked_by_content_with_a_preview() {
    let shell = Shell::new();
    let ctx = shell.ctx();
    let icon = check_icon(&ctx, write(&shell, "logo.jpeg", &PNG_1X1)).await.unwrap();
    assert_eq!((icon.kind.as_str(), icon.mime.as_str(), icon.file_name.as_str()), ("png", "image/png", "logo.png"));
    assert_eq!(icon.size, 67);
    assert!(icon.preview_data_url.starts_with("data:image/png;base64,iVBORw0KGgo"));
    assert!(icon.warning.is_none());

    let err = check_icon(&ctx, write(&shell, "fake.png", b"GIF89a......")).await.unwrap_err();
    assert_eq!((err.code.as_str(), err.fields[0].field.as_str()), ("invalid_input", "icon"));
    assert!(err.message.contains("not a PNG or JPEG"), "{}", err.message);
}

/// The webview names a path, or a handle the user never gave, or a handle for another use:
/// every file command refuses it, and nothing is read or written.
#[tokio::test]
async fn a_path_or_a_handle_not_given_by_the_user_reaches_no_file() {
    use seller_desk::commands::{
        audit::audit_export,
        files::{pick_open_file, pick_save_file},
        jobs::job_results_csv,
    };
    use seller_desk::picked_files::FileKind;
    let shell = Shell::new();
    let ctx = shell.ctx();
    let secret = shell.dir.path().join("id_ed25519");
    std::fs::write(&secret, "PRIVATE-KEY-LINE\n").unwrap();
    let victim = shell.dir.path().join(".bashrc");
    std::fs::write(&victim, "original\n").unwrap();
    let saved_to = shell.save_to(shell.dir.path().join("export.csv"));
    for named in
        [secret.display().to_string(), "/etc/passwd".to_owned(), "file-1-0000000000000000".to_owned(), saved_to]
    {
        let err = read_codes_file(&ctx, named.clone()).await.unwrap_err();
        assert_eq!(err.code, markets::ErrorCode::FileNotPicked, "{named}: {err:?}");
        assert_eq!(read_accounts_csv(&ctx, named.clone()).await.unwrap_err().code, markets::ErrorCode::FileNotPicked);
        assert_eq!(check_icon(&ctx, named.clone()).await.unwrap_err().code, markets::ErrorCode::FileNotPicked);
    }
    let readable = shell.picked(&victim);
    for named in [victim.display().to_string(), readable] {
        let err = audit_export(&ctx, None, named.clone(), None).await.unwrap_err();
        assert_eq!(err.code, markets::ErrorCode::FileNotPicked, "{named}: {err:?}");
        assert_eq!(
            job_results_csv(&ctx, "job".into(), named).await.unwrap_err().code,
            markets::ErrorCode::FileNotPicked
        );
    }
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "original\n", "nothing was written");
    // Without a window (and without the test-only answer) no dialog can be shown: nothing picked.
    if std::env::var_os(seller_desk::native::TEST_PICK_VAR).is_none() {
        assert_eq!(pick_open_file(&ctx, FileKind::Codes).await.unwrap(), None);
        assert_eq!(pick_save_file(&ctx, FileKind::Csv, "x.csv".into()).await.unwrap(), None);
    }
}
