//! Issue 13: path style (ZOS's default) or virtual-host style is the profile's choice, and it
//! is what goes on the wire. An extra radosgw on the test cluster is told its DNS name
//! (`--rgw-dns-name s3.zos.test`), so it reads the bucket from `Host: bucket.s3.zos.test`.
//! That wildcard resolves nowhere here and /etc/hosts is not ours: the profile's proxy is a
//! forwarding proxy of the testkit ([`Forwarder`]) that sends every host name to that radosgw
//! and notes the request line and `Host` header the client sent.
//!
//! Profiles are saved and connected as the app does (ProfileService, the secret in the
//! keyring, Sessions): run under tests/with-keyring.sh. Objects are checked with boto3 through
//! the ordinary endpoint, both ways.

use zos_testkit as common;

use common::forward::{Forwarded, Forwarder};
use common::gateway::{free_port, ExtraGateway};
use common::keyring::KeyringProfiles;
use common::*;
use std::io::{Read, Write};
use zos_core::buckets::{self, CreateBucketRequest};
use zos_core::objects::{self, preview::PreviewContent, preview::PreviewOptions};
use zos_core::profiles::{ProfileInput, ProfileProxy, ProxyMode};
use zos_core::session::Sessions;
use zos_core::sharing::{self, ShareTarget};
use zos_core::ErrorCode;

const DNS_NAME: &str = "s3.zos.test";
const FROM_BOTO3: &str = "from-boto3.txt";
const FROM_APP: &str = "dir/from-app.txt";

/// radosgw answering for `*.s3.zos.test` on a port of its own, and the forwarder to it.
struct VhostSite {
    port: u16,
    forwarder: Forwarder,
    _gateway: ExtraGateway,
}

impl VhostSite {
    fn start() -> VhostSite {
        let port = free_port();
        let gateway = ExtraGateway::start(
            &temp_dir("vhost-rgw"),
            "virtual-host",
            &format!("beast endpoint=127.0.0.1:{port}"),
            &["--rgw-dns-name", DNS_NAME],
            &[port],
        );
        VhostSite { port, forwarder: Forwarder::start(([127, 0, 0, 1], port).into()), _gateway: gateway }
    }

    /// The profile's endpoint: the gateway's DNS name.
    fn endpoint(&self) -> String {
        format!("http://{DNS_NAME}:{}", self.port)
    }

    fn service_host(&self) -> String {
        format!("{DNS_NAME}:{}", self.port)
    }

    fn bucket_host(&self, bucket: &str) -> String {
        format!("{bucket}.{DNS_NAME}:{}", self.port)
    }
}

/// A profile of the first test user at `endpoint`, through the forwarder.
fn profile(site: &VhostSite, endpoint: String, region: &str, path_style: bool) -> ProfileInput {
    let srv = server();
    let mut input = ProfileInput {
        name: format!("{region} {}", if path_style { "path" } else { "vhost" }),
        endpoint,
        region: region.to_owned(),
        path_style,
        ..profile_input(&srv, Some(&srv.user1.1))
    };
    input.network.proxy = ProfileProxy {
        mode: ProxyMode::Custom,
        url: Some(site.forwarder.url()),
        username: None,
        no_proxy: None,
    };
    input
}

/// The client the app's commands would use for this profile (saved, secret in the keyring).
async fn connect(keyring: &KeyringProfiles, input: ProfileInput) -> aws_sdk_s3::Client {
    let saved = keyring.profiles.save(input).await.expect("the profile is saved");
    let sessions = Sessions::new(keyring.profiles.clone());
    sessions.get(&saved.id).await.expect("the profile connects").s3().clone()
}

/// (method, Host header, path without query), and the request line's authority checked
/// against the Host header.
fn wire(seen: &[Forwarded]) -> Vec<(String, String, String)> {
    for r in seen {
        assert_eq!(r.authority, r.host, "the request line and Host name the same server: {r:?}");
    }
    seen.iter().map(|r| (r.method.clone(), r.host.clone(), r.path_only().to_owned())).collect()
}

/// `want` appears in `got` in this order (other requests, such as retries, may come between).
fn assert_in_order(got: &[(String, String, String)], want: &[(&str, String, String)]) {
    let mut rest = got.iter();
    for (method, host, path) in want {
        assert!(
            rest.any(|(m, h, p)| m == method && h == host && p == path),
            "no {method} {path} with Host {host} (in this order) among:\n{}",
            got.iter().map(|(m, h, p)| format!("{m} {p}  Host: {h}")).collect::<Vec<_>>().join("\n")
        );
    }
}

