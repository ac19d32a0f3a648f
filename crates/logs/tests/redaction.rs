//! L1: a canary API key, password and activation code, logged at every level, through fields
//! and through message text, never reach the log file; ordinary text does. The files are
//! private (0600 in a 0700 directory) whatever the umask.

use std::{fs, path::Path};

use tracing::{debug, error, info, info_span, trace, warn};

const CANARY_KEY: &str = "ggc_live_CANARY_KEY_7f3a9c21d0";
const CANARY_PASSWORD: &str = "hunter2-CANARY-PASSWORD";
const CANARY_CODE: &str = "CANARY-CODE-AAAA-BBBB-CCCC";
/// Never registered: only its field's name can hide it.
const UNREGISTERED: &str = "UNREGISTERED-CANARY-9d1e";

fn everything_in(dir: &Path) -> String {
    let mut all = String::new();
    for entry in fs::read_dir(dir).unwrap() {
        all.push_str(&fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    all
}

#[test]
fn secrets_never_reach_the_log_at_any_level_and_ordinary_text_does() {
    let tmp = tempfile::tempdir().unwrap();
    // Everything, trace included, goes to the file.
    let setup =
        logs::Setup { data_dir: tmp.path().to_owned(), file_filter: Some("trace".into()), ..Default::default() };
    logs::register_secret(CANARY_KEY);
    logs::register_secret(CANARY_PASSWORD);
    logs::register_secrets([CANARY_CODE]);

    let subscriber = logs::subscriber(&setup).unwrap();
    tracing::subscriber::with_default(subscriber, || {
        let span = info_span!("job", api_key = CANARY_KEY, job = "job-17");
        let _entered = span.enter();
        macro_rules! at_every_level {
            ($($level:ident),*) => {$(
                $level!(key = CANARY_KEY, password = CANARY_PASSWORD, code = CANARY_CODE, "fields at {}", stringify!($level));
                $level!(api_key = %CANARY_KEY, codes = ?[CANARY_CODE], refused_codes = ?vec![UNREGISTERED], auth_token = UNREGISTERED, "more fields");
                $level!("message text at {}: key {CANARY_KEY}, password {CANARY_PASSWORD}, code {CANARY_CODE}", stringify!($level));
                $level!(detail = format!("wrapped: {CANARY_KEY}/{CANARY_PASSWORD}/{CANARY_CODE}"), "under an innocent name");
                $level!(error = ?std::io::Error::other(format!("debug of an error holding {CANARY_CODE}")), "ordinary-{}-line", stringify!($level));
            )*};
        }
        at_every_level!(error, warn, info, debug, trace);
    });

    let dir = logs::logs_dir(tmp.path());
    let log = everything_in(&dir);
    for secret in [CANARY_KEY, CANARY_PASSWORD, CANARY_CODE, UNREGISTERED] {
        assert!(!log.contains(secret), "{secret} reached the log:\n{log}");
    }
    // Not even a long piece of one (a secret cut in two by a write).
    for secret in [CANARY_KEY, CANARY_PASSWORD, CANARY_CODE] {
        assert!(!log.contains(&secret[..secret.len() - 3]), "part of {secret} reached the log");
    }
    for level in ["error", "warn", "info", "debug", "trace"] {
        assert!(log.contains(&format!("ordinary-{level}-line")), "the ordinary {level} line is missing:\n{log}");
        assert!(log.contains(&format!("message text at {level}: key {}", logs::MASK)), "{log}");
    }
    assert!(log.contains(&format!("key={} password={} code={}", logs::MASK, logs::MASK, logs::MASK)), "{log}");
    assert!(log.contains("job=\"job-17\""), "span fields are kept: {log}");
    assert!(log.contains("TRACE") && log.contains("ERROR"), "{log}");
    assert_eq!(log.lines().count(), 25, "one line per event:\n{log}");
}

#[test]
fn the_file_is_daily_named_info_by_default_and_private_whatever_the_umask() {
    let tmp = tempfile::tempdir().unwrap();
    #[cfg(unix)]
    let old = unsafe { libc_umask(0o000) }; // the widest: a file created with the defaults would be 0666
                                            // RUST_LOG is for stderr: the file stays at info.
    let setup = logs::Setup { data_dir: tmp.path().join("data"), rust_log: Some("trace".into()), ..Default::default() };
    let subscriber = logs::subscriber(&setup).unwrap();
    tracing::subscriber::with_default(subscriber, || {
        info!(market = "gg", "an info line");
        debug!("a debug line");
    });
    #[cfg(unix)]
    unsafe {
        libc_umask(old)
    };

    let dir = logs::logs_dir(&setup.data_dir);
    let names: Vec<String> =
        fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    assert_eq!(names.len(), 1, "{names:?}");
    let name = &names[0];
    let date = name.strip_prefix("sellerdesk.log.").unwrap_or_else(|| panic!("{name}"));
    assert!(date.len() == 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-', "{name}");
    let log = everything_in(&dir);
    assert!(log.contains("an info line") && log.contains("market=\"gg\""), "{log}");
    assert!(!log.contains("a debug line"), "the file is at info by default: {log}");

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&dir.join(name)), 0o600);
        // A directory and file left wider are narrowed when the logs next start.
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
        fs::set_permissions(dir.join(name), fs::Permissions::from_mode(0o644)).unwrap();
        drop(logs::subscriber(&setup).unwrap());
        assert_eq!((mode(&dir), mode(&dir.join(name))), (0o700, 0o600));
    }
}

#[cfg(unix)]
unsafe fn libc_umask(mask: u32) -> u32 {
    extern "C" {
        fn umask(mask: u32) -> u32;
    }
    umask(mask)
}
