//! Sharing links: presigned GET links (of one version, optionally as a download), presigned PUT
//! links and, in [`post`], presigned POST forms for browser uploads. Every link lives from
//! [`MIN_URL_SECS`] to [`MAX_URL_SECS`] (the same rule as the image links); nothing returned here
//! carries the secret key, only signatures made with it.

pub mod post;

use crate::error::{AppError, ErrorCode, Result};
/// Presigned links live from one minute to seven days (SigV4's limit); image links too.
pub const MIN_URL_SECS: u32 = 60;
pub const MAX_URL_SECS: u32 = 7 * 24 * 3600;
use aws_sdk_s3::presigning::PresigningConfig;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::time::{Duration, SystemTime};

/// The object a link points at; `version_id` pins one version (else the latest).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ShareTarget {
    pub bucket: String,
    pub key: String,
    pub version_id: Option<String>,
}

/// A presigned upload: the uploader sends `method` to `url` with exactly these `headers`
/// (they are signed). `curl` is the same request as a command line, the file as `<path>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct UploadLink {
    pub url: String,
    pub method: String,
    pub headers: Vec<(String, String)>,
    pub curl: String,
}

/// Where the command lines leave the local file to upload.
pub const FILE_PLACEHOLDER: &str = "<path>";

/// The lifetime rule shared by every link, checked before anything is signed.
pub fn check_expiry(expires_in_secs: u32) -> Result<Duration> {
    if !(MIN_URL_SECS..=MAX_URL_SECS).contains(&expires_in_secs) {
        return Err(AppError::invalid_input(format!(
            "a link lives from {MIN_URL_SECS} seconds to {MAX_URL_SECS} seconds (7 days), not {expires_in_secs}"
        )));
    }
    Ok(Duration::from_secs(u64::from(expires_in_secs)))
}

/// `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): the value for
/// `response_content_disposition` that makes browsers download under `file_name`. The plain
/// `filename` is an ASCII fallback for old clients.
pub fn attachment(file_name: &str) -> String {
    let ascii: String = file_name
        .chars()
        .map(|c| if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' { c } else { '_' })
        .collect();
    let mut encoded = String::new();
    for b in file_name.bytes() {
        // RFC 5987 attr-char passes as is; everything else is %XX.
        if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
            encoded.push(b as char);
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// A presigned GET of the object (of its version when given), valid from now.
pub async fn get_link(
    s3: &aws_sdk_s3::Client,
    target: &ShareTarget,
    expires_in_secs: u32,
    response_content_disposition: Option<String>,
) -> Result<String> {
    get_link_at(s3, target, expires_in_secs, response_content_disposition, SystemTime::now()).await
}

/// [`get_link`] signed as of `start`: tests sign in the past to get an expired link.
#[doc(hidden)]
pub async fn get_link_at(
    s3: &aws_sdk_s3::Client,
    target: &ShareTarget,
    expires_in_secs: u32,
    response_content_disposition: Option<String>,
    start: SystemTime,
) -> Result<String> {
    let config = presigning(expires_in_secs, start)?;
    crate::objects::validate_key(&target.key)?;
    let presigned = s3
        .get_object()
        .bucket(&target.bucket)
        .key(&target.key)
        .set_version_id(target.version_id.clone())
        .set_response_content_disposition(response_content_disposition)
        .presigned(config)
        .await
        .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchKey))?;
    Ok(presigned.uri().to_owned())
}

/// A presigned PUT of `bucket/key`. With a `content_type` the type is signed: the uploader must
/// send that `content-type` header (it is in [`UploadLink::headers`]).
pub async fn put_link(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    key: &str,
    expires_in_secs: u32,
    content_type: Option<String>,
) -> Result<UploadLink> {
    let config = presigning(expires_in_secs, SystemTime::now())?;
    crate::objects::validate_key(key)?;
    let presigned = s3
        .put_object()
        .bucket(bucket)
        .key(key)
        .set_content_type(content_type)
        .presigned(config)
        .await
        .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchBucket))?;
    let headers: Vec<(String, String)> = presigned
        .headers()
        .filter(|(name, _)| !name.eq_ignore_ascii_case("host"))
        .map(|(name, value)| (name.to_owned(), value.to_owned()))
        .collect();
    let mut curl = String::from("curl -X PUT");
    for (name, value) in &headers {
        curl.push_str(&format!(" -H {}", shell_quote(&format!("{name}: {value}"))));
    }
    curl.push_str(&format!(" -T {} {}", shell_quote(FILE_PLACEHOLDER), shell_quote(presigned.uri())));
    Ok(UploadLink { url: presigned.uri().to_owned(), method: "PUT".into(), headers, curl })
}

fn presigning(expires_in_secs: u32, start: SystemTime) -> Result<PresigningConfig> {
    let expires_in = check_expiry(expires_in_secs)?;
    PresigningConfig::builder()
        .start_time(start)
        .expires_in(expires_in)
        .build()
        .map_err(|e| AppError::invalid_input(e.to_string()))
}

/// One shell word, single-quoted (`'` itself as `'\''`).
pub(crate) fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// A GET link; with `download_name`, browsers save it under that name (`attachment`).
pub async fn share_link(
    s3: &aws_sdk_s3::Client,
    target: &ShareTarget,
    expires_in_secs: u32,
    download_name: Option<&str>,
) -> Result<String> {
    get_link(s3, target, expires_in_secs, download_name.map(attachment)).await
}

/// A POST form signed with a profile's keys: the secret is read from the keyring for the
/// signature and goes nowhere else.
pub async fn profile_post_form(
    profiles: &crate::profiles::ProfileService,
    profile_id: &str,
    request: &post::PostFormRequest,
) -> Result<post::PostForm> {
    let profile = profiles.get(profile_id).await?;
    let settings = profiles.settings(&profile, None).await?;
    post::post_form(&settings, request, SystemTime::now())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attachment_names_are_ascii_with_an_utf8_form() {
        assert_eq!(
            attachment("日落 \"1\".jpg"),
            "attachment; filename=\"__ _1_.jpg\"; filename*=UTF-8''%E6%97%A5%E8%90%BD%20%221%22.jpg"
        );
    }

    #[test]
    fn lifetimes_outside_60s_to_7_days_are_refused() {
        assert!(check_expiry(59).is_err() && check_expiry(MAX_URL_SECS + 1).is_err());
        assert_eq!(check_expiry(60).unwrap(), Duration::from_secs(60));
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
    }
}
