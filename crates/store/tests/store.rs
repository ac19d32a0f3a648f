//! The store's file: private, migrated from every earlier schema, shared by processes.

use store::{Store, DB_FILE, MIGRATIONS};

#[cfg(unix)]
#[test]
fn the_directory_and_files_are_private_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("data");
    // SAFETY: umask is process-wide; this test binary's other tests do not create files.
    let old = unsafe { libc_umask(0o022) };
    let store = Store::open(&dir).unwrap();
    unsafe { libc_umask(old) };
    drop(store);
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700);
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        assert_eq!(mode(&path), 0o600, "{}", path.display());
    }
}

#[cfg(unix)]
extern "C" {
    #[link_name = "umask"]
    fn libc_umask(mask: u32) -> u32;
}

/// A database left at each earlier version (as that version's migrations made it) opens and
/// reaches the current schema.
#[test]
fn every_earlier_schema_is_migrated() {
    for version in 0..MIGRATIONS.len() {
        let dir = tempfile::tempdir().unwrap();
        {
            let conn = rusqlite::Connection::open(dir.path().join(DB_FILE)).unwrap();
            for step in &MIGRATIONS[..version] {
                conn.execute_batch(step).unwrap();
            }
            conn.pragma_update(None, "user_version", version as i64).unwrap();
        }
        // What each earlier version kept: a v1 store's budget, a pre-v2 audit.jsonl.
        if version >= 1 {
            let conn = rusqlite::Connection::open(dir.path().join(DB_FILE)).unwrap();
            conn.execute("INSERT INTO rate_pauses (key_id, until_ms) VALUES ('k', 42)", []).unwrap();
        }
        std::fs::write(
            dir.path().join("audit.jsonl"),
            r#"{"at":"2026-01-01T00:00:00Z","profile":"shop","market":"gg","endpoint":"POST /seller/offers","target":"product 1","before":null,"after":"+2 offers at 500 cents","result":"done: 2 offers","job":"j1","step":0}
"#,
        )
        .unwrap();
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.schema_version() as usize, MIGRATIONS.len(), "from version {version}");
        let found = store.audit_query(&Default::default(), 10).unwrap();
        assert_eq!(found.total, 1, "from version {version}");
        assert_eq!(found.entries[0].job.as_deref(), Some("j1"));
        if version >= 1 {
            let conn = rusqlite::Connection::open(dir.path().join(DB_FILE)).unwrap();
            let until: i64 =
                conn.query_row("SELECT until_ms FROM rate_pauses WHERE key_id = 'k'", [], |r| r.get(0)).unwrap();
            assert_eq!(until, 42, "the budget survives the migration from version {version}");
        }
    }
    // And opening an up-to-date store again changes nothing.
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    assert_eq!(Store::open(dir.path()).unwrap().schema_version() as usize, MIGRATIONS.len());
}

/// Processes opening a new store at the same moment all get it (before: one of them could be
/// refused with "database is locked" while another switched the new file to WAL, and then
/// paced on its own, outside the shared budget).
#[test]
fn many_openers_of_a_new_store_all_succeed() {
    for _ in 0..20 {
        let dir = tempfile::tempdir().unwrap();
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(8));
        let openers: Vec<_> = (0..8)
            .map(|_| {
                let (dir, barrier) = (dir.path().to_owned(), barrier.clone());
                std::thread::spawn(move || {
                    barrier.wait();
                    Store::open(&dir).map(|s| s.schema_version()).map_err(|e| e.0)
                })
            })
            .collect();
        for opener in openers {
            assert_eq!(opener.join().unwrap(), Ok(MIGRATIONS.len() as u32));
        }
    }
}
