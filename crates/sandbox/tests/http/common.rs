//! Helpers: a sandbox per test and raw HTTP requests to it (never the `markets` client).

use std::time::Duration;

use reqwest::{Method, RequestBuilder};
use sandbox::{Sandbox, SandboxConfig, GGCHEST_KEY_A, GG_KEY_A};
use serde_json::Value;

pub struct Env {
    pub sandbox: Sandbox,
    pub http: reqwest::Client,
}

impl Env {
    pub async fn start() -> Env {
        Env::start_with(SandboxConfig::default()).await
    }

    pub async fn start_with(config: SandboxConfig) -> Env {
        let sandbox = Sandbox::start(config).await.expect("sandbox starts");
        let http = reqwest::Client::builder()
            // A dropped connection must surface as an error quickly, never as a hang.
            .timeout(Duration::from_secs(10))
            .build()
            .unwrap();
        Env { sandbox, http }
    }

    /// A Gaming Goods request as seller A.
    pub fn gg(&self, method: Method, path: &str) -> RequestBuilder {
        self.gg_as(GG_KEY_A, method, path)
    }

    pub fn gg_as(&self, key: &str, method: Method, path: &str) -> RequestBuilder {
        self.gg_anonymous(method, path).header("X-API-Key", key)
    }

    pub fn gg_anonymous(&self, method: Method, path: &str) -> RequestBuilder {
        let url = format!("{}{path}", self.sandbox.gg_base_url());
        self.http.request(method, url)
    }

    /// A GGChest request as seller A.
    pub fn ggc(&self, method: Method, path: &str) -> RequestBuilder {
        self.ggc_as(GGCHEST_KEY_A, method, path)
    }

    pub fn ggc_as(&self, key: &str, method: Method, path: &str) -> RequestBuilder {
        self.ggc_anonymous(method, path).header("X-API-KEY", key)
    }

    pub fn ggc_anonymous(&self, method: Method, path: &str) -> RequestBuilder {
        let url = format!("{}{path}", self.sandbox.ggchest_base_url());
        self.http.request(method, url)
    }

    pub fn admin(&self, method: Method, path: &str) -> RequestBuilder {
        let url = format!("{}/_sandbox{path}", self.sandbox.base_url());
        self.http.request(method, url)
    }
}

/// Sends and returns the status and the JSON body (`Null` for an empty body).
pub async fn send(request: RequestBuilder) -> (u16, Value) {
    let response = request.send().await.expect("an answer");
    let status = response.status().as_u16();
    let bytes = response.bytes().await.expect("a body");
    let body = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| panic!("JSON body, got {:?}", String::from_utf8_lossy(&bytes)))
    };
    (status, body)
}

/// The GG error `code` of a body.
pub fn gg_code(body: &Value) -> &str {
    body["error"]["code"].as_str().unwrap_or("<no code>")
}

/// The GGChest `errors[].property` values of a body.
pub fn properties(body: &Value) -> Vec<String> {
    body["errors"]
        .as_array()
        .map(|errors| errors.iter().map(|e| e["property"].as_str().unwrap_or_default().to_owned()).collect())
        .unwrap_or_default()
}

/// The GGChest `errors[].message` for `property`.
pub fn message_for<'a>(body: &'a Value, property: &str) -> Option<&'a str> {
    body["errors"].as_array()?.iter().find(|e| e["property"] == property).and_then(|e| e["message"].as_str())
}
