//! What the seller gives us besides flags: files (codes, JSON bodies, accounts CSV, id lists),
//! the API key on stdin, and a yes/no before deleting. Input files are only ever read: when a
//! request fails, everything typed is still there to fix and send again.
//!
//! Problems are reported as `invalid_input` naming the flag or the JSON path, so the seller
//! knows what to fix and knows nothing was sent.

use crate::{
    error::{CliError, CliResult},
    output::Out,
};
use markets::{
    codes::parse_codes,
    files::{read_user_text, TEXT_FILE_CAP},
    ggchest::AccountCredentials,
    ApiKey,
};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::{
    io::{BufRead, IsTerminal, Read},
    path::Path,
};

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

/// The whole file as text; `flag` names the option it came from (`--file`). Only a regular
/// file of at most [`TEXT_FILE_CAP`] is read: a FIFO or a device is refused without blocking
/// (`markets::files::read_user_file`).
pub fn read_text(path: &Path, flag: &str) -> CliResult<String> {
    read_user_text(path, TEXT_FILE_CAP, &format!("the {flag} file"))
        .map_err(|e| CliError::invalid(flag, e.to_string()))?
        .map_err(|_| CliError::invalid(flag, format!("`{}` is not UTF-8 text", path.display())))
}

/// A JSON file as a value, to merge flags into before it becomes a typed request.
pub fn read_json(path: &Path, flag: &str) -> CliResult<Value> {
    let text = read_text(path, flag)?;
    serde_json::from_str(&text).map_err(|e| {
        CliError::invalid(
            flag,
            format!("`{}` is not valid JSON (line {}, column {}): {e}", file_name(path), e.line(), e.column()),
        )
    })
}

/// A JSON value as a typed request; a mismatch names the JSON path (`accounts[0].login`).
/// Fields the request does not have are named in a warning (they are not sent).
pub fn typed<T: DeserializeOwned>(value: Value, path: &Path, out: &Out) -> CliResult<T> {
    let (typed, unknown) = markets::body::typed_noting_unknown(value).map_err(|(at, e)| {
        let field = if at == "." { file_name(path) } else { at };
        CliError::invalid(field, format!("{e} (in {})", file_name(path)))
    })?;
    note_unknown_fields(&unknown, path, out);
    Ok(typed)
}

/// Warns of fields in a file that the API does not take: they are left out, not sent.
pub fn note_unknown_fields(unknown: &[String], path: &Path, out: &Out) {
    if !unknown.is_empty() {
        out.note(format!(
            "warning: {} has field(s) the API does not take, left out (check their spelling): {}",
            file_name(path),
            unknown.join(", ")
        ));
    }
}

/// Activation codes from a file, cleaned by `markets::codes::parse_codes`; the counts are
/// printed before anything is sent.
pub fn read_codes(path: &Path, flag: &str, out: &Out) -> CliResult<Vec<String>> {
    let text = read_text(path, flag)?;
    let lines = text.lines().count();
    let list = parse_codes(&text);
    let dropped = list.dropped_repeats();
    let mut note = format!(
        "{}: {lines} lines → {} codes, {dropped} {} dropped",
        file_name(path),
        list.codes.len(),
        if dropped == 1 { "duplicate" } else { "duplicates" }
    );
    let mut extras = Vec::new();
    if list.blank_lines > 0 {
        extras.push(format!("{} blank", list.blank_lines));
    }
    if list.header_skipped {
        extras.push("header skipped".to_owned());
    }
    if !extras.is_empty() {
        note.push_str(&format!(" ({})", extras.join(", ")));
    }
    out.note(note);
    if list.codes.is_empty() {
        return Err(CliError::invalid(flag, format!("`{}` holds no codes: one code a line", path.display())));
    }
    Ok(list.codes)
}

const ACCOUNT_COLUMNS: [&str; 5] = ["login", "password", "email_login", "email_password", "description"];

