use super::{validate_key, DeleteFailure, DeleteReport, MAX_KEYS_PER_DELETE};
use crate::buckets::config::notification;
use crate::error::{AppError, ErrorCode, Result};
use aws_sdk_s3::types::{Delete, ObjectIdentifier};
use futures::stream::{self, StreamExt};

/// Single DELETEs in flight when a bucket has notification rules.
const ONE_BY_ONE_CONCURRENCY: usize = 16;

/// Deletes the given keys and reports per key what was deleted and what failed. Only the keys
/// given are touched: folders are not expanded here.
///
/// Keys go 1000 a DeleteObjects request, except in a bucket with notification rules: radosgw's
/// beast frontend aborts the whole server on a DeleteObjects that matches a notification (Ceph
/// tracker 58231, NOTES trap 4), so there each key gets its own DELETE. A bucket whose rules
/// cannot be read is treated as having some.
///
/// When one request fails outright (not one key inside it), its keys and all keys after them
/// are reported failed with that error and nothing more is sent; what was deleted before stays
/// in the report.
pub async fn delete_objects(s3: &aws_sdk_s3::Client, bucket: &str, keys: &[String]) -> Result<DeleteReport> {
    for key in keys {
        validate_key(key)?;
    }
    if keys.is_empty() {
        return Ok(DeleteReport::default());
    }
    if has_notification_rules(s3, bucket).await {
        return Ok(delete_one_by_one(s3, bucket, keys).await);
    }
    let mut report = DeleteReport::default();
    for (n, chunk) in keys.chunks(MAX_KEYS_PER_DELETE).enumerate() {
        match delete_batch(s3, bucket, chunk).await {
            Ok(batch) => {
                report.deleted.extend(batch.deleted);
                report.failed.extend(batch.failed);
            }
            Err(e) if n == 0 => return Err(e),
            Err(e) => {
                let not_sent = &keys[n * MAX_KEYS_PER_DELETE..];
                report.failed.extend(not_sent.iter().map(|key| failure(key, &e)));
                break;
            }
        }
    }
    Ok(report)
}

async fn has_notification_rules(s3: &aws_sdk_s3::Client, bucket: &str) -> bool {
    match notification::get(s3, bucket, None).await {
        Ok(rules) => !rules.is_empty(),
        Err(e) => e.code != ErrorCode::UnsupportedByServer && e.code != ErrorCode::NoSuchBucket,
    }
}

async fn delete_one_by_one(s3: &aws_sdk_s3::Client, bucket: &str, keys: &[String]) -> DeleteReport {
    let results: Vec<(String, Result<()>)> = stream::iter(keys.iter().cloned())
        .map(|key| async move {
            let result = s3
                .delete_object()
                .bucket(bucket)
                .key(&key)
                .send()
                .await
                .map(|_| ())
                .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchKey));
            (key, result)
        })
        .buffered(ONE_BY_ONE_CONCURRENCY)
        .collect()
        .await;
    let mut report = DeleteReport::default();
    for (key, result) in results {
        match result {
            Ok(()) => report.deleted.push(key),
            Err(e) => report.failed.push(failure(&key, &e)),
        }
    }
    report
}

async fn delete_batch(s3: &aws_sdk_s3::Client, bucket: &str, chunk: &[String]) -> Result<DeleteReport> {
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
        .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchBucket))?;
    Ok(DeleteReport {
        deleted: out.deleted().iter().filter_map(|d| d.key().map(str::to_owned)).collect(),
        failed: out
            .errors()
            .iter()
            .map(|e| {
                let (code, server_code) = AppError::code_from_server(e.code().unwrap_or_default());
                DeleteFailure {
                    key: e.key().unwrap_or_default().to_owned(),
                    code,
                    server_code,
                    message: e.message().unwrap_or_default().to_owned(),
                }
            })
            .collect(),
    })
}

fn failure(key: &str, e: &AppError) -> DeleteFailure {
    DeleteFailure {
        key: key.to_owned(),
        code: e.code,
        server_code: e.server_code.clone(),
        message: e.detail.clone(),
    }
}
