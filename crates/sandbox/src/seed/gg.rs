//! Gaming Goods seed: a marketplace catalog of 22 products owned by sellers without API keys,
//! and for demo data listings, offers and sales of sellers A and B.

use rust_decimal::Decimal;

use super::SEED_EPOCH;
use crate::clock;
use crate::ids::{seeded_id, slugify};
use crate::state::{GgDeliveryType, GgModeration, GgOfferCode, GgProduct, GgSale, GgSaleSource, GgState, GgStockCode};
use crate::{GG_KEY_A, GG_KEY_B};

/// (title, category, brand, price in cents, currency)
const CATALOG: [(&str, &str, &str, i64, &str); 22] = [
    ("Cyberpunk 2077 Steam Key", "Game Keys", "CD Projekt", 2999, "EUR"),
    ("Elden Ring Steam Key", "Game Keys", "Bandai Namco", 4499, "EUR"),
    ("Red Dead Redemption 2 Rockstar Key", "Game Keys", "Rockstar Games", 2499, "EUR"),
    ("Baldur's Gate 3 Steam Key", "Game Keys", "Larian Studios", 4999, "EUR"),
    ("Hogwarts Legacy Steam Key", "Game Keys", "Warner Bros. Games", 3999, "EUR"),
    ("Starfield Steam Key", "Game Keys", "Bethesda", 4599, "EUR"),
    ("The Witcher 3: Wild Hunt GOTY GOG Key", "Game Keys", "CD Projekt", 999, "EUR"),
    ("Grand Theft Auto V Premium Edition", "Game Keys", "Rockstar Games", 1499, "EUR"),
    ("Minecraft Java & Bedrock Edition", "Game Keys", "Mojang", 2695, "EUR"),
    ("Hades II Steam Key", "Game Keys", "Supergiant Games", 2499, "EUR"),
    ("Stardew Valley Steam Key", "Game Keys", "ConcernedApe", 899, "EUR"),
    ("Sea of Thieves Xbox / PC Key", "Game Keys", "Xbox Game Studios", 3499, "EUR"),
    ("Steam Gift Card 20 EUR", "Gift Cards", "Valve", 2000, "EUR"),
    ("Steam Gift Card 50 EUR", "Gift Cards", "Valve", 5000, "EUR"),
    ("PlayStation Store 25 EUR", "Gift Cards", "Sony", 2500, "EUR"),
    ("Xbox Game Pass Ultimate 3 Months", "Subscriptions", "Microsoft", 4299, "EUR"),
    ("Nintendo eShop 25 EUR", "Gift Cards", "Nintendo", 2500, "EUR"),
    ("EA SPORTS FC 25 Origin Key", "Game Keys", "Electronic Arts", 3999, "EUR"),
    ("Diablo IV Battle.net Key", "Game Keys", "Blizzard", 3499, "EUR"),
    ("Valorant 1000 VP", "In-Game Currency", "Riot Games", 999, "EUR"),
    ("Roblox 800 Robux", "In-Game Currency", "Roblox", 999, "EUR"),
    ("Apex Legends 2150 Coins", "In-Game Currency", "Electronic Arts", 1999, "EUR"),
];

/// Catalog products are owned by made-up sellers that have no API key.
const CATALOG_OWNERS: [&str; 3] = ["market:nordic-keys", "market:pixel-trade", "market:keyhub"];

fn at(hours: i64) -> String {
    clock::rfc3339(SEED_EPOCH + hours * 3600)
}

fn codes(prefix: &str, count: usize, sold: usize) -> Vec<GgStockCode> {
    (1..=count).map(|i| GgStockCode { code: format!("{prefix}-{i:04}-SBX"), sold: i <= sold }).collect()
}

struct Listing {
    id: String,
    owner: &'static str,
    title: &'static str,
    price_cents: i64,
    delivery_type: GgDeliveryType,
    moderation: GgModeration,
    is_active: bool,
    codes: Vec<GgStockCode>,
    hours: i64,
}

fn product(listing: Listing) -> GgProduct {
    GgProduct {
        slug: slugify(listing.title),
        description: format!("{} — seeded by the Seller Desk sandbox.", listing.title),
        category: Some("Game Keys".to_owned()),
        brand: None,
        id: listing.id,
        owner: listing.owner.to_owned(),
        title: listing.title.to_owned(),
        price: Decimal::new(listing.price_cents, 2),
        currency: "EUR".to_owned(),
        delivery_type: listing.delivery_type,
        image_url: Some("https://images.example.invalid/sandbox.png".to_owned()),
        moderation_status: listing.moderation,
        is_active: listing.is_active,
        created_at: at(listing.hours),
        codes: listing.codes,
    }
}

