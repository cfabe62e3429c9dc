//! Objects encrypted with a customer key (SSE-C): the key type (one validation rule, shared
//! with the upload options), the per-profile, in-memory store of the keys the user entered,
//! the request headers, and how a refused read is recognised.
//!
//! # What the server says (radosgw 16.2, checked against it; test-server trap 15)
//! - HEAD of an SSE-C object without the key: 400 with no body at all (the SDK then only
//!   knows the status). GET: 400 `InvalidArgument`, "Requests specifying Server Side
//!   Encryption with Customer provided keys must provide a valid encryption algorithm."
//! - With a wrong key: HEAD 400, no body; GET 400 `InvalidArgument`, "The calculated MD5 hash
//!   of the key did not match the hash that was provided." (AWS answers 403 there.)
//! - With the key on an object that is not encrypted: 200 (AWS answers 400).
//! - CopyObject of an SSE-C source: 501 NotImplemented, whatever headers are sent.
//!   UploadPartCopy works, but decrypts the source with the *destination's* key (the
//!   `x-amz-copy-source-…-customer-*` headers are not checked): a server-side copy can only
//!   keep the same key. The transfer engine copies SSE-C objects that way.
//!
//! # The heuristic ([`classify_read_error`])
//! A HEAD or GET **of one object** that answers 400 with the code `InvalidArgument` or
//! `InvalidRequest` (a body-less HEAD 400 maps to `InvalidArgument`) and either no message
//! (HEAD) or a message about encryption / customer keys (GET) is taken to be this case:
//! `EncryptedWithCustomerKey` when no key was sent, `CustomerKeyMismatch` when one was.
//! Nothing else in a plain HEAD or GET of an existing key answers 400 on this server (a bad
//! version id is 404, a bad range 416); a 403 stays `AccessDenied` even when a key was sent,
//! so an object the user may not read is never reported as a key problem.
//!
//! # Secrets
//! [`SseCustomerKey`] has no `Serialize`, prints as `SseCustomerKey(** redacted **)`, zeroes
//! its bytes when dropped, and only leaves this process in the SSE-C request headers. The
//! store lives in memory ([`crate::session::Sessions`]) and is gone when the app quits.

use crate::error::{AppError, ErrorCode, Result};
use base64::Engine as _;
use md5::{Digest, Md5};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// A log directive every log filter of the app must end with: the SDK's signer writes each
/// request's headers at TRACE (`aws_sigv4::http_request::sign: signing request … headers`),
/// and an SSE-C request's headers hold the key. Capped here whatever `ZOS_BROWSER_LOG` asks.
pub const LOG_CAP: &str = "aws_sigv4=warn";

/// The one algorithm S3 knows for SSE-C.
pub const ALGORITHM: &str = "AES256";

/// The validation rule's sentence (the upload options use the same rule: [`SseCustomerKey::parse`]).
pub const KEY_RULE: &str = "a customer key (SSE-C) is 32 bytes, given in base64 (44 characters)";

/// A customer key: 32 bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct SseCustomerKey {
    raw: [u8; 32],
}

impl SseCustomerKey {
    /// The key as the user gives it: 32 bytes in standard base64 (44 characters); spaces
    /// around it are ignored. Anything else is refused with [`KEY_RULE`].
    pub fn parse(text: &str) -> Result<Self> {
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(text.trim())
            .map_err(|_| AppError::invalid_input(KEY_RULE))?;
        let raw: [u8; 32] = decoded.as_slice().try_into().map_err(|_| AppError::invalid_input(KEY_RULE))?;
        Ok(Self { raw })
    }

    /// `x-amz-server-side-encryption-customer-key`: the key in base64.
    pub fn base64(&self) -> String {
        base64::engine::general_purpose::STANDARD.encode(self.raw)
    }

    /// `x-amz-server-side-encryption-customer-key-MD5`: the MD5 of the 32 bytes, in base64.
    pub fn md5_base64(&self) -> String {
        base64::engine::general_purpose::STANDARD.encode(Md5::digest(self.raw))
    }

