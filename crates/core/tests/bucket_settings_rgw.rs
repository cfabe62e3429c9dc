//! Bucket settings I against the real radosgw 16.2: the DELETE guard keeps every bucket alive,
//! capability detection reads the server right, and every editor's configuration round-trips —
//! form model → server → model — and agrees with boto3 both ways (what the core writes, boto3
//! reads identically; what boto3 writes, the core reads identically).

use zos_testkit as common;

use common::*;
use serde_json::Value;
use zos_core::buckets::config::acl::{
    self, AccessControlPolicy, AclChange, AclTarget, Grant, Grantee, GranteeType, Owner, Permission,
};
use zos_core::buckets::config::capabilities::{self, Capabilities, SubResource, Support, UnsupportedWhy};
use zos_core::buckets::config::cors::{self, CorsConfiguration, CorsMethod, CorsRule};
use zos_core::buckets::config::document::{self, ConfigDocument, ConfigKind};
use zos_core::buckets::config::policy::{self, PolicyTemplate, Principal};
use zos_core::buckets::config::preflight::{self, PreflightRequest};
use zos_core::buckets::config::request_payment::{self, Payer, RequestPayment};
use zos_core::buckets::config::tagging::{self, Tag, TagSet};
use zos_core::buckets::config::website::{
    self, Condition, ErrorDocument, IndexDocument, Protocol, Redirect, RedirectAllRequestsTo, RoutingRule,
    WebsiteConfiguration,
};
use zos_core::client::build_s3_client_with;
use zos_core::ErrorCode;

/// The expert text of a configuration as a JSON value: the shape boto3 uses.
fn as_boto3(doc: ConfigDocument) -> Value {
    serde_json::from_str(&document::print(&doc)).unwrap()
}

fn boto3_json(expr: &str) -> Value {
    serde_json::from_str(&boto3(&format!("print(json.dumps({expr}))"))).unwrap()
}

async fn bucket_exists(s3: &aws_sdk_s3::Client, bucket: &str) -> bool {
    s3.head_bucket().bucket(bucket).send().await.is_ok()
}

/// The trap the guard exists for, shown with boto3 (which has no guard): DELETE ?encryption on
/// radosgw 16.2 deletes the bucket. If this ever stops being true, the guard test below would
/// still pass — this one says whether the danger is real on this server.
#[tokio::test]
async fn without_a_guard_delete_encryption_deletes_the_bucket() {
    let s3 = server().s3();
    let bucket = unique_bucket("trap");
    make_bucket(&s3, &bucket).await;
    boto3(&format!("s3.delete_bucket_encryption(Bucket={bucket:?})"));
    assert!(!bucket_exists(&s3, &bucket).await, "radosgw 16.2 ran DELETE ?encryption as DeleteBucket");
}

