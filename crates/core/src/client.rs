//! The S3 and SNS client factory, tuned for radosgw / ZOS.
//!
//! - path-style addressing by default (ZOS endpoints are plain `http://host:7480`);
//! - request checksums and response checksum validation only "when required": recent AWS SDKs
//!   otherwise send aws-chunked bodies with a CRC trailer, which radosgw rejects with
//!   `XAmzContentSHA256Mismatch` (test-server trap 2);
//! - a connection that carried a request body answered by an error is never reused: civetweb
//!   leaves the unread body on the socket and the next request on it fails (trap 7);
//! - bounded connect/read timeouts and the SDK's standard retries.

use crate::buckets::config::capabilities::{Capabilities, DeleteGuard};
use crate::error::{AppError, ErrorCode, Result};
use crate::network::{http_client, NetworkSettings};
use aws_credential_types::Credentials;
use aws_sdk_s3::config::{
    retry::RetryConfig, timeout::TimeoutConfig, BehaviorVersion, Region, RequestChecksumCalculation,
    ResponseChecksumValidation,
};
use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::connection::CaptureSmithyConnection;
use aws_smithy_runtime_api::client::interceptors::context::{
    AfterDeserializationInterceptorContextRef, BeforeDeserializationInterceptorContextRef,
    BeforeTransmitInterceptorContextMut,
};
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::{ConfigBag, Storable, StoreReplace};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Everything needed to reach one endpoint as one user. The secret is only held in memory, for
/// the lifetime of a client; `Debug` never prints it.
#[derive(Clone)]
pub struct ConnectionSettings {
    pub endpoint: String,
    pub region: String,
    pub path_style: bool,
    pub access_key_id: String,
    pub secret_access_key: String,
    /// The profile's own CA and proxy ([`crate::network`]); the default is the system's.
    pub network: NetworkSettings,
}

impl std::fmt::Debug for ConnectionSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConnectionSettings")
            .field("endpoint", &self.endpoint)
            .field("region", &self.region)
            .field("path_style", &self.path_style)
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"** redacted **")
            .field("network", &self.network)
            .finish()
    }
}

pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
pub const READ_TIMEOUT: Duration = Duration::from_secs(60);

/// Wire defaults (retries, timeouts, checksum and proxy behaviour) are pinned to a dated
/// version: an SDK upgrade cannot change them silently. Move it on purpose, with the tests.
pub fn behavior_version() -> BehaviorVersion {
    BehaviorVersion::v2026_01_12()
}

/// Checks the endpoint before any request is built, so that a typo gets a clear message. The
/// rule itself lives with the profile form's checks ([`crate::profiles::endpoint_problem`]).
pub fn validate_endpoint(endpoint: &str) -> Result<()> {
    match crate::profiles::endpoint_problem(endpoint) {
        Some((_, why)) => Err(AppError::new(ErrorCode::InvalidEndpoint, format!("{endpoint:?}: {why}"))),
        None => Ok(()),
    }
}

/// What is wrong with a region for this addressing style; `None` when it may be used. The SDK's
/// S3 endpoint rules build host names from the region and refuse, before anything is sent
/// ("Invalid region: region was not a valid DNS name.", which would reach the user as a failed
/// connection), a region that is no DNS name (parts between dots of 1 to 63 letters, digits or
/// `-`, not starting with `-`) for ListBuckets, and one with a dot for a bucket's requests in
/// virtual-host style. Beyond that any region works with radosgw, which checks a signature
/// with the region the request names (crates/core/tests/addressing_rgw.rs).
pub fn region_problem(region: &str, path_style: bool) -> Option<RegionProblem> {
    let label = |part: &str| {
        (1..=63).contains(&part.len())
            && !part.starts_with('-')
            && part.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    if !region.split('.').all(label) {
        return Some(RegionProblem::NotDnsName);
    }
    if !path_style && region.contains('.') {
        return Some(RegionProblem::DotWithVirtualHost);
    }
    None
}

/// What is wrong with a region ([`region_problem`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegionProblem {
    /// Not parts of letters, digits and `-` between dots.
    NotDnsName,
    /// A `.` in it, with virtual-host addressing.
    DotWithVirtualHost,
}

impl RegionProblem {
    /// English, for logs and errors (the UI says it in its own words).
    pub fn detail(self) -> &'static str {
        match self {
            Self::NotDnsName => "a region is letters, digits and '-' (for example us-east-1, cn or default)",
            Self::DotWithVirtualHost => {
                "with virtual-host addressing a region has no '.' (or use path style)"
            }
        }
    }
}

