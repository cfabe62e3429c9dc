use super::{validate_key, DeleteFailure, DeleteReport, MAX_KEYS_PER_DELETE};
use crate::error::{AppError, ErrorCode, Result};
use aws_sdk_s3::types::{Delete, ObjectIdentifier};

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
            .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchBucket))?;
        report.deleted.extend(out.deleted().iter().filter_map(|d| d.key().map(str::to_owned)));
        report.failed.extend(out.errors().iter().map(|e| {
            let (code, server_code) = AppError::code_from_server(e.code().unwrap_or_default());
            DeleteFailure {
                key: e.key().unwrap_or_default().to_owned(),
                code,
                server_code,
                message: e.message().unwrap_or_default().to_owned(),
            }
        }));
    }
    Ok(report)
}
