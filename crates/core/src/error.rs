//! The one error type that crosses IPC.
//!
//! `code` is an [`ErrorCode`]: the S3 code where the server gave one we know (`NoSuchBucket`,
//! `BucketNotEmpty`, …), otherwise a client code (`ConnectFailed`, `KeyringError`, …). The enum
//! is exported to TypeScript, and the UI keys its sentences by it, so a code without a sentence
//! fails the UI's type check. A server code the enum does not know arrives as `Unknown` with the
//! server's own word in `server_code`. `detail` is the English technical text shown under the
//! sentence. Nothing secret ever goes into an `AppError`: texts come from the server, from
//! validation or from I/O.

use crate::buckets::config::capabilities::DeleteRefused;
use aws_sdk_s3::error::{ProvideErrorMetadata, SdkError};
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::error::Error as StdError;

macro_rules! error_codes {
    ($( $(#[$doc:meta])* $name:ident ),* $(,)?) => {
        /// Every code that can cross IPC. Written once, here: the TypeScript union, the list
        /// [`ErrorCode::ALL`] and the parser of server codes all come from this list.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
        pub enum ErrorCode {
            $( $(#[$doc])* $name, )*
        }

        impl ErrorCode {
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$name),*];

            pub fn as_str(self) -> &'static str {
                match self { $(ErrorCode::$name => stringify!($name),)* }
            }

            /// The variant named exactly `code`, if the enum has one.
            pub fn parse(code: &str) -> Option<Self> {
                match code { $(stringify!($name) => Some(ErrorCode::$name),)* _ => None }
            }
        }
    };
}

error_codes! {
    // --- S3 codes of the ZOS guide's error table ---
    InvalidArgument, InvalidDigest, BadDigest, InvalidBucketName, InvalidObjectName, InvalidPart,
    InvalidPartOrder, RequestTimeout, EntityTooLarge, AccessDenied, UserSuspended,
    RequestTimeTooSkewed, NoSuchKey, NoSuchBucket, NoSuchUpload, MethodNotAllowed,
    BucketAlreadyExists, BucketNotEmpty, MissingContentLength, PreconditionFailed, InvalidRange,
    UnprocessableEntity, InternalError, BucketAlreadyOwnedByYou, NoSuchEncryptionSetError,
    // --- other S3 / radosgw codes seen on the wire or named by HTTP status ---
    InvalidAccessKeyId, SignatureDoesNotMatch, PermanentRedirect, Conflict, ServiceUnavailable,
    SlowDown, NotImplemented, InvalidRequest, MalformedXML, MalformedPolicy, EntityTooSmall,
    XAmzContentSHA256Mismatch, PositionNotEqualToLength, NoSuchVersion, InvalidStorageClass,
    QuotaExceeded, TooManyBuckets, InvalidBucketState, OperationAborted,
    // "Not configured" answers of bucket sub-resources (the config getters turn them into None).
    NoSuchBucketPolicy, NoSuchCORSConfiguration, NoSuchLifecycleConfiguration,
    NoSuchWebsiteConfiguration, NoSuchTagSet, ObjectLockConfigurationNotFoundError, InvalidTag,
    ServerSideEncryptionConfigurationNotFoundError, NoSuchObjectLockConfiguration,
    // --- client codes: no S3 code exists for them ---
    /// The endpoint did not answer (refused, unreachable, DNS).
    ConnectFailed,
    /// TLS handshake or certificate failure (none of the three below).
    TlsError,
    /// The server's certificate is not signed by a CA this profile trusts (OS roots + its own CA).
    TlsUntrusted,
    /// The server's certificate is for another host name than the endpoint's.
    TlsWrongHost,
    /// The server's certificate has expired (or is not valid yet: check this computer's clock).
    TlsExpired,
    /// A CA file the user chose is not a PEM certificate that can be trusted.
    CertificateFileInvalid,
    /// The proxy refused or failed the connection (unreachable, CONNECT refused).
    ProxyFailed,
    /// The proxy asks for credentials (HTTP 407), or refused the ones given.
    ProxyAuthRequired,
    Timeout,
    /// The endpoint is not a usable `http(s)://host[:port]` URL.
    InvalidEndpoint,
    /// Input refused before any request was sent.
    InvalidInput,
    /// The server has shown it does not know this bucket sub-resource (it answered a listing,
    /// 405 or 501): the editor is off, and nothing is sent.
    UnsupportedByServer,
    /// A request the client refused to send: a configuration DELETE to a server that has not
    /// shown it knows the sub-resource (radosgw 16.2 would run it as DeleteBucket).
    UnsafeRequestRefused,
    /// An upload would replace an object and the user did not say so.
    ObjectExists,
    /// A download would replace a local file and the user did not say so.
    LocalFileExists,
    /// The local file changed (size or modification time) after its upload was queued.
    SourceChanged,
    /// The object changed on the server while it was being downloaded.
    ObjectChanged,
    /// The bytes received do not match the object's size or MD5 ETag.
    ChecksumMismatch,
    /// Object lock refused a delete or change: a legal hold, or a retention (the detail says
    /// which, until when, and whether a governance bypass could help).
    ObjectLocked,
    KeyringError,
    ProfileNotFound,
    /// A local file handle the user never chose (in a dialog or by a drop).
    LocalFileNotChosen,
    /// The object is encrypted with a customer key (SSE-C) and none was sent: radosgw answers
    /// a bare 400 (see `ssec` for how it is recognised). The user can enter the key.
    EncryptedWithCustomerKey,
    /// A customer key (SSE-C) was sent and the server refused it: not this object's key.
    CustomerKeyMismatch,
    Io,
    /// A failure with no better code; `server_code` keeps the server's word if it said one.
    Unknown,
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AppError {
    pub code: ErrorCode,
    /// The server's code when the enum has no variant for it (`code` is then `Unknown`).
    pub server_code: Option<String>,
    /// HTTP status of the server's answer; `None` when no answer was had or the error is local.
    pub status: Option<u16>,
    /// `x-amz-request-id` of the failed request, for the operator's logs.
    pub request_id: Option<String>,
    /// English technical detail: the server's message or the validation reason.
    pub detail: String,
}

pub type Result<T, E = AppError> = std::result::Result<T, E>;

impl AppError {
    pub fn new(code: ErrorCode, detail: impl Into<String>) -> Self {
        Self { code, server_code: None, status: None, request_id: None, detail: detail.into() }
    }

    pub fn invalid_input(detail: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidInput, detail)
    }

    pub fn io(context: &str, err: std::io::Error) -> Self {
        Self::new(ErrorCode::Io, format!("{context}: {err}"))
    }

    pub fn is(&self, code: ErrorCode) -> bool {
        self.code == code
    }

    /// An error code as the server wrote it (e.g. one key's failure in a DeleteObjects answer).
    pub fn code_from_server(code: &str) -> (ErrorCode, Option<String>) {
        match ErrorCode::parse(code) {
            Some(c) => (c, None),
            None => (ErrorCode::Unknown, Some(code.to_owned()).filter(|c| !c.is_empty())),
        }
    }

    /// Maps any SDK failure. `not_found` names what a body-less 404 means for this operation
    /// (HEAD answers carry no error document, so the code must come from context).
    pub fn from_sdk<E>(err: SdkError<E, HttpResponse>, not_found: ErrorCode) -> Self
    where
        E: ProvideErrorMetadata + StdError + Send + Sync + 'static,
    {
        if let SdkError::ServiceError(ctx) = &err {
            let status = ctx.raw().status().as_u16();
            let header_request_id = ctx.raw().headers().get("x-amz-request-id").map(str::to_owned);
            let e = ctx.err();
            // HEAD answers have no body: the SDK then names the status ("NotFound",
            // "Forbidden"), which says less than the code this operation implies.
            let (code, server_code) = match e.code() {
                Some(c) if !c.is_empty() && !GENERIC_CODES.contains(&c) => Self::code_from_server(c),
                _ => (code_for_status(status, not_found), None),
            };
            let request_id = e
                .meta()
                .extra("aws_request_id")
                .map(str::to_owned)
                .or(header_request_id)
                .filter(|s| !s.is_empty());
            // Empty when the server said nothing more than its code (the UI then shows no
            // detail line rather than repeating the status).
            let detail = e.message().map(str::to_owned).unwrap_or_default();
            return Self { code, server_code, status: Some(status), request_id, detail };
        }
        let chain = error_chain(&err);
        if let Some(refused) = find_source::<DeleteRefused>(&err) {
            return Self::new(ErrorCode::UnsafeRequestRefused, refused.to_string());
        }
        match &err {
            SdkError::TimeoutError(_) => Self::new(ErrorCode::Timeout, chain),
            SdkError::DispatchFailure(d) if d.is_timeout() => Self::new(ErrorCode::Timeout, chain),
            SdkError::DispatchFailure(_) => {
                if let Some(code) = crate::network::tls_failure_code(&err) {
                    return Self::new(code, chain);
                }
                if let Some(code) = proxy_failure_code(&chain) {
                    return Self::new(code, chain);
                }
                if looks_like_tls(&chain) {
                    return Self::new(ErrorCode::TlsError, chain);
                }
                Self::new(ErrorCode::ConnectFailed, chain)
            }
            SdkError::ConstructionFailure(_) => Self::new(ErrorCode::InvalidInput, chain),
            SdkError::ResponseError(r) => {
                let status = r.raw().status().as_u16();
                Self {
                    code: code_for_status(status, not_found),
                    server_code: None,
                    status: Some(status),
                    request_id: r.raw().headers().get("x-amz-request-id").map(str::to_owned),
                    detail: chain,
                }
            }
            _ => Self::new(ErrorCode::Unknown, chain),
        }
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.code)?;
        if let Some(server_code) = &self.server_code {
            write!(f, " ({server_code})")?;
        }
        write!(f, ": {}", self.detail)?;
        if let Some(status) = self.status {
            write!(f, " (HTTP {status})")?;
        }
        if let Some(id) = &self.request_id {
            write!(f, " [request id {id}]")?;
        }
        Ok(())
    }
}

