//! The server's metadata search. Against a local HTTP server that checks each signature
//! (recomputed with aws-sigv4 from what arrived, as in image_wire.rs): the request's shape, and
//! the parsing of an answer in the format of Ceph's rgw_sync_module_es_rest.cc. Against the real
//! radosgw 16.2 (no Elasticsearch zone): it lists the bucket instead, which is reported as
//! `UnsupportedByServer`.

use zos_core::search::{search_server, SearchEngine, SearchRequest, NO_SERVER_SEARCH};
use zos_core::ErrorCode;
use zos_mdsearch::{Field, Mode, Order, SearchOptions};
use zos_testkit::signed::{assert_signature_valid, client, one_request};

/// What the test server answers with: an XML body and a request id.
const XML_ANSWER: &[(&str, &str)] =
    &[("Content-Type", "application/xml"), ("x-amz-request-id", "tx-search-1")];

/// RFC 3986 unreserved bytes as they are, every other byte as `%XX` (written here, not taken
/// from the crate, so the test says independently what "encoded in full" means).
fn full_encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Two hits as RGW writes them (element order of `send_response`, Pacific), the second a
/// version with an integer custom field; `"` escaped as radosgw's XML formatter does.
const CANNED: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8"?><SearchMetadataResponse><Marker>4</Marker>"#,
    r#"<IsTruncated>true</IsTruncated><NextMarker>6</NextMarker>"#,
    r#"<Contents><Bucket>photos</Bucket><Key>2026/猫 1.jpg</Key><Instance>null</Instance>"#,
    r#"<VersionedEpoch>0</VersionedEpoch><LastModified>2021-01-15T04:25:34.383Z</LastModified>"#,
    r#"<Size>10895550</Size><ETag>&quot;dfa283154bc77036089510a3b0cb2d19-3&quot;</ETag>"#,
    r#"<ContentType>image/jpeg</ContentType><StorageClass>STANDARD</StorageClass>"#,
    r#"<Owner><ID>4f136946</ID><DisplayName>0620@qq.com</DisplayName></Owner><CustomMetadata>"#,
    r#"<Entry><Name>album</Name><Value>旅行 2026</Value></Entry><Entry><Name>kind</Name><Value>photo</Value></Entry>"#,
    r#"</CustomMetadata></Contents>"#,
    r#"<Contents><Bucket>photos</Bucket><Key>2026/a&amp;b.jpg</Key><Instance>lVQ02ZGXO1xGv7.qeXC</Instance>"#,
    r#"<VersionedEpoch>3</VersionedEpoch><LastModified>2026-02-01T10:00:00.000Z</LastModified>"#,
    r#"<Size>2048</Size><ETag>&quot;0cc175b9c0f1b6a831c399e269772661&quot;</ETag><ContentType></ContentType>"#,
    r#"<StorageClass></StorageClass><Owner><ID>4f136946</ID><DisplayName></DisplayName></Owner>"#,
    r#"<CustomMetadata><Entry><Name>rating</Name><Value>5</Value></Entry></CustomMetadata></Contents>"#,
    r#"</SearchMetadataResponse>"#
);

