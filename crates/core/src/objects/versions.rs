//! Versions of the objects under a prefix (paged with KeyMarker/VersionIdMarker), deleting one
//! version (with the user's explicit bypass of a GOVERNANCE retention), and restoring one (a
//! server-side copy of it over the current object). A delete that object lock refuses is
//! explained: which lock, until when, and whether a bypass could help.

use super::lock::{get_legal_hold, get_retention, ObjectVersionRef};
use crate::buckets::config::object_lock::RetentionMode;
use crate::dates::iso;
use crate::error::{AppError, ErrorCode, Result};
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ObjectVersion {
    pub key: String,
    pub version_id: String,
    pub is_latest: bool,
    /// A delete marker: the key "deleted" at this point; it has no bytes.
    pub delete_marker: bool,
    pub size: u64,
    /// ISO-8601, UTC.
    pub last_modified: Option<String>,
    pub etag: Option<String>,
    pub storage_class: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct VersionPage {
    /// Newest first per key, keys in order (the server's order), markers and versions mixed.
    pub versions: Vec<ObjectVersion>,
    pub next_key_marker: Option<String>,
    pub next_version_id_marker: Option<String>,
}

pub async fn list_versions(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    prefix: &str,
    key_marker: Option<String>,
    version_id_marker: Option<String>,
    max_keys: Option<i32>,
) -> Result<VersionPage> {
    let out = s3
        .list_object_versions()
        .bucket(bucket)
        .prefix(prefix)
        .set_key_marker(key_marker)
        .set_version_id_marker(version_id_marker)
        .set_max_keys(max_keys)
        .send()
        .await
        .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchBucket))?;
    let mut versions: Vec<(ObjectVersion, i64)> = out
        .versions()
        .iter()
        .map(|v| {
            let modified = v.last_modified().map(|d| d.secs()).unwrap_or_default();
            (
                ObjectVersion {
                    key: v.key().unwrap_or_default().to_owned(),
                    version_id: v.version_id().unwrap_or("null").to_owned(),
                    is_latest: v.is_latest().unwrap_or(false),
                    delete_marker: false,
                    size: v.size().unwrap_or_default().max(0) as u64,
                    last_modified: v.last_modified().and_then(iso),
                    etag: v.e_tag().map(str::to_owned),
                    storage_class: v.storage_class().map(|c| c.as_str().to_owned()),
                },
                modified,
            )
        })
        .collect();
    versions.extend(out.delete_markers().iter().map(|m| {
        (
            ObjectVersion {
                key: m.key().unwrap_or_default().to_owned(),
                version_id: m.version_id().unwrap_or("null").to_owned(),
                is_latest: m.is_latest().unwrap_or(false),
                delete_marker: true,
                size: 0,
                last_modified: m.last_modified().and_then(iso),
                etag: None,
                storage_class: None,
            },
            m.last_modified().map(|d| d.secs()).unwrap_or_default(),
        )
    }));
    // The SDK gives versions and markers in two lists: merge them per key, newest first.
    versions
        .sort_by(|(a, at), (b, bt)| a.key.cmp(&b.key).then(b.is_latest.cmp(&a.is_latest)).then(bt.cmp(at)));
    let truncated = out.is_truncated() == Some(true);
    Ok(VersionPage {
        versions: versions.into_iter().map(|(v, _)| v).collect(),
        next_key_marker: out.next_key_marker().filter(|_| truncated).map(str::to_owned),
        next_version_id_marker: out.next_version_id_marker().filter(|_| truncated).map(str::to_owned),
    })
}

/// Deletes one version for good (or one delete marker, which brings the key back).
/// `bypass_governance` is only sent when the user chose it. A refusal by object lock comes back
/// as [`ErrorCode::ObjectLocked`] saying which lock and until when.
pub async fn delete_version(
    s3: &aws_sdk_s3::Client,
    target: &ObjectVersionRef,
    bypass_governance: bool,
) -> Result<()> {
    let Some(version_id) = target.version_id.clone() else {
        return Err(AppError::invalid_input("deleting one version needs its version id"));
    };
    let result = s3
        .delete_object()
        .bucket(&target.bucket)
        .key(&target.key)
        .version_id(version_id)
        .set_bypass_governance_retention(bypass_governance.then_some(true))
        .send()
        .await
        .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchVersion));
    match result {
        Ok(_) => Ok(()),
        Err(e) if e.is(ErrorCode::AccessDenied) => {
            Err(explain_lock(s3, target, bypass_governance).await.unwrap_or(e))
        }
        Err(e) => Err(e),
    }
}

/// Why object lock refused a delete, when it did: `None` when the version is not locked (then
/// the refusal was about permissions).
pub async fn explain_lock(
    s3: &aws_sdk_s3::Client,
    target: &ObjectVersionRef,
    bypassed: bool,
) -> Option<AppError> {
    if get_legal_hold(s3, target).await.ok().flatten() == Some(true) {
        return Some(AppError::new(
            ErrorCode::ObjectLocked,
            "a legal hold is on this version: nobody can delete it until the hold is removed",
        ));
    }
    let retention = get_retention(s3, target).await.ok().flatten()?;
    let detail = match retention.mode {
        RetentionMode::Compliance => {
            format!("COMPLIANCE retention until {}: nobody can delete it before then", retention.retain_until)
        }
        RetentionMode::Governance if bypassed => format!(
            "GOVERNANCE retention until {}, and this user may not bypass it (s3:BypassGovernanceRetention)",
            retention.retain_until
        ),
        RetentionMode::Governance => format!(
            "GOVERNANCE retention until {}: a user allowed to bypass governance may delete it by choosing so",
            retention.retain_until
        ),
    };
    Some(AppError::new(ErrorCode::ObjectLocked, detail))
}

/// Makes an older version the current one again: a server-side copy of it over the key (the
/// version itself stays; the copy gets a new version id). Objects over 5 GiB go through the
/// transfer engine's copy instead. radosgw 16.2 sends no `x-amz-version-id` with the copy's
/// answer, so the new version's id is not reported.
pub async fn restore_version(s3: &aws_sdk_s3::Client, target: &ObjectVersionRef) -> Result<()> {
    let Some(version_id) = &target.version_id else {
        return Err(AppError::invalid_input("restoring needs the version id of the version to restore"));
    };
    let source =
        format!("{}?versionId={version_id}", crate::objects::copy_source(&target.bucket, &target.key));
    s3.copy_object()
        .bucket(&target.bucket)
        .key(&target.key)
        .copy_source(source)
        .send()
        .await
        .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchVersion))?;
    Ok(())
}
