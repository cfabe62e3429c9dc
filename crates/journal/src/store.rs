use crate::ItemState;
use rusqlite::{params, Connection, OptionalExtension};
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub struct JournalError(pub String);

impl std::fmt::Display for JournalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "transfer journal: {}", self.0)
    }
}

impl std::error::Error for JournalError {}

impl From<rusqlite::Error> for JournalError {
    fn from(e: rusqlite::Error) -> Self {
        JournalError(e.to_string())
    }
}

pub type Result<T> = std::result::Result<T, JournalError>;

/// A transfer as the engine creates it. `spec` is the engine's own description (JSON): the
/// journal stores it and gives it back, it never reads it. It must not hold secrets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTransfer {
    pub kind: String,
    pub profile_id: String,
    pub bucket: String,
    pub spec: String,
    pub created_at_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredTransfer {
    pub id: i64,
    pub kind: String,
    pub profile_id: String,
    pub bucket: String,
    pub spec: String,
    pub created_at_ms: i64,
    /// Set when the user cancelled it or it finished: such transfers are not resumed.
    pub closed: bool,
    /// The engine's last word for its state (`None`: never set).
    pub state: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewItem {
    pub key: String,
    pub local_path: PathBuf,
    pub size: u64,
    /// Nanoseconds since the epoch of the source's modification time (uploads), or 0.
    pub mtime_ns: i64,
    /// The object's ETag when the item was queued (downloads), to notice a changed object.
    pub etag: Option<String>,
    /// Copies and moves: the destination key (`key` is the source).
    pub target: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredItem {
    pub id: i64,
    pub transfer_id: i64,
    pub key: String,
    pub local_path: PathBuf,
    pub size: u64,
    pub mtime_ns: i64,
    pub etag: Option<String>,
    pub target: Option<String>,
    pub state: ItemState,
    /// A multipart upload in progress for this item, or a download's temporary file.
    pub upload_id: Option<String>,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPart {
    pub number: u32,
    pub etag: String,
    pub size: u64,
}

/// The journal itself: synchronous. The engine uses it through [`crate::JournalHandle`].
pub struct Journal {
    conn: Connection,
}

const SCHEMA_VERSION: i32 = 1;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS transfers (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    profile_id TEXT NOT NULL,
    bucket TEXT NOT NULL,
    spec TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL,
    closed INTEGER NOT NULL DEFAULT 0,
    state TEXT
);
CREATE TABLE IF NOT EXISTS items (
    id INTEGER PRIMARY KEY,
    transfer_id INTEGER NOT NULL REFERENCES transfers(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    local_path BLOB NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    etag TEXT,
    target TEXT,
    state TEXT NOT NULL,
    upload_id TEXT,
    error TEXT
);
CREATE INDEX IF NOT EXISTS items_by_transfer ON items(transfer_id);
CREATE TABLE IF NOT EXISTS settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS parts (
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    etag TEXT NOT NULL,
    size INTEGER NOT NULL,
    PRIMARY KEY (item_id, number)
) WITHOUT ROWID;
";

#[cfg(unix)]
fn path_bytes(path: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str().as_bytes().to_vec()
}

#[cfg(unix)]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

#[cfg(not(unix))]
fn path_bytes(path: &Path) -> Vec<u8> {
    path.to_string_lossy().into_owned().into_bytes()
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}

fn state_of(text: String) -> rusqlite::Result<ItemState> {
    ItemState::parse(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("state {text:?}").into(),
        )
    })
}

impl Journal {
    /// Opens (creating) the journal file. The folder must exist.
    pub fn open(path: &Path) -> Result<Self> {
        Self::setup(Connection::open(path)?)
    }

    pub fn open_in_memory() -> Result<Self> {
        Self::setup(Connection::open_in_memory()?)
    }

    fn setup(conn: Connection) -> Result<Self> {
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let version: i32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(JournalError(format!(
                "written by a newer version of the app (schema {version}, this one knows {SCHEMA_VERSION})"
            )));
        }
        conn.execute_batch(SCHEMA)?;
        conn.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        Ok(Self { conn })
    }

    /// Runs `f` in one transaction.
    pub fn batch<T>(&mut self, f: impl FnOnce(&Journal) -> Result<T>) -> Result<T> {
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        match f(self) {
            Ok(value) => {
                self.conn.execute_batch("COMMIT")?;
                Ok(value)
            }
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }

    pub fn insert_transfer(&self, t: &NewTransfer) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO transfers (kind, profile_id, bucket, spec, created_at_ms) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![t.kind, t.profile_id, t.bucket, t.spec, t.created_at_ms],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Adds items to a transfer; returns their ids in order.
    pub fn insert_items(&self, transfer_id: i64, items: &[NewItem]) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "INSERT INTO items (transfer_id, key, local_path, size, mtime_ns, etag, target, state) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'queued')",
        )?;
        items
            .iter()
            .map(|item| {
                stmt.execute(params![
                    transfer_id,
                    item.key,
                    path_bytes(&item.local_path),
                    item.size as i64,
                    item.mtime_ns,
                    item.etag,
                    item.target
                ])?;
                Ok(self.conn.last_insert_rowid())
            })
            .collect()
    }

    pub fn set_spec(&self, transfer_id: i64, spec: &str) -> Result<()> {
        self.conn.execute("UPDATE transfers SET spec = ?2 WHERE id = ?1", params![transfer_id, spec])?;
        Ok(())
    }

    /// The engine's word for where a transfer stands (kept for the next start).
    pub fn set_transfer_state(&self, transfer_id: i64, state: &str) -> Result<()> {
        self.conn.execute("UPDATE transfers SET state = ?2 WHERE id = ?1", params![transfer_id, state])?;
        Ok(())
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", params![key], |r| r.get(0))
            .optional()?)
    }

    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    pub fn close_transfer(&self, transfer_id: i64) -> Result<()> {
        self.conn.execute("UPDATE transfers SET closed = 1 WHERE id = ?1", params![transfer_id])?;
        Ok(())
    }

    pub fn delete_transfer(&self, transfer_id: i64) -> Result<()> {
        self.conn.execute("DELETE FROM transfers WHERE id = ?1", params![transfer_id])?;
        Ok(())
    }

    /// Forgets every item of a transfer (a walk or listing that starts again).
    pub fn delete_items(&self, transfer_id: i64) -> Result<()> {
        self.conn.execute("DELETE FROM items WHERE transfer_id = ?1", params![transfer_id])?;
        Ok(())
    }

    pub fn set_item_state(&self, item_id: i64, state: ItemState, error: Option<&str>) -> Result<()> {
        self.conn.execute(
            "UPDATE items SET state = ?2, error = ?3 WHERE id = ?1",
            params![item_id, state.as_str(), error],
        )?;
        Ok(())
    }

    /// A new key (keep both), size or modification time for an item that has not started.
    pub fn update_item_source(
        &self,
        item_id: i64,
        key: &str,
        size: u64,
        mtime_ns: i64,
        etag: Option<&str>,
    ) -> Result<()> {
        self.conn.execute(
            "UPDATE items SET key = ?2, size = ?3, mtime_ns = ?4, etag = ?5 WHERE id = ?1",
            params![item_id, key, size as i64, mtime_ns, etag],
        )?;
        Ok(())
    }

    /// Starts (Some) or forgets (None) the multipart upload or temporary file of an item.
    /// Forgetting it also forgets its parts: they belonged to that upload.
    pub fn set_upload_id(&self, item_id: i64, upload_id: Option<&str>) -> Result<()> {
        self.conn.execute("UPDATE items SET upload_id = ?2 WHERE id = ?1", params![item_id, upload_id])?;
        if upload_id.is_none() {
            self.conn.execute("DELETE FROM parts WHERE item_id = ?1", params![item_id])?;
        }
        Ok(())
    }

    pub fn record_part(&self, item_id: i64, part: &StoredPart) -> Result<()> {
        self.conn.execute(
            "INSERT OR REPLACE INTO parts (item_id, number, etag, size) VALUES (?1, ?2, ?3, ?4)",
            params![item_id, part.number, part.etag, part.size as i64],
        )?;
        Ok(())
    }

    pub fn parts(&self, item_id: i64) -> Result<Vec<StoredPart>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT number, etag, size FROM parts WHERE item_id = ?1 ORDER BY number")?;
        let rows = stmt.query_map(params![item_id], |r| {
            Ok(StoredPart { number: r.get(0)?, etag: r.get(1)?, size: r.get::<_, i64>(2)? as u64 })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn transfer(&self, transfer_id: i64) -> Result<Option<StoredTransfer>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, kind, profile_id, bucket, spec, created_at_ms, closed, state FROM transfers WHERE id = ?1",
                params![transfer_id],
                transfer_row,
            )
            .optional()?)
    }

    /// Every transfer, oldest first.
    pub fn transfers(&self) -> Result<Vec<StoredTransfer>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, kind, profile_id, bucket, spec, created_at_ms, closed, state FROM transfers ORDER BY id",
        )?;
        let rows = stmt.query_map([], transfer_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn items(&self, transfer_id: i64) -> Result<Vec<StoredItem>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, transfer_id, key, local_path, size, mtime_ns, etag, state, upload_id, error, target FROM items WHERE transfer_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map(params![transfer_id], item_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Multipart uploads this app started and can still resume: `(upload id, transfer id)` of the
    /// open transfers of a profile and bucket.
    pub fn open_uploads(&self, profile_id: &str, bucket: &str) -> Result<Vec<(String, i64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT items.upload_id, transfers.id FROM items JOIN transfers ON items.transfer_id = transfers.id \
             WHERE transfers.closed = 0 AND transfers.kind = 'upload' AND transfers.profile_id = ?1 \
             AND transfers.bucket = ?2 AND items.upload_id IS NOT NULL",
        )?;
        let rows = stmt.query_map(params![profile_id, bucket], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn item(&self, item_id: i64) -> Result<Option<StoredItem>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, transfer_id, key, local_path, size, mtime_ns, etag, state, upload_id, error, target FROM items WHERE id = ?1",
                params![item_id],
                item_row,
            )
            .optional()?)
    }
}

