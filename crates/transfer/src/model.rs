//! What the UI sees of the engine (these types cross IPC; TypeScript is generated from them).

use serde::{Deserialize, Serialize};
use specta::Type;
pub use zos_core::buckets::CannedAcl;
use zos_core::AppError;

pub type TransferId = i64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum Direction {
    Upload,
    Download,
    /// Server-side copy (CopyObject / UploadPartCopy).
    Copy,
    /// A copy, then the source deleted once the copy is verified (also "rename").
    Move,
}

impl Direction {
    /// The journal's word for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Upload => "upload",
            Direction::Download => "download",
            Direction::Copy => "copy",
            Direction::Move => "move",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Direction::Upload, Direction::Download, Direction::Copy, Direction::Move]
            .into_iter()
            .find(|d| d.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum TransferState {
    /// Waiting for a free slot.
    Queued,
    /// Finding the files (a folder walk or a listing) or moving bytes.
    Running,
    /// Stopped by the user; resumes where it stopped.
    Paused,
    /// Found unfinished when the app started: offered for resume.
    Interrupted,
    /// Some files exist at the destination: the user chooses overwrite, skip or keep both.
    NeedsDecision,
    /// Finished, some files failed (retry sends them again).
    Failed,
    Done,
    Cancelled,
}

impl TransferState {
    pub fn as_str(self) -> &'static str {
        match self {
            TransferState::Queued => "queued",
            TransferState::Running => "running",
            TransferState::Paused => "paused",
            TransferState::Interrupted => "interrupted",
            TransferState::NeedsDecision => "needsDecision",
            TransferState::Failed => "failed",
            TransferState::Done => "done",
            TransferState::Cancelled => "cancelled",
        }
    }

    /// How a transfer the journal left in `word` comes back after a restart: what was moving
    /// (or about to) is "interrupted", the user's pauses and pending decisions stay as they were.
    pub fn after_restart(word: Option<&str>) -> Self {
        match word {
            Some("paused") => TransferState::Paused,
            Some("failed") => TransferState::Failed,
            Some("needsDecision") => TransferState::NeedsDecision,
            _ => TransferState::Interrupted,
        }
    }

    pub fn is_finished(self) -> bool {
        matches!(self, TransferState::Done | TransferState::Cancelled)
    }
}

