//! What this server knows of each bucket sub-resource, learned from its answers, and the guard
//! that keeps a configuration DELETE away from a server that has not shown it knows it.
//!
//! radosgw 16.2 runs `DELETE /b?encryption` (or `?ownershipControls`) as **DeleteBucket** and
//! answers unknown sub-resource GETs with an object listing (test-server trap 1). So:
//! - every GET of a bucket sub-resource through a client of [`crate::client`] is classified by
//!   [`classify`] and remembered in that client's [`Capabilities`] (one per session);
//! - [`DeleteGuard`], an interceptor on every S3 client, refuses before transmission any DELETE
//!   whose query names a sub-resource this session has not seen the server answer as its own.
//!   It works on the wire request, so no code path (typed operation, customized request) passes
//!   it without proof.

use crate::error::{AppError, ErrorCode, Result};
use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::context::{
    AfterDeserializationInterceptorContextRef, BeforeTransmitInterceptorContextRef,
};
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::{ConfigBag, Storable, StoreReplace};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

/// The bucket sub-resources the app reads or edits, each with its query word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum SubResource {
    Acl,
    Policy,
    Cors,
    Website,
    Tagging,
    RequestPayment,
    Versioning,
    Lifecycle,
    ObjectLock,
    Encryption,
    Logging,
    Notification,
}

impl SubResource {
    pub const ALL: [SubResource; 12] = [
        SubResource::Acl,
        SubResource::Policy,
        SubResource::Cors,
        SubResource::Website,
        SubResource::Tagging,
        SubResource::RequestPayment,
        SubResource::Versioning,
        SubResource::Lifecycle,
        SubResource::ObjectLock,
        SubResource::Encryption,
        SubResource::Logging,
        SubResource::Notification,
    ];

    /// The word in the query string (`GET /bucket?requestPayment`).
    pub fn query(self) -> &'static str {
        match self {
            SubResource::Acl => "acl",
            SubResource::Policy => "policy",
            SubResource::Cors => "cors",
            SubResource::Website => "website",
            SubResource::Tagging => "tagging",
            SubResource::RequestPayment => "requestPayment",
            SubResource::Versioning => "versioning",
            SubResource::Lifecycle => "lifecycle",
            SubResource::ObjectLock => "object-lock",
            SubResource::Encryption => "encryption",
            SubResource::Logging => "logging",
            SubResource::Notification => "notification",
        }
    }
}

/// What an answer to `GET /bucket?<sub-resource>` showed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Support {
    /// A configuration, or the sub-resource's own "not configured" error.
    Supported,
    /// The server does not know it; `why` says how that showed.
    Unsupported { why: UnsupportedWhy },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum UnsupportedWhy {
    /// It answered with an object listing (`ListBucketResult`): it ignored the word.
    AnswersWithListing,
    /// 405 Method Not Allowed.
    MethodNotAllowed,
    /// 501 or `NotImplemented`.
    NotImplemented,
}

impl UnsupportedWhy {
    pub fn sentence(self) -> &'static str {
        match self {
            UnsupportedWhy::AnswersWithListing => "it answered the request with an object listing",
            UnsupportedWhy::MethodNotAllowed => "it answered 405 Method Not Allowed",
            UnsupportedWhy::NotImplemented => "it answered 501 Not Implemented",
        }
    }
}

/// Classifies the answer to a GET of a bucket sub-resource; `None` when it proves nothing
/// (access denied, no such bucket, a server error).
pub fn classify(status: u16, body: &[u8]) -> Option<Support> {
    let unsupported = |why| Some(Support::Unsupported { why });
    let code = error_code(body);
    match status {
        405 => unsupported(UnsupportedWhy::MethodNotAllowed),
        501 => unsupported(UnsupportedWhy::NotImplemented),
        _ if code.as_deref() == Some("NotImplemented") => unsupported(UnsupportedWhy::NotImplemented),
        200..=299 if root_element(body).as_deref() == Some("ListBucketResult") => {
            unsupported(UnsupportedWhy::AnswersWithListing)
        }
        200..=299 => Some(Support::Supported),
        // The sub-resource's own "not configured" answer: NoSuchCORSConfiguration,
        // NoSuchTagSet, ObjectLockConfigurationNotFoundError, NoSuchEncryptionSetError, …
        404 => match code.as_deref() {
            Some("NoSuchBucket" | "NoSuchKey") | None => None,
            Some(c) if c.starts_with("NoSuch") || c.ends_with("NotFoundError") => Some(Support::Supported),
            Some(_) => None,
        },
        _ => None,
    }
}

