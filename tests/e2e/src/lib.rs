//! Harness of Seller Desk's end-to-end tests: the real app window (the debug build that embeds
//! `ui/dist`) under Xvfb, driven over WebDriver (tauri-driver + WebKitWebDriver), against the
//! sandbox started in-process, with the real Secret Service of the surrounding D-Bus session.
//!
//! Each test calls [`run`]: it checks the environment (failing, never skipping, with a message
//! pointing at `./test`), makes fresh `SELLERDESK_CONFIG_DIR` and XDG directories, starts the
//! sandbox and tauri-driver, opens a session on the app, runs the scenario and, when the scenario
//! fails, saves screenshots into `target/e2e-shots/` before tearing everything down.
//!
//! Waits poll with a deadline ([`wait_until`]); nothing sleeps a fixed time except the short pause
//! before a screenshot.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use futures::FutureExt;
use serde_json::{json, Value};
use thirtyfour::prelude::*;
use thirtyfour::Capabilities;
use tokio::io::{AsyncBufReadExt, BufReader};

pub use sandbox::{self, Market, State};

/// How long a wait lasts by default before the test fails.
pub const TIMEOUT: Duration = Duration::from_secs(20);
const POLL: Duration = Duration::from_millis(100);

/// Where every failure about the environment sends the reader.
pub const RUN_WITH: &str = "run them with ./test at the repository root: it builds the app with \
`npx tauri build --debug --no-bundle` (which embeds ui/dist), installs tauri-driver, and runs \
`cargo test -p e2e` under xvfb-run in a private D-Bus session with an unlocked gnome-keyring";

fn environment_problem(problem: &str) -> ! {
    panic!("\n\ne2e: {problem}.\nThese tests drive the real app window over WebDriver; {RUN_WITH}.\n");
}

// ---------------------------------------------------------------------------------------------
// Paths and the environment

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

