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

pub mod versioning;

use crate::error::{ErrorCode, Result};

/// `Ok(None)` where the server answered that the bucket has no such configuration.
pub fn not_configured_is_none<T>(result: Result<T>, not_configured: &[ErrorCode]) -> Result<Option<T>> {
    match result {
        Ok(value) => Ok(Some(value)),
        Err(e) if not_configured.contains(&e.code) => Ok(None),
        Err(e) => Err(e),
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
