//! The one door to profiles and their secrets. Cheap to clone (shared state inside).

use super::exchange::{self, AwsFiles, AwsImportChoice, ExportedProfile};
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
        let network = input.network;
        let (store, secrets) = (self.store.clone(), self.secrets.clone());
        let saved = blocking(move || {
            let stored = if is_edit { Some(store.get(&id)?) } else { None };
            let profile = super::network::with_ca(profile, &network.ca, stored.as_ref())?;
            if let Some(secret) = secret {
                secrets.set(&id, &secret)?;
            }
            super::network::store_proxy_password(&secrets, &profile, network.proxy_password.as_deref())?;
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
            secrets.delete(&super::proxy_password_account(&id))?;
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
        self.settings_with(profile, secret, None).await
    }

    /// [`Self::settings`], with the form's proxy password (else the keyring's).
    async fn settings_with(
        &self,
        profile: &Profile,
        secret: Option<String>,
        proxy_password: Option<String>,
    ) -> Result<ConnectionSettings> {
        let proxy_password = match proxy_password.filter(|p| !p.is_empty()) {
            Some(p) => Some(p),
            None if profile.proxy.username.is_some() => {
                let (secrets, account) = (self.secrets.clone(), super::proxy_password_account(&profile.id));
                blocking(move || secrets.get(&account)).await?
            }
            None => None,
        };
        let network = super::network::settings(profile.ca_pem.as_deref(), &profile.proxy, proxy_password);
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
            network,
        })
    }

    /// Saves an imported profile: the profile form's rule, except that the secret may be entered
    /// later (by editing the profile; until then it cannot connect and says so).
    /// Imports one profile of an export file, with the secret the user entered (or none yet)
    /// and the CA certificates it carries, checked as a chosen CA file is.
    pub async fn import(&self, exported: ExportedProfile, secret: Option<String>) -> Result<Profile> {
        let ca = match &exported.ca_pem {
            Some(pem) => Some((pem.clone(), crate::network::parse_pem(pem)?)),
            None => None,
        };
        self.save_imported_with_ca(exported.to_input(secret), ca).await
    }

    pub async fn save_imported(&self, input: ProfileInput) -> Result<Profile> {
        self.save_imported_with_ca(input, None).await
    }

    async fn save_imported_with_ca(
        &self,
        input: ProfileInput,
        ca: Option<(String, crate::network::CertificateSummary)>,
    ) -> Result<Profile> {
        if let Some(p) = exchange::import_problems(&input).into_iter().next() {
            let mut strict = input.clone();
            strict.secret_access_key = Some("-".into());
            strict.validate()?;
            return Err(AppError::invalid_input(p.detail));
        }
        let id = uuid::Uuid::new_v4().to_string();
        let mut profile = input.to_profile(id.clone());
        if let Some((pem, summary)) = ca {
            profile.ca_pem = Some(pem);
            profile.ca_certificate = Some(summary);
        }
        let secret = input.secret_access_key.filter(|s| !s.is_empty());
        let (store, secrets) = (self.store.clone(), self.secrets.clone());
        let saved = blocking(move || {
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

    /// The export file of these profiles (all when `ids` is empty): no secret, no id.
    pub async fn export(&self, ids: Vec<String>) -> Result<Vec<u8>> {
        let profiles = self.list().await?;
        let chosen: Vec<Profile> =
            profiles.into_iter().filter(|p| ids.is_empty() || ids.contains(&p.id)).collect();
        Ok(exchange::export_profiles(&chosen))
    }

    /// Imports the chosen profiles of the AWS CLI's files, read here (the UI names no file):
    /// each secret goes from the file straight to the keyring.
    pub async fn import_aws(&self, files: &AwsFiles, choices: Vec<AwsImportChoice>) -> Result<Vec<Profile>> {
        let files = files.clone();
        let entries = blocking(move || files.entries()).await?;
        let mut saved = Vec::new();
        for choice in choices {
            let entry = entries.get(&choice.aws_profile).cloned().unwrap_or_default();
            saved.push(self.save_imported(choice.to_input(&entry)?).await?);
        }
        Ok(saved)
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
        let stored = match &input.id {
            Some(id) => Some(self.get(id).await?),
            None => None,
        };
        let profile = super::network::with_ca(profile, &input.network.ca, stored.as_ref())?;
        let settings = self
            .settings_with(&profile, input.secret_access_key.clone(), input.network.proxy_password.clone())
            .await?;
        connection::test_connection(&settings).await
    }
}
