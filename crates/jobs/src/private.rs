//! Everything Seller Desk writes is its owner's only, whatever the umask: directories 0700,
//! files 0600 (on Unix; elsewhere the user's profile directory already is private). Journals
//! name products, offers, prices and logins; the audit log is the history of a seller's shop;
//! results and exports list what was sold. None of it is for other local users.
//!
//! A directory or file left wider by an older version is narrowed when Seller Desk next uses it.

use std::{
    fs::{self, File, OpenOptions},
    io::{self, Write},
    path::Path,
};

/// Creates `dir` (and any missing parent) owner-only, and narrows `dir` itself to 0700 if it
/// exists with group or other bits.
pub fn private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(dir)?.permissions().mode();
        if mode & 0o077 != 0 {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
        }
    }
    Ok(())
}

/// Open options that create a file 0600 (the mode only applies when the file is created: see
/// [`narrow`] for one that exists).
pub fn private_options() -> OpenOptions {
    #[allow(unused_mut)] // mutated on Unix only
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
}

/// Narrows an open regular file to 0600 if it has group or other bits (a file an older version
/// wrote). Anything else (`/dev/null` or a FIFO named as an output) is left as it is.
pub fn narrow(file: &File) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = file.metadata()?;
        let mode = meta.permissions().mode();
        if meta.is_file() && mode & 0o077 != 0 {
            file.set_permissions(fs::Permissions::from_mode(0o600))?;
        }
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

/// Writes `bytes` to `path` (created or replaced), readable by its owner only: a results or
/// audit export is not for other users either.
pub fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = private_options().write(true).create(true).truncate(true).open(path)?;
    narrow(&file)?;
    file.write_all(bytes)?;
    file.flush()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(p: &Path) -> u32 {
        fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn dirs_and_files_are_owner_only_and_wider_ones_are_narrowed() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("a/b");
        private_dir(&dir).unwrap();
        assert_eq!((mode(&tmp.path().join("a")), mode(&dir)), (0o700, 0o700));
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
        private_dir(&dir).unwrap();
        assert_eq!(mode(&dir), 0o700);

        let file = dir.join("x.csv");
        fs::write(&file, "old").unwrap();
        fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();
        write_private(&file, b"new").unwrap();
        assert_eq!((mode(&file), fs::read_to_string(&file).unwrap().as_str()), (0o600, "new"));

        // An output that is not a regular file is written to, never changed.
        let null = Path::new("/dev/null");
        let before = mode(null);
        write_private(null, b"x").unwrap();
        assert_eq!(mode(null), before, "/dev/null's mode was changed");
    }
}
