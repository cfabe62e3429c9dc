//! Objects encrypted with a customer key (SSE-C) against the real radosgw, written and read by
//! boto3 on the other side: what the server answers without the key (trap 15), a wrong key
//! refused with nothing kept, the right key unlocking details and bytes, a bucket-wide key,
//! forgetting, and the key never in a Debug or serde output.

use zos_testkit as common;

use base64::Engine as _;
use common::*;
use zos_core::objects;
use zos_core::ssec::{self, CustomerKeyScope, CustomerKeys, SseCustomerKey, WithCustomerKey};
use zos_core::ErrorCode;

fn random_key() -> String {
    let mut bytes = [0u8; 32];
    for (i, b) in bytes.iter_mut().enumerate() {
        *b = (uuid::Uuid::new_v4().as_bytes()[i % 16]) ^ (i as u8);
    }
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// boto3 stores `body` (text) at `key` encrypted with `customer_key` (base64).
fn boto3_put_encrypted(bucket: &str, key: &str, body: &str, customer_key: &str) {
    boto3(&format!(
        "import base64\n\
         s3.put_object(Bucket={bucket:?}, Key={key:?}, Body={body:?}.encode(), Metadata={{'owner': 'ops'}},\n\
             SSECustomerAlgorithm='AES256', SSECustomerKey=base64.b64decode({customer_key:?}))"
    ));
}

async fn get_body(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    key: &str,
    customer_key: Option<&SseCustomerKey>,
) -> zos_core::Result<Vec<u8>> {
    let out =
        s3.get_object().bucket(bucket).key(key).customer_key(customer_key).send().await.map_err(|e| {
            ssec::classify_read_error(
                zos_core::AppError::from_sdk(e, ErrorCode::NoSuchKey),
                customer_key.is_some(),
            )
        })?;
    Ok(out.body.collect().await.unwrap().into_bytes().to_vec())
}

#[tokio::test]
async fn an_encrypted_object_says_so_and_only_its_key_unlocks_it() {
    let s3 = server().s3();
    let bucket = unique_bucket("ssec");
    make_bucket(&s3, &bucket).await;
    let right = random_key();
    let wrong = random_key();
    boto3_put_encrypted(&bucket, "secret.txt", "机密 hello", &right);
    put(&s3, &bucket, "plain.txt", b"plain").await;

    // Without the key: the HEAD's bare 400 becomes the sentence, with its status kept.
    let e = objects::head_object(&s3, &bucket, "secret.txt").await.unwrap_err();
    assert_eq!(e.code, ErrorCode::EncryptedWithCustomerKey, "{e:?}");
    assert_eq!(e.status, Some(400));
    // The GET's 400 InvalidArgument too.
    let e = get_body(&s3, &bucket, "secret.txt", None).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::EncryptedWithCustomerKey, "{e:?}");
    // Other objects are untouched by the heuristic.
    assert!(objects::head_object(&s3, &bucket, "plain.txt").await.is_ok());
    assert_eq!(objects::head_object(&s3, &bucket, "missing").await.unwrap_err().code, ErrorCode::NoSuchKey);
    // It exists: an upload does not silently replace it.
    assert!(objects::object_exists(&s3, &bucket, "secret.txt").await.unwrap());

    let keys = CustomerKeys::default();
    // A key of the wrong length: the rule's sentence, no request, nothing kept.
    let e = ssec::unlock(&s3, &keys, &bucket, "secret.txt", None, "short", CustomerKeyScope::Object)
        .await
        .unwrap_err();
    assert_eq!((e.code, e.detail.as_str()), (ErrorCode::InvalidInput, ssec::KEY_RULE));
    // The wrong key: verified by a HEAD, refused, nothing kept.
    let e = ssec::unlock(&s3, &keys, &bucket, "secret.txt", None, &wrong, CustomerKeyScope::Object)
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::CustomerKeyMismatch, "{e:?}");
    assert!(!keys.has(&bucket, "secret.txt"));
    let wrong_key = SseCustomerKey::parse(&wrong).unwrap();
    let e = get_body(&s3, &bucket, "secret.txt", Some(&wrong_key)).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::CustomerKeyMismatch, "{e:?}");
    // A key for an object that is not encrypted is not kept either.
    let e = ssec::unlock(&s3, &keys, &bucket, "plain.txt", None, &right, CustomerKeyScope::Object)
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert!(!keys.has(&bucket, "plain.txt"));

    // The right key: details, with the algorithm, and the bytes boto3 wrote.
    ssec::unlock(&s3, &keys, &bucket, "secret.txt", None, &right, CustomerKeyScope::Object).await.unwrap();
    assert!(keys.has(&bucket, "secret.txt"));
    assert!(!keys.has(&bucket, "plain.txt"), "an object's key is for that object only");
    let key = keys.get(&bucket, "secret.txt");
    let details =
        objects::head_object_with_key(&s3, &bucket, "secret.txt", None, key.as_ref()).await.unwrap();
    assert_eq!(details.sse_customer_algorithm.as_deref(), Some("AES256"));
    assert_eq!(details.size, "机密 hello".len() as u64);
    assert_eq!(details.metadata.get("owner").map(String::as_str), Some("ops"));
    let body = get_body(&s3, &bucket, "secret.txt", key.as_ref()).await.unwrap();
    assert_eq!(body, "机密 hello".as_bytes());

    // Nothing that prints or crosses IPC holds the key (nor its MD5).
    let md5 = SseCustomerKey::parse(&right).unwrap().md5_base64();
    let e = objects::head_object(&s3, &bucket, "secret.txt").await.unwrap_err();
    for printed in [
        format!("{keys:?}"),
        format!("{key:?}"),
        format!("{details:?}"),
        serde_json::to_string(&details).unwrap(),
        serde_json::to_string(&e).unwrap(),
        e.to_string(),
    ] {
        assert!(!printed.contains(&right) && !printed.contains(&md5), "{printed}");
    }
    // The details of a plain object carry no algorithm (the field is left out of the JSON).
    let plain = objects::head_object(&s3, &bucket, "plain.txt").await.unwrap();
    assert_eq!(plain.sse_customer_algorithm, None);
    assert!(!serde_json::to_string(&plain).unwrap().contains("sseCustomerAlgorithm"));

    // Forgotten: locked again.
    keys.forget(&bucket, "secret.txt");
    assert!(!keys.has(&bucket, "secret.txt"));
    let e = objects::head_object_with_key(
        &s3,
        &bucket,
        "secret.txt",
        None,
        keys.get(&bucket, "secret.txt").as_ref(),
    )
    .await
    .unwrap_err();
    assert_eq!(e.code, ErrorCode::EncryptedWithCustomerKey);
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn a_bucket_wide_key_reads_its_objects_and_an_objects_own_key_comes_first() {
    let s3 = server().s3();
    let bucket = unique_bucket("ssec-bucket");
    make_bucket(&s3, &bucket).await;
    let shared = random_key();
    let other = random_key();
    boto3_put_encrypted(&bucket, "a.txt", "aaa", &shared);
    boto3_put_encrypted(&bucket, "b.txt", "bbb", &shared);
    boto3_put_encrypted(&bucket, "c.txt", "ccc", &other);
    put(&s3, &bucket, "plain.txt", b"plain").await;

    let keys = CustomerKeys::default();
    ssec::unlock(&s3, &keys, &bucket, "a.txt", None, &shared, CustomerKeyScope::Bucket).await.unwrap();
    for (name, body) in [("a.txt", "aaa"), ("b.txt", "bbb")] {
        let key = keys.get(&bucket, name);
        assert!(key.is_some(), "{name} is covered by the bucket's key");
        assert_eq!(get_body(&s3, &bucket, name, key.as_ref()).await.unwrap(), body.as_bytes());
    }
    // radosgw reads a plain object even with a key sent.
    assert_eq!(
        get_body(&s3, &bucket, "plain.txt", keys.get(&bucket, "plain.txt").as_ref()).await.unwrap(),
        b"plain"
    );
    // Another key in the same bucket: the bucket's key does not match, the object's own does.
    let e = objects::head_object_with_key(&s3, &bucket, "c.txt", None, keys.get(&bucket, "c.txt").as_ref())
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::CustomerKeyMismatch);
    ssec::unlock(&s3, &keys, &bucket, "c.txt", None, &other, CustomerKeyScope::Object).await.unwrap();
    assert_eq!(get_body(&s3, &bucket, "c.txt", keys.get(&bucket, "c.txt").as_ref()).await.unwrap(), b"ccc");
    assert_eq!(get_body(&s3, &bucket, "b.txt", keys.get(&bucket, "b.txt").as_ref()).await.unwrap(), b"bbb");
    // Forgetting through an object covered by the bucket's key forgets the bucket's key.
    keys.forget(&bucket, "b.txt");
    assert!(!keys.has(&bucket, "a.txt") && !keys.has(&bucket, "b.txt"));
    assert!(keys.has(&bucket, "c.txt"), "c.txt's own key stays");
    drop_bucket(&s3, &bucket).await;
}

