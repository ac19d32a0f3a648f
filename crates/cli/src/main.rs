//! `sellerdesk`: the Gaming Goods and GGChest Seller APIs from the terminal. See README.md.

mod args;
mod commands;
mod context;
mod error;
mod input;
mod output;
mod render;

use clap::{CommandFactory, FromArgMatches};
use error::{exit, CliError};
use output::Out;
use std::process::ExitCode;

fn main() -> ExitCode {
    let json = std::env::args().skip(1).take_while(|a| a != "--").any(|a| a == "--json");
    let out = Out::new(json);
    let parsed = args::Cli::command().try_get_matches().and_then(|m| Ok((args::Cli::from_arg_matches(&m)?, m)));
    let (cli, matches) = match parsed {
        Ok(parsed) => parsed,
        Err(e) => return usage_error(e, &out),
    };
    start_logs(cli.global.verbose, &matches);
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            out.error(&CliError::config(format!("cannot start the async runtime: {e}")));
            return ExitCode::from(exit::OTHER);
        }
    };
    match runtime.block_on(commands::run(cli, &out)) {
        Ok(()) => ExitCode::SUCCESS,
        // A dry run that reached its first change: the answer the seller asked for.
        Err(e) if e.code == markets::ErrorCode::DryRun => {
            let r = serde_json::json!({ "dry_run": true, "message": e.message });
            out.emit(&r, |_| e.message.clone());
            ExitCode::SUCCESS
        }
        Err(e) => {
            tracing::warn!(error = e.code.as_str(), exit = e.exit_code(), detail = %e.message, "sellerdesk failed");
            out.error(&e);
            ExitCode::from(e.exit_code())
        }
    }
}

/// Logs to `<data dir>/logs/` (always, at info) and to stderr with `-v`/`RUST_LOG`; the first line
/// names the command (its subcommand words only: never an argument's value). Without a data
/// directory the command still runs; with `-v` it says why there is no log.
fn start_logs(verbosity: u8, matches: &clap::ArgMatches) {
    let started = jobs::data_dir()
        .map_err(|e| e.to_string())
        .and_then(|dir| logs::init(&logs::Setup::from_env(dir, verbosity)).map_err(|e| e.to_string()));
    match started {
        Ok(logs_dir) => {
            let mut command = Vec::new();
            let mut m = matches;
            while let Some((name, sub)) = m.subcommand() {
                command.push(name);
                m = sub;
            }
            tracing::info!(version = env!("CARGO_PKG_VERSION"), command = %command.join(" "), "sellerdesk started");
            tracing::debug!(dir = %logs_dir.display(), "logging to this directory too");
        }
        Err(why) if verbosity > 0 => eprintln!("warning: no log file: {why}"),
        Err(_) => {}
    }
}

/// clap's errors in our format: help and version print as usual; a real usage error becomes
/// `error[usage]: …` with clap's tips kept as indented lines.
fn usage_error(e: clap::Error, out: &Out) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return ExitCode::from(if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
            exit::USAGE
        } else {
            0
        });
    }
    let text = e.render().to_string();
    let mut raw = text.lines();
    let mut headline = raw.next().unwrap_or("invalid arguments").trim_start_matches("error:").trim().to_owned();
    // What the headline announces follows it indented (clap: "the following required arguments
    // were not provided:" then one line per argument): keep it in the headline.
    let listed: Vec<&str> =
        raw.clone().take_while(|l| l.starts_with(char::is_whitespace) && !l.trim().is_empty()).map(str::trim).collect();
    if !listed.is_empty() {
        headline = format!("{} {}", headline, listed.join(", "));
    }
    let lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let mut err = CliError::usage(headline);
    for tip in lines.filter(|l| l.starts_with("tip:")) {
        err.fields.push(markets::FieldError::new("tip", tip.trim_start_matches("tip:").trim()));
    }
    err.fields.push(markets::FieldError::new("help", "run with --help for usage and examples"));
    out.error(&err);
    ExitCode::from(exit::USAGE)
}
