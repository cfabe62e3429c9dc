//! Presigned POST: an HTML form (or a `curl -F` command) that uploads one file straight to a
//! bucket, within the limits of a SigV4 POST policy ("Creating a POST policy", AWS S3 docs).
//! The Rust SDK has no POST presigner, so the policy is written and signed here: the signature
//! is HMAC-SHA256 of the base64 policy with the usual SigV4 signing key (`aws-sigv4`).

use super::{check_expiry, shell_quote, FILE_PLACEHOLDER};
use crate::client::ConnectionSettings;
use crate::error::{AppError, Result};
use aws_sigv4::sign::v4::{calculate_signature, generate_signing_key};
use aws_smithy_types::date_time::Format;
use aws_smithy_types::DateTime;
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use specta::Type;
use std::time::{SystemTime, UNIX_EPOCH};

/// Which keys the form may write: one key, or any key under a prefix (the form's key is then
/// `prefix${filename}`, which S3 replaces with the uploaded file's name).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum KeyRule {
    Exact(String),
    StartsWith(String),
}

/// Which Content-Type the upload may declare. With `StartsWith` the form carries the prefix as
/// a value to complete (a text input in the HTML).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum ContentTypeRule {
    Exact(String),
    StartsWith(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PostFormRequest {
    pub bucket: String,
    pub key: KeyRule,
    pub expires_in_secs: u32,
    pub max_size_bytes: Option<u64>,
    pub min_size_bytes: Option<u64>,
    pub content_type: Option<ContentTypeRule>,
    /// 200, 201 (answers an XML description of the object) or 204 (S3's default).
    pub success_action_status: Option<u16>,
}

/// The form: POST `fields` in this order to `url` as multipart/form-data, then the file as the
/// last part, named `file`. `curl` and `html` are the same form ready to use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PostForm {
    pub url: String,
    pub fields: Vec<(String, String)>,
    pub curl: String,
    pub html: String,
}

/// S3's largest single upload, the upper bound when only a minimum size is asked for.
pub const MAX_SINGLE_UPLOAD: u64 = 5 * 1024 * 1024 * 1024;

/// The signed form of `request`, valid from `now` for its lifetime. `settings` must be the ones
/// the session's client was built from (the secret signs; it is never returned).
pub fn post_form(
    settings: &ConnectionSettings,
    request: &PostFormRequest,
    now: SystemTime,
) -> Result<PostForm> {
    let expires_in = check_expiry(request.expires_in_secs)?;
    crate::client::validate_endpoint(&settings.endpoint)?;
    let (key_field, key_condition) = match &request.key {
        KeyRule::Exact(key) => (key.clone(), json!({ "key": key })),
        KeyRule::StartsWith(prefix) => {
            (format!("{prefix}${{filename}}"), json!(["starts-with", "$key", prefix]))
        }
    };
    crate::objects::validate_key(&key_field)?;
    let now_secs = now
        .duration_since(UNIX_EPOCH)
        .map_err(|_| AppError::invalid_input("the signing time is before 1970"))?
        .as_secs();
    let iso = |secs: u64| DateTime::from_secs(secs as i64).fmt(Format::DateTime).expect("a date after 1970");
    // "2026-12-03T09:09:02Z" → "20261203T090902Z"
    let amz_date: String = iso(now_secs).chars().filter(|c| *c != '-' && *c != ':').collect();
    let credential =
        format!("{}/{}/{}/s3/aws4_request", settings.access_key_id, &amz_date[..8], settings.region);

    let mut fields = vec![("key".to_owned(), key_field)];
    let mut conditions = vec![json!({ "bucket": request.bucket }), key_condition];
    if request.min_size_bytes.is_some() || request.max_size_bytes.is_some() {
        let (min, max) =
            (request.min_size_bytes.unwrap_or(0), request.max_size_bytes.unwrap_or(MAX_SINGLE_UPLOAD));
        if min > max {
            return Err(AppError::invalid_input(format!(
                "the minimum size {min} is above the maximum {max}"
            )));
        }
        conditions.push(json!(["content-length-range", min, max]));
    }
    match &request.content_type {
        Some(ContentTypeRule::Exact(value)) => {
            conditions.push(json!(["eq", "$Content-Type", value]));
            fields.push(("Content-Type".into(), value.clone()));
        }
        Some(ContentTypeRule::StartsWith(prefix)) => {
            conditions.push(json!(["starts-with", "$Content-Type", prefix]));
            fields.push(("Content-Type".into(), prefix.clone()));
        }
        None => {}
    }
    if let Some(status) = request.success_action_status {
        if ![200, 201, 204].contains(&status) {
            return Err(AppError::invalid_input(format!(
                "success_action_status is 200, 201 or 204, not {status}"
            )));
        }
        conditions.push(json!({ "success_action_status": status.to_string() }));
        fields.push(("success_action_status".into(), status.to_string()));
    }
    for (name, value) in
        [("x-amz-credential", credential), ("x-amz-algorithm", ALGORITHM.into()), ("x-amz-date", amz_date)]
    {
        conditions.push(json!({ name: value }));
        fields.push((name.into(), value));
    }
    let policy = json!({ "expiration": iso(now_secs + expires_in.as_secs()), "conditions": conditions });
    let policy = base64::engine::general_purpose::STANDARD.encode(policy.to_string());
    let key = generate_signing_key(&settings.secret_access_key, now, &settings.region, "s3");
    let signature = calculate_signature(key, policy.as_bytes());
    fields.push(("policy".into(), policy));
    fields.push(("x-amz-signature".into(), signature));

    let url = bucket_url(settings, &request.bucket);
    let text_type = matches!(request.content_type, Some(ContentTypeRule::StartsWith(_)));
    Ok(PostForm { curl: curl(&url, &fields), html: html(&url, &fields, text_type), url, fields })
}

