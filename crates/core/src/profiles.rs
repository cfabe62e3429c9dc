//! Connection profiles: everything about a connection except its secret, kept as JSON in the
//! app's config directory. The secret key lives in the OS keyring ([`crate::secrets`]).

use crate::client::validate_endpoint;
use crate::error::{codes, AppError, Result};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    pub id: String,
    pub name: String,
    pub endpoint: String,
    pub region: String,
    pub path_style: bool,
    pub access_key_id: String,
    /// Whether the keyring holds a secret for this profile: filled in on listing, never
    /// written to the profiles file (it is always false there, and false is not written).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub has_secret: bool,
}

/// What the profile form sends. `id: None` creates a profile; `secret_access_key: None` on an
/// existing profile keeps the stored secret.
#[derive(Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ProfileInput {
    pub id: Option<String>,
    pub name: String,
    pub endpoint: String,
    pub region: String,
    pub path_style: bool,
    pub access_key_id: String,
    pub secret_access_key: Option<String>,
}

impl std::fmt::Debug for ProfileInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProfileInput")
            .field("id", &self.id)
            .field("name", &self.name)
            .field("endpoint", &self.endpoint)
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &self.secret_access_key.as_ref().map(|_| "** redacted **"))
            .finish()
    }
}

impl ProfileInput {
    /// Validation before anything is stored or sent.
    pub fn validate(&self) -> Result<()> {
        if self.name.trim().is_empty() {
            return Err(AppError::invalid_input("the profile needs a name"));
        }
        validate_endpoint(&self.endpoint)?;
        if self.access_key_id.trim().is_empty() {
            return Err(AppError::invalid_input("the access key id is empty"));
        }
        if self.id.is_none() && self.secret_access_key.as_deref().is_none_or(|s| s.is_empty()) {
            return Err(AppError::invalid_input("a new profile needs its secret key"));
        }
        Ok(())
    }

    fn region_or_default(&self) -> String {
        let r = self.region.trim();
        if r.is_empty() {
            "default".to_owned()
        } else {
            r.to_owned()
        }
    }

    pub fn to_profile(&self, id: String) -> Profile {
        Profile {
            id,
            name: self.name.trim().to_owned(),
            endpoint: self.endpoint.trim().trim_end_matches('/').to_owned(),
            region: self.region_or_default(),
            path_style: self.path_style,
            access_key_id: self.access_key_id.trim().to_owned(),
            has_secret: false,
        }
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct ProfileFile {
    version: u32,
    profiles: Vec<Profile>,
}

/// The profiles file. Writes go to a temporary file first and are renamed into place, so a
/// crash never leaves half a file.
#[derive(Debug, Clone)]
pub struct ProfileStore {
    path: PathBuf,
}

impl ProfileStore {
    pub fn new(config_dir: &Path) -> Self {
        Self { path: config_dir.join("profiles.json") }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn load(&self) -> Result<Vec<Profile>> {
        match std::fs::read(&self.path) {
            Ok(bytes) => {
                let file: ProfileFile = serde_json::from_slice(&bytes).map_err(|e| {
                    AppError::new(codes::IO, format!("{} is damaged: {e}", self.path.display()))
                })?;
                Ok(file.profiles)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
            Err(e) => Err(AppError::io("reading the profiles", e)),
        }
    }

    pub fn get(&self, id: &str) -> Result<Profile> {
        self.load()?
            .into_iter()
            .find(|p| p.id == id)
            .ok_or_else(|| AppError::new(codes::PROFILE_NOT_FOUND, format!("no profile {id:?}")))
    }

    /// Inserts or replaces the profile with the same id.
    pub fn upsert(&self, profile: Profile) -> Result<()> {
        let mut profiles = self.load()?;
        match profiles.iter_mut().find(|p| p.id == profile.id) {
            Some(existing) => *existing = profile,
            None => profiles.push(profile),
        }
        self.save(profiles)
    }

    pub fn remove(&self, id: &str) -> Result<bool> {
        let mut profiles = self.load()?;
        let before = profiles.len();
        profiles.retain(|p| p.id != id);
        let removed = profiles.len() != before;
        if removed {
            self.save(profiles)?;
        }
        Ok(removed)
    }

    fn save(&self, mut profiles: Vec<Profile>) -> Result<()> {
        for p in &mut profiles {
            p.has_secret = false;
        }
        let dir = self.path.parent().expect("profiles file has a parent");
        std::fs::create_dir_all(dir).map_err(|e| AppError::io("creating the config folder", e))?;
        let json =
            serde_json::to_vec_pretty(&ProfileFile { version: 1, profiles }).expect("profiles serialize");
        let tmp = self.path.with_extension("json.tmp");
        std::fs::write(&tmp, json).map_err(|e| AppError::io("writing the profiles", e))?;
        std::fs::rename(&tmp, &self.path).map_err(|e| AppError::io("saving the profiles", e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ProfileInput {
        ProfileInput {
            id: None,
            name: " Local ".into(),
            endpoint: "http://127.0.0.1:7480/".into(),
            region: "".into(),
            path_style: true,
            access_key_id: "AK".into(),
            secret_access_key: Some("s".into()),
        }
    }

    #[test]
    fn validation_says_what_is_wrong_before_anything_is_sent() {
        assert!(input().validate().is_ok());
        let mut i = input();
        i.name = " ".into();
        assert!(i.validate().unwrap_err().detail.contains("name"));
        let mut i = input();
        i.secret_access_key = None;
        assert!(i.validate().unwrap_err().detail.contains("secret"));
        let mut i = input();
        i.endpoint = "127.0.0.1:7480".into();
        assert_eq!(i.validate().unwrap_err().code, "InvalidEndpoint");
        let mut i = input();
        i.id = Some("x".into());
        i.secret_access_key = None; // editing keeps the stored secret
        assert!(i.validate().is_ok());
    }

    #[test]
    fn normalizes_and_round_trips_without_secret() {
        let dir = std::env::temp_dir().join(format!("zos-profiles-{}", uuid::Uuid::new_v4()));
        let store = ProfileStore::new(&dir);
        assert!(store.load().unwrap().is_empty());
        let p = input().to_profile("id1".into());
        assert_eq!(p.endpoint, "http://127.0.0.1:7480");
        assert_eq!(p.region, "default");
        assert_eq!(p.name, "Local");
        store.upsert(p.clone()).unwrap();
        let mut renamed = p.clone();
        renamed.name = "Renamed".into();
        store.upsert(renamed).unwrap();
        let all = store.load().unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].name, "Renamed");
        let text = std::fs::read_to_string(store.path()).unwrap();
        assert!(!text.to_lowercase().contains("secret"), "{text}");
        assert!(store.remove("id1").unwrap());
        assert!(!store.remove("id1").unwrap());
        assert_eq!(store.get("id1").unwrap_err().code, "ProfileNotFound");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
