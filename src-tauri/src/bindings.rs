//! TypeScript for the UI, generated from the Rust types with ts-rs:
//! - `ui/src/lib/bindings/*.ts`: one file per type the commands take or return (and their parts),
//!   plus `index.ts` re-exporting them all;
//! - `ui/src/lib/commands.ts`: the `Commands` map, each command's arguments and result;
//! - `ui/src/lib/ipc.ts`: a typed wrapper per command (over `call` of the hand-written `invoke.ts`).
//!
//! All are committed. `cargo test -p seller-desk` regenerates them into a temporary directory
//! and fails when they differ from the committed files; `SELLER_DESK_WRITE_BINDINGS=1 cargo test
//! -p seller-desk --test contract` rewrites them.

use std::{
    collections::BTreeMap,
    fs,
    path::{Path, PathBuf},
};

use ts_rs::{Config, ExportError, TypeVisitor, TS};

use crate::{commands::job_views::JobProgress, error::CommandError, ipc::FilesDropped, progress::Progress};

/// u64/i64 cross IPC as JSON numbers (counts and cents far below 2^53), so `number`, not `bigint`.
pub fn ts_config(out_dir: &Path) -> Config {
    Config::new().with_large_int("number").with_out_dir(out_dir)
}

/// A Rust type as TypeScript: its name there, the declarations it needs, and how to export them.
pub struct TsType {
    pub name: String,
    /// TS name → path of its file under the bindings directory.
    pub imports: BTreeMap<String, PathBuf>,
    export: fn(&Config) -> Result<(), ExportError>,
}

struct Collect<'a>(&'a Config, &'a mut BTreeMap<String, PathBuf>);

impl TypeVisitor for Collect<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if let Some(path) = T::output_path() {
            self.1.insert(T::ident(self.0), path);
        }
        T::visit_generics(self);
    }
}

struct ExportAll<'a>(&'a Config, Result<(), ExportError>);

impl TypeVisitor for ExportAll<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if T::output_path().is_some() && self.1.is_ok() {
            self.1 = T::export_all(self.0);
        }
        T::visit_generics(self);
    }
}

fn export_with_dependencies<T: TS + 'static + ?Sized>(cfg: &Config) -> Result<(), ExportError> {
    // `export_all` of each named type writes its dependencies too.
    let mut exporter = ExportAll(cfg, Ok(()));
    exporter.visit::<T>();
    exporter.1
}

impl TsType {
    pub fn of<T: TS + 'static + ?Sized>() -> TsType {
        let cfg = ts_config(Path::new("."));
        let mut imports = BTreeMap::new();
        // Only the types named in `name` (the type and its generic arguments): what commands.ts imports.
        Collect(&cfg, &mut imports).visit::<T>();
        TsType { name: T::name(&cfg), imports, export: export_with_dependencies::<T> }
    }
}

pub struct CommandSig {
    pub name: &'static str,
    /// The module of `crate::commands` that holds the command's body (the list's `module::`).
    pub module: &'static str,
    /// Argument names as `invoke` takes them (camelCase) and their types.
    pub args: Vec<(String, TsType)>,
    pub result: TsType,
}

