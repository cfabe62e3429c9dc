//! Shared set-up for tests against the real radosgw that `tests/rgw/start.sh` starts.
//! Its endpoint and keys come from the environment (`tests/run-all.sh` exports them).
//! [`proxy`] is a TCP proxy on loopback that resets or stalls connections on purpose;
//! [`signed`] a one-request server that checks a request's SigV4 signature; [`gateway`] an
//! extra radosgw on the same cluster with options of its own ([`tls`] serves https with it);
//! [`forward`] a forwarding proxy that sends any host name to one server and notes what was
//! asked; [`keyring`] the set-up of tests that keep profiles in the real Secret Service.

pub mod emulator;
pub mod forward;
pub mod gateway;
pub mod keyring;
pub mod proxy;
pub mod signed;
pub mod tls;

use aws_sdk_s3::primitives::ByteStream;
use futures::{stream, StreamExt, TryStreamExt};
use std::path::PathBuf;
use zos_core::client::{build_s3_client, ConnectionSettings};
use zos_core::profiles::ProfileInput;

pub struct TestServer {
    pub endpoint: String,
    pub region: String,
    pub user1: (String, String),
    pub user2: (String, String),
}

fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!("{name} is not set: start the test radosgw with tests/rgw/start.sh and source its env file (tests/run-all.sh does both)")
    })
}

pub fn server() -> TestServer {
    TestServer {
        endpoint: var("ZOS_TEST_ENDPOINT"),
        region: std::env::var("ZOS_TEST_REGION").unwrap_or_else(|_| "default".into()),
        user1: (var("ZOS_TEST_ACCESS_KEY"), var("ZOS_TEST_SECRET_KEY")),
        user2: (var("ZOS_TEST_ACCESS_KEY_2"), var("ZOS_TEST_SECRET_KEY_2")),
    }
}

impl TestServer {
    pub fn settings(&self, user: &(String, String)) -> ConnectionSettings {
        ConnectionSettings {
            endpoint: self.endpoint.clone(),
            region: self.region.clone(),
            path_style: true,
            access_key_id: user.0.clone(),
            secret_access_key: user.1.clone(),
            network: Default::default(),
        }
    }

    pub fn s3(&self) -> aws_sdk_s3::Client {
        build_s3_client(&self.settings(&self.user1)).unwrap()
    }

    pub fn s3_user2(&self) -> aws_sdk_s3::Client {
        build_s3_client(&self.settings(&self.user2)).unwrap()
    }
}

/// A bucket name no other test uses.
pub fn unique_bucket(tag: &str) -> String {
    format!("t-{tag}-{}", &uuid::Uuid::new_v4().simple().to_string()[..10])
}

pub async fn make_bucket(s3: &aws_sdk_s3::Client, name: &str) {
    s3.create_bucket().bucket(name).send().await.expect("create test bucket");
}

pub async fn put(s3: &aws_sdk_s3::Client, bucket: &str, key: &str, body: &[u8]) {
    s3.put_object()
        .bucket(bucket)
        .key(key)
        .body(ByteStream::from(body.to_vec()))
        .send()
        .await
        .unwrap_or_else(|e| panic!("put {key}: {e:?}"));
}

pub async fn put_many(s3: &aws_sdk_s3::Client, bucket: &str, keys: Vec<String>) {
    stream::iter(keys)
        .map(|k| async move {
            s3.put_object().bucket(bucket).key(&k).body(ByteStream::from_static(b"x")).send().await
        })
        .buffer_unordered(32)
        .try_collect::<Vec<_>>()
        .await
        .expect("seed keys");
}

/// Empties and removes a bucket (test clean-up only).
pub async fn drop_bucket(s3: &aws_sdk_s3::Client, bucket: &str) {
    let mut token = None;
    loop {
        let out = s3
            .list_objects_v2()
            .bucket(bucket)
            .set_continuation_token(token.clone())
            .send()
            .await
            .expect("list for clean-up");
        let keys: Vec<String> = out.contents().iter().filter_map(|o| o.key().map(str::to_owned)).collect();
        if !keys.is_empty() {
            zos_core::objects::delete_objects(s3, bucket, &keys).await.expect("clean-up delete");
        }
        token = out.next_continuation_token().map(str::to_owned);
        if out.is_truncated() != Some(true) {
            break;
        }
    }
    // Versioned buckets: every version and delete marker too.
    let versions = s3.list_object_versions().bucket(bucket).send().await.expect("list versions for clean-up");
    let all = versions
        .versions()
        .iter()
        .map(|v| (v.key(), v.version_id()))
        .chain(versions.delete_markers().iter().map(|m| (m.key(), m.version_id())));
    for (key, version) in all {
        s3.delete_object()
            .bucket(bucket)
            .key(key.unwrap_or_default())
            .set_version_id(version.map(str::to_owned))
            .send()
            .await
            .expect("clean-up delete version");
    }
    s3.delete_bucket().bucket(bucket).send().await.expect("clean-up delete bucket");
}

pub fn temp_dir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("zos-{tag}-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

pub fn test_service() -> String {
    format!("zos-browser-test-{}", uuid::Uuid::new_v4().simple())
}

pub fn profile_input(srv: &TestServer, secret: Option<&str>) -> ProfileInput {
    ProfileInput {
        id: None,
        name: "Local radosgw".into(),
        endpoint: srv.endpoint.clone(),
        region: srv.region.clone(),
        path_style: true,
        access_key_id: srv.user1.0.clone(),
        secret_access_key: secret.map(str::to_owned),
        search_endpoint: None,
        network: Default::default(),
    }
}

/// Runs a Python snippet with boto3 against the test radosgw (user 1) and returns its stdout.
/// The snippet gets `s3`, a boto3 client, and `json`; it prints what the test compares. Used to
/// check every operation both ways: what the core writes, boto3 reads, and the reverse.
pub fn boto3(snippet: &str) -> String {
    let srv = server();
    let python = std::env::var("ZOS_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    let program = format!(
        "import boto3, json, os\nfrom botocore.config import Config\n\
         s3 = boto3.client('s3', endpoint_url=os.environ['ZOS_TEST_ENDPOINT'], region_name=os.environ.get('ZOS_TEST_REGION', 'default'),\n\
             aws_access_key_id=os.environ['ZOS_TEST_ACCESS_KEY'], aws_secret_access_key=os.environ['ZOS_TEST_SECRET_KEY'],\n\
             config=Config(s3={{'addressing_style': 'path'}}, request_checksum_calculation='when_required', response_checksum_validation='when_required'))\n{snippet}\n"
    );
    let out = std::process::Command::new(&python)
        .arg("-c")
        .arg(&program)
        .env("ZOS_TEST_ENDPOINT", &srv.endpoint)
        .output()
        .unwrap_or_else(|e| panic!("{python} with boto3 (ZOS_TEST_PYTHON): {e}"));
    assert!(
        out.status.success(),
        "boto3 snippet failed:\n{snippet}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8").trim().to_owned()
}
