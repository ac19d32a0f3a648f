//! The API key type. A key must never reach a log line, a `Debug` dump, an error message or the
//! webview, so the only way to read it is the deliberately named [`ApiKey::expose`].

use std::fmt;

/// A marketplace API key that redacts itself everywhere it could leak.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

impl ApiKey {
    /// Wraps a key, trimming surrounding whitespace (a pasted key often carries a newline).
    pub fn new(key: impl Into<String>) -> Self {
        let key = key.into();
        let trimmed = key.trim();
        // No log line of this process will hold it (docs/SECURITY.md L1).
        logs::register_secret(trimmed);
        if trimmed.len() == key.len() {
            ApiKey(key)
        } else {
            ApiKey(trimmed.to_owned())
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The raw key, for the one place that needs it: the auth header and the keychain.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// A form safe to show a person: the first 4 and last 4 characters, the rest hidden
    /// (`pk_l…ab12`); short keys show nothing but their length.
    pub fn masked(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        if chars.len() < 12 {
            return format!("{} characters, hidden", chars.len());
        }
        let head: String = chars[..4].iter().collect();
        let tail: String = chars[chars.len() - 4..].iter().collect();
        format!("{head}…{tail}")
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiKey(<redacted>)")
    }
}

impl fmt::Display for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_never_show_the_key() {
        let key = ApiKey::new("pk_live_abcdefghijklmnop");
        assert_eq!(format!("{key:?}"), "ApiKey(<redacted>)");
        assert_eq!(format!("{key}"), "<redacted>");
        assert!(!format!("{:?}", Some(&key)).contains("abcdef"));
    }

    #[test]
    fn masked_shows_only_the_ends() {
        assert_eq!(ApiKey::new("pk_live_abcdefghijklmnop").masked(), "pk_l…mnop");
        assert_eq!(ApiKey::new("short").masked(), "5 characters, hidden");
    }

    #[test]
    fn new_trims_pasted_whitespace() {
        assert_eq!(ApiKey::new("  key-123\n").expose(), "key-123");
    }
}