/// One version of a versioned object, encrypted: HEAD of that version without and with the key.
#[tokio::test]
async fn an_old_encrypted_version_is_unlocked_with_its_key() {
    let s3 = server().s3();
    let bucket = unique_bucket("ssec-ver");
    make_bucket(&s3, &bucket).await;
    boto3(&format!(
        "s3.put_bucket_versioning(Bucket={bucket:?}, VersioningConfiguration={{'Status': 'Enabled'}})"
    ));
    let old_key = random_key();
    boto3_put_encrypted(&bucket, "doc.txt", "old", &old_key);
    let old_version = boto3(&format!(
        "print(s3.list_object_versions(Bucket={bucket:?}, Prefix='doc.txt')['Versions'][0]['VersionId'])"
    ));
    put(&s3, &bucket, "doc.txt", b"new plain").await;
    assert!(objects::head_object(&s3, &bucket, "doc.txt").await.is_ok(), "the current version is plain");
    let e = objects::head_object_version(&s3, &bucket, "doc.txt", Some(&old_version)).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::EncryptedWithCustomerKey);
    let keys = CustomerKeys::default();
    ssec::unlock(&s3, &keys, &bucket, "doc.txt", Some(&old_version), &old_key, CustomerKeyScope::Object)
        .await
        .unwrap();
    let details = objects::head_object_with_key(
        &s3,
        &bucket,
        "doc.txt",
        Some(&old_version),
        keys.get(&bucket, "doc.txt").as_ref(),
    )
    .await
    .unwrap();
    assert_eq!((details.size, details.sse_customer_algorithm.as_deref()), (3, Some("AES256")));
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn a_preview_of_an_encrypted_object_asks_for_its_key_and_reads_with_it() {
    use zos_core::objects::preview::{self, PreviewContent, PreviewOptions};
    let s3 = server().s3();
    let bucket = unique_bucket("ssec-pv");
    make_bucket(&s3, &bucket).await;
    let right = random_key();
    boto3_put_encrypted(&bucket, "机密.txt", "第一行 line one\nsecond", &right);
    boto3_put_encrypted(&bucket, "voice.mp3", "ID3 not really audio", &right);
    let options = PreviewOptions::default();

    let e = preview::preview_object(&s3, &bucket, "机密.txt", None, None, &options).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::EncryptedWithCustomerKey, "{e:?}");
    let wrong = SseCustomerKey::parse(&random_key()).unwrap();
    let e =
        preview::preview_object(&s3, &bucket, "机密.txt", None, Some(&wrong), &options).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::CustomerKeyMismatch, "{e:?}");

    let key = SseCustomerKey::parse(&right).unwrap();
    let p = preview::preview_object(&s3, &bucket, "机密.txt", None, Some(&key), &options).await.unwrap();
    match p.content {
        PreviewContent::Text(t) => assert_eq!(t.text, "第一行 line one\nsecond"),
        other => panic!("expected text, got {other:?}"),
    }
    // Audio of an SSE-C object: no link (it could not carry the key), its first bytes instead.
    let p = preview::preview_object(&s3, &bucket, "voice.mp3", None, Some(&key), &options).await.unwrap();
    match p.content {
        PreviewContent::Hex(h) => {
            let bytes = base64::engine::general_purpose::STANDARD.decode(h.data_base64).unwrap();
            assert_eq!(bytes, b"ID3 not really audio");
        }
        other => panic!("expected hex, got {other:?}"),
    }
    drop_bucket(&s3, &bucket).await;
}
