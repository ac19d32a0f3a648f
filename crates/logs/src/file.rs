//! The log file: `<data dir>/logs/sellerdesk.log.YYYY-MM-DD` (UTC), a new one each day, the
//! newest [`KEEP_FILES`](crate::KEEP_FILES) kept (`tracing-appender`), the directory 0700 and
//! each file 0600 like everything else of ours (docs/SECURITY.md D1, L1).
//!
//! tracing-appender creates its files with the process's umask, so each day's file is created
//! here first, owner-only, before the appender opens it; one it created anyway (the day turning
//! between the two) is narrowed on the next line. Every line goes through [`Redacting`].

use std::{
    fs::{self, File, OpenOptions},
    io::{self, Write},
    path::{Path, PathBuf},
    sync::Mutex,
};

use tracing_appender::rolling::{RollingFileAppender, RollingWriter, Rotation};
use tracing_subscriber::fmt::MakeWriter;

use crate::redact::redact;

/// A [`MakeWriter`] for the daily log file, private and redacted.
pub struct PrivateDailyFile {
    appender: RollingFileAppender,
    dir: PathBuf,
    prefix: String,
    /// The day whose file was last made private.
    day: Mutex<Option<time::Date>>,
}

impl PrivateDailyFile {
    /// Opens (creating it 0700 if needed, narrowing it if wider) the directory `dir`, and today's
    /// file in it.
    pub fn new(dir: &Path, prefix: &str, keep: usize) -> io::Result<Self> {
        private_dir(dir)?;
        let file = PrivateDailyFile {
            appender: RollingFileAppender::builder()
                .rotation(Rotation::DAILY)
                .filename_prefix(prefix)
                .max_log_files(keep)
                .build(dir)
                .map_err(io::Error::other)?,
            dir: dir.to_owned(),
            prefix: prefix.to_owned(),
            day: Mutex::new(None),
        };
        file.make_today_private()?;
        Ok(file)
    }

    /// The name tracing-appender gives the file of `day` (daily rotation, no suffix).
    pub fn path_of(&self, day: time::Date) -> PathBuf {
        self.dir.join(format!("{}.{:04}-{:02}-{:02}", self.prefix, day.year(), u8::from(day.month()), day.day()))
    }

    fn make_today_private(&self) -> io::Result<()> {
        let today = time::OffsetDateTime::now_utc().date();
        let mut day = self.day.lock().unwrap_or_else(|e| e.into_inner());
        if *day == Some(today) {
            return Ok(());
        }
        let file = private_options().append(true).create(true).open(self.path_of(today))?;
        narrow(&file)?;
        if let Some(yesterday) = today.previous_day() {
            // Written until now by the appender, which may have created it after our check.
            if let Ok(file) = File::open(self.path_of(yesterday)) {
                narrow(&file)?;
            }
        }
        *day = Some(today);
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for PrivateDailyFile {
    type Writer = Redacting<RollingWriter<'a>>;

    fn make_writer(&'a self) -> Self::Writer {
        // A failure here (the directory removed under us) must not stop the program: the
        // appender then reports its own error on stderr.
        let _ = self.make_today_private();
        Redacting::new(self.appender.make_writer())
    }
}

/// Collects one formatted line and writes it with every registered secret masked: the whole
/// line at once, so a secret split across `write` calls is still found.
pub struct Redacting<W: Write> {
    inner: W,
    line: Vec<u8>,
}

impl<W: Write> Redacting<W> {
    pub fn new(inner: W) -> Self {
        Redacting { inner, line: Vec::new() }
    }

    fn emit(&mut self) -> io::Result<()> {
        if self.line.is_empty() {
            return Ok(());
        }
        let text = String::from_utf8_lossy(&self.line);
        let result = self.inner.write_all(redact(&text).as_bytes());
        self.line.clear();
        result
    }
}

impl<W: Write> Write for Redacting<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.line.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.emit()?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for Redacting<W> {
    fn drop(&mut self) {
        let _ = self.emit();
        let _ = self.inner.flush();
    }
}

/// Creates `dir` (and any missing parent) 0700, and narrows `dir` to 0700 if it is wider
/// (the same rule as `jobs::private::private_dir`; this crate depends on none of ours).
pub fn private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if fs::metadata(dir)?.permissions().mode() & 0o077 != 0 {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
        }
    }
    Ok(())
}

fn private_options() -> OpenOptions {
    #[allow(unused_mut)] // mutated on Unix only
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
}

fn narrow(file: &File) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = file.metadata()?;
        if meta.is_file() && meta.permissions().mode() & 0o077 != 0 {
            file.set_permissions(fs::Permissions::from_mode(0o600))?;
        }
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}
