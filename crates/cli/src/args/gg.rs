//! `sellerdesk gg …`: the Gaming Goods Seller API.

use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum GgCommand {
    /// Products, sales and rewards at a glance (GET /seller/dashboard)
    #[command(
        after_long_help = "Examples:\n  sellerdesk gg dashboard\n  sellerdesk gg dashboard --json | jq .available_rewards"
    )]
    Dashboard,

    /// Your own listings: list, create, get, update, deactivate, activate
    #[command(subcommand)]
    Products(ProductsCommand),

    /// Activation codes of your AUTO listings
    #[command(subcommand)]
    Codes(CodesCommand),

    /// Your codes on any marketplace product (C2C), priced in euro cents
    #[command(subcommand)]
    Offers(OffersCommand),
}

#[derive(Debug, Subcommand)]
pub enum ProductsCommand {
    /// List your listings, a page at a time or --all
    #[command(after_long_help = "\
Examples:
  sellerdesk gg products list
  sellerdesk gg products list --limit 50 --offset 50
  sellerdesk gg products list --all --json")]
    List(ProductsList),

    /// Create a listing (it goes through moderation)
    ///
    /// Give the fields as flags, or the request body as JSON with --file (the shape of
    /// POST /seller/products). AUTO listings need their codes: --codes-file takes one code a line
    /// (.txt) or the first column of a .csv; repeats are dropped before sending.
    #[command(after_long_help = "\
Examples:
  sellerdesk gg products create --name \"Cyberpunk 2077 Steam Key\" --description \"Global key\" \\
      --category \"Game Keys\" --brand \"CD Projekt\" --price 19.99 --currency EUR \\
      --delivery auto --codes-file codes.txt
  sellerdesk gg products create --file product.json")]
    Create(Box<ProductCreate>),

    /// Show one of your listings
    #[command(after_long_help = "Examples:\n  sellerdesk gg products get a1b2c3d4-0000-0000-0000-000000000001")]
    Get(ProductId),

    /// Change a listing's name, description, price or image (may send it back to moderation)
    #[command(after_long_help = "\
Examples:
  sellerdesk gg products update a1b2c3d4-… --price 17.99
  sellerdesk gg products update a1b2c3d4-… --name \"Cyberpunk 2077 Steam Key — RU\" --image-url https://…/c.png")]
    Update(ProductUpdate),

    /// Take a listing off sale
    #[command(after_long_help = "Examples:\n  sellerdesk gg products deactivate a1b2c3d4-…")]
    Deactivate(ProductId),

    /// Put a deactivated listing back on sale
    #[command(after_long_help = "Examples:\n  sellerdesk gg products activate a1b2c3d4-…")]
    Activate(ProductId),
}

