//! The object details pane and the metadata editor against the real radosgw 16.2, cross-checked
//! with boto3 both ways: what boto3 stored, the core's HEAD reads as boto3's head_object does;
//! what the core's edit stores (bytes, metadata, tags, ACL, object lock), boto3 reads back.

use zos_testkit as common;

use common::*;
use serde_json::Value;
use zos_core::client::{build_s3_client, ConnectionSettings};
use zos_core::objects::{self, MetadataEdit, MetadataPair};
use zos_core::ErrorCode;

fn pair(name: &str, value: &str) -> MetadataPair {
    MetadataPair { name: name.into(), value: value.into() }
}

fn json(snippet: &str) -> Value {
    serde_json::from_str(&boto3(snippet)).unwrap_or_else(|e| panic!("boto3 printed no JSON: {e}\n{snippet}"))
}

/// boto3's head_object as JSON (dates as ISO strings).
fn boto3_head(bucket: &str, key: &str) -> Value {
    json(&format!(
        "h = s3.head_object(Bucket='{bucket}', Key={key:?})\nh.pop('ResponseMetadata')\n\
         print(json.dumps(h, default=lambda d: d.isoformat(), ensure_ascii=False))"
    ))
}

fn md5_of(bucket: &str, key: &str) -> String {
    boto3(&format!(
        "import hashlib\nprint(hashlib.md5(s3.get_object(Bucket='{bucket}', Key={key:?})['Body'].read()).hexdigest())"
    ))
}

fn boto3_tags(bucket: &str, key: &str) -> Value {
    json(&format!("print(json.dumps(sorted([(t['Key'], t['Value']) for t in s3.get_object_tagging(Bucket='{bucket}', Key={key:?})['TagSet']])))"))
}

/// (grantee, permission) pairs of the object's ACL, sorted.
fn boto3_grants(bucket: &str, key: &str) -> Value {
    json(&format!(
        "a = s3.get_object_acl(Bucket='{bucket}', Key={key:?})\n\
         print(json.dumps(sorted([(g['Grantee'].get('ID') or g['Grantee'].get('URI'), g['Permission']) for g in a['Grants']])))"
    ))
}

/// The second user's canonical id (radosgw: its uid).
async fn other_user() -> String {
    let s3b = server().s3_user2();
    s3b.list_buckets().send().await.unwrap().owner().unwrap().id().unwrap().to_owned()
}

/// An object with a rich set of headers, tags and a non-default ACL, written by boto3.
fn seed_rich_object(bucket: &str, key: &str, other: &str) {
    boto3(&format!(
        "import datetime\n\
         s3.put_object(Bucket='{bucket}', Key={key:?}, Body=b'rich object body ' * 100, ContentType='text/plain',\n\
           CacheControl='max-age=3600, public', ContentEncoding='identity', ContentLanguage='zh-CN',\n\
           ContentDisposition=\"attachment; filename=\\\"__.pdf\\\"; filename*=UTF-8''%E6%8A%A5%E5%91%8A.pdf\",\n\
           Expires=datetime.datetime(2030, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc),\n\
           Metadata={{'title': '=?UTF-8?B?6aG555uu5oql5ZGK?=', 'camera': 'X-T5'}}, Tagging='project=zos&stage=%E6%B5%8B%E8%AF%95')\n\
         me = s3.get_object_acl(Bucket='{bucket}', Key={key:?})['Owner']['ID']\n\
         s3.put_object_acl(Bucket='{bucket}', Key={key:?}, AccessControlPolicy={{'Owner': {{'ID': me}}, 'Grants': [\n\
           {{'Grantee': {{'Type': 'CanonicalUser', 'ID': me}}, 'Permission': 'FULL_CONTROL'}},\n\
           {{'Grantee': {{'Type': 'Group', 'URI': 'http://acs.amazonaws.com/groups/global/AllUsers'}}, 'Permission': 'READ'}},\n\
           {{'Grantee': {{'Type': 'CanonicalUser', 'ID': '{other}'}}, 'Permission': 'READ_ACP'}}]}})"
    ));
}

