//! One seller profile as stored in profiles.json. It holds no secret: the API key is in the
//! OS keychain under the profile's id.

use markets::Market;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// A UUID v4 string; never changes, and names the keychain entry (`profile:<id>`).
    pub id: String,
    /// Unique among profiles, ignoring case; at most [`crate::MAX_NAME_CHARS`] characters.
    pub name: String,
    /// `"gg"` or `"ggchest"` in the file.
    pub market: Market,
    /// The Seller API's base URL, without a trailing slash.
    pub base_url: String,
    /// RFC 3339, UTC: `2025-03-01T12:00:00Z`.
    pub created_at: String,
    /// Fields another program (the desktop app) added to this profile, written back untouched.
    #[serde(flatten)]
    extra: Map<String, Value>,
}

impl Profile {
    pub(crate) fn new(id: String, name: String, market: Market, base_url: String, created_at: String) -> Self {
        Profile { id, name, market, base_url, created_at, extra: Map::new() }
    }

    /// Whether this profile uses its marketplace's production URL.
    pub fn uses_production_url(&self) -> bool {
        self.base_url == self.market.production_base_url()
    }

    /// Fields of this profile that this crate doesn't know, as found in the file.
    pub fn extra_fields(&self) -> &Map<String, Value> {
        &self.extra
    }

    /// The names of the fields this crate owns: another program may not set them as extras.
    pub const OWN_FIELDS: [&'static str; 5] = ["id", "name", "market", "base_url", "created_at"];

    pub(crate) fn set_extra_field(&mut self, field: &str, value: Option<Value>) {
        match value {
            Some(value) => self.extra.insert(field.to_owned(), value),
            None => self.extra.remove(field),
        };
    }
}
