//! Versions and object lock against the real radosgw 16.2, checked with boto3: a key with three
//! versions and a delete marker (listed in pages, restored, one version deleted); a lock-enabled
//! bucket whose default retention round-trips; a legal hold and a governance retention that
//! refuse a delete with the reason, and a bypass that works only when chosen.

use zos_testkit as common;

use common::*;
use zos_core::buckets::config::object_lock::{
    self, DefaultRetention, ObjectLockConfiguration, ObjectLockRule, RetentionMode,
};
use zos_core::objects::lock::{self, ObjectVersionRef, Retention};
use zos_core::objects::versions;
use zos_core::ErrorCode;

async fn body(s3: &aws_sdk_s3::Client, bucket: &str, key: &str) -> Vec<u8> {
    let out = s3.get_object().bucket(bucket).key(key).send().await.unwrap();
    out.body.collect().await.unwrap().into_bytes().to_vec()
}

#[tokio::test]
async fn three_versions_and_a_delete_marker() {
    let s3 = server().s3();
    let bucket = unique_bucket("vers");
    make_bucket(&s3, &bucket).await;
    boto3(&format!(
        "s3.put_bucket_versioning(Bucket={bucket:?}, VersioningConfiguration={{'Status': 'Enabled'}})"
    ));
    let mut ids = Vec::new();
    for text in ["one", "two", "three"] {
        ids.push(
            s3.put_object()
                .bucket(&bucket)
                .key("报告 v.txt")
                .body(text.as_bytes().to_vec().into())
                .send()
                .await
                .unwrap()
                .version_id
                .unwrap(),
        );
    }
    put(&s3, &bucket, "other.txt", b"x").await;
    let marker =
        s3.delete_object().bucket(&bucket).key("报告 v.txt").send().await.unwrap().version_id.unwrap();

    // Pages of two: every version and the marker once, newest first per key.
    let (mut all, mut key_marker, mut version_marker) = (Vec::new(), None, None);
    loop {
        let page =
            versions::list_versions(&s3, &bucket, "", key_marker, version_marker, Some(2)).await.unwrap();
        all.extend(page.versions);
        if page.next_key_marker.is_none() {
            break;
        }
        (key_marker, version_marker) = (page.next_key_marker, page.next_version_id_marker);
    }
    let ours: Vec<(String, String, bool, bool)> =
        all.iter().map(|v| (v.key.clone(), v.version_id.clone(), v.delete_marker, v.is_latest)).collect();
    let expected = vec![
        ("other.txt".to_owned(), ours[0].1.clone(), false, true),
        ("报告 v.txt".to_owned(), marker.clone(), true, true),
        ("报告 v.txt".to_owned(), ids[2].clone(), false, false),
        ("报告 v.txt".to_owned(), ids[1].clone(), false, false),
        ("报告 v.txt".to_owned(), ids[0].clone(), false, false),
    ];
    assert_eq!(ours, expected);
    let boto3_ids = boto3(&format!(
        "r = s3.list_object_versions(Bucket={bucket:?}, Prefix='报告')\nprint(' '.join([m['VersionId'] for m in r.get('DeleteMarkers', [])] + [v['VersionId'] for v in r['Versions']]))"
    ));
    assert_eq!(
        boto3_ids,
        format!("{marker} {} {} {}", ids[2], ids[1], ids[0]),
        "boto3 lists the same, newest first"
    );

    // Restore the first version: it becomes the current object (over the delete marker).
    let one = ObjectVersionRef {
        bucket: bucket.clone(),
        key: "报告 v.txt".into(),
        version_id: Some(ids[0].clone()),
    };
    versions::restore_version(&s3, &one).await.unwrap();
    assert_eq!(body(&s3, &bucket, "报告 v.txt").await, b"one");
    let count =
        boto3(&format!("print(len(s3.list_object_versions(Bucket={bucket:?}, Prefix='报告')['Versions']))"));
    assert_eq!(count, "4", "the restore is a new version; the old ones stay");

    // Delete the second version for good: boto3 no longer lists it; the others stay.
    let two = ObjectVersionRef { version_id: Some(ids[1].clone()), ..one.clone() };
    versions::delete_version(&s3, &two, false).await.unwrap();
    let left = boto3(&format!(
        "r = s3.list_object_versions(Bucket={bucket:?}, Prefix='报告')\nprint(len(r['Versions']), len(r.get('DeleteMarkers', [])), {:?} in [v['VersionId'] for v in r['Versions']])",
        ids[1]
    ));
    assert_eq!(left, "3 1 False", "versions, markers, the deleted one listed");
    let err = versions::delete_version(&s3, &ObjectVersionRef { version_id: None, ..one.clone() }, false)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput, "never a plain delete by mistake");
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn object_lock_holds_and_explains() {
    let s3 = server().s3();
    let bucket = unique_bucket("lock");
    boto3(&format!("s3.create_bucket(Bucket={bucket:?}, ObjectLockEnabledForBucket=True)"));

    // The bucket's default retention, both ways with boto3.
    let config = ObjectLockConfiguration {
        object_lock_enabled: true,
        rule: Some(ObjectLockRule {
            default_retention: DefaultRetention {
                mode: RetentionMode::Governance,
                days: Some(2),
                years: None,
            },
        }),
    };
    assert_eq!(object_lock::get(&s3, &bucket).await.unwrap().unwrap().rule, None);
    object_lock::put(&s3, &bucket, &config).await.unwrap();
    assert_eq!(object_lock::get(&s3, &bucket).await.unwrap(), Some(config.clone()));
    assert_eq!(
        boto3(&format!("r = s3.get_object_lock_configuration(Bucket={bucket:?})['ObjectLockConfiguration']['Rule']['DefaultRetention']\nprint(r['Mode'], r.get('Days'), r.get('Years'))")),
        "GOVERNANCE 2 None"
    );
    boto3(&format!(
        "s3.put_object_lock_configuration(Bucket={bucket:?}, ObjectLockConfiguration={{'ObjectLockEnabled': 'Enabled', 'Rule': {{'DefaultRetention': {{'Mode': 'COMPLIANCE', 'Years': 1}}}}}})"
    ));
    let read = object_lock::get(&s3, &bucket).await.unwrap().unwrap();
    assert_eq!(
        read.rule.unwrap().default_retention,
        DefaultRetention { mode: RetentionMode::Compliance, days: None, years: Some(1) }
    );
    let both = ObjectLockConfiguration {
        object_lock_enabled: true,
        rule: Some(ObjectLockRule {
            default_retention: DefaultRetention {
                mode: RetentionMode::Governance,
                days: Some(1),
                years: Some(1),
            },
        }),
    };
    assert_eq!(
        object_lock::put(&s3, &bucket, &both).await.unwrap_err().code,
        ErrorCode::InvalidInput,
        "Days and Years together"
    );
    // Back to no default rule, so new objects are not locked by it.
    object_lock::put(&s3, &bucket, &ObjectLockConfiguration { object_lock_enabled: true, rule: None })
        .await
        .unwrap();

    let version = s3
        .put_object()
        .bucket(&bucket)
        .key("contract.pdf")
        .body(b"signed".to_vec().into())
        .send()
        .await
        .unwrap()
        .version_id
        .unwrap();
    let target = ObjectVersionRef {
        bucket: bucket.clone(),
        key: "contract.pdf".into(),
        version_id: Some(version.clone()),
    };

    // A legal hold refuses the delete, and says so.
    assert_eq!(lock::get_legal_hold(&s3, &target).await.unwrap(), None);
    lock::put_legal_hold(&s3, &target, true).await.unwrap();
    assert_eq!(boto3(&format!("print(s3.get_object_legal_hold(Bucket={bucket:?}, Key='contract.pdf', VersionId={version:?})['LegalHold']['Status'])")), "ON");
    let err = versions::delete_version(&s3, &target, false).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::ObjectLocked, "{err:?}");
    assert!(err.detail.contains("legal hold"), "{}", err.detail);
    lock::put_legal_hold(&s3, &target, false).await.unwrap();
    assert_eq!(lock::get_legal_hold(&s3, &target).await.unwrap(), Some(false));

    // A governance retention refuses it too, and the bypass works only when chosen.
    let until = aws_smithy_types::DateTime::from_secs(
        aws_smithy_types::DateTime::from(std::time::SystemTime::now()).secs() + 86_400 + 17,
    )
    .fmt(aws_smithy_types::date_time::Format::DateTime)
    .unwrap();
    lock::put_retention(
        &s3,
        &target,
        &Retention { mode: RetentionMode::Governance, retain_until: until.clone() },
        false,
    )
    .await
    .unwrap();
    let read = lock::get_retention(&s3, &target).await.unwrap().unwrap();
    assert_eq!(read.mode, RetentionMode::Governance);
    assert_eq!(
        boto3(&format!("print(s3.get_object_retention(Bucket={bucket:?}, Key='contract.pdf', VersionId={version:?})['Retention']['Mode'])")),
        "GOVERNANCE"
    );
    let err = versions::delete_version(&s3, &target, false).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::ObjectLocked, "{err:?}");
    assert!(err.detail.contains("GOVERNANCE") && err.detail.contains("bypass"), "{}", err.detail);
    assert!(
        s3.head_object().bucket(&bucket).key("contract.pdf").version_id(&version).send().await.is_ok(),
        "still there"
    );
    versions::delete_version(&s3, &target, true).await.unwrap();
    assert!(
        s3.head_object().bucket(&bucket).key("contract.pdf").version_id(&version).send().await.is_err(),
        "deleted with the bypass"
    );
    drop_bucket(&s3, &bucket).await;
}
