//! Metadata search (the guide's `md_search`), two ways to one [`SearchPage`]:
//! - [`search_server`]: RGW's md-search, `GET /{bucket}?query=…`, answered by a zone with the
//!   Elasticsearch sync module (which may be another endpoint: the caller passes a client built
//!   for it);
//! - [`search_local`]: lists the bucket (and HEADs candidates when the query or order needs
//!   content type or custom metadata) and evaluates the query here, for servers without it.
//!
//! The grammar, the request's parameters and the evaluator are `zos_mdsearch`'s; this module
//! only moves bytes. A query that does not parse, or options out of range, are refused with
//! `InvalidInput` before any request is sent.

mod listing;
mod local;
mod prefilter;
mod response;
mod running;
mod server;

pub use local::{search_local, search_local_with, LocalLimits, LocalOptions, LocalProgress};
pub use response::parse_response;
pub use running::{Registration, RunningSearches};
pub use server::{search_server, NO_SERVER_SEARCH};

use crate::error::{AppError, Result};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::BTreeMap;
/// The grammar's types, for the commands and the UI's query builder.
pub use zos_mdsearch::{Query, SearchOptions};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SearchRequest {
    pub bucket: String,
    /// The query as the user typed it, e.g. `size>=1048576 and name==*.mp4`.
    pub query: String,
    pub options: SearchOptions,
}

/// One object found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub bucket: String,
    pub key: String,
    /// The version id; `None` for the null version (RGW answers `null`) and for the current
    /// versions a local search lists.
    pub instance: Option<String>,
    pub size: u64,
    /// ISO 8601, UTC.
    pub last_modified: Option<String>,
    /// As S3 writes it, with its quotes.
    pub etag: Option<String>,
    /// Local search: known only when the object was HEADed (see [`SearchPage::headed`]).
    pub content_type: Option<String>,
    pub storage_class: Option<String>,
    /// Names without `x-amz-meta-`. Local search: known only when the object was HEADed.
    pub custom_metadata: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum SearchEngine {
    /// The server's md-search endpoint.
    Server,
    /// Listed and evaluated here.
    Local,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SearchPage {
    pub hits: Vec<SearchHit>,
    pub is_truncated: bool,
    /// The `marker` of the next page (a result offset, in decimal), when `is_truncated`.
    pub next_marker: Option<String>,
    pub engine: SearchEngine,
    /// Objects listed (local search only; 0 for the server).
    pub scanned: u64,
    /// HEAD requests made (local search only).
    pub headed: u64,
    /// Why a local search stopped before the end of the bucket (a cap, or cancelled): its
    /// results then cover only what was examined.
    pub limited: Option<SearchLimit>,
}

/// Why a local search stopped early; the UI says each in the user's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum SearchLimit {
    /// The user cancelled it after `listed` objects.
    Cancelled { listed: u64 },
    /// It listed its maximum of objects.
    ListingCap { max: u64 },
    /// It made its maximum of HEAD requests; objects past them were not examined.
    HeadCap { max: u64 },
}

/// Parses the query and checks the options: the common first step of both executors.
pub(crate) fn prepare(request: &SearchRequest) -> Result<Query> {
    if request.bucket.trim().is_empty() {
        return Err(AppError::invalid_input("Choose the bucket to search."));
    }
    let query = zos_mdsearch::parse(&request.query).map_err(|e| AppError::invalid_input(e.message()))?;
    request.options.validate().map_err(|e| AppError::invalid_input(e.message()))?;
    Ok(query)
}

/// A query as typed: the typed tree and canonical text, or the first problem (for the search
/// box and the query builder, which stay in sync through this and [`print_query`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct QueryCheck {
    pub query: Option<Query>,
    pub canonical: Option<String>,
    pub problem: Option<zos_mdsearch::ParseError>,
}

pub fn check_query(text: &str) -> QueryCheck {
    match zos_mdsearch::parse(text) {
        Ok(query) => {
            QueryCheck { canonical: Some(zos_mdsearch::print(&query)), query: Some(query), problem: None }
        }
        Err(problem) => QueryCheck { query: None, canonical: None, problem: Some(problem) },
    }
}

pub fn print_query(query: &Query) -> String {
    zos_mdsearch::print(query)
}

/// Runs a search with the engine asked for: the server one on `session`'s search endpoint,
/// the local one on its S3 endpoint, with `options` (cancel flag, caps) and `progress`.
/// A bounded or cancelled local search is said in [`SearchPage::limited`].
pub async fn search(
    session: &crate::session::Session,
    request: &SearchRequest,
    engine: SearchEngine,
    options: &LocalOptions,
    progress: impl Fn(LocalProgress) + Send + Sync,
) -> Result<SearchPage> {
    match engine {
        SearchEngine::Server => search_server(session.search_s3(), request).await,
        SearchEngine::Local => search_local_with(session.s3(), request, options, progress).await,
    }
}
