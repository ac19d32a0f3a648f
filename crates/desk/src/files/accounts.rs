//! Accounts for a GGChest accounts offer: a CSV whose header names the columns, in any order:
//! `login` and `password` (required), `email_login`, `email_password`, `description`, each with
//! a few aliases (`username`, `pass`, `email`, `notes`, …). A row without a login or a password
//! is a problem of its line; a column of another name is ignored and named.

use markets::{ggchest::AccountCredentials, FieldError};

use super::{header_key, invalid, read_table, Parsed, Problem};
use crate::Error;

/// The columns, in the order the header line is described.
pub const COLUMNS: [&str; 5] = ["login", "password", "email_login", "email_password", "description"];

/// The column a header name stands for.
fn column(header: &str) -> Option<usize> {
    Some(match header_key(header).as_str() {
        "login" | "username" | "user" | "user_name" => 0,
        "password" | "pass" | "pwd" => 1,
        "email_login" | "email" | "mail" | "e_mail" => 2,
        "email_password" | "email_pass" | "mail_password" => 3,
        "description" | "note" | "notes" | "comment" => 4,
        _ => return None,
    })
}

/// The accounts of `text` (a CSV with a header line) and the problems of its rows; `Err` when
/// the header does not name a login and a password column (then no row can be read). `file`
/// names the file in messages.
pub fn parse(text: &str, file: &str) -> Result<Parsed<AccountCredentials>, Error> {
    let table = read_table(text);
    let mut parsed = Parsed { blank_lines: table.blank_lines, ..Parsed::default() };
    let mut records = table.records.into_iter();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err((line, message))) => {
            return Err(invalid(
                format!("{file}: the header line {message}"),
                vec![FieldError::new(format!("line {line}"), message)],
            ))
        }
        None => {
            return Err(invalid(
                format!("{file} is empty: the first line must name the columns, at least login,password"),
                Vec::new(),
            ))
        }
    };
    let mut index: [Option<usize>; 5] = [None; 5];
    for (i, name) in header.cells.iter().enumerate() {
        match column(name) {
            Some(c) if index[c].is_none() => index[c] = Some(i),
            _ => parsed.ignored_columns.push(name.clone()),
        }
    }
    for (c, needed) in [(0, "login"), (1, "password")] {
        if index[c].is_none() {
            let message = format!(
                "no `{needed}` column in the header line (found `{}`); name the columns {} (any order)",
                header.cells.join(","),
                COLUMNS.join(", ")
            );
            return Err(invalid(
                format!("{file}: {message}"),
                vec![FieldError::new(format!("line {}", header.line), message)],
            ));
        }
    }
    for (n, record) in records.enumerate() {
        let row = n as u64 + 1;
        let record = match record {
            Ok(r) => r,
            Err((line, message)) => {
                parsed.problems.push(Problem::at_line(line, row, None, message));
                continue;
            }
        };
        let get = |c: usize| Some(record.get(index[c])).filter(|v| !v.is_empty()).map(str::to_owned);
        match (get(0), get(1)) {
            (Some(login), Some(password)) => parsed.rows.push(AccountCredentials {
                login,
                password,
                email_login: get(2),
                email_password: get(3),
                description: get(4),
            }),
            (None, _) => parsed.problems.push(Problem::at_line(record.line, row, Some("login"), "has no login")),
            (_, None) => parsed.problems.push(Problem::at_line(record.line, row, Some("password"), "has no password")),
        }
    }
    Ok(parsed)
}

/// The rule for accounts added in an offer's form (the app's accounts editor, and the CLI's
/// `ggc offers create --accounts-csv` / `edit --add-accounts-csv`, the same action): the usable
/// rows are taken and the others are named by line beside them (skipped, not sent); a file with
/// no usable row is an error naming every problem.
pub fn for_form(parsed: Parsed<AccountCredentials>, file: &str) -> Result<Parsed<AccountCredentials>, Error> {
    if parsed.rows.is_empty() {
        let list: Vec<String> = parsed.problems.iter().map(Problem::to_string).collect();
        let message = if list.is_empty() {
            format!("{file} holds no accounts below its header")
        } else {
            format!("{file} holds no usable account: {}", list.join("; "))
        };
        return Err(invalid(message, parsed.field_errors()));
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_in_any_order_with_aliases_and_bad_rows_by_line() {
        let csv = "\u{feff}Password;User Name;E-mail;notes;extra\n\"p;1\";alice;a@x.io;\"two\nlines\";z\nsecret;;;;\n;bob;;;\np3;carol;;;\n";
        let p = parse(csv, "a.csv").unwrap();
        let logins: Vec<&str> = p.rows.iter().map(|a| a.login.as_str()).collect();
        assert_eq!(logins, ["alice", "carol"]);
        assert_eq!(p.rows[0].password, "p;1");
        assert_eq!(p.rows[0].email_login.as_deref(), Some("a@x.io"));
        assert_eq!(p.rows[0].description.as_deref(), Some("two\nlines"));
        assert_eq!(p.ignored_columns, ["extra"]);
        let places: Vec<String> = p.problems.iter().map(Problem::place).collect();
        assert_eq!(places, ["line 4", "line 5"]);
        assert!(p.problems[1].message.contains("no password"));
        let form = for_form(p, "a.csv").unwrap();
        assert_eq!((form.rows.len(), form.problems.len()), (2, 2));
    }

    #[test]
    fn without_login_and_password_columns_nothing_is_read() {
        let e = parse("alice,pw\n", "a.csv").unwrap_err();
        assert_eq!(e.code, markets::ErrorCode::InvalidInput);
        assert!(e.message.contains("no `login` column"), "{}", e.message);
        assert_eq!(e.fields[0].field, "line 1");
    }

    #[test]
    fn a_form_refuses_a_file_without_a_usable_account() {
        let e = for_form(parse("login,password\nalice,\n", "a.csv").unwrap(), "a.csv").unwrap_err();
        assert_eq!(e.message, "a.csv holds no usable account: line 2: has no password");
        let e = for_form(parse("login,password\n\n", "a.csv").unwrap(), "a.csv").unwrap_err();
        assert_eq!(e.message, "a.csv holds no accounts below its header");
    }
}