/// What to do when the destination of a file exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type, Default)]
#[serde(rename_all = "camelCase")]
pub enum ConflictPolicy {
    /// Hold those files and ask once, for all of them, when the rest is done.
    #[default]
    Ask,
    Overwrite,
    Skip,
    /// Upload or save under a new name: `name (1).ext`.
    KeepBoth,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TransferView {
    pub id: TransferId,
    pub direction: Direction,
    pub profile_id: String,
    pub bucket: String,
    /// Where the bytes come from, for display: a local folder or file, or `bucket/prefix`.
    pub source: String,
    /// Where they go, for display.
    pub destination: String,
    /// The bucket and prefix objects are read from (downloads, copies, moves: a move empties it).
    pub taken_from: Option<Place>,
    /// The bucket and prefix objects are written to (uploads, copies, moves).
    pub stored_in: Option<Place>,
    pub state: TransferState,
    /// Still finding files (walking a folder, listing a prefix): totals will grow.
    pub discovering: bool,
    pub files_total: u64,
    pub files_done: u64,
    pub files_failed: u64,
    pub files_skipped: u64,
    pub files_conflict: u64,
    pub bytes_total: u64,
    pub bytes_done: u64,
    /// Over the last few seconds; 0 when not running.
    pub bytes_per_second: f64,
    pub eta_seconds: Option<f64>,
    /// Requests sent again after a failure (by the engine; the SDK's own retries are not seen).
    pub retries: u64,
    /// The last error of a failed file, for the panel's sentence.
    pub error: Option<AppError>,
    pub conflict_policy: ConflictPolicy,
    pub created_at: i64,
}

/// A bucket and a prefix in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Place {
    pub bucket: String,
    pub prefix: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum ItemState {
    Queued,
    Running,
    Done,
    Failed,
    Skipped,
    Conflict,
    Cancelled,
}

impl From<zos_journal::ItemState> for ItemState {
    fn from(state: zos_journal::ItemState) -> Self {
        use zos_journal::ItemState as J;
        match state {
            J::Queued => ItemState::Queued,
            J::Done => ItemState::Done,
            J::Failed => ItemState::Failed,
            J::Skipped => ItemState::Skipped,
            J::Conflict => ItemState::Conflict,
            J::Cancelled => ItemState::Cancelled,
        }
    }
}

/// One file of a transfer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ItemView {
    pub id: i64,
    pub key: String,
    /// The local path relative to the transfer's folder (or the file name).
    pub local_name: String,
    pub size: u64,
    pub bytes_done: u64,
    pub state: ItemState,
    pub error: Option<AppError>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ItemPage {
    pub items: Vec<ItemView>,
    /// Items matching the filter in all.
    pub total: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TransferSettings {
    /// Requests in flight at once, over all transfers (parts and small files alike).
    pub concurrency: u32,
    /// Files at least this big are sent in parts, and objects this big are fetched by ranges.
    pub multipart_threshold_mib: u32,
    /// Part (and range) size; grows by itself so that no file needs more than 10,000 parts.
    pub part_size_mib: u32,
    /// `None`: no limit.
    pub bandwidth_limit_kib_per_second: Option<u32>,
    /// The default for new transfers.
    pub conflict_policy: ConflictPolicy,
}

impl Default for TransferSettings {
    /// Chosen by measurement against radosgw on loopback (bench/transfer.sh, 2 cores): 8 MiB
    /// parts beat 16 and 32 MiB for one big file both ways (1 GiB down in 1.15 s instead of
    /// 1.96 s, up 10–25 % faster, less CPU: buffers stay below glibc's mmap threshold), 16
    /// requests in flight beat 8 for many small files (10,000 × 4 KiB in 7.4 s instead of
    /// 13.8 s). Objects below 16 MiB are fetched whole, so their MD5 is checked while streaming.
    fn default() -> Self {
        Self {
            concurrency: 16,
            multipart_threshold_mib: 16,
            part_size_mib: 8,
            bandwidth_limit_kib_per_second: None,
            conflict_policy: ConflictPolicy::Ask,
        }
    }
}

impl TransferSettings {
    pub const MAX_CONCURRENCY: u32 = 64;

    pub fn check(&self) -> zos_core::Result<()> {
        let bad = |what: &str| Err(AppError::invalid_input(what.to_owned()));
        if !(1..=Self::MAX_CONCURRENCY).contains(&self.concurrency) {
            return bad("concurrency must be between 1 and 64");
        }
        if !(5..=5 * 1024).contains(&self.part_size_mib) {
            return bad("the part size must be between 5 MiB and 5 GiB");
        }
        if !(5..=5 * 1024).contains(&self.multipart_threshold_mib) {
            return bad("the multipart threshold must be between 5 MiB and 5 GiB");
        }
        if self.bandwidth_limit_kib_per_second == Some(0) {
            return bad("a bandwidth limit must be above 0");
        }
        Ok(())
    }
}

/// Sent to the UI at most a few times a second: the transfers that changed since the last
/// update, and the totals (also shown in the window title).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TransfersUpdate {
    pub changed: Vec<TransferView>,
    pub removed: Vec<TransferId>,
    pub totals: TransferTotals,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TransferTotals {
    /// Transfers running or queued.
    pub active: u32,
    pub bytes_total: u64,
    pub bytes_done: u64,
    pub bytes_per_second: f64,
    /// Transfers waiting for the user: interrupted, or with conflicts to decide.
    pub waiting: u32,
}

/// A multipart upload in progress that this app started (the uploads view offers "resume").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ResumableUpload {
    pub upload_id: String,
    pub transfer_id: TransferId,
}

/// Server-side encryption of uploaded objects.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Encryption {
    /// SSE-S3.
    Aes256,
    /// SSE-KMS, with the server's default key when `key_id` is `None`.
    #[serde(rename_all = "camelCase")]
    Kms { key_id: Option<String> },
    /// SSE-C: a 256-bit key the user holds (base64). It comes in from the UI and is kept in
    /// memory only: the journal gets [`UploadOptions::without_secrets`] (the key empty), so such
    /// an upload cannot resume after a restart; no view sends options back to the UI.
    #[serde(rename_all = "camelCase")]
    CustomerKey {
        #[serde(default)]
        key_base64: String,
    },
}

impl std::fmt::Debug for Encryption {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Encryption::Aes256 => f.write_str("Aes256"),
            Encryption::Kms { key_id } => f.debug_struct("Kms").field("key_id", key_id).finish(),
            Encryption::CustomerKey { .. } => f.write_str("CustomerKey(** redacted **)"),
        }
    }
}

