//! Default encryption (`?encryption`): new objects are encrypted with AES256 (SSE-S3) or with
//! aws:kms and a key id. radosgw 16.2 does not know it: GET answers an object listing, PUT
//! InvalidArgument, and DELETE would delete the bucket (trap 1) — the read turns that into
//! UnsupportedByServer and the client's guard never lets the DELETE out. Tested against an S3
//! emulator (moto) for the round trip.

use super::{not_configured_is_none, prove_before_delete, read_error, write_error, SubResource};
use crate::error::{AppError, ErrorCode, Result};
use crate::validation::{refuse_if_blocking, Problem, ProblemCode, Problems};
use aws_sdk_s3::types as sdk;
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum SseAlgorithm {
    #[serde(rename = "AES256")]
    Aes256,
    #[serde(rename = "aws:kms")]
    AwsKms,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct EncryptionByDefault {
    #[serde(rename = "SSEAlgorithm")]
    pub sse_algorithm: SseAlgorithm,
    /// For aws:kms: the key id (ZOS: `cmkuuid:keyspec:userid`; radosgw's testing backend: a name).
    #[serde(rename = "KMSMasterKeyID", default)]
    pub kms_master_key_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct EncryptionRule {
    pub apply_server_side_encryption_by_default: EncryptionByDefault,
    /// S3 Bucket Keys (fewer KMS calls); unset and false mean the same.
    #[serde(default)]
    pub bucket_key_enabled: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct EncryptionConfiguration {
    pub rules: Vec<EncryptionRule>,
}

pub fn check(config: &EncryptionConfiguration) -> Vec<Problem> {
    let mut p = Problems::default();
    match config.rules.len() {
        0 => p.push(Problem::new("Rules", ProblemCode::Required)),
        1 => {}
        _ => p.push(Problem::new("Rules", ProblemCode::TooMany).limit(1)),
    }
    for (i, rule) in config.rules.iter().enumerate() {
        let d = &rule.apply_server_side_encryption_by_default;
        let field = format!("Rules[{i}].ApplyServerSideEncryptionByDefault.KMSMasterKeyID");
        match (d.sse_algorithm, d.kms_master_key_id.as_deref()) {
            (SseAlgorithm::AwsKms, None | Some("")) => p.push(Problem::new(field, ProblemCode::Required)),
            (SseAlgorithm::Aes256, Some(_)) => {
                p.push(Problem::new(field, ProblemCode::Exclusive).detail("AES256"))
            }
            _ => {}
        }
    }
    p.into_vec()
}

pub async fn get(s3: &aws_sdk_s3::Client, bucket: &str) -> Result<Option<EncryptionConfiguration>> {
    let out = s3
        .get_bucket_encryption()
        .bucket(bucket)
        .send()
        .await
        .map_err(|e| read_error(SubResource::Encryption, e));
    // S3 says ServerSideEncryptionConfigurationNotFoundError; the guide names NoSuchEncryptionSetError.
    let out = not_configured_is_none(
        out,
        &[ErrorCode::ServerSideEncryptionConfigurationNotFoundError, ErrorCode::NoSuchEncryptionSetError],
    )?;
    let Some(config) = out.as_ref().and_then(|o| o.server_side_encryption_configuration()) else {
        return Ok(None);
    };
    let rules = config
        .rules()
        .iter()
        .filter_map(|r| r.apply_server_side_encryption_by_default().map(|d| (r, d)))
        .map(|(r, d)| {
            let sse_algorithm = match d.sse_algorithm() {
                sdk::ServerSideEncryption::Aes256 => SseAlgorithm::Aes256,
                sdk::ServerSideEncryption::AwsKms => SseAlgorithm::AwsKms,
                other => {
                    return Err(AppError::new(
                        ErrorCode::Unknown,
                        format!("unknown encryption {other:?} from the server"),
                    ))
                }
            };
            Ok(EncryptionRule {
                apply_server_side_encryption_by_default: EncryptionByDefault {
                    sse_algorithm,
                    kms_master_key_id: d.kms_master_key_id().map(str::to_owned),
                },
                bucket_key_enabled: r.bucket_key_enabled().unwrap_or(false),
            })
        })
        .collect::<Result<_>>()?;
    Ok(Some(EncryptionConfiguration { rules }))
}

pub async fn put(s3: &aws_sdk_s3::Client, bucket: &str, config: &EncryptionConfiguration) -> Result<()> {
    refuse_if_blocking(&check(config))?;
    let rules = config
        .rules
        .iter()
        .map(|r| {
            let d = &r.apply_server_side_encryption_by_default;
            let algorithm = match d.sse_algorithm {
                SseAlgorithm::Aes256 => sdk::ServerSideEncryption::Aes256,
                SseAlgorithm::AwsKms => sdk::ServerSideEncryption::AwsKms,
            };
            let by_default = sdk::ServerSideEncryptionByDefault::builder()
                .sse_algorithm(algorithm)
                .set_kms_master_key_id(d.kms_master_key_id.clone())
                .build()
                .map_err(|e| AppError::invalid_input(e.to_string()))?;
            Ok(sdk::ServerSideEncryptionRule::builder()
                .apply_server_side_encryption_by_default(by_default)
                .set_bucket_key_enabled(r.bucket_key_enabled.then_some(true))
                .build())
        })
        .collect::<Result<Vec<_>>>()?;
    let body = sdk::ServerSideEncryptionConfiguration::builder()
        .set_rules(Some(rules))
        .build()
        .map_err(|e| AppError::invalid_input(e.to_string()))?;
    s3.put_bucket_encryption()
        .bucket(bucket)
        .server_side_encryption_configuration(body)
        .send()
        .await
        .map_err(write_error)?;
    Ok(())
}

pub async fn delete(s3: &aws_sdk_s3::Client, bucket: &str) -> Result<()> {
    prove_before_delete(s3, bucket, SubResource::Encryption).await?;
    s3.delete_bucket_encryption().bucket(bucket).send().await.map_err(write_error)?;
    Ok(())
}
