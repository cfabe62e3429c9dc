//! Cross-origin resource sharing (`?cors`): up to 100 rules, each with origins, methods,
//! allowed and exposed headers, a max age and an id. Checked as radosgw checks (verified: 101
//! rules → InvalidRequest; two `*` in an origin, an id over 255 characters or a method outside
//! the five → MalformedXML).
//!
//! Serialized in boto3's shape (`{"CORSRules": [{"AllowedMethods": …}]}`), also the expert view.

use super::{not_configured_is_none, prove_before_delete, read_error, write_error, SubResource};
use crate::error::{AppError, ErrorCode, Result};
use crate::validation::{refuse_if_blocking, Problem, ProblemCode, Problems};
use aws_sdk_s3::types::{CorsConfiguration as SdkCors, CorsRule as SdkRule};
use serde::{Deserialize, Serialize};
use specta::Type;

pub const MAX_RULES: usize = 100;
pub const MAX_ID_CHARS: usize = 255;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Type)]
#[allow(clippy::upper_case_acronyms)]
pub enum CorsMethod {
    GET,
    PUT,
    HEAD,
    POST,
    DELETE,
}

impl CorsMethod {
    pub const ALL: [CorsMethod; 5] =
        [CorsMethod::GET, CorsMethod::PUT, CorsMethod::HEAD, CorsMethod::POST, CorsMethod::DELETE];

    pub fn as_str(self) -> &'static str {
        match self {
            CorsMethod::GET => "GET",
            CorsMethod::PUT => "PUT",
            CorsMethod::HEAD => "HEAD",
            CorsMethod::POST => "POST",
            CorsMethod::DELETE => "DELETE",
        }
    }

    pub fn parse(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_str() == word)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct CorsRule {
    #[serde(rename = "ID", default)]
    pub id: Option<String>,
    #[serde(rename = "AllowedHeaders", default)]
    pub allowed_headers: Vec<String>,
    #[serde(rename = "AllowedMethods")]
    pub allowed_methods: Vec<CorsMethod>,
    #[serde(rename = "AllowedOrigins")]
    pub allowed_origins: Vec<String>,
    #[serde(rename = "ExposeHeaders", default)]
    pub expose_headers: Vec<String>,
    #[serde(rename = "MaxAgeSeconds", default)]
    pub max_age_seconds: Option<i32>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct CorsConfiguration {
    #[serde(rename = "CORSRules")]
    pub cors_rules: Vec<CorsRule>,
}

impl CorsConfiguration {
    /// Methods in one order, each once: they are a set (radosgw stores them as flags and answers
    /// in its own order), so the form never shows a reordering as a change.
    pub fn normalized(mut self) -> Self {
        for rule in &mut self.cors_rules {
            rule.allowed_methods.sort();
            rule.allowed_methods.dedup();
        }
        self
    }
}

pub fn check(config: &CorsConfiguration) -> Vec<Problem> {
    let mut p = Problems::default();
    if config.cors_rules.is_empty() {
        p.push(Problem::new("CORSRules", ProblemCode::Required));
    }
    p.max_items("CORSRules", &config.cors_rules, MAX_RULES);
    for (i, rule) in config.cors_rules.iter().enumerate() {
        let field = |name: &str| format!("CORSRules[{i}].{name}");
        if let Some(id) = &rule.id {
            if id.chars().count() > MAX_ID_CHARS {
                p.push(Problem::new(field("ID"), ProblemCode::TooLong).limit(MAX_ID_CHARS));
            }
        }
        if rule.allowed_methods.is_empty() {
            p.push(Problem::new(field("AllowedMethods"), ProblemCode::Required));
        }
        if rule.allowed_origins.is_empty() {
            p.push(Problem::new(field("AllowedOrigins"), ProblemCode::Required));
        }
        for (j, origin) in rule.allowed_origins.iter().enumerate() {
            p.required(format!("{}[{j}]", field("AllowedOrigins")), origin);
            if origin.matches('*').count() > 1 {
                p.push(
                    Problem::new(format!("{}[{j}]", field("AllowedOrigins")), ProblemCode::TooManyWildcards)
                        .detail(origin.clone()),
                );
            }
        }
        for (j, header) in rule.allowed_headers.iter().enumerate() {
            p.required(format!("{}[{j}]", field("AllowedHeaders")), header);
            if header.matches('*').count() > 1 {
                p.push(
                    Problem::new(format!("{}[{j}]", field("AllowedHeaders")), ProblemCode::TooManyWildcards)
                        .detail(header.clone()),
                );
            }
        }
        for (j, header) in rule.expose_headers.iter().enumerate() {
            p.required(format!("{}[{j}]", field("ExposeHeaders")), header);
        }
        if rule.max_age_seconds.is_some_and(|s| s < 0) {
            p.push(Problem::new(field("MaxAgeSeconds"), ProblemCode::OutOfRange).limit(0));
        }
    }
    p.into_vec()
}

fn rule_from_sdk(rule: &SdkRule) -> Result<CorsRule> {
    let allowed_methods = rule
        .allowed_methods()
        .iter()
        .map(|m| {
            CorsMethod::parse(m).ok_or_else(|| {
                AppError::new(ErrorCode::Unknown, format!("unknown CORS method {m:?} from the server"))
            })
        })
        .collect::<Result<_>>()?;
    Ok(CorsRule {
        id: rule.id().map(str::to_owned),
        allowed_headers: rule.allowed_headers().to_vec(),
        allowed_methods,
        allowed_origins: rule.allowed_origins().to_vec(),
        expose_headers: rule.expose_headers().to_vec(),
        max_age_seconds: rule.max_age_seconds(),
    })
}

fn to_sdk(config: &CorsConfiguration) -> Result<SdkCors> {
    let rules = config
        .cors_rules
        .iter()
        .map(|r| {
            SdkRule::builder()
                .set_id(r.id.clone())
                .set_allowed_headers(Some(r.allowed_headers.clone()).filter(|h| !h.is_empty()))
                .set_allowed_methods(Some(r.allowed_methods.iter().map(|m| m.as_str().to_owned()).collect()))
                .set_allowed_origins(Some(r.allowed_origins.clone()))
                .set_expose_headers(Some(r.expose_headers.clone()).filter(|h| !h.is_empty()))
                .set_max_age_seconds(r.max_age_seconds)
                .build()
                .map_err(|e| AppError::invalid_input(e.to_string()))
        })
        .collect::<Result<Vec<_>>>()?;
    SdkCors::builder().set_cors_rules(Some(rules)).build().map_err(|e| AppError::invalid_input(e.to_string()))
}

pub async fn get(s3: &aws_sdk_s3::Client, bucket: &str) -> Result<Option<CorsConfiguration>> {
    let out = s3.get_bucket_cors().bucket(bucket).send().await.map_err(|e| read_error(SubResource::Cors, e));
    let Some(out) = not_configured_is_none(out, &[ErrorCode::NoSuchCORSConfiguration])? else {
        return Ok(None);
    };
    let cors_rules = out.cors_rules().iter().map(rule_from_sdk).collect::<Result<_>>()?;
    Ok(Some(CorsConfiguration { cors_rules }.normalized()))
}

pub async fn put(s3: &aws_sdk_s3::Client, bucket: &str, config: &CorsConfiguration) -> Result<()> {
    refuse_if_blocking(&check(config))?;
    s3.put_bucket_cors()
        .bucket(bucket)
        .cors_configuration(to_sdk(config)?)
        .send()
        .await
        .map_err(write_error)?;
    Ok(())
}

pub async fn delete(s3: &aws_sdk_s3::Client, bucket: &str) -> Result<()> {
    prove_before_delete(s3, bucket, SubResource::Cors).await?;
    s3.delete_bucket_cors().bucket(bucket).send().await.map_err(write_error)?;
    Ok(())
}

/// `*` matches any run of characters (S3's CORS wildcard, at most one per pattern).
pub fn wildcard_matches(pattern: &str, value: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == value,
        Some((head, tail)) => {
            value.len() >= head.len() + tail.len() && value.starts_with(head) && value.ends_with(tail)
        }
    }
}

