//! The transfer engine and objects encrypted with a customer key (SSE-C), against the real
//! radosgw, cross-checked with boto3 both ways: downloads (one GET, parallel ranged GETs, an
//! old version) send the key the user entered, and without it each such row fails with
//! `EncryptedWithCustomerKey` (the others still arrive); copies and moves keep the same key
//! (boto3 reads the copy with it); what the app uploads with SSE-C boto3 reads with the key.

use base64::Engine as _;
use md5::{Digest, Md5};
use std::path::Path;
use std::sync::Arc;
use zos_core::ssec::{CustomerKeyScope, CustomerKeys, SseCustomerKey};
use zos_core::ErrorCode;
use zos_journal::JournalHandle;
use zos_testkit::*;
use zos_transfer::{
    Clients, ConflictPolicy, CopyTarget, Encryption, Engine, ItemState, Selection, TransferState,
    UploadOptions,
};

/// One client and the keys the user entered, as the app's sessions give them.
struct WithKeys(aws_sdk_s3::Client, CustomerKeys);

impl Clients for WithKeys {
    fn s3(&self, _: &str) -> futures::future::BoxFuture<'_, zos_core::Result<aws_sdk_s3::Client>> {
        Box::pin(async move { Ok(self.0.clone()) })
    }

    fn customer_keys(&self, _: &str) -> CustomerKeys {
        self.1.clone()
    }
}

const MIB: u64 = 1024 * 1024;

async fn engine(s3: aws_sdk_s3::Client, keys: CustomerKeys) -> Engine {
    let engine =
        Engine::start(JournalHandle::in_memory().unwrap(), Arc::new(WithKeys(s3, keys)), Box::new(|_| {}))
            .await
            .unwrap();
    let mut settings = engine.settings();
    // Ranged parallel GETs and part copies from 5 MiB on.
    settings.multipart_threshold_mib = 5;
    settings.part_size_mib = 5;
    engine.set_settings(settings).unwrap();
    engine.set_single_copy_limit(5 * MIB);
    engine
}

