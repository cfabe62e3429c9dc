//! Bookmarks: buckets (and optionally a prefix in one) that a profile opens by name. A key that
//! may not list buckets (ListBuckets → AccessDenied), or may list only under a prefix, reaches
//! its buckets this way; any bucket can be a favourite. Kept per profile id in
//! `bookmarks.json` in the app's config folder (whole-file atomic writes, mode 0600, like the
//! profiles file), removed with its profile.

use crate::error::{AppError, ErrorCode, Result};
use crate::json_file::JsonFile;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Bookmark {
    pub bucket: String,
    /// A folder inside the bucket (ends with `/`), or empty for the bucket's top.
    #[serde(default)]
    pub prefix: String,
}

impl Bookmark {
    /// Trims the bucket, drops a leading `/` of the prefix and ends a non-empty prefix with `/`
    /// (a bookmark opens a folder). Refuses an empty bucket or one with `/` in it.
    pub fn normalized(bucket: &str, prefix: &str) -> Result<Self> {
        let bucket = bucket.trim();
        if bucket.is_empty() {
            return Err(AppError::invalid_input("the bucket name is empty"));
        }
        if bucket.contains('/') || bucket.chars().any(char::is_whitespace) {
            return Err(AppError::invalid_input(format!(
                "{bucket:?} is not a bucket name (no '/' or spaces; a folder goes in the prefix)"
            )));
        }
        let mut prefix = prefix.trim_start_matches('/').to_owned();
        if !prefix.is_empty() && !prefix.ends_with('/') {
            prefix.push('/');
        }
        Ok(Self { bucket: bucket.to_owned(), prefix })
    }
}

/// Whether this key may list the bookmark's folder: one ListObjectsV2 of at most one key, under
/// the prefix. "Open bucket…" asks it before keeping a bookmark, so a typo or a missing grant is
/// said at once (NoSuchBucket, AccessDenied) rather than on the next start.
pub async fn check_access(s3: &aws_sdk_s3::Client, bookmark: &Bookmark) -> Result<()> {
    s3.list_objects_v2()
        .bucket(&bookmark.bucket)
        .prefix(&bookmark.prefix)
        .delimiter("/")
        .max_keys(1)
        .send()
        .await
        .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchBucket))?;
    Ok(())
}

