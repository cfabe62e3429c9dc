//! The server's image processing: a preview GET with `x-zos-process`, the check that the server
//! really processed (radosgw ignores the parameter and answers the original), presigned URLs
//! with a pipeline, and process_object (persist a processed copy). Wire forms: `zos_wire`.

use super::{ImageRef, MAX_SOURCE_BYTES};
use crate::error::{AppError, ErrorCode, Result};
use crate::zos_wire;
use aws_sdk_s3::presigning::PresigningConfig;
use aws_smithy_types::body::SdkBody;
use std::time::Duration;

/// What a GET answered.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub bytes: Vec<u8>,
    pub content_type: Option<String>,
    pub etag: Option<String>,
}

/// GET of the object, with the pipeline as `x-zos-process` when one is given.
pub async fn fetch(s3: &aws_sdk_s3::Client, image: &ImageRef, pipeline: Option<&str>) -> Result<Fetched> {
    let request =
        s3.get_object().bucket(&image.bucket).key(&image.key).set_version_id(image.version_id.clone());
    let out = match pipeline {
        Some(pipeline) => {
            let query = format!("{}={}", zos_wire::QUERY_PROCESS, zos_wire::encode_query_value(pipeline));
            request.customize().mutate_request(move |req| add_query(req, &query)).send().await
        }
        None => request.send().await,
    }
    .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchKey))?;
    if out.content_length().unwrap_or(0) > MAX_SOURCE_BYTES as i64 {
        return Err(too_large(out.content_length().unwrap_or(0) as u64));
    }
    let content_type = out.content_type().map(str::to_owned);
    let etag = out.e_tag().map(str::to_owned);
    let bytes = out
        .body
        .collect()
        .await
        .map_err(|e| AppError::new(ErrorCode::ConnectFailed, format!("reading the image: {e}")))?
        .into_bytes()
        .to_vec();
    Ok(Fetched { bytes, content_type, etag })
}

pub(super) fn too_large(size: u64) -> AppError {
    AppError::new(
        ErrorCode::EntityTooLarge,
        format!("the image is {size} bytes; previews read at most {MAX_SOURCE_BYTES} bytes"),
    )
}

/// Whether a processed answer is in fact the original: radosgw (and any S3 server without ZOS
/// image processing) ignores `x-zos-process` and sends the object as stored, with its ETag.
/// A processed image is new bytes, so its ETag (if any) and its bytes differ from the object's.
pub fn ignored_by_server(answer: &Fetched, original: &Fetched) -> bool {
    answer.bytes == original.bytes || (answer.etag.is_some() && answer.etag == original.etag)
}

/// A presigned GET URL, with the pipeline when one is given (signed over it).
pub async fn presigned_url(
    s3: &aws_sdk_s3::Client,
    image: &ImageRef,
    pipeline: Option<&str>,
    expires_in: Duration,
) -> Result<String> {
    let config =
        PresigningConfig::expires_in(expires_in).map_err(|e| AppError::invalid_input(e.to_string()))?;
    let request =
        s3.get_object().bucket(&image.bucket).key(&image.key).set_version_id(image.version_id.clone());
    let presigned = match pipeline {
        Some(pipeline) => {
            let query = format!("{}={}", zos_wire::QUERY_PROCESS, zos_wire::encode_query_value(pipeline));
            request.customize().mutate_request(move |req| add_query(req, &query)).presigned(config).await
        }
        None => request.presigned(config).await,
    }
    .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchKey))?;
    Ok(presigned.uri().to_owned())
}

/// process_object: the server writes the processed source to `dst_bucket/dst_key`. The request
/// is a PutObject turned into the POST of [`zos_wire::process_object_body`] before signing.
pub async fn process_object(
    s3: &aws_sdk_s3::Client,
    source: &ImageRef,
    pipeline: &str,
    dst_bucket: &str,
    dst_key: &str,
) -> Result<()> {
    crate::objects::validate_key(dst_key)?;
    let body =
        zos_wire::process_object_body(pipeline, &source.bucket, &source.key, source.version_id.as_deref());
    s3.put_object()
        .bucket(dst_bucket)
        .key(dst_key)
        .customize()
        .mutate_request(move |req| {
            req.set_method("POST").expect("POST is a method");
            // The wire form has no query: drop the SDK's `x-id=PutObject`.
            let bare =
                req.uri().split_once('?').map_or_else(|| req.uri().to_owned(), |(path, _)| path.to_owned());
            req.set_uri(bare).expect("the same URI without its query");
            req.headers_mut().insert("content-type", zos_wire::PROCESS_OBJECT_CONTENT_TYPE);
            req.headers_mut().insert("content-length", body.len().to_string());
            *req.body_mut() = SdkBody::from(body.clone());
        })
        .send()
        .await
        .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchBucket))?;
    Ok(())
}

fn add_query(req: &mut aws_smithy_runtime_api::http::Request, query: &str) {
    let uri = req.uri();
    let joined = if uri.contains('?') { format!("{uri}&{query}") } else { format!("{uri}?{query}") };
    req.set_uri(joined).expect("a URI with one more query parameter");
}