const ALGORITHM: &str = "AWS4-HMAC-SHA256";

/// Path style `{endpoint}/{bucket}` (the ZOS default), else `{scheme}://{bucket}.{host}`.
fn bucket_url(settings: &ConnectionSettings, bucket: &str) -> String {
    let endpoint = settings.endpoint.trim().trim_end_matches('/');
    match endpoint.split_once("://") {
        Some((scheme, host)) if !settings.path_style => format!("{scheme}://{bucket}.{host}/"),
        _ => format!("{endpoint}/{bucket}"),
    }
}

/// `--form-string` is curl's `-F` for literal values (a value starting with `@` or `<`, or
/// holding `;type=`, is not read as a file). The file goes last: S3 ignores fields after it.
fn curl(url: &str, fields: &[(String, String)]) -> String {
    let mut out = String::from("curl");
    for (name, value) in fields {
        out.push_str(&format!(" --form-string {}", shell_quote(&format!("{name}={value}"))));
    }
    out.push_str(&format!(" -F {} {}", shell_quote(&format!("file=@{FILE_PLACEHOLDER}")), shell_quote(url)));
    out
}

fn html(url: &str, fields: &[(String, String)], content_type_is_text: bool) -> String {
    let mut out =
        format!("<form action=\"{}\" method=\"post\" enctype=\"multipart/form-data\">\n", escape(url));
    for (name, value) in fields {
        let kind = if content_type_is_text && name == "Content-Type" { "text" } else { "hidden" };
        out.push_str(&format!(
            "  <input type=\"{kind}\" name=\"{}\" value=\"{}\">\n",
            escape(name),
            escape(value)
        ));
    }
    out.push_str(
        "  <input type=\"file\" name=\"file\">\n  <input type=\"submit\" value=\"Upload\">\n</form>\n",
    );
    out
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Decodes a form's policy (tests and diagnostics).
pub fn decode_policy(form: &PostForm) -> Option<Value> {
    let (_, policy) = form.fields.iter().find(|(name, _)| name == "policy")?;
    serde_json::from_slice(&base64::engine::general_purpose::STANDARD.decode(policy).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_form_is_dated_signed_and_escaped() {
        let settings = ConnectionSettings {
            endpoint: "http://s3.example.com:7480/".into(),
            region: "us-east-1".into(),
            path_style: false,
            access_key_id: "AKID".into(),
            secret_access_key: "SECRET/KEY".into(),
            network: Default::default(),
        };
        let request = PostFormRequest {
            bucket: "b".into(),
            key: KeyRule::Exact("a\"<&>'.txt".into()),
            expires_in_secs: 3600,
            max_size_bytes: None,
            min_size_bytes: None,
            content_type: None,
            success_action_status: None,
        };
        let now = UNIX_EPOCH + std::time::Duration::from_secs(1_451_347_200); // 2015-12-29
        let form = post_form(&settings, &request, now).unwrap();
        assert_eq!(form.url, "http://b.s3.example.com:7480/");
        let names: Vec<&str> = form.fields.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            ["key", "x-amz-credential", "x-amz-algorithm", "x-amz-date", "policy", "x-amz-signature"]
        );
        assert_eq!(form.fields[1].1, "AKID/20151229/us-east-1/s3/aws4_request");
        assert_eq!(form.fields[3].1, "20151229T000000Z");
        let policy = decode_policy(&form).unwrap();
        assert_eq!(policy["expiration"], "2015-12-29T01:00:00Z");
        assert_eq!(policy["conditions"][1], json!({ "key": "a\"<&>'.txt" }));
        assert!(form.html.contains("value=\"a&quot;&lt;&amp;&gt;&#39;.txt\""), "{}", form.html);
        assert!(form.curl.starts_with(r#"curl --form-string 'key=a"<&>'\''.txt'"#), "{}", form.curl);
        assert!(form.curl.ends_with(" -F 'file=@<path>' 'http://b.s3.example.com:7480/'"), "{}", form.curl);
        assert!(!format!("{form:?}").contains("SECRET/KEY"));
        let path_style = ConnectionSettings { path_style: true, ..settings };
        assert_eq!(post_form(&path_style, &request, now).unwrap().url, "http://s3.example.com:7480/b");
    }
}
