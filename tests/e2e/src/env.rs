//! Paths, tools and the checks made before a test starts: a display, a session bus with an
//! unlocked Secret Service, the drivers, and an app binary that embeds the current UI.

use super::*;

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repository root")
}

pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => repo_root().join(dir),
        _ => repo_root().join("target"),
    }
}

/// The app as `npx tauri build --debug --no-bundle` leaves it.
pub fn app_binary() -> PathBuf {
    target_dir().join("debug").join("seller-desk")
}

pub fn shots_dir() -> PathBuf {
    target_dir().join("e2e-shots")
}

pub(crate) fn find_program(name: &str) -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> =
        std::env::var_os("PATH").map(|p| std::env::split_paths(&p).collect()).unwrap_or_default();
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        dirs.push(PathBuf::from(home).join("bin"));
    }
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join(".cargo/bin"));
    }
    dirs.into_iter().map(|d| d.join(name)).find(|p| p.is_file())
}

/// The system's Python, where Debian's python3-gi is installed (a python3 earlier on PATH, from
/// pyenv or a virtualenv, usually lacks it).
pub(crate) fn system_python() -> PathBuf {
    let debian = PathBuf::from("/usr/bin/python3");
    if debian.is_file() {
        debian
    } else {
        PathBuf::from("python3")
    }
}

pub(crate) fn output_of(cmd: &mut Command) -> Result<String, String> {
    let out = cmd.output().map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(format!("{cmd:?} failed ({}): {}", out.status, String::from_utf8_lossy(&out.stderr).trim()))
    }
}

/// What the checks found.
#[derive(Clone, Debug)]
pub struct Tools {
    pub tauri_driver: PathBuf,
    pub screen: (i64, i64),
}

/// Checks everything the tests need and fails with a message naming `./test` when something is
/// missing: a display, a session bus with an unlocked Secret Service, the drivers, the tools of
/// the real file drop, and an app binary that embeds the UI and is newer than its sources.
pub fn preflight() -> Tools {
    if std::env::var_os("DISPLAY").is_none_or(|d| d.is_empty()) {
        environment_problem("no X display (DISPLAY is not set)");
    }
    if find_program("xdotool").is_none() {
        environment_problem("xdotool is not installed (Debian package xdotool)");
    }
    let geometry = output_of(Command::new("xdotool").arg("getdisplaygeometry"))
        .unwrap_or_else(|e| environment_problem(&format!("the X display cannot be used: {e}")));
    let screen = {
        let mut it = geometry.split_whitespace().map(|n| n.parse::<i64>().unwrap_or(0));
        (it.next().unwrap_or(0), it.next().unwrap_or(0))
    };
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none_or(|d| d.is_empty()) {
        environment_problem("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set), so no Secret Service");
    }
    if find_program("secret-tool").is_none() {
        environment_problem("secret-tool is not installed (Debian package libsecret-tools)");
    }
    probe_secret_service();
    if find_program("WebKitWebDriver").is_none() {
        environment_problem("WebKitWebDriver is not installed (Debian package webkit2gtk-driver)");
    }
    let tauri_driver = find_program("tauri-driver").unwrap_or_else(|| {
        environment_problem("tauri-driver is not installed (cargo install tauri-driver --version ^2 --locked)")
    });
    if let Err(e) = output_of(
        Command::new(system_python())
            .args(["-c", "import gi; gi.require_version('Gtk', '3.0'); from gi.repository import Gtk"]),
    ) {
        environment_problem(&format!(
            "python3 with GTK 3 is needed for the file drops (Debian packages python3-gi, gir1.2-gtk-3.0): {e}"
        ));
    }
    check_app_binary();
    Tools { tauri_driver, screen }
}

/// Stores, reads and removes a throw-away item: the default collection exists and is unlocked.
/// The item is this call's own: tests of one binary start in parallel, and with a shared item
/// one test's `clear` could remove it before another's `lookup`.
pub(crate) fn probe_secret_service() {
    let user = format!("probe-{}-{}", std::process::id(), random_hex(8));
    let attrs = ["service", "sellerdesk-e2e-probe", "username", user.as_str()];
    let mut store = Command::new("secret-tool");
    store
        .args(["store", "--label=Seller Desk e2e probe"])
        .args(attrs)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let stored = store.spawn().and_then(|mut child| {
        use std::io::Write;
        child.stdin.take().expect("stdin").write_all(b"probe")?;
        child.wait_with_output()
    });
    let ok = match &stored {
        Ok(out) if out.status.success() => {
            output_of(Command::new("secret-tool").arg("lookup").args(attrs)).ok().as_deref() == Some("probe")
        }
        _ => false,
    };
    let _ = Command::new("secret-tool").arg("clear").args(attrs).status();
    if !ok {
        let why = match stored {
            Ok(out) => String::from_utf8_lossy(&out.stderr).trim().to_owned(),
            Err(e) => e.to_string(),
        };
        environment_problem(&format!("the Secret Service cannot store an item (no gnome-keyring, or locked): {why}"));
    }
}