    /// `(algorithm, key, key MD5)` as S3 wants them in headers.
    pub fn headers(&self) -> (String, String, String) {
        (ALGORITHM.to_owned(), self.base64(), self.md5_base64())
    }
}

impl std::fmt::Debug for SseCustomerKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SseCustomerKey(** redacted **)")
    }
}

impl Drop for SseCustomerKey {
    fn drop(&mut self) {
        for byte in self.raw.iter_mut() {
            // SAFETY: a valid, aligned, exclusive reference; volatile so the write stays.
            unsafe { std::ptr::write_volatile(byte, 0) };
        }
    }
}

/// Adds the SSE-C headers of the object read or written (HEAD, GET, PUT, multipart, the
/// destination of a copy). `None`: the request is left as it is.
pub trait WithCustomerKey: Sized {
    fn customer_key(self, key: Option<&SseCustomerKey>) -> Self;
}

/// Adds the `x-amz-copy-source-server-side-encryption-customer-*` headers of a copy's source.
pub trait WithCopySourceCustomerKey: Sized {
    fn copy_source_customer_key(self, key: Option<&SseCustomerKey>) -> Self;
}

macro_rules! with_customer_key {
    ($($builder:ty),* $(,)?) => {$(
        impl WithCustomerKey for $builder {
            fn customer_key(self, key: Option<&SseCustomerKey>) -> Self {
                match key {
                    Some(k) => self
                        .sse_customer_algorithm(ALGORITHM)
                        .sse_customer_key(k.base64())
                        .sse_customer_key_md5(k.md5_base64()),
                    None => self,
                }
            }
        }
    )*};
}

with_customer_key!(
    aws_sdk_s3::operation::get_object::builders::GetObjectFluentBuilder,
    aws_sdk_s3::operation::head_object::builders::HeadObjectFluentBuilder,
    aws_sdk_s3::operation::put_object::builders::PutObjectFluentBuilder,
    aws_sdk_s3::operation::create_multipart_upload::builders::CreateMultipartUploadFluentBuilder,
    aws_sdk_s3::operation::upload_part::builders::UploadPartFluentBuilder,
    aws_sdk_s3::operation::upload_part_copy::builders::UploadPartCopyFluentBuilder,
    aws_sdk_s3::operation::copy_object::builders::CopyObjectFluentBuilder,
    aws_sdk_s3::operation::complete_multipart_upload::builders::CompleteMultipartUploadFluentBuilder,
);

macro_rules! with_copy_source_customer_key {
    ($($builder:ty),* $(,)?) => {$(
        impl WithCopySourceCustomerKey for $builder {
            fn copy_source_customer_key(self, key: Option<&SseCustomerKey>) -> Self {
                match key {
                    Some(k) => self
                        .copy_source_sse_customer_algorithm(ALGORITHM)
                        .copy_source_sse_customer_key(k.base64())
                        .copy_source_sse_customer_key_md5(k.md5_base64()),
                    None => self,
                }
            }
        }
    )*};
}

with_copy_source_customer_key!(
    aws_sdk_s3::operation::upload_part_copy::builders::UploadPartCopyFluentBuilder,
    aws_sdk_s3::operation::copy_object::builders::CopyObjectFluentBuilder,
);

/// Turns a failed HEAD or GET of one object into `EncryptedWithCustomerKey` (no key was sent)
/// or `CustomerKeyMismatch` (one was) when it is the server's SSE-C refusal (see the module's
/// heuristic); any other error is returned as it is.
pub fn classify_read_error(e: AppError, key_sent: bool) -> AppError {
    if !is_customer_key_refusal(&e) {
        return e;
    }
    let (code, what) = if key_sent {
        (ErrorCode::CustomerKeyMismatch, "the customer key (SSE-C) sent does not match this object's")
    } else {
        (ErrorCode::EncryptedWithCustomerKey, "this object is encrypted with a customer key (SSE-C)")
    };
    let detail = if e.detail.is_empty() { what.to_owned() } else { format!("{what}: {}", e.detail) };
    AppError { code, server_code: None, status: e.status, request_id: e.request_id, detail }
}

