//! Orders and pages local results the way the server answers: sorted by the order key
//! (default: name, ascending), `marker` results skipped, `max_keys` returned, and
//! `NextMarker` = `marker + max_keys` while more remain (RGW's rule; see `options.rs`).

use crate::ast::Field;
use crate::eval::{compare_by, ObjectFacts};
use crate::options::{SearchOptions, MAX_KEYS_LIMIT};

/// One page of local results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub items: Vec<ObjectFacts>,
    pub is_truncated: bool,
    /// The `marker` of the next page, when `is_truncated`.
    pub next_marker: Option<String>,
}

/// Sorts all matching objects and cuts out the page `options` asks for. Ties (equal keys) are
/// broken by bucket, name and instance, so pages never overlap or skip. Out-of-range options
/// are clamped (max keys to 1–10000, a bad marker to 0); validate them first to report them.
pub fn sort_and_page(mut results: Vec<ObjectFacts>, options: &SearchOptions) -> Page {
    let (key, descending) = match &options.order {
        Some(order) => (order.key.clone(), order.descending),
        None => (Field::Name, false),
    };
    results.sort_by(|a, b| {
        compare_by(&key, a, b, descending)
            .then_with(|| a.bucket.cmp(&b.bucket))
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.instance.cmp(&b.instance))
    });
    let offset = usize::try_from(options.offset().unwrap_or(0)).unwrap_or(usize::MAX);
    let max_keys = options.max_keys.clamp(1, MAX_KEYS_LIMIT) as usize;
    let total = results.len();
    let items: Vec<ObjectFacts> = results.into_iter().skip(offset).take(max_keys).collect();
    let end = offset.saturating_add(max_keys);
    let is_truncated = end < total;
    Page { items, is_truncated, next_marker: is_truncated.then(|| end.to_string()) }
}
