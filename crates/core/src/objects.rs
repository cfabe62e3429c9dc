//! Object operations: list one "folder" page, head, download, upload, delete many.

use crate::buckets::iso;
use crate::client::ResponseHeaders;
use crate::error::{codes, AppError, Result};
use crate::zos_wire;
use aws_sdk_s3::operation::head_object::HeadObjectOutput;
use aws_sdk_s3::primitives::ByteStream;
use aws_sdk_s3::types::{Delete, ObjectIdentifier};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tokio::io::AsyncWriteExt;

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

fn epoch_millis(t: &aws_smithy_types::DateTime) -> Option<i64> {
    t.to_millis().ok()
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
    pub metadata: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DeleteFailure {
    pub key: String,
    pub code: String,
    pub message: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DeleteReport {
    pub deleted: Vec<String>,
    pub failed: Vec<DeleteFailure>,
}

fn validate_key(key: &str) -> Result<()> {
    if key.is_empty() {
        return Err(AppError::new(codes::INVALID_OBJECT_NAME, "the object key is empty"));
    }
    if key.len() > MAX_KEY_BYTES {
        return Err(AppError::new(
            codes::INVALID_OBJECT_NAME,
            format!("an object key has at most {MAX_KEY_BYTES} bytes (this one has {})", key.len()),
        ));
    }
    Ok(())
}

pub async fn list_objects(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    prefix: &str,
    continuation_token: Option<String>,
    max_keys: Option<i32>,
) -> Result<ObjectPage> {
    let max_keys = max_keys.unwrap_or(MAX_KEYS_PER_PAGE).clamp(1, MAX_KEYS_PER_PAGE);
    let out = s3
        .list_objects_v2()
        .bucket(bucket)
        .prefix(prefix)
        .delimiter("/")
        .max_keys(max_keys)
        .set_continuation_token(continuation_token)
        .send()
        .await
        .map_err(|e| AppError::from_sdk(e, codes::NO_SUCH_BUCKET))?;
    let folders = out.common_prefixes().iter().filter_map(|p| p.prefix().map(str::to_owned)).collect();
    let objects = out
        .contents()
        .iter()
        .map(|o| ObjectEntry {
            key: o.key().unwrap_or_default().to_owned(),
            size: o.size().unwrap_or(0).max(0) as u64,
            last_modified: o.last_modified().and_then(epoch_millis),
            storage_class: o.storage_class().map(|s| s.as_str().to_owned()),
            etag: o.e_tag().map(str::to_owned),
        })
        .collect();
    let next_token = if out.is_truncated() == Some(true) {
        out.next_continuation_token().map(str::to_owned)
    } else {
        None
    };
    Ok(ObjectPage { bucket: bucket.to_owned(), prefix: prefix.to_owned(), folders, objects, next_token })
}

/// HEAD of one object, with the response headers the SDK does not model (`x-rgw-object-type`).
async fn head(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    key: &str,
) -> Result<(HeadObjectOutput, ResponseHeaders)> {
    validate_key(key)?;
    let headers = ResponseHeaders::default();
    let out = s3
        .head_object()
        .bucket(bucket)
        .key(key)
        .customize()
        .interceptor(headers.clone())
        .send()
        .await
        .map_err(|e| AppError::from_sdk(e, codes::NO_SUCH_KEY))?;
    Ok((out, headers))
}

fn head_size(out: &HeadObjectOutput) -> u64 {
    out.content_length().unwrap_or(0).max(0) as u64
}

/// S3 omits the header for STANDARD objects.
fn head_storage_class(out: &HeadObjectOutput) -> String {
    out.storage_class().map_or("STANDARD", |s| s.as_str()).to_owned()
}

pub async fn head_object(s3: &aws_sdk_s3::Client, bucket: &str, key: &str) -> Result<ObjectDetails> {
    let (out, headers) = head(s3, bucket, key).await?;
    Ok(ObjectDetails {
        key: key.to_owned(),
        size: head_size(&out),
        content_type: out.content_type().map(str::to_owned),
        last_modified: out.last_modified().and_then(iso),
        etag: out.e_tag().map(str::to_owned),
        version_id: out.version_id().map(str::to_owned),
        storage_class: Some(head_storage_class(&out)),
        object_type: headers.get(zos_wire::HEADER_OBJECT_TYPE),
        metadata: out.metadata().cloned().unwrap_or_default().into_iter().collect(),
    })
}

/// Whether `key` exists (HEAD answers 404 → false; other errors are errors).
pub async fn object_exists(s3: &aws_sdk_s3::Client, bucket: &str, key: &str) -> Result<bool> {
    match head_object(s3, bucket, key).await {
        Ok(_) => Ok(true),
        Err(e) if e.is(codes::NO_SUCH_KEY) => Ok(false),
        Err(e) => Err(e),
    }
}

fn partial_path(destination: &Path) -> PathBuf {
    let mut name = destination.file_name().unwrap_or_default().to_os_string();
    name.push(".zos-part");
    destination.with_file_name(name)
}

/// Streams an object to `destination`. Bytes go to `<destination>.zos-part` first and are
/// renamed into place only when complete, so a failed download never leaves a truncated file
/// under the name the user chose. `progress(bytes_done, bytes_total)` is called per chunk.
pub async fn download_object(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    key: &str,
    destination: &Path,
    mut progress: impl FnMut(u64, Option<u64>),
) -> Result<u64> {
    validate_key(key)?;
    let out = s3
        .get_object()
        .bucket(bucket)
        .key(key)
        .send()
        .await
        .map_err(|e| AppError::from_sdk(e, codes::NO_SUCH_KEY))?;
    let total = out.content_length().map(|l| l.max(0) as u64);
    let part = partial_path(destination);
    let result = async {
        let mut file = tokio::fs::File::create(&part)
            .await
            .map_err(|e| AppError::io(&format!("creating {}", part.display()), e))?;
        let mut body = out.body;
        let mut done = 0u64;
        progress(0, total);
        while let Some(chunk) = body
            .try_next()
            .await
            .map_err(|e| AppError::new(codes::CONNECT_FAILED, format!("download interrupted: {e}")))?
        {
            file.write_all(&chunk).await.map_err(|e| AppError::io("writing the download", e))?;
            done += chunk.len() as u64;
            progress(done, total);
        }
        file.flush().await.map_err(|e| AppError::io("writing the download", e))?;
        file.sync_all().await.map_err(|e| AppError::io("writing the download", e))?;
        if let Some(total) = total.filter(|t| *t != done) {
            return Err(AppError::new(
                codes::CONNECT_FAILED,
                format!("download ended after {done} of {total} bytes"),
            ));
        }
        tokio::fs::rename(&part, destination)
            .await
            .map_err(|e| AppError::io(&format!("saving {}", destination.display()), e))?;
        Ok(done)
    }
    .await;
    if result.is_err() {
        let _ = tokio::fs::remove_file(&part).await;
    }
    result
}

fn guess_content_type(path: &Path) -> &'static str {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "bmp" => "image/bmp",
        "tif" | "tiff" => "image/tiff",
        "svg" => "image/svg+xml",
        "txt" | "log" | "md" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css",
        "js" => "text/javascript",
        "json" => "application/json",
        "xml" => "application/xml",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        "gz" => "application/gzip",
        "mp4" => "video/mp4",
        "mp3" => "audio/mpeg",
        _ => "application/octet-stream",
    }
}

