//! An upload body that counts the bytes handed to the connection (for progress) and keeps to
//! the bandwidth limit. It slices one in-memory buffer: no copies.

use crate::limiter::RateLimiter;
use aws_sdk_s3::primitives::ByteStream;
use aws_smithy_types::body::SdkBody;
use bytes::Bytes;
use http_body::{Body, Frame, SizeHint};
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

const CHUNK: usize = 256 * 1024;

/// Where moved bytes are counted: the item's counter and its transfer's.
#[derive(Clone, Default)]
pub struct Progress {
    pub item: Arc<AtomicU64>,
    pub transfer: Arc<AtomicU64>,
}

impl Progress {
    pub fn add(&self, n: u64) {
        self.item.fetch_add(n, Ordering::Relaxed);
        self.transfer.fetch_add(n, Ordering::Relaxed);
    }

    pub fn sub(&self, n: u64) {
        self.item.fetch_sub(n, Ordering::Relaxed);
        self.transfer.fetch_sub(n, Ordering::Relaxed);
    }

    pub fn item_bytes(&self) -> u64 {
        self.item.load(Ordering::Relaxed)
    }

    /// Sets the item's count (after a restart, to what its completed parts hold).
    pub fn set_item(&self, n: u64) {
        let old = self.item.swap(n, Ordering::Relaxed);
        self.transfer.fetch_add(n, Ordering::Relaxed);
        self.transfer.fetch_sub(old, Ordering::Relaxed);
    }
}

struct CountingBody {
    data: Bytes,
    progress: Progress,
    attempt_sent: Arc<AtomicU64>,
    limiter: Arc<RateLimiter>,
    sleeping: Option<(Pin<Box<tokio::time::Sleep>>, Bytes)>,
}

impl Body for CountingBody {
    type Data = Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        let this = &mut *self;
        let chunk = if let Some((sleep, _)) = this.sleeping.as_mut() {
            if sleep.as_mut().poll(cx).is_pending() {
                return Poll::Pending;
            }
            this.sleeping.take().map(|(_, chunk)| chunk).expect("a waiting chunk")
        } else {
            if this.data.is_empty() {
                return Poll::Ready(None);
            }
            let chunk = this.data.split_to(CHUNK.min(this.data.len()));
            let delay = this.limiter.reserve(chunk.len());
            if !delay.is_zero() {
                let mut sleep = Box::pin(tokio::time::sleep(delay));
                if sleep.as_mut().poll(cx).is_pending() {
                    this.sleeping = Some((sleep, chunk));
                    return Poll::Pending;
                }
            }
            chunk
        };
        let n = chunk.len() as u64;
        this.attempt_sent.fetch_add(n, Ordering::Relaxed);
        this.progress.add(n);
        Poll::Ready(Some(Ok(Frame::data(chunk))))
    }

    fn is_end_stream(&self) -> bool {
        self.data.is_empty() && self.sleeping.is_none()
    }

    fn size_hint(&self) -> SizeHint {
        let pending = self.sleeping.as_ref().map_or(0, |(_, c)| c.len());
        SizeHint::with_exact((self.data.len() + pending) as u64)
    }
}

/// A body the SDK may send again on a retry: each new attempt takes back what the last one
/// counted. The counter returned holds what the current attempt has counted, for the caller
/// to take back when the request fails for good.
pub fn upload_body(
    data: Bytes,
    progress: Progress,
    limiter: Arc<RateLimiter>,
) -> (ByteStream, Arc<AtomicU64>) {
    let attempt_sent = Arc::new(AtomicU64::new(0));
    let counted = attempt_sent.clone();
    let stream = ByteStream::new(SdkBody::retryable(move || {
        progress.sub(attempt_sent.swap(0, Ordering::Relaxed));
        SdkBody::from_body_1_x(CountingBody {
            data: data.clone(),
            progress: progress.clone(),
            attempt_sent: attempt_sent.clone(),
            limiter: limiter.clone(),
            sleeping: None,
        })
    }));
    (stream, counted)
}
