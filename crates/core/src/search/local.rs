//! Local search, for endpoints without md-search: list the whole bucket, evaluate the query
//! here with `zos_mdsearch::Matcher`, then sort and page like the server (`sort_and_page`).
//!
//! - Current versions only (ListObjectsV2, 1000 a page, `instance` = null), unless the query or
//!   the order names `instance`: then every version (ListObjectVersions, delete markers
//!   skipped), as the server indexes each one. `versioned_epoch` is in no listing or HEAD, so
//!   a condition on it matches nothing here.
//! - Content type and custom metadata are not in listings: when the query or the order key
//!   needs them, each object that the listing alone cannot rule out (see `prefilter.rs`) is
//!   HEADed, 16 at a time. Otherwise no HEAD is made, and hits carry neither.
//! - Caps ([`LocalLimits`]): past them, or when cancelled, the search stops and says why in
//!   `limited`; the page then covers what was examined.
//! - Every match is kept in memory until the end (sorting needs them all): at most the listing
//!   cap's worth of small records.

use super::listing::{Extra, Listed, Lister};
use super::prefilter::Prefilter;
use super::{prepare, SearchEngine, SearchHit, SearchLimit, SearchPage, SearchRequest};
use crate::error::{AppError, ErrorCode, Result};
use crate::objects::head_object_version;
use futures::{stream, StreamExt};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use zos_mdsearch::{needs_head, sort_and_page, Field, Matcher, ObjectFacts};

/// Counts so far, reported at most every [`PROGRESS_EVERY`], plus once at the end.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LocalProgress {
    pub listed: u64,
    pub headed: u64,
    pub matched: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalLimits {
    pub max_listed: u64,
    pub max_heads: u64,
}

impl Default for LocalLimits {
    fn default() -> Self {
        LocalLimits { max_listed: 1_000_000, max_heads: 10_000 }
    }
}

#[derive(Debug, Clone, Default)]
pub struct LocalOptions {
    pub limits: LocalLimits,
    /// Set it to stop the search; checked between pages and between HEADs.
    pub cancel: Option<Arc<AtomicBool>>,
}

pub const HEAD_CONCURRENCY: usize = 16;
pub const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// [`search_local_with`] with the default caps and no cancellation.
pub async fn search_local(
    s3: &aws_sdk_s3::Client,
    request: &SearchRequest,
    progress: impl Fn(LocalProgress) + Send + Sync,
) -> Result<SearchPage> {
    search_local_with(s3, request, &LocalOptions::default(), progress).await
}

pub async fn search_local_with(
    s3: &aws_sdk_s3::Client,
    request: &SearchRequest,
    options: &LocalOptions,
    progress: impl Fn(LocalProgress) + Send + Sync,
) -> Result<SearchPage> {
    let query = prepare(request)?;
    let (mode, order_key) = (request.options.mode, request.options.order.as_ref().map(|o| &o.key));
    let bad_pattern = |e: zos_mdsearch::PatternError| AppError::invalid_input(e.to_string());
    let matcher = Matcher::new(&query, mode).map_err(bad_pattern)?;
    let prefilter = Prefilter::new(&query, mode).map_err(bad_pattern)?;
    let head = needs_head(&query) || order_key.is_some_and(Field::needs_head);
    let versions = order_key == Some(&Field::Instance)
        || query.root.conditions().iter().any(|c| c.field == Field::Instance);
    let limits = options.limits;
    let cancelled = || options.cancel.as_ref().is_some_and(|c| c.load(Ordering::Relaxed));

    let mut run = Run { progress: &progress, counts: LocalProgress::default(), last_report: None };
    let mut matched: Vec<ObjectFacts> = Vec::new();
    let mut extras: HashMap<(String, Option<String>), Extra> = HashMap::new();
    let mut limited = None;
    let mut lister = Lister::new(s3, &request.bucket, versions);
    while !lister.done {
        if cancelled() {
            limited = Some(SearchLimit::Cancelled { listed: run.counts.listed });
            break;
        }
        let mut batch = lister.next_page().await?;
        let room = usize::try_from(limits.max_listed - run.counts.listed).unwrap_or(usize::MAX);
        if batch.len() > room || (batch.len() == room && !lister.done) {
            batch.truncate(room);
            limited = Some(SearchLimit::ListingCap { max: limits.max_listed });
        }
        run.counts.listed += batch.len() as u64;
        let mut candidates = Vec::new();
        for item in batch {
            if head && prefilter.may_match(&item.facts) {
                candidates.push(item);
            } else if !head && matcher.is_match(&item.facts) {
                run.counts.matched += 1;
                keep(item, &mut matched, &mut extras);
            }
        }
        let budget = usize::try_from(limits.max_heads - run.counts.headed).unwrap_or(usize::MAX);
        if candidates.len() > budget {
            candidates.truncate(budget);
            limited = Some(SearchLimit::HeadCap { max: limits.max_heads });
        }
        let bucket = request.bucket.as_str();
        let mut heads = stream::iter(candidates)
            .map(|item| async move {
                // Versions mode HEADs the listed version itself (`null` included).
                let version = versions.then(|| item.facts.instance.clone().unwrap_or_else(|| "null".into()));
                let details = head_object_version(s3, bucket, &item.facts.name, version.as_deref()).await;
                (item, details)
            })
            .buffer_unordered(HEAD_CONCURRENCY);
        while let Some((mut item, details)) = heads.next().await {
            run.counts.headed += 1;
            match details {
                Ok(d) => {
                    item.facts.content_type = d.content_type;
                    item.facts.meta = d.metadata;
                }
                // Deleted since it was listed: no longer there to find.
                Err(e) if e.is(ErrorCode::NoSuchKey) || e.is(ErrorCode::NoSuchVersion) => continue,
                Err(e) => return Err(e),
            }
            if matcher.is_match(&item.facts) {
                run.counts.matched += 1;
                keep(item, &mut matched, &mut extras);
            }
            run.report(false);
            if cancelled() {
                break;
            }
        }
        run.report(false);
        if cancelled() {
            limited = Some(SearchLimit::Cancelled { listed: run.counts.listed });
        }
        if limited.is_some() {
            break;
        }
    }
    run.report(true);
    let page = sort_and_page(matched, &request.options);
    let hits = page
        .items
        .into_iter()
        .map(|f| {
            let extra = extras.remove(&(f.name.clone(), f.instance.clone())).unwrap_or_default();
            SearchHit {
                bucket: f.bucket,
                key: f.name,
                instance: f.instance,
                size: f.size,
                last_modified: extra.last_modified,
                etag: extra.etag,
                content_type: f.content_type,
                storage_class: Some(f.storage_class),
                custom_metadata: f.meta,
            }
        })
        .collect();
    Ok(SearchPage {
        hits,
        is_truncated: page.is_truncated,
        next_marker: page.next_marker,
        engine: SearchEngine::Local,
        scanned: run.counts.listed,
        headed: run.counts.headed,
        limited,
    })
}

struct Run<'a, P> {
    progress: &'a P,
    counts: LocalProgress,
    last_report: Option<Instant>,
}

impl<P: Fn(LocalProgress)> Run<'_, P> {
    fn report(&mut self, last: bool) {
        if last || self.last_report.is_none_or(|t| t.elapsed() >= PROGRESS_EVERY) {
            (self.progress)(self.counts);
            self.last_report = Some(Instant::now());
        }
    }
}

fn keep(item: Listed, matched: &mut Vec<ObjectFacts>, extras: &mut HashMap<(String, Option<String>), Extra>) {
    extras.insert((item.facts.name.clone(), item.facts.instance.clone()), item.extra);
    matched.push(item.facts);
}
