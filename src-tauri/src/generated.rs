//! The files other than TypeScript generated from the command list ([`crate::ipc::catalog`]):
//! - `capabilities/default.json`: the window's permissions, `allow-<command>` for each command
//!   after the few plugin permissions the UI needs;
//! - docs/APP.md's command reference, between `<!-- begin: commands -->` and
//!   `<!-- end: commands -->`: each command's signature and the first paragraph of its body's doc
//!   comment.
//!
//! Like the TypeScript (`crate::bindings`), both are committed; `cargo test -p seller-desk --test
//! contract` fails when one differs from what the list generates now, and
//! `SELLER_DESK_WRITE_BINDINGS=1 cargo test -p seller-desk --test contract` rewrites them.

use std::{fs, path::Path};

use crate::bindings::CommandSig;

/// The plugin permissions of the main window besides our commands: the app's name and version
/// (About) and listening to events (progress, job progress, drag and drop). No plugin command.
pub const PLUGIN_PERMISSIONS: &[&str] =
    &["core:app:allow-version", "core:app:allow-name", "core:event:allow-listen", "core:event:allow-unlisten"];

const CAPABILITY_DESCRIPTION: &str = "The main window: Seller Desk's own commands and events (progress, \
drag-and-drop). No plugin command: the native dialogs are shown by the Rust side (pick_open_file, pick_save_file), \
which hands the window handles, never paths. Nothing else.";

/// `allow-gg-dashboard` for `gg_dashboard`: the permission build.rs generates for a command.
pub fn permission(command: &str) -> String {
    format!("allow-{}", command.replace('_', "-"))
}

/// The text of `capabilities/default.json`.
pub fn capabilities_json(catalog: &[CommandSig]) -> String {
    let quote = |s: &str| serde_json::to_string(s).expect("a string");
    let permissions: Vec<String> = PLUGIN_PERMISSIONS
        .iter()
        .map(|p| p.to_string())
        .chain(catalog.iter().map(|c| permission(c.name)))
        .map(|p| format!("    {}", quote(&p)))
        .collect();
    format!(
        "{{\n  \"$schema\": \"../gen/schemas/desktop-schema.json\",\n  \"identifier\": \"default\",\n  \
         \"description\": {},\n  \"windows\": [\n    \"main\"\n  ],\n  \"permissions\": [\n{}\n  ]\n}}\n",
        quote(CAPABILITY_DESCRIPTION),
        permissions.join(",\n")
    )
}

pub const BEGIN_COMMANDS: &str = "<!-- begin: commands -->";
pub const END_COMMANDS: &str = "<!-- end: commands -->";

/// The first paragraph of the doc comment of `pub (async) fn <name>` in the command's body
/// module (`<commands_dir>/<module>.rs` or `<module>/mod.rs`), on one line, intra-doc links
/// reduced to their text. `None` when the body has no doc comment or is not found there.
pub fn body_doc(commands_dir: &Path, module: &str, name: &str) -> Option<String> {
    let text = fs::read_to_string(commands_dir.join(format!("{module}.rs")))
        .or_else(|_| fs::read_to_string(commands_dir.join(module).join("mod.rs")))
        .ok()?;
    let lines: Vec<&str> = text.lines().collect();
    let heads = [format!("pub async fn {name}("), format!("pub async fn {name}<"), format!("pub fn {name}(")];
    let at = lines.iter().position(|l| heads.iter().any(|h| l.trim_start().starts_with(h.as_str())))?;
    let mut doc = Vec::new();
    for line in lines[..at].iter().rev().map(|l| l.trim()) {
        if line.starts_with("#[") {
            continue;
        }
        match line.strip_prefix("///") {
            Some(d) => doc.push(d.trim()),
            None => break,
        }
    }
    doc.reverse();
    let first: Vec<&str> = doc.into_iter().skip_while(|l| l.is_empty()).take_while(|l| !l.is_empty()).collect();
    (!first.is_empty()).then(|| link_text(&first.join(" ")))
}

/// `[`X`]` and `[`X`](target)` → `` `X` ``: rustdoc's links mean nothing in the docs.
fn link_text(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(open) = rest.find("[`") {
        let Some(close) = rest[open..].find("`]").map(|i| open + i) else { break };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..close + 1]);
        rest = &rest[close + 2..];
        if rest.starts_with('(') {
            if let Some(end) = rest.find(')') {
                rest = &rest[end + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The generated part of docs/APP.md's command reference, markers included.
pub fn command_reference_md(catalog: &[CommandSig], commands_dir: &Path) -> String {
    let mut out = format!(
        "{BEGIN_COMMANDS}\n<!-- Generated from the list in src-tauri/src/ipc.rs by \
         `SELLER_DESK_WRITE_BINDINGS=1 cargo test -p seller-desk --test contract`. Do not edit between the markers. -->\n\n\
         | command (arguments): result | body | what it does |\n|---|---|---|\n"
    );
    for c in catalog {
        let doc = body_doc(commands_dir, c.module, c.name).unwrap_or_default();
        out.push_str(&format!(
            "| `{}` | `commands::{}` | {} |\n",
            c.signature().replace('|', "\\|"),
            c.module,
            doc.replace('|', "\\|")
        ));
    }
    out.push('\n');
    out.push_str(END_COMMANDS);
    out
}

/// `doc` with the text between the markers (included) replaced by `section`.
pub fn splice(doc: &str, section: &str) -> Result<String, String> {
    let begin = doc.find(BEGIN_COMMANDS).ok_or_else(|| format!("no `{BEGIN_COMMANDS}` marker"))?;
    let end = doc[begin..].find(END_COMMANDS).ok_or_else(|| format!("no `{END_COMMANDS}` after `{BEGIN_COMMANDS}`"))?
        + begin
        + END_COMMANDS.len();
    Ok(format!("{}{section}{}", &doc[..begin], &doc[end..]))
}
