//! The server's md-search: `GET /{bucket}?query=…&qmode=…[&qorder=…&qorderkey=…]&max-keys=…
//! [&marker=…]` (parameters from `zos_mdsearch::to_query_params`), signed by the caller's
//! client. The SDK has no such operation, so the request travels as GetBucketLocation with its
//! whole query replaced (as `buckets::config::capabilities::probe` does): same signing, retries
//! and guards as every other request, and the path (path-style or virtual-host) is the SDK's.
//! Every value is percent-encoded in full (test-server trap 5: radosgw checks SigV4 over the
//! query as sent).

use super::response::parse_response;
use super::{prepare, SearchPage, SearchRequest};
use crate::client::RawBody;
use crate::error::{AppError, ErrorCode, Result};
use crate::zos_wire::encode_query_value;

pub use super::response::NO_SERVER_SEARCH;

/// One page of the server's results. Errors: `InvalidInput` (query or options, nothing sent),
/// `UnsupportedByServer` ([`NO_SERVER_SEARCH`]: the endpoint listed the bucket instead), the
/// server's own codes (e.g. `InvalidArgument` for a query its parser refuses, `NoSuchBucket`).
pub async fn search_server(s3: &aws_sdk_s3::Client, request: &SearchRequest) -> Result<SearchPage> {
    let query = prepare(request)?;
    let query_string = zos_mdsearch::to_query_params(&query, &request.options)
        .iter()
        .map(|(name, value)| format!("{}={}", encode_query_value(name), encode_query_value(value)))
        .collect::<Vec<_>>()
        .join("&");
    let raw = RawBody::default();
    let result = s3
        .get_bucket_location()
        .bucket(&request.bucket)
        .customize()
        .interceptor(raw.clone())
        .mutate_request(move |req| {
            let uri = req.uri().to_owned();
            let base = uri.split_once('?').map_or(uri.as_str(), |(path, _)| path);
            req.set_uri(format!("{base}?{query_string}")).expect("a URI with the search query");
        })
        .send()
        .await;
    // A 2xx answer is never a location, so the SDK reports it as an unparsable one: its body
    // (kept by the interceptor) is what counts. Anything else is the server's error.
    let body = raw.take();
    match (body, result) {
        (Some(body), _) => parse_response(&body),
        (None, Err(e)) => Err(AppError::from_sdk(e, ErrorCode::NoSuchBucket)),
        (None, Ok(_)) => {
            Err(AppError::new(ErrorCode::Unknown, "the search endpoint answered without a body"))
        }
    }
}
