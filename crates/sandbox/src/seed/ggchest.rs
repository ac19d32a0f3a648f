//! GGChest seed: the games dictionary (ids of the documents' examples where they give one), and
//! for demo data offers of every type and status for seller A, one offer for seller B, and
//! orders of seller A in every status, two with disputes.

use super::{Images, SEED_EPOCH};
use crate::clock;
use crate::ids::{seeded_id, slugify};
use crate::state::{
    GgcAccount, GgcAttribute, GgcChosenAttribute, GgcCurrency, GgcDeliveryMethod, GgcDispute, GgcGame, GgcItem,
    GgcOffer, GgcOfferStatus, GgcOfferType, GgcOption, GgcOrder, GgcOrderStatus, GgcState,
};
use crate::{GGCHEST_KEY_A, GGCHEST_KEY_B};

use GgcOfferType::{Accounts, Currency, Items};

/// World of Warcraft, the game of the guide's and D's examples.
pub(crate) const WOW: &str = "550e8400-e29b-41d4-a716-446655440000";
/// EA FC 25, the game of R's offer list example.
pub(crate) const EA_FC_25: &str = "0192b854-d37a-71d5-9ae5-ad763615171a";
/// Counter-Strike 2 (items only).
const CS2: &str = "01985a2f-0000-7000-8000-00000000c502";
const FFXIV: &str = "550e8400-e29b-41d4-a716-446655440003";
const COD_BO6: &str = "01985a2f-3d47-71e8-9b2c-4f5e8d9a1b3c";
const FORTNITE: &str = "01985a2f-0000-7000-8000-0000000f0a17";

fn option(id: &str, name: &str) -> GgcOption {
    GgcOption { id: id.to_owned(), name: name.to_owned() }
}

fn attribute(id: &str, offer_type: GgcOfferType, name: &str, options: &[GgcOption]) -> GgcAttribute {
    GgcAttribute { id: id.to_owned(), offer_type, attribute_name: name.to_owned(), options: options.to_vec() }
}

/// The same attribute for several offer types.
fn shared(id: &str, types: &[GgcOfferType], name: &str, options: &[GgcOption]) -> Vec<GgcAttribute> {
    types.iter().map(|t| attribute(id, *t, name, options)).collect()
}

fn game(
    images: &mut Images,
    (id, name, icon_id): (&str, &str, &str),
    offer_types: &[GgcOfferType],
    currencies: Vec<(&str, &str, &str)>,
    attributes: Vec<GgcAttribute>,
) -> GgcGame {
    GgcGame {
        id: id.to_owned(),
        name: name.to_owned(),
        icon: images.image(Some(icon_id), format!("games/{id}/icon.png")),
        cover: Some(images.image(None, format!("games/{id}/cover.png"))),
        offer_types: offer_types.to_vec(),
        currencies: currencies
            .into_iter()
            .map(|(cid, cname, nominal)| GgcCurrency {
                id: cid.to_owned(),
                name: cname.to_owned(),
                nominal: nominal.to_owned(),
                icon: images.image(None, format!("currencies/{cid}/icon.png")),
            })
            .collect(),
        attributes,
    }
}

