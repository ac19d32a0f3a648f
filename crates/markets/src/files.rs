//! Reading a file the user named (codes, CSV, JSON bodies, icons), guarded: only a regular
//! file is read, and never more than a stated cap.
//!
//! Without the guard a named pipe (FIFO) blocks the reader forever (opening it waits for a
//! writer, reading it waits for data) and a device such as `/dev/zero` is read until memory
//! runs out. So the file is opened non-blocking (a FIFO opens at once, writer or not), its type
//! is checked on the open descriptor (`fstat`: no race with a rename), its size is checked
//! against the cap before reading, and the read itself stops one byte past the cap (a file that
//! grows meanwhile, or a `/proc` file that reports size 0, cannot get past it).
//!
//! The CLI and the desktop app both read user files through [`read_user_file`].

use std::{
    fmt,
    fs::{File, OpenOptions},
    io::{self, Read},
    path::{Path, PathBuf},
};

/// The cap on a text file the user gives (codes, CSV, JSON bodies, id lists): 64 MiB, over a
/// million codes, far beyond any real input.
pub const TEXT_FILE_CAP: u64 = 64 * 1024 * 1024;

/// Why a user file was not read.
#[derive(Debug)]
pub enum UserFileError {
    /// It could not be opened or its type read.
    Open { path: PathBuf, what: String, source: io::Error },
    /// It is not a regular file (a FIFO, a device, a directory, a socket).
    NotRegular { path: PathBuf, what: String, kind: &'static str },
    /// It is larger than `cap` bytes (`size`: as reported, or `None` when found while reading).
    TooLarge { path: PathBuf, what: String, size: Option<u64>, cap: u64 },
    /// Reading failed part way.
    Read { path: PathBuf, what: String, source: io::Error },
}

impl UserFileError {
    pub fn path(&self) -> &Path {
        match self {
            UserFileError::Open { path, .. }
            | UserFileError::NotRegular { path, .. }
            | UserFileError::TooLarge { path, .. }
            | UserFileError::Read { path, .. } => path,
        }
    }
}

/// `64 MiB`, `10 MiB`, `512 KiB`, `100 bytes`.
pub fn size_text(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes % MIB == 0 {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= MIB {
        format!("{:.1} MiB", bytes as f64 / MIB as f64)
    } else if bytes >= KIB && bytes % KIB == 0 {
        format!("{} KiB", bytes / KIB)
    } else {
        format!("{bytes} bytes")
    }
}

impl fmt::Display for UserFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UserFileError::Open { path, what, source } => {
                write!(f, "cannot read {what} `{}`: {source}", path.display())
            }
            UserFileError::NotRegular { path, what, kind } => write!(
                f,
                "`{}` is {kind}, not a regular file: nothing was read. Give {what} that is a regular file",
                path.display()
            ),
            UserFileError::TooLarge { path, what, size, cap } => {
                let size = size.map(|s| format!(" ({})", size_text(s))).unwrap_or_default();
                write!(
                    f,
                    "`{}` is larger than {} allowed for {what}{size}: nothing was read",
                    path.display(),
                    size_text(*cap)
                )
            }
            UserFileError::Read { path, what, source } => {
                write!(f, "cannot read {what} `{}`: {source}", path.display())
            }
        }
    }
}

impl std::error::Error for UserFileError {}

/// The bytes of the regular file at `path`, at most `cap` bytes; `what` names it in errors
/// ("a codes file", "an icon"). Refuses a FIFO, a device, a directory or a socket without
/// blocking, and a file over `cap` without reading it.
pub fn read_user_file(path: &Path, cap: u64, what: &str) -> Result<Vec<u8>, UserFileError> {
    let file = open_nonblocking(path).map_err(|source| UserFileError::Open {
        path: path.to_owned(),
        what: what.to_owned(),
        source,
    })?;
    let meta = file.metadata().map_err(|source| UserFileError::Open {
        path: path.to_owned(),
        what: what.to_owned(),
        source,
    })?;
    if !meta.is_file() {
        return Err(UserFileError::NotRegular { path: path.to_owned(), what: what.to_owned(), kind: kind_of(&meta) });
    }
    if meta.len() > cap {
        return Err(UserFileError::TooLarge {
            path: path.to_owned(),
            what: what.to_owned(),
            size: Some(meta.len()),
            cap,
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(cap + 1).read_to_end(&mut bytes).map_err(|source| UserFileError::Read {
        path: path.to_owned(),
        what: what.to_owned(),
        source,
    })?;
    if bytes.len() as u64 > cap {
        return Err(UserFileError::TooLarge { path: path.to_owned(), what: what.to_owned(), size: None, cap });
    }
    Ok(bytes)
}

/// Like [`read_user_file`], as UTF-8 text without a leading byte-order mark; `Ok(Err(bytes))`
/// when the file is not UTF-8.
pub fn read_user_text(path: &Path, cap: u64, what: &str) -> Result<Result<String, Vec<u8>>, UserFileError> {
    let bytes = read_user_file(path, cap, what)?;
    Ok(match String::from_utf8(bytes) {
        Ok(text) => Ok(text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text)),
        Err(e) => Err(e.into_bytes()),
    })
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK: opening a FIFO for reading does not wait for a writer. It has no effect on a
    // regular file, the only kind read after the check.
    OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY).open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    OpenOptions::new().read(true).open(path)
}

fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    if meta.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn reads_a_regular_file_under_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("codes.txt");
        std::fs::write(&path, b"\xef\xbb\xbfAAAA\nBBBB\n").unwrap();
        assert_eq!(read_user_text(&path, 100, "a codes file").unwrap().unwrap(), "AAAA\nBBBB\n");
        assert_eq!(read_user_file(&path, 13, "a codes file").unwrap().len(), 13);
        assert!(read_user_file(&path, 12, "a codes file").is_err());
    }

    #[test]
    fn refuses_a_file_over_the_cap_and_says_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.csv");
        let mut f = File::create(&path).unwrap();
        f.write_all(&vec![b'a'; 2048]).unwrap();
        let err = read_user_file(&path, 1024, "a CSV file").unwrap_err();
        assert!(matches!(err, UserFileError::TooLarge { size: Some(2048), cap: 1024, .. }), "{err:?}");
        assert!(err.to_string().contains("larger than 1 KiB allowed for a CSV file (2 KiB)"), "{err}");
    }

    #[test]
    fn refuses_a_directory() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_user_file(dir.path(), 1024, "a codes file").unwrap_err();
        assert!(err.to_string().contains("is a directory, not a regular file"), "{err}");
    }

    #[test]
    fn size_texts() {
        assert_eq!(size_text(64 * 1024 * 1024), "64 MiB");
        assert_eq!(size_text(3 * 1024 * 1024 / 2), "1.5 MiB");
        assert_eq!(size_text(512 * 1024), "512 KiB");
        assert_eq!(size_text(100), "100 bytes");
    }
}