#[derive(Debug, Args)]
pub struct ProductsList {
    /// Listings per page (1–100)
    #[arg(long, default_value_t = 20, conflicts_with = "all")]
    pub limit: u32,
    /// How many listings to skip
    #[arg(long, default_value_t = 0, conflicts_with = "all")]
    pub offset: u64,
    /// Every listing, fetched 100 at a time
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct ProductCreate {
    /// The request body as JSON (instead of the field flags)
    #[arg(long, value_name = "product.json", conflicts_with_all = ["name", "description", "category", "brand", "price", "currency", "delivery", "image_url"])]
    pub file: Option<PathBuf>,
    /// Title of the listing
    #[arg(long, required_unless_present = "file")]
    pub name: Option<String>,
    /// What the buyer gets
    #[arg(long, required_unless_present = "file")]
    pub description: Option<String>,
    /// e.g. "Game Keys"
    #[arg(long, required_unless_present = "file")]
    pub category: Option<String>,
    /// e.g. "CD Projekt"
    #[arg(long)]
    pub brand: Option<String>,
    /// In units of --currency, at most 2 decimals (19.99)
    #[arg(long, required_unless_present = "file")]
    pub price: Option<String>,
    /// ISO 4217 code (EUR)
    #[arg(long, required_unless_present = "file")]
    pub currency: Option<String>,
    /// auto: codes uploaded in advance; manual: you deliver by hand
    #[arg(long, value_name = "auto|manual", required_unless_present = "file", value_parser = super::parse_enum::<markets::gg::DeliveryType>)]
    pub delivery: Option<markets::gg::DeliveryType>,
    /// The listing's picture (http or https)
    #[arg(long, value_name = "URL")]
    pub image_url: Option<String>,
    /// Codes for an AUTO listing: one a line, or the first column of a CSV (added to --file's)
    #[arg(long, value_name = "codes.txt")]
    pub codes_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ProductId {
    /// The listing's id
    pub id: String,
}

#[derive(Debug, Args)]
pub struct ProductUpdate {
    /// The listing's id
    pub id: String,
    /// New title
    #[arg(long)]
    pub name: Option<String>,
    /// New description
    #[arg(long)]
    pub description: Option<String>,
    /// In the listing's currency, at most 2 decimals
    #[arg(long)]
    pub price: Option<String>,
    /// New picture (http or https)
    #[arg(long, value_name = "URL")]
    pub image_url: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum CodesCommand {
    /// Add activation codes to one of your AUTO listings
    ///
    /// The file holds one code a line (or a CSV whose first column is the code). Blank lines and
    /// repeats are dropped, and the counts printed, before anything is sent.
    #[command(after_long_help = "Examples:\n  sellerdesk gg codes upload a1b2c3d4-… --file codes.txt")]
    Upload(CodesUpload),
}

#[derive(Debug, Args)]
pub struct CodesUpload {
    /// The listing's id
    pub product_id: String,
    /// One code a line (.txt) or a CSV with the code first
    #[arg(long, value_name = "codes.txt")]
    pub file: PathBuf,
    /// List the codes Gaming Goods refused (by default only their count is printed)
    #[arg(long)]
    pub show_codes: bool,
}

#[derive(Debug, Subcommand)]
pub enum OffersCommand {
    /// Put codes on any marketplace product at a price (the cheapest offer wins)
    #[command(after_long_help = "\
Examples:
  sellerdesk gg offers add a1b2c3d4-… --price-cents 1799 --file codes.txt
  sellerdesk gg offers add a1b2c3d4-… --price 17.99 --file codes.txt")]
    Add(OffersAdd),

    /// List your offers: product, price, available and sold codes
    #[command(after_long_help = "\
Examples:
  sellerdesk gg offers list
  sellerdesk gg offers list --page 2 --page-size 50
  sellerdesk gg offers list --all --json")]
    List(OffersList),

    /// Move your unsold offers on a product from one price to another (euro cents)
    #[command(after_long_help = "Examples:\n  sellerdesk gg offers reprice a1b2c3d4-… --from 1799 --to 1699")]
    Reprice(OffersReprice),

    /// Remove all your unsold offers on a product (sold ones stay)
    #[command(after_long_help = "Examples:\n  sellerdesk gg offers delete a1b2c3d4-… --yes")]
    Delete(OffersDelete),
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("offer_price").required(true).args(["price_cents", "price"]))]
pub struct OffersAdd {
    /// The marketplace product's id
    pub product_id: String,
    /// Price in euro cents (1799 = 17.99 €)
    #[arg(long, value_name = "CENTS")]
    pub price_cents: Option<String>,
    /// Price in euros (17.99)
    #[arg(long, value_name = "EUROS")]
    pub price: Option<String>,
    /// The codes: one a line, or a CSV with the code first
    #[arg(long, value_name = "codes.txt")]
    pub file: PathBuf,
    /// List the codes Gaming Goods refused (by default only their count is printed)
    #[arg(long)]
    pub show_codes: bool,
}

#[derive(Debug, Args)]
pub struct OffersList {
    /// Page number, from 1
    #[arg(long, default_value_t = 1, conflicts_with = "all")]
    pub page: u32,
    /// Offers per page (1–100)
    #[arg(long, default_value_t = 20, conflicts_with = "all")]
    pub page_size: u32,
    /// Every offer, fetched 100 at a time
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct OffersReprice {
    /// The marketplace product's id
    pub product_id: String,
    /// Current price of the offers to move, in euro cents
    #[arg(long, value_name = "CENTS")]
    pub from: i64,
    /// New price, in euro cents
    #[arg(long, value_name = "CENTS")]
    pub to: i64,
}

#[derive(Debug, Args)]
pub struct OffersDelete {
    /// The marketplace product's id
    pub product_id: String,
    /// Don't ask; required when not run at a terminal
    #[arg(long, short = 'y')]
    pub yes: bool,
}
