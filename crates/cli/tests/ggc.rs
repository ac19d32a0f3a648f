//! `sellerdesk ggc …` against the sandbox: output, `--json`, and the sandbox's state after.

mod common;

use common::{Env, PNG};
use sandbox::{GgcGame, GgcOfferStatus, GgcOfferType, GGCHEST_KEY_A};
use serde_json::{json, Value};

fn game_with(env: &Env, t: GgcOfferType) -> GgcGame {
    env.sandbox.state().ggchest.games.into_iter().find(|g| g.attributes_for(t).next().is_some()).unwrap()
}

/// One option of every attribute of the game for offers of type `t`.
fn attribute_choices(game: &GgcGame, t: GgcOfferType) -> Value {
    game.attributes_for(t).map(|a| json!({"id": a.id, "option_id": a.options[0].id})).collect()
}

fn offers_with(env: &Env, status: GgcOfferStatus) -> Vec<String> {
    let state = env.sandbox.state();
    state.ggchest_offers_of(GGCHEST_KEY_A).iter().filter(|o| o.status == status).map(|o| o.id.clone()).collect()
}

/// Creates an accounts offer with two accounts from a CSV and returns its id.
fn create_accounts_offer(env: &Env) -> String {
    let game = game_with(env, GgcOfferType::Accounts);
    let body = json!({
        "game_id": game.id, "title": "Level 60 account", "description": "Rare mounts", "price": "99.99",
        "delivery_method": "manual", "delivery_time": "1h", "qty_min": 1,
        "attributes": attribute_choices(&game, GgcOfferType::Accounts),
    });
    let file = env.file("accounts-offer.json", body.to_string());
    let csv = env.file(
        "accounts.csv",
        "login,password,email_login,email_password,description\n\
         player1,pw1,p1@mail.test,epw1,Mounts\n\
         \"player,2\",pw2,,,\n",
    );
    let run = env.ggc(&["--json", "ggc", "offers", "create", "accounts", "--file", &file, "--accounts-csv", &csv]).ok();
    let created = run.json();
    assert_eq!(created["status"], "draft");
    created["id"].as_str().unwrap().to_owned()
}

#[test]
fn dictionaries_games_currencies_attributes() {
    let env = Env::start();
    let state = env.sandbox.state();
    let human = env.ggc(&["ggc", "games"]).ok();
    assert!(human.stdout.contains(&state.ggchest.games[0].name), "{}", human.stdout);

    let json = env.ggc(&["--json", "ggc", "games", "--offer-type", "currency", "--sort", "asc"]).ok().json();
    let names: Vec<&str> = json.as_array().unwrap().iter().map(|g| g["name"].as_str().unwrap()).collect();
    let mut expected: Vec<&str> = state
        .ggchest
        .games
        .iter()
        .filter(|g| g.offer_types.contains(&GgcOfferType::Currency))
        .map(|g| g.name.as_str())
        .collect();
    expected.sort();
    assert_eq!(names, expected);

    let game = state.ggchest.games.iter().find(|g| !g.currencies.is_empty()).unwrap();
    let json = env.ggc(&["--json", "ggc", "currencies", &game.id]).ok().json();
    let ids: Vec<&str> = json.as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(ids, game.currencies.iter().map(|c| c.id.as_str()).collect::<Vec<_>>());
    let human = env.ggc(&["ggc", "currencies", &game.id]).ok();
    assert!(human.stdout.contains(&game.currencies[0].name), "{}", human.stdout);

    let game = game_with(&env, GgcOfferType::Accounts);
    let attr = game.attributes_for(GgcOfferType::Accounts).next().unwrap();
    let human = env.ggc(&["ggc", "attributes", &game.id, "accounts"]).ok();
    assert!(
        human.stdout.contains(&attr.attribute_name) && human.stdout.contains(&attr.options[0].id),
        "{}",
        human.stdout
    );
    let json = env.ggc(&["--json", "ggc", "attributes", &game.id, "accounts"]).ok().json();
    assert_eq!(json.as_array().unwrap().len(), game.attributes_for(GgcOfferType::Accounts).count());
}