/// Every configuration DELETE, called directly on an empty bucket, by a client that has proven
/// nothing yet and again after detection: the bucket exists afterwards.
#[tokio::test]
async fn every_config_delete_leaves_the_bucket_standing() {
    let srv = server();
    let caps = Capabilities::default();
    let s3 = build_s3_client_with(&srv.settings(&srv.user1), caps.clone()).unwrap();
    let bucket = unique_bucket("guard");
    make_bucket(&s3, &bucket).await;

    // Sub-resources this server does not know: refused before sending, with or without detection.
    for round in ["before detection", "after detection"] {
        let refused = [
            s3.delete_bucket_encryption()
                .bucket(&bucket)
                .send()
                .await
                .map_err(|e| zos_core::AppError::from_sdk(e, ErrorCode::NoSuchBucket))
                .unwrap_err(),
            s3.delete_bucket_ownership_controls()
                .bucket(&bucket)
                .send()
                .await
                .map_err(|e| zos_core::AppError::from_sdk(e, ErrorCode::NoSuchBucket))
                .unwrap_err(),
            s3.delete_public_access_block()
                .bucket(&bucket)
                .send()
                .await
                .map_err(|e| zos_core::AppError::from_sdk(e, ErrorCode::NoSuchBucket))
                .unwrap_err(),
        ];
        for err in refused {
            assert_eq!(err.code, ErrorCode::UnsafeRequestRefused, "{round}: {err:?}");
        }
        assert!(bucket_exists(&s3, &bucket).await, "{round}");
        let found = capabilities::detect(&s3, &caps, &bucket).await.unwrap();
        assert_eq!(found.len(), SubResource::ALL.len());
    }
    let err = s3
        .delete_bucket_encryption()
        .bucket(&bucket)
        .send()
        .await
        .map_err(|e| zos_core::AppError::from_sdk(e, ErrorCode::NoSuchBucket))
        .unwrap_err();
    assert!(err.detail.contains("object listing"), "the refusal says why: {}", err.detail);

    // Sub-resources it knows: each delete proves itself first, then runs — on an empty bucket.
    policy::delete(&s3, &bucket).await.unwrap();
    cors::delete(&s3, &bucket).await.unwrap();
    website::delete(&s3, &bucket).await.unwrap();
    tagging::delete_bucket(&s3, &bucket).await.unwrap();
    assert!(bucket_exists(&s3, &bucket).await);

    // And through a brand-new client (the app's delete buttons after a restart): same.
    let fresh = srv.s3();
    policy::delete(&fresh, &bucket).await.unwrap();
    cors::delete(&fresh, &bucket).await.unwrap();
    let err = fresh
        .delete_bucket_encryption()
        .bucket(&bucket)
        .send()
        .await
        .map_err(|e| zos_core::AppError::from_sdk(e, ErrorCode::NoSuchBucket))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::UnsafeRequestRefused);
    assert!(bucket_exists(&fresh, &bucket).await);
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn capabilities_of_radosgw_pacific() {
    let srv = server();
    let caps = Capabilities::default();
    let s3 = build_s3_client_with(&srv.settings(&srv.user1), caps.clone()).unwrap();
    let bucket = unique_bucket("caps");
    make_bucket(&s3, &bucket).await;
    let found = capabilities::detect(&s3, &caps, &bucket).await.unwrap();
    let support = |sub: SubResource| found.iter().find(|c| c.sub_resource == sub).unwrap().support.clone();
    for sub in [
        SubResource::Acl,
        SubResource::Policy,
        SubResource::Cors,
        SubResource::Website,
        SubResource::Tagging,
        SubResource::RequestPayment,
        SubResource::Versioning,
        SubResource::Lifecycle,
    ] {
        assert_eq!(support(sub), Some(Support::Supported), "{sub:?}");
    }
    assert_eq!(
        support(SubResource::Encryption),
        Some(Support::Unsupported { why: UnsupportedWhy::AnswersWithListing })
    );
    let missing = capabilities::detect(&s3, &caps, "t-no-such-bucket-caps").await.unwrap_err();
    assert_eq!(missing.code, ErrorCode::NoSuchBucket);
    drop_bucket(&s3, &bucket).await;
}

fn rich_cors() -> CorsConfiguration {
    CorsConfiguration {
        cors_rules: vec![
            CorsRule {
                id: Some("web-app".into()),
                allowed_headers: vec!["*".into()],
                allowed_methods: vec![CorsMethod::PUT, CorsMethod::POST, CorsMethod::DELETE],
                allowed_origins: vec!["http://www.example.com".into(), "https://*.example.org".into()],
                expose_headers: vec!["x-amz-server-side-encryption".into(), "ETag".into()],
                max_age_seconds: Some(3000),
            },
            CorsRule {
                allowed_methods: vec![CorsMethod::GET, CorsMethod::HEAD],
                allowed_origins: vec!["*".into()],
                ..Default::default()
            },
        ],
    }
}

/// boto3's reading, in the core's model (methods as a set: the server answers in its own order).
fn boto3_cors(bucket: &str) -> CorsConfiguration {
    let text = boto3(&format!(
        "print(json.dumps({{'CORSRules': s3.get_bucket_cors(Bucket={bucket:?})['CORSRules']}}))"
    ));
    match document::parse(ConfigKind::Cors, &text).document {
        Some(ConfigDocument::Cors(c)) => c.normalized(),
        other => panic!("boto3's CORS does not read as a CORS configuration: {other:?}\n{text}"),
    }
}