#[tokio::test]
async fn a_search_is_one_signed_get_with_every_parameter_encoded_in_full_and_its_answer_is_read() {
    let (endpoint, seen) = one_request("200 OK", XML_ANSWER, CANNED.as_bytes().to_vec()).await;
    let query = "(name==2026/*.jpg or size>=1048576) and x-amz-meta-album==旅行*";
    let request = SearchRequest {
        bucket: "photos".into(),
        query: query.into(),
        options: SearchOptions {
            mode: Mode::Wild,
            order: Some(Order { key: Field::Meta("kind".into()), descending: true }),
            max_keys: 2,
            marker: Some("4".into()),
        },
    };
    let page = search_server(&client(&endpoint), &request).await.unwrap();
    let seen = seen.await.unwrap();
    assert_eq!(seen.method, "GET");
    let expected_query = format!(
        "query={}&qmode=wild&qorder=desc&qorderkey=x-amz-meta-kind&max-keys=2&marker=4",
        full_encode(query)
    );
    // The SDK writes a bucket's path with a trailing slash; radosgw reads both the same.
    let (path, sent_query) = seen.target.split_once('?').unwrap();
    assert_eq!((path.trim_end_matches('/'), sent_query), ("/photos", expected_query.as_str()));
    for pair in seen.target.split_once('?').unwrap().1.split('&') {
        let value = pair.split_once('=').unwrap().1;
        assert!(
            value.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.~%".contains(&b)),
            "{pair} is encoded in full"
        );
    }
    assert!(seen.target.contains("%28name%3D%3D2026%2F%2A.jpg%20or%20size%3E%3D1048576%29%20and%20"));
    assert_signature_valid(&seen);

    assert_eq!(page.engine, SearchEngine::Server);
    assert_eq!((page.is_truncated, page.next_marker.as_deref()), (true, Some("6")));
    assert_eq!((page.scanned, page.headed, page.limited), (0, 0, None));
    let [first, second] = &page.hits[..] else { panic!("two hits: {page:#?}") };
    assert_eq!(
        (first.bucket.as_str(), first.key.as_str(), first.instance.as_deref()),
        ("photos", "2026/猫 1.jpg", None)
    );
    assert_eq!(first.size, 10_895_550);
    assert_eq!(first.last_modified.as_deref(), Some("2021-01-15T04:25:34.383Z"));
    assert_eq!(first.etag.as_deref(), Some("\"dfa283154bc77036089510a3b0cb2d19-3\""));
    assert_eq!(first.content_type.as_deref(), Some("image/jpeg"));
    assert_eq!(first.storage_class.as_deref(), Some("STANDARD"));
    let meta: Vec<(&str, &str)> =
        first.custom_metadata.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(meta, [("album", "旅行 2026"), ("kind", "photo")]);
    assert_eq!(
        (second.key.as_str(), second.instance.as_deref()),
        ("2026/a&b.jpg", Some("lVQ02ZGXO1xGv7.qeXC"))
    );
    assert_eq!((second.size, second.last_modified.as_deref()), (2048, Some("2026-02-01T10:00:00Z")));
    assert_eq!((second.content_type.as_deref(), second.storage_class.as_deref()), (None, None));
    assert_eq!(second.custom_metadata.get("rating").map(String::as_str), Some("5"));
}

#[tokio::test]
async fn defaults_send_no_order_and_no_marker() {
    let empty = r#"<SearchMetadataResponse><Marker></Marker><IsTruncated>false</IsTruncated></SearchMetadataResponse>"#;
    let (endpoint, seen) = one_request("200 OK", XML_ANSWER, empty.as_bytes().to_vec()).await;
    let request =
        SearchRequest { bucket: "b".into(), query: "size>0".into(), options: SearchOptions::default() };
    let page = search_server(&client(&endpoint), &request).await.unwrap();
    assert!(page.hits.is_empty() && !page.is_truncated && page.next_marker.is_none());
    let seen = seen.await.unwrap();
    let (path, sent_query) = seen.target.split_once('?').unwrap();
    assert_eq!((path.trim_end_matches('/'), sent_query), ("/b", "query=size%3E0&qmode=term&max-keys=100"));
    assert_signature_valid(&seen);
}

#[tokio::test]
async fn the_servers_refusal_keeps_its_code_and_a_listing_means_no_search() {
    let refusal =
        "<?xml version=\"1.0\"?><Error><Code>InvalidArgument</Code><Message>invalid query</Message></Error>";
    let (endpoint, _seen) = one_request("400 Bad Request", XML_ANSWER, refusal.as_bytes().to_vec()).await;
    let request =
        SearchRequest { bucket: "b".into(), query: "name==x".into(), options: SearchOptions::default() };
    let e = search_server(&client(&endpoint), &request).await.unwrap_err();
    assert_eq!(
        (e.code, e.status, e.request_id.as_deref()),
        (ErrorCode::InvalidArgument, Some(400), Some("tx-search-1"))
    );

    let listing = r#"<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name></ListBucketResult>"#;
    let (endpoint, _seen) = one_request("200 OK", XML_ANSWER, listing.as_bytes().to_vec()).await;
    let e = search_server(&client(&endpoint), &request).await.unwrap_err();
    assert_eq!((e.code, e.detail.as_str()), (ErrorCode::UnsupportedByServer, NO_SERVER_SEARCH));
}