/// What an upload sends with each object besides its bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct UploadOptions {
    pub acl: Option<CannedAcl>,
    pub storage_class: Option<String>,
    /// `None`: guessed from each file's name.
    pub content_type: Option<String>,
    /// User metadata (`x-amz-meta-…`); values that are not ASCII are sent RFC 2047-encoded.
    pub metadata: std::collections::BTreeMap<String, String>,
    pub tags: std::collections::BTreeMap<String, String>,
    pub encryption: Option<Encryption>,
}

impl UploadOptions {
    /// Checks everything before any request: one sentence for the first problem.
    pub fn check(&self) -> zos_core::Result<()> {
        let bad = |what: String| Err(AppError::invalid_input(what));
        if let Some(class) = &self.storage_class {
            if class.is_empty() || !class.bytes().all(|b| b.is_ascii_uppercase() || b == b'_') {
                return bad(format!(
                    "storage class {class:?}: capital letters and _ only (STANDARD, STANDARD_IA…)"
                ));
            }
        }
        if let Some(ct) = &self.content_type {
            if !ct.contains('/') || ct.chars().any(|c| c.is_control()) {
                return bad(format!("content type {ct:?} is not of the form type/subtype"));
            }
        }
        let mut meta_bytes = 0;
        for (k, v) in &self.metadata {
            if k.is_empty()
                || !k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
            {
                return bad(format!("metadata name {k:?}: letters, digits, - _ . only"));
            }
            meta_bytes += k.len() + zos_core::objects::metadata::encode_rfc2047(v).len();
        }
        if meta_bytes > 2048 {
            return bad(format!("user metadata is {meta_bytes} bytes; S3 allows 2 KiB in all"));
        }
        if self.tags.len() > 10 {
            return bad(format!("{} tags; an object has at most 10", self.tags.len()));
        }
        for (k, v) in &self.tags {
            if k.is_empty() || k.chars().count() > 128 || v.chars().count() > 256 {
                return bad(format!("tag {k:?}: a key of 1 to 128 characters and a value of at most 256"));
            }
        }
        match &self.encryption {
            Some(Encryption::Kms { key_id: Some(id) }) if id.trim().is_empty() => {
                return bad("the KMS key id is empty (leave it out for the server's default key)".into());
            }
            Some(Encryption::CustomerKey { key_base64 }) => {
                // The one rule for a customer key, shared with reading such objects.
                zos_core::ssec::SseCustomerKey::parse(key_base64)?;
            }
            _ => {}
        }
        Ok(())
    }

    /// The same options with the customer key blanked: what may be written down.
    pub fn without_secrets(&self) -> UploadOptions {
        let mut copy = self.clone();
        if let Some(Encryption::CustomerKey { key_base64 }) = &mut copy.encryption {
            key_base64.clear();
        }
        copy
    }

    /// `x-amz-tagging`: `k=v&k2=v2`, URL-encoded.
    pub fn tagging(&self) -> Option<String> {
        if self.tags.is_empty() {
            return None;
        }
        let enc = |s: &str| {
            s.bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                        (b as char).to_string()
                    }
                    _ => format!("%{b:02X}"),
                })
                .collect::<String>()
        };
        Some(self.tags.iter().map(|(k, v)| format!("{}={}", enc(k), enc(v))).collect::<Vec<_>>().join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upload_options_are_checked_before_sending() {
        let mut o = UploadOptions::default();
        assert!(o.check().is_ok());
        o.metadata.insert("bad name".into(), "x".into());
        assert!(o.check().unwrap_err().detail.contains("metadata name"));
        o.metadata.clear();
        o.encryption = Some(Encryption::CustomerKey { key_base64: "short".into() });
        assert!(o.check().unwrap_err().detail.contains("32 bytes"));
        o.encryption = Some(Encryption::CustomerKey { key_base64: "A".repeat(43) + "=" });
        assert!(o.check().is_ok());
        o.tags.insert("项目".into(), "a b&c".into());
        assert_eq!(o.tagging().as_deref(), Some("%E9%A1%B9%E7%9B%AE=a%20b%26c"));
    }

    #[test]
    fn a_customer_key_is_never_written_down_or_logged() {
        let o = UploadOptions {
            encryption: Some(Encryption::CustomerKey { key_base64: "secret-key".into() }),
            ..Default::default()
        };
        let json = serde_json::to_string(&o.without_secrets()).unwrap();
        assert!(!json.contains("secret-key"), "{json}");
        assert!(!format!("{o:?}").contains("secret-key"));
    }
}