fn camel_case(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

impl CommandSig {
    pub fn new(module: &'static str, name: &'static str, args: Vec<(&'static str, TsType)>, result: TsType) -> Self {
        CommandSig { name, module, args: args.into_iter().map(|(n, t)| (camel_case(n), t)).collect(), result }
    }

    /// `gg_dashboard(profileId: string): Promise<GgDashboard>`, for docs.
    pub fn signature(&self) -> String {
        let args: Vec<String> = self.args.iter().map(|(n, t)| format!("{n}: {}", t.name)).collect();
        format!("{}({}): Promise<{}>", self.name, args.join(", "), self.result.name)
    }
}

/// The types that are not arguments or results of a command but cross IPC all the same.
fn extra_types() -> Vec<TsType> {
    vec![
        TsType::of::<CommandError>(),
        TsType::of::<Progress>(),
        TsType::of::<JobProgress>(),
        TsType::of::<FilesDropped>(),
    ]
}

/// The types the commands take and return.
fn command_types(catalog: &[CommandSig]) -> impl Iterator<Item = &TsType> {
    catalog.iter().flat_map(|c| c.args.iter().map(|(_, t)| t).chain([&c.result]))
}

/// One `import type` line per declaration `types` need, each once, in name order.
fn import_lines<'a>(types: impl Iterator<Item = &'a TsType>) -> String {
    let mut imports: BTreeMap<&str, &Path> = BTreeMap::new();
    for t in types {
        imports.extend(t.imports.iter().map(|(name, path)| (name.as_str(), path.as_path())));
    }
    imports
        .into_iter()
        .map(|(name, path)| {
            format!("import type {{ {name} }} from \"./bindings/{}\";\n", path.with_extension("").display())
        })
        .collect()
}

fn commands_ts(catalog: &[CommandSig]) -> String {
    let extra = extra_types();
    let mut out = String::from(
        "// Generated from src-tauri/src/ipc.rs by `cargo test -p seller-desk`. Do not edit.\n\
         // Every command of the shell: its arguments (as passed to `invoke`, camelCase) and its result.\n\
         // A command rejects with a `CommandError`; long ones emit `Progress` as the `progress` event.\n\n",
    );
    out.push_str(&import_lines(command_types(catalog).chain(extra.iter())));
    out.push_str(
        "\nexport type { CommandError, FilesDropped, JobProgress, Progress };\n\nexport interface Commands {\n",
    );
    for c in catalog {
        let args: Vec<String> = c.args.iter().map(|(n, t)| format!("{n}: {}", t.name)).collect();
        let args =
            if args.is_empty() { "Record<string, never>".to_owned() } else { format!("{{ {} }}", args.join("; ")) };
        out.push_str(&format!("  {}: {{ args: {args}; result: {} }};\n", c.name, c.result.name));
    }
    out.push_str("}\n\nexport type CommandName = keyof Commands;\n\nexport const COMMAND_NAMES = [\n");
    for c in catalog {
        out.push_str(&format!("  \"{}\",\n", c.name));
    }
    out.push_str("] as const satisfies readonly CommandName[];\n\nexport const PROGRESS_EVENT = \"progress\";\n");
    out.push_str("export const JOB_PROGRESS_EVENT = \"job-progress\";\n");
    out.push_str(&format!("export const FILES_DROPPED_EVENT = \"{}\";\n", crate::ipc::FILES_DROPPED_EVENT));
    out
}

/// `ipc.ts`: one typed wrapper per command, named after it in camelCase (`gg_dashboard` →
/// `ggDashboard`), its arguments in the list's order; everything hand-written (calling, errors,
/// event listeners) is in `invoke.ts`, which it re-exports.
fn ipc_ts(catalog: &[CommandSig]) -> String {
    let mut out = String::from(
        "// Generated from src-tauri/src/ipc.rs by `cargo test -p seller-desk`. Do not edit.\n\
         // One typed wrapper per shell command, named after it in camelCase, its arguments in order.\n\
         // Calling, errors and event listeners are hand-written in ./invoke.ts (re-exported here).\n\n",
    );
    out.push_str(&import_lines(command_types(catalog)));
    out.push_str("import { call } from \"./invoke\";\n\nexport * from \"./invoke\";\n\n");
    for c in catalog {
        let params: Vec<String> = c.args.iter().map(|(n, t)| format!("{n}: {}", t.name)).collect();
        let names: Vec<&str> = c.args.iter().map(|(n, _)| n.as_str()).collect();
        let args = if names.is_empty() { String::new() } else { format!(", {{ {} }}", names.join(", ")) };
        out.push_str(&format!(
            "export const {} = ({}): Promise<{}> =>\n  call(\"{}\"{args});\n",
            camel_case(c.name),
            params.join(", "),
            c.result.name,
            c.name
        ));
    }
    out
}

fn ts_files(dir: &Path, base: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            ts_files(&path, base, out)?;
        } else if path.extension().is_some_and(|e| e == "ts") {
            out.push(path.strip_prefix(base).expect("under base").to_owned());
        }
    }
    Ok(())
}