#[tokio::test]
async fn a_bad_query_or_option_is_refused_before_any_request() {
    // Nothing listens on port 9: a request would fail as ConnectFailed, not InvalidInput.
    let s3 = client("http://127.0.0.1:9");
    let mut request =
        SearchRequest { bucket: "b".into(), query: "size>=12kb".into(), options: SearchOptions::default() };
    let e = search_server(&s3, &request).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert!(e.detail.contains("'12kb'"), "{}", e.detail);
    request.query = "size>=12".into();
    request.options.max_keys = 10_001;
    let e = search_server(&s3, &request).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert!(e.detail.contains("10001"), "{}", e.detail);
}

/// Plain radosgw 16.2 has no md-search: it ignores `query` and answers `GET /bucket?…` with an
/// object listing (signature checked and accepted).
#[tokio::test]
async fn plain_radosgw_answers_a_listing_which_is_unsupported() {
    use zos_testkit::*;
    let s3 = server().s3();
    let bucket = unique_bucket("mdsearch");
    make_bucket(&s3, &bucket).await;
    put(&s3, &bucket, "报告 1.txt", b"x").await;
    let request = SearchRequest {
        bucket: bucket.clone(),
        query: "name==报告* and size>=1".into(),
        options: SearchOptions {
            mode: Mode::Wild,
            order: Some(Order { key: Field::Size, descending: true }),
            max_keys: 5,
            marker: Some("0".into()),
        },
    };
    let result = search_server(&s3, &request).await;
    drop_bucket(&s3, &bucket).await;
    let e = result.unwrap_err();
    assert_eq!((e.code, e.detail.as_str()), (ErrorCode::UnsupportedByServer, NO_SERVER_SEARCH), "{e}");
}

/// A profile that names a search endpoint (the Elasticsearch zone's gateway) sends server
/// searches there, signed with the profile's keys; a local search lists at the profile's own
/// endpoint (here a closed port, so it fails to connect: nothing went to the search endpoint).
/// The profile is saved through the real Secret Service, as the app does.
#[tokio::test]
async fn a_profile_with_a_search_endpoint_sends_server_searches_there() {
    use zos_core::profiles::{ProfileInput, ProfileService, SecretStore};
    use zos_core::search::{search, LocalOptions};
    use zos_core::session::Sessions;
    use zos_testkit::signed::{AK, SK};

    let empty = r#"<SearchMetadataResponse><Marker></Marker><IsTruncated>false</IsTruncated></SearchMetadataResponse>"#;
    let (search_at, seen) = one_request("200 OK", XML_ANSWER, empty.as_bytes().to_vec()).await;
    let dir = std::env::temp_dir().join(format!("zos-search-profile-{}", uuid::Uuid::new_v4()));
    let profiles = ProfileService::new(&dir, SecretStore::with_service(zos_testkit::test_service()));
    let profile = profiles
        .save(ProfileInput {
            id: None,
            name: "Search zone".into(),
            endpoint: "http://127.0.0.1:9".into(),
            region: "default".into(),
            path_style: true,
            access_key_id: AK.into(),
            secret_access_key: Some(SK.into()),
            search_endpoint: Some(format!(" {search_at}/ ")),
            network: Default::default(),
        })
        .await
        .unwrap();
    assert_eq!(profile.search_endpoint.as_deref(), Some(search_at.as_str()));
    let session = Sessions::new(profiles.clone()).get(&profile.id).await.unwrap();
    let request =
        SearchRequest { bucket: "b".into(), query: "size>0".into(), options: SearchOptions::default() };

    let page =
        search(&session, &request, SearchEngine::Server, &LocalOptions::default(), |_| {}).await.unwrap();
    assert_eq!(page.engine, SearchEngine::Server);
    let seen = seen.await.unwrap();
    assert_eq!(seen.header("host"), search_at.trim_start_matches("http://"));
    assert_signature_valid(&seen);

    let e =
        search(&session, &request, SearchEngine::Local, &LocalOptions::default(), |_| {}).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::ConnectFailed, "{e:?}");
    profiles.delete(profile.id).await.unwrap();
    let _ = std::fs::remove_dir_all(dir);
}
