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
use markets::{ggchest::AccountCredentials, ApiKey};
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
/// file of at most `markets::files::TEXT_FILE_CAP` is read: a FIFO or a device is refused without blocking
/// (`markets::files::read_user_file`).
pub fn read_text(path: &Path, flag: &str) -> CliResult<String> {
    // The layer's reading (code `file`, as in the app), with the flag named next to it.
    desk::read_text_file(path).map_err(|e| {
        let mut e = CliError::from(e);
        e.fields.push(markets::FieldError::new(flag, e.message.clone()));
        e
    })
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

/// Activation codes from a file, read by `desk::files::codes` (a `.csv` as CSV, anything else
/// one code a line); the counts are printed before anything is sent.
pub fn read_codes(path: &Path, flag: &str, out: &Out) -> CliResult<Vec<String>> {
    let text = read_text(path, flag)?;
    let name = file_name(path);
    let list = desk::files::codes::read(&text, Some(&name))?;
    let dropped = list.dropped_repeats();
    let mut note = format!(
        "{name}: {} lines → {} codes, {dropped} {} dropped",
        list.lines,
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

/// Warns of a file's rows that were skipped and of columns that were left out.
pub fn note_skipped<T>(parsed: &desk::files::Parsed<T>, path: &Path, out: &Out) {
    let name = file_name(path);
    for p in &parsed.problems {
        out.note(format!("warning: {name} {p} (row skipped)"));
    }
    if !parsed.ignored_columns.is_empty() {
        out.note(format!(
            "warning: {name} has column(s) that are not read, left out (check their spelling): {}",
            parsed.ignored_columns.join(", ")
        ));
    }
}

/// Accounts from a CSV whose header names the columns (any order; login and password
/// required), by the rule of the app's accounts form (`desk::files::accounts::for_form`): rows
/// without a login or a password are skipped and named, a file without a usable row refused.
pub fn read_accounts_csv(path: &Path, flag: &str, out: &Out) -> CliResult<Vec<AccountCredentials>> {
    let text = read_text(path, flag)?;
    let name = file_name(path);
    let parsed = desk::files::accounts::for_form(desk::files::accounts::parse(&text, &name)?, &name)?;
    note_skipped(&parsed, path, out);
    Ok(parsed.rows)
}

/// Offer ids from the command line and, optionally, a file (`desk::files::ids`: one a line,
/// `#` comments; a `.csv`'s `id` column or first column).
pub fn collect_ids(ids: &[String], from_file: Option<&Path>) -> CliResult<Vec<String>> {
    let mut all: Vec<String> = ids.iter().map(|s| s.trim().to_owned()).collect();
    if let Some(path) = from_file {
        let text = read_text(path, "--from-file")?;
        let parsed = desk::files::ids::parse(&text, desk::files::codes::Format::of_name(&file_name(path)));
        if !parsed.problems.is_empty() {
            let name = file_name(path);
            return Err(desk::files::all_or_nothing(parsed, &name, "ids").map(|_| ()).unwrap_err().into());
        }
        all.extend(parsed.rows);
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
