//! Thumbnails cached on disk under a size cap. An entry is named by the MD5 of what identifies
//! the picture (endpoint, bucket, key, version and ETag), so a changed object gets a new entry
//! and an old one ages out. Least recently used entries go first when the cap is passed.

use md5::{Digest, Md5};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

/// The default cap: 256 MiB, about 20,000 thumbnails of 256 px.
pub const DEFAULT_CAP_BYTES: u64 = 256 * 1024 * 1024;

pub struct ThumbCache {
    dir: PathBuf,
    cap_bytes: u64,
    /// Serializes evictions (reads and writes of distinct entries need no lock).
    evicting: Mutex<()>,
}

/// What identifies one thumbnail.
pub struct ThumbId<'a> {
    pub endpoint: &'a str,
    pub bucket: &'a str,
    pub key: &'a str,
    pub version_id: Option<&'a str>,
    pub etag: &'a str,
    pub edge: u32,
}

impl ThumbId<'_> {
    fn file_name(&self) -> String {
        let mut hash = Md5::new();
        for part in [self.endpoint, self.bucket, self.key, self.version_id.unwrap_or(""), self.etag] {
            hash.update(part.as_bytes());
            hash.update([0u8]);
        }
        hash.update(self.edge.to_le_bytes());
        let digest = hash.finalize();
        digest.iter().map(|b| format!("{b:02x}")).collect::<String>() + ".thumb"
    }
}

impl ThumbCache {
    pub fn new(dir: PathBuf, cap_bytes: u64) -> Self {
        Self { dir, cap_bytes, evicting: Mutex::new(()) }
    }

    /// The cache in the data folder with the default cap.
    pub fn in_data_dir() -> Self {
        Self::new(crate::paths::data_dir().join("thumbnails"), DEFAULT_CAP_BYTES)
    }

    pub fn get(&self, id: &ThumbId<'_>) -> Option<Vec<u8>> {
        let path = self.dir.join(id.file_name());
        let bytes = std::fs::read(&path).ok()?;
        // Touch it: eviction goes by modification time.
        let _ =
            std::fs::File::options().append(true).open(&path).and_then(|f| f.set_modified(SystemTime::now()));
        Some(bytes)
    }

    /// Stores a thumbnail (written to a temporary name, then renamed: a reader never sees half a
    /// file) and evicts the oldest entries past the cap. Failures only cost a cache miss.
    pub fn put(&self, id: &ThumbId<'_>, bytes: &[u8]) {
        if std::fs::create_dir_all(&self.dir).is_err() {
            return;
        }
        let name = id.file_name();
        let temp = self.dir.join(format!("{name}.{}.tmp", uuid::Uuid::new_v4().simple()));
        if std::fs::write(&temp, bytes).is_ok() && std::fs::rename(&temp, self.dir.join(&name)).is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        self.evict();
    }

    pub fn total_bytes(&self) -> u64 {
        entries(&self.dir).iter().map(|e| e.1).sum()
    }

    fn evict(&self) {
        let Ok(_guard) = self.evicting.lock() else { return };
        let mut all = entries(&self.dir);
        let mut total: u64 = all.iter().map(|e| e.1).sum();
        if total <= self.cap_bytes {
            return;
        }
        all.sort_by_key(|e| e.2);
        for (path, size, _) in all {
            if total <= self.cap_bytes {
                break;
            }
            if std::fs::remove_file(&path).is_ok() {
                total -= size;
            }
        }
    }
}

fn entries(dir: &Path) -> Vec<(PathBuf, u64, SystemTime)> {
    let Ok(read) = std::fs::read_dir(dir) else { return Vec::new() };
    read.filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".thumb"))
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            Some((e.path(), meta.len(), meta.modified().unwrap_or(SystemTime::UNIX_EPOCH)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(key: &str) -> ThumbId<'_> {
        ThumbId { endpoint: "http://e", bucket: "b", key, version_id: None, etag: "\"x\"", edge: 256 }
    }

    #[test]
    fn entries_round_trip_and_the_oldest_go_past_the_cap() {
        let dir = std::env::temp_dir().join(format!("zos-thumbs-{}", uuid::Uuid::new_v4().simple()));
        let cache = ThumbCache::new(dir.clone(), 2500);
        for (i, key) in ["a", "b", "c"].iter().enumerate() {
            cache.put(&id(key), &vec![i as u8; 1000]);
            std::thread::sleep(std::time::Duration::from_millis(20));
            if i == 1 {
                // "a" is read again, so "b" is now the least recently used.
                assert_eq!(cache.get(&id("a")).unwrap(), vec![0u8; 1000]);
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        }
        assert!(cache.total_bytes() <= 2500);
        assert!(cache.get(&id("b")).is_none(), "the least recently used went first");
        assert_eq!(cache.get(&id("c")).unwrap(), vec![2u8; 1000]);
        assert_eq!(cache.get(&id("a")).unwrap(), vec![0u8; 1000]);
        let changed = ThumbId { etag: "\"y\"", ..id("a") };
        assert!(cache.get(&changed).is_none(), "a changed object is a miss");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
