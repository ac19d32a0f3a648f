//! Reading profiles.json, and changing it safely while another process (a second `sellerdesk`,
//! the desktop app) may be using it too:
//! - every change re-reads the file under an exclusive advisory lock (`profiles.json.lock`),
//!   so two `sellerdesk` processes never interleave their read-modify-write;
//! - the new contents go to a temp file in the same directory, which then replaces the file by
//!   rename: a reader sees the old file or the new one, never half of one;
//! - the file is readable by its owner only (0600 on Unix) and its directory, when this crate
//!   creates it, 0700: profile names and URLs are nobody else's business.

use std::{
    fs,
    io::{self, Write},
    path::Path,
};

use fd_lock::RwLock;

use crate::{
    error::{Error, Result},
    file_format::ProfilesDocument,
    location::lock_path,
};

/// Reads the document at `path`; a missing file is an empty document.
pub(crate) fn read_document(path: &Path) -> Result<ProfilesDocument> {
    match fs::read(path) {
        Ok(bytes) => ProfilesDocument::parse(&bytes, path),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(ProfilesDocument::default()),
        Err(source) => Err(io_error("read", path, source)),
    }
}

/// Applies `change` to the current contents of `path` and writes the result, all under the
/// lock. Nothing is written if `change` fails.
pub(crate) fn modify_document<T>(path: &Path, change: impl FnOnce(&mut ProfilesDocument) -> Result<T>) -> Result<T> {
    let dir = parent_dir(path);
    create_private_dir(dir)?;

    let lock_path = lock_path(path);
    let lock_file = private_open_options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lock_path)
        .map_err(|source| io_error("open the lock file", &lock_path, source))?;
    let mut lock = RwLock::new(lock_file);
    let _exclusive = lock.write().map_err(|source| io_error("lock", &lock_path, source))?;

    let mut document = read_document(path)?;
    let outcome = change(&mut document)?;
    write_atomically(path, &document.to_bytes())?;
    Ok(outcome)
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = parent_dir(path);
    // tempfile creates the file 0600 on Unix, and the rename keeps that mode.
    let mut temp = tempfile::Builder::new()
        .prefix(".profiles.json.")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|source| io_error("create a temporary file in", dir, source))?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|source| io_error("write", temp.path(), source))?;
    temp.persist(path).map_err(|err| io_error("replace", path, err.error))?;
    sync_dir(dir);
    Ok(())
}

pub(crate) fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

pub(crate) fn create_private_dir(dir: &Path) -> Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|source| io_error("create the directory", dir, source))
}

pub(crate) fn private_open_options() -> fs::OpenOptions {
    #[allow(unused_mut)] // mutated on Unix only
    let mut options = fs::OpenOptions::new();
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
}

/// Makes the rename itself durable. Best effort: some filesystems refuse to sync a directory,
/// and the data is already safe in the file.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = fs::File::open(dir) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

pub(crate) fn io_error(action: &'static str, path: &Path, source: io::Error) -> Error {
    Error::Io { action, path: path.to_owned(), source }
}
