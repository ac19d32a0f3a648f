//! Reads the command list out of the text of `src/ipc.rs` (the `app_commands! { … }` block).
//!
//! `build.rs` cannot run the macro, yet it must know every command's name to generate its
//! `allow-<name>` permission; it compiles this file too (`#[path]`), so both read the one list.
//! Plain `std` only, for that reason. A test checks that what this reads is what the macro
//! registers (`ipc::catalog()`).

/// One entry of the list: `module::name(args) -> result;`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The module of `crate::commands` whose function is the command's body.
    pub module: String,
    pub name: String,
}

/// The entries of the `app_commands! { … }` invocation in `ipc_rs` (the text of `src/ipc.rs`), in order.
pub fn parse(ipc_rs: &str) -> Result<Vec<Entry>, String> {
    let mut lines = ipc_rs.lines();
    // The invocation, not the `macro_rules! app_commands` definition.
    lines
        .by_ref()
        .find(|l| l.trim_start().starts_with("app_commands!"))
        .ok_or("no `app_commands! {` invocation in src/ipc.rs")?;
    let mut body = String::new();
    let mut closed = false;
    for line in lines {
        let line = line.split("//").next().unwrap_or("");
        if line.trim() == "}" {
            closed = true;
            break;
        }
        body.push_str(line);
        body.push('\n');
    }
    if !closed {
        return Err("the `app_commands! {` block of src/ipc.rs has no closing `}` line".into());
    }
    let mut entries = Vec::new();
    for item in body.split(';').map(str::trim).filter(|s| !s.is_empty()) {
        let path = item.split('(').next().unwrap_or("").trim();
        let (module, name) =
            path.split_once("::").ok_or_else(|| format!("`{item}`: expected `module::name(args) -> result;`"))?;
        let (module, name) = (module.trim(), name.trim());
        let ident = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !ident(module) || !ident(name) {
            return Err(format!("`{item}`: expected `module::name(args) -> result;`"));
        }
        entries.push(Entry { module: module.to_owned(), name: name.to_owned() });
    }
    Ok(entries)
}
