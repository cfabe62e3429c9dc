use super::{ObjectEntry, ObjectPage, MAX_KEYS_PER_PAGE};
use crate::dates::epoch_millis;
use crate::error::{AppError, ErrorCode, Result};

/// One page of the "folder" `prefix`: sub-folders (CommonPrefixes) and the objects directly in it.
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
        .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchBucket))?;
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