/// Checks the region before any request is built ([`region_problem`]).
pub fn validate_region(region: &str, path_style: bool) -> Result<()> {
    match region_problem(region, path_style) {
        Some(why) => Err(AppError::invalid_input(format!("region {region:?}: {}", why.detail()))),
        None => Ok(()),
    }
}

fn credentials(settings: &ConnectionSettings) -> Credentials {
    Credentials::new(
        settings.access_key_id.clone(),
        settings.secret_access_key.clone(),
        None,
        None,
        "zos-browser-profile",
    )
}

fn timeouts() -> TimeoutConfig {
    TimeoutConfig::builder().connect_timeout(CONNECT_TIMEOUT).read_timeout(READ_TIMEOUT).build()
}

/// A client with its own, empty [`Capabilities`]: what it learns stays with it.
pub fn build_s3_client(settings: &ConnectionSettings) -> Result<aws_sdk_s3::Client> {
    build_s3_client_with(settings, Capabilities::default())
}

/// A client whose sub-resource GETs fill `capabilities` and whose DELETEs are guarded by them
/// (a session's: see [`crate::buckets::config::capabilities`]).
pub fn build_s3_client_with(
    settings: &ConnectionSettings,
    capabilities: Capabilities,
) -> Result<aws_sdk_s3::Client> {
    let config = s3_config(settings, capabilities)?.interceptor(NoReuseAfterRejectedBody).build();
    Ok(aws_sdk_s3::Client::from_conf(config))
}

/// The same client without the guard against reusing a connection after a rejected body: only
/// for the test that proves the guard is needed (crates/core/tests/buckets_rgw.rs).
#[doc(hidden)]
pub fn build_s3_client_without_connection_guard(settings: &ConnectionSettings) -> Result<aws_sdk_s3::Client> {
    Ok(aws_sdk_s3::Client::from_conf(s3_config(settings, Capabilities::default())?.build()))
}

/// Every S3 client is built here, so every one carries the [`DeleteGuard`].
fn s3_config(
    settings: &ConnectionSettings,
    capabilities: Capabilities,
) -> Result<aws_sdk_s3::config::Builder> {
    validate_endpoint(&settings.endpoint)?;
    validate_region(&settings.region, settings.path_style)?;
    let mut builder = aws_sdk_s3::Config::builder();
    if let Some(client) = http_client(&settings.network)? {
        builder = builder.http_client(client);
    }
    Ok(builder
        .behavior_version(behavior_version())
        .endpoint_url(settings.endpoint.trim().trim_end_matches('/'))
        .region(Region::new(settings.region.clone()))
        .credentials_provider(credentials(settings))
        .force_path_style(settings.path_style)
        .request_checksum_calculation(RequestChecksumCalculation::WhenRequired)
        .response_checksum_validation(ResponseChecksumValidation::WhenRequired)
        .timeout_config(timeouts())
        .retry_config(RetryConfig::standard().with_max_attempts(3))
        .interceptor(DeleteGuard::new(capabilities, settings.path_style)))
}

/// SNS (topics) lives on the same endpoint as S3 in radosgw.
pub fn build_sns_client(settings: &ConnectionSettings) -> Result<aws_sdk_sns::Client> {
    validate_endpoint(&settings.endpoint)?;
    let mut builder = aws_sdk_sns::Config::builder();
    if let Some(client) = http_client(&settings.network)? {
        builder = builder.http_client(client);
    }
    let config = builder
        .behavior_version(behavior_version())
        .endpoint_url(settings.endpoint.trim().trim_end_matches('/'))
        .region(aws_sdk_sns::config::Region::new(settings.region.clone()))
        .credentials_provider(credentials(settings))
        .timeout_config(timeouts())
        .retry_config(RetryConfig::standard().with_max_attempts(3))
        .build();
    Ok(aws_sdk_sns::Client::from_conf(config))
}

/// Poisons the pooled connection when a request that carried a body gets an error status.
#[derive(Debug)]
struct NoReuseAfterRejectedBody;

/// Marks, per request, that it carried a body (stored in the request's config bag).
#[derive(Debug, Clone)]
struct RequestHadBody;

impl Storable for RequestHadBody {
    type Storer = StoreReplace<Self>;
}