/// The first element's name of an XML body (after the declaration and comments).
fn root_element(body: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(body).ok()?;
    let mut rest = text;
    loop {
        let start = rest.find('<')?;
        rest = &rest[start + 1..];
        if rest.starts_with('?') || rest.starts_with('!') {
            continue;
        }
        let end = rest.find(|c: char| c.is_whitespace() || c == '>' || c == '/')?;
        return Some(rest[..end].to_owned());
    }
}

fn error_code(body: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(body).ok()?;
    let start = text.find("<Code>")? + "<Code>".len();
    let end = text[start..].find("</Code>")? + start;
    Some(text[start..end].trim().to_owned())
}

/// What one session has learned, by query word. Shared by the session (for the capabilities
/// view) and by its client's guard.
#[derive(Debug, Clone, Default)]
pub struct Capabilities(Arc<Mutex<BTreeMap<String, Support>>>);

impl Capabilities {
    pub fn get(&self, sub: SubResource) -> Option<Support> {
        self.0.lock().expect("capabilities lock").get(sub.query()).cloned()
    }

    fn record(&self, query_word: &str, support: Support) {
        self.0.lock().expect("capabilities lock").insert(query_word.to_owned(), support);
    }

    fn is_supported(&self, query_word: &str) -> bool {
        matches!(self.0.lock().expect("capabilities lock").get(query_word), Some(Support::Supported))
    }
}

/// A request refused by the guard. Travels inside the SDK's error; [`AppError::from_sdk`]
/// finds it and reports [`ErrorCode::UnsafeRequestRefused`].
#[derive(Debug, Clone)]
pub struct DeleteRefused {
    pub query_word: String,
    pub why: String,
}

impl std::fmt::Display for DeleteRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "not sent: DELETE ?{} goes only to a server that has shown it knows \"{}\" ({})",
            self.query_word, self.query_word, self.why
        )
    }
}

impl std::error::Error for DeleteRefused {}

/// Query words a DELETE of an object may carry without proof: they name a version or an upload.
const OBJECT_DELETE_WORDS: [&str; 3] = ["versionId", "uploadId", "x-id"];

/// Which bucket sub-resource a request names: its method, whether its path is the bucket's, and
/// its query words (`x-id`, the SDK's operation tag, left out).
#[derive(Debug, Clone)]
struct RequestShape {
    method: String,
    bucket_level: bool,
    words: Vec<String>,
}

impl Storable for RequestShape {
    type Storer = StoreReplace<Self>;
}

fn request_shape(method: &str, uri: &str, path_style: bool) -> RequestShape {
    let (path, query) = match uri.split_once('?') {
        Some((p, q)) => (p, q),
        None => (uri, ""),
    };
    // Scheme and authority off: what remains is the path.
    let path = match path.find("://") {
        Some(i) => path[i + 3..].find('/').map_or("/", |j| &path[i + 3 + j..]),
        None => path,
    };
    let segments = path.split('/').filter(|s| !s.is_empty()).count();
    let bucket_level = if path_style { segments <= 1 } else { segments == 0 };
    let words = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').map_or(p, |(k, _)| k).to_owned())
        .filter(|w| w != "x-id")
        .collect();
    RequestShape { method: method.to_owned(), bucket_level, words }
}

/// The interceptor: refuses unproven sub-resource DELETEs, and learns from sub-resource GETs.
#[derive(Debug, Clone)]
pub struct DeleteGuard {
    capabilities: Capabilities,
    path_style: bool,
}

impl DeleteGuard {
    pub fn new(capabilities: Capabilities, path_style: bool) -> Self {
        Self { capabilities, path_style }
    }

