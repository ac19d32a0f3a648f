//! Desktop notifications of the real app, received by a real notification daemon: dunst, on the
//! tests' D-Bus session and X display, read back with `dunstctl history`. GGChest orders waiting
//! for delivery are told once when the watcher first sees them, then only new ones; a bulk job's
//! end is told with its counts; with `notify_orders` turned off (through `set_settings`, as the
//! UI does) no order is told and no order is polled. The orders are polled every 3 s here
//! (`SELLERDESK_ORDERS_POLL_SECS`), a minute by default, through the key's paced client: never
//! closer than the interval, never a 429.

use std::collections::HashSet;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use e2e::guide::{SERVER, US_EAST, WOW};
use e2e::sandbox::{GgcOfferType, NewOrder};
use e2e::{wait_until, App, Market, TIMEOUT};
use serde_json::{json, Value};

const POLL_SECS: u64 = 3;
const PROFILE: &str = "E2E notify";

fn problem(what: &str) -> ! {
    panic!(
        "\n\ne2e: {what}.\nThis test reads notifications from dunst (Debian package dunst) on the session bus; {}.\n",
        e2e::RUN_WITH
    );
}

/// Whether a program owns org.freedesktop.Notifications on the session bus.
fn daemon_running() -> bool {
    Command::new("dbus-send")
        .args([
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.NameHasOwner",
            "string:org.freedesktop.Notifications",
        ])
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("boolean true"))
}

/// The dunst this test started (none when one already served the session: D-Bus starts dunst
/// on demand once it is installed); stopped when dropped.
struct Dunst(Option<Child>);

impl Dunst {
    fn start(dir: &Path) -> Dunst {
        // Looked up on PATH, not run: any dunstctl call would have D-Bus start a dunst of its own.
        let on_path = |name: &str| {
            std::env::var_os("PATH").is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(name).is_file()))
        };
        if !on_path("dunst") || !on_path("dunstctl") {
            problem("dunst is not installed");
        }
        if daemon_running() {
            return Dunst(None);
        }
        // Every notification kept (no limit on those shown, a long history), none held back
        // because the (virtual) user is idle.
        let config = dir.join("dunstrc");
        std::fs::write(
            &config,
            "[global]\n    notification_limit = 0\n    history_length = 500\n    idle_threshold = 0\n",
        )
        .expect("dunstrc");
        let log = std::fs::File::create(dir.join("dunst.log")).expect("dunst log");
        let child = Command::new("dunst")
            .arg("-config")
            .arg(&config)
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log"))
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| problem(&format!("dunst cannot start: {e}")));
        let dunst = Dunst(Some(child));
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while !daemon_running() {
            if std::time::Instant::now() > deadline {
                problem(&format!(
                    "dunst did not take org.freedesktop.Notifications: {}",
                    std::fs::read_to_string(dir.join("dunst.log")).unwrap_or_default()
                ));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        dunst
    }
}

