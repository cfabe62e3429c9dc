//! The façade the app talks to: profiles + keyring + one cached S3 client per profile.
//! Each method is what one IPC command does, so the Tauri commands stay one line long.

use crate::buckets::{self, BucketSummary, BucketUsage, CreateBucketRequest};
use crate::client::{build_s3_client, ConnectionSettings};
use crate::connection::{self, ConnectionReport};
use crate::error::{codes, AppError, Result};
use crate::objects::{self, DeleteReport, ObjectDetails, ObjectEntry, ObjectPage};
use crate::profiles::{Profile, ProfileInput, ProfileStore};
use crate::secrets::SecretStore;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Where the app keeps its files. `ZOS_BROWSER_CONFIG_DIR` / `ZOS_BROWSER_DATA_DIR` override the
/// platform folders (used by the sandbox and the tests).
pub fn config_dir() -> PathBuf {
    std::env::var_os("ZOS_BROWSER_CONFIG_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| dirs::config_dir().unwrap_or_else(std::env::temp_dir).join("zos-browser"))
}

pub fn data_dir() -> PathBuf {
    std::env::var_os("ZOS_BROWSER_DATA_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| dirs::data_local_dir().unwrap_or_else(std::env::temp_dir).join("zos-browser"))
}

pub struct Workspace {
    profiles: ProfileStore,
    secrets: SecretStore,
    clients: Mutex<HashMap<String, aws_sdk_s3::Client>>,
}

async fn blocking<T: Send + 'static>(f: impl FnOnce() -> Result<T> + Send + 'static) -> Result<T> {
    // Keyring calls block on D-Bus: keep them off the async workers.
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| AppError::new(codes::UNKNOWN, format!("background task failed: {e}")))?
}

impl Workspace {
    pub fn new(config_dir: &Path, secrets: SecretStore) -> Self {
        Self { profiles: ProfileStore::new(config_dir), secrets, clients: Mutex::new(HashMap::new()) }
    }

    pub fn from_env() -> Self {
        Self::new(&config_dir(), SecretStore::default())
    }

    pub fn profile_store(&self) -> &ProfileStore {
        &self.profiles
    }

    fn forget_client(&self, profile_id: &str) {
        self.clients.lock().expect("client cache lock").remove(profile_id);
    }

    // ---- profiles ----

    pub async fn list_profiles(&self) -> Result<Vec<Profile>> {
        let (store, secrets) = (self.profiles.clone(), self.secrets.clone());
        blocking(move || {
            let mut profiles = store.load()?;
            for p in &mut profiles {
                // A locked or missing keyring must not hide the profiles: connecting will
                // report the keyring's error in words.
                p.has_secret = match secrets.get(&p.id) {
                    Ok(secret) => secret.is_some(),
                    Err(e) => {
                        tracing::warn!("keyring unavailable while listing profiles: {e}");
                        false
                    }
                };
            }
            Ok(profiles)
        })
        .await
    }

    /// Creates or updates a profile. The secret, when given, goes to the keyring first: a
    /// profile is never written that points at a secret the keyring refused.
    pub async fn save_profile(&self, input: ProfileInput) -> Result<Profile> {
        input.validate()?;
        let id = input.id.clone().unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
        if input.id.is_some() {
            self.profiles.get(&id)?;
        }
        let mut profile = input.to_profile(id.clone());
        let (store, secrets) = (self.profiles.clone(), self.secrets.clone());
        let secret = input.secret_access_key.filter(|s| !s.is_empty());
        let saved = blocking(move || {
            if let Some(secret) = secret {
                secrets.set(&id, &secret)?;
            }
            profile.has_secret = secrets.get(&id)?.is_some();
            store.upsert(profile.clone())?;
            Ok(profile)
        })
        .await?;
        self.forget_client(&saved.id);
        Ok(saved)
    }

    pub async fn delete_profile(&self, id: String) -> Result<()> {
        let (store, secrets) = (self.profiles.clone(), self.secrets.clone());
        let id2 = id.clone();
        blocking(move || {
            if !store.remove(&id2)? {
                return Err(AppError::new(codes::PROFILE_NOT_FOUND, format!("no profile {id2:?}")));
            }
            secrets.delete(&id2)
        })
        .await?;
        self.forget_client(&id);
        Ok(())
    }