fn is_customer_key_refusal(e: &AppError) -> bool {
    if e.status != Some(400) || !matches!(e.code, ErrorCode::InvalidArgument | ErrorCode::InvalidRequest) {
        return false;
    }
    if e.detail.is_empty() {
        return true; // a HEAD: no body, so no message
    }
    let lower = e.detail.to_ascii_lowercase();
    ["encrypt", "customer", "key"].iter().any(|w| lower.contains(w))
}

/// Whether a key entered is kept for one object or for every object of its bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum CustomerKeyScope {
    Object,
    /// For this bucket, until the app quits (an object's own key comes first).
    Bucket,
}

#[derive(Default)]
struct Stored {
    objects: HashMap<(String, String), SseCustomerKey>,
    buckets: HashMap<String, SseCustomerKey>,
}

/// The customer keys one profile's user entered, in memory only. Cheap to clone (shared).
#[derive(Clone, Default)]
pub struct CustomerKeys {
    inner: Arc<Mutex<Stored>>,
}

impl std::fmt::Debug for CustomerKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let stored = self.inner.lock().expect("customer keys lock");
        f.debug_struct("CustomerKeys")
            .field("objects", &stored.objects.len())
            .field("buckets", &stored.buckets.len())
            .finish()
    }
}

impl CustomerKeys {
    /// The key to send for `bucket/key`: the object's own, else the bucket's, else none.
    pub fn get(&self, bucket: &str, key: &str) -> Option<SseCustomerKey> {
        let stored = self.inner.lock().expect("customer keys lock");
        stored
            .objects
            .get(&(bucket.to_owned(), key.to_owned()))
            .or_else(|| stored.buckets.get(bucket))
            .cloned()
    }

    pub fn has(&self, bucket: &str, key: &str) -> bool {
        self.get(bucket, key).is_some()
    }

    pub fn set(&self, bucket: &str, key: &str, scope: CustomerKeyScope, value: SseCustomerKey) {
        let mut stored = self.inner.lock().expect("customer keys lock");
        match scope {
            CustomerKeyScope::Object => {
                stored.objects.insert((bucket.to_owned(), key.to_owned()), value);
            }
            CustomerKeyScope::Bucket => {
                stored.buckets.insert(bucket.to_owned(), value);
            }
        }
    }

    /// Forgets every key that would be sent for `bucket/key` (its own and its bucket's).
    pub fn forget(&self, bucket: &str, key: &str) {
        let mut stored = self.inner.lock().expect("customer keys lock");
        stored.objects.remove(&(bucket.to_owned(), key.to_owned()));
        stored.buckets.remove(bucket);
    }

    /// Forgets every key of this profile.
    pub fn forget_all(&self) {
        let mut stored = self.inner.lock().expect("customer keys lock");
        stored.objects.clear();
        stored.buckets.clear();
    }
}

