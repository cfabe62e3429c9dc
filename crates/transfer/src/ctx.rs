//! What one file's transfer needs: the client, the shared limits, the journal and counters.

use crate::body::Progress;
use crate::limiter::RateLimiter;
use crate::model::ConflictPolicy;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Semaphore, SemaphorePermit};
use zos_core::{AppError, ErrorCode, Result};
use zos_journal::JournalHandle;

pub struct ItemCtx {
    pub s3: aws_sdk_s3::Client,
    pub bucket: String,
    /// One permit per request in flight, over all transfers.
    pub requests: Arc<Semaphore>,
    pub limiter: Arc<RateLimiter>,
    pub journal: JournalHandle,
    pub item_id: i64,
    /// The item's and the transfer's byte counters.
    pub progress: Progress,
    pub retries: Arc<AtomicU64>,
    pub part_size: u64,
    pub multipart_threshold: u64,
    pub policy: ConflictPolicy,
    /// What uploads send with each object (defaults for other kinds).
    pub options: Arc<crate::model::UploadOptions>,
    /// The one version a download reads (None: the current object).
    pub version_id: Option<String>,
    /// The customer keys (SSE-C) the user entered: sent with every read of an object they
    /// cover (HEAD, GET, ranges, a copy's source) and with a copy of it.
    pub customer_keys: zos_core::ssec::CustomerKeys,
}

/// How one file ended (errors are `Err`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Stored under this key (upload) or at this path (download; the key).
    Done { key: String },
    /// The destination exists and the policy is to ask.
    Conflict,
    /// The destination exists and the policy is to skip.
    Skipped,
}

/// Attempts per request. The engine's client has the SDK's own retries off, so every retry
/// happens here, with backoff, and is counted.
const ATTEMPTS: u32 = 6;

impl ItemCtx {
    /// The customer key (SSE-C) to send for `bucket/key`, if the user entered one.
    pub fn customer_key(&self, bucket: &str, key: &str) -> Option<zos_core::ssec::SseCustomerKey> {
        self.customer_keys.get(bucket, key)
    }

    pub async fn permit(&self) -> SemaphorePermit<'_> {
        self.requests.acquire().await.expect("the request semaphore is never closed")
    }

    /// Runs `attempt` until it succeeds, fails with an error that another try cannot fix, or
    /// has failed [`ATTEMPTS`] times. Each new try is counted (the panel shows retries).
    pub async fn with_retries<T, F, Fut>(&self, mut attempt: F) -> Result<T>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T>>,
    {
        let mut tries = 0;
        loop {
            tries += 1;
            match attempt().await {
                Ok(value) => return Ok(value),
                Err(e) if tries < ATTEMPTS && is_transient(&e) => {
                    self.retries.fetch_add(1, Ordering::Relaxed);
                    tracing::info!("retrying after {}: {}", e.code, e.detail);
                    tokio::time::sleep(backoff(tries)).await;
                }
                Err(e) => return Err(e),
            }
        }
    }
}

fn backoff(tries: u32) -> Duration {
    let base = 200u64 << tries.min(5);
    // A little jitter so that parts failed together are not sent again together.
    let jitter = (std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .subsec_nanos() as u64)
        % base;
    Duration::from_millis(base / 2 + jitter / 2)
}

/// Errors that another attempt may not meet: the connection, time-outs, the server's own
/// trouble. Never the user's (access, conflicts, missing objects).
pub fn is_transient(e: &AppError) -> bool {
    matches!(
        e.code,
        ErrorCode::ConnectFailed
            | ErrorCode::Timeout
            | ErrorCode::RequestTimeout
            | ErrorCode::InternalError
            | ErrorCode::ServiceUnavailable
            | ErrorCode::SlowDown
            | ErrorCode::XAmzContentSHA256Mismatch
            | ErrorCode::BadDigest
    ) || e.status.is_some_and(|s| s >= 500)
        || (e.code == ErrorCode::Unknown && e.status.is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_network_and_the_server_are_retried() {
        assert!(is_transient(&AppError::new(ErrorCode::ConnectFailed, "reset")));
        let mut e = AppError::new(ErrorCode::Unknown, "x");
        e.status = Some(503);
        assert!(is_transient(&e));
        assert!(!is_transient(&AppError::new(ErrorCode::AccessDenied, "no")));
        assert!(!is_transient(&AppError::new(ErrorCode::SourceChanged, "no")));
        assert!(!is_transient(&AppError::new(ErrorCode::PreconditionFailed, "no")));
    }
}
