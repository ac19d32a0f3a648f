//! A tiny HTTP/1.1 server on 127.0.0.1 for what the sandbox cannot do on purpose: answer a
//! malformed body, answer a documented example verbatim, or show the exact bytes the client sent.
//! It is real HTTP over a real socket: the client under test goes through its whole stack.

use serde_json::Value;
use std::{
    sync::{Arc, Mutex},
    time::Duration,
};
use tokio::{
    io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader},
    net::{TcpListener, TcpStream},
    task::JoinHandle,
};

/// One request as it arrived.
#[derive(Debug, Clone)]
pub struct Captured {
    pub method: String,
    /// The path without the query.
    pub path: String,
    pub query: Option<String>,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// When the request had arrived in full.
    pub at: std::time::Instant,
}

impl Captured {
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }

    /// The body as JSON (panics with the body if it is not).
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("{} {} sent a non-JSON body ({e}): {:?}", self.method, self.path, self.text()))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The query's `name=value` pairs, percent-decoded.
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        let q = self.query.clone().unwrap_or_default();
        url::form_urlencoded::parse(q.as_bytes()).into_owned().collect()
    }

    pub fn query_value(&self, name: &str) -> Option<String> {
        self.query_pairs().into_iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }
}

/// What the server does with a request.
#[derive(Debug, Clone)]
pub enum Reply {
    Respond {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// Close the connection without answering.
    Drop,
    /// Answer after a pause.
    Delayed(Duration, Box<Reply>),
}

impl Reply {
    pub fn json(status: u16, body: &Value) -> Reply {
        Reply::raw(status, serde_json::to_vec(body).unwrap())
    }
    pub fn raw(status: u16, body: impl Into<Vec<u8>>) -> Reply {
        Reply::Respond { status, headers: vec![("content-type".into(), "application/json".into())], body: body.into() }
    }
    pub fn empty(status: u16) -> Reply {
        Reply::Respond { status, headers: vec![], body: vec![] }
    }
    pub fn with_header(self, name: &str, value: &str) -> Reply {
        match self {
            Reply::Respond { status, mut headers, body } => {
                headers.push((name.to_owned(), value.to_owned()));
                Reply::Respond { status, headers, body }
            }
            other => other,
        }
    }
}

type Handler = dyn Fn(&Captured, usize) -> Reply + Send + Sync;

pub struct Loopback {
    base_url: String,
    captured: Arc<Mutex<Vec<Captured>>>,
    task: JoinHandle<()>,
}

impl Drop for Loopback {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Loopback {
    /// Starts a server answering each request with `handler(request, index)`; `index` counts
    /// requests from 0.
    pub async fn start(handler: impl Fn(&Captured, usize) -> Reply + Send + Sync + 'static) -> Loopback {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind loopback");
        let base_url = format!("http://{}", listener.local_addr().unwrap());
        let captured: Arc<Mutex<Vec<Captured>>> = Arc::default();
        let handler: Arc<Handler> = Arc::new(handler);
        let log = Arc::clone(&captured);
        let task = tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else { continue };
                let _ = stream.set_nodelay(true);
                tokio::spawn(serve(stream, Arc::clone(&handler), Arc::clone(&log)));
            }
        });
        Loopback { base_url, captured, task }
    }

    /// Answers every request with `status` and this JSON body.
    pub async fn fixed(status: u16, body: Value) -> Loopback {
        Loopback::start(move |_, _| Reply::json(status, &body)).await
    }

    /// Answers every request with `status` and these raw bytes.
    pub async fn fixed_raw(status: u16, body: &'static [u8]) -> Loopback {
        Loopback::start(move |_, _| Reply::raw(status, body)).await
    }

    pub fn url(&self) -> &str {
        &self.base_url
    }

    pub fn requests(&self) -> Vec<Captured> {
        self.captured.lock().unwrap().clone()
    }

    /// The only request received (panics unless exactly one came).
    pub fn only_request(&self) -> Captured {
        let all = self.requests();
        assert_eq!(all.len(), 1, "expected exactly one request, got {:?}", all);
        all.into_iter().next().unwrap()
    }
}

async fn serve(stream: TcpStream, handler: Arc<Handler>, log: Arc<Mutex<Vec<Captured>>>) {
    let mut reader = BufReader::new(stream);
    loop {
        let Some(request) = read_request(&mut reader).await else { return };
        let index = {
            let mut log = log.lock().unwrap();
            log.push(request.clone());
            log.len() - 1
        };
        let mut reply = handler(&request, index);
        while let Reply::Delayed(pause, inner) = reply {
            tokio::time::sleep(pause).await;
            reply = *inner;
        }
        match reply {
            Reply::Drop => return,
            Reply::Respond { status, headers, body } => {
                let mut head = format!("HTTP/1.1 {status} {}\r\ncontent-length: {}\r\n", reason(status), body.len());
                for (n, v) in headers {
                    head.push_str(&format!("{n}: {v}\r\n"));
                }
                head.push_str("\r\n");
                let stream = reader.get_mut();
                if stream.write_all(head.as_bytes()).await.is_err() || stream.write_all(&body).await.is_err() {
                    return;
                }
                let _ = stream.flush().await;
            }
            Reply::Delayed(..) => unreachable!(),
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

async fn read_request(reader: &mut BufReader<TcpStream>) -> Option<Captured> {
    let mut line = String::new();
    if reader.read_line(&mut line).await.ok()? == 0 {
        return None;
    }
    let mut parts = line.trim_end().splitn(3, ' ');
    let method = parts.next()?.to_owned();
    let target = parts.next()?.to_owned();
    let (path, query) = match target.split_once('?') {
        Some((p, q)) => (p.to_owned(), Some(q.to_owned())),
        None => (target, None),
    };
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).await.ok()? == 0 {
            return None;
        }
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        let (n, v) = h.split_once(':')?;
        headers.push((n.trim().to_ascii_lowercase(), v.trim().to_owned()));
    }
    let get = |name: &str| headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone());
    let mut body = Vec::new();
    if let Some(len) = get("content-length") {
        let len: usize = len.parse().ok()?;
        body.resize(len, 0);
        reader.read_exact(&mut body).await.ok()?;
    } else if get("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        loop {
            let mut size = String::new();
            reader.read_line(&mut size).await.ok()?;
            let size = usize::from_str_radix(size.trim().split(';').next()?, 16).ok()?;
            let mut chunk = vec![0; size + 2];
            reader.read_exact(&mut chunk).await.ok()?;
            if size == 0 {
                break;
            }
            body.extend_from_slice(&chunk[..size]);
        }
    }
    Some(Captured { method, path, query, headers, body, at: std::time::Instant::now() })
}
