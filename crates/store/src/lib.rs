//! The local store: one SQLite database (`sellerdesk.db`) in the data directory, opened by every
//! Seller Desk process on the machine (the desktop app, each `sellerdesk` command, a cron job),
//! in WAL mode so readers never wait for a writer. Its schema moves forward by numbered
//! migrations ([`MIGRATIONS`]); a database from any earlier version opens and is brought up to
//! date. The directory is 0700 and the files 0600: what is in it is the seller's business.
//!
//! Tenants: the rate-limit budget of each API key ([`rate`], v1), the audit log ([`audit`], v2;
//! imported once from the `audit.jsonl` of earlier versions) and the app's settings
//! ([`Store::settings_json`], v2; the typed form is `desk::settings`).

pub mod audit;
pub mod rate;

use std::{
    path::{Path, PathBuf},
    sync::{Mutex, MutexGuard},
    time::Duration,
};

use rusqlite::Connection;

/// The database's file name in the data directory.
pub const DB_FILE: &str = "sellerdesk.db";

/// The schema, one step per version: step `n` takes a database from version `n` to `n + 1`
/// (`PRAGMA user_version`). Steps are never edited once released, only added.
pub const MIGRATIONS: &[&str] = &[
    // 1: the rate-limit budget: every request of a key (by digest), in flight or finished, and
    // the pause a 429 imposes on the key.
    "CREATE TABLE rate_requests (
        id INTEGER PRIMARY KEY,
        key_id TEXT NOT NULL,
        started_ms INTEGER NOT NULL,
        finished_ms INTEGER,
        pid INTEGER NOT NULL
     );
     CREATE INDEX rate_requests_by_key ON rate_requests (key_id, started_ms);
     CREATE TABLE rate_pauses (key_id TEXT PRIMARY KEY, until_ms INTEGER NOT NULL);",
    // 2: the audit log (before: audit.jsonl, imported on open, see `audit::import_legacy`), the
    // settings (before: `seller_desk_ui` in profiles.json, moved by `desk::settings`), and
    // `meta`, marks such as "audit.jsonl was imported". Before and after are JSON text.
    "CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        profile_id TEXT,
        profile_name TEXT NOT NULL,
        market TEXT NOT NULL,
        operation TEXT NOT NULL,
        object_id TEXT NOT NULL,
        object_title TEXT,
        before_json TEXT,
        after_json TEXT,
        outcome TEXT NOT NULL,
        error_code TEXT,
        request TEXT,
        result TEXT NOT NULL,
        job_id TEXT,
        step INTEGER
     );
     CREATE INDEX audit_by_profile ON audit (profile_id, id);
     CREATE INDEX audit_by_profile_name ON audit (profile_name, id);
     CREATE TABLE settings (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL);
     CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);",
];

/// Why the store cannot be used.
#[derive(Debug)]
pub struct StoreError(pub String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StoreError {}

fn fail(what: &str, path: &Path) -> impl Fn(rusqlite::Error) -> StoreError {
    let (what, path) = (what.to_owned(), path.display().to_string());
    move |e| StoreError(format!("{what} {path}: {e}"))
}

/// One connection to the database, shared by the threads of a process.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    conn: Mutex<Connection>,
}