    /// `Err` when this DELETE must not be sent.
    fn check(&self, shape: &RequestShape) -> std::result::Result<(), DeleteRefused> {
        if shape.method != "DELETE" {
            return Ok(());
        }
        for word in &shape.words {
            let free = !shape.bucket_level && OBJECT_DELETE_WORDS.contains(&word.as_str());
            if free || self.capabilities.is_supported(word) {
                continue;
            }
            let why = match self.capabilities.0.lock().expect("capabilities lock").get(word.as_str()) {
                Some(Support::Unsupported { why }) => format!("this server does not: {}", why.sentence()),
                _ => "this session has not read it from this server yet".to_owned(),
            };
            return Err(DeleteRefused { query_word: word.clone(), why });
        }
        Ok(())
    }
}

impl Intercept for DeleteGuard {
    fn name(&self) -> &'static str {
        "DeleteGuard"
    }

    fn read_before_transmit(
        &self,
        context: &BeforeTransmitInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> std::result::Result<(), BoxError> {
        let request = context.request();
        let shape = request_shape(request.method(), request.uri(), self.path_style);
        if let Err(refused) = self.check(&shape) {
            tracing::warn!("{refused}");
            return Err(Box::new(refused));
        }
        cfg.interceptor_state().store_put(shape);
        Ok(())
    }

    fn read_after_deserialization(
        &self,
        context: &AfterDeserializationInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> std::result::Result<(), BoxError> {
        let Some(shape) = cfg.load::<RequestShape>() else { return Ok(()) };
        // Only a GET of the bucket naming exactly one word proves anything about that word.
        if shape.method != "GET" || !shape.bucket_level || shape.words.len() != 1 {
            return Ok(());
        }
        let response = context.response();
        let body = response.body().bytes().unwrap_or_default();
        if let Some(support) = classify(response.status().as_u16(), body) {
            self.capabilities.record(&shape.words[0], support);
        }
        Ok(())
    }
}

/// One line of the capabilities view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Capability {
    pub sub_resource: SubResource,
    /// `None`: the answer proved nothing (e.g. access denied); `error` says what it was.
    pub support: Option<Support>,
    pub error: Option<AppError>,
}

/// Asks the server about every sub-resource with a plain GET on `bucket` (read-only, safe on
/// any server) and reports what each answer showed. The session remembers the answers.
pub async fn detect(
    s3: &aws_sdk_s3::Client,
    capabilities: &Capabilities,
    bucket: &str,
) -> Result<Vec<Capability>> {
    let probes = SubResource::ALL.map(|sub| async move {
        let error = probe(s3, bucket, sub).await.err();
        (sub, error)
    });
    let answers = futures::future::join_all(probes).await;
    if let Some((_, Some(e))) =
        answers.iter().find(|(_, e)| e.as_ref().is_some_and(|e| e.is(ErrorCode::NoSuchBucket)))
    {
        return Err(e.clone());
    }
    Ok(answers
        .into_iter()
        .map(|(sub, error)| {
            let support = capabilities.get(sub);
            // An error that the classification explains (not configured, listing) is no error.
            let error = if support.is_some() { None } else { error };
            Capability { sub_resource: sub, support, error }
        })
        .collect())
}

/// `GET /bucket?<word>` through the client (so the guard sees and remembers the answer). Sent as
/// GetBucketLocation with its query word replaced: the SDK has no generic GET, and the answer's
/// body is only classified, never parsed as a location.
pub async fn probe(s3: &aws_sdk_s3::Client, bucket: &str, sub: SubResource) -> Result<()> {
    let word = sub.query();
    s3.get_bucket_location()
        .bucket(bucket)
        .customize()
        .mutate_request(move |req| {
            let uri = req.uri().to_owned();
            let base = uri.split_once('?').map_or(uri.as_str(), |(p, _)| p);
            req.set_uri(format!("{base}?{word}")).expect("a URI with a query word");
        })
        .send()
        .await
        .map(|_| ())
        .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchBucket))
}

