//! `sellerdesk`: the Gaming Goods and GGChest Seller APIs from the terminal. See README.md.

mod args;
mod commands;
mod context;
mod error;
mod input;
mod output;
mod render;

use clap::Parser;
use error::{exit, CliError};
use output::Out;
use std::process::ExitCode;

fn main() -> ExitCode {
    let json = std::env::args().skip(1).take_while(|a| a != "--").any(|a| a == "--json");
    let out = Out::new(json);
    let cli = match args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e, &out),
    };
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            out.error(&CliError::config(format!("cannot start the async runtime: {e}")));
            return ExitCode::from(exit::OTHER);
        }
    };
    match runtime.block_on(commands::run(cli, &out)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            out.error(&e);
            ExitCode::from(e.exit_code)
        }
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
