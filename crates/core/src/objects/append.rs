//! Append upload (a ZOS/radosgw extension, see [`crate::zos_wire`]): the bytes of a local file
//! added at the end of an Appendable object, or a new one at position 0.

use super::head_object;
use super::validate_key;
use crate::client::ResponseHeaders;
use crate::error::{AppError, ErrorCode, Result};
use crate::zos_wire::{HEADER_NEXT_APPEND_POSITION, QUERY_APPEND, QUERY_APPEND_POSITION};
use aws_sdk_s3::primitives::ByteStream;
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AppendResult {
    /// Where the next append goes (the object's new length).
    pub next_position: u64,
    pub appended: u64,
}

/// Appends the file at `position`. A position that is not the object's length is refused by
/// the server (409 PositionNotEqualToLength); the error then says the object's real length.
pub async fn append_file(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    key: &str,
    position: u64,
    source: &Path,
) -> Result<AppendResult> {
    validate_key(key)?;
    let data = tokio::fs::read(source)
        .await
        .map_err(|e| AppError::io(&format!("reading {}", source.display()), e))?;
    let appended = data.len() as u64;
    let md5 = base64::engine::general_purpose::STANDARD.encode(md5_digest(&data));
    let headers = ResponseHeaders::default();
    let query = format!("{QUERY_APPEND}=&{QUERY_APPEND_POSITION}={position}");
    let result = s3
        .put_object()
        .bucket(bucket)
        .key(key)
        .content_md5(md5)
        .content_length(appended as i64)
        .body(ByteStream::from(data))
        .customize()
        .mutate_request(move |req| {
            let uri = req.uri().to_owned();
            let joined = if uri.contains('?') { format!("{uri}&{query}") } else { format!("{uri}?{query}") };
            // The URI was valid; appending a fixed, ASCII query keeps it valid.
            let _ = req.set_uri(joined);
        })
        .interceptor(headers.clone())
        .send()
        .await;
    match result {
        Ok(_) => {
            let next_position = headers
                .get(HEADER_NEXT_APPEND_POSITION)
                .and_then(|v| v.parse().ok())
                .unwrap_or(position + appended);
            Ok(AppendResult { next_position, appended })
        }
        Err(e) => {
            let mut err = AppError::from_sdk(e, ErrorCode::NoSuchBucket);
            if err.is(ErrorCode::PositionNotEqualToLength) || err.status == Some(409) {
                if let Ok(current) = head_object(s3, bucket, key).await {
                    err.code = ErrorCode::PositionNotEqualToLength;
                    err.detail = format!(
                        "the object is {} bytes long: append at position {}",
                        current.size, current.size
                    );
                }
            }
            Err(err)
        }
    }
}

fn md5_digest(data: &[u8]) -> [u8; 16] {
    use md5::{Digest, Md5};
    Md5::digest(data).into()
}