fn games(images: &mut Images) -> Vec<GgcGame> {
    let servers = [
        option("bb0e8400-e29b-41d4-a716-446655440021", "US-East"),
        option("bb0e8400-e29b-41d4-a716-446655440022", "US-West"),
        option("bb0e8400-e29b-41d4-a716-446655440023", "EU"),
    ];
    let levels = [
        option("bb0e8400-e29b-41d4-a716-446655440025", "1-10"),
        option("bb0e8400-e29b-41d4-a716-446655440026", "11-20"),
        option("bb0e8400-e29b-41d4-a716-446655440027", "21-30"),
    ];
    let rarity = [
        option("bb0e8400-e29b-41d4-a716-446655440051", "Epic"),
        option("bb0e8400-e29b-41d4-a716-446655440052", "Legendary"),
    ];
    let fc_platforms = [
        option("01932aae-b1ee-70df-a8f7-57b502b22924", "Playstation"),
        option(&seeded_id(21, 2), "Xbox"),
        option(&seeded_id(21, 3), "PC"),
    ];
    let cod_platforms = [
        option("01985a30-9e4f-74a7-b5c8-2d6f8a9c1e3b", "PlayStation 5"),
        option("01985a30-b8d2-75e9-c4f7-3e9a7b5d8c2f", "Xbox Series X"),
        option(&seeded_id(21, 4), "PC"),
    ];
    let exterior = [
        option(&seeded_id(21, 5), "Factory New"),
        option(&seeded_id(21, 6), "Field-Tested"),
        option(&seeded_id(21, 7), "Battle-Scarred"),
    ];
    let data_centers = [option(&seeded_id(21, 8), "Light"), option(&seeded_id(21, 9), "Chaos")];
    let fortnite_platforms = [option(&seeded_id(21, 10), "PC"), option(&seeded_id(21, 11), "Console")];

    let mut wow_attributes =
        shared("aa0e8400-e29b-41d4-a716-446655440020", &[Accounts, Items, Currency], "Server", &servers);
    wow_attributes.push(attribute("aa0e8400-e29b-41d4-a716-446655440024", Accounts, "Level", &levels));
    wow_attributes.push(attribute("aa0e8400-e29b-41d4-a716-446655440050", Items, "Rarity", &rarity));
    vec![
        game(
            images,
            (WOW, "World of Warcraft", "660e8400-e29b-41d4-a716-446655440001"),
            &[Accounts, Items, Currency],
            vec![("880e8400-e29b-41d4-a716-446655440010", "Gold", "G")],
            wow_attributes,
        ),
        game(
            images,
            (FFXIV, "Final Fantasy XIV", "660e8400-e29b-41d4-a716-446655440004"),
            &[Accounts, Currency],
            vec![(&seeded_id(22, 1), "Gil", "Gil")],
            shared(&seeded_id(23, 1), &[Accounts, Currency], "Data Center", &data_centers),
        ),
        game(
            images,
            (EA_FC_25, "EA FC 25", "01932aab-64dc-7239-a4f5-4a471c14aa17"),
            &[Accounts, Items, Currency],
            vec![("0192b855-6a77-73d0-8c38-509c68ebc45c", "FC Coins", "B")],
            shared("01932aae-5546-710f-aa89-52830e51c47a", &[Accounts, Items, Currency], "Platform", &fc_platforms),
        ),
        game(
            images,
            (COD_BO6, "Call of Duty: Black Ops 6", "01985a2f-4b8c-72d1-a3e7-6f9d2c8e5a7b"),
            &[Accounts, Items],
            Vec::new(),
            shared("01985a30-7f2b-73c4-8d6e-9a1b5c7f3e2d", &[Accounts, Items], "Platform", &cod_platforms),
        ),
        game(
            images,
            (FORTNITE, "Fortnite", "01985a34-4e1a-7cd5-b7f2-9d5a3c7e1b4d"),
            &[Accounts, Currency],
            vec![("01985a34-2c8f-7bd3-a5e9-8f3c1e5d7a9b", "V-Bucks", "VB")],
            shared(&seeded_id(23, 2), &[Accounts, Currency], "Platform", &fortnite_platforms),
        ),
        game(
            images,
            (CS2, "Counter-Strike 2", &seeded_id(24, 1)),
            &[Items],
            Vec::new(),
            vec![attribute(&seeded_id(23, 3), Items, "Exterior", &exterior)],
        ),
    ]
}

pub(crate) fn seed(demo_data: bool, images: &mut Images) -> GgcState {
    let mut ggchest = GgcState { games: games(images), ..GgcState::default() };
    ggchest.sellers.insert(GGCHEST_KEY_A.to_owned());
    ggchest.sellers.insert(GGCHEST_KEY_B.to_owned());
    if demo_data {
        ggchest.offers = demo_offers();
        ggchest.orders = demo_orders(&ggchest.offers);
    }
    ggchest
}

