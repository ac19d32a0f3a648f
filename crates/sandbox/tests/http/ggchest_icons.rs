//! GGChest: offer icons (multipart field `icon`, PNG or JPEG by magic bytes).

use reqwest::multipart::{Form, Part};
use reqwest::Method;
use sandbox::{GGCHEST_KEY_A, GGCHEST_KEY_B};
use serde_json::json;

use crate::common::{message_for, send, Env};

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR-rest-of-a-png";
const JPEG: &[u8] = b"\xff\xd8\xff\xe0\0\x10JFIF-rest-of-a-jpeg";

fn icon_form(bytes: &[u8], file_name: &str) -> Form {
    Form::new().part("icon", Part::bytes(bytes.to_vec()).file_name(file_name.to_owned()))
}

#[tokio::test]
async fn attach_replaces_and_serves_the_icon() {
    let env = Env::start().await;
    let offer = env.sandbox.state().ggchest_offers_of(GGCHEST_KEY_A)[0].id.clone();
    let path = format!("/v1/offers/{offer}/icon");
    let (status, body) = send(env.ggc(Method::POST, &path).multipart(icon_form(PNG, "icon.png"))).await;
    assert_eq!(status, 200);
    let file_id = body["file_id"].as_str().unwrap().to_owned();
    let url = body["path"].as_str().unwrap().to_owned();
    assert_eq!(body.as_object().unwrap().len(), 2, "{{file_id, path}}: {body}");
    let icon = env.sandbox.state().ggchest_offer(&offer).unwrap().icon.clone().unwrap();
    assert_eq!(
        (icon.id.as_str(), icon.path.as_str(), icon.content_type.as_str()),
        (file_id.as_str(), url.as_str(), "image/png")
    );
    let served = env.http.get(&url).send().await.unwrap();
    assert_eq!(served.headers()["content-type"], "image/png");
    assert_eq!(served.bytes().await.unwrap().as_ref(), PNG);
    let (_, listed) = send(env.ggc(Method::GET, &format!("/v1/offers/{offer}"))).await;
    assert_eq!(listed["icon"], json!({"id": file_id, "path": url}));

    // A JPEG named .png is a JPEG; it replaces the PNG.
    let (status, body) = send(env.ggc(Method::POST, &path).multipart(icon_form(JPEG, "looks.png"))).await;
    assert_eq!(status, 200);
    let icon = env.sandbox.state().ggchest_offer(&offer).unwrap().icon.clone().unwrap();
    assert_eq!((icon.id.as_str(), icon.content_type.as_str()), (body["file_id"].as_str().unwrap(), "image/jpeg"));
    assert_eq!(env.http.get(&url).send().await.unwrap().status(), 404, "the old file is gone");
}

#[tokio::test]
async fn only_png_and_jpeg_content_is_accepted() {
    let env = Env::start().await;
    let offer = env.sandbox.state().ggchest_offers_of(GGCHEST_KEY_A)[0].id.clone();
    let path = format!("/v1/offers/{offer}/icon");
    for (bytes, name) in [(&b"GIF89a...."[..], "icon.gif"), (b"<svg></svg>", "icon.png"), (b"", "icon.png")] {
        let (status, body) = send(env.ggc(Method::POST, &path).multipart(icon_form(bytes, name))).await;
        assert_eq!(status, 400, "{name}");
        assert!(message_for(&body, "icon").is_some(), "{body}");
    }
    let wrong_field = Form::new().part("file", Part::bytes(PNG.to_vec()).file_name("icon.png"));
    let (status, body) = send(env.ggc(Method::POST, &path).multipart(wrong_field)).await;
    assert_eq!((status, message_for(&body, "icon").is_some()), (400, true));
    let (status, body) = send(env.ggc(Method::POST, &path).json(&json!({"icon": "x"}))).await;
    assert_eq!((status, message_for(&body, "icon").is_some()), (400, true));
    assert!(env.sandbox.state().ggchest_offer(&offer).unwrap().icon.is_none());
    // Another seller's offer.
    let (status, _) = send(env.ggc_as(GGCHEST_KEY_B, Method::POST, &path).multipart(icon_form(PNG, "i.png"))).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn delete_needs_the_current_icon_id() {
    let env = Env::start().await;
    let offer = env.sandbox.state().ggchest_offers_of(GGCHEST_KEY_A)[0].id.clone();
    let (_, body) =
        send(env.ggc(Method::POST, &format!("/v1/offers/{offer}/icon")).multipart(icon_form(PNG, "i.png"))).await;
    let icon_id = body["file_id"].as_str().unwrap();
    let (status, body) =
        send(env.ggc(Method::DELETE, &format!("/v1/offers/{offer}/icon/01980000-0000-7000-8000-00000000dead"))).await;
    assert_eq!((status, body), (404, json!({"message": "Not found."})));
    let (status, _) =
        send(env.ggc_as(GGCHEST_KEY_B, Method::DELETE, &format!("/v1/offers/{offer}/icon/{icon_id}"))).await;
    assert_eq!(status, 404);
    let (status, body) = send(env.ggc(Method::DELETE, &format!("/v1/offers/{offer}/icon/{icon_id}"))).await;
    assert_eq!((status, body), (200, json!({})));
    assert!(env.sandbox.state().ggchest_offer(&offer).unwrap().icon.is_none());
    let (status, _) = send(env.ggc(Method::DELETE, &format!("/v1/offers/{offer}/icon/{icon_id}"))).await;
    assert_eq!(status, 404, "already removed");
}