/// A GET of a presigned link through the forwarder (as a browser behind that proxy would):
/// the status line and the body.
fn fetch_through(forwarder: &Forwarder, url: &str) -> (String, Vec<u8>) {
    let authority = url.trim_start_matches("http://").split('/').next().unwrap();
    let mut stream = std::net::TcpStream::connect(forwarder.addr).unwrap();
    write!(stream, "GET {url} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n\r\n").unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    let end = answer.windows(4).position(|w| w == b"\r\n\r\n").expect("a response head");
    let status = String::from_utf8_lossy(&answer[..end]).lines().next().unwrap().to_owned();
    (status, answer[end + 4..].to_vec())
}

fn bucket_request(bucket: &str) -> CreateBucketRequest {
    CreateBucketRequest {
        name: bucket.to_owned(),
        acl: None,
        object_lock: false,
        az_policy: None,
        storage_class: None,
    }
}

/// What a user does with a bucket, through the functions the app's commands call: create it,
/// see it listed, read an object boto3 wrote, write one (append upload) that boto3 reads, list,
/// share a link, delete the objects and the bucket.
async fn use_a_bucket(s3: &aws_sdk_s3::Client, bucket: &str, forwarder: &Forwarder) {
    buckets::create_bucket(s3, &bucket_request(bucket)).await.expect("create the bucket");
    let listed = buckets::list_buckets(s3).await.unwrap();
    assert!(listed.iter().any(|b| b.name == bucket), "{listed:?}");

    boto3(&format!("s3.put_object(Bucket={bucket:?}, Key={FROM_BOTO3:?}, Body=b'written by boto3')"));
    let preview =
        objects::preview::preview_object(s3, bucket, FROM_BOTO3, None, None, &PreviewOptions::default())
            .await
            .expect("the app reads what boto3 wrote");
    match preview.content {
        PreviewContent::Text(text) => assert_eq!(text.text, "written by boto3"),
        other => panic!("{other:?}"),
    }
    assert_eq!(objects::head_object(s3, bucket, FROM_BOTO3).await.unwrap().size, 16);

    let local = temp_dir("vhost-file").join("up.txt");
    std::fs::write(&local, "written by the app").unwrap();
    objects::append_file(s3, bucket, FROM_APP, 0, &local).await.expect("the app writes");
    let read =
        boto3(&format!("print(s3.get_object(Bucket={bucket:?}, Key={FROM_APP:?})['Body'].read().decode())"));
    assert_eq!(read, "written by the app", "boto3 reads what the app wrote");

    let page = objects::list_objects(s3, bucket, "", None, None).await.unwrap();
    assert_eq!(page.folders, ["dir/"]);
    assert_eq!(page.objects.iter().map(|o| o.key.as_str()).collect::<Vec<_>>(), [FROM_BOTO3]);

    let target = ShareTarget { bucket: bucket.to_owned(), key: FROM_APP.to_owned(), version_id: None };
    let link = sharing::share_link(s3, &target, 600, None).await.unwrap();
    let (status, body) = fetch_through(forwarder, &link);
    assert_eq!((status.as_str(), body.as_slice()), ("HTTP/1.1 200 OK", &b"written by the app"[..]), "{link}");

    let report =
        objects::delete_objects(s3, bucket, &[FROM_BOTO3.to_owned(), FROM_APP.to_owned()]).await.unwrap();
    assert!(report.failed.is_empty(), "{report:?}");
    buckets::delete_bucket(s3, bucket).await.expect("delete the empty bucket");
    let gone = boto3(&format!(
        "import botocore\ntry:\n    s3.head_bucket(Bucket={bucket:?}); print('still there')\nexcept botocore.exceptions.ClientError as e:\n    print(e.response['Error']['Code'])"
    ));
    assert_eq!(gone, "404", "boto3 no longer finds the bucket");
}

/// Every request of [`use_a_bucket`], with the host and path each style gives it.
fn expected(
    host_of_bucket: &str,
    service_host: &str,
    path: impl Fn(&str) -> String,
) -> Vec<(&'static str, String, String)> {
    let at = |method, key: &str| (method, host_of_bucket.to_owned(), path(key));
    vec![
        at("HEAD", ""), // create_bucket asks first whether it is there
        at("PUT", ""),
        ("GET", service_host.to_owned(), "/".to_owned()), // ListBuckets names no bucket
        at("GET", FROM_BOTO3),
        at("HEAD", FROM_BOTO3),
        at("PUT", FROM_APP),
        at("GET", ""),
        at("GET", FROM_APP), // the shared link
        at("POST", ""),
        at("DELETE", ""),
    ]
}

