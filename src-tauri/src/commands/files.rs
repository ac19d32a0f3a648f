//! Files the seller picks in the native dialog or drops on the window. The Rust side shows the
//! dialog (`pick_open_file`, `pick_save_file`) and registers dropped files from the window's own
//! event; the UI only ever has a handle (`crate::picked_files`), never a path it could name.
//! These commands read the file behind a handle and return what it holds, checked.

use std::path::Path;

use base64::Engine;
use desk::files::{accounts, codes};
use markets::{
    ggchest::{AccountCredentials, IconFile, ImageKind},
    FieldError,
};
use serde::Serialize;
use ts_rs::TS;

use super::Ctx;
use crate::{
    error::{CommandError, CommandResult},
    native::{self, Filter},
    picked_files::{Access, FileKind, PickedFile},
};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DuplicateCode {
    pub code: String,
    /// How many times it appeared.
    pub count: u64,
}

/// Codes from a file or pasted text: unique, in order, with what was dropped and why, so the
/// form shows "1,000 lines → 998 codes, 2 duplicates" before anything is sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CodesParsed {
    /// The file's name, for a file.
    pub file_name: Option<String>,
    pub codes: Vec<String>,
    pub duplicates: Vec<DuplicateCode>,
    /// Extra copies dropped (a code seen 3 times counts 2).
    pub dropped_repeats: u64,
    pub blank_lines: u64,
    pub header_skipped: bool,
}

impl CodesParsed {
    fn new(list: codes::CodeList, file_name: Option<String>) -> Self {
        CodesParsed {
            file_name,
            dropped_repeats: list.dropped_repeats(),
            duplicates: list.duplicates.into_iter().map(|(code, count)| DuplicateCode { code, count }).collect(),
            codes: list.codes,
            blank_lines: list.blank_lines,
            header_skipped: list.header_skipped,
        }
    }
}

/// Accounts from a CSV file, with the rows that could not be used and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AccountsFile {
    pub file_name: String,
    pub accounts: Vec<AccountCredentials>,
    /// One per unusable row (skipped): `field` is `line 7`, `message` says what is missing.
    pub problems: Vec<FieldError>,
    /// Header columns that are not read (a misspelt column name), left out.
    pub ignored_columns: Vec<String>,
}

/// An icon checked before upload, with a preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct IconCheck {
    /// The handle it was read from (for `ggc_attach_icon`).
    pub handle: String,
    /// The name it will be uploaded under (extension matching its real type).
    pub file_name: String,
    /// `png` or `jpeg`, by content.
    pub kind: String,
    pub mime: String,
    pub size: u64,
    pub warning: Option<String>,
    /// `data:image/png;base64,…`
    pub preview_data_url: String,
}

fn name_of(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> CommandResult<T> + Send + 'static,
) -> CommandResult<T> {
    tokio::task::spawn_blocking(work).await.unwrap_or_else(|e| Err(CommandError::file(format!("reading failed: {e}"))))
}

/// The path behind a handle the user gave for reading (open dialog or drop).
pub(crate) fn readable(ctx: &Ctx<'_>, file: &str) -> CommandResult<std::path::PathBuf> {
    ctx.state.files.path(file, Access::Read)
}

/// The path behind a handle the user chose in the save dialog.
pub(crate) fn writable(ctx: &Ctx<'_>, file: &str) -> CommandResult<std::path::PathBuf> {
    ctx.state.files.path(file, Access::Write)
}

fn dialog_title(lang: jobs::notices::Lang, kind: FileKind, save: bool) -> String {
    let ru = lang == jobs::notices::Lang::Ru;
    match (save, kind, ru) {
        (true, _, false) => "Save as CSV",
        (true, _, true) => "Сохранить как CSV",
        (false, FileKind::Codes, false) => "Choose a file of codes",
        (false, FileKind::Codes, true) => "Выберите файл с кодами",
        (false, FileKind::Accounts, false) => "Choose a CSV of accounts",
        (false, FileKind::Accounts, true) => "Выберите CSV с аккаунтами",
        (false, FileKind::Icon, false) => "Choose an image",
        (false, FileKind::Icon, true) => "Выберите изображение",
        (false, _, false) => "Choose a file",
        (false, _, true) => "Выберите файл",
    }
    .to_owned()
}