/// Id of the n-th catalog product (1-based): `seeded_id(1, n)`.
pub(crate) fn catalog_id(n: u32) -> String {
    seeded_id(1, n)
}

pub(crate) fn seed(demo_data: bool) -> GgState {
    let mut gg = GgState::default();
    gg.sellers.insert(GG_KEY_A.to_owned());
    gg.sellers.insert(GG_KEY_B.to_owned());
    for (i, (title, category, brand, cents, currency)) in CATALOG.iter().enumerate() {
        let n = i as u32 + 1;
        let mut item = product(Listing {
            id: catalog_id(n),
            owner: CATALOG_OWNERS[i % CATALOG_OWNERS.len()],
            title,
            price_cents: *cents,
            delivery_type: GgDeliveryType::Auto,
            moderation: GgModeration::Approved,
            is_active: true,
            codes: codes(&format!("CAT{n:02}"), 5, 0),
            hours: -(24 * 30) + i as i64,
        });
        item.category = Some((*category).to_owned());
        item.brand = Some((*brand).to_owned());
        item.currency = (*currency).to_owned();
        gg.products.push(item);
    }
    if demo_data {
        seed_demo(&mut gg);
    }
    gg
}

/// `count` offer codes of `seller` on catalog product `product`, the first `sold` of them sold.
fn offers(seller: &str, product: u32, price_cents: u64, prefix: &str, count: u32, sold: u32) -> Vec<GgOfferCode> {
    (1..=count)
        .map(|i| GgOfferCode {
            seller: seller.to_owned(),
            product_id: catalog_id(product),
            code: format!("{prefix}-{i:04}-OFR"),
            price_cents,
            sold: i <= sold,
        })
        .collect()
}

fn seed_demo(gg: &mut GgState) {
    let listing = |n, owner, title, price_cents, delivery_type, moderation, is_active, codes| {
        product(Listing {
            id: seeded_id(2, n),
            owner,
            title,
            price_cents,
            delivery_type,
            moderation,
            is_active,
            codes,
            hours: n as i64,
        })
    };
    use GgDeliveryType::{Auto, Manual};
    use GgModeration::{Approved, Pending, Rejected};
    gg.products.extend([
        listing(1, GG_KEY_A, "Cyberpunk 2077 Steam Key — EU", 1999, Auto, Approved, true, codes("CP77", 12, 2)),
        listing(2, GG_KEY_A, "The Witcher 3 GOTY GOG Key — Global", 949, Auto, Approved, true, codes("TW3G", 5, 0)),
        listing(3, GG_KEY_A, "Elden Ring Steam Key — Manual Delivery", 3990, Manual, Approved, true, Vec::new()),
        listing(4, GG_KEY_A, "Baldur's Gate 3 Steam Key — EU", 4490, Auto, Pending, true, codes("BG3E", 3, 0)),
        listing(5, GG_KEY_A, "Hades Steam Key — Global", 1450, Auto, Approved, false, codes("HADS", 2, 0)),
        listing(6, GG_KEY_A, "Mystery Steam Key Bundle", 299, Auto, Rejected, true, codes("MYST", 4, 0)),
        listing(7, GG_KEY_B, "Stardew Valley Steam Key — Global", 799, Auto, Approved, true, codes("SDVB", 6, 1)),
    ]);

    // Offers: A on Cyberpunk (catalog 1) at two prices and on Elden Ring (catalog 2);
    // B undercuts A on Cyberpunk ("the cheapest one wins").
    gg.offers.extend(offers(GG_KEY_A, 1, 1799, "A1CP", 4, 1));
    gg.offers.extend(offers(GG_KEY_A, 1, 1899, "A2CP", 1, 0));
    gg.offers.extend(offers(GG_KEY_A, 2, 2499, "A1ER", 2, 0));
    gg.offers.extend(offers(GG_KEY_B, 1, 1750, "B1CP", 2, 0));

    let sale = |n, seller: &str, product_id: String, source, code: &str, cents, settled| GgSale {
        id: seeded_id(3, n),
        seller: seller.to_owned(),
        product_id,
        source,
        code: Some(code.to_owned()),
        reward_cents: cents,
        settled,
        sold_at: at(48 + n as i64),
    };
    gg.sales.extend([
        sale(1, GG_KEY_A, seeded_id(2, 1), GgSaleSource::Listing, "CP77-0001-SBX", 1999, true),
        sale(2, GG_KEY_A, seeded_id(2, 1), GgSaleSource::Listing, "CP77-0002-SBX", 1999, false),
        sale(3, GG_KEY_A, catalog_id(1), GgSaleSource::Offer, "A1CP-0001-OFR", 1799, false),
        sale(4, GG_KEY_B, seeded_id(2, 7), GgSaleSource::Listing, "SDVB-0001-SBX", 799, true),
    ]);
}
