//! The one door to profiles and their secrets. Cheap to clone (shared state inside).

use super::{check, Profile, ProfileCheck, ProfileInput, ProfileStore, SecretStore};
use crate::bookmarks::BookmarkStore;
use crate::client::ConnectionSettings;
use crate::connection::{self, ConnectionReport};
use crate::error::{AppError, ErrorCode, Result};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

#[derive(Debug, Clone)]
pub struct ProfileService {
    store: ProfileStore,
    secrets: SecretStore,
    /// Each profile's bookmarks; they leave with their profile.
    bookmarks: BookmarkStore,
    /// Bumped by every change of a profile or a secret: sessions built before it are stale.
    revision: Arc<AtomicU64>,
}

/// Keyring and file work blocks (D-Bus, fsync): keep it off the async workers.
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> Result<T> + Send + 'static) -> Result<T> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| AppError::new(ErrorCode::Unknown, format!("background task failed: {e}")))?
}

impl ProfileService {
    pub fn new(config_dir: &Path, secrets: SecretStore) -> Self {
        Self {
            store: ProfileStore::new(config_dir),
            secrets,
            bookmarks: BookmarkStore::new(config_dir),
            revision: Arc::default(),
        }
    }

    pub fn from_env() -> Self {
        Self::new(&crate::paths::config_dir(), SecretStore::default())
    }

    pub fn store(&self) -> &ProfileStore {
        &self.store
    }

    pub fn bookmarks(&self) -> &BookmarkStore {
        &self.bookmarks
    }

    pub fn secrets(&self) -> &SecretStore {
        &self.secrets
    }

    pub fn revision(&self) -> u64 {
        self.revision.load(Ordering::SeqCst)
    }

    fn changed(&self) {
        self.revision.fetch_add(1, Ordering::SeqCst);
    }

    /// The profiles, from the file alone: listing never touches the keyring, so a locked
    /// keyring asks for nothing until a profile connects.
    pub async fn list(&self) -> Result<Vec<Profile>> {
        let store = self.store.clone();
        blocking(move || store.load()).await
    }

    pub fn check(&self, input: &ProfileInput) -> ProfileCheck {
        check(input)
    }

    /// Creates or updates a profile. The secret, when given, goes to the keyring first: a
    /// profile is never written that points at a secret the keyring refused.
    pub async fn save(&self, input: ProfileInput) -> Result<Profile> {
        input.validate()?;
        let id = input.id.clone().unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
        let profile = input.to_profile(id.clone());
        let is_edit = input.id.is_some();
        let secret = input.secret_access_key.filter(|s| !s.is_empty());
        let (store, secrets) = (self.store.clone(), self.secrets.clone());
        let saved = blocking(move || {
            if is_edit {
                store.get(&id)?;
            }
            if let Some(secret) = secret {
                secrets.set(&id, &secret)?;
            }
            store.upsert(profile.clone())?;
            Ok(profile)
        })
        .await;
        self.changed();
        saved
    }

    /// Removes the secret first, then the profile: when the keyring refuses (locked), the
    /// profile stays listed and the user can try again; a retry after a failure between the
    /// two steps finds no secret (fine) and removes the profile.
    pub async fn delete(&self, id: String) -> Result<()> {
        let (store, secrets, bookmarks) = (self.store.clone(), self.secrets.clone(), self.bookmarks.clone());
        let result = blocking(move || {
            store.get(&id)?;
            secrets.delete(&id)?;
            store.remove(&id)?;
            bookmarks.remove_profile(&id)?;
            Ok(())
        })
        .await;
        self.changed();
        result
    }

    /// What it takes to connect as this profile: the secret is looked up in the keyring now,
    /// unless the caller has one (the form's, before saving).
    pub async fn settings(&self, profile: &Profile, secret: Option<String>) -> Result<ConnectionSettings> {
        let secret = match secret.filter(|s| !s.is_empty()) {
            Some(s) => s,
            None => {
                let (secrets, id) = (self.secrets.clone(), profile.id.clone());
                blocking(move || secrets.get(&id)).await?.ok_or_else(|| {
                    AppError::new(ErrorCode::KeyringError, "the keyring holds no secret key for this profile")
                })?
            }
        };
        Ok(ConnectionSettings {
            endpoint: profile.endpoint.clone(),
            region: profile.region.clone(),
            path_style: profile.path_style,
            access_key_id: profile.access_key_id.clone(),
            secret_access_key: secret,
            network: Default::default(),
        })
    }

    pub async fn get(&self, id: &str) -> Result<Profile> {
        let (store, id) = (self.store.clone(), id.to_owned());
        blocking(move || store.get(&id)).await
    }

    /// Tests the form's values, before or after saving; without a secret in the form, the
    /// stored one of the same profile is used.
    pub async fn test_connection(&self, input: ProfileInput) -> Result<ConnectionReport> {
        input.validate()?;
        let profile = input.to_profile(input.id.clone().unwrap_or_default());
        let settings = self.settings(&profile, input.secret_access_key.clone()).await?;
        connection::test_connection(&settings).await
    }
}
