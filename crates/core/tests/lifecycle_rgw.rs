//! Lifecycle rules against the real radosgw 16.2, both ways with boto3: the guide's example
//! (And{Prefix, one Tag}, which radosgw rewrites) and a seven-rule mixed configuration come back
//! as written; what boto3 writes, the core reads as boto3 reads it.

use zos_testkit as common;

use common::*;
use zos_core::buckets::config::lifecycle::{
    self, AbortIncompleteMultipartUpload, AndOperator, Expiration, LifecycleConfiguration, LifecycleRule,
    NoncurrentVersionExpiration, NoncurrentVersionTransition, RuleFilter, RuleStatus, Transition,
};
use zos_core::buckets::config::tagging::Tag;
use zos_core::ErrorCode;

fn tag(k: &str, v: &str) -> Tag {
    Tag { key: k.into(), value: v.into() }
}

fn rule(id: &str) -> LifecycleRule {
    LifecycleRule {
        id: Some(id.into()),
        status: RuleStatus::Enabled,
        filter: None,
        expiration: None,
        transitions: vec![],
        noncurrent_version_transitions: vec![],
        noncurrent_version_expiration: None,
        abort_incomplete_multipart_upload: None,
    }
}

fn guide_example() -> LifecycleConfiguration {
    LifecycleConfiguration {
        rules: vec![LifecycleRule {
            expiration: Some(Expiration { days: Some(365), ..Default::default() }),
            filter: Some(RuleFilter {
                and: Some(AndOperator { prefix: Some("test".into()), tags: vec![tag("tag-1", "val-1")] }),
                ..Default::default()
            }),
            ..rule("Lifecycle Test")
        }],
    }
}

fn seven_rules() -> LifecycleConfiguration {
    let prefix = |p: &str| Some(RuleFilter { prefix: Some(p.into()), ..Default::default() });
    LifecycleConfiguration {
        rules: vec![
            LifecycleRule {
                filter: prefix("logs/"),
                expiration: Some(Expiration { days: Some(30), ..Default::default() }),
                ..rule("g-expire-logs")
            },
            LifecycleRule {
                filter: Some(RuleFilter { tag: Some(tag("tmp", "1")), ..Default::default() }),
                expiration: Some(Expiration {
                    date: Some("2031-01-01T00:00:00Z".into()),
                    ..Default::default()
                }),
                status: RuleStatus::Disabled,
                ..rule("f-tagged-date")
            },
            LifecycleRule {
                filter: prefix("archive/"),
                transitions: vec![
                    Transition { days: Some(30), date: None, storage_class: "STANDARD_IA".into() },
                    Transition { days: Some(90), date: None, storage_class: "GLACIER".into() },
                ],
                ..rule("e-transitions")
            },
            LifecycleRule {
                noncurrent_version_transitions: vec![NoncurrentVersionTransition {
                    noncurrent_days: 10,
                    storage_class: "STANDARD_IA".into(),
                }],
                noncurrent_version_expiration: Some(NoncurrentVersionExpiration { noncurrent_days: 40 }),
                ..rule("d-noncurrent")
            },
            LifecycleRule {
                abort_incomplete_multipart_upload: Some(AbortIncompleteMultipartUpload {
                    days_after_initiation: 7,
                }),
                ..rule("c-abort-uploads")
            },
            LifecycleRule {
                expiration: Some(Expiration {
                    expired_object_delete_marker: Some(true),
                    ..Default::default()
                }),
                filter: prefix("docs/"),
                ..rule("b-delete-markers")
            },
            LifecycleRule {
                filter: Some(RuleFilter {
                    and: Some(AndOperator {
                        prefix: Some("媒体/".into()),
                        tags: vec![tag("项目", "相册"), tag("keep", "no")],
                    }),
                    ..Default::default()
                }),
                expiration: Some(Expiration { days: Some(3650), ..Default::default() }),
                ..rule("a-and-two-tags")
            },
        ],
    }
}

