//! `sellerdesk profile …`

use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// Add a profile; the API key is read from stdin and stored in the OS keychain
    ///
    /// The key is never taken from the command line (it would land in shell history and the
    /// process list). At a terminal you are asked for it without echo; otherwise it is read from
    /// stdin. Needs --market; --base-url defaults to the marketplace's production URL. The first
    /// profile becomes the active one.
    #[command(after_long_help = "\
Examples:
  sellerdesk profile add shop --market gg
  printf '%s' \"$GGC_KEY\" | sellerdesk profile add chest --market ggchest
  echo pk_test_sandbox_seller_a | sellerdesk profile add sandbox --market gg \\
      --base-url http://127.0.0.1:8080/gg/api/partner/v1")]
    Add(Name),

    /// List profiles: name, market, base URL, masked key, and which one is active
    ///
    /// With --orphans: keychain entries left by a `profile add` that was killed after storing
    /// the key and before writing the profile (no profile points at them); --remove deletes them.
    #[command(
        after_long_help = "Examples:\n  sellerdesk profile list\n  sellerdesk profile list --json\n  sellerdesk profile list --orphans\n  sellerdesk profile list --orphans --remove"
    )]
    List(List),

    /// Check a profile's key with one cheap call (GG: dashboard, GGChest: games)
    #[command(after_long_help = "Examples:\n  sellerdesk profile test\n  sellerdesk profile test chest")]
    Test(OptionalName),

    /// Remove a profile and delete its key from the keychain
    #[command(after_long_help = "Examples:\n  sellerdesk profile remove old-shop")]
    Remove(Name),

    /// Make a profile the active one (used when --profile is not given)
    #[command(after_long_help = "Examples:\n  sellerdesk profile use chest")]
    Use(Name),

    /// Rename a profile (its key stays where it is)
    #[command(after_long_help = "Examples:\n  sellerdesk profile rename shop \"Main shop\"")]
    Rename(Rename),

    /// Replace a profile's API key, read from stdin like `profile add`
    #[command(
        after_long_help = "Examples:\n  sellerdesk profile set-key shop\n  printf '%s' \"$NEW_KEY\" | sellerdesk profile set-key shop"
    )]
    SetKey(Name),

    /// Change a profile's base URL, or go back to production with --production
    #[command(after_long_help = "\
Examples:
  sellerdesk profile set-url shop http://127.0.0.1:8080/gg/api/partner/v1
  sellerdesk profile set-url shop --production")]
    SetUrl(SetUrl),
}

#[derive(Debug, Args)]
pub struct List {
    /// List keys no profile points at (left by an interrupted `profile add`) instead
    #[arg(long)]
    pub orphans: bool,
    /// With --orphans: delete them from the keychain
    #[arg(long, requires = "orphans")]
    pub remove: bool,
    /// With --orphans --remove: also delete keys under `sellerdesk` that nothing in this
    /// profiles.json names (left before adds were recorded; or another SELLERDESK_CONFIG_DIR's)
    #[arg(long, requires = "remove")]
    pub include_unrecorded: bool,
}

#[derive(Debug, Args)]
pub struct Name {
    /// The profile's name (or id)
    pub name: String,
}

#[derive(Debug, Args)]
pub struct OptionalName {
    /// The profile's name or id (default: --profile, else the active profile)
    pub name: Option<String>,
}

#[derive(Debug, Args)]
pub struct Rename {
    /// The profile's current name (or id)
    pub name: String,
    /// The new name
    pub new_name: String,
}

#[derive(Debug, Args)]
pub struct SetUrl {
    /// The profile's name (or id)
    pub name: String,
    /// The new base URL (https, or http on loopback for a sandbox)
    #[arg(required_unless_present = "production", conflicts_with = "production")]
    pub url: Option<String>,
    /// Use the marketplace's production URL again
    #[arg(long)]
    pub production: bool,
    /// Confirm without asking that the profile's key may be sent to the new URL's host (asked
    /// at a terminal when the host is not the marketplace's and was not confirmed before)
    #[arg(long)]
    pub yes: bool,
}
