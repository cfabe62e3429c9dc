use super::{validate_key, ObjectDetails};
use crate::client::ResponseHeaders;
use crate::dates::iso;
use crate::error::{AppError, ErrorCode, Result};
use crate::zos_wire;
use aws_sdk_s3::operation::head_object::HeadObjectOutput;

/// HEAD of one object, with the response headers the SDK does not model (`x-rgw-object-type`).
pub(super) async fn head(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    key: &str,
    version_id: Option<&str>,
) -> Result<(HeadObjectOutput, ResponseHeaders)> {
    validate_key(key)?;
    let headers = ResponseHeaders::default();
    let out = s3
        .head_object()
        .bucket(bucket)
        .key(key)
        .set_version_id(version_id.map(str::to_owned))
        .customize()
        .interceptor(headers.clone())
        .send()
        .await
        .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchKey))?;
    Ok((out, headers))
}

pub(super) fn head_size(out: &HeadObjectOutput) -> u64 {
    out.content_length().unwrap_or(0).max(0) as u64
}

/// S3 omits the header for STANDARD objects.
pub(super) fn head_storage_class(out: &HeadObjectOutput) -> String {
    out.storage_class().map_or("STANDARD", |s| s.as_str()).to_owned()
}

pub async fn head_object(s3: &aws_sdk_s3::Client, bucket: &str, key: &str) -> Result<ObjectDetails> {
    head_object_version(s3, bucket, key, None).await
}

/// HEAD of one version of an object (`None`: the current one).
pub async fn head_object_version(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    key: &str,
    version_id: Option<&str>,
) -> Result<ObjectDetails> {
    let (out, headers) = head(s3, bucket, key, version_id).await?;
    let (metadata, raw_metadata) = super::metadata::decoded(out.metadata().cloned().unwrap_or_default());
    Ok(ObjectDetails {
        key: key.to_owned(),
        size: head_size(&out),
        content_type: out.content_type().map(str::to_owned),
        last_modified: out.last_modified().and_then(iso),
        etag: out.e_tag().map(str::to_owned),
        version_id: out.version_id().map(str::to_owned),
        storage_class: Some(head_storage_class(&out)),
        object_type: headers.get(zos_wire::HEADER_OBJECT_TYPE),
        metadata,
        raw_metadata,
    })
}

/// Whether `key` exists (HEAD answers 404 → false; other errors are errors).
pub async fn object_exists(s3: &aws_sdk_s3::Client, bucket: &str, key: &str) -> Result<bool> {
    match head_object(s3, bucket, key).await {
        Ok(_) => Ok(true),
        Err(e) if e.is(ErrorCode::NoSuchKey) => Ok(false),
        Err(e) => Err(e),
    }
}
