//! Secret keys in the OS keyring (Secret Service on Linux, Keychain on macOS, Credential
//! Manager on Windows), one entry per profile. Nothing else in the app ever stores a secret.
//! Entries are looked up by attribute (service + profile id) only when a profile connects.

use crate::error::{AppError, ErrorCode, Result};

const SERVICE: &str = "zos-browser";

#[derive(Debug, Clone)]
pub struct SecretStore {
    service: String,
}

impl Default for SecretStore {
    fn default() -> Self {
        Self { service: SERVICE.to_owned() }
    }
}

fn keyring_error(action: &str, err: keyring::Error) -> AppError {
    // keyring's messages name the store and the failure, never the secret.
    AppError::new(ErrorCode::KeyringError, format!("{action}: {err}"))
}

impl SecretStore {
    /// A store under another service name, so tests never touch the user's real entries.
    pub fn with_service(service: impl Into<String>) -> Self {
        Self { service: service.into() }
    }

    fn entry(&self, profile_id: &str) -> Result<keyring::Entry> {
        keyring::Entry::new(&self.service, profile_id)
            .map_err(|e| keyring_error("opening the keyring entry", e))
    }

    pub fn set(&self, profile_id: &str, secret: &str) -> Result<()> {
        self.entry(profile_id)?
            .set_password(secret)
            .map_err(|e| keyring_error("storing the secret key in the keyring", e))
    }

    pub fn get(&self, profile_id: &str) -> Result<Option<String>> {
        match self.entry(profile_id)?.get_password() {
            Ok(secret) => Ok(Some(secret)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(keyring_error("reading the secret key from the keyring", e)),
        }
    }

    /// Removes the secret; a secret that is not there counts as removed (so a retry after a
    /// half-done delete succeeds).
    pub fn delete(&self, profile_id: &str) -> Result<()> {
        match self.entry(profile_id)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(keyring_error("removing the secret key from the keyring", e)),
        }
    }
}
