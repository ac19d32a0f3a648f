//! Each HTTP request is logged (method, path, status, duration, retries) and no key or code
//! reaches the log (docs/SECURITY.md L1).

mod common;

use common::{gg_client, sandbox};
use sandbox::{Fault, FaultKind, GgDeliveryType, GG_KEY_A};

#[tokio::test]
async fn requests_and_retries_are_logged_without_the_key_or_the_codes() {
    let tmp = tempfile::tempdir().unwrap();
    let setup =
        logs::Setup { data_dir: tmp.path().to_owned(), file_filter: Some("trace".into()), ..Default::default() };
    // Current-thread runtime: the client is polled on this thread, under this subscriber.
    let _default = tracing::subscriber::set_default(logs::subscriber(&setup).unwrap());

    let sb = sandbox().await;
    let c = gg_client(&sb.gg_base_url(), GG_KEY_A);
    let listing = sb
        .state()
        .gg_products_of(GG_KEY_A)
        .into_iter()
        .find(|p| p.delivery_type == GgDeliveryType::Auto && p.is_active)
        .expect("seller A has an AUTO listing")
        .id
        .clone();
    sb.inject(Fault::new(sandbox::Market::Gg, FaultKind::Unavailable).on_method("POST"));
    let codes = vec!["LOGGED-NEVER-CODE-0001".to_owned()];
    // POST codes is unsafe: the 503 is not retried (documented: nothing applied), then a retry
    // of a safe read after a 503.
    assert!(c.upload_codes(&listing, &codes).await.is_err());
    c.upload_codes(&listing, &codes).await.unwrap();
    sb.inject(Fault::new(sandbox::Market::Gg, FaultKind::Unavailable).on_method("GET"));
    c.product(&listing).await.unwrap();
    drop(_default);

    let mut log = String::new();
    for entry in std::fs::read_dir(logs::logs_dir(tmp.path())).unwrap() {
        log.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    let path = format!("path=/seller/products/{listing}/codes");
    let line = |status: u16| {
        log.lines()
            .find(|l| {
                l.contains(" http ")
                    && l.contains("method=POST")
                    && l.contains(&path)
                    && l.contains(&format!("status={status} "))
            })
            .unwrap_or_else(|| panic!("no POST {status} line in:\n{log}"))
    };
    assert!(line(503).contains("ms=") && line(200).contains("attempt=1"), "{log}");
    assert!(log.lines().any(|l| l.contains("request failed") && l.contains("error=\"unavailable\"")), "{log}");
    let retry = log.lines().find(|l| l.contains("retrying")).unwrap_or_else(|| panic!("no retry in:\n{log}"));
    assert!(retry.contains("method=GET") && retry.contains("attempt=1") && retry.contains("wait_ms="), "{retry}");
    assert!(
        log.lines().any(|l| l.contains("method=GET") && l.contains("status=200") && l.contains("attempt=2")),
        "{log}"
    );
    assert!(!log.contains(GG_KEY_A) && !log.contains("LOGGED-NEVER-CODE"), "a secret reached the log:\n{log}");
    sb.shutdown().await;
}
