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
use std::path::Path;

use crate::{
    private::{narrow, private_dir, private_options},
    Error, Result,
};

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

/// The lock file in the data dir that makes creating the journal key atomic across processes.
pub const JOURNAL_KEY_LOCK: &str = "journal-key.lock";

impl JournalKey {
    /// The key in the OS keychain, or `None` when there is none. Never creates one: reading a
    /// job (results, listings, resume, retry) must not replace a lost key with a new one, which
    /// would hide the loss and make the job's sealed steps look damaged. Fails when the keychain
    /// is not usable (locked, no Secret Service) or its entry is not a key.
    pub fn existing() -> Result<Option<JournalKey>> {
        let stored = Keychain::new().load_named(JOURNAL_KEY_ACCOUNT).map_err(|e| Error::NoJournalKey(e.to_string()))?;
        stored.map(|s| JournalKey::decode(s.expose())).transpose()
    }

    /// The key to seal a new job with: the keychain's, or a new one stored there if there is
    /// none. Only planning a new job that seals calls this. Creating is atomic across processes
    /// and threads: under an exclusive lock on `<data_dir>/journal-key.lock` (0600) the
    /// keychain is read again and a key is created only if there is still none, so jobs started
    /// at once on first use all seal with the one key that stays in the keychain.
    pub fn for_new_job(data_dir: &Path) -> Result<JournalKey> {
        if let Some(key) = JournalKey::existing()? {
            return Ok(key);
        }
        let io = |e: std::io::Error| Error::journal(&data_dir.join(JOURNAL_KEY_LOCK), e);
        private_dir(data_dir).map_err(|e| Error::journal(data_dir, e))?;
        let file = private_options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(data_dir.join(JOURNAL_KEY_LOCK))
            .map_err(io)?;
        narrow(&file).map_err(io)?;
        let mut lock = fd_lock::RwLock::new(file);
        let _only_creator = lock.write().map_err(io)?;
        if let Some(key) = JournalKey::existing()? {
            return Ok(key);
        }
        let key = ChaCha20Poly1305::generate_key(&mut OsRng);
        Keychain::new()
            .store_named(JOURNAL_KEY_ACCOUNT, &ApiKey::new(STANDARD.encode(key)))
            .map_err(|e| Error::NoJournalKey(e.to_string()))?;
        // What the keychain holds now is the key (a writer that does not take the lock, such
        // as an older version, could have stored another meanwhile).
        JournalKey::existing()?.ok_or_else(|| {
            Error::NoJournalKey(format!("the keychain did not keep the `{JOURNAL_KEY_ACCOUNT}` entry just stored"))
        })
    }

    /// [`JournalKey::for_new_job`] in the default data dir ([`crate::data_dir`]).
    pub fn from_keychain() -> Result<JournalKey> {
        JournalKey::for_new_job(&crate::data_dir()?)
    }

    fn decode(stored: &str) -> Result<JournalKey> {
        let bytes =
            STANDARD.decode(stored.trim()).ok().filter(|b| b.len() == 32).ok_or_else(|| {
                Error::NoJournalKey(format!("the keychain's `{JOURNAL_KEY_ACCOUNT}` entry is not a key"))
            })?;
        Ok(JournalKey::from_bytes(&bytes))
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