#[test]
fn offers_list_filters_pages_and_get() {
    let env = Env::start();
    let state = env.sandbox.state();
    let drafts_of_currency = state
        .ggchest_offers_of(GGCHEST_KEY_A)
        .iter()
        .filter(|o| o.status == GgcOfferStatus::Draft && o.offer_type == GgcOfferType::Currency)
        .count();
    let json =
        env.ggc(&["--json", "ggc", "offers", "list", "--status", "draft", "--type", "currency", "--all"]).ok().json();
    assert_eq!(json["total"], drafts_of_currency);
    assert!(json["items"].as_array().unwrap().iter().all(|o| o["status"] == "draft" && o["offer_type"] == "currency"));

    let page = env.ggc(&["--json", "ggc", "offers", "list", "--per-page", "2", "--page", "2"]).ok().json();
    assert_eq!(page["pagination"]["page"], 2);
    assert!(page["items"].as_array().unwrap().len() <= 2);
    let human = env.ggc(&["ggc", "offers", "list", "--per-page", "2"]).ok();
    assert!(human.stdout.contains("Showing 1–2 of") && human.stdout.contains("Next: --page 2"), "{}", human.stdout);

    let offer = &state.ggchest_offers_of(GGCHEST_KEY_A)[0];
    let human = env.ggc(&["ggc", "offers", "get", &offer.id]).ok();
    assert!(human.stdout.contains(&offer.title), "{}", human.stdout);
    let json = env.ggc(&["--json", "ggc", "offers", "get", &offer.id]).ok().json();
    assert_eq!(json["id"], offer.id.as_str());
}

#[test]
fn create_accounts_with_csv_then_edit_and_add_accounts() {
    let env = Env::start();
    let id = create_accounts_offer(&env);
    let offer = env.sandbox.state().ggchest_offer(&id).unwrap().clone();
    assert_eq!(offer.status, GgcOfferStatus::Draft);
    assert_eq!(offer.qty_total, 2, "qty_total defaults to the number of accounts");
    assert_eq!(offer.accounts.len(), 2);
    assert_eq!(offer.accounts[1].login, "player,2", "quoted CSV fields");
    assert_eq!(offer.accounts[0].email_login.as_deref(), Some("p1@mail.test"));
    assert_eq!(offer.accounts[1].email_login, None, "empty CSV cells are left out");

    let run =
        env.ggc(&["ggc", "offers", "edit", &id, "--price", "12.50", "--old-price", "15", "--title", "Lvl 60"]).ok();
    assert!(run.stdout.contains("price $99.99 → $12.50"), "{}", run.stdout);
    let o = env.sandbox.state().ggchest_offer(&id).unwrap().clone();
    assert_eq!((o.price.as_str(), o.old_price.as_deref(), o.title.as_str()), ("12.50", Some("15.00"), "Lvl 60"));
    assert_eq!(o.description, "Rare mounts", "fields not edited are kept");

    let more = env.file("more.csv", "password,login\nsecret3,player3\n");
    let json =
        env.ggc(&["--json", "ggc", "offers", "edit", &id, "--no-old-price", "--add-accounts-csv", &more]).ok().json();
    assert_eq!(json["id"], id.as_str(), "--json prints the offer as it is now");
    let o = env.sandbox.state().ggchest_offer(&id).unwrap().clone();
    assert_eq!(o.old_price, None);
    assert_eq!((o.accounts.len(), o.qty_total), (3, 3));
    assert_eq!(o.accounts[2].login, "player3");

    let bad = env.file("bad.csv", "login,pasword\nx,y\n");
    let run = env.ggc(&["ggc", "offers", "edit", &id, "--add-accounts-csv", &bad]).fails(3, "invalid_input");
    assert!(run.stderr.contains("no `password` column in the header line (found `login,pasword`)"), "{}", run.stderr);
}