#[tokio::test]
async fn cors_round_trips_with_boto3_and_the_preflight_names_the_rule() {
    let s3 = server().s3();
    let bucket = unique_bucket("cors");
    make_bucket(&s3, &bucket).await;
    assert_eq!(cors::get(&s3, &bucket).await.unwrap(), None);

    let config = rich_cors();
    cors::put(&s3, &bucket, &config).await.unwrap();
    assert_eq!(
        cors::get(&s3, &bucket).await.unwrap(),
        Some(config.clone().normalized()),
        "form → server → form"
    );
    assert_eq!(boto3_cors(&bucket), config.clone().normalized(), "boto3 reads what the core wrote");

    // The preflight: a PUT from a sub-domain of example.org with a header matches rule 1 (index 0).
    let ask = |origin: &str, method, headers: &[&str]| PreflightRequest {
        bucket: bucket.clone(),
        key: Some("some/key.txt".into()),
        origin: origin.into(),
        method,
        headers: headers.iter().map(|h| h.to_string()).collect(),
    };
    let answer = preflight::run(&s3, &ask("https://app.example.org", CorsMethod::PUT, &["x-amz-meta-a"]))
        .await
        .unwrap();
    assert_eq!(
        (answer.status, answer.allowed, answer.matched_rule, answer.rule_count),
        (200, true, Some(0), 2),
        "{answer:?}"
    );
    assert!(
        answer
            .headers
            .iter()
            .any(|(n, v)| n == "access-control-allow-origin" && v == "https://app.example.org"),
        "{answer:?}"
    );
    let answer = preflight::run(&s3, &ask("https://evil.test", CorsMethod::GET, &[])).await.unwrap();
    assert_eq!((answer.allowed, answer.matched_rule), (true, Some(1)), "the * rule: {answer:?}");
    let answer = preflight::run(&s3, &ask("https://evil.test", CorsMethod::DELETE, &[])).await.unwrap();
    assert_eq!((answer.allowed, answer.matched_rule), (false, None), "{answer:?}");
    assert_eq!(answer.status, 403, "{answer:?}");

    // What boto3 writes (the guide's example), the core reads identically.
    boto3(&format!(
        "s3.put_bucket_cors(Bucket={bucket:?}, CORSConfiguration={{'CORSRules': [{{'AllowedHeaders': ['Authorization'], 'AllowedMethods': ['GET'], 'AllowedOrigins': ['*'], 'ExposeHeaders': ['GET'], 'MaxAgeSeconds': 3000}}]}})"
    ));
    let read = cors::get(&s3, &bucket).await.unwrap().unwrap();
    assert_eq!(read, boto3_cors(&bucket), "the core reads what boto3 wrote");

    // Refused before sending: nothing changes on the server.
    let too_many = CorsConfiguration { cors_rules: vec![rich_cors().cors_rules[1].clone(); 101] };
    assert_eq!(cors::put(&s3, &bucket, &too_many).await.unwrap_err().code, ErrorCode::InvalidInput);
    assert_eq!(cors::get(&s3, &bucket).await.unwrap().unwrap().cors_rules.len(), 1);
    cors::delete(&s3, &bucket).await.unwrap();
    assert_eq!(cors::get(&s3, &bucket).await.unwrap(), None);
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn website_round_trips_with_boto3() {
    let s3 = server().s3();
    let bucket = unique_bucket("web");
    make_bucket(&s3, &bucket).await;
    let site = WebsiteConfiguration {
        index_document: Some(IndexDocument { suffix: "index.html".into() }),
        error_document: Some(ErrorDocument { key: "errors/404.html".into() }),
        redirect_all_requests_to: None,
        routing_rules: vec![
            RoutingRule {
                condition: Some(Condition {
                    key_prefix_equals: Some("docs/".into()),
                    http_error_code_returned_equals: None,
                }),
                redirect: Redirect {
                    replace_key_prefix_with: Some("documents/".into()),
                    ..Default::default()
                },
            },
            RoutingRule {
                condition: Some(Condition {
                    http_error_code_returned_equals: Some("404".into()),
                    key_prefix_equals: None,
                }),
                redirect: Redirect {
                    host_name: Some("www.example.com".into()),
                    protocol: Some(Protocol::Https),
                    http_redirect_code: Some("302".into()),
                    replace_key_with: Some("not-found.html".into()),
                    ..Default::default()
                },
            },
        ],
    };
    website::put(&s3, &bucket, &site).await.unwrap();
    assert_eq!(website::get(&s3, &bucket).await.unwrap(), Some(site.clone()));
    let mut from_boto3 = boto3_json(&format!("s3.get_bucket_website(Bucket={bucket:?})"));
    from_boto3.as_object_mut().unwrap().remove("ResponseMetadata");
    assert_eq!(from_boto3, as_boto3(ConfigDocument::Website(site)));

    boto3(&format!("s3.put_bucket_website(Bucket={bucket:?}, WebsiteConfiguration={{'RedirectAllRequestsTo': {{'HostName': 'example.com', 'Protocol': 'https'}}}})"));
    let redirect = website::get(&s3, &bucket).await.unwrap().unwrap();
    assert_eq!(
        redirect.redirect_all_requests_to,
        Some(RedirectAllRequestsTo { host_name: "example.com".into(), protocol: Some(Protocol::Https) })
    );
    let mut boto3_view = boto3_json(&format!("s3.get_bucket_website(Bucket={bucket:?})"));
    boto3_view.as_object_mut().unwrap().remove("ResponseMetadata");
    assert_eq!(as_boto3(ConfigDocument::Website(redirect.clone())), boto3_view);

    // Both kinds at once: radosgw would take it; the core refuses before sending.
    let both = WebsiteConfiguration {
        index_document: Some(IndexDocument { suffix: "i.html".into() }),
        ..redirect.clone()
    };
    assert_eq!(website::put(&s3, &bucket, &both).await.unwrap_err().code, ErrorCode::InvalidInput);
    assert_eq!(website::get(&s3, &bucket).await.unwrap(), Some(redirect));
    website::delete(&s3, &bucket).await.unwrap();
    assert_eq!(website::get(&s3, &bucket).await.unwrap(), None);
    drop_bucket(&s3, &bucket).await;
}

fn tags(pairs: &[(&str, &str)]) -> TagSet {
    TagSet { tag_set: pairs.iter().map(|(k, v)| Tag { key: k.to_string(), value: v.to_string() }).collect() }
}

fn sorted(mut t: TagSet) -> TagSet {
    t.tag_set.sort_by(|a, b| a.key.cmp(&b.key));
    t
}

#[tokio::test]
async fn tags_round_trip_and_the_limits_agree_with_the_server() {
    let s3 = server().s3();
    let bucket = unique_bucket("tags");
    make_bucket(&s3, &bucket).await;
    assert_eq!(tagging::get_bucket(&s3, &bucket).await.unwrap(), TagSet::default());

    // 50 tags: Chinese, emoji, a 128-byte key, a 256-byte value, an empty value.
    let mut set: Vec<(String, String)> = (0..46).map(|i| (format!("k{i:02}"), format!("v{i}"))).collect();
    set.push(("项目".into(), "相册 📷".into()));
    set.push(("键".repeat(42), "值".repeat(85)));
    set.push(("k".repeat(128), "v".repeat(256)));
    set.push(("empty".into(), String::new()));
    let fifty =
        TagSet { tag_set: set.iter().map(|(k, v)| Tag { key: k.clone(), value: v.clone() }).collect() };
    tagging::put_bucket(&s3, &bucket, &fifty).await.unwrap();
    assert_eq!(sorted(tagging::get_bucket(&s3, &bucket).await.unwrap()), sorted(fifty.clone()));
    let from_boto3: TagSet = serde_json::from_value(boto3_json(&format!(
        "{{'TagSet': s3.get_bucket_tagging(Bucket={bucket:?})['TagSet']}}"
    )))
    .unwrap();
    assert_eq!(sorted(from_boto3), sorted(fifty.clone()), "boto3 reads what the core wrote");

    // The server refuses exactly what the checks refuse (one past each limit), and the core
    // refuses it before sending.
    let over: [(TagSet, &str); 3] = [
        (
            TagSet { tag_set: (0..51).map(|i| Tag { key: format!("k{i}"), value: String::new() }).collect() },
            "51 tags",
        ),
        (tags(&[(&"键".repeat(43), "v")]), "a 129-byte key"),
        (tags(&[("k", &"v".repeat(257))]), "a 257-byte value"),
    ];
    for (set, what) in over {
        assert!(!tagging::check(&set, tagging::TagTarget::Bucket).is_empty(), "{what}");
        assert_eq!(
            tagging::put_bucket(&s3, &bucket, &set).await.unwrap_err().code,
            ErrorCode::InvalidInput,
            "{what}"
        );
        let json = serde_json::to_string(&set.tag_set).unwrap();
        let answer = boto3(&format!(
            "try:\n    s3.put_bucket_tagging(Bucket={bucket:?}, Tagging={{'TagSet': json.loads({json:?})}})\n    print('accepted')\nexcept Exception as e:\n    print(e.response['Error']['Code'])"
        ));
        assert_eq!(answer, "InvalidTag", "the server refuses {what} too");
    }
    assert_eq!(sorted(tagging::get_bucket(&s3, &bucket).await.unwrap()), sorted(fifty), "nothing changed");

    // What boto3 writes, the core reads.
    boto3(&format!("s3.put_bucket_tagging(Bucket={bucket:?}, Tagging={{'TagSet': [{{'Key': 'owner', 'Value': '运维'}}]}})"));
    assert_eq!(tagging::get_bucket(&s3, &bucket).await.unwrap(), tags(&[("owner", "运维")]));
    tagging::delete_bucket(&s3, &bucket).await.unwrap();
    assert_eq!(tagging::get_bucket(&s3, &bucket).await.unwrap(), TagSet::default());

    // Objects, per version: ten tags on the first version, other tags on the second.
    boto3(&format!(
        "s3.put_bucket_versioning(Bucket={bucket:?}, VersioningConfiguration={{'Status': 'Enabled'}})"
    ));
    let v1 = s3
        .put_object()
        .bucket(&bucket)
        .key("doc.txt")
        .body(b"one".to_vec().into())
        .send()
        .await
        .unwrap()
        .version_id
        .unwrap();
    let v2 = s3
        .put_object()
        .bucket(&bucket)
        .key("doc.txt")
        .body(b"two".to_vec().into())
        .send()
        .await
        .unwrap()
        .version_id
        .unwrap();
    let ten =
        TagSet { tag_set: (0..10).map(|i| Tag { key: format!("t{i}"), value: "甲".into() }).collect() };
    tagging::put_object(&s3, &bucket, "doc.txt", Some(&v1), &ten).await.unwrap();
    tagging::put_object(&s3, &bucket, "doc.txt", None, &tags(&[("latest", "yes")])).await.unwrap();
    assert_eq!(
        sorted(tagging::get_object(&s3, &bucket, "doc.txt", Some(&v1)).await.unwrap()),
        sorted(ten.clone())
    );
    assert_eq!(
        tagging::get_object(&s3, &bucket, "doc.txt", Some(&v2)).await.unwrap(),
        tags(&[("latest", "yes")])
    );
    let boto3_v1: TagSet = serde_json::from_value(boto3_json(&format!(
        "{{'TagSet': s3.get_object_tagging(Bucket={bucket:?}, Key='doc.txt', VersionId={v1:?})['TagSet']}}"
    )))
    .unwrap();
    assert_eq!(sorted(boto3_v1), sorted(ten));
    let eleven =
        TagSet { tag_set: (0..11).map(|i| Tag { key: format!("t{i}"), value: String::new() }).collect() };
    assert_eq!(
        tagging::put_object(&s3, &bucket, "doc.txt", None, &eleven).await.unwrap_err().code,
        ErrorCode::InvalidInput
    );
    tagging::delete_object(&s3, &bucket, "doc.txt", Some(&v1)).await.unwrap();
    assert_eq!(tagging::get_object(&s3, &bucket, "doc.txt", Some(&v1)).await.unwrap(), TagSet::default());
    assert_eq!(
        tagging::get_object(&s3, &bucket, "doc.txt", Some(&v2)).await.unwrap(),
        tags(&[("latest", "yes")])
    );
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn request_payment_round_trips_with_boto3() {
    let s3 = server().s3();
    let bucket = unique_bucket("pay");
    make_bucket(&s3, &bucket).await;
    assert_eq!(request_payment::get(&s3, &bucket).await.unwrap().payer, Payer::BucketOwner);
    request_payment::put(&s3, &bucket, &RequestPayment { payer: Payer::Requester }).await.unwrap();
    assert_eq!(
        boto3(&format!("print(s3.get_bucket_request_payment(Bucket={bucket:?})['Payer'])")),
        "Requester"
    );
    boto3(&format!("s3.put_bucket_request_payment(Bucket={bucket:?}, RequestPaymentConfiguration={{'Payer': 'BucketOwner'}})"));
    assert_eq!(request_payment::get(&s3, &bucket).await.unwrap().payer, Payer::BucketOwner);
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn acl_round_trips_with_boto3_for_buckets_and_object_versions() {
    let srv = server();
    let (s3, s3b) = (srv.s3(), srv.s3_user2());
    let bucket = unique_bucket("acl");
    make_bucket(&s3, &bucket).await;
    let me = s3.list_buckets().send().await.unwrap().owner().unwrap().id().unwrap().to_owned();
    let other = s3b.list_buckets().send().await.unwrap().owner().unwrap().id().unwrap().to_owned();
    let target = AclTarget { bucket: bucket.clone(), key: None, version_id: None };

    let read = acl::get(&s3, &target).await.unwrap();
    assert_eq!(read.owner.id, me);
    let grant = |kind, id: Option<&str>, uri: Option<&str>, permission| Grant {
        grantee: Grantee {
            kind,
            id: id.map(str::to_owned),
            display_name: None,
            email_address: None,
            uri: uri.map(str::to_owned),
        },
        permission,
    };
    let policy = AccessControlPolicy {
        owner: Owner { id: me.clone(), display_name: None },
        grants: vec![
            grant(GranteeType::CanonicalUser, Some(&me), None, Permission::FullControl),
            grant(GranteeType::CanonicalUser, Some(&other), None, Permission::Read),
            grant(GranteeType::CanonicalUser, Some(&other), None, Permission::WriteAcp),
            grant(GranteeType::Group, None, Some(acl::ALL_USERS), Permission::Read),
        ],
    };
    acl::put(&s3, &target, &AclChange::Policy(policy.clone())).await.unwrap();
    let back = acl::get(&s3, &target).await.unwrap();
    let summary = |p: &AccessControlPolicy| {
        let mut v: Vec<String> = p
            .grants
            .iter()
            .map(|g| {
                format!(
                    "{:?} {} {:?}",
                    g.grantee.kind,
                    g.grantee.id.clone().or(g.grantee.uri.clone()).unwrap_or_default(),
                    g.permission
                )
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(summary(&back), summary(&policy), "form → server → form");
    let boto3_grants = boto3(&format!(
        "a = s3.get_bucket_acl(Bucket={bucket:?})\nprint('\\n'.join(sorted(g['Grantee']['Type'] + ' ' + (g['Grantee'].get('ID') or g['Grantee'].get('URI')) + ' ' + g['Permission'] for g in a['Grants'])))"
    ));
    let ours: Vec<String> = summary(&back)
        .iter()
        .map(|s| {
            s.replace("FullControl", "FULL_CONTROL").replace("WriteAcp", "WRITE_ACP").replace("Read", "READ")
        })
        .collect();
    let mut ours = ours;
    ours.sort();
    assert_eq!(
        boto3_grants.lines().map(str::to_owned).collect::<Vec<_>>(),
        ours,
        "boto3 reads what the core wrote"
    );
    // The grant works: user 2 may now read the ACL back (WRITE_ACP/READ given), and anyone may list.
    assert!(s3b.list_objects_v2().bucket(&bucket).send().await.is_ok(), "READ for user 2 holds");

    // What boto3 writes (a canned ACL), the core reads; and a canned ACL from the core.
    boto3(&format!("s3.put_bucket_acl(Bucket={bucket:?}, ACL='authenticated-read')"));
    let canned = acl::get(&s3, &target).await.unwrap();
    assert!(
        canned.grants.iter().any(|g| g.grantee.uri.as_deref() == Some(acl::AUTHENTICATED_USERS)
            && g.permission == Permission::Read),
        "{canned:?}"
    );
    acl::put(&s3, &target, &AclChange::Canned(zos_core::buckets::CannedAcl::Private)).await.unwrap();
    assert_eq!(acl::get(&s3, &target).await.unwrap().grants.len(), 1, "private: the owner only");

    // One object version.
    boto3(&format!(
        "s3.put_bucket_versioning(Bucket={bucket:?}, VersioningConfiguration={{'Status': 'Enabled'}})"
    ));
    let v1 = s3
        .put_object()
        .bucket(&bucket)
        .key("a.txt")
        .body(b"1".to_vec().into())
        .send()
        .await
        .unwrap()
        .version_id
        .unwrap();
    s3.put_object().bucket(&bucket).key("a.txt").body(b"2".to_vec().into()).send().await.unwrap();
    let old = AclTarget { bucket: bucket.clone(), key: Some("a.txt".into()), version_id: Some(v1.clone()) };
    acl::put(&s3, &old, &AclChange::Canned(zos_core::buckets::CannedAcl::PublicRead)).await.unwrap();
    let public = boto3(&format!(
        "a = s3.get_object_acl(Bucket={bucket:?}, Key='a.txt', VersionId={v1:?})\nprint(any(g['Grantee'].get('URI', '').endswith('AllUsers') for g in a['Grants']))"
    ));
    assert_eq!(public, "True");
    let current = AclTarget { bucket: bucket.clone(), key: Some("a.txt".into()), version_id: None };
    assert!(
        acl::get(&s3, &current).await.unwrap().grants.iter().all(|g| g.grantee.uri.is_none()),
        "only the old version is public"
    );
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn policy_round_trips_with_boto3_and_bad_json_is_never_sent() {
    let s3 = server().s3();
    let bucket = unique_bucket("pol");
    make_bucket(&s3, &bucket).await;
    assert_eq!(policy::get(&s3, &bucket).await.unwrap(), None);

    let mut doc = policy::template(PolicyTemplate::RefererAllowList, &bucket);
    doc.statements.extend(policy::template(PolicyTemplate::DenyInsecureTransport, &bucket).statements);
    let other =
        server().s3_user2().list_buckets().send().await.unwrap().owner().unwrap().id().unwrap().to_owned();
    let mut read_only = policy::template(PolicyTemplate::ReadOnlyForUser, &bucket).statements.remove(0);
    read_only.principal =
        Principal::Users(vec![format!("arn:aws:iam:::user/{other}"), format!("arn:aws:s3:::user/{other}")]);
    doc.statements.push(read_only);
    let text = policy::print(&doc);
    policy::put(&s3, &bucket, &text).await.unwrap();
    let stored = policy::get(&s3, &bucket).await.unwrap().unwrap();
    assert_eq!(stored.parsed.problems, vec![]);
    assert_eq!(stored.parsed.document, Some(doc.clone()), "form → server → form");
    let boto3_doc = boto3(&format!("print(s3.get_bucket_policy(Bucket={bucket:?})['Policy'])"));
    assert_eq!(
        serde_json::from_str::<Value>(&boto3_doc).unwrap(),
        serde_json::from_str::<Value>(&text).unwrap()
    );

    // The guide's own example is not JSON: refused with the explanation, nothing sent.
    let guide = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"*"}},"Action":["s3:GetObject"],"Resource":["arn:aws:s3:::{bucket}/*"]}}]}}"#
    );
    let err = policy::put(&s3, &bucket, &guide).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.detail.contains("\"Principal\": \"*\""), "{}", err.detail);
    assert_eq!(policy::get(&s3, &bucket).await.unwrap().unwrap().text, stored.text, "nothing changed");

    // What boto3 writes (single strings, a Condition with a list), the core reads as the form.
    let written = format!(
        r#"{{"Version": "2012-10-17", "Statement": [{{"Sid": "ip", "Effect": "Allow", "Principal": {{"AWS": "arn:aws:iam:::user/{other}"}}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::{bucket}/public/*", "Condition": {{"IpAddress": {{"aws:SourceIp": ["10.0.0.0/8", "192.168.1.0/24"]}}}}}}]}}"#
    );
    boto3(&format!("s3.put_bucket_policy(Bucket={bucket:?}, Policy={written:?})"));
    let read = policy::get(&s3, &bucket).await.unwrap().unwrap();
    let statement = &read.parsed.document.as_ref().unwrap().statements[0];
    assert_eq!(statement.principal, Principal::Users(vec![format!("arn:aws:iam:::user/{other}")]));
    assert_eq!(statement.actions, ["s3:GetObject"]);
    assert_eq!(statement.conditions[0].values, ["10.0.0.0/8", "192.168.1.0/24"]);
    assert_eq!(
        serde_json::from_str::<Value>(&read.text).unwrap(),
        serde_json::from_str::<Value>(&written).unwrap()
    );

    policy::delete(&s3, &bucket).await.unwrap();
    assert_eq!(policy::get(&s3, &bucket).await.unwrap(), None);
    assert!(bucket_exists(&s3, &bucket).await);
    drop_bucket(&s3, &bucket).await;
}

