//! The local metadata search against the real radosgw 16.2: `instance` makes it search every
//! version of a versioned bucket; other queries see the current ones.

use aws_sdk_s3::primitives::ByteStream;
use zos_core::search::{search_local, SearchRequest};
use zos_mdsearch::{Field, Mode, Order, SearchOptions};
use zos_testkit::*;

fn request(bucket: &str, query: &str, mode: Mode) -> SearchRequest {
    SearchRequest {
        bucket: bucket.into(),
        query: query.into(),
        options: SearchOptions { mode, ..Default::default() },
    }
}

#[tokio::test]
async fn instance_searches_every_version_and_other_queries_the_current_ones() {
    let s3 = server().s3();
    let bucket = unique_bucket("search-versions");
    make_bucket(&s3, &bucket).await;
    // Put before versioning: the null version.
    let pre = s3.put_object().bucket(&bucket).key("pre").content_type("text/plain");
    pre.body(ByteStream::from_static(b"p")).send().await.unwrap();
    let enabled = aws_sdk_s3::types::VersioningConfiguration::builder()
        .status(aws_sdk_s3::types::BucketVersioningStatus::Enabled)
        .build();
    s3.put_bucket_versioning().bucket(&bucket).versioning_configuration(enabled).send().await.unwrap();
    let put_version = |body: &'static [u8], rev: &'static str| {
        let put = s3.put_object().bucket(&bucket).key("k").metadata("rev", rev);
        async move {
            put.body(ByteStream::from_static(body)).send().await.unwrap().version_id().unwrap().to_owned()
        }
    };
    let v1 = put_version(b"one", "1").await;
    let v2 = put_version(b"second", "2").await;
    let page =
        search_local(&s3, &request(&bucket, &format!("instance=={v1}"), Mode::Term), |_| {}).await.unwrap();
    let found: Vec<(&str, Option<&str>, u64)> =
        page.hits.iter().map(|h| (h.key.as_str(), h.instance.as_deref(), h.size)).collect();
    assert_eq!(found, [("k", Some(v1.as_str()), 3)]);
    let page = search_local(&s3, &request(&bucket, "name==k", Mode::Term), |_| {}).await.unwrap();
    assert_eq!((page.hits.len(), page.hits[0].size, page.hits[0].instance.as_deref()), (1, 6, None));
    let mut both = request(&bucket, &format!("instance=={v1} or instance=={v2}"), Mode::Term);
    both.options.order = Some(Order { key: Field::Size, descending: true });
    let page = search_local(&s3, &both, |_| {}).await.unwrap();
    let found: Vec<Option<&str>> = page.hits.iter().map(|h| h.instance.as_deref()).collect();
    assert_eq!(found, [Some(v2.as_str()), Some(v1.as_str())]);
    // A HEAD in versions mode reads the listed version itself, the null one included.
    let null_text = request(&bucket, "instance==null and content_type==text/plain", Mode::Term);
    let page = search_local(&s3, &null_text, |_| {}).await.unwrap();
    let found: Vec<(&str, Option<&str>)> =
        page.hits.iter().map(|h| (h.key.as_str(), h.instance.as_deref())).collect();
    assert_eq!((found, page.headed), (vec![("pre", None)], 1));
    let mut rev1 = request(&bucket, "x-amz-meta-rev==1", Mode::Term);
    rev1.options.order = Some(Order { key: Field::Instance, descending: false });
    let page = search_local(&s3, &rev1, |_| {}).await.unwrap();
    let found: Vec<(&str, Option<&str>)> =
        page.hits.iter().map(|h| (h.key.as_str(), h.instance.as_deref())).collect();
    assert_eq!((found, page.headed), (vec![("k", Some(v1.as_str()))], 3));
    drop_bucket(&s3, &bucket).await;
}
