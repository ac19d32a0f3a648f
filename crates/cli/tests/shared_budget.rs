//! One rate-limit budget per key across processes: commands running at once on one key, each a
//! process of its own, stay inside the key's documented limit together (the local store holds
//! the record). Before, each process paced only itself, and together they met 429s.

use std::{path::Path, process::Command, thread};

use sandbox::{Sandbox, SandboxConfig, GG_KEY_A};

/// Gaming Goods' 100 requests a minute, in 3-second "minutes": tight enough that two streams
/// of processes started back to back exceed it unless they share the budget.
const SCALE: f64 = 0.05;

fn dashboard(data: &Path, config: &Path, base_url: &str) -> i32 {
    Command::new(assert_cmd::cargo::cargo_bin("sellerdesk"))
        .env_remove("SELLERDESK_API_KEY")
        .env("SELLERDESK_CONFIG_DIR", config)
        .env("SELLERDESK_DATA_DIR", data)
        .env("SELLERDESK_PACING_SCALE", SCALE.to_string())
        .env("SELLERDESK_API_KEY", GG_KEY_A)
        .args(["--market", "gg", "--base-url", base_url, "--json", "gg", "dashboard"])
        .output()
        .unwrap()
        .status
        .code()
        .unwrap_or(-1)
}

#[test]
fn processes_on_one_key_share_its_rate_limit() {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let sandbox = rt.block_on(Sandbox::start(SandboxConfig { time_scale: SCALE, ..SandboxConfig::default() })).unwrap();
    let (data, config) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let url = sandbox.gg_base_url();
    let streams: Vec<_> = (0..2)
        .map(|_| {
            let (data, config, url) = (data.path().to_owned(), config.path().to_owned(), url.clone());
            thread::spawn(move || (0..70).map(|_| dashboard(&data, &config, &url)).filter(|c| *c != 0).count())
        })
        .collect();
    let failed: usize = streams.into_iter().map(|s| s.join().unwrap()).sum();
    assert_eq!(failed, 0, "every command succeeded");
    let requests = sandbox.requests();
    assert_eq!(requests.len(), 140, "one request per command");
    let limited = requests.iter().filter(|r| r.status == Some(429)).count();
    assert_eq!(limited, 0, "answers 429: the processes went over the key's limit together");
}
