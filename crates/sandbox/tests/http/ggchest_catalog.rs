//! GGChest: authentication, games, currencies, attributes, listing and reading offers.

use reqwest::Method;
use sandbox::{GgcOfferStatus, GGCHEST_KEY_A, GGCHEST_KEY_B, GG_KEY_A};
use serde_json::json;

use crate::common::{message_for, properties, send, Env};

const WOW: &str = "550e8400-e29b-41d4-a716-446655440000";

#[tokio::test]
async fn missing_key_is_403_and_wrong_key_401() {
    let env = Env::start().await;
    let (status, body) = send(env.ggc_anonymous(Method::GET, "/v1/games")).await;
    assert_eq!(status, 403);
    assert_eq!(body, json!({"message": "Full authentication is required to access this resource."}));
    for key in ["wrong", GG_KEY_A] {
        let (status, body) = send(env.ggc_as(key, Method::GET, "/v1/offers")).await;
        assert_eq!((status, body), (401, json!({"message": "Unauthorized"})));
    }
    let (status, body) = send(env.ggc(Method::GET, "/v2/nothing")).await;
    assert_eq!((status, body), (404, json!({"message": "Page not found"})));
}

#[tokio::test]
async fn games_filter_and_sort() {
    let env = Env::start().await;
    let (status, games) = send(env.ggc(Method::GET, "/v1/games")).await;
    assert_eq!(status, 200);
    let games = games.as_array().unwrap().clone();
    assert_eq!(games.len(), 6);
    let wow = games.iter().find(|g| g["id"] == WOW).expect("the guide's game");
    assert_eq!(wow["name"], "World of Warcraft");
    assert_eq!(wow["icon"]["id"], "660e8400-e29b-41d4-a716-446655440001");
    assert_eq!(wow["resources"]["icon"], wow["icon"]);
    assert!(wow["resources"]["cover"]["path"].is_string());
    // The icon path is served by the sandbox.
    let icon = env.http.get(wow["icon"]["path"].as_str().unwrap()).send().await.unwrap();
    assert_eq!(icon.status(), 200);
    assert!(icon.bytes().await.unwrap().starts_with(b"\x89PNG"));

    let (_, items_games) = send(env.ggc(Method::GET, "/v1/games?filters[offer_type]=items")).await;
    let names: Vec<&str> = items_games.as_array().unwrap().iter().map(|g| g["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"Counter-Strike 2") && !names.contains(&"Final Fantasy XIV"), "{names:?}");

    let (_, sorted) = send(env.ggc(Method::GET, "/v1/games?sort[field]=name&sort[direction]=desc")).await;
    let names: Vec<String> =
        sorted.as_array().unwrap().iter().map(|g| g["name"].as_str().unwrap().to_owned()).collect();
    let mut expected = names.clone();
    expected.sort_by_key(|n| std::cmp::Reverse(n.to_lowercase()));
    assert_eq!(names, expected);

    let (status, body) = send(env.ggc(Method::GET, "/v1/games?filters[offer_type]=skins&sort[direction]=up")).await;
    assert_eq!(status, 400);
    assert_eq!(body["message"], "Invalid input data");
    assert_eq!(properties(&body), vec!["[filters][offer_type]", "[sort][direction]"]);
    assert_eq!(message_for(&body, "[filters][offer_type]"), Some("The value you selected is not a valid choice."));
}

#[tokio::test]
async fn currencies_and_attributes() {
    let env = Env::start().await;
    let (status, currencies) = send(env.ggc(Method::GET, &format!("/v1/games/{WOW}/currency"))).await;
    assert_eq!(status, 200);
    assert_eq!(currencies[0]["id"], "880e8400-e29b-41d4-a716-446655440010");
    assert_eq!(currencies[0]["name"], "Gold");
    assert!(currencies[0]["nominal"].is_string() && currencies[0]["icon"]["path"].is_string());

    let (status, attributes) = send(env.ggc(Method::GET, &format!("/v1/games/{WOW}/accounts/attributes"))).await;
    assert_eq!(status, 200);
    let names: Vec<&str> =
        attributes.as_array().unwrap().iter().map(|a| a["attribute_name"].as_str().unwrap()).collect();
    assert_eq!(names, vec!["Server", "Level"]);
    assert_eq!(attributes[0]["options"][0], json!({"id": "bb0e8400-e29b-41d4-a716-446655440021", "name": "US-East"}));

    let unknown = "01980000-0000-7000-8000-00000000dead";
    for path in [
        format!("/v1/games/{unknown}/currency"),
        format!("/v1/games/{unknown}/items/attributes"),
        format!("/v1/games/{WOW}/skins/attributes"),
    ] {
        let (status, body) = send(env.ggc(Method::GET, &path)).await;
        assert_eq!((status, body), (404, json!({"message": "Not found."})), "{path}");
    }
}

#[tokio::test]
async fn offers_list_paginates_and_filters() {
    let env = Env::start().await;
    let (status, page) = send(env.ggc(Method::GET, "/v1/offers")).await;
    assert_eq!(status, 200);
    // Seeded A: 12 offers, one deleted.
    assert_eq!(page["pagination"], json!({"total_count": 11, "page_count": 2, "page": 1, "per_page": 10}));
    assert_eq!(page["items"].as_array().unwrap().len(), 10);
    let item = &page["items"][0];
    assert!(item["qty_total"].is_string() && item["qty_min"].is_string());
    assert!(["ACTIVE", "DRAFT"].contains(&item["status"].as_str().unwrap()));

    let (_, second) = send(env.ggc(Method::GET, "/v1/offers?pagination[page]=2&pagination[per_page]=10")).await;
    assert_eq!(second["items"].as_array().unwrap().len(), 1);

    let count = |body: &serde_json::Value| body["pagination"]["total_count"].as_u64().unwrap();
    let (_, active_lower) = send(env.ggc(Method::GET, "/v1/offers?filters[status]=active")).await;
    let (_, active_upper) = send(env.ggc(Method::GET, "/v1/offers?filters[status]=ACTIVE")).await;
    assert_eq!(count(&active_lower), count(&active_upper));
    assert!(active_lower["items"].as_array().unwrap().iter().all(|o| o["status"] == "ACTIVE"));
    let (_, deleted) = send(env.ggc(Method::GET, "/v1/offers?filters[status]=deleted")).await;
    assert_eq!(count(&deleted), 1);
    assert_eq!(deleted["items"][0]["status"], "DELETED");
    let (_, currency) =
        send(env.ggc(Method::GET, "/v1/offers?filters[offer_type]=currency&pagination[per_page]=100")).await;
    assert!(currency["items"].as_array().unwrap().iter().all(|o| o["offer_type"] == "currency"));
    let (_, wow) = send(env.ggc(Method::GET, &format!("/v1/offers?filters[game_id]={WOW}"))).await;
    assert_eq!(count(&wow), 3);
    let gold = wow["items"].as_array().unwrap().iter().find(|o| o["title"] == "100,000 Gold").unwrap();
    assert_eq!(gold["extra_properties"]["game_currency"]["name"], "Gold");
    assert_eq!(gold["delivery_method"], "manual");
    let account = wow["items"].as_array().unwrap().iter().find(|o| o["offer_type"] == "accounts").unwrap();
    assert_eq!(account["attributes"][0]["attribute_id"], "aa0e8400-e29b-41d4-a716-446655440020");
    assert_eq!(account["attributes"][0]["option_name"], "US-East");

    let (status, body) = send(env.ggc(
        Method::GET,
        "/v1/offers?pagination[per_page]=101&pagination[page]=0&filters[status]=paused&filters[offer_type]=ACCOUNTS",
    ))
    .await;
    assert_eq!(status, 400);
    assert_eq!(
        properties(&body),
        vec!["[pagination][page]", "[pagination][per_page]", "[filters][status]", "[filters][offer_type]"]
    );
    let (status, _) = send(env.ggc(Method::GET, "/v1/offers?pagination[per_page]=100")).await;
    assert_eq!(status, 200);

    // Seller B sees only its own offer.
    let (_, other) = send(env.ggc_as(GGCHEST_KEY_B, Method::GET, "/v1/offers")).await;
    assert_eq!(count(&other), 1);
}

#[tokio::test]
async fn one_offer_masks_accounts_and_is_404_for_others() {
    let env = Env::start().await;
    let state = env.sandbox.state();
    let account_offer = &state.ggchest_offers_of(GGCHEST_KEY_A)[0];
    let (status, body) = send(env.ggc(Method::GET, &format!("/v1/offers/{}", account_offer.id))).await;
    assert_eq!(status, 200);
    assert_eq!(body["qty_total"], 2);
    assert_eq!(body["status"], "ACTIVE");
    assert_eq!(body["attributes"][0]["id"], "aa0e8400-e29b-41d4-a716-446655440020");
    let first = &body["extra_properties"]["accounts"][0];
    assert_eq!(first["login"], "epic*****");
    assert_eq!(first["password"], "****");
    assert_eq!(first["email_login"], "epic****@mail.example");
    assert_eq!(first["email_password"], "****");
    assert_eq!(body["extra_properties"]["game_currency"], json!(null));

    let currency_offer = state.ggchest_offers_of(GGCHEST_KEY_A)[1];
    let (_, body) = send(env.ggc(Method::GET, &format!("/v1/offers/{}", currency_offer.id))).await;
    assert_eq!(body["extra_properties"]["accounts"], json!(null));
    assert_eq!(body["extra_properties"]["game_currency"]["name"], "FC Coins");

    let deleted =
        state.ggchest_offers_of(GGCHEST_KEY_A).into_iter().find(|o| o.status == GgcOfferStatus::Deleted).unwrap();
    let (status, body) = send(env.ggc(Method::GET, &format!("/v1/offers/{}", deleted.id))).await;
    assert_eq!((status, body["status"].clone()), (200, json!("DELETED")));

    let (status, body) =
        send(env.ggc_as(GGCHEST_KEY_B, Method::GET, &format!("/v1/offers/{}", account_offer.id))).await;
    assert_eq!((status, body), (404, json!({"message": "Not found."})));
}
