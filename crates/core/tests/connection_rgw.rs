//! "Test connection" against the real radosgw: success and each way it goes wrong.

use zos_testkit as common;

use common::*;
use zos_core::connection::test_connection;

#[tokio::test]
async fn good_credentials_report_buckets_latency_and_clock() {
    let srv = server();
    let report = test_connection(&srv.settings(&srv.user1)).await.unwrap();
    assert!(report.latency_ms < 5000);
    let skew = report.clock_skew_seconds.expect("radosgw sends Date");
    assert!(skew.abs() <= 5, "same machine, same clock: {skew}");
    assert!(report.server_time.is_some());
}

#[tokio::test]
async fn bad_secret_and_unknown_key_are_told_apart() {
    let srv = server();
    let mut s = srv.settings(&srv.user1);
    s.secret_access_key = "wrong-secret".into();
    let err = test_connection(&s).await.unwrap_err();
    assert_eq!((err.code.as_str(), err.status), ("SignatureDoesNotMatch", Some(403)), "{err:?}");

    let mut s = srv.settings(&srv.user1);
    s.access_key_id = "NOSUCHKEY0000000".into();
    let err = test_connection(&s).await.unwrap_err();
    assert_eq!((err.code.as_str(), err.status), ("InvalidAccessKeyId", Some(403)), "{err:?}");
}

#[tokio::test]
async fn wrong_endpoint_and_tls_mismatch() {
    let srv = server();
    let mut s = srv.settings(&srv.user1);
    s.endpoint = "http://127.0.0.1:9".into();
    let err = test_connection(&s).await.unwrap_err();
    assert_eq!(err.code, "ConnectFailed", "{err:?}");
    assert!(err.status.is_none());

    // https:// to a plain-HTTP port: the TLS handshake fails.
    let mut s = srv.settings(&srv.user1);
    s.endpoint = srv.endpoint.replace("http://", "https://");
    let err = test_connection(&s).await.unwrap_err();
    assert_eq!(err.code, "TlsError", "{err:?}");

    let mut s = srv.settings(&srv.user1);
    s.endpoint = "127.0.0.1:7480".into();
    assert_eq!(test_connection(&s).await.unwrap_err().code, "InvalidEndpoint");
}

#[tokio::test]
async fn the_sns_client_reaches_topics_on_the_same_endpoint() {
    let srv = server();
    let sns = zos_core::client::build_sns_client(&srv.settings(&srv.user1)).unwrap();
    let name = format!("t-topic-{}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
    let created = sns
        .create_topic()
        .name(&name)
        .attributes("push-endpoint", "http://127.0.0.1:9/hook")
        .send()
        .await
        .expect("CreateTopic");
    let arn = created.topic_arn().expect("topic ARN").to_owned();
    assert!(arn.ends_with(&name), "{arn}");
    let listed = sns.list_topics().send().await.expect("ListTopics");
    assert!(listed.topics().iter().any(|t| t.topic_arn() == Some(arn.as_str())));
    sns.delete_topic().topic_arn(&arn).send().await.expect("DeleteTopic");
}
