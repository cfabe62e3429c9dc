//! Profiles + the real Secret Service (gnome-keyring, started unlocked by tests/with-keyring.sh),
//! and the proof that a secret never lands in a file, a log line or an IPC reply.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;
use zos_core::profiles::ProfileInput;
use zos_core::secrets::SecretStore;
use zos_core::Workspace;

fn temp_dir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("zos-{tag}-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn test_service() -> String {
    format!("zos-browser-test-{}", uuid::Uuid::new_v4().simple())
}

/// What the Secret Service itself holds, asked through libsecret's own tool.
fn secret_tool_lookup(service: &str, user: &str) -> Option<String> {
    let out = Command::new("secret-tool")
        .args(["lookup", "service", service, "username", user])
        .output()
        .expect("secret-tool (libsecret-tools) is installed");
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn input(srv: &TestServer, secret: Option<&str>) -> ProfileInput {
    ProfileInput {
        id: None,
        name: "Local radosgw".into(),
        endpoint: srv.endpoint.clone(),
        region: srv.region.clone(),
        path_style: true,
        access_key_id: srv.user1.0.clone(),
        secret_access_key: secret.map(str::to_owned),
    }
}

#[tokio::test]
async fn profile_round_trip_through_the_secret_service() {
    let srv = server();
    let config = temp_dir("kr");
    let service = test_service();
    let ws = Workspace::new(&config, SecretStore::with_service(&service));

    let saved = ws.save_profile(input(&srv, Some(&srv.user1.1))).await.unwrap();
    assert!(saved.has_secret);
    assert_eq!(secret_tool_lookup(&service, &saved.id).as_deref(), Some(srv.user1.1.as_str()));

    // The profile works from the stored secret alone.
    let buckets = ws.list_buckets(&saved.id).await.unwrap();
    let _ = buckets;

    // Editing without a secret keeps the stored one.
    let mut edit = input(&srv, None);
    edit.id = Some(saved.id.clone());
    edit.name = "Renamed".into();
    let edited = ws.save_profile(edit).await.unwrap();
    assert_eq!(edited.name, "Renamed");
    assert!(edited.has_secret);
    assert_eq!(secret_tool_lookup(&service, &saved.id).as_deref(), Some(srv.user1.1.as_str()));
    let listed = ws.list_profiles().await.unwrap();
    assert_eq!(listed.len(), 1);
    assert!(listed[0].has_secret);

    // A new process sees the same profile and secret.
    let again = Workspace::new(&config, SecretStore::with_service(&service));
    assert!(again
        .test_connection(ProfileInput { id: Some(saved.id.clone()), ..input(&srv, None) })
        .await
        .is_ok());

    ws.delete_profile(saved.id.clone()).await.unwrap();
    assert!(ws.list_profiles().await.unwrap().is_empty());
    assert_eq!(secret_tool_lookup(&service, &saved.id), None, "the secret leaves with the profile");
    assert_eq!(ws.delete_profile(saved.id).await.unwrap_err().code, "ProfileNotFound");
    std::fs::remove_dir_all(config).ok();
}

#[tokio::test]
async fn a_new_profile_without_secret_is_refused_before_storing() {
    let srv = server();
    let config = temp_dir("kr2");
    let ws = Workspace::new(&config, SecretStore::with_service(test_service()));
    let err = ws.save_profile(input(&srv, None)).await.unwrap_err();
    assert_eq!(err.code, "InvalidInput");
    assert!(ws.list_profiles().await.unwrap().is_empty());
    std::fs::remove_dir_all(config).ok();
}

fn files_containing(dir: &Path, needle: &str) -> Vec<PathBuf> {
    let mut hits = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if std::fs::read(&p).is_ok_and(|b| b.windows(needle.len()).any(|w| w == needle.as_bytes()))
            {
                hits.push(p);
            }
        }
    }
    hits
}

#[tokio::test]
async fn the_secret_is_in_no_file_no_log_line_and_no_reply() {
    let srv = server();
    let config = temp_dir("leak-config");
    let data = temp_dir("leak-data");
    let log_path = data.join("trace.log");
    // Trace everything, the SDK's signing and HTTP layers included.
    let file = std::fs::File::create(&log_path).unwrap();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(std::sync::Mutex::new(file))
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let ws = Workspace::new(&config, SecretStore::with_service(test_service()));
    let secret = srv.user1.1.clone();
    let profile = ws.save_profile(input(&srv, Some(&secret))).await.unwrap();
    let report =
        ws.test_connection(ProfileInput { id: Some(profile.id.clone()), ..input(&srv, None) }).await.unwrap();
    let bucket = unique_bucket("leak");
    ws.create_bucket(
        &profile.id,
        zos_core::buckets::CreateBucketRequest {
            name: bucket.clone(),
            acl: None,
            object_lock: false,
            az_policy: None,
            storage_class: None,
        },
    )
    .await
    .unwrap();
    let listed = ws.list_profiles().await.unwrap();
    let page = ws.list_objects(&profile.id, &bucket, "", None, None).await.unwrap();
    // A failing call too: errors must not carry the secret either.
    let mut bad = input(&srv, Some("not-the-secret"));
    bad.id = None;
    let err = ws.test_connection(bad).await.unwrap_err();

    let log = std::fs::read_to_string(&log_path).unwrap();
    assert!(log.lines().count() > 20, "the trace log really recorded the requests");
    assert!(log.contains("ListBuckets") || log.contains("list_buckets"), "the trace covers the SDK calls");
    assert!(!log.contains(&secret), "a log line holds the secret");
    assert!(files_containing(&config, &secret).is_empty(), "a config file holds the secret");
    assert!(files_containing(&data, &secret).is_empty(), "a data file holds the secret");
    for reply in [
        serde_json::to_string(&listed).unwrap(),
        serde_json::to_string(&profile).unwrap(),
        serde_json::to_string(&report).unwrap(),
        serde_json::to_string(&page).unwrap(),
        serde_json::to_string(&err).unwrap(),
    ] {
        assert!(!reply.contains(&secret), "an IPC reply holds the secret: {reply}");
    }
    drop_bucket(&ws.s3(&profile.id).await.unwrap(), &bucket).await;
    ws.delete_profile(profile.id).await.unwrap();
    std::fs::remove_dir_all(config).ok();
    std::fs::remove_dir_all(data).ok();
}
