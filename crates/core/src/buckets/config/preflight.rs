//! The live CORS preflight test: the app sends the `OPTIONS` request a browser would send
//! (unsigned, with `Origin` and `Access-Control-Request-*`), shows what the server answered, and
//! which rule of the bucket's configuration allows it (S3's matching, [`super::cors::matching_rule`]).
//!
//! It travels through the profile's own S3 client (a HEAD request turned into an unsigned
//! OPTIONS by an interceptor), so it reaches the server by the same way as every other request.

use super::cors::{self, CorsMethod};
use crate::error::{AppError, ErrorCode, Result};
use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::context::{
    BeforeDeserializationInterceptorContextRef, BeforeTransmitInterceptorContextMut,
};
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::ConfigBag;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::sync::{Arc, Mutex};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PreflightRequest {
    pub bucket: String,
    /// The object the browser would ask about; `None` asks about the bucket.
    pub key: Option<String>,
    pub origin: String,
    pub method: CorsMethod,
    /// `Access-Control-Request-Headers`, one name each.
    pub headers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PreflightAnswer {
    pub status: u16,
    /// The server allowed it: 2xx with `Access-Control-Allow-Origin`.
    pub allowed: bool,
    /// The `Access-Control-*` (and `Vary`) headers of the answer, as sent.
    pub headers: Vec<(String, String)>,
    /// Index of the bucket's first rule that allows this request (S3's matching), if any.
    pub matched_rule: Option<u32>,
    /// How many rules the bucket has (0: no CORS configuration).
    pub rule_count: u32,
    pub request_id: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Seen {
    status: u16,
    headers: Vec<(String, String)>,
}

#[derive(Debug, Clone)]
struct Preflight {
    origin: String,
    method: CorsMethod,
    headers: Vec<String>,
    seen: Arc<Mutex<Seen>>,
}

impl Intercept for Preflight {
    fn name(&self) -> &'static str {
        "CorsPreflight"
    }

    fn modify_before_transmit(
        &self,
        context: &mut BeforeTransmitInterceptorContextMut<'_>,
        _runtime_components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> std::result::Result<(), BoxError> {
        let request = context.request_mut();
        request.set_method("OPTIONS")?;
        let headers = request.headers_mut();
        // A browser's preflight carries no credentials.
        for name in [
            "authorization",
            "x-amz-date",
            "x-amz-content-sha256",
            "x-amz-security-token",
            "x-amz-user-agent",
        ] {
            headers.remove(name);
        }
        headers.insert("origin", self.origin.clone());
        headers.insert("access-control-request-method", self.method.as_str());
        if !self.headers.is_empty() {
            headers.insert("access-control-request-headers", self.headers.join(", "));
        }
        Ok(())
    }

    fn read_before_deserialization(
        &self,
        context: &BeforeDeserializationInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> std::result::Result<(), BoxError> {
        let response = context.response();
        let mut seen = self.seen.lock().expect("preflight lock");
        seen.status = response.status().as_u16();
        seen.headers = response
            .headers()
            .iter()
            .filter(|(name, _)| {
                let n = name.to_ascii_lowercase();
                n.starts_with("access-control-") || n == "vary" || n == "x-amz-request-id"
            })
            .map(|(name, value)| (name.to_ascii_lowercase(), value.to_owned()))
            .collect();
        Ok(())
    }
}

fn check(request: &PreflightRequest) -> Result<()> {
    let origin = request.origin.trim();
    if origin.is_empty() || !origin.contains("://") {
        return Err(AppError::invalid_input(format!(
            "origin {origin:?}: write it as a browser sends it, e.g. https://www.example.com"
        )));
    }
    if let Some(bad) = request.headers.iter().find(|h| h.trim().is_empty() || h.contains([':', ',', ' '])) {
        return Err(AppError::invalid_input(format!("header name {bad:?}: one name each, without a value")));
    }
    Ok(())
}

pub async fn run(s3: &aws_sdk_s3::Client, request: &PreflightRequest) -> Result<PreflightAnswer> {
    check(request)?;
    let config = cors::get(s3, &request.bucket).await?.unwrap_or_default();
    let headers: Vec<String> = request.headers.iter().map(|h| h.trim().to_owned()).collect();
    let matched_rule = cors::matching_rule(&config, request.origin.trim(), request.method, &headers)
        .map(|i| u32::try_from(i).unwrap_or(u32::MAX));
    let seen = Arc::new(Mutex::new(Seen::default()));
    let interceptor = Preflight {
        origin: request.origin.trim().to_owned(),
        method: request.method,
        headers,
        seen: seen.clone(),
    };
    // The operation's own result does not matter (a 403 answer to OPTIONS is an answer too);
    // only a request that got no answer is an error here.
    let result = match &request.key {
        None => s3
            .head_bucket()
            .bucket(&request.bucket)
            .customize()
            .interceptor(interceptor)
            .send()
            .await
            .map(|_| ())
            .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchBucket)),
        Some(key) => s3
            .head_object()
            .bucket(&request.bucket)
            .key(key)
            .customize()
            .interceptor(interceptor)
            .send()
            .await
            .map(|_| ())
            .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchKey)),
    };
    let seen = seen.lock().expect("preflight lock").clone();
    if seen.status == 0 {
        return Err(result
            .err()
            .unwrap_or_else(|| AppError::new(ErrorCode::Unknown, "no answer to the preflight request")));
    }
    let allowed = (200..300).contains(&seen.status)
        && seen.headers.iter().any(|(n, _)| n == "access-control-allow-origin");
    let request_id = seen.headers.iter().find(|(n, _)| n == "x-amz-request-id").map(|(_, v)| v.clone());
    let headers = seen.headers.into_iter().filter(|(n, _)| n != "x-amz-request-id").collect();
    Ok(PreflightAnswer {
        status: seen.status,
        allowed,
        headers,
        matched_rule,
        rule_count: u32::try_from(config.cors_rules.len()).unwrap_or(u32::MAX),
        request_id,
    })
}
