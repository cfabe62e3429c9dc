//! Default encryption and access logging. radosgw 16.2 has neither: on it the editors read as
//! UnsupportedByServer and the encryption DELETE never leaves the client. Their round trips run
//! against an S3 **emulator** (moto's server), named so in each test.

use zos_testkit as common;

use common::emulator::emulator;
use common::*;
use zos_core::buckets::config::acl::{Grantee, GranteeType};
use zos_core::buckets::config::encryption::{
    self, EncryptionByDefault, EncryptionConfiguration, EncryptionRule, SseAlgorithm,
};
use zos_core::buckets::config::logging::{self, BucketLogging, LogPermission, LoggingEnabled, TargetGrant};
use zos_core::ErrorCode;

fn kms(key: &str) -> EncryptionConfiguration {
    EncryptionConfiguration {
        rules: vec![EncryptionRule {
            apply_server_side_encryption_by_default: EncryptionByDefault {
                sse_algorithm: SseAlgorithm::AwsKms,
                kms_master_key_id: Some(key.into()),
            },
            bucket_key_enabled: false,
        }],
    }
}

#[tokio::test]
async fn on_radosgw_both_editors_are_off_and_the_bucket_stays() {
    let s3 = server().s3();
    let bucket = unique_bucket("encoff");
    make_bucket(&s3, &bucket).await;
    let err = encryption::get(&s3, &bucket).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::UnsupportedByServer, "{err:?}");
    assert!(err.detail.contains("object listing"), "{}", err.detail);
    let err = logging::get(&s3, &bucket).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::UnsupportedByServer, "{err:?}");
    assert!(err.detail.contains("405"), "{}", err.detail);
    let err = encryption::delete(&s3, &bucket).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::UnsafeRequestRefused, "{err:?}");
    assert!(s3.head_bucket().bucket(&bucket).send().await.is_ok(), "the bucket is still there");
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn emulator_encryption_round_trips() {
    let s3 = emulator().s3();
    let bucket = unique_bucket("enc");
    s3.create_bucket().bucket(&bucket).send().await.unwrap();
    assert_eq!(encryption::get(&s3, &bucket).await.unwrap(), None, "not configured");
    let aes = EncryptionConfiguration {
        rules: vec![EncryptionRule {
            apply_server_side_encryption_by_default: EncryptionByDefault {
                sse_algorithm: SseAlgorithm::Aes256,
                kms_master_key_id: None,
            },
            bucket_key_enabled: false,
        }],
    };
    encryption::put(&s3, &bucket, &aes).await.unwrap();
    assert_eq!(encryption::get(&s3, &bucket).await.unwrap(), Some(aes));
    encryption::put(&s3, &bucket, &kms("cmkuuid:keyspec:userid")).await.unwrap();
    assert_eq!(encryption::get(&s3, &bucket).await.unwrap(), Some(kms("cmkuuid:keyspec:userid")));
    let no_key = kms("");
    assert_eq!(encryption::put(&s3, &bucket, &no_key).await.unwrap_err().code, ErrorCode::InvalidInput);
    // The emulator knows the sub-resource, so the guard lets the DELETE go (after proof).
    encryption::delete(&s3, &bucket).await.unwrap();
    assert_eq!(encryption::get(&s3, &bucket).await.unwrap(), None);
    assert!(s3.head_bucket().bucket(&bucket).send().await.is_ok());
}

#[tokio::test]
async fn emulator_logging_round_trips() {
    let s3 = emulator().s3();
    let (bucket, target) = (unique_bucket("log"), unique_bucket("logs"));
    for b in [&bucket, &target] {
        s3.create_bucket().bucket(b).send().await.unwrap();
    }
    // moto wants the target to let the log delivery group write.
    s3.put_bucket_acl()
        .bucket(&target)
        .acl(aws_sdk_s3::types::BucketCannedAcl::from("log-delivery-write"))
        .send()
        .await
        .unwrap();
    assert_eq!(logging::get(&s3, &bucket).await.unwrap(), BucketLogging::default(), "off");
    let on = BucketLogging {
        logging_enabled: Some(LoggingEnabled {
            target_bucket: target.clone(),
            target_prefix: "access/".into(),
            target_grants: vec![TargetGrant {
                grantee: Grantee {
                    kind: GranteeType::AmazonCustomerByEmail,
                    id: None,
                    display_name: None,
                    email_address: Some("ops@example.com".into()),
                    uri: None,
                },
                permission: LogPermission::Read,
            }],
        }),
    };
    logging::put(&s3, &bucket, &on).await.unwrap();
    let read = logging::get(&s3, &bucket).await.unwrap();
    let read_on = read.logging_enabled.clone().unwrap();
    assert_eq!(
        (read_on.target_bucket.as_str(), read_on.target_prefix.as_str()),
        (target.as_str(), "access/")
    );
    assert_eq!(read_on.target_grants.len(), 1);
    assert_eq!(read_on.target_grants[0].permission, LogPermission::Read);
    logging::put(&s3, &bucket, &BucketLogging::default()).await.unwrap();
    assert_eq!(logging::get(&s3, &bucket).await.unwrap(), BucketLogging::default(), "off again");
}
