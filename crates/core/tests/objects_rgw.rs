//! Object operations and error mapping against the real radosgw.

use zos_testkit as common;

use common::*;
use std::collections::HashSet;
use zos_core::objects;

#[tokio::test]
async fn folders_and_paging_over_2500_keys() {
    let s3 = server().s3();
    let bucket = unique_bucket("list");
    make_bucket(&s3, &bucket).await;
    let mut keys: Vec<String> = (0..2500).map(|i| format!("big/k{i:05}")).collect();
    keys.extend(["big/sub1/x".into(), "big/sub2/y".into(), "top.txt".into(), "other/z".into()]);
    put_many(&s3, &bucket, keys).await;

    let root = objects::list_objects(&s3, &bucket, "", None, None).await.unwrap();
    assert_eq!(root.folders, vec!["big/", "other/"]);
    assert_eq!(root.objects.iter().map(|o| o.key.as_str()).collect::<Vec<_>>(), vec!["top.txt"]);
    assert_eq!(root.next_token, None);

    let mut seen = Vec::new();
    let mut folders = Vec::new();
    let mut token = None;
    let mut pages = 0;
    loop {
        let page = objects::list_objects(&s3, &bucket, "big/", token, Some(1000)).await.unwrap();
        pages += 1;
        assert!(page.objects.len() + page.folders.len() <= 1000);
        seen.extend(page.objects.iter().map(|o| o.key.clone()));
        folders.extend(page.folders);
        token = page.next_token;
        if token.is_none() {
            break;
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(seen.len(), 2500);
    assert_eq!(seen.iter().collect::<HashSet<_>>().len(), 2500, "no key twice");
    assert!(seen.windows(2).all(|w| w[0] < w[1]), "keys come sorted");
    assert_eq!(folders, vec!["big/sub1/", "big/sub2/"]);
    let first = objects::list_objects(&s3, &bucket, "big/", None, Some(1000)).await.unwrap();
    let entry = &first.objects[0];
    assert_eq!((entry.key.as_str(), entry.size), ("big/k00000", 1));
    assert!(entry.etag.is_some());
    // Milliseconds since the epoch, written by this test run (loopback: no clock skew).
    let now_ms =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64;
    let modified = entry.last_modified.expect("a last-modified time");
    assert!(
        (now_ms - 600_000..=now_ms + 60_000).contains(&modified),
        "{modified} is not about now ({now_ms})"
    );
    assert_eq!(entry.storage_class.as_deref(), Some("STANDARD"));
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn head_metadata_and_delete() {
    let s3 = server().s3();
    let bucket = unique_bucket("obj");
    make_bucket(&s3, &bucket).await;
    let bytes: Vec<u8> = (0..300_000u32).map(|i| (i * 7 % 251) as u8).collect();
    s3.put_object()
        .bucket(&bucket)
        .key("pics/photo.png")
        .content_type("image/png")
        .body(aws_sdk_s3::primitives::ByteStream::from(bytes.clone()))
        .send()
        .await
        .unwrap();

    let details = objects::head_object(&s3, &bucket, "pics/photo.png").await.unwrap();
    assert_eq!(details.content_type.as_deref(), Some("image/png"));
    assert_eq!(details.size, bytes.len() as u64);
    assert_eq!(details.object_type.as_deref(), Some("Normal"));
    assert_eq!(details.storage_class.as_deref(), Some("STANDARD"));

    // User metadata shows up in the details.
    s3.put_object()
        .bucket(&bucket)
        .key("meta.txt")
        .metadata("owner", "ops")
        .body(aws_sdk_s3::primitives::ByteStream::from_static(b"m"))
        .send()
        .await
        .unwrap();
    let meta = objects::head_object(&s3, &bucket, "meta.txt").await.unwrap();
    assert_eq!(meta.metadata.get("owner").map(String::as_str), Some("ops"));

    let report =
        objects::delete_objects(&s3, &bucket, &["pics/photo.png".into(), "meta.txt".into()]).await.unwrap();
    let mut deleted = report.deleted.clone();
    deleted.sort();
    assert_eq!(deleted, vec!["meta.txt", "pics/photo.png"]);
    assert!(report.failed.is_empty());
    let err = objects::head_object(&s3, &bucket, "pics/photo.png").await.unwrap_err();
    assert_eq!((err.code.as_str(), err.status), ("NoSuchKey", Some(404)));
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn deleting_more_than_1000_keys_takes_several_requests() {
    let s3 = server().s3();
    let bucket = unique_bucket("del");
    make_bucket(&s3, &bucket).await;
    let keys: Vec<String> = (0..1205).map(|i| format!("d/{i}")).collect();
    put_many(&s3, &bucket, keys.clone()).await;
    let report = objects::delete_objects(&s3, &bucket, &keys).await.unwrap();
    assert_eq!(report.deleted.len(), 1205);
    assert!(report.failed.is_empty());
    let left = objects::list_objects(&s3, &bucket, "d/", None, None).await.unwrap();
    assert!(left.objects.is_empty());
    drop_bucket(&s3, &bucket).await;
}

/// The second of three DeleteObjects requests never gets through (the proxy resets it and its
/// retries): the report still lists the 1000 keys the first one deleted, and marks the keys of
/// the second and third failed with the error. boto3 then lists exactly the failed keys.
#[tokio::test]
async fn a_failed_middle_batch_keeps_the_report_of_the_batches_before_it() {
    let srv = server();
    let s3 = srv.s3();
    let proxy = proxy::FaultProxy::start(
        srv.endpoint.trim_start_matches("http://").parse().unwrap(),
        proxy::Faults { reset_requests_from: Some(("?delete", 2)), ..proxy::Faults::NONE },
    );
    let mut settings = srv.settings(&srv.user1);
    settings.endpoint = proxy.endpoint();
    let via_proxy = zos_core::client::build_s3_client(&settings).unwrap();
    let bucket = unique_bucket("delfail");
    make_bucket(&s3, &bucket).await;
    let keys: Vec<String> = (0..2500).map(|i| format!("d/{i:04} 文件")).collect();
    put_many(&s3, &bucket, keys.clone()).await;

    let report = objects::delete_objects(&via_proxy, &bucket, &keys).await.unwrap();
    let mut deleted = report.deleted.clone();
    deleted.sort();
    assert_eq!(deleted, keys[..1000], "the first batch's keys, as deleted");
    let failed: Vec<&str> = report.failed.iter().map(|f| f.key.as_str()).collect();
    assert_eq!(failed, keys[1000..].iter().map(String::as_str).collect::<Vec<_>>());
    assert!(report.failed.iter().all(|f| !f.message.is_empty()), "{:?}", report.failed[0]);
    let posts = proxy.requests().iter().filter(|r| r.starts_with("POST ") && r.contains("?delete")).count();
    assert!(posts >= 2, "the second batch was tried: {:?}", proxy.requests());

    let left = boto3(&format!(
        "keys = []\nfor page in s3.get_paginator('list_objects_v2').paginate(Bucket='{bucket}'):\n    \
         keys += [o['Key'] for o in page.get('Contents', [])]\nprint(json.dumps(sorted(keys), ensure_ascii=False))"
    ));
    let left: Vec<String> = serde_json::from_str(&left).unwrap();
    assert_eq!(left, keys[1000..], "what the report says failed is what is left");
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn errors_no_such_bucket_and_access_denied() {
    let srv = server();
    let s3 = srv.s3();
    let err = objects::list_objects(&s3, "t-does-not-exist-zz", "", None, None).await.unwrap_err();
    assert_eq!((err.code.as_str(), err.status), ("NoSuchBucket", Some(404)));
    assert!(err.request_id.is_some(), "{err:?}");

    let bucket = unique_bucket("priv");
    make_bucket(&s3, &bucket).await;
    put(&s3, &bucket, "secret.txt", b"s").await;
    let s3b = srv.s3_user2();
    let err = objects::list_objects(&s3b, &bucket, "", None, None).await.unwrap_err();
    assert_eq!((err.code.as_str(), err.status), ("AccessDenied", Some(403)), "{err:?}");
    let err = objects::head_object(&s3b, &bucket, "secret.txt").await.unwrap_err();
    assert_eq!((err.code.as_str(), err.status), ("AccessDenied", Some(403)), "{err:?}");
    let err = zos_core::buckets::delete_bucket(&s3b, &bucket).await.unwrap_err();
    assert_eq!(err.code, "AccessDenied");
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn details_tell_appendable_objects_apart() {
    let s3 = server().s3();
    let bucket = unique_bucket("app");
    make_bucket(&s3, &bucket).await;
    // ZOS/radosgw append upload: PUT /b/k?append&position=0.
    s3.put_object()
        .bucket(&bucket)
        .key("log.txt")
        .body(aws_sdk_s3::primitives::ByteStream::from_static(b"line 1\n"))
        .customize()
        .mutate_request(|req| {
            let sep = if req.uri().contains('?') { '&' } else { '?' };
            let uri = format!("{}{sep}append&position=0", req.uri());
            req.set_uri(uri).expect("append uri");
        })
        .send()
        .await
        .expect("append");
    let details = objects::head_object(&s3, &bucket, "log.txt").await.unwrap();
    assert_eq!(details.object_type.as_deref(), Some("Appendable"));
    assert_eq!(details.size, 7);
    drop_bucket(&s3, &bucket).await;
}

/// Chinese metadata as boto3 users store it (RFC 2047 encoded-words, written here by boto3):
/// the details show it decoded and keep the stored value; boto3 reads back that stored value.
#[tokio::test]
async fn encoded_word_metadata_is_shown_decoded_with_the_raw_value_kept() {
    let s3 = server().s3();
    let bucket = unique_bucket("meta");
    make_bucket(&s3, &bucket).await;
    let stored = boto3(&format!(
        "s3.put_object(Bucket={bucket:?}, Key='report.txt', Body=b'x', Metadata={{'title': '=?UTF-8?B?6aG555uu5oql5ZGK?=', 'plain': 'ops'}})\n\
         print(s3.head_object(Bucket={bucket:?}, Key='report.txt')['Metadata']['title'])"
    ));
    let details = objects::head_object(&s3, &bucket, "report.txt").await.unwrap();
    assert_eq!(details.metadata.get("title").map(String::as_str), Some("项目报告"));
    assert_eq!(details.raw_metadata.get("title"), Some(&stored), "the stored value, as boto3 reads it");
    assert_eq!(details.metadata.get("plain").map(String::as_str), Some("ops"));
    assert!(!details.raw_metadata.contains_key("plain"), "nothing to show raw for a plain value");
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn append_creates_and_extends_an_appendable_object() {
    let s3 = server().s3();
    let bucket = unique_bucket("append");
    make_bucket(&s3, &bucket).await;
    let dir = temp_dir("append");
    let (a, b) = (dir.join("a.log"), dir.join("b.log"));
    std::fs::write(&a, b"first line\n").unwrap();
    std::fs::write(&b, "第二行\n".as_bytes()).unwrap();
    let first = objects::append_file(&s3, &bucket, "logs/app.log", 0, &a).await.unwrap();
    assert_eq!(first.next_position, 11);
    let second = objects::append_file(&s3, &bucket, "logs/app.log", first.next_position, &b).await.unwrap();
    assert_eq!(second.next_position, 11 + "第二行\n".len() as u64);
    let head = objects::head_object(&s3, &bucket, "logs/app.log").await.unwrap();
    assert_eq!(head.object_type.as_deref(), Some("Appendable"));
    // boto3 reads what was appended.
    let body = boto3(&format!(
        "print(s3.get_object(Bucket='{bucket}', Key='logs/app.log')['Body'].read().decode(), end='')"
    ));
    assert_eq!(body, "first line\n第二行");
    // A wrong position is refused and the error says where to append.
    let err = objects::append_file(&s3, &bucket, "logs/app.log", 3, &a).await.unwrap_err();
    assert_eq!(err.code, "PositionNotEqualToLength", "{err:?}");
    assert!(err.detail.contains(&format!("position {}", second.next_position)), "{}", err.detail);
    drop_bucket(&s3, &bucket).await;
    std::fs::remove_dir_all(dir).ok();
}

#[tokio::test]
async fn multipart_uploads_are_listed_paged_and_aborted_by_age() {
    let s3 = server().s3();
    let bucket = unique_bucket("mpu");
    make_bucket(&s3, &bucket).await;
    // boto3 starts three uploads and sends one part of the first.
    let ids = boto3(&format!(
        "ids = [s3.create_multipart_upload(Bucket='{bucket}', Key=k)['UploadId'] for k in ['a.bin', 'b.bin', 'c 文件.bin']]\n\
         s3.upload_part(Bucket='{bucket}', Key='a.bin', UploadId=ids[0], PartNumber=1, Body=b'x' * 1024)\n\
         print(json.dumps(ids))"
    ));
    let ids: Vec<String> = serde_json::from_str(&ids).unwrap();
    let first = objects::multipart::list_uploads(&s3, &bucket, None, None, Some(2)).await.unwrap();
    assert_eq!(first.uploads.len(), 2);
    let rest = objects::multipart::list_uploads(
        &s3,
        &bucket,
        first.next_key_marker,
        first.next_upload_id_marker,
        Some(2),
    )
    .await
    .unwrap();
    let mut keys: Vec<_> = first.uploads.iter().chain(&rest.uploads).map(|u| u.key.clone()).collect();
    keys.sort();
    assert_eq!(keys, ["a.bin", "b.bin", "c 文件.bin"]);
    assert!(rest.next_key_marker.is_none());
    let parts = objects::multipart::list_parts(&s3, &bucket, "a.bin", &ids[0], None, None).await.unwrap();
    assert_eq!((parts.parts.len(), parts.parts[0].number, parts.parts[0].size), (1, 1, 1024));
    // "Abort all older than…" (here: before one hour from now), keeping the first.
    let later = zos_core::dates::now_millis() + 3_600_000;
    let aborted = objects::multipart::abort_uploads_before(&s3, &bucket, later, &ids[..1]).await.unwrap();
    assert_eq!(aborted.len(), 2);
    let left = boto3(&format!("print(json.dumps([u['UploadId'] for u in s3.list_multipart_uploads(Bucket='{bucket}').get('Uploads', [])]))"));
    assert_eq!(left, serde_json::to_string(&ids[..1]).unwrap());
    objects::multipart::abort_upload(&s3, &bucket, "a.bin", &ids[0]).await.unwrap();
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn a_folder_is_counted_then_deleted_exactly_as_counted() {
    let s3 = server().s3();
    let bucket = unique_bucket("folder");
    make_bucket(&s3, &bucket).await;
    for key in ["f/1.txt", "f/2.txt", "f/sub/3.txt", "f/sub/", "other.txt", "f2/keep.txt"] {
        put(&s3, &bucket, key, b"12345").await;
    }
    let summary = objects::summarize_folder(&s3, &bucket, "f/").await.unwrap();
    assert_eq!((summary.objects, summary.bytes), (4, 20));
    put(&s3, &bucket, "f/late.txt", b"x").await;
    let err = objects::delete_folder(&s3, &bucket, "f/", summary.objects).await.unwrap_err();
    assert_eq!(err.code, "Conflict");
    assert!(
        objects::object_exists(&s3, &bucket, "f/1.txt").await.unwrap(),
        "nothing deleted on a changed folder"
    );
    let report = objects::delete_folder(&s3, &bucket, "f/", 5).await.unwrap();
    assert_eq!(report.deleted.len(), 5);
    let left = boto3(&format!(
        "print(json.dumps(sorted(o['Key'] for o in s3.list_objects_v2(Bucket='{bucket}')['Contents'])))"
    ));
    assert_eq!(left, r#"["f2/keep.txt", "other.txt"]"#);
    assert_eq!(objects::summarize_folder(&s3, &bucket, "").await.unwrap_err().code, "InvalidInput");
    drop_bucket(&s3, &bucket).await;
}
