//! Dates as they cross IPC: ISO-8601 strings for single values, epoch milliseconds in lists.

use aws_smithy_types::date_time::Format;
use aws_smithy_types::DateTime;

pub fn iso(dt: &DateTime) -> Option<String> {
    dt.fmt(Format::DateTime).ok()
}

pub fn epoch_millis(dt: &DateTime) -> Option<i64> {
    dt.to_millis().ok()
}

/// Now, in milliseconds since the Unix epoch.
pub fn now_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis().min(i64::MAX as u128) as i64)
}