/// `Err(UnsupportedByServer)` when this session saw the server answer `sub` as unknown.
pub fn ensure_supported(capabilities: &Capabilities, sub: SubResource) -> Result<()> {
    match capabilities.get(sub) {
        Some(Support::Unsupported { why }) => Err(unsupported_error(sub, why)),
        _ => Ok(()),
    }
}

pub fn unsupported_error(sub: SubResource, why: UnsupportedWhy) -> AppError {
    AppError::new(
        ErrorCode::UnsupportedByServer,
        format!(
            "this server does not support the bucket's \"{}\" configuration: {}",
            sub.query(),
            why.sentence()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const LISTING: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name></ListBucketResult>"#;

    #[test]
    fn answers_are_classified() {
        let no = |why| Some(Support::Unsupported { why });
        assert_eq!(classify(200, LISTING), no(UnsupportedWhy::AnswersWithListing));
        assert_eq!(classify(405, b""), no(UnsupportedWhy::MethodNotAllowed));
        assert_eq!(classify(501, b""), no(UnsupportedWhy::NotImplemented));
        assert_eq!(
            classify(400, b"<Error><Code>NotImplemented</Code></Error>"),
            no(UnsupportedWhy::NotImplemented)
        );
        assert_eq!(classify(200, b"<?xml version=\"1.0\"?><CORSConfiguration/>"), Some(Support::Supported));
        assert_eq!(classify(200, b""), Some(Support::Supported), "radosgw's empty tagging answer (trap 10)");
        for code in ["NoSuchCORSConfiguration", "NoSuchTagSet", "ObjectLockConfigurationNotFoundError"] {
            let body = format!("<Error><Code>{code}</Code></Error>");
            assert_eq!(classify(404, body.as_bytes()), Some(Support::Supported), "{code}");
        }
        assert_eq!(classify(404, b"<Error><Code>NoSuchBucket</Code></Error>"), None);
        assert_eq!(classify(403, b"<Error><Code>AccessDenied</Code></Error>"), None);
        assert_eq!(classify(500, b""), None);
    }

    #[test]
    fn request_shapes() {
        let s = request_shape("DELETE", "http://127.0.0.1:7480/b?encryption", true);
        assert!(s.bucket_level);
        assert_eq!(s.words, ["encryption"]);
        let s = request_shape("DELETE", "http://h/b/?cors&x-id=DeleteBucketCors", true);
        assert!(s.bucket_level);
        assert_eq!(s.words, ["cors"]);
        let s = request_shape("DELETE", "http://h/b/k%3Fx?versionId=1", true);
        assert!(!s.bucket_level);
        let s = request_shape("DELETE", "http://b.h/?policy", false);
        assert!(s.bucket_level);
        let s = request_shape("DELETE", "http://b.h/key?tagging", false);
        assert!(!s.bucket_level);
    }

    #[test]
    fn the_guard_refuses_what_is_not_proven() {
        let caps = Capabilities::default();
        let guard = DeleteGuard::new(caps.clone(), true);
        let shape = |uri: &str| request_shape("DELETE", uri, true);
        assert!(guard.check(&shape("http://h/b")).is_ok(), "DeleteBucket itself is the user's own request");
        assert!(guard.check(&shape("http://h/b/k?versionId=3")).is_ok());
        assert!(guard.check(&shape("http://h/b/k?uploadId=3")).is_ok());
        let refused = guard.check(&shape("http://h/b?encryption")).unwrap_err();
        assert!(refused.why.contains("not read it"), "{refused}");
        caps.record("encryption", Support::Unsupported { why: UnsupportedWhy::AnswersWithListing });
        let refused = guard.check(&shape("http://h/b?encryption")).unwrap_err();
        assert!(refused.to_string().contains("object listing"), "{refused}");
        caps.record("cors", Support::Supported);
        assert!(guard.check(&shape("http://h/b?cors")).is_ok());
        assert!(guard.check(&shape("http://h/b?cors&encryption")).is_err(), "every word must be proven");
        assert!(guard.check(&shape("http://h/b/k?tagging")).is_err(), "object tagging: not proven yet");
        assert!(guard.check(&request_shape("GET", "http://h/b?encryption", true)).is_ok());
    }
}
