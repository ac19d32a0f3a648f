//! Every command that reads a file the user names refuses a named pipe (FIFO) and a device
//! such as /dev/zero at once, with the reason, instead of blocking forever or reading until
//! memory runs out (issue 11, finding 6). Each run has a deadline: a regression fails here
//! rather than hanging the suite.
#![cfg(unix)]

mod common;

use std::{path::Path, time::Duration};

use common::{Env, Run};
use sandbox::{GGCHEST_KEY_A, GG_KEY_A};

/// Long enough for a debug binary on a busy machine; a blocked read never returns at all.
const DEADLINE: Duration = Duration::from_secs(30);

fn mkfifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo: {}", std::io::Error::last_os_error());
}

fn run_cli(env: &Env, market: &str, args: &[&str]) -> Run {
    let (key, url) = match market {
        "gg" => (GG_KEY_A, env.sandbox.gg_base_url()),
        _ => (GGCHEST_KEY_A, env.sandbox.ggchest_base_url()),
    };
    let data = env.files.path().join("data");
    let mut c = env.cmd();
    c.env("SELLERDESK_DATA_DIR", &data)
        .env("SELLERDESK_API_KEY", key)
        .args(["--market", market, "--base-url", &url])
        .args(args)
        .timeout(DEADLINE);
    let run = Run::of(&mut c);
    assert_ne!(run.code, -1, "`sellerdesk {}` did not finish within {DEADLINE:?} (killed)", args.join(" "));
    run
}

/// Each command that reads a file, with `{}` where the file goes.
const COMMANDS: &[(&str, &[&str])] = &[
    ("gg", &["gg", "codes", "upload", "p-1", "--file", "{}"]),
    ("gg", &["gg", "offers", "add", "p-1", "--price-cents", "100", "--file", "{}"]),
    ("gg", &["jobs", "run", "gg-upload-codes", "--file", "{}"]),
    ("ggchest", &["ggc", "icon", "attach", "offer-1", "{}"]),
    ("ggchest", &["ggc", "offers", "activate", "--from-file", "{}"]),
    ("ggchest", &["ggc", "offers", "create", "accounts", "--file", "{}"]),
    (
        "ggchest",
        &["jobs", "run", "ggc-import-accounts", "--offer", "00000000-0000-4000-8000-000000000000", "--file", "{}"],
    ),
];

/// A text file that cannot be used is a `file` error (exit 1), as in the app; an icon is checked
/// as an icon by the client (`invalid_input`, exit 3), as in the app's `check_icon`.
fn refused(env: &Env, market: &str, args: &[&str]) -> common::Run {
    if args[1] == "icon" {
        run_cli(env, market, args).fails(3, "invalid_input")
    } else {
        run_cli(env, market, args).fails(1, "file")
    }
}

fn with_file<'a>(args: &[&'a str], file: &'a str) -> Vec<&'a str> {
    args.iter().map(|a| if *a == "{}" { file } else { *a }).collect()
}

#[test]
fn a_fifo_is_refused_by_every_command_that_reads_a_file() {
    let env = Env::start();
    let fifo = env.files.path().join("codes.txt");
    mkfifo(&fifo);
    let fifo = fifo.to_str().unwrap();
    for (market, args) in COMMANDS {
        let args = with_file(args, fifo);
        let run = refused(&env, market, &args);
        assert!(
            run.stderr.contains("is a named pipe (FIFO), not a regular file"),
            "`sellerdesk {}`:\n{}",
            args.join(" "),
            run.stderr
        );
    }
}

#[test]
fn dev_zero_is_refused_by_every_command_that_reads_a_file() {
    let env = Env::start();
    for (market, args) in COMMANDS {
        let args = with_file(args, "/dev/zero");
        let run = refused(&env, market, &args);
        assert!(
            run.stderr.contains("is a character device, not a regular file"),
            "`sellerdesk {}`:\n{}",
            args.join(" "),
            run.stderr
        );
    }
}

#[test]
fn a_file_over_the_cap_is_refused_before_it_is_read_and_the_cap_is_said() {
    let env = Env::start();
    let big = env.files.path().join("big.csv");
    // Sparse: 65 MiB long, nothing written.
    std::fs::File::create(&big).unwrap().set_len(65 * 1024 * 1024).unwrap();
    let run =
        run_cli(&env, "gg", &["jobs", "run", "gg-upload-codes", "--file", big.to_str().unwrap()]).fails(1, "file");
    assert!(run.stderr.contains("is larger than 64 MiB allowed for a text file (65 MiB)"), "{}", run.stderr);
    let icon = env.files.path().join("big.png");
    std::fs::File::create(&icon).unwrap().set_len(11 * 1024 * 1024).unwrap();
    let run = run_cli(&env, "ggchest", &["ggc", "icon", "attach", "offer-1", icon.to_str().unwrap()])
        .fails(3, "invalid_input");
    assert!(run.stderr.contains("icons must be under 10 MiB"), "{}", run.stderr);
}

#[test]
fn an_endless_stdin_is_not_read_as_a_key() {
    let env = Env::start();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("sellerdesk"))
        .env_remove("SELLERDESK_API_KEY")
        .env("SELLERDESK_CONFIG_DIR", env.config_dir.path())
        .args(["profile", "add", "shop", "--market", "gg"])
        .stdin(std::fs::File::open("/dev/zero").unwrap())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > DEADLINE {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("profile add with /dev/zero on stdin did not finish within {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert_eq!(status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("stdin held more than 65536 bytes"), "{stderr}");
}