#[test]
fn create_currency_and_items_and_update_from_a_file() {
    let env = Env::start();
    let game = env.sandbox.state().ggchest.games.into_iter().find(|g| !g.currencies.is_empty()).unwrap();
    let body = json!({
        "game_id": game.id, "game_currency_id": game.currencies[0].id, "title": "10k gold",
        "description": "Fast", "price": "4.99", "delivery_time": "20m", "qty_total": 10000, "qty_min": 1000,
        "attributes": attribute_choices(&game, GgcOfferType::Currency),
    });
    let file = env.file("gold.json", body.to_string());
    let run = env.ggc(&["ggc", "offers", "create", "currency", "--file", &file]).ok();
    assert!(run.stdout.contains("Created currency offer") && run.stdout.contains("offers activate"), "{}", run.stdout);
    let state = env.sandbox.state();
    let gold = state.ggchest_offers_of(GGCHEST_KEY_A).into_iter().find(|o| o.title == "10k gold").unwrap().clone();
    assert_eq!((gold.offer_type, gold.qty_total), (GgcOfferType::Currency, 10000));

    let items_game = game_with(&env, GgcOfferType::Items);
    let body = json!({
        "game_id": items_game.id, "title": "Skin codes", "description": "Auto", "price": "2.00",
        "delivery_method": "auto", "qty_total": 2, "qty_min": 1,
        "attributes": attribute_choices(&items_game, GgcOfferType::Items),
        "items": [{"delivery_info": "CODE-1"}, {"delivery_info": "CODE-2"}],
    });
    let file = env.file("items.json", body.to_string());
    let id = env.ggc(&["--json", "ggc", "offers", "create", "items", "--file", &file]).ok().json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let items = env.sandbox.state().ggchest_offer(&id).unwrap().clone();
    assert_eq!(items.items.iter().map(|i| i.delivery_info.as_str()).collect::<Vec<_>>(), ["CODE-1", "CODE-2"]);

    // The full update body, read from GGChest's type (no --type).
    let update = json!({
        "title": "20k gold", "description": "Faster", "price": "8.99", "old_price": null, "delivery_time": "5m",
        "qty_total": 20000, "qty_min": 1000, "attributes": attribute_choices(&game, GgcOfferType::Currency),
    });
    let file = env.file("update.json", update.to_string());
    let run = env.ggc(&["ggc", "offers", "update", &gold.id, "--file", &file]).ok();
    assert!(run.stdout.contains("Updated currency offer"), "{}", run.stdout);
    let o = env.sandbox.state().ggchest_offer(&gold.id).unwrap().clone();
    assert_eq!((o.title.as_str(), o.price.as_str(), o.qty_total), ("20k gold", "8.99", 20000));

    // A body the client rejects: the JSON path is named, nothing is sent, the file is kept.
    let broken = r#"{"title": "x", "description": "y", "price": "1.234", "delivery_time": "5m",
                     "qty_total": 1, "qty_min": 2, "attributes": []}"#;
    let file = env.file("broken.json", broken);
    env.sandbox.clear_requests();
    let run = env
        .ggc(&["ggc", "offers", "update", &gold.id, "--type", "currency", "--file", &file])
        .fails(3, "invalid_input");
    assert!(run.stderr.contains("  price: ") && run.stderr.contains("  qty_min: "), "{}", run.stderr);
    assert!(env.sandbox.requests().is_empty());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), broken);
}

#[test]
fn activate_draft_toggle_price() {
    let env = Env::start();
    let drafts = offers_with(&env, GgcOfferStatus::Draft);
    assert!(drafts.len() >= 3);
    let ids_file = env.file("ids.txt", format!("# from a spreadsheet\n{}\n\n{}\n", drafts[1], drafts[2]));
    let run = env.ggc(&["ggc", "offers", "activate", &drafts[0], "--from-file", &ids_file]).ok();
    assert!(run.stdout.contains("Activated 3 offer(s)."), "{}", run.stdout);
    let active = offers_with(&env, GgcOfferStatus::Active);
    assert!(drafts[..3].iter().all(|id| active.contains(id)));

    let json = env.ggc(&["--json", "ggc", "offers", "draft", &drafts[0], &drafts[1]]).ok().json();
    assert_eq!(json["done"].as_array().unwrap().len(), 2);
    let now_drafts = offers_with(&env, GgcOfferStatus::Draft);
    assert!(now_drafts.contains(&drafts[0]) && now_drafts.contains(&drafts[1]));

    let run = env.ggc(&["ggc", "offers", "toggle", &drafts[2]]).ok();
    assert!(run.stdout.contains("it is now draft"), "{}", run.stdout);
    assert_eq!(env.sandbox.state().ggchest_offer(&drafts[2]).unwrap().status, GgcOfferStatus::Draft);

    let run = env.ggc(&["ggc", "offers", "price", &drafts[2], "66.32"]).ok();
    assert!(run.stdout.contains("$66.32"), "{}", run.stdout);
    assert_eq!(env.sandbox.state().ggchest_offer(&drafts[2]).unwrap().price, "66.32");

    env.sandbox.clear_requests();
    let run = env.ggc(&["ggc", "offers", "price", &drafts[2], "66.321"]).fails(3, "invalid_input");
    assert!(run.stderr.contains("  price: "), "{}", run.stderr);
    assert!(env.sandbox.requests().is_empty(), "a bad price is never sent");

    // A batch id that is not a UUID: caught before the first chunk goes out.
    env.ggc(&["ggc", "offers", "activate", &drafts[0], "not-a-uuid"]).fails(3, "invalid_input");
    assert!(env.sandbox.requests().is_empty());
}

