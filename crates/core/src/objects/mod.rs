//! Object operations, one file each: list one "folder" page, head, delete many, delete a
//! folder, append, multipart uploads in progress. Moving bytes is the transfer engine's
//! (crates/transfer). The types that cross IPC are here.

mod append;
mod delete;
mod edit;
mod folder;
mod head;
mod list;
pub mod lock;
pub mod metadata;
pub mod multipart;
pub mod preview;
mod summary;
pub mod versions;

pub use append::{append_file, AppendResult};
pub use delete::delete_objects;
pub use edit::{
    check_metadata_edit, check_user_metadata, update_object_metadata, update_object_metadata_racing,
    MetadataEdit, MetadataPair, MAX_COPY_BYTES, MAX_METADATA_BYTES,
};
pub use folder::{delete_folder, list_under, summarize_folder, FolderSummary, ListedObject};
pub use head::{head_object, head_object_version, head_object_with_key, object_exists};
pub use list::list_objects;
pub use summary::{object_acl_summary, summarize_acl, AclSummary};

use crate::error::{AppError, ErrorCode, Result};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::BTreeMap;

/// `bucket/key` for `x-amz-copy-source`, percent-encoded except for `/` (a version is added as
/// `?versionId=…` after it).
pub fn copy_source(bucket: &str, key: &str) -> String {
    let mut out = String::with_capacity(bucket.len() + key.len() + 1);
    for b in format!("{bucket}/{key}").bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// S3 answers at most 1000 keys a page and deletes at most 1000 keys a request.
pub const MAX_KEYS_PER_PAGE: i32 = 1000;
pub const MAX_KEYS_PER_DELETE: usize = 1000;
const MAX_KEY_BYTES: usize = 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ObjectEntry {
    pub key: String,
    pub size: u64,
    /// Milliseconds since the Unix epoch. A number, not an ISO string: a listing holds up to
    /// 100,000 of these in the webview, and a number costs no string allocation there.
    pub last_modified: Option<i64>,
    pub storage_class: Option<String>,
    pub etag: Option<String>,
}

/// One page of a "folder": the sub-folders (CommonPrefixes, full prefixes ending in `/`) and
/// the objects directly under `prefix`. `next_token` is `None` on the last page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ObjectPage {
    pub bucket: String,
    pub prefix: String,
    pub folders: Vec<String>,
    pub objects: Vec<ObjectEntry>,
    pub next_token: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ObjectDetails {
    pub key: String,
    pub size: u64,
    pub content_type: Option<String>,
    pub last_modified: Option<String>,
    pub etag: Option<String>,
    pub version_id: Option<String>,
    pub storage_class: Option<String>,
    /// radosgw's `x-rgw-object-type`: `Normal` or `Appendable`.
    pub object_type: Option<String>,
    /// User metadata, RFC 2047 encoded-words decoded (`=?UTF-8?B?6aG555uu5oql5ZGK?=` → 项目报告).
    pub metadata: BTreeMap<String, String>,
    /// The values as stored, for the keys whose value was decoded above.
    pub raw_metadata: BTreeMap<String, String>,
    /// `AES256` when the object is encrypted with a customer key (SSE-C) and was read with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[specta(optional)]
    pub sse_customer_algorithm: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[specta(optional)]
    pub cache_control: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[specta(optional)]
    pub content_disposition: Option<String>,
    /// The file name of `content_disposition`: RFC 5987 `filename*=UTF-8''…` decoded (`报告.pdf`),
    /// else its plain `filename`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[specta(optional)]
    pub content_disposition_file_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[specta(optional)]
    pub content_encoding: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[specta(optional)]
    pub content_language: Option<String>,
    /// `Expires` as the server sent it (an HTTP date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[specta(optional)]
    pub expires: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[specta(optional)]
    pub website_redirect_location: Option<String>,
    /// `AES256` (SSE-S3) or `aws:kms` (SSE-KMS).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[specta(optional)]
    pub server_side_encryption: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[specta(optional)]
    pub sse_kms_key_id: Option<String>,
    /// Object lock as HEAD shows it: `GOVERNANCE` or `COMPLIANCE`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[specta(optional)]
    pub object_lock_mode: Option<String>,
    /// ISO-8601, UTC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[specta(optional)]
    pub object_lock_retain_until: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[specta(optional)]
    pub object_lock_legal_hold: Option<bool>,
    /// Parts of a multipart upload (`x-amz-mp-parts-count`, else the `-N` of its ETag).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[specta(optional)]
    pub parts_count: Option<u32>,
    /// `x-amz-missing-meta`: metadata entries the server could not return as headers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[specta(optional)]
    pub missing_meta: Option<u32>,
    /// `x-amz-tagging-count` (the tags themselves: `get_object_tags`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[specta(optional)]
    pub tag_count: Option<u32>,
    /// radosgw's `x-rgw-next-append-position` of an Appendable object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[specta(optional)]
    pub next_append_position: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DeleteFailure {
    pub key: String,
    pub code: ErrorCode,
    /// The server's code when the enum has none for it.
    pub server_code: Option<String>,
    pub message: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DeleteReport {
    pub deleted: Vec<String>,
    pub failed: Vec<DeleteFailure>,
}

pub fn validate_key(key: &str) -> Result<()> {
    if key.is_empty() {
        return Err(AppError::new(ErrorCode::InvalidObjectName, "the object key is empty"));
    }
    if key.len() > MAX_KEY_BYTES {
        return Err(AppError::new(
            ErrorCode::InvalidObjectName,
            format!("an object key has at most {MAX_KEY_BYTES} bytes (this one has {})", key.len()),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_sources_are_percent_encoded_but_keep_slashes() {
        assert_eq!(copy_source("b", "a/照 片+%?#.txt"), "b/a/%E7%85%A7%20%E7%89%87%2B%25%3F%23.txt");
    }

    #[test]
    fn keys_are_checked_locally() {
        assert_eq!(validate_key("").unwrap_err().code, ErrorCode::InvalidObjectName);
        assert_eq!(validate_key(&"k".repeat(1025)).unwrap_err().code, ErrorCode::InvalidObjectName);
        assert!(validate_key("a/b/c.txt").is_ok());
    }
}
