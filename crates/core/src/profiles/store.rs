//! The profiles file (`profiles.json` in the app's config folder): every field of a profile but
//! its secret. Writes are whole-file replacements, one writer at a time, so two quick saves
//! never lose one ([`crate::json_file`]).

use super::Profile;
use crate::error::{AppError, ErrorCode, Result};
use crate::json_file::JsonFile;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// A profile as the file holds it: what the user typed, nothing derived, never a secret.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct StoredProfile {
    id: String,
    name: String,
    endpoint: String,
    region: String,
    path_style: bool,
    access_key_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    search_endpoint: Option<String>,
    /// The profile's own CA (PEM text; public, not a secret).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ca_pem: Option<String>,
    #[serde(default, skip_serializing_if = "is_default")]
    proxy: super::ProfileProxy,
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

impl From<StoredProfile> for Profile {
    fn from(p: StoredProfile) -> Self {
        Profile {
            id: p.id,
            name: p.name,
            endpoint: p.endpoint,
            region: p.region,
            path_style: p.path_style,
            access_key_id: p.access_key_id,
            search_endpoint: p.search_endpoint,
            plain_http: false,
            ca_certificate: None,
            proxy: p.proxy,
            ca_pem: p.ca_pem,
        }
        .with_derived()
    }
}

impl From<Profile> for StoredProfile {
    fn from(p: Profile) -> Self {
        StoredProfile {
            id: p.id,
            name: p.name,
            endpoint: p.endpoint,
            region: p.region,
            path_style: p.path_style,
            access_key_id: p.access_key_id,
            search_endpoint: p.search_endpoint,
            ca_pem: p.ca_pem,
            proxy: p.proxy,
        }
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct ProfileFile {
    version: u32,
    profiles: Vec<StoredProfile>,
}

#[derive(Debug, Clone)]
pub struct ProfileStore {
    file: JsonFile<ProfileFile>,
}

impl ProfileStore {
    pub fn new(config_dir: &Path) -> Self {
        Self { file: JsonFile::new(config_dir.join("profiles.json"), "profiles") }
    }

    pub fn path(&self) -> &Path {
        self.file.path()
    }

    pub fn load(&self) -> Result<Vec<Profile>> {
        Ok(self.file.load()?.profiles.into_iter().map(Profile::from).collect())
    }

    pub fn get(&self, id: &str) -> Result<Profile> {
        self.load()?
            .into_iter()
            .find(|p| p.id == id)
            .ok_or_else(|| AppError::new(ErrorCode::ProfileNotFound, format!("no profile {id:?}")))
    }

    /// Inserts or replaces the profile with the same id.
    pub fn upsert(&self, profile: Profile) -> Result<()> {
        let profile = StoredProfile::from(profile);
        self.file.update(|file| {
            file.version = 1;
            match file.profiles.iter_mut().find(|p| p.id == profile.id) {
                Some(existing) => *existing = profile,
                None => file.profiles.push(profile),
            }
            ((), true)
        })
    }

    /// Removes a profile; `false` when there was none with this id.
    pub fn remove(&self, id: &str) -> Result<bool> {
        self.file.update(|file| {
            file.version = 1;
            let before = file.profiles.len();
            file.profiles.retain(|p| p.id != id);
            let removed = file.profiles.len() != before;
            (removed, removed)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profiles::ProfileInput;
    use std::path::PathBuf;

    fn temp_store() -> (PathBuf, ProfileStore) {
        let dir = std::env::temp_dir().join(format!("zos-profiles-{}", uuid::Uuid::new_v4()));
        let store = ProfileStore::new(&dir);
        (dir, store)
    }

    fn profile(id: &str) -> Profile {
        ProfileInput {
            id: None,
            name: format!("P {id}"),
            endpoint: "http://127.0.0.1:7480".into(),
            region: "".into(),
            path_style: true,
            access_key_id: "AK".into(),
            secret_access_key: None,
            search_endpoint: None,
            network: Default::default(),
        }
        .to_profile(id.into())
    }

    #[test]
    fn round_trips_without_secret_or_derived_fields() {
        let (dir, store) = temp_store();
        assert!(store.load().unwrap().is_empty());
        let p = profile("id1");
        store.upsert(p.clone()).unwrap();
        let mut renamed = p.clone();
        renamed.name = "Renamed".into();
        store.upsert(renamed).unwrap();
        let all = store.load().unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].name, "Renamed");
        assert!(all[0].plain_http, "derived again on reading");
        let text = std::fs::read_to_string(store.path()).unwrap();
        assert!(!text.to_lowercase().contains("secret"), "{text}");
        assert!(!text.contains("plainHttp"), "{text}");
        assert!(store.remove("id1").unwrap());
        assert!(!store.remove("id1").unwrap());
        assert_eq!(store.get("id1").unwrap_err().code, ErrorCode::ProfileNotFound);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn the_file_is_private_to_its_owner() {
        use std::os::unix::fs::PermissionsExt;
        let (dir, store) = temp_store();
        store.upsert(profile("a")).unwrap();
        let mode = std::fs::metadata(store.path()).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{mode:o}");
        let leftovers: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(leftovers, ["profiles.json"], "no temporary file is left behind");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn concurrent_saves_lose_nothing() {
        let (dir, store) = temp_store();
        let threads: Vec<_> = (0..24)
            .map(|i| {
                let store = store.clone();
                std::thread::spawn(move || store.upsert(profile(&format!("p{i}"))).unwrap())
            })
            .collect();
        threads.into_iter().for_each(|t| t.join().unwrap());
        let mut ids: Vec<String> = store.load().unwrap().into_iter().map(|p| p.id).collect();
        ids.sort();
        let mut want: Vec<String> = (0..24).map(|i| format!("p{i}")).collect();
        want.sort();
        assert_eq!(ids, want);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