/// boto3's reading of the bucket's rules, in the core's model (its datetime as ISO, the legacy
/// top-level Prefix as a filter), canonical ([`LifecycleConfiguration::canonical`]).
fn boto3_lifecycle(bucket: &str) -> LifecycleConfiguration {
    let text = boto3(&format!(
        "rules = s3.get_bucket_lifecycle_configuration(Bucket={bucket:?})['Rules']\n\
         for r in rules:\n    if 'Prefix' in r:\n        r['Filter'] = {{'Prefix': r.pop('Prefix')}}\n    e = r.get('Expiration', {{}})\n    if 'Date' in e:\n        e['Date'] = e['Date'].strftime('%Y-%m-%dT%H:%M:%SZ')\n    for t in r.get('Transitions', []):\n        if 'Date' in t:\n            t['Date'] = t['Date'].strftime('%Y-%m-%dT%H:%M:%SZ')\n\
         print(json.dumps({{'Rules': rules}}))"
    ));
    let mut config: LifecycleConfiguration =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    for rule in &mut config.rules {
        rule.filter = rule.filter.take().and_then(RuleFilter::normalized);
    }
    config
}

#[tokio::test]
async fn the_guides_example_comes_back_as_written() {
    let s3 = server().s3();
    let bucket = unique_bucket("lc1");
    make_bucket(&s3, &bucket).await;
    assert_eq!(lifecycle::get(&s3, &bucket).await.unwrap(), None);
    lifecycle::put(&s3, &bucket, &guide_example()).await.unwrap();
    // radosgw answers {Prefix, Tag}; the editor shows the And it wrote.
    let raw = boto3(&format!("print(json.dumps(s3.get_bucket_lifecycle_configuration(Bucket={bucket:?})['Rules'][0]['Filter'], sort_keys=True))"));
    assert_eq!(
        raw, r#"{"Prefix": "test", "Tag": {"Key": "tag-1", "Value": "val-1"}}"#,
        "radosgw's own words (trap 8)"
    );
    assert_eq!(lifecycle::get(&s3, &bucket).await.unwrap(), Some(guide_example()), "exactly as written");
    assert_eq!(boto3_lifecycle(&bucket), guide_example());
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn seven_mixed_rules_round_trip_with_boto3_both_ways() {
    let s3 = server().s3();
    let bucket = unique_bucket("lc7");
    make_bucket(&s3, &bucket).await;
    let seven = seven_rules();
    lifecycle::put(&s3, &bucket, &seven).await.unwrap();
    let back = lifecycle::get(&s3, &bucket).await.unwrap().unwrap();
    assert_eq!(back.clone().canonical(), seven.clone().canonical(), "form → server → form");
    assert_eq!(
        boto3_lifecycle(&bucket).canonical(),
        seven.clone().canonical(),
        "boto3 reads what the core wrote"
    );

    // What boto3 writes (the guide's dict style, a rule with no filter), the core reads as boto3 does.
    boto3(&format!(
        "import datetime\ns3.put_bucket_lifecycle_configuration(Bucket={bucket:?}, LifecycleConfiguration={{'Rules': [\
         {{'ID': 'whole-bucket', 'Status': 'Enabled', 'Filter': {{}}, 'AbortIncompleteMultipartUpload': {{'DaysAfterInitiation': 3}}}},\
         {{'ID': 'old', 'Status': 'Enabled', 'Filter': {{'Prefix': 'old/'}}, 'Expiration': {{'Date': datetime.datetime(2032, 6, 1)}}, 'Transitions': [{{'Date': datetime.datetime(2031, 6, 1), 'StorageClass': 'GLACIER'}}]}}]}})"
    ));
    let read = lifecycle::get(&s3, &bucket).await.unwrap().unwrap();
    assert_eq!(read.clone().canonical(), boto3_lifecycle(&bucket).canonical());
    let whole = read.rules.iter().find(|r| r.id.as_deref() == Some("whole-bucket")).unwrap();
    assert_eq!(whole.filter, None, "an empty filter reads as the whole bucket");
    let old = read.rules.iter().find(|r| r.id.as_deref() == Some("old")).unwrap();
    assert_eq!(old.expiration.as_ref().unwrap().date.as_deref(), Some("2032-06-01T00:00:00Z"));

    // Refused before sending (radosgw would store a class it has never heard of).
    let mut bogus = seven_rules();
    bogus.rules[2].transitions[0].storage_class = "BOGUS".into();
    assert_eq!(lifecycle::put(&s3, &bucket, &bogus).await.unwrap_err().code, ErrorCode::InvalidInput);
    assert_eq!(lifecycle::get(&s3, &bucket).await.unwrap().unwrap().rules.len(), 2, "nothing changed");

    lifecycle::delete(&s3, &bucket).await.unwrap();
    assert_eq!(lifecycle::get(&s3, &bucket).await.unwrap(), None);
    assert!(s3.head_bucket().bucket(&bucket).send().await.is_ok());
    drop_bucket(&s3, &bucket).await;
}
