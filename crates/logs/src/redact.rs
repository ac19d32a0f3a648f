//! Keeping secrets out of the logs, twice over:
//!
//! - **Registered secrets.** Whoever holds a secret registers it ([`register_secret`]): every
//!   `markets::ApiKey` does when it is made, the Gaming Goods client registers each code it
//!   uploads, the GGChest client each account's password. Every line, whatever its level and
//!   wherever the secret sits in it (a field, the message text, a `Debug` dump of an error), has
//!   each registered secret replaced by `‹redacted›` before it is written ([`redact`]).
//! - **Sensitive field names.** A field named like a secret (`key`, `api_key`, `password`,
//!   `code`, `codes`, `token`, `secret`, …: see [`is_sensitive_field`]) is written as
//!   `name=‹redacted›` whatever its value, registered or not ([`RedactingFields`]). So an error
//!   code is logged as `error=…`, never `code=…`.
//!
//! Keys are few and live as long as the process: they stay registered. Codes and account
//! passwords can be hundreds of thousands per upload: they are registered only while the
//! request that carries them is being sent and logged ([`scoped_secrets`]), so the set (and the
//! matcher built from it) stays the size of one request, not of everything ever uploaded.

use std::{
    borrow::Cow,
    collections::{BTreeMap, BTreeSet},
    fmt,
    sync::{Arc, RwLock},
};

use aho_corasick::AhoCorasick;
use tracing::field::{Field, Visit};
use tracing_subscriber::{
    field::RecordFields,
    fmt::{format::Writer, FormatFields},
};

/// What a secret is replaced with.
pub const MASK: &str = "‹redacted›";

/// Secrets shorter than this are not registered: masking every `12` in the log would hide ids and
/// counts and protect nothing (no key, password or code of ours is that short).
pub const MIN_SECRET_LEN: usize = 4;

struct Registry {
    /// Registered for the life of the process.
    secrets: BTreeSet<String>,
    /// Registered while some [`SecretsScope`] holds them: how many scopes hold each.
    scoped: BTreeMap<String, usize>,
    /// Built from both when first needed after a change.
    matcher: Option<Arc<AhoCorasick>>,
}

static REGISTRY: RwLock<Registry> =
    RwLock::new(Registry { secrets: BTreeSet::new(), scoped: BTreeMap::new(), matcher: None });

/// Registers a secret: from now on no log line of this process contains it. Surrounding
/// whitespace is ignored; secrets shorter than [`MIN_SECRET_LEN`] are not registered.
pub fn register_secret(secret: &str) {
    let secret = secret.trim();
    if secret.chars().count() < MIN_SECRET_LEN {
        return;
    }
    {
        let registry = REGISTRY.read().unwrap_or_else(|e| e.into_inner());
        if registry.secrets.contains(secret) {
            return;
        }
    }
    let mut registry = REGISTRY.write().unwrap_or_else(|e| e.into_inner());
    if registry.secrets.insert(secret.to_owned()) {
        registry.matcher = None;
    }
}

/// Registers each of `secrets`.
pub fn register_secrets<'a>(secrets: impl IntoIterator<Item = &'a str>) {
    for s in secrets {
        register_secret(s);
    }
}

/// Secrets registered while this lives (a request's codes or passwords); dropped, they are
/// forgotten unless another scope or [`register_secret`] holds them.
#[must_use = "the secrets are forgotten when the scope is dropped"]
pub struct SecretsScope {
    held: Vec<String>,
}

/// Registers `secrets` until the returned scope is dropped (one lock, one matcher rebuild).
pub fn scoped_secrets<'a>(secrets: impl IntoIterator<Item = &'a str>) -> SecretsScope {
    let held: Vec<String> =
        secrets.into_iter().map(str::trim).filter(|s| s.chars().count() >= MIN_SECRET_LEN).map(str::to_owned).collect();
    if !held.is_empty() {
        let mut registry = REGISTRY.write().unwrap_or_else(|e| e.into_inner());
        for s in &held {
            *registry.scoped.entry(s.clone()).or_insert(0) += 1;
        }
        registry.matcher = None;
    }
    SecretsScope { held }
}

impl Drop for SecretsScope {
    fn drop(&mut self) {
        if self.held.is_empty() {
            return;
        }
        let mut registry = REGISTRY.write().unwrap_or_else(|e| e.into_inner());
        for s in &self.held {
            if let Some(n) = registry.scoped.get_mut(s) {
                *n -= 1;
                if *n == 0 {
                    registry.scoped.remove(s);
                }
            }
        }
        registry.matcher = None;
    }
}

fn matcher() -> Option<Arc<AhoCorasick>> {
    {
        let registry = REGISTRY.read().unwrap_or_else(|e| e.into_inner());
        if registry.secrets.is_empty() && registry.scoped.is_empty() {
            return None;
        }
        if let Some(m) = &registry.matcher {
            return Some(m.clone());
        }
    }
    let mut registry = REGISTRY.write().unwrap_or_else(|e| e.into_inner());
    if registry.matcher.is_none() {
        // Leftmost-longest: a secret that contains another is masked whole.
        let built = aho_corasick::AhoCorasickBuilder::new()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(registry.secrets.iter().chain(registry.scoped.keys()))
            .expect("a set of literal strings always builds");
        registry.matcher = Some(Arc::new(built));
    }
    registry.matcher.clone()
}

