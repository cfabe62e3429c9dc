//! The proof that a secret never lands in a file under the app's config/data dirs, in a log line
//! (TRACE, the SDK's signing included) or in an IPC reply. Its own test binary, so that the
//! process-wide trace subscriber it installs sees every thread and no other test.

use zos_testkit as common;

use common::*;
use std::path::{Path, PathBuf};
use zos_core::profiles::{ProfileInput, ProfileService, SecretStore};
use zos_core::session::Sessions;
use zos_core::{buckets, objects};

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
    // Trace everything, the SDK's signing and HTTP layers included, on every thread (keyring
    // calls run on blocking threads). Process-wide, as the app does: a thread-scoped subscriber
    // misses callsites whose interest another test thread cached first (CI saw an empty log).
    let file = std::fs::File::create(&log_path).unwrap();
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(std::sync::Mutex::new(file))
        .init();

    let profiles = ProfileService::new(&config, SecretStore::with_service(test_service()));
    let sessions = Sessions::new(profiles.clone());
    let secret = srv.user1.1.clone();
    let profile = profiles.save(profile_input(&srv, Some(&secret))).await.unwrap();
    let report = profiles
        .test_connection(ProfileInput { id: Some(profile.id.clone()), ..profile_input(&srv, None) })
        .await
        .unwrap();
    let bucket = unique_bucket("leak");
    let session = sessions.get(&profile.id).await.unwrap();
    buckets::create_bucket(
        session.s3(),
        &buckets::CreateBucketRequest {
            name: bucket.clone(),
            acl: None,
            object_lock: false,
            az_policy: None,
            storage_class: None,
        },
    )
    .await
    .unwrap();
    let listed = profiles.list().await.unwrap();
    let page = objects::list_objects(session.s3(), &bucket, "", None, None).await.unwrap();
    // A failing call too: errors must not carry the secret either.
    let mut bad = profile_input(&srv, Some("not-the-secret"));
    bad.id = None;
    let err = profiles.test_connection(bad).await.unwrap_err();

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
    drop_bucket(session.s3(), &bucket).await;
    profiles.delete(profile.id).await.unwrap();
    std::fs::remove_dir_all(config).ok();
    std::fs::remove_dir_all(data).ok();
}
