//! Importing profiles with the real Secret Service (tests/with-keyring.sh): an AWS CLI
//! credentials file's secret goes to the keyring and into no file the app writes; an export
//! file carries no secret, and its import leaves the secret to be entered.

use zos_testkit as common;

use common::keyring::{secret_tool_lookup, KeyringProfiles};
use common::*;
use std::path::Path;
use zos_core::buckets;
use zos_core::profiles::exchange::{parse_export, AwsFiles, AwsImportChoice};
use zos_core::profiles::{ProfileProxy, ProxyMode};
use zos_core::session::Sessions;
use zos_core::ErrorCode;

/// Every file under `dir` whose bytes contain `needle`.
fn files_containing(dir: &Path, needle: &str) -> Vec<String> {
    let mut hits = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().map(Result::unwrap) {
        let path = entry.path();
        if path.is_dir() {
            hits.extend(files_containing(&path, needle));
        } else if std::fs::read(&path).unwrap().windows(needle.len()).any(|w| w == needle.as_bytes()) {
            hits.push(path.display().to_string());
        }
    }
    hits
}

#[tokio::test]
async fn an_aws_credentials_profile_imports_with_its_secret_in_the_keyring_only() {
    let srv = server();
    let aws = temp_dir("aws");
    std::fs::write(
        aws.join("credentials"),
        format!("[default]\naws_access_key_id = OTHER\naws_secret_access_key = other\n[zos]\naws_access_key_id = {}\naws_secret_access_key = {}\n", srv.user1.0, srv.user1.1),
    )
    .unwrap();
    std::fs::write(
        aws.join("config"),
        format!(
            "[profile zos]\nregion = {}\nendpoint_url = {}\ns3 =\n    addressing_style = path\n",
            srv.region, srv.endpoint
        ),
    )
    .unwrap();
    let files = AwsFiles::in_folder(&aws);
    let found = files.profiles().unwrap();
    let zos = found.iter().find(|p| p.name == "zos").expect("the zos profile is listed");
    assert!(zos.has_secret);
    assert_eq!((zos.endpoint.as_deref(), zos.path_style), (Some(srv.endpoint.as_str()), Some(true)));

    let KeyringProfiles { config, service, profiles } = KeyringProfiles::new("aws-import");
    let choice = AwsImportChoice {
        aws_profile: "zos".into(),
        name: "From AWS".into(),
        endpoint: zos.endpoint.clone().unwrap(),
        region: zos.region.clone().unwrap(),
        path_style: true,
    };
    let saved = profiles.import_aws(&files, vec![choice]).await.unwrap();
    assert_eq!(saved.len(), 1);
    let id = &saved[0].id;
    assert_eq!(saved[0].access_key_id, srv.user1.0);

    // The secret is in the Secret Service, and in no file under the app's folder.
    assert_eq!(secret_tool_lookup(&service, id).as_deref(), Some(srv.user1.1.as_str()));
    let leaks = files_containing(&config, &srv.user1.1);
    assert!(leaks.is_empty(), "the secret is in {leaks:?}");
    assert!(config.join("profiles.json").exists());

    // The imported profile connects with the keyring's secret.
    let sessions = Sessions::new(profiles.clone());
    buckets::list_buckets(sessions.get(id).await.unwrap().s3()).await.unwrap();

    // Its export holds no secret; importing the export leaves the secret to be entered.
    let exported = profiles.export(vec![id.clone()]).await.unwrap();
    assert!(!String::from_utf8_lossy(&exported).contains(&srv.user1.1));
    let candidates = parse_export(&exported).unwrap();
    assert!(candidates[0].problems.is_empty());
    let KeyringProfiles { config: other_config, profiles: other, .. } = KeyringProfiles::new("export-import");
    let imported = other.import(candidates[0].profile.clone(), None).await.unwrap();
    assert_eq!((imported.name.as_str(), imported.endpoint.as_str()), ("From AWS", srv.endpoint.as_str()));
    let err = other.settings(&imported, None).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::KeyringError, "no secret yet: {err:?}");
    let with_secret = other.import(candidates[0].profile.clone(), Some(srv.user1.1.clone())).await.unwrap();
    assert!(other.settings(&with_secret, None).await.is_ok());

    // A colleague's export with the company CA and proxy: both arrive, read back from the store.
    let mut company = candidates[0].profile.clone();
    company.name = "Company".into();
    company.ca_pem = Some(include_str!("data/test-ca.pem").to_owned());
    company.proxy = Some(ProfileProxy {
        mode: ProxyMode::Custom,
        url: Some("http://proxy.corp:3128".into()),
        username: Some("alice".into()),
        no_proxy: Some("localhost".into()),
    });
    let with_ca = other.import(company.clone(), None).await.unwrap();
    let stored = other.get(&with_ca.id).await.unwrap();
    assert_eq!(
        stored.ca_certificate.map(|c| c.subject).as_deref(),
        Some("CN=ZOS Test CA, O=ZOS Browser tests")
    );
    assert_eq!(Some(stored.proxy), company.proxy);
    // A CA that is no certificate is refused, and nothing is saved.
    company.ca_pem = Some("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n".into());
    assert_eq!(other.import(company, None).await.unwrap_err().code, ErrorCode::CertificateFileInvalid);
    assert_eq!(other.list().await.unwrap().len(), 3);

    // An import that fails the form's rule saves nothing.
    let mut bad = candidates[0].profile.to_input(None);
    bad.endpoint = "zos:7480".into();
    assert_eq!(other.save_imported(bad).await.unwrap_err().code, ErrorCode::InvalidEndpoint);
    assert_eq!(other.list().await.unwrap().len(), 3);

    for p in [&imported, &with_secret, &with_ca] {
        other.delete(p.id.clone()).await.unwrap();
    }
    profiles.delete(id.clone()).await.unwrap();
    for d in [aws, config, other_config] {
        std::fs::remove_dir_all(d).ok();
    }
}