/// A seeded offer with defaults; callers adjust the rest.
fn offer(n: u32, seller: &str, offer_type: GgcOfferType, game_id: &str, title: &str, price: &str) -> GgcOffer {
    GgcOffer {
        id: seeded_id(10, n),
        seller: seller.to_owned(),
        offer_type,
        game_id: game_id.to_owned(),
        title: title.to_owned(),
        description: format!("{title} — seeded by the Seller Desk sandbox."),
        price: price.to_owned(),
        old_price: None,
        status: GgcOfferStatus::Active,
        delivery_method: (offer_type != Currency).then_some(GgcDeliveryMethod::Manual),
        delivery_time: Some("1h".to_owned()),
        qty_total: 1,
        qty_min: 1,
        attributes: Vec::new(),
        accounts: Vec::new(),
        items: Vec::new(),
        game_currency_id: None,
        icon: None,
        page_slug: slugify(title),
        expired_at: clock::space_separated(SEED_EPOCH + 90 * 86_400 + i64::from(n) * 60),
        created_at: clock::rfc3339(SEED_EPOCH + i64::from(n) * 3600),
    }
}

fn chosen(attribute_id: &str, option_id: &str) -> GgcChosenAttribute {
    GgcChosenAttribute { attribute_id: attribute_id.to_owned(), option_id: option_id.to_owned() }
}

fn account(n: u32, login: &str) -> GgcAccount {
    GgcAccount {
        id: seeded_id(11, n),
        login: login.to_owned(),
        password: format!("Sandbox-{n}-Pass!"),
        email_login: Some(format!("{login}@mail.example")),
        email_password: Some(format!("Mail-{n}-Pass!")),
        description: Some(format!("Seeded account {n}")),
    }
}

fn demo_offers() -> Vec<GgcOffer> {
    let a = GGCHEST_KEY_A;
    let mut wow_account = offer(1, a, Accounts, WOW, "World of Warcraft Level 60 Account", "99.99");
    wow_account.old_price = Some("149.99".to_owned());
    wow_account.delivery_time = Some("5m".to_owned());
    wow_account.attributes = vec![
        chosen("aa0e8400-e29b-41d4-a716-446655440020", "bb0e8400-e29b-41d4-a716-446655440021"),
        chosen("aa0e8400-e29b-41d4-a716-446655440024", "bb0e8400-e29b-41d4-a716-446655440025"),
    ];
    wow_account.accounts = vec![account(1, "epicgamer2024"), account(2, "raidleader77")];
    wow_account.qty_total = 2;

    let mut fc_coins = offer(2, a, Currency, EA_FC_25, "EA FC 25 (FC Coins)", "1.34");
    fc_coins.status = GgcOfferStatus::Draft;
    fc_coins.qty_total = 10;
    fc_coins.game_currency_id = Some("0192b855-6a77-73d0-8c38-509c68ebc45c".to_owned());
    fc_coins.attributes = vec![chosen("01932aae-5546-710f-aa89-52830e51c47a", "01932aae-b1ee-70df-a8f7-57b502b22924")];

    let mut skins = offer(3, a, Items, CS2, "AK-47 | Redline (Field-Tested)", "24.50");
    skins.delivery_method = Some(GgcDeliveryMethod::Auto);
    skins.delivery_time = None;
    skins.attributes = vec![chosen(&seeded_id(23, 3), &seeded_id(21, 6))];
    skins.items =
        (1..=3).map(|i| GgcItem { id: seeded_id(12, i), delivery_info: format!("steam-trade-offer-{i:03}") }).collect();
    skins.qty_total = 3;

    let mut sword = offer(4, a, Items, WOW, "Legendary Sword +10", "49.99");
    sword.status = GgcOfferStatus::Draft;
    sword.delivery_time = Some("1d".to_owned());
    sword.qty_total = 25;
    sword.attributes = vec![chosen("aa0e8400-e29b-41d4-a716-446655440050", "bb0e8400-e29b-41d4-a716-446655440052")];

    let mut gold = offer(5, a, Currency, WOW, "100,000 Gold", "29.99");
    gold.delivery_time = Some("5m".to_owned());
    gold.qty_total = 10_000;
    gold.qty_min = 100;
    gold.game_currency_id = Some("880e8400-e29b-41d4-a716-446655440010".to_owned());

    let mut prestige = offer(6, a, Accounts, COD_BO6, "Prestige Master Account", "79.00");
    prestige.status = GgcOfferStatus::Deleted;
    prestige.accounts = vec![account(3, "prestige_pro")];

    let mut offers = vec![wow_account, fc_coins, skins, sword, gold, prestige];
    // Enough V-Bucks packs that seller A's live offers fill more than one default page (10).
    for (i, amount) in [1000, 2800, 5000, 13500, 1000, 2800].iter().enumerate() {
        let n = 7 + i as u32;
        let mut pack =
            offer(n, a, Currency, FORTNITE, &format!("{amount} V-Bucks (pack {n})"), &format!("{}.99", amount / 200));
        pack.status = if i % 2 == 0 { GgcOfferStatus::Active } else { GgcOfferStatus::Draft };
        pack.game_currency_id = Some("01985a34-2c8f-7bd3-a5e9-8f3c1e5d7a9b".to_owned());
        pack.qty_total = 50;
        offers.push(pack);
    }
    let mut other = offer(20, GGCHEST_KEY_B, Accounts, FFXIV, "FFXIV Level 90 Account", "59.00");
    other.accounts = vec![account(4, "warrior_of_light")];
    offers.push(other);
    offers
}

