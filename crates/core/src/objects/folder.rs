//! A "folder" (every key under a prefix): count it, then delete exactly what was counted.

use super::{delete_objects, DeleteReport};
use crate::error::{AppError, ErrorCode, Result};
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct FolderSummary {
    pub prefix: String,
    pub objects: u64,
    pub bytes: u64,
}

/// One object found by [`list_under`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedObject {
    pub key: String,
    pub size: u64,
    pub etag: Option<String>,
}

/// Every object whose key starts with `prefix` (no delimiter: the whole tree), all pages.
pub async fn list_under(s3: &aws_sdk_s3::Client, bucket: &str, prefix: &str) -> Result<Vec<ListedObject>> {
    let mut out = Vec::new();
    let mut token = None;
    loop {
        let page = s3
            .list_objects_v2()
            .bucket(bucket)
            .prefix(prefix)
            .set_continuation_token(token.take())
            .send()
            .await
            .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchBucket))?;
        out.extend(page.contents().iter().filter_map(|o| {
            Some(ListedObject {
                key: o.key()?.to_owned(),
                size: o.size().unwrap_or(0).max(0) as u64,
                etag: o.e_tag().map(str::to_owned),
            })
        }));
        match page.next_continuation_token() {
            Some(next) if page.is_truncated() == Some(true) => token = Some(next.to_owned()),
            _ => return Ok(out),
        }
    }
}

async fn keys_under(s3: &aws_sdk_s3::Client, bucket: &str, prefix: &str) -> Result<Vec<(String, u64)>> {
    if prefix.is_empty() || !prefix.ends_with('/') {
        return Err(AppError::invalid_input(format!("{prefix:?} is not a folder (a prefix ending in /)")));
    }
    Ok(list_under(s3, bucket, prefix).await?.into_iter().map(|o| (o.key, o.size)).collect())
}

/// How many objects and bytes a folder holds (what "delete folder" will ask about).
pub async fn summarize_folder(s3: &aws_sdk_s3::Client, bucket: &str, prefix: &str) -> Result<FolderSummary> {
    let keys = keys_under(s3, bucket, prefix).await?;
    Ok(FolderSummary {
        prefix: prefix.to_owned(),
        objects: keys.len() as u64,
        bytes: keys.iter().map(|k| k.1).sum(),
    })
}

/// Deletes every key under `prefix`, after listing it again: if the folder changed since the
/// user confirmed `expected_objects`, nothing is deleted and the new count is the error.
pub async fn delete_folder(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    prefix: &str,
    expected_objects: u64,
) -> Result<DeleteReport> {
    let keys: Vec<String> = keys_under(s3, bucket, prefix).await?.into_iter().map(|k| k.0).collect();
    if keys.len() as u64 != expected_objects {
        return Err(AppError::new(
            ErrorCode::Conflict,
            format!(
                "{prefix} now holds {} objects, not the {expected_objects} you confirmed; nothing was deleted",
                keys.len()
            ),
        ));
    }
    delete_objects(s3, bucket, &keys).await
}