#[test]
fn the_expert_text_of_each_kind_reads_back() {
    for (kind, doc) in [
        (ConfigKind::Cors, ConfigDocument::Cors(rich_cors())),
        (ConfigKind::BucketTags, ConfigDocument::BucketTags(tags(&[("a", "b"), ("项目", "")]))),
        (
            ConfigKind::RequestPayment,
            ConfigDocument::RequestPayment(RequestPayment { payer: Payer::Requester }),
        ),
    ] {
        let parsed = document::parse(kind, &document::print(&doc));
        assert_eq!(parsed.document, Some(doc), "{kind:?}");
    }
}

/// Both principal forms the editor offers for a user are honoured by radosgw 16.2: the guide's
/// `arn:aws:s3:::user/ID` and `arn:aws:iam:::user/ID` each let the second user read.
#[tokio::test]
async fn both_user_principal_forms_are_honoured() {
    let srv = server();
    let (s3, s3b) = (srv.s3(), srv.s3_user2());
    let other = s3b.list_buckets().send().await.unwrap().owner().unwrap().id().unwrap().to_owned();
    for form in ["arn:aws:s3:::user", "arn:aws:iam:::user"] {
        let bucket = unique_bucket("princ");
        make_bucket(&s3, &bucket).await;
        put(&s3, &bucket, "shared.txt", b"for user 2").await;
        let denied = s3b.get_object().bucket(&bucket).key("shared.txt").send().await;
        assert!(denied.is_err(), "{form}: readable before the policy");
        let mut doc = policy::template(PolicyTemplate::ReadOnlyForUser, &bucket);
        doc.statements[0].principal = Principal::Users(vec![format!("{form}/{other}")]);
        policy::put(&s3, &bucket, &policy::print(&doc)).await.unwrap();
        let got = s3b.get_object().bucket(&bucket).key("shared.txt").send().await;
        assert!(got.is_ok(), "{form}: user 2 cannot read with the policy: {got:?}");
        drop_bucket(&s3, &bucket).await;
    }
}
