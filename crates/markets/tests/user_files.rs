//! `markets::files::read_user_file` against what hung or exhausted the CLI before it existed:
//! a named pipe (the read blocked forever) and `/dev/zero` (read until memory ran out). Each
//! read runs on a thread with a deadline, so a regression fails the test instead of hanging it.
#![cfg(unix)]

use std::{path::Path, sync::mpsc, time::Duration};

use markets::files::{read_user_file, UserFileError, TEXT_FILE_CAP};

/// `read_user_file(path)` on a thread; panics if it has not returned within 10 s.
fn read_within_deadline(path: &Path, cap: u64) -> Result<Vec<u8>, UserFileError> {
    let (tx, rx) = mpsc::channel();
    let path = path.to_owned();
    std::thread::spawn(move || {
        let _ = tx.send(read_user_file(&path, cap, "a codes file"));
    });
    rx.recv_timeout(Duration::from_secs(10)).expect("read_user_file did not return within 10 s (it blocked)")
}

fn mkfifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo: {}", std::io::Error::last_os_error());
}

#[test]
fn a_fifo_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("codes.txt");
    mkfifo(&fifo);
    let err = read_within_deadline(&fifo, TEXT_FILE_CAP).unwrap_err();
    assert!(matches!(err, UserFileError::NotRegular { .. }), "{err:?}");
    let text = err.to_string();
    assert!(text.contains("is a named pipe (FIFO), not a regular file"), "{text}");
}

#[test]
fn dev_zero_is_refused_without_reading_it() {
    let err = read_within_deadline(Path::new("/dev/zero"), TEXT_FILE_CAP).unwrap_err();
    assert!(err.to_string().contains("is a character device, not a regular file"), "{err}");
}

#[test]
fn a_file_that_reports_no_size_is_still_capped_while_reading() {
    // /proc files say they are 0 bytes long whatever they hold: the cap applies to the read.
    let path = Path::new("/proc/self/maps");
    if !path.exists() {
        return;
    }
    let err = read_within_deadline(path, 16).unwrap_err();
    assert!(matches!(err, UserFileError::TooLarge { size: None, cap: 16, .. }), "{err:?}");
    assert!(err.to_string().contains("larger than 16 bytes allowed for a codes file"), "{err}");
}