/// Opens the native open dialog for a file of `kind`; the chosen file's handle and name, or
/// `null` when cancelled. The path stays on the Rust side.
pub async fn pick_open_file(ctx: &Ctx<'_>, kind: FileKind) -> CommandResult<Option<PickedFile>> {
    let lang = crate::notify::NotifySettings::read(ctx.state).await.lang;
    let filter = Filter { name: kind.filter_name().to_owned(), extensions: kind.extensions() };
    let chosen = native::pick_open(ctx.app, dialog_title(lang, kind, false), filter).await;
    Ok(chosen.map(|path| ctx.state.files.register(path, Access::Read)))
}

/// Opens the native save dialog proposing `suggested_name` (a file name: anything before the
/// last `/` is dropped); the chosen place's handle and name, or `null` when cancelled.
pub async fn pick_save_file(
    ctx: &Ctx<'_>,
    kind: FileKind,
    suggested_name: String,
) -> CommandResult<Option<PickedFile>> {
    let lang = crate::notify::NotifySettings::read(ctx.state).await.lang;
    let name = suggested_name.rsplit(['/', '\\']).next().unwrap_or_default().trim().to_owned();
    let filter = Filter { name: kind.filter_name().to_owned(), extensions: kind.extensions() };
    let chosen = native::pick_save(ctx.app, dialog_title(lang, kind, true), filter, name).await;
    Ok(chosen.map(|path| ctx.state.files.register(path, Access::Write)))
}

/// Codes from a `.csv` (read as CSV: the `code` column or the first) or any other file (one
/// code a line) the user gave, by `desk::files::codes::read`, as the CLI reads them.
pub async fn read_codes_file(ctx: &Ctx<'_>, file: String) -> CommandResult<CodesParsed> {
    let path = readable(ctx, &file)?;
    blocking(move || {
        let text = desk::read_text_file(&path)?;
        let name = name_of(&path);
        Ok(CodesParsed::new(codes::read(&text, Some(&name))?, Some(name)))
    })
    .await
}

/// Codes from pasted text, by the rules of a `.txt` file.
pub async fn parse_codes(_ctx: &Ctx<'_>, text: String) -> CommandResult<CodesParsed> {
    Ok(CodesParsed::new(codes::read(&text, None)?, None))
}

/// Accounts from a CSV with a header naming the columns, in any order: `login`, `password`
/// (required), `email_login`, `email_password`, `description` (`desk::files::accounts`), by
/// the accounts form's rule (`accounts::for_form`, which the CLI's `--accounts-csv` follows):
/// unusable rows skipped and named, a file without a usable row refused.
pub async fn read_accounts_csv(ctx: &Ctx<'_>, file: String) -> CommandResult<AccountsFile> {
    let path = readable(ctx, &file)?;
    blocking(move || {
        let text = desk::read_text_file(&path)?;
        let file_name = name_of(&path);
        let parsed = accounts::for_form(accounts::parse(&text, &file_name)?, &file_name)?;
        Ok(AccountsFile {
            file_name,
            problems: parsed.field_errors(),
            accounts: parsed.rows,
            ignored_columns: parsed.ignored_columns,
        })
    })
    .await
}

/// Reads an image and checks it as an icon (PNG or JPEG by content, size), with a preview.
pub async fn check_icon(ctx: &Ctx<'_>, file: String) -> CommandResult<IconCheck> {
    let path = readable(ctx, &file)?;
    blocking(move || {
        let icon = IconFile::read(&path)?;
        // The guard again (IconFile keeps its bytes to itself): a regular file, within the cap.
        let bytes = markets::files::read_user_file(&path, markets::ggchest::icon::MAX_ICON_BYTES as u64, "an icon")
            .map_err(|e| CommandError::file(e.to_string()))?;
        let kind = match icon.kind() {
            ImageKind::Png => "png",
            ImageKind::Jpeg => "jpeg",
        };
        let mime = icon.kind().mime();
        Ok(IconCheck {
            handle: file,
            file_name: icon.file_name().to_owned(),
            kind: kind.to_owned(),
            mime: mime.to_owned(),
            size: icon.len() as u64,
            warning: icon.warning(),
            preview_data_url: format!("data:{mime};base64,{}", base64::engine::general_purpose::STANDARD.encode(bytes)),
        })
    })
    .await
}
