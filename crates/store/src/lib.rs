//! The local store: one SQLite database (`sellerdesk.db`) in the data directory, opened by every
//! Seller Desk process on the machine (the desktop app, each `sellerdesk` command, a cron job),
//! in WAL mode so readers never wait for a writer. Its schema moves forward by numbered
//! migrations ([`MIGRATIONS`]); a database from any earlier version opens and is brought up to
//! date. The directory is 0700 and the files 0600: what is in it is the seller's business.
//!
//! Tenants so far: the rate-limit budget of each API key ([`rate`]).

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
        Ok(Store { path, conn: Mutex::new(conn) })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
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