fn print_wire(label: &str, seen: &[Forwarded]) {
    eprintln!("--- {label}: what the forwarder saw");
    for r in seen {
        eprintln!("{} http://{}{}  Host: {}", r.method, r.authority, r.path, r.host);
    }
}

#[tokio::test]
async fn virtual_host_style_puts_the_bucket_in_the_host_name() {
    let site = VhostSite::start();
    let keyring = KeyringProfiles::new("vhost");
    let s3 = connect(&keyring, profile(&site, site.endpoint(), "default", false)).await;
    let bucket = unique_bucket("vhost");
    site.forwarder.take();
    use_a_bucket(&s3, &bucket, &site.forwarder).await;

    let seen = site.forwarder.take();
    print_wire("virtual-host style", &seen);
    let got = wire(&seen);
    let bucket_host = site.bucket_host(&bucket);
    for (method, host, path) in &got {
        assert!(
            *host == bucket_host || (*host == site.service_host() && method == "GET" && path == "/"),
            "only ListBuckets goes to the bare name: {method} {path} Host {host}"
        );
        assert!(!path.starts_with(&format!("/{bucket}")), "the bucket is not in the path: {method} {path}");
    }
    assert_in_order(&got, &expected(&bucket_host, &site.service_host(), |key| format!("/{key}")));
    std::fs::remove_dir_all(&keyring.config).ok();
}

#[tokio::test]
async fn path_style_puts_the_bucket_in_the_path() {
    let site = VhostSite::start();
    let keyring = KeyringProfiles::new("pathstyle");
    let s3 = connect(&keyring, profile(&site, site.endpoint(), "default", true)).await;
    let bucket = unique_bucket("pathstyle");
    site.forwarder.take();
    use_a_bucket(&s3, &bucket, &site.forwarder).await;

    let seen = site.forwarder.take();
    print_wire("path style", &seen);
    let got = wire(&seen);
    for (method, host, path) in &got {
        assert_eq!(*host, site.service_host(), "{method} {path}");
        assert!(path == "/" || path.starts_with(&format!("/{bucket}/")), "{method} {path}");
    }
    let path = |key: &str| format!("/{bucket}/{key}");
    assert_in_order(&got, &expected(&site.service_host(), &site.service_host(), path));
    std::fs::remove_dir_all(&keyring.config).ok();
}

/// `bucket.127.0.0.1` is no host name: for an IP endpoint the SDK's endpoint rules send the
/// bucket in the path whatever the profile says, and radosgw serves it. (This replaces a test
/// that listed a bucket this way without looking at the wire.)
#[tokio::test]
async fn virtual_host_style_on_an_ip_endpoint_goes_path_style() {
    let site = VhostSite::start();
    let keyring = KeyringProfiles::new("vhost-ip");
    let endpoint = format!("http://127.0.0.1:{}", site.port);
    let s3 = connect(&keyring, profile(&site, endpoint, "default", false)).await;
    let bucket = unique_bucket("vhost-ip");
    site.forwarder.take();
    buckets::create_bucket(&s3, &bucket_request(&bucket)).await.unwrap();
    let local = temp_dir("vhost-ip-file").join("k.txt");
    std::fs::write(&local, "v").unwrap();
    objects::append_file(&s3, &bucket, "k.txt", 0, &local).await.unwrap();
    let page = objects::list_objects(&s3, &bucket, "", None, None).await.unwrap();
    assert_eq!(page.objects.iter().map(|o| o.key.as_str()).collect::<Vec<_>>(), ["k.txt"]);

    let seen = site.forwarder.take();
    print_wire("virtual-host style, IP endpoint", &seen);
    let host = format!("127.0.0.1:{}", site.port);
    let got = wire(&seen);
    assert!(got.iter().all(|(_, h, _)| *h == host), "{got:?}");
    let want = [
        ("PUT", host.clone(), format!("/{bucket}/")),
        ("PUT", host.clone(), format!("/{bucket}/k.txt")),
        ("GET", host.clone(), format!("/{bucket}/")),
    ];
    assert_in_order(&got, &want);
    drop_bucket(&server().s3(), &bucket).await;
    std::fs::remove_dir_all(&keyring.config).ok();
}

