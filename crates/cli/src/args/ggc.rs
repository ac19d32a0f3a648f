//! `sellerdesk ggc …`: the GGChest Seller API.

use super::parse_enum;
use clap::{Args, Subcommand, ValueEnum};
use markets::ggchest::{DeliveryTime, OfferStatus, OfferType, OrderStatus, SortDirection};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum GgcCommand {
    /// The games you can sell for, optionally only those with offers of a type
    #[command(after_long_help = "\
Examples:
  sellerdesk ggc games
  sellerdesk ggc games --offer-type currency --sort asc")]
    Games(Games),

    /// The in-game currencies a currency offer of a game can sell
    #[command(after_long_help = "Examples:\n  sellerdesk ggc currencies 01985a2f-3d47-71e8-9b2c-4f5e8d9a1b3c")]
    Currencies(GameId),

    /// The attributes (and their options) of a game's offers of one type
    #[command(
        after_long_help = "Examples:\n  sellerdesk ggc attributes 01985a2f-3d47-71e8-9b2c-4f5e8d9a1b3c accounts"
    )]
    Attributes(Attributes),

    /// Your offers: list, get, create, update, edit, delete, activate, draft, toggle, price
    #[command(subcommand)]
    Offers(OffersCommand),

    /// Offer icons: attach a PNG or JPEG, delete one
    #[command(subcommand)]
    Icon(IconCommand),

    /// Orders of your offers, filtered by status and payment date
    #[command(after_long_help = "\
Examples:
  sellerdesk ggc orders
  sellerdesk ggc orders --status WAITING_DELIVERY --sort desc
  sellerdesk ggc orders --from 2025-01-01 --to 2025-01-31T23:59:59Z --all --json")]
    Orders(Orders),
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Sort {
    Asc,
    Desc,
}

impl From<Sort> for SortDirection {
    fn from(s: Sort) -> Self {
        match s {
            Sort::Asc => SortDirection::Asc,
            Sort::Desc => SortDirection::Desc,
        }
    }
}

#[derive(Debug, Args)]
pub struct Games {
    /// Only games with offers of this type
    #[arg(long, value_name = "accounts|items|currency", value_parser = parse_enum::<OfferType>)]
    pub offer_type: Option<OfferType>,
    /// Sort by name
    #[arg(long, value_enum)]
    pub sort: Option<Sort>,
}

#[derive(Debug, Args)]
pub struct GameId {
    /// The game's id (from `sellerdesk ggc games`)
    pub game_id: String,
}

#[derive(Debug, Args)]
pub struct Attributes {
    /// The game's id (from `sellerdesk ggc games`)
    pub game_id: String,
    /// The offer type whose attributes to show
    #[arg(value_name = "accounts|items|currency", value_parser = parse_enum::<OfferType>)]
    pub offer_type: OfferType,
}

/// `--page/--per-page` or `--all`, shared by offers and orders.
#[derive(Debug, Args)]
pub struct Paging {
    /// Page number, from 1
    #[arg(long, default_value_t = 1, conflicts_with = "all")]
    pub page: u32,
    /// Items per page (1–100)
    #[arg(long, default_value_t = 20, conflicts_with = "all")]
    pub per_page: u32,
    /// Everything, fetched 100 at a time
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Subcommand)]
pub enum OffersCommand {
    /// List your offers, filtered by status, type and game
    #[command(after_long_help = "\
Examples:
  sellerdesk ggc offers list
  sellerdesk ggc offers list --status draft --type accounts --per-page 100
  sellerdesk ggc offers list --game 01985a2f-… --all --json")]
    List(OffersList),

    /// Show one offer in full (accounts appear masked)
    #[command(after_long_help = "Examples:\n  sellerdesk ggc offers get 019856a7-6e02-7320-9edc-a2e94ecc6807")]
    Get(OfferId),

    /// Create an accounts, currency or items offer from a JSON file (created as a draft)
    ///
    /// The file holds the request body of POST /v1/offers/{type}. For accounts offers,
    /// --accounts-csv adds accounts from a CSV with the header
    /// login,password,email_login,email_password,description (only login and password are
    /// required); qty_total defaults to the number of accounts.
    #[command(after_long_help = "\
Examples:
  sellerdesk ggc offers create accounts --file offer.json --accounts-csv accounts.csv
  sellerdesk ggc offers create currency --file gold.json
  sellerdesk ggc offers create items --file items.json")]
    Create(OfferCreate),

    /// Replace an offer's data with a JSON file (the full update body)
    ///
    /// The file holds the body of PUT /v1/offers/{type}/{id}: title, description, price,
    /// old_price, delivery_time, qty_total, qty_min, attributes (and, for accounts offers,
    /// accounts to add). The offer's type is read from GGChest unless --type is given.
    #[command(after_long_help = "Examples:\n  sellerdesk ggc offers update 019856a7-… --file update.json")]
    Update(OfferUpdate),

    /// Change some fields of an offer, keeping the rest as they are
    #[command(after_long_help = "\
Examples:
  sellerdesk ggc offers edit 019856a7-… --price 12.50 --old-price 15.00
  sellerdesk ggc offers edit 019856a7-… --title \"Level 90 account\" --delivery-time 1h
  sellerdesk ggc offers edit 019856a7-… --add-accounts-csv more.csv")]
    Edit(Box<OfferEdit>),

    /// Delete offers: one id uses the single delete, several the batch delete
    #[command(after_long_help = "\
Examples:
  sellerdesk ggc offers delete 019856a7-… --yes
  sellerdesk ggc offers delete --from-file old-offers.txt --yes")]
    Delete(OfferIdsConfirm),