/// "Open bucket…": checks that this key may list the folder, then keeps it as a bookmark of the
/// profile. Nothing is kept when the server refuses.
pub async fn open_and_keep(
    s3: &aws_sdk_s3::Client,
    store: &BookmarkStore,
    profile_id: &str,
    bucket: &str,
    prefix: &str,
) -> Result<Bookmark> {
    let bookmark = Bookmark::normalized(bucket, prefix)?;
    check_access(s3, &bookmark).await?;
    store.add(profile_id, &bookmark.bucket, &bookmark.prefix)
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct BookmarkFile {
    version: u32,
    /// Profile id → its bookmarks, in the order they were added.
    profiles: BTreeMap<String, Vec<Bookmark>>,
}

#[derive(Debug, Clone)]
pub struct BookmarkStore {
    file: JsonFile<BookmarkFile>,
}

impl BookmarkStore {
    pub fn new(config_dir: &Path) -> Self {
        Self { file: JsonFile::new(config_dir.join("bookmarks.json"), "bookmarks") }
    }

    pub fn path(&self) -> &Path {
        self.file.path()
    }

    fn load(&self) -> Result<BookmarkFile> {
        self.file.load()
    }

    /// Changes the file and writes it back, without profiles left with no bookmark.
    fn modify<T>(&self, f: impl FnOnce(&mut BookmarkFile) -> T) -> Result<T> {
        self.file.update(|file| {
            let out = f(file);
            file.version = 1;
            file.profiles.retain(|_, b| !b.is_empty());
            (out, true)
        })
    }

    pub fn list(&self, profile_id: &str) -> Result<Vec<Bookmark>> {
        Ok(self.load()?.profiles.remove(profile_id).unwrap_or_default())
    }

    /// Adds a bookmark (normalized); adding one that is there already changes nothing.
    pub fn add(&self, profile_id: &str, bucket: &str, prefix: &str) -> Result<Bookmark> {
        let bookmark = Bookmark::normalized(bucket, prefix)?;
        let added = bookmark.clone();
        self.modify(move |file| {
            let list = file.profiles.entry(profile_id.to_owned()).or_default();
            if !list.contains(&bookmark) {
                list.push(bookmark);
            }
        })?;
        Ok(added)
    }

    /// Removes a bookmark; `false` when there was none.
    pub fn remove(&self, profile_id: &str, bookmark: &Bookmark) -> Result<bool> {
        self.modify(|file| {
            let Some(list) = file.profiles.get_mut(profile_id) else { return false };
            let before = list.len();
            list.retain(|b| b != bookmark);
            list.len() != before
        })
    }

    /// Every bookmark of a profile (when the profile is deleted).
    pub fn remove_profile(&self, profile_id: &str) -> Result<()> {
        if !self.load()?.profiles.contains_key(profile_id) {
            return Ok(());
        }
        self.modify(|file| {
            file.profiles.remove(profile_id);
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn temp_dir() -> PathBuf {
        std::env::temp_dir().join(format!("zos-bookmarks-{}", uuid::Uuid::new_v4()))
    }

    #[test]
    fn bookmarks_survive_a_restart_per_profile() {
        let dir = temp_dir();
        let store = BookmarkStore::new(&dir);
        assert!(store.list("p1").unwrap().is_empty());
        store.add("p1", " shared ", "").unwrap();
        store.add("p1", "other", "/team/docs").unwrap();
        store.add("p1", "shared", "").unwrap(); // twice: once
        store.add("p2", "mine", "").unwrap();

        // A new store on the same folder is what the next start of the app reads.
        let again = BookmarkStore::new(&dir);
        assert_eq!(
            again.list("p1").unwrap(),
            [
                Bookmark { bucket: "shared".into(), prefix: "".into() },
                Bookmark { bucket: "other".into(), prefix: "team/docs/".into() }
            ]
        );
        assert_eq!(again.list("p2").unwrap().len(), 1);

        assert!(again.remove("p1", &Bookmark { bucket: "shared".into(), prefix: "".into() }).unwrap());
        assert!(!again.remove("p1", &Bookmark { bucket: "shared".into(), prefix: "".into() }).unwrap());
        again.remove_profile("p2").unwrap();
        let third = BookmarkStore::new(&dir);
        assert_eq!(third.list("p1").unwrap().len(), 1);
        assert!(third.list("p2").unwrap().is_empty());
        let text = std::fs::read_to_string(third.path()).unwrap();
        assert!(!text.contains("p2"), "{text}");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn the_file_is_private_and_no_temporary_file_is_left() {
        use std::os::unix::fs::PermissionsExt;
        let dir = temp_dir();
        let store = BookmarkStore::new(&dir);
        store.add("p", "b", "").unwrap();
        let mode = std::fs::metadata(store.path()).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{mode:o}");
        let names: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["bookmarks.json"]);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_bookmark_is_a_bucket_name_and_a_folder() {
        assert!(Bookmark::normalized(" ", "").is_err());
        assert!(Bookmark::normalized("a/b", "").is_err());
        assert!(Bookmark::normalized("a b", "").is_err());
        assert_eq!(Bookmark::normalized("b", "x").unwrap().prefix, "x/");
        assert_eq!(Bookmark::normalized("b", "/x/y/").unwrap().prefix, "x/y/");
    }

    #[test]
    fn concurrent_adds_lose_nothing() {
        let dir = temp_dir();
        let store = BookmarkStore::new(&dir);
        let threads: Vec<_> = (0..16)
            .map(|i| {
                let store = store.clone();
                std::thread::spawn(move || {
                    store.add("p", &format!("b{i}"), "").unwrap();
                })
            })
            .collect();
        threads.into_iter().for_each(|t| t.join().unwrap());
        assert_eq!(store.list("p").unwrap().len(), 16);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