/// What a bare SDK client (without the core's region rule) makes of `region`, virtual-host
/// style: ListBuckets, or HeadBucket of `bucket`. Its error with its sources, or "sent".
async fn sdk_alone(region: &str, endpoint: &str, bucket: Option<&str>) -> String {
    let srv = server();
    let credentials = aws_credential_types::Credentials::new(&srv.user1.0, &srv.user1.1, None, None, "test");
    let config = aws_sdk_s3::Config::builder()
        .behavior_version(zos_core::client::behavior_version())
        .endpoint_url(endpoint)
        .region(aws_sdk_s3::config::Region::new(region.to_owned()))
        .credentials_provider(credentials)
        .build();
    let s3 = aws_sdk_s3::Client::from_conf(config);
    let show =
        |e: &dyn std::error::Error| aws_smithy_types::error::display::DisplayErrorContext(e).to_string();
    match bucket {
        None => s3.list_buckets().send().await.map(|_| ()).map_err(|e| show(&e)),
        Some(b) => s3.head_bucket().bucket(b).send().await.map(|_| ()).map_err(|e| show(&e)),
    }
    .err()
    .unwrap_or_else(|| "sent".into())
}

/// radosgw checks a SigV4 signature with the region the request's credential scope names
/// (none is configured to be required), so a region typed as free text works: it is signed as
/// typed and every operation is served. Only a region that is no DNS label is refused (the
/// SDK's S3 endpoint rules build host names from it).
#[tokio::test]
async fn a_region_typed_as_free_text_signs_requests_radosgw_accepts() {
    let site = VhostSite::start();
    let keyring = KeyringProfiles::new("regions");
    for region in ["cn", "us-east-1", "default", "eu-central-1", "ZOS-Region-1"] {
        let s3 = connect(&keyring, profile(&site, site.endpoint(), region, false)).await;
        let bucket = unique_bucket("region");
        site.forwarder.take();
        use_a_bucket(&s3, &bucket, &site.forwarder).await;
        let seen = site.forwarder.take();
        assert!(seen.len() >= 10, "{seen:?}");
        for r in &seen {
            let signed = r.signed_region();
            assert_eq!(
                signed.as_deref(),
                Some(region),
                "{} {}: {:?}",
                r.method,
                r.path,
                r.header("authorization")
            );
        }
    }

    // An empty region is saved as "default", and signed so.
    let s3 = connect(&keyring, profile(&site, site.endpoint(), " ", false)).await;
    buckets::list_buckets(&s3).await.unwrap();
    let seen = site.forwarder.take();
    assert_eq!(seen.iter().map(|r| r.signed_region()).collect::<Vec<_>>(), [Some("default".to_owned())]);

    // The SDK alone refuses some regions before sending anything ("Invalid region: region was
    // not a valid DNS name.", which reached the user as ConnectFailed): one that is no DNS name
    // for ListBuckets (so for Test connection and the bucket list, in either style), and one
    // with a dot for a bucket's requests in virtual-host style. The profile form's check refuses
    // them before the profile is saved, saying what a region may be (the same rule refuses them
    // when a client is built: client.rs's unit tests).
    let refused = "Invalid region: region was not a valid DNS name";
    let connect_err = |region: &'static str, path_style: bool| {
        let (keyring, site) = (&keyring, &site);
        async move {
            keyring
                .profiles
                .save(profile(site, site.endpoint(), region, path_style))
                .await
                .expect_err("refused")
        }
    };
    for region in ["My Region", "区域", "a/b", "x_y"] {
        assert!(sdk_alone(region, &site.endpoint(), None).await.contains(refused), "{region:?}");
        for path_style in [true, false] {
            let err = connect_err(region, path_style).await;
            assert_eq!(err.code, ErrorCode::InvalidInput, "{region:?}: {err:?}");
            assert!(err.detail.contains("a region is letters, digits and '-'"), "{err:?}");
        }
    }
    let bucket = unique_bucket("region-dot");
    assert!(sdk_alone("eu.west", &site.endpoint(), Some(&bucket)).await.contains(refused));
    let err = connect_err("eu.west", false).await;
    assert_eq!(err.code, ErrorCode::InvalidInput, "{err:?}");
    assert!(err.detail.contains("no '.'"), "{err:?}");
    assert!(site.forwarder.take().is_empty(), "nothing reached the wire");

    // In path style a dotted region is a DNS name: signed as typed, served.
    let s3 = connect(&keyring, profile(&site, site.endpoint(), "eu.west", true)).await;
    buckets::create_bucket(&s3, &bucket_request(&bucket)).await.unwrap();
    buckets::list_buckets(&s3).await.unwrap();
    buckets::delete_bucket(&s3, &bucket).await.unwrap();
    let seen = site.forwarder.take();
    assert!(seen.len() >= 4, "{seen:?}");
    assert!(seen.iter().all(|r| r.signed_region().as_deref() == Some("eu.west")), "{seen:?}");
    std::fs::remove_dir_all(&keyring.config).ok();
}
