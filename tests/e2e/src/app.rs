//! One running app: the window driven over WebDriver, its sandbox and its directories, and the
//! steps tests take in it (find, click, fill, wait for a text or a toast, read the sandbox).

use super::*;

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
pub(crate) fn locale_exists(locale: &str) -> bool {
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
    run_inner(name, locale, dirs, shots_wanted(), &[], scenario).await
}

/// [`run`] with extra environment variables for the app (the debug build's test-only answers to
/// its native dialogs: `SELLERDESK_TEST_CONFIRM`, `SELLERDESK_TEST_PICK`; src-tauri/src/native.rs).
pub async fn run_with_env<F, Fut>(name: &str, env: &[(&str, &str)], scenario: F)
where
    F: FnOnce(Arc<App>) -> Fut,
    Fut: Future<Output = ()>,
{
    run_inner(name, ENGLISH, None, shots_wanted(), env, scenario).await;
}

/// [`run`] for a scenario that takes screenshots ([`App::screenshot`]). WebKitWebDriver's
/// screenshot never returns while WebKitGTK (2.50) paints without accelerated compositing, which
/// the app chooses on a machine without a GPU render node (src-tauri/src/rendering.rs), as this
/// one is: so this app is started with WebKit's default renderer
/// (`SELLERDESK_WEBKIT_COMPOSITING=default`), what a machine with a GPU shows.
pub async fn run_for_screenshots<F, Fut>(name: &str, scenario: F)
where
    F: FnOnce(Arc<App>) -> Fut,
    Fut: Future<Output = ()>,
{
    run_inner(name, ENGLISH, None, true, &[], scenario).await;
}

/// Checkpoint screenshots asked for (`SELLER_DESK_E2E_SHOTS=1`, see [`App::checkpoint`]).
fn shots_wanted() -> bool {
    std::env::var_os("SELLER_DESK_E2E_SHOTS").is_some_and(|v| !v.is_empty())
}

async fn run_inner<F, Fut>(
    name: &str,
    locale: &str,
    dirs: Option<Dirs>,
    screenshots: bool,
    env: &[(&str, &str)],
    scenario: F,
) -> Dirs
where
    F: FnOnce(Arc<App>) -> Fut,
    Fut: Future<Output = ()>,
{
    let started = Instant::now();
    let fresh = dirs.is_none();
    let app = Arc::new(App::start(name, locale, dirs, screenshots, env).await);
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
    async fn start(name: &str, locale: &str, dirs: Option<Dirs>, screenshots: bool, env: &[(&str, &str)]) -> App {
        let tools = preflight();
        if locale != ENGLISH && !locale_exists(locale) {
            environment_problem(&format!(
                "the locale {locale} is not generated (`locale -a`), so the app cannot run in it; \
scripts/setup.sh generates it"
            ));
        }
        let dirs = dirs.unwrap_or_default();
        let sandbox = sandbox::Sandbox::start(sandbox::SandboxConfig::default()).await.expect("start the sandbox");

        let (port, native_port) = two_free_ports();
        let driver_log = dirs.logs.join("tauri-driver.log");
        let log = std::fs::File::create(&driver_log).expect("log file");
        let mut command = Command::new(&tools.tauri_driver);
        if screenshots {
            command.env("SELLERDESK_WEBKIT_COMPOSITING", "default");
        }
        // tauri-driver's environment is the app's (through WebKitWebDriver).
        command.envs(env.iter().copied());
        let child = os_language(&mut command, locale)
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

    /// A screenshot of the window, for looking at a scenario while writing it: only in a scenario
    /// run by [`run_for_screenshots`] (or with `SELLER_DESK_E2E_SHOTS=1`), see there why.
    pub async fn screenshot(&self, label: &str) -> PathBuf {
        let dir = shots_dir();
        std::fs::create_dir_all(&dir).expect("shots dir");
        tokio::time::sleep(Duration::from_millis(300)).await;
        let path = dir.join(format!("{}-{label}.png", self.name));
        let png = tokio::time::timeout(Duration::from_secs(20), self.driver.screenshot_as_png())
            .await
            .unwrap_or_else(|_| {
                panic!("screenshot {label}: no answer in 20 s (was the scenario run by e2e::run_for_screenshots?)")
            })
            .expect("screenshot");
        std::fs::write(&path, png).expect("write screenshot");
        path
    }

    /// With `SELLER_DESK_E2E_SHOTS=1`, a screenshot `target/e2e-shots/<name>-<label>.png` of this
    /// point of the scenario, to look at what the tests see; nothing otherwise.
    pub async fn checkpoint(&self, label: &str) {
        if shots_wanted() {
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
        // Select all and delete, until the field is empty: WebKitWebDriver sometimes delivers
        // the Ctrl+A before the click's focus lands, and the Backspace then takes one character.
        for attempt in 1.. {
            el.send_keys(Key::Control + "a").await.unwrap_or_else(|e| panic!("select all in [{testid}]: {e}"));
            el.send_keys(Key::Backspace).await.unwrap_or_else(|e| panic!("clear [{testid}]: {e}"));
            let left = el.prop("value").await.ok().flatten().unwrap_or_default();
            if left.is_empty() {
                break;
            }
            assert!(attempt < 5, "[{testid}] could not be cleared: it still holds {left:?}");
        }
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
}
