//! The bandwidth limit: one token bucket shared by every transfer, both directions.

use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug, Default)]
pub struct RateLimiter {
    state: Mutex<Option<Bucket>>,
}

#[derive(Debug)]
struct Bucket {
    bytes_per_second: f64,
    /// When the bytes reserved so far will have been allowed through.
    free_at: Instant,
}

/// A burst of up to this long is allowed after an idle spell.
const BURST: Duration = Duration::from_millis(200);

impl RateLimiter {
    pub fn set_limit(&self, bytes_per_second: Option<u64>) {
        *self.state.lock().expect("limiter lock") =
            bytes_per_second.map(|b| Bucket { bytes_per_second: b as f64, free_at: Instant::now() });
    }

    /// Reserves `bytes` and says how long to wait before sending (or after receiving) them.
    pub fn reserve(&self, bytes: usize) -> Duration {
        let mut state = self.state.lock().expect("limiter lock");
        let Some(bucket) = state.as_mut() else { return Duration::ZERO };
        let now = Instant::now();
        let start = bucket.free_at.max(now.checked_sub(BURST).unwrap_or(now));
        bucket.free_at = start + Duration::from_secs_f64(bytes as f64 / bucket.bytes_per_second);
        bucket.free_at.saturating_duration_since(now)
    }

    pub async fn wait(&self, bytes: usize) {
        let delay = self.reserve(bytes);
        if !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_limit_never_waits_and_a_limit_spaces_bytes_out() {
        let limiter = RateLimiter::default();
        assert_eq!(limiter.reserve(1 << 30), Duration::ZERO);
        limiter.set_limit(Some(1024 * 1024));
        let mut last = Duration::ZERO;
        for _ in 0..10 {
            last = limiter.reserve(256 * 1024);
        }
        // 2.5 MiB at 1 MiB/s, less the burst allowance.
        assert!(last > Duration::from_millis(2000) && last <= Duration::from_millis(2500), "{last:?}");
    }
}