fn find_program(name: &str) -> Option<PathBuf> {
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
fn system_python() -> PathBuf {
    let debian = PathBuf::from("/usr/bin/python3");
    if debian.is_file() {
        debian
    } else {
        PathBuf::from("python3")
    }
}

fn output_of(cmd: &mut Command) -> Result<String, String> {
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
fn probe_secret_service() {
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

fn mtime(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// The newest file under `path` (a file or a directory), leaving out unit tests and the mock
/// build's data, which never reach the app.
fn newest_source(path: &Path, newest: &mut Option<(SystemTime, PathBuf)>) {
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
fn dep_info(bin: &Path) -> Option<Vec<PathBuf>> {
    let text = std::fs::read_to_string(bin.with_extension("d")).ok()?;
    let (_, deps) = text.split_once(": ")?;
    let deps = deps.replace("\\ ", "\u{0}");
    Some(deps.split_whitespace().map(|d| PathBuf::from(d.replace('\u{0}', " "))).collect())
}

/// The binary must exist, embed the current `ui/dist` (a plain `cargo build` of the app loads
/// the Vite dev URL instead: a blank window), and be newer than every source it is built from;
/// ui/dist must be newer than the UI's sources.
fn check_app_binary() {
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

// ---------------------------------------------------------------------------------------------
// Waiting

/// Polls `check` every 100 ms until it gives `Some`, failing the test after `timeout`.
pub async fn wait_until<T>(what: &str, timeout: Duration, mut check: impl AsyncFnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(v) = check().await {
            return v;
        }
        if Instant::now() >= deadline {
            panic!("timed out after {:.1} s waiting for {what}", timeout.as_secs_f64());
        }
        tokio::time::sleep(POLL).await;
    }
}

// ---------------------------------------------------------------------------------------------
// Directories of one run

/// Fresh directories for one app run: its profiles.json and its XDG data, config and cache
/// (WebKit's storage and caches go there), plus a place for test files. Removed on drop.
pub struct Dirs {
    _root: tempfile::TempDir,
    pub config: PathBuf,
    pub xdg_data: PathBuf,
    pub xdg_config: PathBuf,
    pub xdg_cache: PathBuf,
    pub files: PathBuf,
    pub logs: PathBuf,
}

impl Default for Dirs {
    fn default() -> Dirs {
        Dirs::new()
    }
}

impl Dirs {
    /// Fresh directories, removed when dropped; [`run_with`] starts the app in them (a test may
    /// put files there first, such as GTK's settings).
    pub fn new() -> Dirs {
        let root = tempfile::Builder::new().prefix("sellerdesk-e2e-").tempdir().expect("temp dir");
        let sub = |n: &str| {
            let p = root.path().join(n);
            std::fs::create_dir_all(&p).expect("create dir");
            p
        };
        Dirs {
            config: sub("config"),
            xdg_data: sub("xdg-data"),
            xdg_config: sub("xdg-config"),
            xdg_cache: sub("xdg-cache"),
            files: sub("files"),
            logs: sub("logs"),
            _root: root,
        }
    }

    /// Every directory the app may write to (the app's files are in these and only these).
    pub fn app_dirs(&self) -> [&Path; 4] {
        [&self.config, &self.xdg_data, &self.xdg_config, &self.xdg_cache]
    }
}

// ---------------------------------------------------------------------------------------------
// tauri-driver

struct DriverProcess {
    child: std::process::Child,
    /// WebKitWebDriver and the app (with WebKit's processes), started by tauri-driver.
    descendants: Vec<u32>,
}

/// The process ids under `pid`, from /proc (children of every thread), deepest last.
fn descendants(pid: u32) -> Vec<u32> {
    let mut out = Vec::new();
    let mut queue = vec![pid];
    while let Some(p) = queue.pop() {
        for task in std::fs::read_dir(format!("/proc/{p}/task")).into_iter().flatten().flatten() {
            let children = std::fs::read_to_string(task.path().join("children")).unwrap_or_default();
            for c in children.split_whitespace().filter_map(|c| c.parse::<u32>().ok()) {
                if !out.contains(&c) {
                    out.push(c);
                    queue.push(c);
                }
            }
        }
    }
    out
}

/// Whether a process is still running (a zombie waiting for its parent counts as gone).
fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .is_ok_and(|stat| stat.rsplit_once(") ").is_some_and(|(_, rest)| !rest.starts_with('Z')))
}

impl DriverProcess {
    /// Notes the processes tauri-driver started, to wait for them when it stops.
    fn note_descendants(&mut self) {
        for p in descendants(self.child.id()) {
            if !self.descendants.contains(&p) {
                self.descendants.push(p);
            }
        }
    }

    /// SIGTERM (SIGKILL would leave WebKitWebDriver and the app behind), then waits for it and
    /// for what it started: the next test's app must not find this one still running.
    fn stop(&mut self) {
        self.note_descendants();
        if !matches!(self.child.try_wait(), Ok(Some(_))) {
            let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let driver_done = matches!(self.child.try_wait(), Ok(Some(_)));
            let left: Vec<u32> = self.descendants.iter().copied().filter(|p| alive(*p)).collect();
            if driver_done && left.is_empty() {
                return;
            }
            if Instant::now() >= deadline {
                eprintln!(
                    "e2e: still running 10 s after SIGTERM: tauri-driver {} and {left:?}; terminating them",
                    !driver_done
                );
                for p in left {
                    let _ = Command::new("kill").args(["-TERM", &p.to_string()]).status();
                }
                if !driver_done {
                    let _ = self.child.kill();
                    let _ = self.child.wait();
                }
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for DriverProcess {
    fn drop(&mut self) {
        self.stop();
    }
}

fn port_is_free(port: u16) -> bool {
    std::net::TcpListener::bind(("127.0.0.1", port)).is_ok()
}

fn free_port() -> u16 {
    std::net::TcpListener::bind(("127.0.0.1", 0)).and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

// ---------------------------------------------------------------------------------------------
// The app

/// One running app with its WebDriver session, its sandbox and its directories.
pub struct App {
    pub name: String,
    pub driver: WebDriver,
    pub sandbox: sandbox::Sandbox,
    pub dirs: Dirs,
    pub tools: Tools,
    http: reqwest::Client,
    driver_process: std::sync::Mutex<Option<DriverProcess>>,
    driver_log: PathBuf,
}

/// The OS locale the app runs in unless a test asks for another: English, so that tests can look
/// texts up in English whatever the machine's locale is.
pub const ENGLISH: &str = "en_US.UTF-8";
/// Russian, for the tests of the UI's language (the locale must be generated: scripts/setup.sh).
pub const RUSSIAN: &str = "ru_RU.UTF-8";

/// Gives a process (tauri-driver, hence WebKitWebDriver and the app) the OS language `locale`
/// (`ru_RU.UTF-8`) and nothing else. WebKitGTK's `navigator.language` comes from the process's
/// locale (`setlocale(LC_CTYPE)`: LC_ALL, then LC_CTYPE, then LANG; LANGUAGE plays no part), and
/// only when that locale is generated (`locale -a`): otherwise it is en-US (C.UTF-8 gives "C").
/// LANGUAGE is set to match, for GTK's own texts.
pub fn os_language<'a>(cmd: &'a mut Command, locale: &str) -> &'a mut Command {
    let lang = locale.split('.').next().unwrap_or(locale);
    for var in ["LC_ALL", "LC_CTYPE", "LC_MESSAGES"] {
        cmd.env_remove(var);
    }
    cmd.env("LANG", locale).env("LANGUAGE", lang)
}

/// Whether `locale` (`ru_RU.UTF-8`) is generated on this system (`locale -a` says `ru_RU.utf8`).
fn locale_exists(locale: &str) -> bool {
    let wanted = locale.to_lowercase().replace("utf-8", "utf8");
    output_of(Command::new("locale").arg("-a")).is_ok_and(|all| all.lines().any(|l| l.trim().to_lowercase() == wanted))
}

/// Runs one scenario on a fresh app: screenshots into `target/e2e-shots/<name>-*.png` when it
/// fails, and everything stopped afterwards whatever happened. The OS language is English.
pub async fn run<F, Fut>(name: &str, scenario: F)
where
    F: FnOnce(Arc<App>) -> Fut,
    Fut: Future<Output = ()>,
{
    run_with(name, ENGLISH, None, scenario).await;
}

/// [`run`] with the OS language `locale` ([`ENGLISH`], [`RUSSIAN`]) and, to start the app again
/// where a previous run left it (its profiles.json, settings and WebKit storage), that run's
/// directories. Returns the directories, kept for another run.
pub async fn run_with<F, Fut>(name: &str, locale: &str, dirs: Option<Dirs>, scenario: F) -> Dirs
where
    F: FnOnce(Arc<App>) -> Fut,
    Fut: Future<Output = ()>,
{
    let started = Instant::now();
    let fresh = dirs.is_none();
    let app = Arc::new(App::start(name, locale, dirs).await);
    let outcome = std::panic::AssertUnwindSafe(async {
        if fresh {
            // A fresh profiles.json: the first-run screen.
            app.find("welcome").await;
        }
        scenario(app.clone()).await
    })
    .catch_unwind()
    .await;
    if outcome.is_err() {
        app.failure_evidence().await;
    }
    let app = Arc::into_inner(app).expect("the scenario keeps no reference to the app");
    let dirs = app.stop().await;
    match outcome {
        Ok(()) => eprintln!("e2e: {name} passed in {:.1} s", started.elapsed().as_secs_f64()),
        Err(panic) => std::panic::resume_unwind(panic),
    }
    dirs
}

impl App {
    async fn start(name: &str, locale: &str, dirs: Option<Dirs>) -> App {
        let tools = preflight();
        if locale != ENGLISH && !locale_exists(locale) {
            environment_problem(&format!(
                "the locale {locale} is not generated (`locale -a`), so the app cannot run in it; \
scripts/setup.sh generates it"
            ));
        }
        let dirs = dirs.unwrap_or_default();
        let sandbox = sandbox::Sandbox::start(sandbox::SandboxConfig::default()).await.expect("start the sandbox");

        let (port, native_port) =
            if port_is_free(4444) && port_is_free(4445) { (4444, 4445) } else { (free_port(), free_port()) };
        let driver_log = dirs.logs.join("tauri-driver.log");
        let log = std::fs::File::create(&driver_log).expect("log file");
        let child = os_language(&mut Command::new(&tools.tauri_driver), locale)
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .env("SELLERDESK_CONFIG_DIR", &dirs.config)
            .env("XDG_DATA_HOME", &dirs.xdg_data)
            .env("XDG_CONFIG_HOME", &dirs.xdg_config)
            .env("XDG_CACHE_HOME", &dirs.xdg_cache)
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log file"))
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| environment_problem(&format!("cannot start {}: {e}", tools.tauri_driver.display())));
        let mut process = DriverProcess { child, descendants: Vec::new() };

        let url = format!("http://127.0.0.1:{port}");
        wait_until("tauri-driver to listen", Duration::from_secs(15), async || {
            if let Ok(Some(status)) = process.child.try_wait() {
                panic!(
                    "tauri-driver exited ({status}); its log:\n{}",
                    std::fs::read_to_string(&driver_log).unwrap_or_default()
                );
            }
            tokio::net::TcpStream::connect(("127.0.0.1", port)).await.ok().map(|_| ())
        })
        .await;

        let mut caps = Capabilities::new();
        caps.set("browserName", "wry").expect("caps");
        caps.set("tauri:options", json!({ "application": app_binary() })).expect("caps");
        let driver = match WebDriver::new(url, caps).await {
            Ok(d) => d,
            Err(e) => panic!(
                "cannot open a WebDriver session on the app: {e}; tauri-driver's log:\n{}",
                std::fs::read_to_string(&driver_log).unwrap_or_default()
            ),
        };

        // WebKitWebDriver and the app are running now: note them while tauri-driver is their parent.
        process.note_descendants();
        App {
            name: name.to_owned(),
            driver,
            sandbox,
            dirs,
            tools,
            http: reqwest::Client::new(),
            driver_process: std::sync::Mutex::new(Some(process)),
            driver_log,
        }
    }

    async fn stop(self) -> Dirs {
        let App { driver, sandbox, driver_process, dirs, .. } = self;
        let _ = tokio::time::timeout(Duration::from_secs(10), driver.quit()).await;
        let process = driver_process.lock().expect("lock").take();
        if let Some(mut p) = process {
            tokio::task::spawn_blocking(move || p.stop()).await.expect("stop tauri-driver");
        }
        sandbox.shutdown().await;
        dirs
    }

    async fn failure_evidence(&self) {
        let dir = shots_dir();
        let _ = std::fs::create_dir_all(&dir);
        tokio::time::sleep(Duration::from_millis(300)).await;
        let page = dir.join(format!("{}-failure.png", self.name));
        match tokio::time::timeout(Duration::from_secs(10), self.driver.screenshot_as_png()).await {
            Ok(Ok(png)) => {
                let _ = std::fs::write(&page, png);
                eprintln!("e2e: the window at the failure: {}", page.display());
            }
            Ok(Err(e)) => eprintln!("e2e: no screenshot of the page: {e}"),
            Err(_) => eprintln!("e2e: no screenshot of the page: timed out"),
        }
        let screen = dir.join(format!("{}-failure-screen.png", self.name));
        if find_program("import").is_some()
            && Command::new("import").args(["-window", "root"]).arg(&screen).status().is_ok_and(|s| s.success())
        {
            eprintln!("e2e: the whole screen at the failure: {}", screen.display());
        }
        let log = std::fs::read_to_string(&self.driver_log).unwrap_or_default();
        let tail: Vec<&str> = log.lines().rev().take(40).collect();
        eprintln!("e2e: the last lines of tauri-driver's log (the app's output included):");
        for l in tail.iter().rev() {
            eprintln!("    {l}");
        }
    }

    /// A screenshot of the window, for looking at a scenario while writing it.
    pub async fn screenshot(&self, label: &str) -> PathBuf {
        let dir = shots_dir();
        std::fs::create_dir_all(&dir).expect("shots dir");
        tokio::time::sleep(Duration::from_millis(300)).await;
        let path = dir.join(format!("{}-{label}.png", self.name));
        std::fs::write(&path, self.driver.screenshot_as_png().await.expect("screenshot")).expect("write screenshot");
        path
    }

    /// With `SELLER_DESK_E2E_SHOTS=1`, a screenshot `target/e2e-shots/<name>-<label>.png` of this
    /// point of the scenario, to look at what the tests see; nothing otherwise.
    pub async fn checkpoint(&self, label: &str) {
        if std::env::var_os("SELLER_DESK_E2E_SHOTS").is_some_and(|v| !v.is_empty()) {
            self.screenshot(label).await;
        }
    }

    /// The output of tauri-driver, WebKitWebDriver and the app so far.
    pub fn driver_log(&self) -> String {
        std::fs::read_to_string(&self.driver_log).unwrap_or_default()
    }

    // --- elements ------------------------------------------------------------------------------

    pub fn sel(testid: &str) -> String {
        format!("[data-testid=\"{testid}\"]")
    }

    /// The elements matching a CSS selector now (no waiting).
    pub async fn all_css(&self, css: &str) -> Vec<WebElement> {
        self.driver.find_all(By::Css(css)).await.unwrap_or_default()
    }

    /// Whether an element with this test id is in the page now.
    pub async fn exists(&self, testid: &str) -> bool {
        !self.all_css(&Self::sel(testid)).await.is_empty()
    }

    /// The first element matching a CSS selector that is rendered (a box with a size, not hidden
    /// by CSS), or `None`. Checked in the page: WebDriver's own "displayed" answers false for an
    /// `overflow: hidden` heading here.
    pub async fn visible_css(&self, css: &str) -> Option<WebElement> {
        const SCRIPT: &str = "for (const el of document.querySelectorAll(arguments[0])) { \
            const r = el.getBoundingClientRect(); \
            if (r.width > 0 && r.height > 0 && (!el.checkVisibility || el.checkVisibility({ visibilityProperty: true }))) return el; \
          } return null;";
        let ret = self.driver.execute(SCRIPT, vec![json!(css)]).await.ok()?;
        if ret.json().is_null() {
            None
        } else {
            ret.element().ok()
        }
    }

    /// Waits for an element matching a CSS selector to be shown.
    pub async fn find_css(&self, css: &str) -> WebElement {
        wait_until(&format!("`{css}` to be shown"), TIMEOUT, async || self.visible_css(css).await).await
    }

    /// The text of an element as its DOM holds it (`textContent`, trimmed): unlike WebDriver's
    /// rendered text, it does not depend on CSS (upper-case labels, clipped headings).
    pub async fn text_of(&self, el: &WebElement) -> String {
        let arg = el.to_json().expect("element as JSON");
        let v = self
            .driver
            .execute("return arguments[0].textContent", vec![arg])
            .await
            .map(|r| r.json().clone())
            .unwrap_or(Value::Null);
        v.as_str().unwrap_or_default().trim().to_owned()
    }

    /// Waits for the element with this test id to be shown.
    pub async fn find(&self, testid: &str) -> WebElement {
        self.find_css(&Self::sel(testid)).await
    }

    /// Waits until no element has this test id.
    pub async fn wait_gone(&self, testid: &str) {
        wait_until(&format!("[{testid}] to go away"), TIMEOUT, async || (!self.exists(testid).await).then_some(()))
            .await
    }

    /// Clicks the element once it is shown and enabled (retrying while something covers it).
    pub async fn click(&self, testid: &str) {
        self.click_css(&Self::sel(testid)).await
    }

    pub async fn click_css(&self, css: &str) {
        wait_until(&format!("`{css}` to be shown, enabled and clickable"), TIMEOUT, async || {
            let el = self.visible_css(css).await?;
            if !el.is_enabled().await.unwrap_or(false) {
                return None;
            }
            let _ = el.scroll_into_view().await;
            el.click().await.ok()
        })
        .await;
    }

    /// Replaces the content of a text field by typing, as a person would.
    pub async fn fill(&self, testid: &str, text: &str) {
        let el = self.find(testid).await;
        el.scroll_into_view().await.ok();
        el.click().await.unwrap_or_else(|e| panic!("click [{testid}]: {e}"));
        el.send_keys(Key::Control + "a").await.unwrap_or_else(|e| panic!("select all in [{testid}]: {e}"));
        el.send_keys(Key::Backspace).await.unwrap_or_else(|e| panic!("clear [{testid}]: {e}"));
        // Line breaks as the Enter key: WebKitWebDriver drops a typed "\n".
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                el.send_keys(Key::Enter).await.unwrap_or_else(|e| panic!("type Enter into [{testid}]: {e}"));
            }
            if !line.is_empty() {
                el.send_keys(line).await.unwrap_or_else(|e| panic!("type into [{testid}]: {e}"));
            }
        }
        let value = el.prop("value").await.ok().flatten().unwrap_or_default();
        assert_eq!(value, text, "[{testid}] holds what was typed");
    }

    /// Chooses an option of a `<select>` by its value, clicking it.
    pub async fn choose(&self, testid: &str, value: &str) {
        self.find(testid).await;
        let css = format!("{} option[value=\"{value}\"]", Self::sel(testid));
        let option = wait_until(&format!("option {value} of [{testid}]"), TIMEOUT, async || {
            self.all_css(&css).await.into_iter().next()
        })
        .await;
        option.click().await.unwrap_or_else(|e| panic!("choose {value} in [{testid}]: {e}"));
        let el = self.find(testid).await;
        let now = el.prop("value").await.ok().flatten().unwrap_or_default();
        assert_eq!(now, value, "[{testid}] shows the chosen option");
    }

    /// The text of the element with this test id (waiting for it to be shown).
    pub async fn text(&self, testid: &str) -> String {
        let el = self.find(testid).await;
        self.text_of(&el).await
    }

    /// Waits until the element's text satisfies `ok`; returns the text.
    pub async fn wait_text(&self, testid: &str, what: &str, ok: impl Fn(&str) -> bool) -> String {
        wait_until(&format!("[{testid}] to show {what}"), TIMEOUT, async || {
            let el = self.visible_css(&Self::sel(testid)).await?;
            let t = self.text_of(&el).await;
            ok(&t).then_some(t)
        })
        .await
    }

    /// Waits for a toast of this kind (`success`, `info`, `warning`, `error`) whose title contains
    /// `title`; returns its title and message, and dismisses it.
    pub async fn toast(&self, kind: &str, title: &str) -> (String, String) {
        let css = Self::sel(&format!("toast-{kind}"));
        let (el, t, m) = wait_until(&format!("a {kind} toast titled “{title}”"), TIMEOUT, async || {
            for el in self.all_css(&css).await {
                let t = self.text_of(&el.find(By::Css(Self::sel("toast-title"))).await.ok()?).await;
                if t.contains(title) {
                    let m = match el.find(By::Css(Self::sel("toast-message"))).await {
                        Ok(m) => self.text_of(&m).await,
                        Err(_) => String::new(),
                    };
                    return Some((el, t, m));
                }
            }
            None
        })
        .await;
        if let Ok(close) = el.find(By::Css(Self::sel("toast-dismiss"))).await {
            let _ = close.click().await;
        }
        (t, m)
    }

    /// Fails at once when an error toast is on screen (its text in the message).
    pub async fn assert_no_error_toast(&self) {
        if let Some(el) = self.all_css(&Self::sel("toast-error")).await.first() {
            panic!("an error toast is shown: {}", self.text_of(el).await);
        }
    }

    /// The test ids of the elements matching a CSS selector.
    pub async fn testids(&self, css: &str) -> Vec<String> {
        let mut out = Vec::new();
        for el in self.all_css(css).await {
            if let Ok(Some(id)) = el.attr("data-testid").await {
                out.push(id);
            }
        }
        out
    }

    /// Runs JavaScript in the page and returns its JSON result.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.driver.execute(script, args).await.unwrap_or_else(|e| panic!("script failed: {e}")).json().clone()
    }

    // --- the sandbox -----------------------------------------------------------------------------

    /// The sandbox's state, read over its admin API (`GET /_sandbox/state`).
    pub async fn state(&self) -> State {
        let url = format!("{}/state", self.sandbox.admin_url());
        let resp = self.http.get(&url).send().await.unwrap_or_else(|e| panic!("GET {url}: {e}"));
        assert!(resp.status().is_success(), "GET {url}: {}", resp.status());
        resp.json().await.unwrap_or_else(|e| panic!("GET {url}: not a State: {e}"))
    }

    /// Polls the sandbox's state until `check` finds what it looks for.
    pub async fn wait_state<T>(&self, what: &str, check: impl Fn(&State) -> Option<T>) -> T {
        wait_until(&format!("the sandbox's state to show {what}"), TIMEOUT, async || check(&self.state().await)).await
    }

    /// The sandbox's log of market requests (`GET /_sandbox/requests`).
    pub async fn requests(&self) -> Vec<sandbox::LoggedRequest> {
        let url = format!("{}/requests", self.sandbox.admin_url());
        let resp = self.http.get(&url).send().await.unwrap_or_else(|e| panic!("GET {url}: {e}"));
        assert!(resp.status().is_success(), "GET {url}: {}", resp.status());
        resp.json().await.unwrap_or_else(|e| panic!("GET {url}: not a request log: {e}"))
    }

    /// The body of a GET (a file the sandbox serves, for instance).
    pub async fn fetch(&self, url: &str) -> Vec<u8> {
        let resp = self.http.get(url).send().await.unwrap_or_else(|e| panic!("GET {url}: {e}"));
        assert!(resp.status().is_success(), "GET {url}: {}", resp.status());
        resp.bytes().await.unwrap_or_else(|e| panic!("GET {url}: {e}")).to_vec()
    }

    /// A new seller on the sandbox with a fresh random key and nothing on sale.
    pub async fn new_seller(&self, market: Market) -> String {
        let prefix = match market {
            Market::Gg => "pk_test_e2e_",
            Market::GgChest => "ggc_test_e2e_",
        };
        let key = format!("{prefix}{}", random_hex(24));
        let url = format!("{}/sellers", self.sandbox.admin_url());
        let resp = self
            .http
            .post(&url)
            .json(&json!({ "market": market, "key": key }))
            .send()
            .await
            .unwrap_or_else(|e| panic!("POST {url}: {e}"));
        assert!(resp.status().is_success(), "POST {url}: {}", resp.status());
        key
    }

    // --- flows shared by the scenarios ------------------------------------------------------------

    /// Adds a profile through the UI (welcome screen or sidebar), the key typed into the password
    /// field; returns the new profile's id, read from the sidebar.
    pub async fn add_profile(&self, name: &str, market: Market, key: &str) -> String {
        let (market_id, base_url) = match market {
            Market::Gg => ("gg", self.sandbox.gg_base_url()),
            Market::GgChest => ("ggchest", self.sandbox.ggchest_base_url()),
        };
        if self.exists("welcome-add-profile").await {
            self.click("welcome-add-profile").await;
        } else {
            self.click("sidebar-add-profile").await;
        }
        self.find("profile-add").await;
        self.fill("profile-add-input-name", name).await;
        self.click(&format!("profile-add-market-{market_id}")).await;
        self.fill("profile-add-input-base-url", &base_url).await;
        self.fill("profile-add-input-api-key", key).await;
        let typed = self.find("profile-add-input-api-key").await;
        assert_eq!(
            typed.attr("type").await.ok().flatten().as_deref(),
            Some("password"),
            "the key is typed into a password field"
        );
        self.click("profile-add-submit").await;
        self.toast("success", "Profile added").await;
        self.wait_gone("profile-add").await;
        let css = format!("[data-testid^=\"sidebar-profile-\"][data-profile-name=\"{name}\"]");
        let el = self.find_css(&css).await;
        let testid = el.attr("data-testid").await.ok().flatten().expect("test id");
        testid.strip_prefix("sidebar-profile-").expect("sidebar-profile-<id>").to_owned()
    }

    /// Opens a profile from the sidebar.
    pub async fn open_profile(&self, id: &str) {
        self.click(&format!("sidebar-profile-{id}")).await;
        wait_until("the profile to open", TIMEOUT, async || {
            let el = self.all_css(&Self::sel(&format!("sidebar-profile-{id}"))).await.into_iter().next()?;
            (el.attr("aria-current").await.ok().flatten().as_deref() == Some("true")).then_some(())
        })
        .await;
    }

    /// Drops a real file on the drop zone with this test id: a GTK drag source window
    /// (`drag_source.py`) offers the file as `text/uri-list`, and xdotool moves the real pointer
    /// from it onto the zone, waits for the app to report the zone as hovered
    /// (`data-drop-over="true"`), and releases the button.
    pub async fn drop_file(&self, file: &Path, zone_testid: &str) {
        let zone = self.find(zone_testid).await;
        zone.scroll_into_view().await.ok();
        let r = zone.rect().await.expect("drop zone rect");
        let win = self.driver.get_window_rect().await.expect("window rect");
        let dpr = self.js("return window.devicePixelRatio || 1", vec![]).await.as_f64().unwrap_or(1.0);
        let target = (win.x + ((r.x + r.width / 2.0) * dpr) as i64, win.y + ((r.y + r.height / 2.0) * dpr) as i64);

        // The drag source sits in the bottom-left corner, away from the drop zones.
        let script = repo_root().join("tests/e2e/drag_source.py");
        let mut source = tokio::process::Command::new(system_python())
            .arg(&script)
            .arg(file)
            .args(["10", &(self.tools.screen.1 - 130).to_string()])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .expect("start drag_source.py");
        let mut lines = BufReader::new(source.stdout.take().expect("stdout")).lines();
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<String>();
        tokio::spawn(async move {
            while let Ok(Some(l)) = lines.next_line().await {
                if tx.send(l).is_err() {
                    break;
                }
            }
        });
        let mut heard: Vec<String> = Vec::new();
        let mut hear = |rx: &mut tokio::sync::mpsc::UnboundedReceiver<String>| {
            while let Ok(l) = rx.try_recv() {
                heard.push(l);
            }
            heard.clone()
        };

        let ready = wait_until("the drag source window", Duration::from_secs(15), async || {
            hear(&mut rx).into_iter().find(|l| l.starts_with("READY "))
        })
        .await;
        let n: Vec<i64> = ready.split_whitespace().skip(1).filter_map(|v| v.parse().ok()).collect();
        let (sx, sy) = (n[0] + n[2] / 2, n[1] + n[3] / 2);

        xdotool(&["mousemove", &sx.to_string(), &sy.to_string()]);
        xdotool(&["mousedown", "1"]);
        // Whatever happens next, the button goes up again: a later drag needs it.
        let button = ButtonDown;
        // Past GTK's drag threshold, a few pixels at a time, until the drag begins.
        let mut step = 0;
        wait_until("the drag to begin", Duration::from_secs(10), async || {
            step += 4;
            xdotool(&["mousemove", &(sx + step).to_string(), &(sy - step).to_string()]);
            hear(&mut rx).iter().any(|l| l == "BEGIN").then_some(())
        })
        .await;
        // Across the screen to the zone, then wiggle over it until the app says it is hovered.
        let (fx, fy) = (sx + step, sy - step);
        for i in 1..=8 {
            let x = fx + (target.0 - fx) * i / 8;
            let y = fy + (target.1 - fy) * i / 8;
            xdotool(&["mousemove", &x.to_string(), &y.to_string()]);
        }
        let mut wiggle = 0;
        let over_css = format!("{}[data-drop-over=\"true\"]", Self::sel(zone_testid));
        wait_until(
            &format!("[{zone_testid}] to be hovered by the dragged file (pointer at {target:?})"),
            Duration::from_secs(10),
            async || {
                wiggle = 1 - wiggle;
                xdotool(&["mousemove", &(target.0 + wiggle).to_string(), &target.1.to_string()]);
                (!self.all_css(&over_css).await.is_empty()).then_some(())
            },
        )
        .await;
        drop(button);
        let said = wait_until("the drop to finish", Duration::from_secs(15), async || {
            let h = hear(&mut rx);
            h.iter().any(|l| l == "END").then_some(h)
        })
        .await;
        assert!(said.iter().any(|l| l == "DATA"), "the app took the file's URI from the drag source: {said:?}");
        assert!(!said.iter().any(|l| l.starts_with("FAILED")), "the drop was refused: {said:?}");
        let _ = tokio::time::timeout(Duration::from_secs(5), source.wait()).await;
        // Park the pointer where it hovers nothing of interest.
        xdotool(&["mousemove", "5", "5"]);
    }
}

/// Releases the first mouse button when dropped.
struct ButtonDown;

impl Drop for ButtonDown {
    fn drop(&mut self) {
        let _ = Command::new("xdotool").args(["mouseup", "1"]).status();
    }
}

fn xdotool(args: &[&str]) {
    let status = Command::new("xdotool").args(args).status().expect("xdotool");
    assert!(status.success(), "xdotool {args:?} failed");
}

/// Random lower-case hex from the kernel.
pub fn random_hex(len: usize) -> String {
    let mut bytes = vec![0u8; len.div_ceil(2)];
    use std::io::Read;
    std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes)).expect("/dev/urandom");
    bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()[..len].to_owned()
}

// ---------------------------------------------------------------------------------------------
// Files, the keychain

/// A real PNG (RGB, `w`×`h`, a diagonal gradient), encoded here: stored deflate blocks, CRC-32
/// and Adler-32, no dependencies.
pub fn png(w: u32, h: u32) -> Vec<u8> {
    fn crc32(data: &[u8]) -> u32 {
        let mut c = 0xffff_ffffu32;
        for &b in data {
            c ^= b as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 { 0xedb8_8320 ^ (c >> 1) } else { c >> 1 };
            }
        }
        !c
    }
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend_from_slice(data);
        out.extend_from_slice(&body);
        out.extend_from_slice(&crc32(&body).to_be_bytes());
    }
    let mut raw = Vec::new();
    for y in 0..h {
        raw.push(0); // filter: none
        for x in 0..w {
            raw.extend_from_slice(&[(x * 255 / w.max(1)) as u8, 96, (y * 255 / h.max(1)) as u8]);
        }
    }
    let mut z = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (i, block) in blocks.iter().enumerate() {
        z.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        z.extend_from_slice(&len.to_le_bytes());
        z.extend_from_slice(&(!len).to_le_bytes());
        z.extend_from_slice(block);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in &raw {
        a = (a + byte as u32) % 65_521;
        b = (b + a) % 65_521;
    }
    z.extend_from_slice(&((b << 16) | a).to_be_bytes());
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &z);
    chunk(&mut out, b"IEND", &[]);
    out
}

