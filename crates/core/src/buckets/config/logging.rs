//! Access logging (`?logging`): log records go to a target bucket under a prefix, with optional
//! grants; `None` turns logging off (an empty BucketLoggingStatus; there is no DELETE).
//!
//! radosgw 16.2 answers GET with an empty status but PUT with 405: a GET alone cannot show that
//! it lacks logging. So when the GET says "off", [`get`] sends the same "off" back — a PUT that
//! changes nothing on any server that knows logging — and a 405 or 501 to it makes the editor
//! UnsupportedByServer. Tested against an S3 emulator (moto) for the round trip.

use super::acl::{Grantee, GranteeType};
use super::capabilities::{classify, unsupported_error, Support};
use super::{read_error, write_error, SubResource};
use crate::error::{AppError, Result};
use crate::validation::{refuse_if_blocking, Problem, ProblemCode, Problems};
use aws_sdk_s3::types as sdk;
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum LogPermission {
    FullControl,
    Read,
    Write,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct TargetGrant {
    pub grantee: Grantee,
    pub permission: LogPermission,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct LoggingEnabled {
    pub target_bucket: String,
    pub target_prefix: String,
    #[serde(default)]
    pub target_grants: Vec<TargetGrant>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct BucketLogging {
    /// `None`: logging is off.
    #[serde(default)]
    pub logging_enabled: Option<LoggingEnabled>,
}

pub fn check(config: &BucketLogging) -> Vec<Problem> {
    let mut p = Problems::default();
    if let Some(on) = &config.logging_enabled {
        p.required("LoggingEnabled.TargetBucket", &on.target_bucket);
        if let Some(problem) = crate::buckets::check_bucket_name(&on.target_bucket).problem {
            if !on.target_bucket.is_empty() {
                p.push(
                    Problem::new("LoggingEnabled.TargetBucket", ProblemCode::Malformed)
                        .detail(format!("{problem:?}")),
                );
            }
        }
        for (i, g) in on.target_grants.iter().enumerate() {
            let field = |name: &str| format!("LoggingEnabled.TargetGrants[{i}].Grantee.{name}");
            match g.grantee.kind {
                GranteeType::CanonicalUser => {
                    p.required(field("ID"), g.grantee.id.as_deref().unwrap_or_default())
                }
                GranteeType::AmazonCustomerByEmail => {
                    p.required(field("EmailAddress"), g.grantee.email_address.as_deref().unwrap_or_default())
                }
                GranteeType::Group => p.required(field("URI"), g.grantee.uri.as_deref().unwrap_or_default()),
            }
        }
    }
    p.into_vec()
}

fn grantee_to_sdk(g: &Grantee) -> Result<sdk::Grantee> {
    let kind = match g.kind {
        GranteeType::CanonicalUser => sdk::Type::CanonicalUser,
        GranteeType::AmazonCustomerByEmail => sdk::Type::AmazonCustomerByEmail,
        GranteeType::Group => sdk::Type::Group,
    };
    sdk::Grantee::builder()
        .r#type(kind)
        .set_id(g.id.clone())
        .set_display_name(g.display_name.clone())
        .set_email_address(g.email_address.clone())
        .set_uri(g.uri.clone())
        .build()
        .map_err(|e| AppError::invalid_input(e.to_string()))
}

fn status_to_sdk(config: &BucketLogging) -> Result<sdk::BucketLoggingStatus> {
    let enabled = config
        .logging_enabled
        .as_ref()
        .map(|on| -> Result<_> {
            let grants = on
                .target_grants
                .iter()
                .map(|g| {
                    let permission = match g.permission {
                        LogPermission::FullControl => sdk::BucketLogsPermission::FullControl,
                        LogPermission::Read => sdk::BucketLogsPermission::Read,
                        LogPermission::Write => sdk::BucketLogsPermission::Write,
                    };
                    Ok(sdk::TargetGrant::builder()
                        .grantee(grantee_to_sdk(&g.grantee)?)
                        .permission(permission)
                        .build())
                })
                .collect::<Result<Vec<_>>>()?;
            sdk::LoggingEnabled::builder()
                .target_bucket(&on.target_bucket)
                .target_prefix(&on.target_prefix)
                .set_target_grants(Some(grants).filter(|g| !g.is_empty()))
                .build()
                .map_err(|e| AppError::invalid_input(e.to_string()))
        })
        .transpose()?;
    Ok(sdk::BucketLoggingStatus::builder().set_logging_enabled(enabled).build())
}

async fn send(s3: &aws_sdk_s3::Client, bucket: &str, config: &BucketLogging) -> Result<()> {
    let status = status_to_sdk(config)?;
    match s3.put_bucket_logging().bucket(bucket).bucket_logging_status(status).send().await {
        Ok(_) => Ok(()),
        Err(e) => {
            let unsupported = e
                .raw_response()
                .and_then(|r| classify(r.status().as_u16(), r.body().bytes().unwrap_or_default()));
            match unsupported {
                Some(Support::Unsupported { why }) => Err(unsupported_error(SubResource::Logging, why)),
                _ => Err(write_error(e)),
            }
        }
    }
}

pub async fn get(s3: &aws_sdk_s3::Client, bucket: &str) -> Result<BucketLogging> {
    let out = s3
        .get_bucket_logging()
        .bucket(bucket)
        .send()
        .await
        .map_err(|e| read_error(SubResource::Logging, e))?;
    let Some(on) = out.logging_enabled() else {
        // Off: the same "off" again, to learn whether this server can ever turn it on.
        send(s3, bucket, &BucketLogging::default()).await?;
        return Ok(BucketLogging::default());
    };
    let target_grants = on
        .target_grants()
        .iter()
        .filter_map(|g| g.grantee().map(|grantee| (grantee, g.permission())))
        .map(|(g, permission)| {
            let kind = match g.r#type() {
                sdk::Type::AmazonCustomerByEmail => GranteeType::AmazonCustomerByEmail,
                sdk::Type::Group => GranteeType::Group,
                _ => GranteeType::CanonicalUser,
            };
            TargetGrant {
                grantee: Grantee {
                    kind,
                    id: g.id().map(str::to_owned),
                    display_name: g.display_name().map(str::to_owned),
                    email_address: g.email_address().map(str::to_owned),
                    uri: g.uri().map(str::to_owned),
                },
                permission: match permission {
                    Some(sdk::BucketLogsPermission::FullControl) => LogPermission::FullControl,
                    Some(sdk::BucketLogsPermission::Write) => LogPermission::Write,
                    _ => LogPermission::Read,
                },
            }
        })
        .collect();
    Ok(BucketLogging {
        logging_enabled: Some(LoggingEnabled {
            target_bucket: on.target_bucket().to_owned(),
            target_prefix: on.target_prefix().to_owned(),
            target_grants,
        }),
    })
}

/// Turns logging on (to the target) or off (`logging_enabled: None`).
pub async fn put(s3: &aws_sdk_s3::Client, bucket: &str, config: &BucketLogging) -> Result<()> {
    refuse_if_blocking(&check(config))?;
    send(s3, bucket, config).await
}