/// Checks `key_text` against the object with a HEAD carrying it, and only then keeps it.
/// A wrong key is `CustomerKeyMismatch`; an object that is not encrypted with a customer key
/// is refused (`InvalidInput`). Nothing is stored on any failure.
pub async fn unlock(
    s3: &aws_sdk_s3::Client,
    keys: &CustomerKeys,
    bucket: &str,
    key: &str,
    version_id: Option<&str>,
    key_text: &str,
    scope: CustomerKeyScope,
) -> Result<()> {
    let customer_key = SseCustomerKey::parse(key_text)?;
    let details =
        crate::objects::head_object_with_key(s3, bucket, key, version_id, Some(&customer_key)).await?;
    if details.sse_customer_algorithm.is_none() {
        return Err(AppError::invalid_input(format!(
            "{key} is not encrypted with a customer key (SSE-C): no key was kept"
        )));
    }
    keys.set(bucket, key, scope, customer_key);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(byte: u8) -> String {
        base64::engine::general_purpose::STANDARD.encode([byte; 32])
    }

    #[test]
    fn only_32_bytes_of_base64_are_a_key() {
        assert!(SseCustomerKey::parse(&key(7)).is_ok());
        assert!(SseCustomerKey::parse(&format!("  {}\n", key(7))).is_ok());
        for bad in [
            "",
            "short",
            "A".repeat(32).as_str(),
            &base64::engine::general_purpose::STANDARD.encode([1u8; 31]),
        ] {
            let e = SseCustomerKey::parse(bad).unwrap_err();
            assert_eq!(e.code, ErrorCode::InvalidInput);
            assert_eq!(e.detail, KEY_RULE);
        }
    }

    #[test]
    fn headers_are_the_key_and_its_md5() {
        let k = SseCustomerKey::parse(&key(0)).unwrap();
        let (algorithm, b64, md5) = k.headers();
        assert_eq!(algorithm, "AES256");
        assert_eq!(b64, key(0));
        // md5 of 32 zero bytes
        assert_eq!(md5, "cLyPS3KoaSFGi/joRB3OUQ==");
    }

    #[test]
    fn a_key_never_prints() {
        let text = key(42);
        let k = SseCustomerKey::parse(&text).unwrap();
        let keys = CustomerKeys::default();
        keys.set("b", "k", CustomerKeyScope::Object, k.clone());
        for printed in [format!("{k:?}"), format!("{keys:?}"), format!("{:?}", keys.get("b", "k"))] {
            assert!(!printed.contains(&text) && !printed.contains(&k.md5_base64()), "{printed}");
        }
    }

    #[test]
    fn object_keys_come_before_bucket_keys_and_forget_clears_both() {
        let keys = CustomerKeys::default();
        let (a, b) = (SseCustomerKey::parse(&key(1)).unwrap(), SseCustomerKey::parse(&key(2)).unwrap());
        assert!(!keys.has("b", "x"));
        keys.set("b", "x", CustomerKeyScope::Object, a.clone());
        keys.set("b", "", CustomerKeyScope::Bucket, b.clone());
        assert_eq!(keys.get("b", "x"), Some(a));
        assert_eq!(keys.get("b", "y"), Some(b));
        assert_eq!(keys.get("other", "x"), None);
        keys.forget("b", "x");
        assert!(!keys.has("b", "x") && !keys.has("b", "y"));
    }

    fn refused(status: u16, code: ErrorCode, detail: &str) -> AppError {
        AppError { status: Some(status), ..AppError::new(code, detail) }
    }

    #[test]
    fn the_servers_refusals_are_recognised() {
        // HEAD without the key: 400, no body.
        let e = classify_read_error(refused(400, ErrorCode::InvalidArgument, ""), false);
        assert_eq!(e.code, ErrorCode::EncryptedWithCustomerKey);
        // GET without the key (radosgw's words).
        let get = "Requests specifying Server Side Encryption with Customer provided keys must provide a valid encryption algorithm.";
        assert_eq!(
            classify_read_error(refused(400, ErrorCode::InvalidArgument, get), false).code,
            ErrorCode::EncryptedWithCustomerKey
        );
        // A wrong key.
        let wrong = "The calculated MD5 hash of the key did not match the hash that was provided.";
        assert_eq!(
            classify_read_error(refused(400, ErrorCode::InvalidArgument, wrong), true).code,
            ErrorCode::CustomerKeyMismatch
        );
        assert_eq!(
            classify_read_error(refused(400, ErrorCode::InvalidArgument, ""), true).code,
            ErrorCode::CustomerKeyMismatch
        );
        // Not this case: kept as they are.
        for (e, sent) in [
            (refused(403, ErrorCode::AccessDenied, ""), false),
            (refused(403, ErrorCode::AccessDenied, ""), true),
            (refused(404, ErrorCode::NoSuchKey, ""), false),
            (refused(400, ErrorCode::InvalidArgument, "Invalid version id specified"), false),
            (refused(400, ErrorCode::InvalidRange, ""), false),
            (AppError::new(ErrorCode::ConnectFailed, ""), false),
        ] {
            assert_eq!(classify_read_error(e.clone(), sent), e);
        }
    }
}