    /// Activate offers (any number: sent 100 at a time)
    #[command(after_long_help = "\
Examples:
  sellerdesk ggc offers activate 019856a7-… 01997b76-…
  sellerdesk ggc offers activate --from-file ids.txt")]
    Activate(OfferIds),

    /// Move offers back to draft (any number: sent 100 at a time)
    #[command(
        after_long_help = "Examples:\n  sellerdesk ggc offers draft 019856a7-…\n  sellerdesk ggc offers draft --from-file ids.txt"
    )]
    Draft(OfferIds),

    /// Flip one offer between active and draft
    #[command(after_long_help = "Examples:\n  sellerdesk ggc offers toggle 019856a7-…")]
    Toggle(OfferId),

    /// Set one offer's price in US dollars
    #[command(after_long_help = "Examples:\n  sellerdesk ggc offers price 019856a7-… 66.32")]
    Price(OfferPrice),
}

#[derive(Debug, Args)]
pub struct OffersList {
    /// Only offers with this status
    #[arg(long, value_name = "active|draft|deleted", value_parser = parse_enum::<OfferStatus>)]
    pub status: Option<OfferStatus>,
    /// Only offers of this type
    #[arg(long = "type", value_name = "accounts|items|currency", value_parser = parse_enum::<OfferType>)]
    pub offer_type: Option<OfferType>,
    /// Only offers of this game (id)
    #[arg(long, value_name = "GAME_ID")]
    pub game: Option<String>,
    #[command(flatten)]
    pub paging: Paging,
}

#[derive(Debug, Args)]
pub struct OfferId {
    /// The offer's id
    pub id: String,
}

#[derive(Debug, Args)]
pub struct OfferCreate {
    /// The offer's type
    #[arg(value_name = "accounts|currency|items", value_parser = parse_enum::<OfferType>)]
    pub offer_type: OfferType,
    /// The request body as JSON
    #[arg(long, value_name = "offer.json")]
    pub file: PathBuf,
    /// Accounts to add (accounts offers): login,password,email_login,email_password,description
    #[arg(long, value_name = "accounts.csv")]
    pub accounts_csv: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct OfferUpdate {
    /// The offer's id
    pub id: String,
    /// The full update body as JSON
    #[arg(long, value_name = "update.json")]
    pub file: PathBuf,
    /// The offer's type, to skip reading it from GGChest first
    #[arg(long = "type", value_name = "accounts|items|currency", value_parser = parse_enum::<OfferType>)]
    pub offer_type: Option<OfferType>,
}

#[derive(Debug, Args)]
pub struct OfferEdit {
    /// The offer's id
    pub id: String,
    /// New title
    #[arg(long)]
    pub title: Option<String>,
    /// New description
    #[arg(long)]
    pub description: Option<String>,
    /// US dollars, at most 2 decimals
    #[arg(long)]
    pub price: Option<String>,
    /// The crossed-out "before" price, US dollars
    #[arg(long, conflicts_with = "no_old_price")]
    pub old_price: Option<String>,
    /// Remove the crossed-out price
    #[arg(long)]
    pub no_old_price: bool,
    /// 5m, 20m, 1h, 5h, 12h, 1d, 2d, 3d, 7d, 14d or 28d
    #[arg(long, value_name = "TIME", value_parser = parse_enum::<DeliveryTime>)]
    pub delivery_time: Option<DeliveryTime>,
    /// Total quantity for sale
    #[arg(long)]
    pub qty_total: Option<u64>,
    /// Least quantity per purchase
    #[arg(long)]
    pub qty_min: Option<u64>,
    /// Accounts to add (accounts offers); qty_total grows by their number unless given
    #[arg(long, value_name = "accounts.csv")]
    pub add_accounts_csv: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct OfferIds {
    /// Offer ids
    pub ids: Vec<String>,
    /// Also read ids from a file: one a line, blank lines and `#` comments skipped
    #[arg(long, value_name = "ids.txt")]
    pub from_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct OfferIdsConfirm {
    #[command(flatten)]
    pub ids: OfferIds,
    /// Don't ask; required when not run at a terminal
    #[arg(long, short = 'y')]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct OfferPrice {
    /// The offer's id
    pub id: String,
    /// US dollars, at most 2 decimals (66.32)
    pub price: String,
}

#[derive(Debug, Subcommand)]
pub enum IconCommand {
    /// Attach a PNG or JPEG icon to an offer (type checked by content)
    #[command(after_long_help = "Examples:\n  sellerdesk ggc icon attach 019856a7-… icon.png")]
    Attach(IconAttach),
    /// Delete an offer's icon
    #[command(after_long_help = "Examples:\n  sellerdesk ggc icon delete 019856a7-… 01985a35-fb5e-…")]
    Delete(IconDelete),
}

#[derive(Debug, Args)]
pub struct IconAttach {
    /// The offer's id
    pub offer_id: String,
    /// A .png, .jpg or .jpeg file
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct IconDelete {
    /// The offer's id
    pub offer_id: String,
    /// The icon's id (`sellerdesk ggc offers get` shows it)
    pub icon_id: String,
}

#[derive(Debug, Args)]
pub struct Orders {
    /// CANCELED, WAITING_DELIVERY, DELIVERED, RECEIVED or COMPLETED
    #[arg(long, value_name = "STATUS", value_parser = parse_enum::<OrderStatus>)]
    pub status: Option<OrderStatus>,
    /// Paid on or after (ISO 8601 date or date-time)
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Paid on or before (ISO 8601 date or date-time)
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Sort by payment time
    #[arg(long, value_enum)]
    pub sort: Option<Sort>,
    #[command(flatten)]
    pub paging: Paging,
}
