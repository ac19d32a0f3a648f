//! Files the seller picks in the native dialog or drops on the window. The UI only ever has a
//! path; these commands read the file and return what it holds, checked.

use std::path::Path;

use base64::Engine;
use markets::{
    codes::{parse_codes as parse_code_text, CodeList},
    ggchest::{AccountCredentials, IconFile, ImageKind},
    FieldError,
};
use serde::Serialize;
use ts_rs::TS;

use super::Ctx;
use crate::error::{CommandError, CommandResult};

/// Larger text files are refused: far beyond any list of codes or accounts, and a sign that the
/// wrong file was picked (reading it would only freeze the app).
pub const MAX_TEXT_BYTES: u64 = 64 * 1024 * 1024;

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
    fn new(list: CodeList, file_name: Option<String>) -> Self {
        CodesParsed {
            file_name,
            dropped_repeats: list.dropped_repeats() as u64,
            duplicates: list.duplicates.into_iter().map(|(code, n)| DuplicateCode { code, count: n as u64 }).collect(),
            codes: list.codes,
            blank_lines: list.blank_lines as u64,
            header_skipped: list.header_skipped,
        }
    }
}

/// Accounts from a CSV file, with the rows that could not be used and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AccountsFile {
    pub file_name: String,
    pub accounts: Vec<AccountCredentials>,
    /// One per unusable row: `field` is `line 7`, `message` says what is missing.
    pub problems: Vec<FieldError>,
}

/// An icon checked before upload, with a preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct IconCheck {
    pub path: String,
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

/// Reads a text file, refusing directories, huge files and text that is not UTF-8.
pub(crate) fn read_text(path: &Path) -> CommandResult<String> {
    let shown = path.display();
    let meta = std::fs::metadata(path).map_err(|e| CommandError::file(format!("cannot open {shown}: {e}")))?;
    if !meta.is_file() {
        return Err(CommandError::file(format!("{shown} is not a file: pick a .txt or .csv file")));
    }
    if meta.len() > MAX_TEXT_BYTES {
        return Err(CommandError::file(format!(
            "{shown} is {} MiB; text files over {} MiB are refused: is it the right file?",
            meta.len() / (1024 * 1024),
            MAX_TEXT_BYTES / (1024 * 1024)
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| CommandError::file(format!("cannot read {shown}: {e}")))?;
    String::from_utf8(bytes).map_err(|_| {
        CommandError::file(format!(
            "{shown} is not UTF-8 text: save it as UTF-8 (\"CSV UTF-8\" in spreadsheets) and try again"
        ))
    })
}

pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> CommandResult<T> + Send + 'static,
) -> CommandResult<T> {
    tokio::task::spawn_blocking(work).await.unwrap_or_else(|e| Err(CommandError::file(format!("reading failed: {e}"))))
}

/// Codes from a `.txt` (one per line) or `.csv` (first column) file.
pub async fn read_codes_file(_ctx: &Ctx<'_>, path: String) -> CommandResult<CodesParsed> {
    blocking(move || {
        let path = Path::new(&path);
        let text = read_text(path)?;
        Ok(CodesParsed::new(parse_code_text(&text), Some(name_of(path))))
    })
    .await
}

/// Codes from pasted text, by the same rules as files.
pub async fn parse_codes(_ctx: &Ctx<'_>, text: String) -> CommandResult<CodesParsed> {
    Ok(CodesParsed::new(parse_code_text(&text), None))
}

/// Accounts from a CSV with a header naming the columns, in any order: `login`, `password`
/// (required), `email_login`, `email_password`, `description`. Comma or semicolon separated.
pub async fn read_accounts_csv(_ctx: &Ctx<'_>, path: String) -> CommandResult<AccountsFile> {
    blocking(move || {
        let path = Path::new(&path);
        let text = read_text(path)?;
        parse_accounts(&text, name_of(path))
    })
    .await
}

fn column(header: &str) -> Option<&'static str> {
    match header.trim().trim_start_matches('\u{feff}').to_ascii_lowercase().replace([' ', '-'], "_").as_str() {
        "login" | "username" | "user" => Some("login"),
        "password" | "pass" => Some("password"),
        "email_login" | "email" | "mail" => Some("email_login"),
        "email_password" | "email_pass" | "mail_password" => Some("email_password"),
        "description" | "note" | "notes" => Some("description"),
        _ => None,
    }
}

pub fn parse_accounts(text: &str, file_name: String) -> CommandResult<AccountsFile> {
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = if first_line.contains(';') && !first_line.contains(',') { b';' } else { b',' };
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).trim(csv::Trim::All).flexible(true).from_reader(text.as_bytes());
    let bad = |message: String| CommandError::file(format!("{file_name}: {message}"));
    let headers = reader.headers().map_err(|e| bad(format!("cannot read the header line: {e}")))?.clone();
    let columns: Vec<Option<&str>> = headers.iter().map(column).collect();
    for needed in ["login", "password"] {
        if !columns.contains(&Some(needed)) {
            return Err(bad(format!(
                "no `{needed}` column in the header line; name the columns login, password, email_login, \
                 email_password, description (any order)"
            )));
        }
    }
    let mut accounts = Vec::new();
    let mut problems = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let line = format!("line {}", i + 2);
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                problems.push(FieldError::new(line, format!("cannot be read: {e}")));
                continue;
            }
        };
        if row.iter().all(str::is_empty) {
            continue;
        }
        let get = |name: &str| {
            columns.iter().position(|c| *c == Some(name)).and_then(|i| row.get(i)).filter(|v| !v.is_empty())
        };
        match (get("login"), get("password")) {
            (Some(login), Some(password)) => accounts.push(AccountCredentials {
                login: login.to_owned(),
                password: password.to_owned(),
                email_login: get("email_login").map(str::to_owned),
                email_password: get("email_password").map(str::to_owned),
                description: get("description").map(str::to_owned),
            }),
            (None, _) => problems.push(FieldError::new(line, "has no login: the row was skipped")),
            (_, None) => problems.push(FieldError::new(line, "has no password: the row was skipped")),
        }
    }
    Ok(AccountsFile { file_name, accounts, problems })
}

/// Reads an image and checks it as an icon (PNG or JPEG by content, size), with a preview.
pub async fn check_icon(_ctx: &Ctx<'_>, path: String) -> CommandResult<IconCheck> {
    blocking(move || {
        let icon = IconFile::read(Path::new(&path))?;
        let bytes = std::fs::read(&path).map_err(|e| CommandError::file(format!("cannot read {path}: {e}")))?;
        let kind = match icon.kind() {
            ImageKind::Png => "png",
            ImageKind::Jpeg => "jpeg",
        };
        let mime = icon.kind().mime();
        Ok(IconCheck {
            path,
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
