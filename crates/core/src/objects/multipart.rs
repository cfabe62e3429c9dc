//! Multipart uploads in progress in a bucket: list them (paged), list one's parts (paged),
//! abort one, or abort every one started before a date.

use crate::dates::epoch_millis;
use crate::error::{AppError, ErrorCode, Result};
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MultipartUpload {
    pub key: String,
    pub upload_id: String,
    /// Milliseconds since the epoch.
    pub initiated: Option<i64>,
    pub storage_class: Option<String>,
    pub owner: Option<String>,
}

/// One page; continue with both markers while `next_key_marker` is `Some`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct UploadPage {
    pub uploads: Vec<MultipartUpload>,
    pub next_key_marker: Option<String>,
    pub next_upload_id_marker: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct UploadedPart {
    pub number: u32,
    pub size: u64,
    pub etag: Option<String>,
    pub last_modified: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PartPage {
    pub parts: Vec<UploadedPart>,
    /// Continue from this part number while it is `Some`.
    pub next_marker: Option<String>,
}

pub async fn list_uploads(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    key_marker: Option<String>,
    upload_id_marker: Option<String>,
    max: Option<i32>,
) -> Result<UploadPage> {
    let out = s3
        .list_multipart_uploads()
        .bucket(bucket)
        .set_key_marker(key_marker)
        .set_upload_id_marker(upload_id_marker)
        .set_max_uploads(max)
        .send()
        .await
        .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchBucket))?;
    let truncated = out.is_truncated() == Some(true);
    Ok(UploadPage {
        uploads: out
            .uploads()
            .iter()
            .map(|u| MultipartUpload {
                key: u.key().unwrap_or_default().to_owned(),
                upload_id: u.upload_id().unwrap_or_default().to_owned(),
                initiated: u.initiated().and_then(epoch_millis),
                storage_class: u.storage_class().map(|s| s.as_str().to_owned()),
                owner: u.owner().and_then(|o| o.display_name().or(o.id())).map(str::to_owned),
            })
            .collect(),
        next_key_marker: out.next_key_marker().filter(|_| truncated).map(str::to_owned),
        next_upload_id_marker: out.next_upload_id_marker().filter(|_| truncated).map(str::to_owned),
    })
}

pub async fn list_parts(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    key: &str,
    upload_id: &str,
    marker: Option<String>,
    max: Option<i32>,
) -> Result<PartPage> {
    let out = s3
        .list_parts()
        .bucket(bucket)
        .key(key)
        .upload_id(upload_id)
        .set_part_number_marker(marker)
        .set_max_parts(max)
        .send()
        .await
        .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchUpload))?;
    let truncated = out.is_truncated() == Some(true);
    Ok(PartPage {
        parts: out
            .parts()
            .iter()
            .map(|p| UploadedPart {
                number: p.part_number().unwrap_or(0).max(0) as u32,
                size: p.size().unwrap_or(0).max(0) as u64,
                etag: p.e_tag().map(str::to_owned),
                last_modified: p.last_modified().and_then(epoch_millis),
            })
            .collect(),
        next_marker: out.next_part_number_marker().filter(|_| truncated).map(str::to_owned),
    })
}

pub async fn abort_upload(s3: &aws_sdk_s3::Client, bucket: &str, key: &str, upload_id: &str) -> Result<()> {
    s3.abort_multipart_upload()
        .bucket(bucket)
        .key(key)
        .upload_id(upload_id)
        .send()
        .await
        .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchUpload))?;
    Ok(())
}

/// Aborts every upload started before `before_ms` (milliseconds since the epoch), except those
/// in `keep` (upload ids the app can still resume, unless the user includes them). Returns the
/// aborted uploads.
pub async fn abort_uploads_before(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    before_ms: i64,
    keep: &[String],
) -> Result<Vec<MultipartUpload>> {
    let mut aborted = Vec::new();
    let (mut key_marker, mut id_marker) = (None, None);
    loop {
        let page = list_uploads(s3, bucket, key_marker, id_marker, None).await?;
        for upload in page.uploads {
            if upload.initiated.is_some_and(|t| t < before_ms) && !keep.contains(&upload.upload_id) {
                match abort_upload(s3, bucket, &upload.key, &upload.upload_id).await {
                    Ok(()) => aborted.push(upload),
                    // Finished or aborted meanwhile: nothing left to do.
                    Err(e) if e.is(ErrorCode::NoSuchUpload) => {}
                    Err(e) => return Err(e),
                }
            }
        }
        match page.next_key_marker {
            Some(next) => (key_marker, id_marker) = (Some(next), page.next_upload_id_marker),
            None => return Ok(aborted),
        }
    }
}