fn item_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredItem> {
    Ok(StoredItem {
        id: r.get(0)?,
        transfer_id: r.get(1)?,
        key: r.get(2)?,
        local_path: path_from_bytes(r.get(3)?),
        size: r.get::<_, i64>(4)? as u64,
        mtime_ns: r.get(5)?,
        etag: r.get(6)?,
        state: state_of(r.get(7)?)?,
        upload_id: r.get(8)?,
        error: r.get(9)?,
        target: r.get(10)?,
    })
}

fn transfer_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredTransfer> {
    Ok(StoredTransfer {
        id: r.get(0)?,
        kind: r.get(1)?,
        profile_id: r.get(2)?,
        bucket: r.get(3)?,
        spec: r.get(4)?,
        created_at_ms: r.get(5)?,
        closed: r.get(6)?,
        state: r.get(7)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(key: &str) -> NewItem {
        NewItem {
            key: key.into(),
            local_path: PathBuf::from(format!("/tmp/{key}")),
            size: 7,
            mtime_ns: 42,
            etag: None,
            target: None,
        }
    }

    #[test]
    fn transfers_items_and_parts_survive_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite");
        let (transfer, items) = {
            let mut journal = Journal::open(&path).unwrap();
            journal
                .batch(|j| {
                    let t = j.insert_transfer(&NewTransfer {
                        kind: "upload".into(),
                        profile_id: "p".into(),
                        bucket: "b".into(),
                        spec: "{}".into(),
                        created_at_ms: 1,
                    })?;
                    let ids = j.insert_items(t, &[item("a"), item("b/c")])?;
                    j.set_upload_id(ids[1], Some("upload-1"))?;
                    j.record_part(ids[1], &StoredPart { number: 2, etag: "\"e2\"".into(), size: 5 })?;
                    j.record_part(ids[1], &StoredPart { number: 1, etag: "\"e1\"".into(), size: 5 })?;
                    j.set_item_state(ids[0], ItemState::Done, None)?;
                    Ok((t, ids))
                })
                .unwrap()
        };
        let journal = Journal::open(&path).unwrap();
        let stored = journal.items(transfer).unwrap();
        assert_eq!(stored[0].state, ItemState::Done);
        assert_eq!(stored[1].upload_id.as_deref(), Some("upload-1"));
        assert_eq!(stored[1].local_path, PathBuf::from("/tmp/b/c"));
        let parts = journal.parts(items[1]).unwrap();
        assert_eq!(parts.iter().map(|p| p.number).collect::<Vec<_>>(), vec![1, 2]);
        journal.set_upload_id(items[1], None).unwrap();
        assert!(journal.parts(items[1]).unwrap().is_empty(), "a forgotten upload forgets its parts");
        journal.delete_transfer(transfer).unwrap();
        assert!(journal.items(transfer).unwrap().is_empty());
    }

    #[test]
    fn a_failed_batch_leaves_nothing_behind() {
        let mut journal = Journal::open_in_memory().unwrap();
        let result: Result<()> = journal.batch(|j| {
            j.insert_transfer(&NewTransfer {
                kind: "upload".into(),
                profile_id: "p".into(),
                bucket: "b".into(),
                spec: "{}".into(),
                created_at_ms: 1,
            })?;
            Err(JournalError("stop".into()))
        });
        assert!(result.is_err());
        assert!(journal.transfers().unwrap().is_empty());
    }

    #[test]
    fn a_newer_schema_is_refused_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite");
        Connection::open(&path).unwrap().pragma_update(None, "user_version", 99).unwrap();
        let err = Journal::open(&path).err().unwrap();
        assert!(err.to_string().contains("newer version"), "{err}");
    }
}
