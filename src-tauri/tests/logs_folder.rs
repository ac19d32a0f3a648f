//! `open_logs_folder` opens `<data dir>/logs` (created 0700) with the OS's opener, whatever the
//! webview sends (it names no path). Alone in its binary: it sets an environment variable.

mod common;

use common::Shell;
use seller_desk::commands::logs::{open_logs_folder, TEST_OPENER_VAR};

#[tokio::test]
async fn the_logs_folder_is_created_private_and_handed_to_the_opener() {
    let shell = Shell::new();
    let opened = shell.dir.path().join("opened.txt");
    let opener = shell.dir.path().join("opener.sh");
    std::fs::write(&opener, format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", opened.display())).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    std::env::set_var(TEST_OPENER_VAR, &opener);

    open_logs_folder(&shell.ctx()).await.unwrap();
    let dir = shell.data_dir().join("logs");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !opened.exists() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::thread::sleep(std::time::Duration::from_millis(50));
    assert_eq!(std::fs::read_to_string(&opened).unwrap(), dir.to_str().unwrap());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777, 0o700);
    }

    // An opener that cannot start is an error the UI can show, not a silent nothing.
    std::env::set_var(TEST_OPENER_VAR, shell.dir.path().join("no-such-opener"));
    let err = open_logs_folder(&shell.ctx()).await.unwrap_err();
    assert_eq!(err.code, markets::ErrorCode::File);
    assert!(err.message.contains("could not be opened"), "{}", err.message);
}