impl Drop for Dunst {
    fn drop(&mut self) {
        if let Some(child) = self.0.as_mut() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// One notification dunst received.
#[derive(Debug, Clone, PartialEq)]
struct Shown {
    id: i64,
    app: String,
    summary: String,
    body: String,
}

/// Every notification dunst has received: those on screen are closed first, which moves them
/// into the history (`dunstctl history`: `{"type": "aa{sv}", "data": [[{"id": {"data": 3}, …}]]}`).
fn received() -> Vec<Shown> {
    let _ = Command::new("dunstctl").arg("close-all").status();
    let out = Command::new("dunstctl").arg("history").output().expect("dunstctl history");
    assert!(out.status.success(), "dunstctl history: {}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).expect("dunstctl history prints JSON");
    let field = |n: &Value, k: &str| n[k]["data"].clone();
    v["data"][0]
        .as_array()
        .expect("a list of notifications")
        .iter()
        .map(|n| Shown {
            id: field(n, "id").as_i64().unwrap_or_default(),
            app: field(n, "appname").as_str().unwrap_or_default().to_owned(),
            summary: field(n, "summary").as_str().unwrap_or_default().to_owned(),
            body: field(n, "body").as_str().unwrap_or_default().to_owned(),
        })
        .collect()
}

/// The app's notifications since the test began, oldest first.
fn ours(before: &HashSet<i64>) -> Vec<Shown> {
    let mut all: Vec<Shown> =
        received().into_iter().filter(|n| n.app == "Seller Desk" && !before.contains(&n.id)).collect();
    all.sort_by_key(|n| n.id);
    all
}

async fn wait_for(before: &HashSet<i64>, what: &str, check: impl Fn(&Shown) -> bool) -> Shown {
    let what = format!("the notification {what}");
    wait_until(&what, TIMEOUT, async || ours(before).into_iter().find(|n| check(n))).await
}

/// Calls a command through the page's IPC, as the UI does; fails the test on an error.
async fn invoke(app: &App, cmd: &str, args: Value) -> Value {
    let script = "const done = arguments[arguments.length - 1]; \
        window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1]) \
          .then(r => done({ ok: r === undefined ? null : r }), e => done({ err: typeof e === 'string' ? e : JSON.stringify(e) }));";
    let answer = app
        .driver
        .execute_async(script, vec![json!(cmd), args])
        .await
        .unwrap_or_else(|e| panic!("invoke {cmd}: {e}"))
        .json()
        .clone();
    assert!(answer.get("err").is_none(), "{cmd} failed: {answer}");
    answer["ok"].clone()
}

/// A buyer pays for an order of `seller`'s: it waits for delivery.
fn place_order(app: &App, seller: &str) {
    let order = NewOrder {
        seller: seller.to_owned(),
        name: Some("100,000 Gold".into()),
        price: Some("9.99".into()),
        offer_type: Some(GgcOfferType::Currency),
        ..NewOrder::default()
    };
    app.sandbox.ggchest_create_order(order).expect("order placed");
}

/// When the app asked for `seller`'s orders (ms since the sandbox started), and how many 429s
/// the key met.
fn order_polls(app: &App, seller: &str) -> (Vec<u64>, usize) {
    let log: Vec<_> = app.sandbox.requests().into_iter().filter(|r| r.is_from(seller)).collect();
    let polls = log.iter().filter(|r| r.path == "/v1/orders").map(|r| r.at_ms).collect();
    (polls, log.iter().filter(|r| r.status == Some(429)).count())
}

#[test]
fn orders_waiting_and_jobs_ended_are_notified_through_the_desktop() {
    // Before any thread: tauri-driver, and so the app, inherit it.
    std::env::set_var("SELLERDESK_ORDERS_POLL_SECS", POLL_SECS.to_string());
    // The bulk job's file, as the user picks it in the open dialog (the debug build's test-only
    // answer: the webview only ever gets a handle).
    let job_dir = tempfile::tempdir().expect("temp dir");
    let job_file = job_dir.path().join("offers.json");
    std::env::set_var("SELLERDESK_TEST_PICK", &job_file);
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
    let dunst_dir = tempfile::tempdir().expect("temp dir");
    let _dunst = Dunst::start(dunst_dir.path());
    let before: HashSet<i64> = received().into_iter().map(|n| n.id).collect();
    runtime.block_on(e2e::run("notifications", |app| async move {
        let before = &before;
        invoke(
            &app,
            "set_settings",
            json!({ "settings": { "language": "en", "notify_jobs": true, "notify_orders": true } }),
        )
        .await;

        // A GGChest seller with two orders waiting before the app knows the seller.
        let key = app.new_seller(Market::GgChest).await;
        place_order(&app, &key);
        place_order(&app, &key);
        let id = app.add_profile(PROFILE, Market::GgChest, &key).await;
        let title = format!("GGChest orders · {PROFILE}");
        wait_for(before, "of the 2 orders waiting", |n| n.summary == title && n.body == "2 orders wait for delivery")
            .await;

        // A third one: told as new, with the count of all.
        place_order(&app, &key);
        wait_for(before, "of the new order", |n| {
            n.summary == title && n.body == "1 new order waits for delivery (3 in all)"
        })
        .await;

        // A small bulk job: two offers created from a JSON file.
        let offers: Vec<Value> = (0..2)
            .map(|i| {
                json!({
                    "offer_type": "items", "game_id": WOW, "title": format!("Notified sword {i}"),
                    "description": "bulk", "price": "4.99", "delivery_method": "manual", "delivery_time": "1d",
                    "qty_total": 10, "qty_min": 1, "attributes": [{"id": SERVER, "option_id": US_EAST}]
                })
            })
            .collect();
        std::fs::write(&job_file, serde_json::to_string(&offers).unwrap()).unwrap();
        let picked = invoke(&app, "pick_open_file", json!({ "kind": "job" })).await;
        let spec = json!({ "kind": "ggc_create", "file": picked["handle"] });
        let job = invoke(&app, "job_create", json!({ "profileId": id, "spec": spec })).await;
        let ended = invoke(&app, "job_run", json!({ "profileId": id, "jobId": job["id"] })).await;
        assert_eq!((ended["status"].as_str(), ended["items_done"].as_u64()), (Some("finished"), Some(2)), "{ended}");
        wait_for(before, "of the job's end", |n| {
            n.summary == "Job finished: Create offers" && n.body == format!("{PROFILE} · 2 done, 0 failed")
        })
        .await;

        // Order notifications off, as the settings dialog does: once a round that began before
        // has had time to end, no more polls, and an order placed now is not told.
        invoke(
            &app,
            "set_settings",
            json!({ "settings": { "language": "en", "notify_jobs": true, "notify_orders": false } }),
        )
        .await;
        tokio::time::sleep(Duration::from_secs(POLL_SECS + 1)).await;
        let (polls_when_off, _) = order_polls(&app, &key);
        place_order(&app, &key);
        tokio::time::sleep(Duration::from_secs(POLL_SECS * 3)).await;
        let (polls, too_many) = order_polls(&app, &key);
        assert_eq!(polls.len(), polls_when_off.len(), "no order poll while notify_orders is off");

        // Each notification once; nothing about the fourth order.
        let shown = ours(before);
        let orders: Vec<&Shown> = shown.iter().filter(|n| n.summary == title).collect();
        assert_eq!(orders.len(), 2, "{shown:#?}");
        assert_eq!(shown.iter().filter(|n| n.summary.starts_with("Job finished")).count(), 1, "{shown:#?}");

        // The pace: one request a round, never closer than the interval (less a little timer
        // slack), and the marketplace never said "too many requests".
        assert!(polls.len() >= 2, "{polls:?}");
        let gaps: Vec<u64> = polls.windows(2).map(|w| w[1] - w[0]).collect();
        assert!(gaps.iter().all(|g| *g + 300 >= POLL_SECS * 1000), "polls closer than {POLL_SECS} s: {gaps:?}");
        assert_eq!(too_many, 0);
    }));
}