impl StdError for AppError {}

const GENERIC_CODES: [&str; 4] = ["NotFound", "Forbidden", "BadRequest", "Unknown"];

fn code_for_status(status: u16, not_found: ErrorCode) -> ErrorCode {
    use ErrorCode::*;
    match status {
        301 | 307 => PermanentRedirect,
        400 => InvalidArgument,
        403 => AccessDenied,
        404 => not_found,
        405 => MethodNotAllowed,
        407 => ProxyAuthRequired,
        409 => Conflict,
        412 => PreconditionFailed,
        416 => InvalidRange,
        500 => InternalError,
        501 => NotImplemented,
        503 => ServiceUnavailable,
        _ => Unknown,
    }
}

/// The whole `source()` chain in one line: the SDK's top-level texts ("dispatch failure") say
/// little; the useful part ("Connection refused", "invalid peer certificate") is at the bottom.
fn error_chain(err: &(dyn StdError + 'static)) -> String {
    let mut parts = vec![err.to_string()];
    let mut cur = err.source();
    while let Some(e) = cur {
        let s = e.to_string();
        if !parts.iter().any(|p| p == &s) {
            parts.push(s);
        }
        cur = e.source();
    }
    parts.join(": ")
}

fn find_source<'a, T: StdError + 'static>(err: &'a (dyn StdError + 'static)) -> Option<&'a T> {
    let mut cur: Option<&(dyn StdError + 'static)> = Some(err);
    while let Some(e) = cur {
        if let Some(found) = e.downcast_ref::<T>() {
            return Some(found);
        }
        cur = e.source();
    }
    None
}

