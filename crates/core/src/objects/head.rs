use super::{validate_key, ObjectDetails};
use crate::client::ResponseHeaders;
use crate::dates::iso;
use crate::error::{AppError, ErrorCode, Result};
use crate::ssec::{classify_read_error, SseCustomerKey, WithCustomerKey};
use crate::zos_wire;
use aws_sdk_s3::operation::head_object::HeadObjectOutput;

/// HEAD of one object, with the response headers the SDK does not model (`x-rgw-object-type`).
pub(super) async fn head(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    key: &str,
    version_id: Option<&str>,
    customer_key: Option<&SseCustomerKey>,
) -> Result<(HeadObjectOutput, ResponseHeaders)> {
    validate_key(key)?;
    let headers = ResponseHeaders::default();
    let out = s3
        .head_object()
        .bucket(bucket)
        .key(key)
        .set_version_id(version_id.map(str::to_owned))
        .customer_key(customer_key)
        .customize()
        .interceptor(headers.clone())
        .send()
        .await
        .map_err(|e| {
            classify_read_error(AppError::from_sdk(e, ErrorCode::NoSuchKey), customer_key.is_some())
        })?;
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
    head_object_with_key(s3, bucket, key, version_id, None).await
}

/// HEAD of one version of an object, with the SSE-C headers of `customer_key` if given (an
/// object encrypted with a customer key answers `EncryptedWithCustomerKey` without it).
pub async fn head_object_with_key(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    key: &str,
    version_id: Option<&str>,
    customer_key: Option<&SseCustomerKey>,
) -> Result<ObjectDetails> {
    let (out, headers) = head(s3, bucket, key, version_id, customer_key).await?;
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
        sse_customer_algorithm: out.sse_customer_algorithm().map(str::to_owned),
        cache_control: out.cache_control().map(str::to_owned),
        content_disposition: out.content_disposition().map(str::to_owned),
        content_disposition_file_name: out.content_disposition().and_then(disposition_file_name),
        content_encoding: out.content_encoding().map(str::to_owned),
        content_language: out.content_language().map(str::to_owned),
        expires: headers.get("expires").or_else(|| out.expires_string().map(str::to_owned)),
        website_redirect_location: out.website_redirect_location().map(str::to_owned),
        server_side_encryption: out.server_side_encryption().map(|s| s.as_str().to_owned()),
        sse_kms_key_id: out.ssekms_key_id().map(str::to_owned),
        object_lock_mode: out.object_lock_mode().map(|m| m.as_str().to_owned()),
        object_lock_retain_until: out.object_lock_retain_until_date().and_then(iso),
        object_lock_legal_hold: out
            .object_lock_legal_hold_status()
            .map(|s| *s == aws_sdk_s3::types::ObjectLockLegalHoldStatus::On),
        parts_count: out
            .parts_count()
            .and_then(|n| u32::try_from(n).ok())
            .or_else(|| out.e_tag().and_then(etag_parts)),
        missing_meta: out.missing_meta().and_then(|n| u32::try_from(n).ok()),
        tag_count: out.tag_count().and_then(|n| u32::try_from(n).ok()),
        next_append_position: headers.get(zos_wire::HEADER_NEXT_APPEND_POSITION).and_then(|p| p.parse().ok()),
    })
}

/// The parts of a multipart upload's ETag (`"<md5>-3"` → 3); `None` for a plain MD5.
fn etag_parts(etag: &str) -> Option<u32> {
    let (_, n) = etag.trim_matches('"').rsplit_once('-')?;
    n.parse().ok().filter(|n| *n > 0)
}

/// The file name a `Content-Disposition` gives: `filename*=UTF-8''…` (RFC 5987, percent-encoded
/// UTF-8) first, else `filename="…"`.
pub(super) fn disposition_file_name(value: &str) -> Option<String> {
    let params: Vec<(String, String)> = value
        .split(';')
        .skip(1)
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().trim_matches('"').to_owned()))
        .collect();
    let extended = params.iter().find(|(k, _)| k == "filename*").and_then(|(_, v)| {
        let (charset, rest) = v.split_once('\'')?;
        let (_, encoded) = rest.split_once('\'')?;
        if !charset.eq_ignore_ascii_case("utf-8") {
            return None;
        }
        percent_decode(encoded)
    });
    extended
        .or_else(|| params.into_iter().find(|(k, _)| k == "filename").map(|(_, v)| v))
        .filter(|n| !n.is_empty())
}

fn percent_decode(s: &str) -> Option<String> {
    let mut out = Vec::with_capacity(s.len());
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Whether `key` exists (HEAD answers 404 → false; other errors are errors; an object
/// encrypted with a customer key exists).
pub async fn object_exists(s3: &aws_sdk_s3::Client, bucket: &str, key: &str) -> Result<bool> {
    match head_object(s3, bucket, key).await {
        Ok(_) => Ok(true),
        Err(e) if e.is(ErrorCode::EncryptedWithCustomerKey) => Ok(true),
        Err(e) if e.is(ErrorCode::NoSuchKey) => Ok(false),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::{disposition_file_name as name, etag_parts};

    #[test]
    fn disposition_file_names_prefer_the_utf8_form() {
        assert_eq!(
            name("attachment; filename=\"__.pdf\"; filename*=UTF-8''%E6%8A%A5%E5%91%8A.pdf").as_deref(),
            Some("报告.pdf")
        );
        assert_eq!(name("inline; filename=\"a b.txt\"").as_deref(), Some("a b.txt"));
        assert_eq!(name("attachment"), None);
        assert_eq!(name("attachment; filename*=UTF-8''%ZZ; filename=x").as_deref(), Some("x"));
    }

    #[test]
    fn multipart_etags_tell_their_parts() {
        assert_eq!(etag_parts("\"5d41402abc4b2a76b9719d911017c592-12\""), Some(12));
        assert_eq!(etag_parts("\"5d41402abc4b2a76b9719d911017c592\""), None);
    }
}
