//! `sellerdesk jobs …`, `sellerdesk export …`, `sellerdesk audit …`: bulk jobs that run at the
//! rate limit, resume after a crash, and report per-step results; CSV exports; the audit log.

use clap::{ArgGroup, Args, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum JobsCommand {
    /// Start a bulk job (paced to the rate limit; Ctrl-C stops after the current step)
    #[command(subcommand)]
    Run(RunCommand),

    /// Go on with a job that was interrupted, killed or cancelled (nothing is done twice)
    #[command(
        after_long_help = "Examples:\n  sellerdesk jobs resume 0193a1b2\n  sellerdesk jobs resume 0193a1b2 --json"
    )]
    Resume(JobRef),

    /// List jobs, newest first
    #[command(after_long_help = "Examples:\n  sellerdesk jobs list\n  sellerdesk jobs list --json | jq '.[0].id'")]
    List,

    /// Show one job: what it is, where it runs, how far it got
    #[command(after_long_help = "Examples:\n  sellerdesk jobs show 0193a1b2")]
    Show(JobRef),

    /// Per-item results of a job (each code, offer, account: done / failed with the reason), as a table or CSV
    #[command(after_long_help = "\
Examples:
  sellerdesk jobs results 0193a1b2
  sellerdesk jobs results 0193a1b2 --failed
  sellerdesk jobs results 0193a1b2 --outcome unknown --outcome pending
  sellerdesk jobs results 0193a1b2 --csv results.csv
  sellerdesk jobs results 0193a1b2 --failed --csv -

Codes are shown masked (ABCD…WXYZ): they are sealed in the journal and an exported file
should not be a list of sellable codes. Accounts are shown by login, never the password.")]
    Results(ResultsArgs),

    /// Start a new job of just the failed items of a job (codes, offers, accounts)
    #[command(after_long_help = "Examples:\n  sellerdesk jobs retry-failed 0193a1b2")]
    RetryFailed(JobRef),
}

#[derive(Debug, Args)]
pub struct JobRef {
    /// The job's id (or a unique start of it)
    pub id: String,
}

#[derive(Debug, Args)]
pub struct ResultsArgs {
    pub id: String,
    /// Write the results as CSV to this file (`-`: stdout), one row per item
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
    /// Only the failed items (same as `--outcome failed`)
    #[arg(long)]
    pub failed: bool,
    /// Only items with this outcome: done, failed, unknown, pending, not-sent (repeatable)
    #[arg(long, value_name = "OUTCOME")]
    pub outcome: Vec<String>,
    /// One row per step instead of per item
    #[arg(long, conflicts_with_all = ["failed", "outcome"])]
    pub steps: bool,
}

#[derive(Debug, Subcommand)]
pub enum RunCommand {
    /// Gaming Goods: upload codes to many of your listings from a CSV of product_id,code
    #[command(after_long_help = "Examples:\n  sellerdesk jobs run gg-upload-codes --file codes.csv")]
    GgUploadCodes(FileArg),

    /// Gaming Goods: add C2C offers on many products from a CSV of product_id,price_cents,code
    #[command(after_long_help = "Examples:\n  sellerdesk jobs run gg-add-offers --file offers.csv")]
    GgAddOffers(FileArg),

    /// Gaming Goods: reprice your unsold offers (prices in euros)
    #[command(after_long_help = "\
Examples:
  sellerdesk jobs run gg-reprice --percent -5 --floor 1.99
  sellerdesk jobs run gg-reprice --set 9.99 --product a1b2c3d4-…")]
    GgReprice(GgReprice),

    /// GGChest: reprice offers (prices in US dollars)
    #[command(after_long_help = "\
Examples:
  sellerdesk jobs run ggc-reprice --amount -0.50 --floor 1 --status active
  sellerdesk jobs run ggc-reprice --percent 10 --ceiling 99 --ids-file offers.txt")]
    GgcReprice(GgcReprice),

    /// GGChest: activate a selection of offers of any size (100 per request)
    #[command(
        after_long_help = "Examples:\n  sellerdesk jobs run ggc-activate --status draft\n  sellerdesk jobs run ggc-activate --ids-file ids.txt"
    )]
    GgcActivate(Selection),

    /// GGChest: move a selection of offers to draft (100 per request)
    #[command(after_long_help = "Examples:\n  sellerdesk jobs run ggc-draft --game 550e8400-…")]
    GgcDraft(Selection),

    /// GGChest: delete a selection of offers (100 per request)
    #[command(after_long_help = "Examples:\n  sellerdesk jobs run ggc-delete --ids-file old.txt --yes")]
    GgcDelete(DeleteSelection),

    /// GGChest: create many offers from a JSON array or a CSV file
    #[command(after_long_help = "\
