//! Bucket configurations: one file per sub-resource, all of one shape.
//!
//! ```text
//! pub async fn get(s3, bucket) -> Result<Option<T>>   // None: the bucket has none
//! pub async fn put(s3, bucket, value) -> Result<()>
//! pub async fn delete(s3, bucket) -> Result<()>       // where the sub-resource has a DELETE
//! ```
//!
//! `get` turns the sub-resource's "not configured" answer (`NoSuchCORSConfiguration`, …) into
//! `None` with [`not_configured_is_none`]. A `delete` must only ever be sent to a server that
//! has shown it knows the sub-resource: radosgw Pacific runs `DELETE /b?unknown` as
//! DeleteBucket (test-server trap 1).

pub mod acl;
pub mod capabilities;
pub mod cors;
pub mod document;
pub mod encryption;
pub mod lifecycle;
pub mod logging;
pub mod notification;
pub mod object_lock;
pub mod policy;
pub mod preflight;
pub mod request_payment;
pub mod tagging;
pub mod versioning;
pub mod website;

use crate::error::{AppError, ErrorCode, Result};
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use capabilities::{classify, unsupported_error, SubResource, Support};

/// `Ok(None)` where the server answered that the bucket has no such configuration.
pub fn not_configured_is_none<T>(result: Result<T>, not_configured: &[ErrorCode]) -> Result<Option<T>> {
    match result {
        Ok(value) => Ok(Some(value)),
        Err(e) if not_configured.contains(&e.code) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Maps the failure of a GET of `sub`: an answer that shows the server does not know the
/// sub-resource (an object listing, 405, 501) becomes [`ErrorCode::UnsupportedByServer`].
pub fn read_error<E>(sub: SubResource, err: SdkError<E, HttpResponse>) -> AppError
where
    E: aws_sdk_s3::error::ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
{
    if let Some(raw) = err.raw_response() {
        if let Some(Support::Unsupported { why }) =
            classify(raw.status().as_u16(), raw.body().bytes().unwrap_or_default())
        {
            return unsupported_error(sub, why);
        }
    }
    AppError::from_sdk(err, ErrorCode::NoSuchBucket)
}

/// Maps the failure of a PUT or DELETE.
pub fn write_error<E>(err: SdkError<E, HttpResponse>) -> AppError
where
    E: aws_sdk_s3::error::ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
{
    AppError::from_sdk(err, ErrorCode::NoSuchBucket)
}

/// Before a configuration DELETE: reads the sub-resource so that this client has proof the
/// server knows it (the guard refuses the DELETE otherwise). A missing bucket stops here.
pub async fn prove_before_delete(s3: &aws_sdk_s3::Client, bucket: &str, sub: SubResource) -> Result<()> {
    match capabilities::probe(s3, bucket, sub).await {
        Err(e) if e.is(ErrorCode::NoSuchBucket) => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::AppError;

    #[test]
    fn only_the_named_codes_mean_not_configured() {
        let missing = Err(AppError::new(ErrorCode::NoSuchCORSConfiguration, ""));
        assert_eq!(not_configured_is_none::<u8>(missing, &[ErrorCode::NoSuchCORSConfiguration]), Ok(None));
        let denied = Err(AppError::new(ErrorCode::AccessDenied, ""));
        assert!(not_configured_is_none::<u8>(denied, &[ErrorCode::NoSuchCORSConfiguration]).is_err());
        assert_eq!(not_configured_is_none(Ok(7), &[]), Ok(Some(7)));
    }
}