/// hyper-util's CONNECT tunnel errors are not public types: their texts are matched.
fn proxy_failure_code(chain: &str) -> Option<ErrorCode> {
    let lower = chain.to_ascii_lowercase();
    if lower.contains("tunnel error: proxy authorization required") {
        Some(ErrorCode::ProxyAuthRequired)
    } else if lower.contains("tunnel error:") {
        Some(ErrorCode::ProxyFailed)
    } else {
        None
    }
}

fn looks_like_tls(chain: &str) -> bool {
    let lower = chain.to_ascii_lowercase();
    ["certificate", "tls", "ssl", "handshake", "unknownissuer", "corrupt message", "invalidcontenttype"]
        .iter()
        .any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_fallbacks_use_the_operation_context() {
        assert_eq!(code_for_status(404, ErrorCode::NoSuchKey), ErrorCode::NoSuchKey);
        assert_eq!(code_for_status(404, ErrorCode::NoSuchBucket), ErrorCode::NoSuchBucket);
        assert_eq!(code_for_status(403, ErrorCode::NoSuchKey), ErrorCode::AccessDenied);
    }

    #[test]
    fn every_status_fallback_is_a_code_of_the_enum() {
        for status in 100..600 {
            let code = code_for_status(status, ErrorCode::NoSuchKey);
            assert!(ErrorCode::ALL.contains(&code));
        }
    }

    #[test]
    fn codes_round_trip_through_their_names() {
        for code in ErrorCode::ALL {
            assert_eq!(ErrorCode::parse(code.as_str()), Some(*code));
            assert_eq!(serde_json::to_string(code).unwrap(), format!("\"{code}\""));
        }
    }

    #[test]
    fn unknown_server_codes_keep_their_word() {
        assert_eq!(AppError::code_from_server("NoSuchKey"), (ErrorCode::NoSuchKey, None));
        assert_eq!(
            AppError::code_from_server("ZosSomethingNew"),
            (ErrorCode::Unknown, Some("ZosSomethingNew".to_owned()))
        );
    }

    /// The guide's error table (`shared/spec/OPERATIONS.md`, "Connection and errors"): every code
    /// in it is a variant, so the UI (whose sentences are keyed by the enum) has words for it.
    #[test]
    fn every_code_of_the_guides_error_table_is_a_variant() {
        let spec = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/spec/OPERATIONS.md");
        let text = std::fs::read_to_string(spec)
            .unwrap_or_else(|e| panic!("the spec is expected beside the repository at {spec}: {e}"));
        let table = text
            .split("Error table in the guide")
            .nth(1)
            .and_then(|rest| rest.split("Each must reach the user").next())
            .expect("the error table paragraph");
        let table = table.split_once(':').map_or(table, |(_, codes)| codes);
        let codes: Vec<&str> = table
            .split([',', ';', '\n', ' '])
            .map(|w| w.trim().trim_end_matches('.'))
            .filter(|w| w.chars().next().is_some_and(|c| c.is_ascii_uppercase()) && w.len() > 3)
            .filter(|w| w.chars().all(|c| c.is_ascii_alphanumeric()))
            .collect();
        assert!(codes.len() >= 25, "parsed too few codes from the table: {codes:?}");
        for code in codes {
            assert!(ErrorCode::parse(code).is_some(), "{code} of the guide's table has no ErrorCode variant");
        }
    }

    #[test]
    fn display_carries_code_status_and_request_id() {
        let e = AppError {
            code: ErrorCode::NoSuchBucket,
            server_code: None,
            status: Some(404),
            request_id: Some("tx1".into()),
            detail: "gone".into(),
        };
        assert_eq!(e.to_string(), "NoSuchBucket: gone (HTTP 404) [request id tx1]");
    }
}
