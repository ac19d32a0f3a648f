//! Sealing journal entries that carry codes or account credentials: ChaCha20-Poly1305 with a
//! 256-bit key kept in the OS keychain under its own account (`journal-key`), never on disk.
//! Each entry has a fresh random nonce and is bound to its job and step (associated data), so
//! entries cannot be moved between jobs or steps unnoticed.

use base64::{engine::general_purpose::STANDARD, Engine};
use chacha20poly1305::{
    aead::{Aead, AeadCore, KeyInit, OsRng, Payload},
    ChaCha20Poly1305, Key, Nonce,
};
use markets::ApiKey;
use profiles::Keychain;

use crate::{Error, Result};

/// The keychain account (service `sellerdesk`) holding the journal key, base64.
pub const JOURNAL_KEY_ACCOUNT: &str = "journal-key";

/// The key that seals secret journal entries.
#[derive(Clone)]
pub struct JournalKey {
    cipher: ChaCha20Poly1305,
}

impl std::fmt::Debug for JournalKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JournalKey(<redacted>)")
    }
}

impl JournalKey {
    /// The key in the OS keychain, created there on first use. Fails when the keychain is not
    /// usable: secrets are then never journaled (in clear or otherwise).
    pub fn from_keychain() -> Result<JournalKey> {
        let keychain = Keychain::new();
        let fail = |e: profiles::KeychainError| Error::NoJournalKey(e.to_string());
        if let Some(stored) = keychain.load_named(JOURNAL_KEY_ACCOUNT).map_err(fail)? {
            let bytes = STANDARD.decode(stored.expose().trim()).ok().filter(|b| b.len() == 32).ok_or_else(|| {
                Error::NoJournalKey(format!("the keychain's `{JOURNAL_KEY_ACCOUNT}` entry is not a key"))
            })?;
            return Ok(JournalKey::from_bytes(&bytes));
        }
        let key = ChaCha20Poly1305::generate_key(&mut OsRng);
        keychain.store_named(JOURNAL_KEY_ACCOUNT, &ApiKey::new(STANDARD.encode(key))).map_err(fail)?;
        Ok(JournalKey { cipher: ChaCha20Poly1305::new(&key) })
    }

    /// A key that lives only in this process (benchmarks and tests of jobs that are never
    /// resumed by another process).
    pub fn ephemeral() -> JournalKey {
        JournalKey { cipher: ChaCha20Poly1305::new(&ChaCha20Poly1305::generate_key(&mut OsRng)) }
    }

    fn from_bytes(bytes: &[u8]) -> JournalKey {
        JournalKey { cipher: ChaCha20Poly1305::new(Key::from_slice(bytes)) }
    }

    /// `base64(nonce ‖ ciphertext)`, bound to `context` (job id and step index).
    pub fn seal(&self, plain: &[u8], context: &str) -> String {
        let nonce = ChaCha20Poly1305::generate_nonce(&mut OsRng);
        let sealed = self
            .cipher
            .encrypt(&nonce, Payload { msg: plain, aad: context.as_bytes() })
            .expect("ChaCha20-Poly1305 encryption of an in-memory buffer cannot fail");
        let mut out = nonce.to_vec();
        out.extend_from_slice(&sealed);
        STANDARD.encode(out)
    }

    /// The plain bytes, or `None` if the entry was not sealed by this key for this context.
    pub fn open(&self, sealed: &str, context: &str) -> Option<Vec<u8>> {
        let raw = STANDARD.decode(sealed).ok()?;
        if raw.len() < 12 {
            return None;
        }
        let (nonce, body) = raw.split_at(12);
        self.cipher.decrypt(Nonce::from_slice(nonce), Payload { msg: body, aad: context.as_bytes() }).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_entries_open_only_with_their_key_and_context() {
        let key = JournalKey::ephemeral();
        let sealed = key.seal(b"CODE-1234", "job:1");
        assert!(!sealed.contains("CODE"));
        assert_eq!(key.open(&sealed, "job:1").unwrap(), b"CODE-1234");
        assert!(key.open(&sealed, "job:2").is_none());
        assert!(JournalKey::ephemeral().open(&sealed, "job:1").is_none());
    }
}