/// `errorTemplates.ts`: the English templates of the error messages that carry one (the
/// marketplace errors', the keychain's, the shell's), which the UI's catalogs translate (its
/// catalog test checks that each has an entry).
fn error_templates_ts() -> String {
    let mut out = String::from(
        "// Generated by `cargo test -p seller-desk` from markets::MESSAGE_TEMPLATES, \
         profiles::KEYCHAIN_TEMPLATES and the shell's SHELL_TEMPLATES. Do not edit.\n\n\
         /** The English templates an error's message may be made from (CommandError.text). */\n\
         export const ERROR_TEMPLATES: readonly string[] = [\n",
    );
    let all =
        markets::MESSAGE_TEMPLATES.iter().chain(profiles::KEYCHAIN_TEMPLATES).chain(crate::error::SHELL_TEMPLATES);
    for t in all {
        out.push_str(&format!("  {},\n", serde_json::to_string(t).expect("a string")));
    }
    out.push_str("];\n");
    out
}

/// `errorCodes.ts`: every code a failure may carry (`markets::ErrorCode::ALL`, the `ErrorCode`
/// union as a value, to check a code at runtime) and those after which trying again later may
/// succeed (`ErrorCode::is_transient`).
fn error_codes_ts() -> String {
    let quoted = |codes: &mut dyn Iterator<Item = &markets::ErrorCode>| -> String {
        codes.map(|c| serde_json::to_string(c.as_str()).expect("a string")).collect::<Vec<_>>().join(", ")
    };
    format!(
        "// Generated by `cargo test -p seller-desk` from markets::ErrorCode. Do not edit.\n\n\
         import type {{ ErrorCode }} from \"./ErrorCode\";\n\n\
         /** Every code a failure may carry (CommandError.code). */\n\
         export const ERROR_CODES: readonly ErrorCode[] = [{}];\n\n\
         /** The codes after which nothing changed and trying again later may succeed. */\n\
         export const TRANSIENT_CODES: readonly ErrorCode[] = [{}];\n",
        quoted(&mut markets::ErrorCode::ALL.iter()),
        quoted(&mut markets::ErrorCode::ALL.iter().filter(|c| c.is_transient())),
    )
}

/// `progressLabels.ts`: what progress counts may count (`progress::label::ALL`).
fn progress_labels_ts() -> String {
    let list: Vec<String> =
        crate::progress::label::ALL.iter().map(|l| serde_json::to_string(l).expect("a string")).collect();
    format!(
        "// Generated by `cargo test -p seller-desk` from progress::label::ALL. Do not edit.\n\n\
         /** Every label a progress event may carry (Progress.label). */\n\
         export const PROGRESS_LABELS: readonly string[] = [{}];\n",
        list.join(", ")
    )
}

/// Writes `bindings/` (every type, `errorTemplates.ts`, `errorCodes.ts`, `progressLabels.ts` and
/// `index.ts`), `commands.ts` and `ipc.ts` under `lib_dir`
/// (`ui/src/lib` for the committed copy). The bindings directory is emptied first.
pub fn write_all(lib_dir: &Path, catalog: &[CommandSig]) -> Result<(), String> {
    let bindings = lib_dir.join("bindings");
    if bindings.exists() {
        fs::remove_dir_all(&bindings).map_err(|e| format!("cannot clear {}: {e}", bindings.display()))?;
    }
    fs::create_dir_all(&bindings).map_err(|e| e.to_string())?;
    let cfg = ts_config(&bindings);
    let all_types = catalog.iter().flat_map(|c| c.args.iter().map(|(_, t)| t).chain([&c.result]));
    for t in all_types.chain(extra_types().iter()) {
        (t.export)(&cfg).map_err(|e| format!("exporting {}: {e}", t.name))?;
    }
    fs::write(bindings.join("errorTemplates.ts"), error_templates_ts()).map_err(|e| e.to_string())?;
    fs::write(bindings.join("progressLabels.ts"), progress_labels_ts()).map_err(|e| e.to_string())?;
    fs::write(bindings.join("errorCodes.ts"), error_codes_ts()).map_err(|e| e.to_string())?;
    let mut files = Vec::new();
    ts_files(&bindings, &bindings, &mut files).map_err(|e| e.to_string())?;
    files.sort();
    let mut index = String::from("// Generated by `cargo test -p seller-desk`. Do not edit.\n");
    for f in &files {
        index.push_str(&format!("export type * from \"./{}\";\n", f.with_extension("").display()));
    }
    fs::write(bindings.join("index.ts"), index).map_err(|e| e.to_string())?;
    fs::write(lib_dir.join("commands.ts"), commands_ts(catalog)).map_err(|e| e.to_string())?;
    fs::write(lib_dir.join("ipc.ts"), ipc_ts(catalog)).map_err(|e| e.to_string())
}
