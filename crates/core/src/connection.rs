//! "Test connection": one ListBuckets, timed, with the server's clock compared to ours. A key
//! that may not list buckets (AccessDenied) still connects: its signature was accepted, and its
//! buckets are opened by name (bookmarks).

use crate::client::{build_s3_client, ConnectionSettings, ResponseHeaders};
use crate::error::{AppError, ErrorCode, Result};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::time::{Instant, SystemTime};

/// S3 refuses signatures more than 15 minutes off; we warn from 5 minutes on (inclusive).
pub const SKEW_WARNING_SECONDS: i64 = 300;

fn skew_is_worth_a_warning(skew_seconds: i64) -> bool {
    skew_seconds.abs() >= SKEW_WARNING_SECONDS
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionReport {
    pub bucket_count: u32,
    /// False when the key may not list buckets (ListBuckets answered AccessDenied): the key and
    /// secret are good, buckets are opened by name.
    pub can_list_buckets: bool,
    pub latency_ms: u32,
    /// The server's `Date` header, ISO-8601.
    pub server_time: Option<String>,
    /// Server clock minus local clock, in seconds (positive: the server is ahead).
    pub clock_skew_seconds: Option<i64>,
    /// The skew is large enough to warn about (the rule is here, not in the UI).
    pub clock_skew_warning: bool,
}

fn skew_seconds(server_date: &str, local: SystemTime) -> Option<(SystemTime, i64)> {
    let server = httpdate::parse_http_date(server_date).ok()?;
    let skew = match server.duration_since(local) {
        Ok(ahead) => ahead.as_secs() as i64,
        Err(behind) => -(behind.duration().as_secs() as i64),
    };
    Some((server, skew))
}

fn iso(t: SystemTime) -> Option<String> {
    aws_smithy_types::DateTime::from(t).fmt(aws_smithy_types::date_time::Format::DateTime).ok()
}

pub async fn test_connection(settings: &ConnectionSettings) -> Result<ConnectionReport> {
    let s3 = build_s3_client(settings)?;
    let headers = ResponseHeaders::default();
    let started = Instant::now();
    let result = s3.list_buckets().customize().interceptor(headers.clone()).send().await;
    let latency_ms = started.elapsed().as_millis().min(u32::MAX as u128) as u32;
    let skew = headers.get("date").and_then(|d| skew_seconds(&d, SystemTime::now()));
    let report = |bucket_count, can_list_buckets| ConnectionReport {
        bucket_count,
        can_list_buckets,
        latency_ms,
        server_time: skew.and_then(|(t, _)| iso(t)),
        clock_skew_seconds: skew.map(|(_, s)| s),
        clock_skew_warning: skew.is_some_and(|(_, s)| skew_is_worth_a_warning(s)),
    };
    match result {
        Ok(out) => Ok(report(out.buckets().len() as u32, true)),
        Err(e) => {
            let mut err = AppError::from_sdk(e, ErrorCode::NoSuchBucket);
            // A bad signature or an unknown key is SignatureDoesNotMatch / InvalidAccessKeyId;
            // AccessDenied means the key is good and only this call is not granted.
            if err.code == ErrorCode::AccessDenied {
                return Ok(report(0, false));
            }
            if let Some((_, s)) = skew.filter(|(_, s)| skew_is_worth_a_warning(*s)) {
                err.detail =
                    format!("{} (the server's clock differs from this computer's by {s} s)", err.detail);
            }
            Err(err)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn skew_sign_says_who_is_ahead() {
        let local = httpdate::parse_http_date("Wed, 19 May 2021 08:19:15 GMT").unwrap();
        let (_, ahead) = skew_seconds("Wed, 19 May 2021 08:29:15 GMT", local).unwrap();
        assert_eq!(ahead, 600);
        let (_, behind) = skew_seconds("Wed, 19 May 2021 08:19:05 GMT", local).unwrap();
        assert_eq!(behind, -10);
        assert!(skew_seconds("yesterday", local + Duration::from_secs(1)).is_none());
    }

    #[test]
    fn five_minutes_of_skew_is_worth_a_warning() {
        assert!(!skew_is_worth_a_warning(299));
        assert!(skew_is_worth_a_warning(300));
        assert!(skew_is_worth_a_warning(-300));
        assert!(!skew_is_worth_a_warning(-10));
    }
}
