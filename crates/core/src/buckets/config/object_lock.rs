//! Object lock (`?object-lock`): whether the bucket has it (only at creation), and its default
//! retention for new objects — GOVERNANCE or COMPLIANCE, for days or for years, never both.
//! There is no DELETE: a rule is removed by a PUT without one. Per-object legal hold and
//! retention are in [`crate::objects::lock`].

use super::{not_configured_is_none, read_error, write_error, SubResource};
use crate::error::{AppError, ErrorCode, Result};
use crate::validation::{refuse_if_blocking, Problem, ProblemCode, Problems};
use aws_sdk_s3::types as sdk;
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RetentionMode {
    /// Users with s3:BypassGovernanceRetention may still delete, when they say so.
    Governance,
    /// Nobody can delete or shorten it, not even the root user.
    Compliance,
}

impl RetentionMode {
    pub(crate) fn from_sdk(mode: &str) -> Result<Self> {
        match mode {
            "GOVERNANCE" => Ok(RetentionMode::Governance),
            "COMPLIANCE" => Ok(RetentionMode::Compliance),
            other => Err(AppError::new(
                ErrorCode::Unknown,
                format!("unknown retention mode {other:?} from the server"),
            )),
        }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            RetentionMode::Governance => "GOVERNANCE",
            RetentionMode::Compliance => "COMPLIANCE",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct DefaultRetention {
    pub mode: RetentionMode,
    #[serde(default)]
    pub days: Option<i32>,
    #[serde(default)]
    pub years: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ObjectLockRule {
    pub default_retention: DefaultRetention,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ObjectLockConfiguration {
    /// Always true on a bucket that has object lock (it cannot be turned off).
    pub object_lock_enabled: bool,
    #[serde(default)]
    pub rule: Option<ObjectLockRule>,
}

pub fn check(config: &ObjectLockConfiguration) -> Vec<Problem> {
    let mut p = Problems::default();
    if !config.object_lock_enabled {
        p.push(Problem::new("ObjectLockEnabled", ProblemCode::Required));
    }
    if let Some(rule) = &config.rule {
        let r = &rule.default_retention;
        match (r.days, r.years) {
            (Some(_), Some(_)) => {
                p.push(Problem::new("Rule.DefaultRetention.Years", ProblemCode::Exclusive).detail("Days"))
            }
            (None, None) => p.push(Problem::new("Rule.DefaultRetention.Days", ProblemCode::Required)),
            _ => {}
        }
        for (field, value) in
            [("Rule.DefaultRetention.Days", r.days), ("Rule.DefaultRetention.Years", r.years)]
        {
            if value.is_some_and(|v| v < 1) {
                p.push(Problem::new(field, ProblemCode::OutOfRange).limit(1));
            }
        }
    }
    p.into_vec()
}

/// `None`: the bucket was created without object lock.
pub async fn get(s3: &aws_sdk_s3::Client, bucket: &str) -> Result<Option<ObjectLockConfiguration>> {
    let out = s3
        .get_object_lock_configuration()
        .bucket(bucket)
        .send()
        .await
        .map_err(|e| read_error(SubResource::ObjectLock, e));
    let Some(out) = not_configured_is_none(out, &[ErrorCode::ObjectLockConfigurationNotFoundError])? else {
        return Ok(None);
    };
    let Some(config) = out.object_lock_configuration() else { return Ok(None) };
    let rule = match config.rule().and_then(|r| r.default_retention()) {
        None => None,
        Some(d) => Some(ObjectLockRule {
            default_retention: DefaultRetention {
                mode: RetentionMode::from_sdk(d.mode().map(|m| m.as_str()).unwrap_or_default())?,
                days: d.days(),
                years: d.years(),
            },
        }),
    };
    Ok(Some(ObjectLockConfiguration {
        object_lock_enabled: config.object_lock_enabled() == Some(&sdk::ObjectLockEnabled::Enabled),
        rule,
    }))
}

pub async fn put(s3: &aws_sdk_s3::Client, bucket: &str, config: &ObjectLockConfiguration) -> Result<()> {
    refuse_if_blocking(&check(config))?;
    let rule = config.rule.as_ref().map(|r| {
        let d = &r.default_retention;
        sdk::ObjectLockRule::builder()
            .default_retention(
                sdk::DefaultRetention::builder()
                    .mode(sdk::ObjectLockRetentionMode::from(d.mode.as_str()))
                    .set_days(d.days)
                    .set_years(d.years)
                    .build(),
            )
            .build()
    });
    let body = sdk::ObjectLockConfiguration::builder()
        .object_lock_enabled(sdk::ObjectLockEnabled::Enabled)
        .set_rule(rule)
        .build();
    s3.put_object_lock_configuration()
        .bucket(bucket)
        .object_lock_configuration(body)
        .send()
        .await
        .map_err(write_error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_years_never_both() {
        let config = |days, years| ObjectLockConfiguration {
            object_lock_enabled: true,
            rule: Some(ObjectLockRule {
                default_retention: DefaultRetention { mode: RetentionMode::Governance, days, years },
            }),
        };
        assert_eq!(check(&config(Some(1), Some(1)))[0].code, ProblemCode::Exclusive);
        assert_eq!(check(&config(None, None))[0].code, ProblemCode::Required);
        assert_eq!(check(&config(Some(0), None))[0].code, ProblemCode::OutOfRange);
        assert!(check(&config(None, Some(7))).is_empty());
    }
}