    async fn settings_for(&self, profile: &Profile, secret: Option<String>) -> Result<ConnectionSettings> {
        let secret = match secret.filter(|s| !s.is_empty()) {
            Some(s) => s,
            None => {
                let (secrets, id) = (self.secrets.clone(), profile.id.clone());
                blocking(move || secrets.get(&id)).await?.ok_or_else(|| {
                    AppError::new(codes::KEYRING_ERROR, "the keyring holds no secret key for this profile")
                })?
            }
        };
        Ok(ConnectionSettings {
            endpoint: profile.endpoint.clone(),
            region: profile.region.clone(),
            path_style: profile.path_style,
            access_key_id: profile.access_key_id.clone(),
            secret_access_key: secret,
        })
    }

    /// Tests the form's values, before or after saving; without a secret in the form, the
    /// stored one of the same profile is used.
    pub async fn test_connection(&self, input: ProfileInput) -> Result<ConnectionReport> {
        input.validate()?;
        let profile = input.to_profile(input.id.clone().unwrap_or_default());
        let settings = self.settings_for(&profile, input.secret_access_key.clone()).await?;
        connection::test_connection(&settings).await
    }

    /// The S3 client of a profile, built once and reused (connection pool included).
    pub async fn s3(&self, profile_id: &str) -> Result<aws_sdk_s3::Client> {
        if let Some(c) = self.clients.lock().expect("client cache lock").get(profile_id) {
            return Ok(c.clone());
        }
        let profile = self.profiles.get(profile_id)?;
        let client = build_s3_client(&self.settings_for(&profile, None).await?)?;
        self.clients.lock().expect("client cache lock").insert(profile_id.to_owned(), client.clone());
        Ok(client)
    }

    // ---- buckets ----

    pub async fn list_buckets(&self, profile_id: &str) -> Result<Vec<BucketSummary>> {
        buckets::list_buckets(&self.s3(profile_id).await?).await
    }

    pub async fn create_bucket(&self, profile_id: &str, request: CreateBucketRequest) -> Result<()> {
        buckets::validate_bucket_name(&request.name)?;
        buckets::create_bucket(&self.s3(profile_id).await?, &request).await
    }

    pub async fn delete_bucket(&self, profile_id: &str, bucket: &str) -> Result<()> {
        buckets::delete_bucket(&self.s3(profile_id).await?, bucket).await
    }

    pub async fn bucket_usage(&self, profile_id: &str, bucket: &str) -> Result<BucketUsage> {
        buckets::bucket_usage(&self.s3(profile_id).await?, bucket).await
    }

    // ---- objects ----

    pub async fn list_objects(
        &self,
        profile_id: &str,
        bucket: &str,
        prefix: &str,
        continuation_token: Option<String>,
        max_keys: Option<i32>,
    ) -> Result<ObjectPage> {
        objects::list_objects(&self.s3(profile_id).await?, bucket, prefix, continuation_token, max_keys).await
    }

    pub async fn head_object(&self, profile_id: &str, bucket: &str, key: &str) -> Result<ObjectDetails> {
        objects::head_object(&self.s3(profile_id).await?, bucket, key).await
    }

    pub async fn download_object(
        &self,
        profile_id: &str,
        bucket: &str,
        key: &str,
        destination: &Path,
        progress: impl FnMut(u64, Option<u64>),
    ) -> Result<u64> {
        objects::download_object(&self.s3(profile_id).await?, bucket, key, destination, progress).await
    }

    pub async fn upload_file(
        &self,
        profile_id: &str,
        bucket: &str,
        key: &str,
        source: &Path,
        overwrite: bool,
    ) -> Result<ObjectEntry> {
        objects::upload_file(&self.s3(profile_id).await?, bucket, key, source, overwrite).await
    }

    pub async fn delete_objects(
        &self,
        profile_id: &str,
        bucket: &str,
        keys: &[String],
    ) -> Result<DeleteReport> {
        objects::delete_objects(&self.s3(profile_id).await?, bucket, keys).await
    }
}
