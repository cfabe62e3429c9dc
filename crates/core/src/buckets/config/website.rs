//! Static website hosting (`?website`): an index suffix and an error key with routing rules, or
//! a redirect of every request to another host — never both. Each routing rule has one
//! condition (a 4xx code or a key prefix) and a redirect that replaces the key prefix or the
//! whole key, never both. radosgw accepts some of these mistakes (both kinds, a 5xx condition —
//! checked), and then behaves in ways nobody asked for; the checks here follow S3.
//!
//! Serialized in boto3's shape (`{"IndexDocument": {"Suffix": …}, …}`), also the expert view.

use super::{not_configured_is_none, prove_before_delete, read_error, write_error, SubResource};
use crate::error::{AppError, ErrorCode, Result};
use crate::validation::{refuse_if_blocking, Problem, ProblemCode, Problems};
use aws_sdk_s3::types as sdk;
use serde::{Deserialize, Serialize};
use specta::Type;

pub const MAX_ROUTING_RULES: usize = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum Protocol {
    Http,
    Https,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct IndexDocument {
    pub suffix: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ErrorDocument {
    pub key: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct RedirectAllRequestsTo {
    pub host_name: String,
    #[serde(default)]
    pub protocol: Option<Protocol>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Condition {
    #[serde(default)]
    pub http_error_code_returned_equals: Option<String>,
    #[serde(default)]
    pub key_prefix_equals: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Redirect {
    #[serde(default)]
    pub host_name: Option<String>,
    #[serde(default)]
    pub http_redirect_code: Option<String>,
    #[serde(default)]
    pub protocol: Option<Protocol>,
    #[serde(default)]
    pub replace_key_prefix_with: Option<String>,
    #[serde(default)]
    pub replace_key_with: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct RoutingRule {
    #[serde(default)]
    pub condition: Option<Condition>,
    pub redirect: Redirect,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct WebsiteConfiguration {
    #[serde(default)]
    pub index_document: Option<IndexDocument>,
    #[serde(default)]
    pub error_document: Option<ErrorDocument>,
    #[serde(default)]
    pub redirect_all_requests_to: Option<RedirectAllRequestsTo>,
    #[serde(default)]
    pub routing_rules: Vec<RoutingRule>,
}

fn status_in(code: &str, class: u16) -> bool {
    code.len() == 3 && code.parse::<u16>().is_ok_and(|c| c / 100 == class)
}

pub fn check(config: &WebsiteConfiguration) -> Vec<Problem> {
    let mut p = Problems::default();
    match &config.redirect_all_requests_to {
        Some(all) => {
            p.required("RedirectAllRequestsTo.HostName", &all.host_name);
            for (set, field) in [
                (config.index_document.is_some(), "IndexDocument"),
                (config.error_document.is_some(), "ErrorDocument"),
                (!config.routing_rules.is_empty(), "RoutingRules"),
            ] {
                if set {
                    p.push(Problem::new(field, ProblemCode::Exclusive).detail("RedirectAllRequestsTo"));
                }
            }
        }
        None => match &config.index_document {
            None => p.push(Problem::new("IndexDocument.Suffix", ProblemCode::Required)),
            Some(index) => {
                p.required("IndexDocument.Suffix", &index.suffix);
                if index.suffix.contains('/') {
                    p.push(
                        Problem::new("IndexDocument.Suffix", ProblemCode::Malformed)
                            .detail("a suffix has no \"/\""),
                    );
                }
            }
        },
    }
    if let Some(error) = &config.error_document {
        p.required("ErrorDocument.Key", &error.key);
    }
    p.max_items("RoutingRules", &config.routing_rules, MAX_ROUTING_RULES);
    for (i, rule) in config.routing_rules.iter().enumerate() {
        let field = |name: &str| format!("RoutingRules[{i}].{name}");
        if let Some(c) = &rule.condition {
            match (&c.http_error_code_returned_equals, &c.key_prefix_equals) {
                (Some(_), Some(_)) => p.push(Problem::new(field("Condition"), ProblemCode::Exclusive)),
                (None, None) => p.push(Problem::new(field("Condition"), ProblemCode::Required)),
                _ => {}
            }
            if let Some(code) = &c.http_error_code_returned_equals {
                if !status_in(code, 4) {
                    p.push(
                        Problem::new(
                            field("Condition.HttpErrorCodeReturnedEquals"),
                            ProblemCode::WrongStatusClass,
                        )
                        .limit(400)
                        .detail(code.clone()),
                    );
                }
            }
        }
        let r = &rule.redirect;
        if r.replace_key_prefix_with.is_some() && r.replace_key_with.is_some() {
            p.push(
                Problem::new(field("Redirect.ReplaceKeyWith"), ProblemCode::Exclusive)
                    .detail("ReplaceKeyPrefixWith"),
            );
        }
        if let Some(code) = &r.http_redirect_code {
            if !status_in(code, 3) {
                p.push(
                    Problem::new(field("Redirect.HttpRedirectCode"), ProblemCode::WrongStatusClass)
                        .limit(300)
                        .detail(code.clone()),
                );
            }
        }
        let empty = r.host_name.is_none()
            && r.http_redirect_code.is_none()
            && r.protocol.is_none()
            && r.replace_key_prefix_with.is_none()
            && r.replace_key_with.is_none();
        if empty {
            p.push(Problem::new(field("Redirect"), ProblemCode::Required));
        }
    }
    p.into_vec()
}

fn protocol_from_sdk(p: Option<&sdk::Protocol>) -> Option<Protocol> {
    match p {
        Some(sdk::Protocol::Https) => Some(Protocol::Https),
        Some(sdk::Protocol::Http) => Some(Protocol::Http),
        _ => None,
    }
}

fn protocol_to_sdk(p: Option<Protocol>) -> Option<sdk::Protocol> {
    p.map(|p| match p {
        Protocol::Http => sdk::Protocol::Http,
        Protocol::Https => sdk::Protocol::Https,
    })
}

fn invalid(e: impl std::fmt::Display) -> AppError {
    AppError::invalid_input(e.to_string())
}

fn to_sdk(config: &WebsiteConfiguration) -> Result<sdk::WebsiteConfiguration> {
    let index = config
        .index_document
        .as_ref()
        .map(|i| sdk::IndexDocument::builder().suffix(&i.suffix).build())
        .transpose()
        .map_err(invalid)?;
    let error = config
        .error_document
        .as_ref()
        .map(|e| sdk::ErrorDocument::builder().key(&e.key).build())
        .transpose()
        .map_err(invalid)?;
    let all = config
        .redirect_all_requests_to
        .as_ref()
        .map(|a| {
            sdk::RedirectAllRequestsTo::builder()
                .host_name(&a.host_name)
                .set_protocol(protocol_to_sdk(a.protocol))
                .build()
        })
        .transpose()
        .map_err(invalid)?;
    let rules = config
        .routing_rules
        .iter()
        .map(|r| {
            let condition = r.condition.as_ref().map(|c| {
                sdk::Condition::builder()
                    .set_http_error_code_returned_equals(c.http_error_code_returned_equals.clone())
                    .set_key_prefix_equals(c.key_prefix_equals.clone())
                    .build()
            });
            let redirect = sdk::Redirect::builder()
                .set_host_name(r.redirect.host_name.clone())
                .set_http_redirect_code(r.redirect.http_redirect_code.clone())
                .set_protocol(protocol_to_sdk(r.redirect.protocol))
                .set_replace_key_prefix_with(r.redirect.replace_key_prefix_with.clone())
                .set_replace_key_with(r.redirect.replace_key_with.clone())
                .build();
            sdk::RoutingRule::builder().set_condition(condition).redirect(redirect).build()
        })
        .collect::<Vec<_>>();
    Ok(sdk::WebsiteConfiguration::builder()
        .set_index_document(index)
        .set_error_document(error)
        .set_redirect_all_requests_to(all)
        .set_routing_rules(Some(rules).filter(|r| !r.is_empty()))
        .build())
}

pub async fn get(s3: &aws_sdk_s3::Client, bucket: &str) -> Result<Option<WebsiteConfiguration>> {
    let out =
        s3.get_bucket_website().bucket(bucket).send().await.map_err(|e| read_error(SubResource::Website, e));
    let Some(out) = not_configured_is_none(out, &[ErrorCode::NoSuchWebsiteConfiguration])? else {
        return Ok(None);
    };
    Ok(Some(WebsiteConfiguration {
        index_document: out.index_document().map(|i| IndexDocument { suffix: i.suffix().to_owned() }),
        error_document: out.error_document().map(|e| ErrorDocument { key: e.key().to_owned() }),
        redirect_all_requests_to: out.redirect_all_requests_to().map(|a| RedirectAllRequestsTo {
            host_name: a.host_name().to_owned(),
            protocol: protocol_from_sdk(a.protocol()),
        }),
        routing_rules: out
            .routing_rules()
            .iter()
            .map(|r| RoutingRule {
                condition: r.condition().map(|c| Condition {
                    http_error_code_returned_equals: c.http_error_code_returned_equals().map(str::to_owned),
                    key_prefix_equals: c.key_prefix_equals().map(str::to_owned),
                }),
                redirect: r
                    .redirect()
                    .map(|d| Redirect {
                        host_name: d.host_name().map(str::to_owned),
                        http_redirect_code: d.http_redirect_code().map(str::to_owned),
                        protocol: protocol_from_sdk(d.protocol()),
                        replace_key_prefix_with: d.replace_key_prefix_with().map(str::to_owned),
                        replace_key_with: d.replace_key_with().map(str::to_owned),
                    })
                    .unwrap_or_default(),
            })
            .collect(),
    }))
}

pub async fn put(s3: &aws_sdk_s3::Client, bucket: &str, config: &WebsiteConfiguration) -> Result<()> {
    refuse_if_blocking(&check(config))?;
    s3.put_bucket_website()
        .bucket(bucket)
        .website_configuration(to_sdk(config)?)
        .send()
        .await
        .map_err(write_error)?;
    Ok(())
}

pub async fn delete(s3: &aws_sdk_s3::Client, bucket: &str) -> Result<()> {
    prove_before_delete(s3, bucket, SubResource::Website).await?;
    s3.delete_bucket_website().bucket(bucket).send().await.map_err(write_error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exclusive_and_class_rules() {
        let both = WebsiteConfiguration {
            index_document: Some(IndexDocument { suffix: "index.html".into() }),
            redirect_all_requests_to: Some(RedirectAllRequestsTo {
                host_name: "x.test".into(),
                protocol: None,
            }),
            ..Default::default()
        };
        assert_eq!(check(&both)[0].code, ProblemCode::Exclusive);
        let rule = RoutingRule {
            condition: Some(Condition {
                http_error_code_returned_equals: Some("500".into()),
                key_prefix_equals: None,
            }),
            redirect: Redirect {
                replace_key_with: Some("a".into()),
                replace_key_prefix_with: Some("b".into()),
                ..Default::default()
            },
        };
        let bad = WebsiteConfiguration {
            index_document: Some(IndexDocument { suffix: "index.html".into() }),
            routing_rules: vec![rule],
            ..Default::default()
        };
        let found: Vec<_> = check(&bad).into_iter().map(|p| (p.field, p.code)).collect();
        assert_eq!(
            found,
            [
                (
                    "RoutingRules[0].Condition.HttpErrorCodeReturnedEquals".into(),
                    ProblemCode::WrongStatusClass
                ),
                ("RoutingRules[0].Redirect.ReplaceKeyWith".into(), ProblemCode::Exclusive),
            ]
        );
        assert_eq!(check(&WebsiteConfiguration::default())[0].field, "IndexDocument.Suffix");
    }
}
