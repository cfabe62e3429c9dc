//! Object lock on one object or version: legal hold (on/off, no end date) and retention (mode
//! and retain-until date). Shortening or removing a GOVERNANCE retention needs the explicit
//! bypass the user confirms; COMPLIANCE cannot be shortened by anyone.

use crate::buckets::config::object_lock::RetentionMode;
use crate::error::{AppError, ErrorCode, Result};
use aws_sdk_s3::types as sdk;
use aws_smithy_types::date_time::Format;
use aws_smithy_types::DateTime;
use serde::{Deserialize, Serialize};
use specta::Type;

/// An object, or one version of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ObjectVersionRef {
    pub bucket: String,
    pub key: String,
    pub version_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Retention {
    pub mode: RetentionMode,
    /// ISO-8601, UTC.
    pub retain_until: String,
}

fn not_found(
    e: aws_sdk_s3::error::SdkError<
        impl aws_sdk_s3::error::ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
        aws_smithy_runtime_api::client::orchestrator::HttpResponse,
    >,
) -> AppError {
    AppError::from_sdk(e, ErrorCode::NoSuchKey)
}

/// `Ok(None)` when no legal hold was ever set on it.
pub async fn get_legal_hold(s3: &aws_sdk_s3::Client, target: &ObjectVersionRef) -> Result<Option<bool>> {
    let out = s3
        .get_object_legal_hold()
        .bucket(&target.bucket)
        .key(&target.key)
        .set_version_id(target.version_id.clone())
        .send()
        .await;
    match out {
        Ok(out) => {
            Ok(out.legal_hold().and_then(|h| h.status()).map(|s| *s == sdk::ObjectLockLegalHoldStatus::On))
        }
        Err(e) => {
            let e = not_found(e);
            // radosgw and S3 answer "no legal hold here" with this code.
            if e.server_code.as_deref() == Some("NoSuchObjectLockConfiguration")
                || e.is(ErrorCode::ObjectLockConfigurationNotFoundError)
            {
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

pub async fn put_legal_hold(s3: &aws_sdk_s3::Client, target: &ObjectVersionRef, on: bool) -> Result<()> {
    let status = if on { sdk::ObjectLockLegalHoldStatus::On } else { sdk::ObjectLockLegalHoldStatus::Off };
    s3.put_object_legal_hold()
        .bucket(&target.bucket)
        .key(&target.key)
        .set_version_id(target.version_id.clone())
        .legal_hold(sdk::ObjectLockLegalHold::builder().status(status).build())
        .send()
        .await
        .map_err(not_found)?;
    Ok(())
}

/// `Ok(None)` when it has no retention.
pub async fn get_retention(s3: &aws_sdk_s3::Client, target: &ObjectVersionRef) -> Result<Option<Retention>> {
    let out = s3
        .get_object_retention()
        .bucket(&target.bucket)
        .key(&target.key)
        .set_version_id(target.version_id.clone())
        .send()
        .await;
    match out {
        Ok(out) => {
            let Some(r) = out.retention() else { return Ok(None) };
            let (Some(mode), Some(until)) = (r.mode(), r.retain_until_date()) else { return Ok(None) };
            Ok(Some(Retention {
                mode: RetentionMode::from_sdk(mode.as_str())?,
                retain_until: until.fmt(Format::DateTime).unwrap_or_default(),
            }))
        }
        Err(e) => {
            let e = not_found(e);
            if e.server_code.as_deref() == Some("NoSuchObjectLockConfiguration")
                || e.is(ErrorCode::ObjectLockConfigurationNotFoundError)
            {
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

/// Sets the retention. `bypass_governance` (shortening or removing a GOVERNANCE retention) is
/// only sent when the user chose it.
pub async fn put_retention(
    s3: &aws_sdk_s3::Client,
    target: &ObjectVersionRef,
    retention: &Retention,
    bypass_governance: bool,
) -> Result<()> {
    let until = DateTime::from_str(&retention.retain_until, Format::DateTime).map_err(|_| {
        AppError::invalid_input(format!("retain until {:?}: not an ISO-8601 date", retention.retain_until))
    })?;
    s3.put_object_retention()
        .bucket(&target.bucket)
        .key(&target.key)
        .set_version_id(target.version_id.clone())
        .retention(
            sdk::ObjectLockRetention::builder()
                .mode(sdk::ObjectLockRetentionMode::from(retention.mode.as_str()))
                .retain_until_date(until)
                .build(),
        )
        .set_bypass_governance_retention(bypass_governance.then_some(true))
        .send()
        .await
        .map_err(not_found)?;
    Ok(())
}
