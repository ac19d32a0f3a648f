//! The files the user made reachable: chosen in the native open or save dialog that the Rust
//! side shows (`pick_open_file`, `pick_save_file`), or dropped on the window (registered from
//! the window's own drag-and-drop event, `WindowEvent::DragDrop`). Each gets an opaque handle;
//! the webview holds handles only, and every file command takes a handle, never a path, so a
//! script in the webview cannot name a file the user did not give.
//!
//! A handle opened for reading cannot be written and one chosen for saving cannot be read.
//! Handles live as long as the app runs.

use std::{
    collections::HashMap,
    hash::{BuildHasher, Hasher},
    path::{Path, PathBuf},
    sync::{
        atomic::{AtomicU64, Ordering},
        Mutex,
    },
};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CommandError, CommandResult};

/// What a file is for: it sets the dialog's filter and title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    /// Codes: `.txt`, one a line, or `.csv`, the first column.
    Codes,
    /// Accounts: a `.csv` with a header.
    Accounts,
    /// An icon: `.png` or `.jpg`.
    Icon,
    /// A bulk job's input: `.csv` or `.json`.
    Job,
    /// A CSV to save (exports).
    Csv,
}

impl FileKind {
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            FileKind::Codes => &["txt", "csv"],
            FileKind::Accounts => &["csv", "txt"],
            FileKind::Icon => &["png", "jpg", "jpeg"],
            FileKind::Job => &["csv", "txt", "json"],
            FileKind::Csv => &["csv"],
        }
    }

    /// The filter's name in the dialog.
    pub fn filter_name(self) -> &'static str {
        match self {
            FileKind::Codes => "Codes (.txt, .csv)",
            FileKind::Accounts => "Accounts (.csv)",
            FileKind::Icon => "Images (.png, .jpg)",
            FileKind::Job => "CSV or JSON",
            FileKind::Csv => "CSV",
        }
    }
}

/// A file the user gave, as the webview sees it: a handle and the file's name (for display).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PickedFile {
    pub handle: String,
    pub name: String,
}

/// What a handle allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Chosen in the open dialog or dropped: read it.
    Read,
    /// Chosen in the save dialog: write it.
    Write,
}

#[derive(Default)]
pub struct PickedFiles {
    next: AtomicU64,
    by_handle: Mutex<HashMap<String, (PathBuf, Access)>>,
}

pub fn name_of(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

impl PickedFiles {
    /// Makes `path` reachable with `access`; the handle goes to the webview.
    pub fn register(&self, path: PathBuf, access: Access) -> PickedFile {
        let n = self.next.fetch_add(1, Ordering::Relaxed) + 1;
        // Not guessable from the count alone: a per-run random part.
        let random = std::collections::hash_map::RandomState::new().build_hasher().finish();
        let handle = format!("file-{n}-{random:016x}");
        let name = name_of(&path);
        self.by_handle.lock().unwrap_or_else(|p| p.into_inner()).insert(handle.clone(), (path, access));
        PickedFile { handle, name }
    }

    /// The path behind `handle`, if it was given for `access`; anything else is refused the same
    /// way, without saying whether the handle exists.
    pub fn path(&self, handle: &str, access: Access) -> CommandResult<PathBuf> {
        let map = self.by_handle.lock().unwrap_or_else(|p| p.into_inner());
        match map.get(handle.trim()) {
            Some((path, a)) if *a == access => Ok(path.clone()),
            _ => Err(CommandError::templated(
                markets::ErrorCode::FileNotPicked,
                match access {
                    Access::Read => crate::error::FILE_NOT_PICKED_READ,
                    Access::Write => crate::error::FILE_NOT_PICKED_WRITE,
                },
                Vec::new(),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_handle_opens_only_its_own_file_and_only_for_its_access() {
        let files = PickedFiles::default();
        let read = files.register(PathBuf::from("/home/me/codes.txt"), Access::Read);
        let write = files.register(PathBuf::from("/home/me/out.csv"), Access::Write);
        assert_eq!(read.name, "codes.txt");
        assert_ne!(read.handle, write.handle);
        assert_eq!(files.path(&read.handle, Access::Read).unwrap(), PathBuf::from("/home/me/codes.txt"));
        assert_eq!(files.path(&write.handle, Access::Write).unwrap(), PathBuf::from("/home/me/out.csv"));
        // Crossed access, a path for a handle, a guessed handle: refused alike.
        for (handle, access) in [
            (read.handle.as_str(), Access::Write),
            (write.handle.as_str(), Access::Read),
            ("/etc/passwd", Access::Read),
            ("file-1-0000000000000000", Access::Read),
            ("", Access::Write),
        ] {
            assert_eq!(files.path(handle, access).unwrap_err().code, markets::ErrorCode::FileNotPicked, "{handle}");
        }
    }
}