/// `text` with every registered secret replaced by [`MASK`].
pub fn redact(text: &str) -> Cow<'_, str> {
    match matcher() {
        Some(m) if m.is_match(text) => Cow::Owned(m.replace_all(text, &vec![MASK; m.patterns_len()])),
        _ => Cow::Borrowed(text),
    }
}

/// Whether a field of this name holds a secret: one of its words (split at `_`, `.`, `-`) is a
/// word for a key, a password, a code or a token (`key`, `api_key`, `apikey`, `password`,
/// `passwd`, `pwd`, `secret`, `token`, `code`, `codes`, `credentials`, …).
pub fn is_sensitive_field(name: &str) -> bool {
    const WORDS: &[&str] = &[
        "key",
        "keys",
        "apikey",
        "password",
        "passwords",
        "passwd",
        "pwd",
        "passphrase",
        "secret",
        "secrets",
        "token",
        "tokens",
        "code",
        "codes",
        "credential",
        "credentials",
        "authorization",
    ];
    name.split(['_', '.', '-']).any(|word| WORDS.iter().any(|w| word.eq_ignore_ascii_case(w)))
}

/// Formats an event's or a span's fields as `name=value` (`Debug`), the message first without a
/// name, with every field named like a secret written as `name=‹redacted›`.
#[derive(Debug, Default, Clone, Copy)]
pub struct RedactingFields;

impl<'writer> FormatFields<'writer> for RedactingFields {
    fn format_fields<R: RecordFields>(&self, writer: Writer<'writer>, fields: R) -> fmt::Result {
        let mut visitor = FieldWriter { writer, first: true, result: Ok(()) };
        fields.record(&mut visitor);
        visitor.result
    }
}

struct FieldWriter<'w> {
    writer: Writer<'w>,
    first: bool,
    result: fmt::Result,
}

impl Visit for FieldWriter<'_> {
    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "message" {
            self.record_debug(field, &format_args!("{value}"));
        } else {
            self.record_debug(field, &value);
        }
    }

    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        if self.result.is_err() {
            return;
        }
        let separator = if self.first { "" } else { " " };
        self.first = false;
        let name = field.name();
        self.result = if name == "message" {
            write!(self.writer, "{separator}{value:?}")
        } else if name.starts_with("log.") {
            // The `log` crate's target and location, carried over by tracing-log: already shown.
            Ok(())
        } else if is_sensitive_field(name) {
            write!(self.writer, "{separator}{name}={MASK}")
        } else {
            write!(self.writer, "{separator}{name}={value:?}")
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A request's codes are masked while it runs and forgotten after: uploading 100,000 codes
    /// leaves the registry (and the matcher every log line runs) the size it was.
    #[test]
    fn scoped_secrets_are_masked_while_held_and_forgotten_after() {
        let codes: Vec<String> = (0..1_000).map(|i| format!("SCOPED-CODE-{i:05}")).collect();
        {
            let _scope = scoped_secrets(codes.iter().map(String::as_str));
            let _again = scoped_secrets(["SCOPED-CODE-00007"]);
            assert_eq!(redact("refused SCOPED-CODE-00007 twice"), format!("refused {MASK} twice"));
            assert!(REGISTRY.read().unwrap().scoped.contains_key("SCOPED-CODE-00999"));
        }
        let registry = REGISTRY.read().unwrap();
        assert!(!codes.iter().any(|c| registry.scoped.contains_key(c) || registry.secrets.contains(c)), "forgotten");
        drop(registry);
        assert_eq!(redact("refused SCOPED-CODE-00007"), "refused SCOPED-CODE-00007");
        // A secret registered for good stays when a scope holding it ends.
        register_secret("KEEP-THIS-ONE");
        drop(scoped_secrets(["KEEP-THIS-ONE"]));
        assert_eq!(redact("KEEP-THIS-ONE"), MASK);
    }

    #[test]
    fn names_like_secrets_are_sensitive_and_others_are_not() {
        for name in ["key", "api_key", "apiKey_x", "password", "code", "codes", "refused_codes", "auth.token", "KEY"] {
            assert!(is_sensitive_field(name), "{name}");
        }
        for name in ["market", "op", "status", "error", "attempt", "keyword", "job", "profile", "encoded"] {
            assert!(!is_sensitive_field(name), "{name}");
        }
    }

    #[test]
    fn registered_secrets_are_masked_whole_and_short_ones_are_not_registered() {
        register_secret("redact-unit-secret-1");
        register_secret("redact-unit-secret-1-longer");
        register_secret(" 12 ");
        assert_eq!(
            redact("a redact-unit-secret-1-longer b redact-unit-secret-1 c 12"),
            format!("a {MASK} b {MASK} c 12")
        );
        assert!(matches!(redact("nothing here"), Cow::Borrowed(_)));
    }
}
