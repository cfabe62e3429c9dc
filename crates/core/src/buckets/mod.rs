//! Bucket operations: list, create (with the ZOS extras), delete, usage. Each bucket
//! sub-resource (versioning, policy, lifecycle, …) has its own file under [`config`].

pub mod config;
mod name;

pub use name::{
    check_bucket_name, validate_bucket_name, BucketNameCheck, BucketNameProblem, BucketNameVerdict,
};

use crate::client::ResponseHeaders;
use crate::dates::iso;
use crate::error::{AppError, ErrorCode, Result};
use crate::zos_wire::{self, AzPolicy, BucketStorageClass};
use aws_sdk_s3::types::BucketCannedAcl;
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct BucketSummary {
    pub name: String,
    /// ISO-8601 (UTC).
    pub creation_date: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum CannedAcl {
    Private,
    PublicRead,
    PublicReadWrite,
    AuthenticatedRead,
}

impl CannedAcl {
    /// The `x-amz-acl` word (buckets and objects alike).
    pub fn as_str(self) -> &'static str {
        match self {
            CannedAcl::Private => "private",
            CannedAcl::PublicRead => "public-read",
            CannedAcl::PublicReadWrite => "public-read-write",
            CannedAcl::AuthenticatedRead => "authenticated-read",
        }
    }

    fn to_sdk(self) -> BucketCannedAcl {
        match self {
            CannedAcl::Private => BucketCannedAcl::Private,
            CannedAcl::PublicRead => BucketCannedAcl::PublicRead,
            CannedAcl::PublicReadWrite => BucketCannedAcl::PublicReadWrite,
            CannedAcl::AuthenticatedRead => BucketCannedAcl::AuthenticatedRead,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CreateBucketRequest {
    pub name: String,
    pub acl: Option<CannedAcl>,
    pub object_lock: bool,
    pub az_policy: Option<AzPolicy>,
    pub storage_class: Option<BucketStorageClass>,
}

/// Figures from HEAD bucket. radosgw counts every stored version, noncurrent ones included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct BucketUsage {
    pub object_count: Option<u64>,
    pub bytes_used: Option<u64>,
}

pub async fn list_buckets(s3: &aws_sdk_s3::Client) -> Result<Vec<BucketSummary>> {
    let out = s3.list_buckets().send().await.map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchBucket))?;
    let mut buckets: Vec<BucketSummary> = out
        .buckets()
        .iter()
        .map(|b| BucketSummary {
            name: b.name().unwrap_or_default().to_owned(),
            creation_date: b.creation_date().and_then(iso),
        })
        .collect();
    buckets.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(buckets)
}

/// Creates a bucket. radosgw answers 200 to CreateBucket of a bucket the caller already owns
/// (test-server trap 14), so a HEAD first tells "you already have it" apart from "created".
pub async fn create_bucket(s3: &aws_sdk_s3::Client, request: &CreateBucketRequest) -> Result<()> {
    validate_bucket_name(&request.name)?;
    if s3.head_bucket().bucket(&request.name).send().await.is_ok() {
        return Err(AppError::new(
            ErrorCode::BucketAlreadyOwnedByYou,
            format!("{} already exists and is yours: nothing was created", request.name),
        ));
    }
    let mut op = s3.create_bucket().bucket(&request.name);
    if let Some(acl) = request.acl {
        op = op.acl(acl.to_sdk());
    }
    if request.object_lock {
        op = op.object_lock_enabled_for_bucket(true);
    }
    let extra = zos_wire::create_bucket_headers(request.az_policy, request.storage_class);
    op.customize()
        .mutate_request(move |req| {
            for (name, value) in &extra {
                req.headers_mut().insert(*name, *value);
            }
        })
        .send()
        .await
        .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchBucket))?;
    Ok(())
}

/// Deletes an empty bucket. A bucket with objects is refused by the server (BucketNotEmpty):
/// this never empties a bucket on its own.
pub async fn delete_bucket(s3: &aws_sdk_s3::Client, bucket: &str) -> Result<()> {
    s3.delete_bucket()
        .bucket(bucket)
        .send()
        .await
        .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchBucket))?;
    Ok(())
}

pub async fn bucket_usage(s3: &aws_sdk_s3::Client, bucket: &str) -> Result<BucketUsage> {
    let headers = ResponseHeaders::default();
    s3.head_bucket()
        .bucket(bucket)
        .customize()
        .interceptor(headers.clone())
        .send()
        .await
        .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchBucket))?;
    let number = |name| headers.get(name).and_then(|v| v.trim().parse::<u64>().ok());
    Ok(BucketUsage {
        object_count: number(zos_wire::HEADER_OBJECT_COUNT),
        bytes_used: number(zos_wire::HEADER_BYTES_USED),
    })
}