/// Uploads one local file with a single PUT. Refuses to replace an existing object unless
/// `overwrite` is set (the UI asks the user first): answers `ObjectExists`.
pub async fn upload_file(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    key: &str,
    source: &Path,
    overwrite: bool,
) -> Result<ObjectEntry> {
    validate_key(key)?;
    let meta = tokio::fs::metadata(source)
        .await
        .map_err(|e| AppError::io(&format!("reading {}", source.display()), e))?;
    if !meta.is_file() {
        return Err(AppError::invalid_input(format!("{} is not a file", source.display())));
    }
    if !overwrite && object_exists(s3, bucket, key).await? {
        return Err(AppError::new(codes::OBJECT_EXISTS, format!("{key} already exists in {bucket}")));
    }
    let body = ByteStream::from_path(source)
        .await
        .map_err(|e| AppError::new(codes::IO, format!("reading {}: {e}", source.display())))?;
    let out = s3
        .put_object()
        .bucket(bucket)
        .key(key)
        .content_type(guess_content_type(source))
        .content_length(meta.len() as i64)
        .body(body)
        .send()
        .await
        .map_err(|e| AppError::from_sdk(e, codes::NO_SUCH_BUCKET))?;
    let (head, _) = head(s3, bucket, key).await?;
    Ok(ObjectEntry {
        key: key.to_owned(),
        size: head_size(&head),
        last_modified: head.last_modified().and_then(epoch_millis),
        storage_class: Some(head_storage_class(&head)),
        etag: out.e_tag().or(head.e_tag()).map(str::to_owned),
    })
}

/// Deletes the given keys, 1000 a request, and reports per key what was deleted and what
/// failed. Only the keys given are touched: folders are not expanded here.
pub async fn delete_objects(s3: &aws_sdk_s3::Client, bucket: &str, keys: &[String]) -> Result<DeleteReport> {
    for key in keys {
        validate_key(key)?;
    }
    let mut report = DeleteReport::default();
    for chunk in keys.chunks(MAX_KEYS_PER_DELETE) {
        let ids = chunk
            .iter()
            .map(|k| ObjectIdentifier::builder().key(k).build())
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| AppError::invalid_input(e.to_string()))?;
        let delete = Delete::builder()
            .set_objects(Some(ids))
            .quiet(false)
            .build()
            .map_err(|e| AppError::invalid_input(e.to_string()))?;
        let out = s3
            .delete_objects()
            .bucket(bucket)
            .delete(delete)
            .send()
            .await
            .map_err(|e| AppError::from_sdk(e, codes::NO_SUCH_BUCKET))?;
        report.deleted.extend(out.deleted().iter().filter_map(|d| d.key().map(str::to_owned)));
        report.failed.extend(out.errors().iter().map(|e| DeleteFailure {
            key: e.key().unwrap_or_default().to_owned(),
            code: e.code().unwrap_or(codes::UNKNOWN).to_owned(),
            message: e.message().unwrap_or_default().to_owned(),
        }));
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_checked_locally() {
        assert_eq!(validate_key("").unwrap_err().code, "InvalidObjectName");
        assert_eq!(validate_key(&"k".repeat(1025)).unwrap_err().code, "InvalidObjectName");
        assert!(validate_key("a/b/c.txt").is_ok());
    }

    #[test]
    fn partial_downloads_sit_beside_the_target() {
        assert_eq!(partial_path(Path::new("/tmp/x/a.jpg")), PathBuf::from("/tmp/x/a.jpg.zos-part"));
    }

    #[test]
    fn content_types_from_extensions() {
        assert_eq!(guess_content_type(Path::new("a/B.JPG")), "image/jpeg");
        assert_eq!(guess_content_type(Path::new("noext")), "application/octet-stream");
    }
}
