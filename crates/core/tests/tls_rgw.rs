//! A profile's own CA, against a radosgw that serves TLS itself (beast, started here with
//! certificates from a CA made here): "Test connection" fails as not trusted without the CA,
//! works with it, and tells an expired and a wrong-host certificate apart; the CA is trusted
//! for that profile's clients only.

use zos_testkit as common;

use common::tls::TlsGateway;
use common::*;
use std::sync::Arc;
use zos_core::client::{build_s3_client, build_sns_client, ConnectionSettings};
use zos_core::connection::test_connection;
use zos_core::network::{parse_pem, NetworkSettings};
use zos_core::ErrorCode;

fn settings(endpoint: &str, ca: Option<&str>) -> ConnectionSettings {
    let srv = server();
    ConnectionSettings {
        endpoint: endpoint.to_owned(),
        network: NetworkSettings { ca_pem: ca.map(Arc::from), ..Default::default() },
        ..srv.settings(&srv.user1)
    }
}

#[tokio::test]
async fn a_private_ca_is_trusted_per_profile_and_each_certificate_failure_has_its_own_code() {
    let tls = TlsGateway::start();
    let ca = Some(tls.ca_pem.as_str());

    // Without the CA: the OS roots do not know it.
    let err = test_connection(&settings(&tls.good, None)).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::TlsUntrusted, "{err:?}");

    // With it: the same server answers, and the bytes of an object go both ways over TLS.
    let report = test_connection(&settings(&tls.good, ca)).await.unwrap();
    assert!(report.clock_skew_seconds.is_some(), "{report:?}");
    let s3 = build_s3_client(&settings(&tls.good, ca)).unwrap();
    let bucket = unique_bucket("tls");
    make_bucket(&s3, &bucket).await;
    put(&s3, &bucket, "k", b"over tls").await;
    let plain = server().s3(); // the same object read over plain http
    let got = plain.get_object().bucket(&bucket).key("k").send().await.unwrap();
    assert_eq!(got.body.collect().await.unwrap().into_bytes().as_ref(), b"over tls");
    // SNS clients of the profile trust it too.
    let sns = build_sns_client(&settings(&tls.good, ca)).unwrap();
    sns.list_topics().send().await.unwrap();

    // Trusted CA, certificate for another name.
    let err = test_connection(&settings(&tls.wrong_host, ca)).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::TlsWrongHost, "{err:?}");

    // Trusted CA, certificate expired in 2020.
    let err = test_connection(&settings(&tls.expired, ca)).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::TlsExpired, "{err:?}");

    // The CA of one profile is not trusted by another's client built afterwards.
    let err = test_connection(&settings(&tls.good, None)).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::TlsUntrusted, "{err:?}");

    // What the profile dialog shows of that CA file.
    let summary = parse_pem(&tls.ca_pem).unwrap();
    assert_eq!(summary.subject, "CN=ZOS Browser Test CA, O=zos-tests");
    assert!(!summary.expired);
    let expiry = std::process::Command::new("openssl")
        .args(["x509", "-noout", "-enddate", "-dateopt", "iso_8601", "-in"])
        .arg(tls.dir.join("ca.pem"))
        .output()
        .unwrap();
    let expiry = String::from_utf8_lossy(&expiry.stdout); // notAfter=2027-01-02 14:08:09Z
    let expiry = expiry.trim().trim_start_matches("notAfter=").replace(' ', "T");
    assert_eq!(summary.not_after, expiry);

    s3.delete_object().bucket(&bucket).key("k").send().await.unwrap();
    s3.delete_bucket().bucket(&bucket).send().await.unwrap();
}