Examples:
  sellerdesk jobs run ggc-create --file offers.json
  sellerdesk jobs run ggc-create --file offers.csv")]
    GgcCreate(FileArg),

    /// GGChest: import accounts from a CSV (login,password,…) into an accounts offer
    #[command(
        after_long_help = "Examples:\n  sellerdesk jobs run ggc-import-accounts --offer 0198… --file accounts.csv"
    )]
    GgcImportAccounts(ImportAccounts),
}

#[derive(Debug, Args)]
pub struct FileArg {
    /// The input file
    #[arg(long, value_name = "FILE")]
    pub file: PathBuf,
}

#[derive(Debug, Args)]
#[command(group = ArgGroup::new("rule").required(true).args(["set", "percent", "amount"]))]
pub struct PriceArgs {
    /// Set this price
    #[arg(long, value_name = "PRICE")]
    pub set: Option<String>,
    /// Change by this percentage (-5 is 5 % off)
    #[arg(long, value_name = "PCT", allow_hyphen_values = true)]
    pub percent: Option<String>,
    /// Change by this amount (-0.50 is 50 cents off)
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub amount: Option<String>,
    /// Never below this price
    #[arg(long, value_name = "PRICE")]
    pub floor: Option<String>,
    /// Never above this price
    #[arg(long, value_name = "PRICE")]
    pub ceiling: Option<String>,
}

#[derive(Debug, Args)]
pub struct GgReprice {
    #[command(flatten)]
    pub price: PriceArgs,
    /// Only offers on these products (repeatable; default: all)
    #[arg(long = "product", value_name = "ID")]
    pub products: Vec<String>,
}

#[derive(Debug, Args)]
pub struct GgcReprice {
    #[command(flatten)]
    pub price: PriceArgs,
    #[command(flatten)]
    pub select: Selection,
}

/// Which GGChest offers: given ids, or every offer matching the filters.
#[derive(Debug, Args)]
pub struct Selection {
    /// An offer id (repeatable)
    #[arg(long = "offer", value_name = "ID")]
    pub offers: Vec<String>,
    /// A file of offer ids, one a line
    #[arg(long, value_name = "FILE")]
    pub ids_file: Option<PathBuf>,
    /// Every offer with this status (active, draft)
    #[arg(long)]
    pub status: Option<String>,
    /// Every offer of this type (accounts, currency, items)
    #[arg(long = "type", value_name = "TYPE")]
    pub offer_type: Option<String>,
    /// Every offer of this game
    #[arg(long, value_name = "GAME_ID")]
    pub game: Option<String>,
    /// Every offer (say it: an empty selection is refused)
    #[arg(long, conflicts_with_all = ["offers", "ids_file", "status", "offer_type", "game"])]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct DeleteSelection {
    #[command(flatten)]
    pub select: Selection,
    /// Delete without asking
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct ImportAccounts {
    /// The accounts offer to add the accounts to
    #[arg(long, value_name = "ID")]
    pub offer: String,
    /// CSV with a header: login,password[,email_login,email_password,description]
    #[arg(long, value_name = "FILE")]
    pub file: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Every Gaming Goods listing of yours, as CSV
    #[command(after_long_help = "Examples:\n  sellerdesk export gg-products --out products.csv")]
    GgProducts(OutArg),
    /// Every Gaming Goods C2C offer of yours (per product and price), as CSV
    #[command(after_long_help = "Examples:\n  sellerdesk export gg-offers --out offers.csv")]
    GgOffers(OutArg),
    /// Every GGChest offer of yours, as CSV
    #[command(after_long_help = "Examples:\n  sellerdesk export ggc-offers --out offers.csv")]
    GgcOffers(OutArg),
}

#[derive(Debug, Args)]
pub struct OutArg {
    /// Write to this file (default: stdout)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// The latest changes Seller Desk made on the marketplaces
    #[command(after_long_help = "Examples:\n  sellerdesk audit list\n  sellerdesk audit list --limit 200 --json")]
    List(AuditList),
    /// Changes whose profile, endpoint, target, result or job contain a text
    #[command(after_long_help = "Examples:\n  sellerdesk audit search 0198a1b2\n  sellerdesk audit search failed")]
    Search(AuditSearch),
    /// The whole audit log as CSV
    #[command(after_long_help = "Examples:\n  sellerdesk audit export --out audit.csv")]
    Export(OutArg),
}

#[derive(Debug, Args)]
pub struct AuditList {
    /// How many of the latest entries
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
}

#[derive(Debug, Args)]
pub struct AuditSearch {
    pub text: String,
}
