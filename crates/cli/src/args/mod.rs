//! The command line, as clap types. Help text lives here: the first line of each doc comment is
//! the command's one-line about; `after_long_help` holds its examples (shown by `--help`).

pub mod gg;
pub mod ggc;
pub mod jobs;
pub mod profile;

use clap::{Args, Parser, Subcommand, ValueEnum};
use markets::Market;

const TOP_EXAMPLES: &str = "\
Examples:
  printf '%s' \"$GG_KEY\" | sellerdesk profile add shop --market gg
  sellerdesk gg dashboard
  sellerdesk gg products list --all --json | jq '.items[].id'
  sellerdesk --profile chest ggc offers list --status active
  SELLERDESK_API_KEY=… sellerdesk --market ggchest ggc orders --from 2025-01-01

Environment:
  SELLERDESK_API_KEY       a key to use instead of a profile (cron, CI); pair with --market and
                           --base-url (default: the marketplace's production URL)
  SELLERDESK_CONFIG_DIR    the directory holding profiles.json (default: <config dir>/sellerdesk)
  SELLERDESK_DATA_DIR      where jobs' journals and the audit log live (default: <data dir>/sellerdesk)
  SELLERDESK_PACING_SCALE  testing knob: multiplies the documented rate-limit windows (e.g. 0.01
                           against a sandbox started with --time-scale 0.01)

Exit codes: 0 ok, 1 other, 2 usage, 3 invalid input (nothing sent), 4 refused by the
marketplace, 5 key rejected, 6 not found, 7 try later, 8 outcome unknown, 9 profile/keychain,
10 a job ended with failed or unsettled steps.";

/// Gaming Goods and GGChest Seller APIs from the terminal.
///
/// Every endpoint of both Seller APIs as a command, with seller profiles whose API keys live in
/// the OS keychain. Input is checked before anything is sent; errors print as one line,
/// `error[<code>]: <message>`, and each class of error has its own exit code.
#[derive(Debug, Parser)]
#[command(name = "sellerdesk", version, after_long_help = TOP_EXAMPLES, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Use this profile (name or id) instead of the active one
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,

    /// The marketplace: for `profile add`, and with SELLERDESK_API_KEY instead of a profile
    #[arg(long, global = true, value_enum, value_name = "MARKET")]
    pub market: Option<MarketArg>,

    /// The Seller API's base URL: for `profile add`, with SELLERDESK_API_KEY, or to override a
    /// profile's for one run (e.g. a local sandbox)
    #[arg(long, global = true, value_name = "URL")]
    pub base_url: Option<String>,

    /// Print the result (or the error) as JSON on stdout, for scripts
    #[arg(long, global = true)]
    pub json: bool,

    /// Check everything and read what is needed, but send no change: stops at the first change
    /// request and says what it would be (exit 0). `jobs run --dry-run` plans the job and shows
    /// its steps without creating it
    #[arg(long, global = true)]
    pub dry_run: bool,

    /// Log to stderr too: -v info, -vv debug, -vvv trace. The log file in the data directory
    /// (logs/sellerdesk.log.<date>) is always written, at info; RUST_LOG sets stderr's filter
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MarketArg {
    /// Gaming Goods
    Gg,
    /// GGChest
    #[value(alias = "ggc")]
    Ggchest,
}

impl From<MarketArg> for Market {
    fn from(m: MarketArg) -> Market {
        match m {
            MarketArg::Gg => Market::GamingGoods,
            MarketArg::Ggchest => Market::GgChest,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Seller profiles: a marketplace, a base URL and an API key kept in the OS keychain
    #[command(subcommand)]
    Profile(profile::ProfileCommand),
    /// Gaming Goods Seller API: dashboard, listings, codes and C2C offers
    #[command(subcommand)]
    Gg(gg::GgCommand),
    /// GGChest Seller API: games, offers, icons and orders
    #[command(subcommand)]
    Ggc(ggc::GgcCommand),
    /// Bulk jobs at the rate limit: run, resume after a crash, results, retry the failed
    #[command(subcommand)]
    Jobs(jobs::JobsCommand),
    /// Products and offers of either marketplace as CSV
    #[command(subcommand)]
    Export(jobs::ExportCommand),
    /// The local log of every change Seller Desk made on a marketplace
    #[command(subcommand)]
    Audit(jobs::AuditCommand),
}

/// Parses a string enum of `markets` by its strict `FromStr` (whose error lists the choices).
pub fn parse_enum<T: std::str::FromStr<Err = String>>(s: &str) -> Result<T, String> {
    s.parse()
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    /// Every command has a one-line about; every runnable one has examples in its long help.
    #[test]
    fn every_command_has_an_about_and_examples() {
        fn walk(cmd: &clap::Command, path: &str, leaves: &mut Vec<String>) {
            for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
                let path = format!("{path} {}", sub.get_name());
                let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
                assert!(!about.is_empty() && !about.contains('\n'), "`{path}` needs a one-line about");
                if sub.has_subcommands() {
                    walk(sub, &path, leaves);
                } else {
                    let examples = sub.get_after_long_help().map(|h| h.to_string()).unwrap_or_default();
                    assert!(examples.starts_with("Examples:\n  sellerdesk"), "`{path}` needs examples");
                    leaves.push(path);
                }
            }
        }
        let mut leaves = Vec::new();
        walk(&Cli::command(), "sellerdesk", &mut leaves);
        // profile: 8, gg: 1 + 6 + 1 + 4, ggc: 3 + 10 + 2 + 1, jobs: 9 + 5, export: 3, audit: 3.
        assert_eq!(leaves.len(), 56, "{leaves:#?}");
    }
}