/// Accounts from a CSV whose header names the columns (any order; login and password required).
pub fn read_accounts_csv(path: &Path, flag: &str) -> CliResult<Vec<AccountCredentials>> {
    let text = read_text(path, flag)?;
    let name = file_name(path);
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| CliError::invalid(flag, format!("{name}: {e}")))?.clone();
    let mut index = [None; 5];
    for (i, h) in headers.iter().enumerate() {
        let h = h.to_ascii_lowercase();
        match ACCOUNT_COLUMNS.iter().position(|c| *c == h) {
            Some(c) => index[c] = Some(i),
            None => {
                return Err(CliError::invalid(
                    flag,
                    format!(
                        "{name}: unknown column `{h}` in the header; the columns are {}",
                        ACCOUNT_COLUMNS.join(",")
                    ),
                ))
            }
        }
    }
    if index[0].is_none() || index[1].is_none() {
        return Err(CliError::invalid(
            flag,
            format!(
                "{name}: the first line must be a header with at least login,password (found `{}`)",
                headers.iter().collect::<Vec<_>>().join(",")
            ),
        ));
    }
    let mut accounts = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| CliError::invalid(flag, format!("{name}: {e}")))?;
        let get = |c: usize| index[c].and_then(|i| record.get(i)).map(str::to_owned).unwrap_or_default();
        let opt = |c: usize| Some(get(c)).filter(|s| !s.is_empty());
        if record.iter().all(str::is_empty) {
            continue;
        }
        accounts.push(AccountCredentials {
            login: get(0),
            password: get(1),
            email_login: opt(2),
            email_password: opt(3),
            description: opt(4),
        });
    }
    if accounts.is_empty() {
        return Err(CliError::invalid(flag, format!("{name} holds no accounts below its header")));
    }
    Ok(accounts)
}

/// Offer ids from the command line and, optionally, a file (one a line, `#` comments).
pub fn collect_ids(ids: &[String], from_file: Option<&Path>) -> CliResult<Vec<String>> {
    let mut all: Vec<String> = ids.iter().map(|s| s.trim().to_owned()).collect();
    if let Some(path) = from_file {
        let text = read_text(path, "--from-file")?;
        all.extend(text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(str::to_owned));
    }
    if all.is_empty() {
        return Err(CliError::usage("give at least one offer id, or --from-file with one id a line"));
    }
    Ok(all)
}

/// The most read from stdin for an API key (keys are well under 100 characters).
const KEY_INPUT_CAP: u64 = 64 * 1024;

/// The API key: asked for without echo at a terminal, else read from stdin. Never from argv.
pub fn read_key(profile: &str) -> CliResult<ApiKey> {
    let stdin = std::io::stdin();
    let raw = if stdin.is_terminal() {
        rpassword::prompt_password(format!("API key for profile {profile} (input hidden): "))?
    } else {
        // At most KEY_INPUT_CAP: `< /dev/zero` must not be read until memory runs out.
        let mut s = String::new();
        stdin.lock().take(KEY_INPUT_CAP + 1).read_to_string(&mut s)?;
        if s.len() as u64 > KEY_INPUT_CAP {
            return Err(CliError::invalid(
                "api_key",
                format!("stdin held more than {KEY_INPUT_CAP} bytes; give exactly one line, the key"),
            ));
        }
        s
    };
    let lines: Vec<&str> = raw.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    match lines.as_slice() {
        [] => Err(CliError::invalid(
            "api_key",
            "nothing was read from stdin: pipe the key in (printf '%s' \"$KEY\" | sellerdesk profile …) or run at a terminal to be asked",
        )),
        [one] => Ok(ApiKey::new(*one)),
        more => Err(CliError::invalid(
            "api_key",
            format!("stdin held {} lines; give exactly one line, the key", more.len()),
        )),
    }
}

/// Asks before a destructive action. Without `--yes`, refuses unless a person can answer.
pub fn confirm(question: &str, yes: bool) -> CliResult<()> {
    if yes {
        return Ok(());
    }
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return Err(CliError::new(
            markets::ErrorCode::ConfirmationRequired,
            format!("{question} Not run at a terminal, so nothing was done: add --yes to confirm"),
        ));
    }
    eprint!("{question} [y/N] ");
    let mut answer = String::new();
    stdin.lock().read_line(&mut answer)?;
    if matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes") {
        Ok(())
    } else {
        Err(CliError::new(markets::ErrorCode::Cancelled, "cancelled: nothing was done"))
    }
}
