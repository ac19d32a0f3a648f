//! One API call as the transport sends it: method, path, query, body, and whether it may be
//! repeated (see the retry rules in the module above).

use reqwest::Method;
use serde::Serialize;

use super::Repeat;

#[derive(Debug, Clone)]
pub(crate) enum Body {
    Empty,
    Json(Vec<u8>),
    /// One file part; kept as bytes so that the form can be rebuilt for a retry.
    File {
        field: &'static str,
        file_name: String,
        mime: &'static str,
        bytes: Vec<u8>,
    },
}

/// One API call, described once and sent as many times as the rules allow.
#[derive(Debug, Clone)]
pub(crate) struct Request {
    pub(super) method: Method,
    pub(super) path: String,
    pub(super) query: Vec<(&'static str, String)>,
    pub(super) body: Body,
    pub(super) repeat: Repeat,
    pub(super) what: String,
    /// A 404 after an attempt that may have been applied means the thing is gone, as asked.
    pub(super) gone_means_done: bool,
}

impl Request {
    pub(super) fn new(method: Method, path: impl Into<String>, repeat: Repeat) -> Self {
        Request {
            method,
            path: path.into(),
            query: Vec::new(),
            body: Body::Empty,
            repeat,
            what: String::new(),
            gone_means_done: false,
        }
    }
    pub fn get(path: impl Into<String>) -> Self {
        Self::new(Method::GET, path, Repeat::Safe)
    }
    pub fn post(path: impl Into<String>, repeat: Repeat) -> Self {
        Self::new(Method::POST, path, repeat)
    }
    pub fn put(path: impl Into<String>, repeat: Repeat) -> Self {
        Self::new(Method::PUT, path, repeat)
    }
    pub fn patch(path: impl Into<String>, repeat: Repeat) -> Self {
        Self::new(Method::PATCH, path, repeat)
    }
    pub fn delete(path: impl Into<String>) -> Self {
        Self::new(Method::DELETE, path, Repeat::Safe)
    }
    pub fn query(mut self, name: &'static str, value: impl ToString) -> Self {
        self.query.push((name, value.to_string()));
        self
    }
    pub fn query_opt<T: ToString>(self, name: &'static str, value: Option<T>) -> Self {
        match value {
            Some(v) => self.query(name, v),
            None => self,
        }
    }
    pub fn json<T: Serialize + ?Sized>(mut self, body: &T) -> Self {
        self.body = Body::Json(serde_json::to_vec(body).expect("request bodies serialize"));
        self
    }
    pub fn file(mut self, field: &'static str, file_name: String, mime: &'static str, bytes: Vec<u8>) -> Self {
        self.body = Body::File { field, file_name, mime, bytes };
        self
    }
    /// For deleting one object: if an earlier attempt was lost after sending (so it may have been
    /// applied) and the repeat answers 404, the object is gone as asked and that is a success.
    pub fn gone_means_done(mut self) -> Self {
        self.gone_means_done = true;
        self
    }
    /// Names the object for "not found" messages.
    pub fn about(mut self, what: impl Into<String>) -> Self {
        self.what = what.into();
        self
    }
    pub(super) fn operation(&self) -> String {
        format!("{} {}", self.method, self.path)
    }
}
