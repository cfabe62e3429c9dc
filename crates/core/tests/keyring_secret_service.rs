//! Profiles + the real Secret Service (gnome-keyring, started unlocked by tests/with-keyring.sh).
//! The proof that a secret never lands in a file, a log line or an IPC reply is in `secret_leak.rs`.

mod common;

use common::*;
use std::process::Command;
use zos_core::profiles::ProfileInput;
use zos_core::secrets::SecretStore;
use zos_core::Workspace;

/// What the Secret Service itself holds, asked through libsecret's own tool.
fn secret_tool_lookup(service: &str, user: &str) -> Option<String> {
    let out = Command::new("secret-tool")
        .args(["lookup", "service", service, "username", user])
        .output()
        .expect("secret-tool (libsecret-tools) is installed");
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[tokio::test]
async fn profile_round_trip_through_the_secret_service() {
    let srv = server();
    let config = temp_dir("kr");
    let service = test_service();
    let ws = Workspace::new(&config, SecretStore::with_service(&service));

    let saved = ws.save_profile(profile_input(&srv, Some(&srv.user1.1))).await.unwrap();
    assert!(saved.has_secret);
    assert_eq!(secret_tool_lookup(&service, &saved.id).as_deref(), Some(srv.user1.1.as_str()));

    // The profile works from the stored secret alone.
    let buckets = ws.list_buckets(&saved.id).await.unwrap();
    let _ = buckets;

    // Editing without a secret keeps the stored one.
    let mut edit = profile_input(&srv, None);
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
        .test_connection(ProfileInput { id: Some(saved.id.clone()), ..profile_input(&srv, None) })
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
    let err = ws.save_profile(profile_input(&srv, None)).await.unwrap_err();
    assert_eq!(err.code, "InvalidInput");
    assert!(ws.list_profiles().await.unwrap().is_empty());
    std::fs::remove_dir_all(config).ok();
}