#[tokio::test]
async fn head_fields_equal_boto3s_head_object() {
    let s3 = server().s3();
    let bucket = unique_bucket("dhead");
    make_bucket(&s3, &bucket).await;
    let other = other_user().await;
    seed_rich_object(&bucket, "报告/rich.txt", &other);

    let d = objects::head_object(&s3, &bucket, "报告/rich.txt").await.unwrap();
    let b = boto3_head(&bucket, "报告/rich.txt");
    assert_eq!(d.cache_control.as_deref(), b["CacheControl"].as_str());
    assert_eq!(d.content_disposition.as_deref(), b["ContentDisposition"].as_str());
    assert_eq!(d.content_disposition_file_name.as_deref(), Some("报告.pdf"));
    assert_eq!(d.content_encoding.as_deref(), b["ContentEncoding"].as_str());
    assert_eq!(d.content_language.as_deref(), b["ContentLanguage"].as_str());
    assert_eq!(d.expires.as_deref(), b["ExpiresString"].as_str());
    assert_eq!(d.expires.as_deref(), Some("Wed, 02 Jan 2030 03:04:05 GMT"));
    assert_eq!(d.content_type.as_deref(), b["ContentType"].as_str());
    assert_eq!(d.etag.as_deref(), b["ETag"].as_str());
    assert_eq!(d.size, b["ContentLength"].as_u64().unwrap());
    assert_eq!(d.tag_count, Some(2));
    assert_eq!(d.metadata["title"], "项目报告");
    assert_eq!(d.raw_metadata["title"], b["Metadata"]["title"].as_str().unwrap());
    assert_eq!(d.metadata["camera"], b["Metadata"]["camera"].as_str().unwrap());
    assert_eq!((d.server_side_encryption.as_deref(), d.object_lock_mode.as_deref()), (None, None));

    // SSE-KMS with the test server's key.
    boto3(&format!(
        "s3.put_object(Bucket='{bucket}', Key='kms.bin', Body=b'secret', ServerSideEncryption='aws:kms', SSEKMSKeyId='testkey-1')"
    ));
    let d = objects::head_object(&s3, &bucket, "kms.bin").await.unwrap();
    let b = boto3_head(&bucket, "kms.bin");
    assert_eq!(d.server_side_encryption.as_deref(), b["ServerSideEncryption"].as_str());
    assert_eq!(d.server_side_encryption.as_deref(), Some("aws:kms"));
    assert_eq!(d.sse_kms_key_id.as_deref(), b["SSEKMSKeyId"].as_str());
    assert_eq!(d.sse_kms_key_id.as_deref(), Some("testkey-1"));

    // The ACL summary of the rich object: public read, one other user, three grants.
    let summary = objects::object_acl_summary(&s3, &bucket, "报告/rich.txt", None).await.unwrap();
    assert!(summary.public_read && !summary.public_write, "{summary:?}");
    assert_eq!((summary.grants, summary.others), (3, 2));
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn object_lock_fields_equal_boto3s() {
    let s3 = server().s3();
    let bucket = unique_bucket("dlock");
    boto3(&format!(
        "import datetime\n\
         s3.create_bucket(Bucket='{bucket}', ObjectLockEnabledForBucket=True)\n\
         s3.put_object(Bucket='{bucket}', Key='held.txt', Body=b'locked', ObjectLockMode='GOVERNANCE',\n\
           ObjectLockRetainUntilDate=datetime.datetime(2030, 1, 1, tzinfo=datetime.timezone.utc), ObjectLockLegalHoldStatus='ON')"
    ));
    let d = objects::head_object(&s3, &bucket, "held.txt").await.unwrap();
    let b = boto3_head(&bucket, "held.txt");
    assert_eq!(d.object_lock_mode.as_deref(), b["ObjectLockMode"].as_str());
    assert_eq!(d.object_lock_legal_hold, Some(b["ObjectLockLegalHoldStatus"] == "ON"));
    assert_eq!(d.object_lock_retain_until.as_deref(), Some("2030-01-01T00:00:00Z"));
    assert!(b["ObjectLockRetainUntilDate"].as_str().unwrap().starts_with("2030-01-01T00:00:00"));
    assert_eq!(d.version_id.as_deref(), b["VersionId"].as_str());

    // Editing makes a new version that keeps the lock; the old version keeps its metadata.
    let old_version = d.version_id.clone().unwrap();
    let edit = MetadataEdit {
        content_type: Some("text/plain".into()),
        metadata: vec![pair("reviewed", "yes")],
        expected_etag: d.etag.clone(),
        ..Default::default()
    };
    let after = objects::update_object_metadata(&s3, &bucket, "held.txt", &edit).await.unwrap();
    assert_ne!(after.version_id.as_deref(), Some(old_version.as_str()));
    let b = boto3_head(&bucket, "held.txt");
    assert_eq!(
        (b["ObjectLockMode"].as_str(), b["ObjectLockLegalHoldStatus"].as_str()),
        (Some("GOVERNANCE"), Some("ON"))
    );
    assert_eq!(b["Metadata"]["reviewed"], "yes");
    assert_eq!(after.object_lock_legal_hold, Some(true));
    let old = json(&format!(
        "h = s3.head_object(Bucket='{bucket}', Key='held.txt', VersionId='{old_version}')\nprint(json.dumps(h['Metadata']))"
    ));
    assert_eq!(old, serde_json::json!({}));

    // Clean-up: holds off, governance bypassed.
    boto3(&format!(
        "for v in s3.list_object_versions(Bucket='{bucket}')['Versions']:\n\
         \x20   s3.put_object_legal_hold(Bucket='{bucket}', Key=v['Key'], VersionId=v['VersionId'], LegalHold={{'Status': 'OFF'}})\n\
         \x20   s3.delete_object(Bucket='{bucket}', Key=v['Key'], VersionId=v['VersionId'], BypassGovernanceRetention=True)\n\
         s3.delete_bucket(Bucket='{bucket}')"
    ));
}

#[tokio::test]
async fn a_metadata_edit_keeps_bytes_tags_and_acl() {
    let s3 = server().s3();
    let bucket = unique_bucket("dedit");
    make_bucket(&s3, &bucket).await;
    let other = other_user().await;
    let key = "报告/rich.txt";
    seed_rich_object(&bucket, key, &other);
    let (md5, tags, grants) = (md5_of(&bucket, key), boto3_tags(&bucket, key), boto3_grants(&bucket, key));
    assert_eq!(grants.as_array().unwrap().len(), 3);

    let opened = objects::head_object(&s3, &bucket, key).await.unwrap();
    let edit = MetadataEdit {
        content_type: Some("text/markdown; charset=utf-8".into()),
        cache_control: Some("no-cache".into()),
        content_disposition: Some("inline; filename=\"季度 报告.md\"".into()),
        content_encoding: None,
        content_language: Some("en".into()),
        expires: Some("2031-05-06T07:08:09Z".into()),
        metadata: vec![pair("Title", "季度报告"), pair("camera", "X-T5"), pair("", "")],
        storage_class: None,
        expected_etag: opened.etag.clone(),
        expected_last_modified: opened.last_modified.clone(),
    };
    let after = objects::update_object_metadata(&s3, &bucket, key, &edit).await.unwrap();
    assert_eq!(after.metadata["title"], "季度报告");
    assert_eq!(after.content_disposition_file_name.as_deref(), Some("季度 报告.md"));

    let b = boto3_head(&bucket, key);
    assert_eq!(b["ContentType"], "text/markdown; charset=utf-8");
    assert_eq!(b["CacheControl"], "no-cache");
    assert_eq!(b["ContentLanguage"], "en");
    assert_eq!(b.get("ContentEncoding"), None, "an empty field removes the header");
    assert_eq!(b["ExpiresString"], "Tue, 06 May 2031 07:08:09 GMT");
    assert_eq!(
        b["ContentDisposition"],
        "inline; filename=\"__ __.md\"; filename*=UTF-8''%E5%AD%A3%E5%BA%A6%20%E6%8A%A5%E5%91%8A.md"
    );
    let decoded = boto3(&format!(
        "import email.header\nv = s3.head_object(Bucket='{bucket}', Key={key:?})['Metadata']['title']\n\
         print(str(email.header.make_header(email.header.decode_header(v))))"
    ));
    assert_eq!(decoded, "季度报告", "boto3 users decode the RFC 2047 value");
    assert_eq!(b["Metadata"].as_object().unwrap().len(), 2);
    assert_eq!(md5_of(&bucket, key), md5, "bytes unchanged");
    assert_eq!(boto3_tags(&bucket, key), tags, "tags kept");
    assert_eq!(boto3_grants(&bucket, key), grants, "ACL kept (the copy had reset it)");
    // The public-read grant still works for the other user.
    let got = server().s3_user2().get_object().bucket(&bucket).key(key).send().await;
    assert!(got.is_ok(), "public read lost: {got:?}");
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn a_change_since_opening_is_refused_and_boto3s_version_stays() {
    let s3 = server().s3();
    let bucket = unique_bucket("drace");
    make_bucket(&s3, &bucket).await;
    put(&s3, &bucket, "doc.txt", b"first").await;
    let opened = objects::head_object(&s3, &bucket, "doc.txt").await.unwrap();
    let edit = |etag: Option<String>| MetadataEdit {
        content_type: Some("text/plain".into()),
        metadata: vec![pair("mine", "1")],
        expected_etag: etag,
        ..Default::default()
    };

    // Changed before Save: the HEAD before the copy sees it.
    boto3(&format!("s3.put_object(Bucket='{bucket}', Key='doc.txt', Body=b'boto3 wrote this', Metadata={{'theirs': '1'}})"));
    let err = objects::update_object_metadata(&s3, &bucket, "doc.txt", &edit(opened.etag.clone()))
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::PreconditionFailed, "{err:?}");
    assert!(err.detail.contains("changed since you opened it"), "{}", err.detail);

    // Changed between the HEAD and the copy: radosgw refuses the copy (x-amz-copy-if-match).
    let between = async {
        boto3(&format!("s3.put_object(Bucket='{bucket}', Key='doc.txt', Body=b'boto3 again', Metadata={{'theirs': '2'}})"));
    };
    let err = objects::update_object_metadata_racing(&s3, &bucket, "doc.txt", &edit(None), between)
        .await
        .unwrap_err();
    assert_eq!((err.code, err.status), (ErrorCode::PreconditionFailed, Some(412)), "{err:?}");
    assert!(err.detail.contains("changed since you opened it"), "{}", err.detail);
    let b = boto3_head(&bucket, "doc.txt");
    assert_eq!(b["Metadata"], serde_json::json!({"theirs": "2"}), "boto3's version intact");
    assert_eq!(
        boto3(&format!("print(s3.get_object(Bucket='{bucket}', Key='doc.txt')['Body'].read().decode())")),
        "boto3 again"
    );
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn storage_class_changes_and_an_unknown_class_changes_nothing() {
    let s3 = server().s3();
    let bucket = unique_bucket("dclass");
    make_bucket(&s3, &bucket).await;
    put(&s3, &bucket, "a.bin", b"cold data").await;
    let md5 = md5_of(&bucket, "a.bin");
    let to = |class: Option<&str>, meta: &str| MetadataEdit {
        metadata: vec![pair("step", meta)],
        storage_class: class.map(str::to_owned),
        ..Default::default()
    };
    // The test server's zone has COLD beside STANDARD (tests/rgw/start.sh).
    let after = objects::update_object_metadata(&s3, &bucket, "a.bin", &to(Some("COLD"), "1")).await.unwrap();
    assert_eq!(after.storage_class.as_deref(), Some("COLD"));
    assert_eq!(boto3_head(&bucket, "a.bin")["StorageClass"], "COLD");
    assert_eq!(md5_of(&bucket, "a.bin"), md5);
    // No class given: the object keeps COLD (S3 would otherwise make the copy STANDARD).
    objects::update_object_metadata(&s3, &bucket, "a.bin", &to(None, "2")).await.unwrap();
    assert_eq!(boto3_head(&bucket, "a.bin")["StorageClass"], "COLD");

    let err = objects::update_object_metadata(&s3, &bucket, "a.bin", &to(Some("NO_SUCH_CLASS"), "3"))
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidStorageClass, "{err:?}");
    assert!(
        err.detail.contains("NO_SUCH_CLASS") && err.detail.contains("nothing was changed"),
        "{}",
        err.detail
    );
    let b = boto3_head(&bucket, "a.bin");
    assert_eq!((b["StorageClass"].as_str(), b["Metadata"]["step"].as_str()), (Some("COLD"), Some("2")));
    // The connection is still good after the refusal (trap 7).
    objects::update_object_metadata(&s3, &bucket, "a.bin", &to(Some("STANDARD"), "4")).await.unwrap();
    let class = boto3_head(&bucket, "a.bin").get("StorageClass").and_then(Value::as_str).map(str::to_owned);
    assert_eq!(class.as_deref().unwrap_or("STANDARD"), "STANDARD");
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn bad_metadata_is_refused_before_any_request() {
    // Nothing listens on port 9: a request would fail with ConnectFailed, not InvalidInput.
    let srv = server();
    let nowhere = build_s3_client(&ConnectionSettings {
        endpoint: "http://127.0.0.1:9".into(),
        ..srv.settings(&srv.user1)
    })
    .unwrap();
    for bad in [
        MetadataEdit { metadata: vec![pair("has space", "v")], ..Default::default() },
        MetadataEdit { metadata: vec![pair("a_b", "v")], ..Default::default() },
        MetadataEdit { metadata: vec![pair("名字", "v")], ..Default::default() },
        MetadataEdit { metadata: vec![pair("a", "1"), pair("A", "2")], ..Default::default() },
        MetadataEdit { metadata: vec![pair("big", &"v".repeat(2048))], ..Default::default() },
        MetadataEdit { content_type: Some("text".into()), ..Default::default() },
        MetadataEdit { expires: Some("soon".into()), ..Default::default() },
        MetadataEdit { cache_control: Some("最大".into()), ..Default::default() },
    ] {
        let err = objects::update_object_metadata(&nowhere, "b", "k", &bad).await.unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput, "{bad:?}: {err:?}");
    }
}

#[tokio::test]
async fn appendable_and_encrypted_objects_are_refused_and_left_alone() {
    let s3 = server().s3();
    let bucket = unique_bucket("drefuse");
    make_bucket(&s3, &bucket).await;
    let file = temp_dir("dappend").join("line.txt");
    std::fs::write(&file, b"line 1\n").unwrap();
    objects::append_file(&s3, &bucket, "log.txt", 0, &file).await.unwrap();
    let edit = MetadataEdit { metadata: vec![pair("x", "1")], ..Default::default() };
    let err = objects::update_object_metadata(&s3, &bucket, "log.txt", &edit).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.detail.contains("Appendable"), "{}", err.detail);
    assert_eq!(
        objects::head_object(&s3, &bucket, "log.txt").await.unwrap().object_type.as_deref(),
        Some("Appendable")
    );

    boto3(&format!(
        "s3.put_object(Bucket='{bucket}', Key='kms.bin', Body=b'secret', ServerSideEncryption='aws:kms', SSEKMSKeyId='testkey-1', Metadata={{'old': '1'}})"
    ));
    let err = objects::update_object_metadata(&s3, &bucket, "kms.bin", &edit).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::NotImplemented, "{err:?}");
    assert!(err.detail.contains("cannot copy an encrypted object"), "{}", err.detail);
    let b = boto3_head(&bucket, "kms.bin");
    assert_eq!(
        (b["Metadata"].clone(), b["SSEKMSKeyId"].clone()),
        (serde_json::json!({"old": "1"}), "testkey-1".into())
    );
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn another_users_object_is_access_denied() {
    let s3 = server().s3();
    let bucket = unique_bucket("ddeny");
    make_bucket(&s3, &bucket).await;
    put(&s3, &bucket, "private.txt", b"mine").await;
    let s3b = server().s3_user2();
    let err = objects::head_object(&s3b, &bucket, "private.txt").await.unwrap_err();
    assert_eq!((err.code, err.status), (ErrorCode::AccessDenied, Some(403)), "{err:?}");
    let err = objects::object_acl_summary(&s3b, &bucket, "private.txt", None).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::AccessDenied, "{err:?}");
    let edit = MetadataEdit { metadata: vec![pair("x", "1")], ..Default::default() };
    let err = objects::update_object_metadata(&s3b, &bucket, "private.txt", &edit).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::AccessDenied, "{err:?}");
    assert_eq!(
        md5_of(&bucket, "private.txt"),
        boto3("import hashlib\nprint(hashlib.md5(b'mine').hexdigest())")
    );
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn in_a_versioned_bucket_the_new_version_keeps_tags_and_acl() {
    let s3 = server().s3();
    let bucket = unique_bucket("dvers");
    make_bucket(&s3, &bucket).await;
    boto3(&format!(
        "s3.put_bucket_versioning(Bucket='{bucket}', VersioningConfiguration={{'Status': 'Enabled'}})"
    ));
    let other = other_user().await;
    seed_rich_object(&bucket, "v.txt", &other);
    let (tags, grants) = (boto3_tags(&bucket, "v.txt"), boto3_grants(&bucket, "v.txt"));
    let opened = objects::head_object(&s3, &bucket, "v.txt").await.unwrap();
    let edit = MetadataEdit {
        metadata: vec![pair("state", "final")],
        expected_etag: opened.etag.clone(),
        ..Default::default()
    };
    let after = objects::update_object_metadata(&s3, &bucket, "v.txt", &edit).await.unwrap();
    let new_version = after.version_id.clone().unwrap();
    assert_ne!(Some(new_version.as_str()), opened.version_id.as_deref());
    let versions = json(&format!(
        "print(json.dumps(sorted([v['VersionId'] for v in s3.list_object_versions(Bucket='{bucket}')['Versions']])))"
    ));
    assert_eq!(versions.as_array().unwrap().len(), 2, "{versions}");
    // The current (new) version: tags and ACL as before; the old one keeps its metadata.
    assert_eq!(boto3_tags(&bucket, "v.txt"), tags);
    assert_eq!(boto3_grants(&bucket, "v.txt"), grants);
    assert_eq!(boto3_head(&bucket, "v.txt")["Metadata"], serde_json::json!({"state": "final"}));
    let old = json(&format!(
        "print(json.dumps(s3.head_object(Bucket='{bucket}', Key='v.txt', VersionId='{}')['Metadata']))",
        opened.version_id.as_deref().unwrap()
    ));
    assert_eq!(old["camera"], "X-T5");
    drop_bucket(&s3, &bucket).await;
}
