//! The `sellerdesk` binary, for tests that drive the CLI and the app side by side.

use std::{
    path::{Path, PathBuf},
    process::Command,
    time::SystemTime,
};

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the workspace holds src-tauri").to_owned()
}

/// The newest modification time of the sources the CLI is built from.
fn newest_source(dir: &Path, newest: &mut SystemTime) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            newest_source(&path, newest);
        } else if path.extension().is_some_and(|e| e == "rs") || path.ends_with("Cargo.toml") {
            if let Ok(modified) = entry.metadata().and_then(|m| m.modified()) {
                *newest = (*newest).max(modified);
            }
        }
    }
}

/// `target/debug/sellerdesk`, built first when missing or older than its sources.
pub fn sellerdesk_binary() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    // <target>/debug/deps/<test>-…: the binary is in <target>/debug.
    let bin = exe.parent().and_then(Path::parent).unwrap().join(format!("sellerdesk{}", std::env::consts::EXE_SUFFIX));
    let mut newest = SystemTime::UNIX_EPOCH;
    for krate in ["cli", "markets", "profiles", "jobs", "desk", "store", "logs"] {
        newest_source(&workspace().join("crates").join(krate), &mut newest);
    }
    let fresh = std::fs::metadata(&bin).and_then(|m| m.modified()).is_ok_and(|built| built >= newest);
    if !fresh {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let status = Command::new(cargo)
            .args(["build", "--locked", "-p", "sellerdesk-cli", "--bin", "sellerdesk"])
            .current_dir(workspace())
            .status()
            .expect("cargo runs");
        assert!(status.success(), "`cargo build -p sellerdesk-cli` failed: build the CLI, then run this test again");
    }
    assert!(bin.exists(), "no {} after building it", bin.display());
    bin
}
