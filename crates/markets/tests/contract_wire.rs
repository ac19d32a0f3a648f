//! Wire details checked against the documents, request by request, on a loopback server that
//! records the raw request (see `common::loopback`).

mod common;

use common::{gg_client, ggc_client, Loopback, Reply};
use markets::{gg::*, ggchest::*};
use serde_json::json;

const OFFER: &str = "01985a35-c7d2-9fa4-e1b6-8a3f5c2e9d7b";

/// README, toggle: "You don't need to send any data, just send an empty request"; the spec
/// declares no request body and the docs site's curl sends none. An empty request still says
/// `Content-Length: 0` (as curl does for `-X PUT`): front ends such as Google's answer a
/// POST/PUT without it with 411 Length Required. Gaming Goods' deactivate (a POST with no
/// body) likewise.
#[tokio::test]
async fn bodiless_put_and_post_send_content_length_zero_and_no_content_type() {
    let lb = Loopback::start(|_, _| Reply::raw(200, "{}")).await;
    ggc_client(lb.url(), "k").toggle(OFFER).await.unwrap();
    let r = lb.only_request();
    assert_eq!((r.method.as_str(), r.path.as_str()), ("PUT", "/v1/offers/01985a35-c7d2-9fa4-e1b6-8a3f5c2e9d7b/toggle"));
    assert_eq!(r.header("content-length"), Some("0"), "{:?}", r.headers);
    assert_eq!(r.header("content-type"), None, "no body, no JSON content type: {:?}", r.headers);
    assert!(r.body.is_empty());

    let lb = Loopback::start(|_, _| Reply::json(200, &json!({"product": {"id": "p-1", "is_active": false}}))).await;
    gg_client(lb.url(), "k").deactivate_product("p-1").await.unwrap();
    let r = lb.only_request();
    assert_eq!((r.method.as_str(), r.path.as_str()), ("POST", "/seller/products/p-1/deactivate"));
    assert_eq!(r.header("content-length"), Some("0"), "{:?}", r.headers);
    assert_eq!(r.header("content-type"), None);
}