impl Intercept for NoReuseAfterRejectedBody {
    fn name(&self) -> &'static str {
        "NoReuseAfterRejectedBody"
    }

    fn modify_before_transmit(
        &self,
        context: &mut BeforeTransmitInterceptorContextMut<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let request = context.request();
        let has_body = matches!(request.method(), "PUT" | "POST")
            && request.body().content_length().is_none_or(|len| len > 0);
        if has_body {
            cfg.interceptor_state().store_put(RequestHadBody);
        }
        Ok(())
    }

    fn read_after_transmit(
        &self,
        context: &BeforeDeserializationInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        if context.response().status().as_u16() < 400 || cfg.load::<RequestHadBody>().is_none() {
            return Ok(());
        }
        // The SDK's own poisoning interceptor stores the connection capture in the bag.
        if let Some(connection) = cfg.load::<CaptureSmithyConnection>().and_then(|c| c.get()) {
            tracing::debug!("error answer to a request with a body: not reusing its connection");
            connection.poison();
        }
        Ok(())
    }
}

/// Captures the response headers of one operation: the SDK's typed outputs drop headers it does
/// not model (`x-rgw-object-count`, `x-rgw-object-type`, `Date`). Attach per call with
/// `.customize().interceptor(capture.clone())`.
#[derive(Debug, Clone, Default)]
pub struct ResponseHeaders(Arc<Mutex<BTreeMap<String, String>>>);

impl ResponseHeaders {
    pub fn get(&self, name: &str) -> Option<String> {
        self.0.lock().expect("header capture lock").get(&name.to_ascii_lowercase()).cloned()
    }
}

impl Intercept for ResponseHeaders {
    fn name(&self) -> &'static str {
        "ResponseHeaders"
    }

    fn read_after_transmit(
        &self,
        context: &BeforeDeserializationInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let mut map = self.0.lock().expect("header capture lock");
        map.clear();
        for (name, value) in context.response().headers().iter() {
            map.insert(name.to_ascii_lowercase(), value.to_owned());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_are_checked_before_use() {
        assert!(validate_endpoint("http://127.0.0.1:7480").is_ok());
        assert!(validate_endpoint("https://zos.example.com/").is_ok());
        for bad in ["127.0.0.1:7480", "ftp://x", "http://", "http://h/bucket", "not a url"] {
            let err = validate_endpoint(bad).unwrap_err();
            assert_eq!(err.code, ErrorCode::InvalidEndpoint, "{bad}");
        }
    }

    #[test]
    fn regions_are_dns_names_without_dots_in_virtual_host_style() {
        for good in ["cn", "us-east-1", "default", "ZOS-Region-1"] {
            assert_eq!(region_problem(good, false), None, "{good}");
            assert_eq!(region_problem(good, true), None, "{good}");
        }
        assert_eq!(region_problem("eu.west", true), None);
        assert_eq!(region_problem("eu.west", false), Some(RegionProblem::DotWithVirtualHost));
        for bad in ["", "My Region", "区域", "a/b", "x_y", "-a", "a..b", &"x".repeat(64)] {
            for path_style in [true, false] {
                let err = validate_region(bad, path_style).unwrap_err();
                assert_eq!(err.code, ErrorCode::InvalidInput, "{bad}");
                assert!(err.detail.contains("letters, digits and '-'"), "{bad}: {err:?}");
            }
        }
    }

    #[test]
    fn debug_never_prints_the_secret() {
        let s = ConnectionSettings {
            endpoint: "http://h".into(),
            region: "default".into(),
            path_style: true,
            access_key_id: "AK".into(),
            secret_access_key: "very-secret-value".into(),
            network: NetworkSettings::default(),
        };
        assert!(!format!("{s:?}").contains("very-secret-value"));
    }
}

/// Keeps the body of a 2xx answer, whatever the SDK's model made of it: for requests the SDK
/// carries but cannot read (radosgw's notification filters, md-search answers).
#[derive(Debug, Clone, Default)]
pub(crate) struct RawBody(Arc<Mutex<Option<Vec<u8>>>>);

impl RawBody {
    /// The body of the 2xx answer, if there was one.
    pub(crate) fn take(&self) -> Option<Vec<u8>> {
        self.0.lock().expect("raw body lock").take()
    }
}

impl Intercept for RawBody {
    fn name(&self) -> &'static str {
        "RawBody"
    }

    fn read_after_deserialization(
        &self,
        context: &AfterDeserializationInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> std::result::Result<(), BoxError> {
        if context.response().status().is_success() {
            *self.0.lock().expect("raw body lock") = context.response().body().bytes().map(<[u8]>::to_vec);
        }
        Ok(())
    }
}
