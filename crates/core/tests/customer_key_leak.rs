//! The proof that a customer key (SSE-C) never lands in a log line (TRACE for everything, with
//! the app's cap on the SDK's signer, `ssec::LOG_CAP`: the signer writes every request's headers
//! at TRACE), an error or an IPC reply: the key goes to the server in its headers and nowhere
//! else. Its own test binary, so that the process-wide trace subscriber it installs sees every
//! thread and no other test.

use zos_testkit as common;

use base64::Engine as _;
use common::*;
use zos_core::objects;
use zos_core::ssec::{self, CustomerKeyScope, CustomerKeys, WithCustomerKey};

#[tokio::test]
async fn a_customer_key_is_in_no_log_line_error_or_reply() {
    let data = temp_dir("ssec-leak");
    let log_path = data.join("trace.log");
    let file = std::fs::File::create(&log_path).unwrap();
    // As the app with ZOS_BROWSER_LOG=trace (src-tauri's init_logging).
    let filter = tracing_subscriber::EnvFilter::new("trace").add_directive(ssec::LOG_CAP.parse().unwrap());
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false)
        .with_writer(std::sync::Mutex::new(file))
        .init();

    let s3 = server().s3();
    let bucket = unique_bucket("ssec-leak");
    make_bucket(&s3, &bucket).await;
    let raw: Vec<u8> = (0..32u8).map(|i| i.wrapping_mul(37).wrapping_add(11)).collect();
    let key_text = base64::engine::general_purpose::STANDARD.encode(&raw);
    let wrong_text = base64::engine::general_purpose::STANDARD.encode([7u8; 32]);
    boto3(&format!(
        "import base64\ns3.put_object(Bucket={bucket:?}, Key='k', Body=b'secret bytes', SSECustomerAlgorithm='AES256', SSECustomerKey=base64.b64decode({key_text:?}))"
    ));

    let keys = CustomerKeys::default();
    let wrong = ssec::unlock(&s3, &keys, &bucket, "k", None, &wrong_text, CustomerKeyScope::Object)
        .await
        .unwrap_err();
    ssec::unlock(&s3, &keys, &bucket, "k", None, &key_text, CustomerKeyScope::Bucket).await.unwrap();
    let key = keys.get(&bucket, "k").unwrap();
    let details = objects::head_object_with_key(&s3, &bucket, "k", None, Some(&key)).await.unwrap();
    let body = s3.get_object().bucket(&bucket).key("k").customer_key(Some(&key)).send().await.unwrap();
    assert_eq!(body.body.collect().await.unwrap().into_bytes().as_ref(), b"secret bytes");
    let locked = objects::head_object(&s3, &bucket, "k").await.unwrap_err();

    let log = std::fs::read_to_string(&log_path).unwrap();
    assert!(log.lines().count() > 20, "the trace log really recorded the requests");
    assert!(log.contains("HeadObject") || log.contains("head_object"), "the trace covers the SDK calls");
    let md5 = key.md5_base64();
    let wrong_md5 = ssec::SseCustomerKey::parse(&wrong_text).unwrap().md5_base64();
    for secret in [key_text.as_str(), wrong_text.as_str()] {
        assert!(!log.contains(secret), "a log line holds a customer key");
    }
    for printed in [
        serde_json::to_string(&details).unwrap(),
        serde_json::to_string(&wrong).unwrap(),
        serde_json::to_string(&locked).unwrap(),
        format!("{wrong} {locked} {details:?} {keys:?} {key:?}"),
    ] {
        for secret in [key_text.as_str(), wrong_text.as_str(), md5.as_str(), wrong_md5.as_str()] {
            assert!(!printed.contains(secret), "a reply or error holds a key: {printed}");
        }
    }
    drop_bucket(&s3, &bucket).await;
    std::fs::remove_dir_all(data).ok();
}
