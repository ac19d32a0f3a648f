//! The audit log in the store: append, search, per-profile filter, export in order, and the
//! one-time import of the `audit.jsonl` earlier versions wrote.

use serde_json::json;
use store::{
    audit::{AuditEntry, AuditFilter, IMPORTED_KEY, LEGACY_FILE},
    Store,
};

fn entry(n: usize, profile_id: &str, profile: &str) -> AuditEntry {
    AuditEntry {
        at: format!("2026-12-03T10:00:{n:02}Z"),
        profile_id: Some(profile_id.to_owned()),
        profile: profile.to_owned(),
        market: "gg".to_owned(),
        endpoint: "PATCH /seller/offers/{id}/price".to_owned(),
        target: format!("product {n}"),
        title: Some(format!("Cyberpunk Ключ {n}")),
        before: Some(json!({"price_cents": 1200 + n})),
        after: Some(json!({"price_cents": 1100 + n})),
        outcome: "done".to_owned(),
        code: None,
        request: Some(format!("offers on product {n}: 1200 → 1100 cents")),
        result: "done: 3 offers".to_owned(),
        job: Some("job-1".to_owned()),
        step: Some(n),
    }
}

#[test]
fn entries_are_appended_searched_filtered_by_profile_and_exported_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    for n in 0..10 {
        let (id, name) = if n % 2 == 0 { ("p-a", "shop") } else { ("p-b", "other") };
        store.audit_append(&entry(n, id, name)).unwrap();
    }
    let all = store.audit_query(&AuditFilter::default(), 3).unwrap();
    assert_eq!((all.entries.len(), all.matched, all.total), (3, 10, 10));
    assert_eq!(all.entries[0], entry(9, "p-b", "other"), "newest first, every field kept");

    // Case-insensitive, in any field, Unicode included; and inside the JSON of before/after.
    let found = store.audit_query(&AuditFilter { text: Some("ключ 7".into()), profile: None }, 100).unwrap();
    assert_eq!(found.entries.iter().map(|e| e.step).collect::<Vec<_>>(), vec![Some(7)]);
    let found = store.audit_query(&AuditFilter { text: Some("1203".into()), profile: None }, 100).unwrap();
    assert_eq!(found.matched, 1);

    // By profile id or name.
    let by_id = store.audit_query(&AuditFilter { text: None, profile: Some("p-a".into()) }, 100).unwrap();
    assert_eq!((by_id.matched, by_id.total), (5, 10));
    assert!(by_id.entries.iter().all(|e| e.profile == "shop"));
    let by_name =
        store.audit_query(&AuditFilter { text: Some("product 3".into()), profile: Some("other".into()) }, 100);
    assert_eq!(by_name.unwrap().matched, 1);

    let mut steps = Vec::new();
    let n =
        store.audit_export(&AuditFilter { text: None, profile: Some("p-b".into()) }, |e| steps.push(e.step)).unwrap();
    assert_eq!(n, 5);
    assert_eq!(steps, vec![Some(1), Some(3), Some(5), Some(7), Some(9)], "oldest first");
}

const OLD_LINES: &str = concat!(
    r#"{"at":"2026-11-01T09:00:00Z","profile":"shop","market":"gg","endpoint":"PATCH /seller/offers/{id}/price","target":"product 5","before":"1200 cents","after":"1100 cents","result":"done: 3 offers","job":"0193-a","step":2}"#,
    "\n",
    r#"{"at":"2026-11-01T09:01:00Z","profile":"SELLERDESK_API_KEY","market":"ggchest","endpoint":"PUT /v1/offers/0198/price","target":"offer 0198","before":null,"after":null,"result":"failed [not_found]","job":null,"step":null}"#,
    "\n",
    // A crash in the middle of an append left half a line.
    r#"{"at":"2026-11-01T09:02:00Z","profile":"shop","mar"#,
);

#[test]
fn an_old_audit_jsonl_is_imported_once_and_kept_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let legacy = dir.path().join(LEGACY_FILE);
    std::fs::write(&legacy, OLD_LINES).unwrap();

    let store = Store::open(dir.path()).unwrap();
    let found = store.audit_query(&AuditFilter::default(), 10).unwrap();
    assert_eq!(found.total, 2, "the two whole lines, not the torn one");
    let (failed, done) = (&found.entries[0], &found.entries[1]);
    assert_eq!((done.outcome.as_str(), done.code.as_deref()), ("done", None));
    assert_eq!(done.before, Some(json!("1200 cents")));
    assert_eq!((done.job.as_deref(), done.step, done.profile_id.as_deref()), (Some("0193-a"), Some(2), None));
    assert_eq!((failed.outcome.as_str(), failed.code.as_deref()), ("failed", Some("not_found")));
    assert_eq!(store.meta(IMPORTED_KEY).unwrap().as_deref(), Some("2 entries imported, 1 lines skipped"));

    // The old file stays, unchanged and read-only.
    assert_eq!(std::fs::read_to_string(&legacy).unwrap(), OLD_LINES);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&legacy).unwrap().permissions().mode() & 0o777, 0o400);
    }

    // Opened again (here, or by another process at the same time): nothing imported twice.
    drop(store);
    let openers: Vec<_> = (0..4)
        .map(|_| {
            let dir = dir.path().to_owned();
            std::thread::spawn(move || Store::open(&dir).map(drop).map_err(|e| e.0))
        })
        .collect();
    for o in openers {
        o.join().unwrap().unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.audit_query(&AuditFilter::default(), 10).unwrap().total, 2);
}

#[test]
fn two_processes_importing_at_once_import_once() {
    for _ in 0..10 {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(LEGACY_FILE), OLD_LINES).unwrap();
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(4));
        let openers: Vec<_> = (0..4)
            .map(|_| {
                let (dir, barrier) = (dir.path().to_owned(), barrier.clone());
                std::thread::spawn(move || {
                    barrier.wait();
                    Store::open(&dir).map(drop).map_err(|e| e.0)
                })
            })
            .collect();
        for o in openers {
            o.join().unwrap().unwrap();
        }
        assert_eq!(Store::open(dir.path()).unwrap().audit_query(&AuditFilter::default(), 10).unwrap().total, 2);
    }
}

#[test]
fn a_new_store_without_an_old_file_is_marked_and_imports_nothing_later() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    // A file appearing later (an older build run after the upgrade) is not imported on top.
    std::fs::write(dir.path().join(LEGACY_FILE), OLD_LINES).unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.audit_query(&AuditFilter::default(), 10).unwrap().total, 0);
    assert_eq!(store.meta(IMPORTED_KEY).unwrap().as_deref(), Some("no file"));
}