#[test]
fn delete_one_and_several_only_with_yes() {
    let env = Env::start();
    let drafts = offers_with(&env, GgcOfferStatus::Draft);
    let run = env.ggc(&["ggc", "offers", "delete", &drafts[0]]).fails(2, "confirmation_required");
    assert!(run.stderr.contains("--yes"), "{}", run.stderr);
    assert_eq!(env.sandbox.state().ggchest_offer(&drafts[0]).unwrap().status, GgcOfferStatus::Draft);

    let run = env.ggc(&["ggc", "offers", "delete", &drafts[0], "--yes"]).ok();
    assert!(run.stdout.contains(&format!("Deleted offer {}.", drafts[0])), "{}", run.stdout);
    let single = env.sandbox.requests().into_iter().filter(|r| r.method == "DELETE").count();
    assert_eq!(single, 1);
    assert_eq!(env.sandbox.state().ggchest_offer(&drafts[0]).unwrap().status, GgcOfferStatus::Deleted);

    let json = env.ggc(&["--json", "ggc", "offers", "delete", &drafts[1], &drafts[2], "-y"]).ok().json();
    assert_eq!(json["action"], "delete");
    assert_eq!(json["done"], json!([drafts[1], drafts[2]]));
    let deleted = offers_with(&env, GgcOfferStatus::Deleted);
    assert!(deleted.contains(&drafts[1]) && deleted.contains(&drafts[2]));
}

#[test]
fn icon_attach_and_delete() {
    let env = Env::start();
    let offer = env.sandbox.state().ggchest_offers_of(GGCHEST_KEY_A)[0].id.clone();
    let png = env.file("icon.png", PNG);
    let json = env.ggc(&["--json", "ggc", "icon", "attach", &offer, &png]).ok().json();
    let icon_id = json["id"].as_str().unwrap().to_owned();
    let icon = env.sandbox.state().ggchest_offer(&offer).unwrap().icon.clone().expect("attached");
    assert_eq!((icon.id.as_str(), icon.content_type.as_str()), (icon_id.as_str(), "image/png"));

    let run = env.ggc(&["ggc", "icon", "delete", &offer, &icon_id]).ok();
    assert!(run.stdout.contains("Deleted icon"), "{}", run.stdout);
    assert!(env.sandbox.state().ggchest_offer(&offer).unwrap().icon.is_none());

    let fake = env.file("fake.png", b"GIF89a not a png");
    let run = env.ggc(&["ggc", "icon", "attach", &offer, &fake]).fails(3, "invalid_input");
    assert!(run.stderr.contains("not a PNG or JPEG"), "{}", run.stderr);
}

#[test]
fn orders_filtered_sorted_and_all() {
    let env = Env::start();
    let state = env.sandbox.state();
    let all = env.ggc(&["--json", "ggc", "orders", "--all"]).ok().json();
    assert_eq!(all["total"], state.ggchest_orders_of(GGCHEST_KEY_A).len());

    let json = env.ggc(&["--json", "ggc", "orders", "--status", "completed", "--per-page", "100"]).ok().json();
    let completed = state.ggchest_orders_of(GGCHEST_KEY_A).iter().filter(|o| o.status.as_str() == "COMPLETED").count();
    assert_eq!(json["items"].as_array().unwrap().len(), completed);
    assert!(json["items"].as_array().unwrap().iter().all(|o| o["status"] == "COMPLETED"));

    let json = env.ggc(&["--json", "ggc", "orders", "--from", "2026-02-12", "--sort", "asc", "--all"]).ok().json();
    let paid: Vec<&str> = json["items"].as_array().unwrap().iter().map(|o| o["paid_at"].as_str().unwrap()).collect();
    assert!(!paid.is_empty());
    assert!(paid.windows(2).all(|w| w[0] <= w[1]), "ascending: {paid:?}");
    assert!(paid.iter().all(|p| *p >= "2026-02-12"), "{paid:?}");

    let human = env.ggc(&["ggc", "orders", "--per-page", "2"]).ok();
    assert!(human.stdout.contains("Paid at") && human.stdout.contains("Showing 1–2 of"), "{}", human.stdout);
    env.ggc(&["ggc", "orders", "--from", "12.02.2026"]).fails(3, "invalid_input");
}