pub(crate) fn mtime(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// The newest file under `path` (a file or a directory), leaving out unit tests and the mock
/// build's data, which never reach the app.
pub(crate) fn newest_source(path: &Path, newest: &mut Option<(SystemTime, PathBuf)>) {
    let Ok(meta) = std::fs::symlink_metadata(path) else { return };
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if meta.is_dir() {
        if name == "mock" {
            return;
        }
        for e in std::fs::read_dir(path).into_iter().flatten().flatten() {
            newest_source(&e.path(), newest);
        }
    } else if !name.contains(".test.") {
        if let Ok(t) = meta.modified() {
            if newest.as_ref().is_none_or(|(n, _)| t > *n) {
                *newest = Some((t, path.to_owned()));
            }
        }
    }
}

/// The files cargo says the binary was built from (its dep-info, `seller-desk.d`): every Rust
/// source of the workspace crates it uses, tauri.conf.json, capabilities, and the ui/dist files
/// it embeds.
pub(crate) fn dep_info(bin: &Path) -> Option<Vec<PathBuf>> {
    let text = std::fs::read_to_string(bin.with_extension("d")).ok()?;
    let (_, deps) = text.split_once(": ")?;
    let deps = deps.replace("\\ ", "\u{0}");
    Some(deps.split_whitespace().map(|d| PathBuf::from(d.replace('\u{0}', " "))).collect())
}

/// The binary must exist, embed the current `ui/dist` (a plain `cargo build` of the app loads
/// the Vite dev URL instead: a blank window), and be newer than every source it is built from;
/// ui/dist must be newer than the UI's sources.
pub(crate) fn check_app_binary() {
    let bin = app_binary();
    let rebuild = "build it with `npx tauri build --debug --no-bundle` (./test does)";
    let Some(built) = mtime(&bin) else {
        environment_problem(&format!("the app is not built: {} is missing; {rebuild}", bin.display()));
    };
    let Some(deps) = dep_info(&bin) else {
        environment_problem(&format!("{} has no dep-info file beside it; {rebuild}", bin.display()));
    };
    let root = repo_root();
    let dist = root.join("ui/dist");
    let same_file =
        |a: &Path, b: &Path| a.canonicalize().ok().is_some_and(|a| b.canonicalize().ok().is_some_and(|b| a == b));
    let embedded: Vec<&PathBuf> =
        deps.iter().filter(|d| d.parent().is_some_and(|p| same_file(p, &dist.join("assets")))).collect();
    let embeds_index = deps.iter().any(|d| same_file(d, &dist.join("index.html")));
    let in_binary =
        |name: &str| Command::new("grep").args(["-q", "-a", "-F", name]).arg(&bin).status().is_ok_and(|s| s.success());
    let embeds = embeds_index
        && !embedded.is_empty()
        && embedded.iter().all(|a| a.file_name().and_then(|n| n.to_str()).is_some_and(in_binary));
    if !embeds {
        environment_problem(&format!(
            "{} does not embed ui/dist (it was built by cargo, not by `tauri build`, so it would load the Vite dev URL: a blank window); {rebuild}",
            bin.display()
        ));
    }
    if std::env::var_os("SELLER_DESK_E2E_ALLOW_STALE").is_some_and(|v| !v.is_empty()) {
        eprintln!("e2e: SELLER_DESK_E2E_ALLOW_STALE is set: not checking that the app is newer than its sources");
        return;
    }
    let target = target_dir();
    for d in deps.iter().filter(|d| !d.starts_with(&target)) {
        match mtime(d) {
            Some(t) if t <= built => {}
            Some(_) => {
                environment_problem(&format!("the app is stale: {} changed after it was built; {rebuild}", d.display()))
            }
            None => {
                environment_problem(&format!("the app is stale: {} (built into it) is gone; {rebuild}", d.display()))
            }
        }
    }
    let mut newest = None;
    for p in ["ui/src", "ui/index.html", "vite.config.ts", "package.json", "package-lock.json"] {
        newest_source(&root.join(p), &mut newest);
    }
    if let (Some((t, path)), Some(dist_time)) = (newest, mtime(&dist.join("index.html"))) {
        if t > dist_time {
            environment_problem(&format!(
                "the app is stale: {} changed after ui/dist was built; {rebuild}",
                path.strip_prefix(&root).unwrap_or(&path).display()
            ));
        }
    }
}