impl Store {
    /// Opens (creating if needed) the store in `data_dir`, and migrates it to the current schema.
    pub fn open(data_dir: &Path) -> Result<Store, StoreError> {
        create_private_dir(data_dir).map_err(|e| StoreError(format!("cannot create {}: {e}", data_dir.display())))?;
        let path = data_dir.join(DB_FILE);
        create_private_file(&path).map_err(|e| StoreError(format!("cannot create {}: {e}", path.display())))?;
        let mut conn = Connection::open(&path).map_err(fail("cannot open", &path))?;
        // Another process may hold the write lock for a moment (a migration, a reservation).
        conn.busy_timeout(BUSY_WAIT).map_err(fail("cannot set up", &path))?;
        // Switching to WAL takes an exclusive lock and does not wait for it: two processes
        // opening a new store at once would see "database is locked". Look first (a store in
        // WAL mode stays so), and try again for a while if another process holds the lock.
        let mode: String = retry_busy(|| conn.pragma_query_value(None, "journal_mode", |r| r.get(0)))
            .map_err(fail("cannot set up", &path))?;
        if !mode.eq_ignore_ascii_case("wal") {
            retry_busy(|| conn.pragma_update(None, "journal_mode", "WAL")).map_err(fail("cannot set up", &path))?;
        }
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(fail("cannot set up", &path))?;
        retry_busy(|| migrate(&mut conn)).map_err(fail("cannot migrate", &path))?;
        retry_busy(|| audit::import_legacy(&mut conn, data_dir))
            .map_err(fail(&format!("cannot import {} into", audit::LEGACY_FILE), &path))?;
        Ok(Store { path, conn: Mutex::new(conn) })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A mark kept in the store (`meta`), if set.
    pub fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        use rusqlite::OptionalExtension;
        self.conn()
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(|e| StoreError(format!("cannot read {key} from {}: {e}", self.path.display())))
    }

    /// The settings object as stored (JSON text), if any was saved.
    pub fn settings_json(&self) -> Result<Option<String>, StoreError> {
        use rusqlite::OptionalExtension;
        self.conn()
            .query_row("SELECT json FROM settings WHERE id = 1", [], |r| r.get(0))
            .optional()
            .map_err(|e| StoreError(format!("cannot read the settings from {}: {e}", self.path.display())))
    }

    /// Replaces the settings (JSON text), and sets the `meta` marks given, in one transaction.
    pub fn set_settings_json(&self, json: &str, marks: &[(&str, &str)]) -> Result<(), StoreError> {
        let err = |e: rusqlite::Error| StoreError(format!("cannot save the settings in {}: {e}", self.path.display()));
        let mut conn = self.conn();
        retry_busy(|| {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            tx.execute("INSERT OR REPLACE INTO settings (id, json) VALUES (1, ?1)", [json])?;
            for (key, value) in marks {
                tx.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)", [key, value])?;
            }
            tx.commit()
        })
        .map_err(err)
    }

    /// Sets a mark in `meta`.
    pub fn set_meta(&self, key: &str, value: &str) -> Result<(), StoreError> {
        retry_busy(|| self.conn().execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)", [key, value]))
            .map(drop)
            .map_err(|e| StoreError(format!("cannot write {key} to {}: {e}", self.path.display())))
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> u32 {
        self.conn().pragma_query_value(None, "user_version", |r| r.get(0)).unwrap_or(0)
    }
}

/// How long a process waits for another one's lock on the store before giving up.
const BUSY_WAIT: Duration = Duration::from_secs(5);

/// Runs `f` again while SQLite answers "busy" or "locked" (for statements its busy handler does
/// not cover), for at most [`BUSY_WAIT`].
fn retry_busy<T>(mut f: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    let deadline = std::time::Instant::now() + BUSY_WAIT;
    loop {
        match f() {
            Err(e)
                if matches!(
                    e.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
                ) && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(5));
            }
            other => return other,
        }
    }
}

/// Brings the database to the last version, one step per transaction, each step taken by only
/// one process (the transaction is `IMMEDIATE`: a second process waits, then finds it done).
fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    loop {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let Some(step) = MIGRATIONS.get(version as usize) else { return tx.commit() };
        tx.execute_batch(step)?;
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.commit()?;
    }
}

/// The data directory, owner-only (0700), narrowed if it exists wider.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        builder.mode(0o700).create(dir)?;
        if std::fs::metadata(dir)?.permissions().mode() & 0o077 != 0 {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
        }
        Ok(())
    }
    #[cfg(not(unix))]
    builder.create(dir)
}

/// The database file, created 0600 before SQLite opens it: SQLite gives its `-wal` and `-shm`
/// files the database file's mode.
fn create_private_file(path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        let file = options.mode(0o600).open(path)?;
        if file.metadata()?.permissions().mode() & 0o077 != 0 {
            file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
        }
        Ok(())
    }
    #[cfg(not(unix))]
    options.open(path).map(drop)
}
