//! The one error type that crosses IPC.
//!
//! `code` is the S3 error code where the server gave one (`NoSuchBucket`, `BucketNotEmpty`, …),
//! otherwise one of the client codes in [`codes`]. The UI turns the code into a sentence in the
//! user's language; `detail` is the English technical text shown under it. Nothing secret ever
//! goes into an `AppError`: error texts come from the server, from validation or from I/O.

use aws_sdk_s3::error::{ProvideErrorMetadata, SdkError};
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::error::Error as StdError;

/// Codes produced on the client side (no S3 code exists for them).
pub mod codes {
    pub const CONNECT_FAILED: &str = "ConnectFailed";
    pub const TLS_ERROR: &str = "TlsError";
    pub const TIMEOUT: &str = "Timeout";
    pub const INVALID_ENDPOINT: &str = "InvalidEndpoint";
    pub const INVALID_INPUT: &str = "InvalidInput";
    pub const OBJECT_EXISTS: &str = "ObjectExists";
    pub const KEYRING_ERROR: &str = "KeyringError";
    pub const PROFILE_NOT_FOUND: &str = "ProfileNotFound";
    pub const IO: &str = "Io";
    pub const UNKNOWN: &str = "Unknown";
    // S3 codes the client itself also produces (validation before sending, bodiless HEAD errors).
    pub const INVALID_BUCKET_NAME: &str = "InvalidBucketName";
    pub const INVALID_OBJECT_NAME: &str = "InvalidObjectName";
    pub const NO_SUCH_BUCKET: &str = "NoSuchBucket";
    pub const NO_SUCH_KEY: &str = "NoSuchKey";
    pub const ACCESS_DENIED: &str = "AccessDenied";
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AppError {
    pub code: String,
    /// HTTP status of the server's answer; `None` when no answer was had or the error is local.
    pub status: Option<u16>,
    /// `x-amz-request-id` of the failed request, for the operator's logs.
    pub request_id: Option<String>,
    /// English technical detail: the server's message or the validation reason.
    pub detail: String,
}

pub type Result<T, E = AppError> = std::result::Result<T, E>;

impl AppError {
    pub fn new(code: &str, detail: impl Into<String>) -> Self {
        Self { code: code.to_owned(), status: None, request_id: None, detail: detail.into() }
    }

    pub fn invalid_input(detail: impl Into<String>) -> Self {
        Self::new(codes::INVALID_INPUT, detail)
    }

    pub fn io(context: &str, err: std::io::Error) -> Self {
        Self::new(codes::IO, format!("{context}: {err}"))
    }

    pub fn is(&self, code: &str) -> bool {
        self.code == code
    }

    /// Maps any SDK failure. `not_found_code` names what a body-less 404 means for this
    /// operation (HEAD answers carry no error document, so the code must come from context).
    pub fn from_sdk<E>(err: SdkError<E, HttpResponse>, not_found_code: &str) -> Self
    where
        E: ProvideErrorMetadata + StdError + Send + Sync + 'static,
    {
        if let SdkError::ServiceError(ctx) = &err {
            let status = ctx.raw().status().as_u16();
            let header_request_id = ctx.raw().headers().get("x-amz-request-id").map(str::to_owned);
            let e = ctx.err();
            // HEAD answers have no body: the SDK then names the status ("NotFound",
            // "Forbidden"), which says less than the code this operation implies.
            let code = match e.code() {
                Some(c) if !c.is_empty() && !GENERIC_CODES.contains(&c) => c.to_owned(),
                _ => code_for_status(status, not_found_code).to_owned(),
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
            return Self { code, status: Some(status), request_id, detail };
        }
        let chain = error_chain(&err);
        match &err {
            SdkError::TimeoutError(_) => Self::new(codes::TIMEOUT, chain),
            SdkError::DispatchFailure(d) if d.is_timeout() => Self::new(codes::TIMEOUT, chain),
            SdkError::DispatchFailure(_) if looks_like_tls(&chain) => Self::new(codes::TLS_ERROR, chain),
            SdkError::DispatchFailure(_) => Self::new(codes::CONNECT_FAILED, chain),
            SdkError::ConstructionFailure(_) => Self::new(codes::INVALID_INPUT, chain),
            SdkError::ResponseError(r) => {
                let status = r.raw().status().as_u16();
                Self {
                    code: code_for_status(status, not_found_code).to_owned(),
                    status: Some(status),
                    request_id: r.raw().headers().get("x-amz-request-id").map(str::to_owned),
                    detail: chain,
                }
            }
            _ => Self::new(codes::UNKNOWN, chain),
        }
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.detail)?;
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

fn code_for_status(status: u16, not_found_code: &str) -> &str {
    match status {
        301 | 307 => "PermanentRedirect",
        400 => "InvalidArgument",
        403 => codes::ACCESS_DENIED,
        404 => not_found_code,
        405 => "MethodNotAllowed",
        409 => "Conflict",
        412 => "PreconditionFailed",
        416 => "InvalidRange",
        500 => "InternalError",
        503 => "ServiceUnavailable",
        _ => codes::UNKNOWN,
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
        assert_eq!(code_for_status(404, codes::NO_SUCH_KEY), "NoSuchKey");
        assert_eq!(code_for_status(404, codes::NO_SUCH_BUCKET), "NoSuchBucket");
        assert_eq!(code_for_status(403, codes::NO_SUCH_KEY), "AccessDenied");
    }

    #[test]
    fn tls_failures_are_told_apart_from_refused_connections() {
        assert!(looks_like_tls("dispatch failure: io error: invalid peer certificate: UnknownIssuer"));
        assert!(!looks_like_tls("dispatch failure: io error: Connection refused (os error 111)"));
    }

    #[test]
    fn display_carries_code_status_and_request_id() {
        let e = AppError {
            code: "NoSuchBucket".into(),
            status: Some(404),
            request_id: Some("tx1".into()),
            detail: "gone".into(),
        };
        assert_eq!(e.to_string(), "NoSuchBucket: gone (HTTP 404) [request id tx1]");
    }
}
