//! A marketplace client per profile. Clients are kept so that connections are reused and each
//! key's pacing carries over from one command to the next (the limiter itself is shared per key
//! inside `markets`, so even two clients would not exceed the limits). A client is rebuilt when
//! the profile's base URL changes and dropped when its key is replaced or the profile removed.
//!
//! A key goes only where it belongs ([`check_destination`]): the marketplace's documented
//! production host, the app's own running sandbox, or a host the user confirmed for the profile
//! in a native dialog (docs/SECURITY.md).

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use markets::{gg::GgClient, ggchest::GgcClient};
use profiles::Profile;

#[derive(Clone)]
pub enum MarketClient {
    Gg(Arc<GgClient>),
    Ggc(Arc<GgcClient>),
}

struct Cached {
    base_url: String,
    /// The profile's name when built: its audit entries say who made a change.
    name: String,
    client: MarketClient,
}

#[derive(Default)]
pub struct ClientCache {
    by_profile: Mutex<HashMap<String, Cached>>,
}

impl ClientCache {
    /// The client built for this profile at its current base URL and name, if any.
    pub fn get(&self, profile: &Profile) -> Option<MarketClient> {
        let map = self.by_profile.lock().unwrap_or_else(|p| p.into_inner());
        map.get(&profile.id)
            .filter(|c| c.base_url == profile.base_url && c.name == profile.name)
            .map(|c| c.client.clone())
    }

    pub fn insert(&self, profile: &Profile, client: MarketClient) {
        let mut map = self.by_profile.lock().unwrap_or_else(|p| p.into_inner());
        map.insert(
            profile.id.clone(),
            Cached { base_url: profile.base_url.clone(), name: profile.name.clone(), client },
        );
    }

    /// Drops the client of a profile (key replaced, profile removed).
    pub fn forget(&self, profile_id: &str) {
        self.by_profile.lock().unwrap_or_else(|p| p.into_inner()).remove(profile_id);
    }
}

/// Where a key may go is the application layer's rule (`desk::key_destination`).
pub use desk::key_destination::{
    check_destination, confirmed_hosts, destination, origin_of, Destination, CONFIRMED_HOSTS_FIELD,
};
