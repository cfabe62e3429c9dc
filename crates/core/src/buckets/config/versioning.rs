//! Bucket versioning (`?versioning`). Once enabled, versioning can never be turned off again,
//! only suspended; there is no DELETE. A bucket where it was never enabled answers without a
//! `Status`: that is `None` here.

use crate::error::{AppError, ErrorCode, Result};
use aws_sdk_s3::types::{BucketVersioningStatus, VersioningConfiguration};
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum VersioningStatus {
    Enabled,
    Suspended,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct BucketVersioning {
    pub status: VersioningStatus,
    /// `Enabled` / `Disabled` when the server reports MFA delete; shown, not edited.
    pub mfa_delete: Option<String>,
}

pub async fn get(s3: &aws_sdk_s3::Client, bucket: &str) -> Result<Option<BucketVersioning>> {
    let out = s3
        .get_bucket_versioning()
        .bucket(bucket)
        .send()
        .await
        .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchBucket))?;
    let status = match out.status() {
        None => return Ok(None),
        Some(BucketVersioningStatus::Enabled) => VersioningStatus::Enabled,
        Some(BucketVersioningStatus::Suspended) => VersioningStatus::Suspended,
        Some(other) => {
            return Err(AppError::new(
                ErrorCode::Unknown,
                format!("the server reports an unknown versioning status {:?}", other.as_str()),
            ))
        }
    };
    Ok(Some(BucketVersioning { status, mfa_delete: out.mfa_delete().map(|m| m.as_str().to_owned()) }))
}

pub async fn put(s3: &aws_sdk_s3::Client, bucket: &str, status: VersioningStatus) -> Result<()> {
    let status = match status {
        VersioningStatus::Enabled => BucketVersioningStatus::Enabled,
        VersioningStatus::Suspended => BucketVersioningStatus::Suspended,
    };
    s3.put_bucket_versioning()
        .bucket(bucket)
        .versioning_configuration(VersioningConfiguration::builder().status(status).build())
        .send()
        .await
        .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchBucket))?;
    Ok(())
}