fn demo_orders(offers: &[GgcOffer]) -> Vec<GgcOrder> {
    let day = |d: i64, hour: i64| clock::rfc3339(SEED_EPOCH - (30 - d) * 86_400 + hour * 3600);
    let dispute = |n: u32, reason: &str, status: &str, beneficiary: Option<&str>, d: i64| GgcDispute {
        id: seeded_id(31, n),
        reason: reason.to_owned(),
        status: status.to_owned(),
        beneficiary: beneficiary.map(str::to_owned),
        resolution: (status == "CLOSED").then(|| "Refunded to the buyer".to_owned()),
        created_at: day(d, 14),
        updated_at: day(d + 1, 9),
    };
    let order_of = |n: u32, offer: &GgcOffer, status, quantity, d| GgcOrder {
        id: seeded_id(30, n),
        seller: GGCHEST_KEY_A.to_owned(),
        offer_id: Some(offer.id.clone()),
        name: offer.title.clone(),
        icon: None,
        buyer_name: ["John Doe", "Jane Smith", "Alex Kim", "Maria Rossi"][n as usize % 4].to_owned(),
        dispute: None,
        paid_at: day(d, 10),
        quantity,
        price: offer.price.clone(),
        status,
        offer_type: offer.offer_type,
    };
    use GgcOrderStatus::*;
    let mut orders = vec![
        order_of(1, &offers[0], WaitingDelivery, 1, 1),
        order_of(2, &offers[4], Delivered, 2, 3),
        order_of(3, &offers[2], Received, 1, 5),
        order_of(4, &offers[0], Completed, 1, 8),
        order_of(5, &offers[4], Canceled, 1, 12),
        order_of(6, &offers[2], Completed, 2, 15),
        order_of(7, &offers[6], WaitingDelivery, 3, 20),
    ];
    orders[1].dispute = Some(dispute(1, "Item not received", "OPEN", Some("BUYER"), 4));
    orders[4].dispute = Some(dispute(2, "Wrong server", "CLOSED", Some("BUYER"), 13));
    orders
}