/// The key the Secret Service holds for a profile (service `sellerdesk`, account
/// `profile:<id>`), read with secret-tool in the tests' D-Bus session; `None` when there is none.
pub fn keychain_secret(profile_id: &str) -> Option<String> {
    let out = Command::new("secret-tool")
        .args(["lookup", "service", "sellerdesk", "username", &format!("profile:{profile_id}")])
        .output()
        .expect("secret-tool");
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim_end_matches('\n').to_owned())
}

/// Every file under `dir` whose bytes contain `needle`, as UTF-8 or as UTF-16 (WebKit's storage
/// keeps strings in UTF-16); also returns how many files were read.
pub fn files_containing(dir: &Path, needle: &str) -> (Vec<PathBuf>, usize) {
    let utf8 = needle.as_bytes().to_vec();
    let utf16le: Vec<u8> = needle.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    let utf16be: Vec<u8> = needle.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
    let mut found = Vec::new();
    let mut read = 0;
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            let Ok(t) = e.file_type() else { continue };
            if t.is_dir() {
                stack.push(p);
            } else if t.is_file() {
                let Ok(bytes) = std::fs::read(&p) else { continue };
                read += 1;
                let has = |n: &[u8]| bytes.windows(n.len()).any(|w| w == n);
                if has(&utf8) || has(&utf16le) || has(&utf16be) {
                    found.push(p);
                }
            }
        }
    }
    (found, read)
}
