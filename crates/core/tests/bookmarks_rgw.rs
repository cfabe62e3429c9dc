//! A key that may not list a bucket still reaches it by name: the second test user, granted one
//! of the first user's buckets by bucket policy (ListBuckets shows only a user's own buckets),
//! opens it from a bookmark; a grant limited to one prefix lists only under it.

use zos_testkit as common;

use common::*;
use zos_core::bookmarks::{self, Bookmark, BookmarkStore};
use zos_core::connection::test_connection;
use zos_core::{buckets, objects, ErrorCode};

const USER2: &str = "testuser2";

/// Grants the second user, by bucket policy, ListBucket on `bucket` and GetObject on its
/// objects; with a `prefix` (`shared/`), both only under it.
async fn grant_user2(s3: &aws_sdk_s3::Client, bucket: &str, prefix: &str) {
    let user2 = format!("arn:aws:iam:::user/{USER2}");
    let under_prefix = match prefix {
        "" => String::new(),
        _ => format!(r#", "Condition": {{"StringLike": {{"s3:prefix": ["{prefix}*"]}}}}"#),
    };
    let policy = format!(
        r#"{{"Version": "2012-10-17", "Statement": [
            {{"Effect": "Allow", "Principal": {{"AWS": ["{user2}"]}}, "Action": ["s3:ListBucket"], "Resource": ["arn:aws:s3:::{bucket}"]{under_prefix}}},
            {{"Effect": "Allow", "Principal": {{"AWS": ["{user2}"]}}, "Action": ["s3:GetObject"], "Resource": ["arn:aws:s3:::{bucket}/{prefix}*"]}}]}}"#
    );
    s3.put_bucket_policy().bucket(bucket).policy(policy).send().await.expect("put bucket policy");
}

async fn seed(s3: &aws_sdk_s3::Client, bucket: &str) {
    make_bucket(s3, bucket).await;
    for key in ["top.txt", "shared/a.txt", "shared/deep/b.txt", "private/c.txt"] {
        put(s3, bucket, key, key.as_bytes()).await;
    }
}

fn names(page: &objects::ObjectPage) -> (Vec<String>, Vec<String>) {
    (page.folders.clone(), page.objects.iter().map(|o| o.key.clone()).collect())
}

#[tokio::test]
async fn a_bookmark_opens_a_bucket_granted_by_policy_that_list_buckets_does_not_show() {
    let srv = server();
    let (owner, other) = (srv.s3(), srv.s3_user2());
    let bucket = unique_bucket("bm");
    seed(&owner, &bucket).await;
    grant_user2(&owner, &bucket, "").await;

    // The second user connects, and its bucket list does not show the granted bucket.
    let report = test_connection(&srv.settings(&srv.user2)).await.unwrap();
    assert!(report.can_list_buckets);
    let listed = buckets::list_buckets(&other).await.unwrap();
    assert!(listed.iter().all(|b| b.name != bucket), "{listed:?}");

    // The bookmark, kept on disk and read back by a new store, opens and lists it.
    let config = temp_dir("bm");
    BookmarkStore::new(&config).add("p2", &bucket, "").unwrap();
    let bookmark = BookmarkStore::new(&config).list("p2").unwrap().remove(0);
    bookmarks::check_access(&other, &bookmark).await.unwrap();
    let page = objects::list_objects(&other, &bookmark.bucket, &bookmark.prefix, None, None).await.unwrap();
    assert_eq!(names(&page), (vec!["private/".into(), "shared/".into()], vec!["top.txt".into()]));
    let body = other.get_object().bucket(&bucket).key("shared/a.txt").send().await.unwrap();
    assert_eq!(body.body.collect().await.unwrap().into_bytes().as_ref(), b"shared/a.txt");

    // A bucket of the first user that is not granted: the check says so before it is kept.
    let closed = unique_bucket("bm-closed");
    make_bucket(&owner, &closed).await;
    let denied =
        bookmarks::check_access(&other, &Bookmark::normalized(&closed, "").unwrap()).await.unwrap_err();
    assert_eq!(denied.code, ErrorCode::AccessDenied, "{denied:?}");
    let missing =
        bookmarks::check_access(&other, &Bookmark::normalized(&unique_bucket("nope"), "").unwrap()).await;
    assert_eq!(missing.unwrap_err().code, ErrorCode::NoSuchBucket);

    drop_bucket(&owner, &closed).await;
    drop_bucket(&owner, &bucket).await;
    std::fs::remove_dir_all(config).ok();
}

#[tokio::test]
async fn a_grant_limited_to_one_prefix_lists_only_under_it() {
    let srv = server();
    let (owner, other) = (srv.s3(), srv.s3_user2());
    let bucket = unique_bucket("bm-prefix");
    seed(&owner, &bucket).await;
    grant_user2(&owner, &bucket, "shared/").await;

    let config = temp_dir("bm-prefix");
    let store = BookmarkStore::new(&config);
    let bookmark = store.add("p2", &bucket, "shared").unwrap();
    assert_eq!(bookmark.prefix, "shared/");
    bookmarks::check_access(&other, &bookmark).await.unwrap();
    let page = objects::list_objects(&other, &bucket, &bookmark.prefix, None, None).await.unwrap();
    assert_eq!(names(&page), (vec!["shared/deep/".into()], vec!["shared/a.txt".into()]));

    // The bucket's top and another folder stay closed.
    let top = Bookmark::normalized(&bucket, "").unwrap();
    assert_eq!(bookmarks::check_access(&other, &top).await.unwrap_err().code, ErrorCode::AccessDenied);
    let err = objects::list_objects(&other, &bucket, "private/", None, None).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::AccessDenied, "{err:?}");
    let err = other.get_object().bucket(&bucket).key("private/c.txt").send().await.unwrap_err();
    assert_eq!(err.raw_response().map(|r| r.status().as_u16()), Some(403));

    drop_bucket(&owner, &bucket).await;
    std::fs::remove_dir_all(config).ok();
}

/// A key whose ListBuckets is refused (AccessDenied) connects: the report says it may not list
/// buckets. radosgw always lets a user list its own buckets, so this is a canned answer.
#[tokio::test]
async fn a_key_that_may_not_list_buckets_connects_and_says_so() {
    let srv = server();
    let denied = br#"<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><RequestId>tx1</RequestId></Error>"#;
    let (endpoint, seen) =
        signed::one_request("403 Forbidden", &[("Content-Type", "application/xml")], denied.to_vec()).await;
    let mut settings = srv.settings(&srv.user2);
    settings.endpoint = endpoint;
    let report = test_connection(&settings).await.expect("connects");
    assert!(!report.can_list_buckets);
    assert_eq!(report.bucket_count, 0);
    let seen = seen.await.unwrap();
    assert_eq!((seen.method.as_str(), seen.target.split('?').next()), ("GET", Some("/")), "ListBuckets");

    // Whereas a refused signature is still a failure.
    let bad = br#"<?xml version="1.0" encoding="UTF-8"?><Error><Code>SignatureDoesNotMatch</Code></Error>"#;
    let (endpoint, _seen) =
        signed::one_request("403 Forbidden", &[("Content-Type", "application/xml")], bad.to_vec()).await;
    let mut settings = srv.settings(&srv.user2);
    settings.endpoint = endpoint;
    let err = test_connection(&settings).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::SignatureDoesNotMatch, "{err:?}");
}
