//! Bucket configurations against the real radosgw, each checked both ways with boto3: what the
//! core writes, boto3 reads back, and what boto3 writes, the core reads.

use zos_testkit as common;

use common::*;
use zos_core::buckets::config::versioning::{self, BucketVersioning, VersioningStatus};
use zos_core::ErrorCode;

fn boto3_versioning(bucket: &str) -> String {
    boto3(&format!("print(s3.get_bucket_versioning(Bucket={bucket:?}).get('Status', 'never'))"))
}

/// The core's reading in boto3's words: `Status MFADelete`, `never` when unset.
fn core_reading_as_boto3(v: &Option<BucketVersioning>) -> String {
    match v {
        None => "never".into(),
        Some(v) => format!("{:?} {}", v.status, v.mfa_delete.as_deref().unwrap_or("-")),
    }
}

fn boto3_full_versioning(bucket: &str) -> String {
    boto3(&format!(
        "v = s3.get_bucket_versioning(Bucket={bucket:?})\nprint(v.get('Status', 'never') if 'Status' not in v else v['Status'] + ' ' + v.get('MFADelete', '-'))"
    ))
}

#[tokio::test]
async fn versioning_round_trips_with_boto3() {
    let s3 = server().s3();
    let bucket = unique_bucket("ver");
    make_bucket(&s3, &bucket).await;

    assert_eq!(versioning::get(&s3, &bucket).await.unwrap(), None, "never enabled");
    assert_eq!(boto3_versioning(&bucket), "never");

    versioning::put(&s3, &bucket, VersioningStatus::Enabled).await.unwrap();
    assert_eq!(boto3_versioning(&bucket), "Enabled");
    let enabled = versioning::get(&s3, &bucket).await.unwrap().expect("configured");
    assert_eq!(enabled.status, VersioningStatus::Enabled);
    assert_eq!(core_reading_as_boto3(&Some(enabled)), boto3_full_versioning(&bucket), "field by field");

    boto3(&format!(
        "s3.put_bucket_versioning(Bucket={bucket:?}, VersioningConfiguration={{'Status': 'Suspended'}})"
    ));
    let suspended = versioning::get(&s3, &bucket).await.unwrap();
    assert_eq!(suspended.as_ref().map(|v| v.status), Some(VersioningStatus::Suspended));
    assert_eq!(core_reading_as_boto3(&suspended), boto3_full_versioning(&bucket), "field by field");

    versioning::put(&s3, &bucket, VersioningStatus::Enabled).await.unwrap();
    versioning::put(&s3, &bucket, VersioningStatus::Suspended).await.unwrap();
    assert_eq!(boto3_versioning(&bucket), "Suspended");

    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn versioning_of_a_missing_bucket_says_so() {
    let s3 = server().s3();
    let err = versioning::get(&s3, "t-no-such-bucket-ver").await.unwrap_err();
    assert_eq!((err.code, err.status), (ErrorCode::NoSuchBucket, Some(404)), "{err:?}");
    let err = versioning::put(&s3, "t-no-such-bucket-ver", VersioningStatus::Enabled).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::NoSuchBucket, "{err:?}");
    assert!(err.request_id.is_some(), "{err:?}");
}

#[tokio::test]
async fn another_users_bucket_is_access_denied() {
    let srv = server();
    let (s3, s3b) = (srv.s3(), srv.s3_user2());
    let bucket = unique_bucket("ver2");
    make_bucket(&s3, &bucket).await;
    let err = versioning::put(&s3b, &bucket, VersioningStatus::Enabled).await.unwrap_err();
    assert_eq!((err.code, err.status), (ErrorCode::AccessDenied, Some(403)), "{err:?}");
    assert_eq!(versioning::get(&s3, &bucket).await.unwrap(), None, "nothing changed");
    drop_bucket(&s3, &bucket).await;
}