fn random_key(seed: u8) -> String {
    let mut bytes = [0u8; 32];
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    let salt = Md5::digest(format!("{nanos}-{seed}").as_bytes());
    for (i, b) in bytes.iter_mut().enumerate() {
        *b = salt[i % 16] ^ seed.wrapping_mul(i as u8 + 1);
    }
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn md5_hex(bytes: &[u8]) -> String {
    Md5::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// boto3 writes `size` pseudo-random bytes (seeded) at `key` with the customer key, as one PUT
/// or (above 8 MiB, boto3's threshold) in parts; prints their MD5.
fn boto3_put_encrypted(bucket: &str, key: &str, size: u64, seed: u64, customer_key: &str) -> String {
    boto3(&format!(
        "import base64, hashlib, random, io\n\
         data = random.Random({seed}).randbytes({size})\n\
         s3.upload_fileobj(io.BytesIO(data), {bucket:?}, {key:?}, ExtraArgs={{'SSECustomerAlgorithm': 'AES256', 'SSECustomerKey': base64.b64decode({customer_key:?}), 'Metadata': {{'owner': 'ops'}}}})\n\
         print(hashlib.md5(data).hexdigest())"
    ))
}

/// boto3 reads `key` with the customer key: the MD5 of its bytes and its user metadata.
fn boto3_read_encrypted(bucket: &str, key: &str, customer_key: &str) -> String {
    boto3(&format!(
        "import base64, hashlib\n\
         o = s3.get_object(Bucket={bucket:?}, Key={key:?}, SSECustomerAlgorithm='AES256', SSECustomerKey=base64.b64decode({customer_key:?}))\n\
         print(hashlib.md5(o['Body'].read()).hexdigest(), o['Metadata'].get('owner'), o.get('SSECustomerAlgorithm'))"
    ))
}

fn file_md5(path: &Path) -> String {
    md5_hex(&std::fs::read(path).unwrap())
}

async fn clean(s3: &aws_sdk_s3::Client, bucket: &str) {
    if let Ok(out) = s3.list_multipart_uploads().bucket(bucket).send().await {
        for u in out.uploads() {
            let _ = s3
                .abort_multipart_upload()
                .bucket(bucket)
                .key(u.key().unwrap_or_default())
                .upload_id(u.upload_id().unwrap_or_default())
                .send()
                .await;
        }
    }
    drop_bucket(s3, bucket).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn downloads_send_the_key_and_rows_without_it_say_so() {
    let s3 = server().s3();
    let bucket = unique_bucket("ssec-dl");
    make_bucket(&s3, &bucket).await;
    let customer_key = random_key(1);
    let small_md5 = boto3_put_encrypted(&bucket, "d/small.bin", 300_000, 1, &customer_key);
    let big_md5 = boto3_put_encrypted(&bucket, "d/big.bin", 13 * MIB, 2, &customer_key);
    put(&s3, &bucket, "d/plain.txt", b"plain").await;
    let keys = CustomerKeys::default();
    let engine = engine(s3.clone(), keys.clone()).await;

    // No key yet: the encrypted rows fail with the sentence's code, the plain one arrives.
    let dir = temp_dir("ssec-dl");
    let selection = Selection {
        prefix: "d/".into(),
        keys: vec!["d/small.bin".into(), "d/big.bin".into(), "d/plain.txt".into()],
        folders: vec![],
    };
    let view = engine
        .download_to_folder("p", &bucket, selection.clone(), dir.clone(), Some(ConflictPolicy::Overwrite))
        .await
        .unwrap();
    let view = engine.wait(view.id).await.unwrap();
    assert_eq!(view.state, TransferState::Failed, "{view:#?}");
    assert_eq!((view.files_done, view.files_failed), (1, 2), "its rows failed, not the transfer: {view:#?}");
    let items = engine.items(view.id, None, 0, 100).unwrap().items;
    for item in &items {
        match item.key.as_str() {
            "d/plain.txt" => assert_eq!(item.state, ItemState::Done),
            _ => {
                assert_eq!(item.state, ItemState::Failed, "{item:?}");
                assert_eq!(item.error.as_ref().map(|e| e.code), Some(ErrorCode::EncryptedWithCustomerKey));
            }
        }
    }
    // The same through a folder (listed, not HEADed first).
    let folder_dir = temp_dir("ssec-dl-folder");
    let view = engine
        .download_to_folder(
            "p",
            &bucket,
            Selection { prefix: String::new(), keys: vec![], folders: vec!["d/".into()] },
            folder_dir.clone(),
            None,
        )
        .await
        .unwrap();
    let folder_view = engine.wait(view.id).await.unwrap();
    let failed = engine.items(folder_view.id, Some(ItemState::Failed), 0, 100).unwrap().items;
    assert_eq!(failed.len(), 2, "{failed:#?}");
    assert!(failed.iter().all(|i| i.error.as_ref().unwrap().code == ErrorCode::EncryptedWithCustomerKey));

    // With the key for the bucket: one GET for the small one, ranged GETs for the big one.
    keys.set(&bucket, "d/small.bin", CustomerKeyScope::Bucket, SseCustomerKey::parse(&customer_key).unwrap());
    let view = engine
        .download_to_folder("p", &bucket, selection, dir.clone(), Some(ConflictPolicy::Overwrite))
        .await
        .unwrap();
    let view = engine.wait(view.id).await.unwrap();
    assert_eq!(view.state, TransferState::Done, "{view:#?}");
    assert_eq!(file_md5(&dir.join("small.bin")), small_md5);
    assert_eq!(file_md5(&dir.join("big.bin")), big_md5);
    assert_eq!(std::fs::read(dir.join("plain.txt")).unwrap(), b"plain");
    // The failed rows of the folder download, retried now that the key is entered, arrive.
    engine.retry(folder_view.id).unwrap();
    let view = engine.wait(folder_view.id).await.unwrap();
    assert_eq!((view.state, view.files_done, view.files_failed), (TransferState::Done, 3, 0), "{view:#?}");
    assert_eq!(file_md5(&folder_dir.join("d/big.bin")), big_md5);
    assert_eq!(file_md5(&folder_dir.join("d/small.bin")), small_md5);

    // A wrong key: the row says the key does not match.
    keys.forget(&bucket, "d/small.bin");
    keys.set(
        &bucket,
        "d/small.bin",
        CustomerKeyScope::Object,
        SseCustomerKey::parse(&random_key(9)).unwrap(),
    );
    let one = dir.join("again.bin");
    let view = engine.download_to_file("p", &bucket, "d/small.bin", None, one.clone()).await.unwrap();
    let view = engine.wait(view.id).await.unwrap();
    let item = &engine.items(view.id, None, 0, 10).unwrap().items[0];
    assert_eq!(item.error.as_ref().map(|e| e.code), Some(ErrorCode::CustomerKeyMismatch), "{item:?}");
    assert!(!one.exists());
    clean(&s3, &bucket).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_old_encrypted_version_downloads_with_its_key() {
    let s3 = server().s3();
    let bucket = unique_bucket("ssec-ver");
    make_bucket(&s3, &bucket).await;
    boto3(&format!(
        "s3.put_bucket_versioning(Bucket={bucket:?}, VersioningConfiguration={{'Status': 'Enabled'}})"
    ));
    let customer_key = random_key(2);
    let old_md5 = boto3_put_encrypted(&bucket, "v.bin", 6 * MIB + 7, 3, &customer_key);
    let old_version = boto3(&format!(
        "print(s3.list_object_versions(Bucket={bucket:?}, Prefix='v.bin')['Versions'][0]['VersionId'])"
    ));
    put(&s3, &bucket, "v.bin", b"the new one").await;
    let keys = CustomerKeys::default();
    keys.set(&bucket, "v.bin", CustomerKeyScope::Object, SseCustomerKey::parse(&customer_key).unwrap());
    let engine = engine(s3.clone(), keys).await;
    let dest = temp_dir("ssec-ver").join("old.bin");
    let view = engine.download_to_file("p", &bucket, "v.bin", Some(old_version), dest.clone()).await.unwrap();
    let view = engine.wait(view.id).await.unwrap();
    assert_eq!(view.state, TransferState::Done, "{view:#?}");
    assert_eq!(file_md5(&dest), old_md5);
    clean(&s3, &bucket).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn copies_and_moves_keep_the_key_and_boto3_reads_them() {
    let s3 = server().s3();
    let bucket = unique_bucket("ssec-cp");
    let other = unique_bucket("ssec-cp2");
    make_bucket(&s3, &bucket).await;
    make_bucket(&s3, &other).await;
    let customer_key = random_key(3);
    let small_md5 = boto3_put_encrypted(&bucket, "src/small.bin", 100_000, 4, &customer_key);
    let big_md5 = boto3_put_encrypted(&bucket, "src/big.bin", 11 * MIB + 3, 5, &customer_key);
    let empty_md5 = boto3_put_encrypted(&bucket, "src/empty.bin", 0, 6, &customer_key);
    let keys = CustomerKeys::default();
    let engine = engine(s3.clone(), keys.clone()).await;
    let selection = || Selection {
        prefix: "src/".into(),
        keys: vec!["src/small.bin".into(), "src/big.bin".into(), "src/empty.bin".into()],
        folders: vec![],
    };

    // Without the key: each row says the object is encrypted; nothing is written.
    let target = CopyTarget { bucket: bucket.clone(), prefix: "copy/".into(), delete_source: false };
    let view = engine.copy("p", &bucket, selection(), target.clone(), None).await.unwrap();
    let view = engine.wait(view.id).await.unwrap();
    let items = engine.items(view.id, None, 0, 10).unwrap().items;
    assert_eq!(items.len(), 3);
    assert!(
        items.iter().all(|i| i.error.as_ref().map(|e| e.code) == Some(ErrorCode::EncryptedWithCustomerKey)),
        "{items:#?}"
    );
    let listed = s3.list_objects_v2().bucket(&bucket).prefix("copy/").send().await.unwrap();
    assert_eq!(listed.key_count(), Some(0));

    // With the key: a copy (one part, parts, and an empty one), read back by boto3 with the key.
    keys.set(
        &bucket,
        "src/small.bin",
        CustomerKeyScope::Bucket,
        SseCustomerKey::parse(&customer_key).unwrap(),
    );
    let view = engine.copy("p", &bucket, selection(), target, None).await.unwrap();
    let view = engine.wait(view.id).await.unwrap();
    assert_eq!(view.state, TransferState::Done, "{view:#?}");
    for (name, md5) in [("small.bin", &small_md5), ("big.bin", &big_md5), ("empty.bin", &empty_md5)] {
        assert_eq!(
            boto3_read_encrypted(&bucket, &format!("copy/{name}"), &customer_key),
            format!("{md5} ops AES256"),
            "{name}"
        );
    }
    // A move to another bucket: the copies there are readable with the key, the sources gone.
    let target = CopyTarget { bucket: other.clone(), prefix: "moved/".into(), delete_source: true };
    let view = engine.copy("p", &bucket, selection(), target, None).await.unwrap();
    let view = engine.wait(view.id).await.unwrap();
    assert_eq!(view.state, TransferState::Done, "{view:#?}");
    assert_eq!(boto3_read_encrypted(&other, "moved/big.bin", &customer_key), format!("{big_md5} ops AES256"));
    assert!(keys.has(&other, "moved/big.bin"), "the key is remembered for the moved object");
    let left = s3.list_objects_v2().bucket(&bucket).prefix("src/").send().await.unwrap();
    assert_eq!(left.key_count(), Some(0), "the sources were moved");
    clean(&s3, &bucket).await;
    clean(&s3, &other).await;
}

/// What the app uploads with a customer key (the upload options), boto3 reads with the key;
/// the key is remembered for those objects, and the engine reads them back with it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_apps_ssec_upload_is_read_by_boto3_with_the_key() {
    let s3 = server().s3();
    let bucket = unique_bucket("ssec-up");
    make_bucket(&s3, &bucket).await;
    let customer_key = random_key(4);
    let dir = temp_dir("ssec-up");
    let small: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
    let big: Vec<u8> = (0..(7 * MIB as u32)).map(|i| (i * 13 % 253) as u8).collect();
    std::fs::write(dir.join("small.bin"), &small).unwrap();
    std::fs::write(dir.join("big.bin"), &big).unwrap();
    let keys = CustomerKeys::default();
    let engine = engine(s3.clone(), keys.clone()).await;
    let options = UploadOptions {
        encryption: Some(Encryption::CustomerKey { key_base64: customer_key.clone() }),
        ..Default::default()
    };
    let view = engine
        .upload("p", &bucket, "", vec![dir.join("small.bin"), dir.join("big.bin")], None, options)
        .await
        .unwrap();
    let view = engine.wait(view.id).await.unwrap();
    assert_eq!(view.state, TransferState::Done, "{view:#?}");
    for (name, bytes) in [("small.bin", &small), ("big.bin", &big)] {
        assert_eq!(
            boto3_read_encrypted(&bucket, name, &customer_key),
            format!("{} None AES256", md5_hex(bytes))
        );
    }
    // The options' rule is the reading side's rule.
    let bad = UploadOptions {
        encryption: Some(Encryption::CustomerKey { key_base64: "short".into() }),
        ..Default::default()
    };
    assert_eq!(bad.check().unwrap_err().detail, zos_core::ssec::KEY_RULE);
    // The key the upload used is remembered for what it stored (in memory, until quit) …
    assert!(keys.has(&bucket, "small.bin") && keys.has(&bucket, "big.bin"));
    assert!(!keys.has(&bucket, "other.bin"));
    // … so the engine downloads them back without asking.
    let back = temp_dir("ssec-up-back");
    let view = engine
        .download_to_folder(
            "p",
            &bucket,
            Selection {
                prefix: String::new(),
                keys: vec!["small.bin".into(), "big.bin".into()],
                folders: vec![],
            },
            back.clone(),
            None,
        )
        .await
        .unwrap();
    assert_eq!(engine.wait(view.id).await.unwrap().state, TransferState::Done);
    assert_eq!(std::fs::read(back.join("big.bin")).unwrap(), big);
    assert_eq!(std::fs::read(back.join("small.bin")).unwrap(), small);
    clean(&s3, &bucket).await;
}