/// The first rule that allows this preflight, as S3 decides: origin matched (with `*`), the
/// method listed, and every requested header matched by an allowed header (case-insensitive).
pub fn matching_rule(
    config: &CorsConfiguration,
    origin: &str,
    method: CorsMethod,
    headers: &[String],
) -> Option<usize> {
    config.cors_rules.iter().position(|rule| {
        rule.allowed_origins.iter().any(|o| wildcard_matches(o, origin))
            && rule.allowed_methods.contains(&method)
            && headers.iter().all(|h| {
                let h = h.trim().to_ascii_lowercase();
                rule.allowed_headers.iter().any(|a| wildcard_matches(&a.to_ascii_lowercase(), &h))
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(origins: &[&str], methods: &[CorsMethod]) -> CorsRule {
        CorsRule {
            allowed_origins: origins.iter().map(|s| s.to_string()).collect(),
            allowed_methods: methods.to_vec(),
            ..Default::default()
        }
    }

    #[test]
    fn checks_name_the_field() {
        let many = CorsConfiguration { cors_rules: vec![rule(&["*"], &[CorsMethod::GET]); 101] };
        assert_eq!(check(&many)[0].code, ProblemCode::TooMany);
        let bad = CorsConfiguration {
            cors_rules: vec![CorsRule {
                id: Some("i".repeat(256)),
                max_age_seconds: Some(-1),
                ..rule(&["http://*.a*"], &[])
            }],
        };
        let found: Vec<_> = check(&bad).into_iter().map(|p| (p.field, p.code)).collect();
        assert_eq!(
            found,
            [
                ("CORSRules[0].ID".into(), ProblemCode::TooLong),
                ("CORSRules[0].AllowedMethods".into(), ProblemCode::Required),
                ("CORSRules[0].AllowedOrigins[0]".into(), ProblemCode::TooManyWildcards),
                ("CORSRules[0].MaxAgeSeconds".into(), ProblemCode::OutOfRange),
            ]
        );
    }

    #[test]
    fn preflight_matching() {
        let mut second = rule(&["https://*.example.com"], &[CorsMethod::PUT]);
        second.allowed_headers = vec!["x-amz-*".into(), "Content-Type".into()];
        let config =
            CorsConfiguration { cors_rules: vec![rule(&["http://a.test"], &[CorsMethod::GET]), second] };
        assert_eq!(matching_rule(&config, "http://a.test", CorsMethod::GET, &[]), Some(0));
        assert_eq!(matching_rule(&config, "http://a.test", CorsMethod::PUT, &[]), None);
        let headers = vec!["X-Amz-Meta-A".to_owned(), "content-type".to_owned()];
        assert_eq!(matching_rule(&config, "https://www.example.com", CorsMethod::PUT, &headers), Some(1));
        assert_eq!(
            matching_rule(&config, "https://www.example.com", CorsMethod::PUT, &["x-other".into()]),
            None
        );
        assert!(!wildcard_matches("https://*.example.com", "https://example.com"));
    }
}
