//! Editing an object's metadata (content type, cache-control, content-disposition, …, user
//! metadata) and storage class in place: S3 has no "set metadata", so the object is copied onto
//! itself with `MetadataDirective: REPLACE`.
//!
//! # What radosgw 16.2 does (each checked against it, `tests/object_details_rgw.rs`)
//! - The copy **drops the tags** (whatever `TaggingDirective` says, trap 10) and **resets the
//!   ACL** to the owner's FULL_CONTROL: both are read before and put back after.
//! - `x-amz-copy-source-if-match` is **ignored**; radosgw reads `x-amz-copy-if-match` instead
//!   (412 PreconditionFailed when it does not match). Both are sent, so that a change by someone
//!   else between opening the editor and saving is refused, not overwritten. (An ETag only
//!   changes with the bytes: the HEAD just before the copy also compares the last-modified time
//!   the user saw, and `If-Unmodified-Since` cannot help — a matching If-Match overrides it.)
//! - A copy does not carry the object lock of the source: the retention and legal hold the
//!   object had are put on the new version.
//! - An encrypted source (SSE-KMS, SSE-C) cannot be copied at all: 501 NotImplemented.
//! - An Appendable object comes out Normal (no further appends: `ObjectNotAppendable`): refused.
//! - A storage class the zone does not have answers 400 InvalidArgument, and nothing changes.
//! - Metadata names are stored lowercase, and `_` becomes `-` (`a_b` → `a-b`): `_` is refused
//!   here rather than silently renamed. radosgw sets no size limit; S3's 2 KiB is enforced here.
//! - In a versioned bucket the copy is a new version; the old one stays, with its metadata.

use super::head::head;
use super::lock::{self, ObjectVersionRef, Retention};
use super::{copy_source, validate_key, ObjectDetails};
use crate::buckets::config::acl::{self, AclChange, AclTarget};
use crate::buckets::config::object_lock::RetentionMode;
use crate::buckets::config::tagging;
use crate::error::{AppError, ErrorCode, Result};
use crate::validation::{refuse_if_blocking, Problem, ProblemCode, Problems};
use aws_sdk_s3::types::{MetadataDirective, ServerSideEncryption, StorageClass};
use aws_smithy_types::date_time::Format;
use aws_smithy_types::DateTime;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::HashMap;

/// User metadata, names and values as sent, in all (S3's limit; radosgw sets none).
pub const MAX_METADATA_BYTES: usize = 2048;
/// CopyObject copies at most 5 GiB.
pub const MAX_COPY_BYTES: u64 = 5 * 1024 * 1024 * 1024;
/// radosgw's name of the copy-source If-Match header (it ignores the S3 one).
const RGW_COPY_IF_MATCH: &str = "x-amz-copy-if-match";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MetadataPair {
    pub name: String,
    /// As the user reads it: a value that is not printable ASCII is sent RFC 2047-encoded.
    pub value: String,
}

/// The whole new metadata of an object: every field replaces the old one (`None` or empty:
/// the header is not sent, so the server's default applies).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MetadataEdit {
    pub content_type: Option<String>,
    pub cache_control: Option<String>,
    /// A non-ASCII file name (`attachment; filename="报告.pdf"`) is sent as RFC 5987
    /// `filename*=UTF-8''…` with an ASCII fallback.
    pub content_disposition: Option<String>,
    pub content_encoding: Option<String>,
    pub content_language: Option<String>,
    /// ISO-8601 (`2030-01-02T03:04:05Z`) or an HTTP date; sent as an HTTP date.
    pub expires: Option<String>,
    /// Blank rows (name and value empty) are skipped.
    pub metadata: Vec<MetadataPair>,
    /// `None`: the object keeps its class.
    pub storage_class: Option<String>,
    /// The ETag the user saw when opening the editor: the save is refused if it changed.
    pub expected_etag: Option<String>,
    /// The last-modified time (ISO-8601) the user saw: likewise.
    pub expected_last_modified: Option<String>,
}

fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// RFC 7230 `tchar`, the characters of an HTTP header name.
fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

fn printable_ascii(v: &str) -> bool {
    v.bytes().all(|b| (0x20..0x7f).contains(&b) || b == b'\t')
}

/// `Content-Disposition` as it can travel in a header: as given when ASCII; a non-ASCII file
/// name as `filename*=UTF-8''…` (the one place other than metadata values where people write
/// Chinese); anything else non-ASCII is an error (the reason).
fn disposition_header(value: &str) -> std::result::Result<String, &'static str> {
    if printable_ascii(value) {
        return Ok(value.to_owned());
    }
    let (kind, params) = value.split_once(';').ok_or("only a file name may hold non-ASCII characters")?;
    let kind = kind.trim();
    if !kind.bytes().all(is_tchar) || kind.is_empty() {
        return Err("the disposition type is a word such as attachment or inline");
    }
    let name = params
        .trim()
        .strip_prefix("filename")
        .map(str::trim_start)
        .and_then(|r| r.strip_prefix('='))
        .map(|r| r.trim().trim_matches('"'))
        .filter(|n| !n.is_empty() && !n.contains('"') && !n.contains(';'))
        .ok_or("only a file name (filename=\"…\") may hold non-ASCII characters")?;
    let attachment = crate::sharing::attachment(name);
    Ok(format!("{kind}{}", &attachment["attachment".len()..]))
}

fn parse_expires(v: &str) -> Option<DateTime> {
    DateTime::from_str(v, Format::DateTime).or_else(|_| DateTime::from_str(v, Format::HttpDate)).ok()
}

fn check_storage_class(v: &str) -> bool {
    !v.is_empty() && v.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

fn check_content_type(v: &str) -> bool {
    let main = v.split(';').next().unwrap_or_default().trim();
    match main.split_once('/') {
        Some((t, s)) => !t.is_empty() && !s.is_empty() && t.bytes().all(is_tchar) && s.bytes().all(is_tchar),
        None => false,
    }
}

/// Every problem of the edit, found without any request, in the order of the form.
pub fn check_metadata_edit(edit: &MetadataEdit) -> Vec<Problem> {
    let mut p = Problems::default();
    let malformed =
        |field: &str, why: &str| Problem::new(field, ProblemCode::Malformed).detail(why.to_owned());
    if let Some(v) = given(&edit.content_type) {
        if !check_content_type(v) {
            p.push(malformed("ContentType", "not of the form type/subtype"));
        }
    }
    for (field, value) in [
        ("CacheControl", &edit.cache_control),
        ("ContentEncoding", &edit.content_encoding),
        ("ContentLanguage", &edit.content_language),
    ] {
        if let Some(v) = given(value) {
            if !printable_ascii(v) {
                p.push(malformed(field, "ASCII characters only"));
            }
        }
    }
    if let Some(v) = given(&edit.content_disposition) {
        if let Err(why) = disposition_header(v) {
            p.push(malformed("ContentDisposition", why));
        }
    }
    if let Some(v) = given(&edit.expires) {
        if parse_expires(v).is_none() {
            p.push(malformed("Expires", "not a date (ISO-8601 or an HTTP date)"));
        }
    }
    if let Some(v) = given(&edit.storage_class) {
        if !check_storage_class(v) {
            p.push(malformed("StorageClass", "capital letters, digits and _ only (STANDARD, STANDARD_IA…)"));
        }
    }
    p.0.extend(check_user_metadata(&edit.metadata));
    p.into_vec()
}

/// User metadata as S3 and radosgw take it: names are HTTP header tokens (no `_`, which radosgw
/// silently stores as `-`), unique whatever their case; names and values take at most 2 KiB as
/// sent (values RFC 2047-encoded when not ASCII). Blank rows are skipped. Problems name
/// `Metadata[i].Name` or `Metadata`. The rule for every place that writes user metadata.
pub fn check_user_metadata(metadata: &[MetadataPair]) -> Vec<Problem> {
    let mut p = Problems::default();
    let malformed =
        |field: &str, why: &str| Problem::new(field, ProblemCode::Malformed).detail(why.to_owned());
    let mut seen = std::collections::HashSet::new();
    let mut bytes = 0;
    for (i, pair) in metadata.iter().enumerate() {
        if pair.name.is_empty() && pair.value.is_empty() {
            continue;
        }
        let field = format!("Metadata[{i}].Name");
        if pair.name.is_empty() {
            p.push(Problem::new(field, ProblemCode::Required));
            continue;
        }
        if pair.name.contains('_') && pair.name.bytes().all(is_tchar) {
            p.push(
                Problem::new(field, ProblemCode::NotAllowed).detail("radosgw stores _ as -: write - instead"),
            );
        } else if !pair.name.bytes().all(|b| is_tchar(b) && b != b'_') {
            p.push(malformed(&field, "letters, digits and ! # $ % & ' * + - . ^ ` | ~ only"));
        } else if !seen.insert(pair.name.to_ascii_lowercase()) {
            // Header names are not case-sensitive: "Owner" and "owner" are one name.
            p.push(Problem::new(field, ProblemCode::Duplicate).detail(pair.name.clone()));
        }
        bytes += pair.name.len() + super::metadata::encode_rfc2047(&pair.value).len();
    }
    if bytes > MAX_METADATA_BYTES {
        p.push(
            Problem::new("Metadata", ProblemCode::TooLong)
                .limit(MAX_METADATA_BYTES)
                .detail(format!("{bytes} bytes")),
        );
    }
    p.into_vec()
}

/// The object as it was read just before the copy: what the copy must keep.
struct Before {
    details: ObjectDetails,
    tags: tagging::TagSet,
    acl: acl::AccessControlPolicy,
}

/// Replaces the metadata (and storage class) of the current version of `key`, keeping its
/// bytes, tags, ACL and object lock, and returns the details read back. Refused before any
/// change when the edit has a problem, the object changed since the user saw it, is larger than
/// 5 GiB, is Appendable, or its tags or ACL cannot be read (they would be lost).
pub async fn update_object_metadata(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    key: &str,
    edit: &MetadataEdit,
) -> Result<ObjectDetails> {
    update_object_metadata_racing(s3, bucket, key, edit, std::future::ready(())).await
}

/// [`update_object_metadata`] that runs `between` after reading the object and before copying
/// it: tests change the object there, as someone else could.
#[doc(hidden)]
pub async fn update_object_metadata_racing(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    key: &str,
    edit: &MetadataEdit,
    between: impl std::future::Future<Output = ()>,
) -> Result<ObjectDetails> {
    validate_key(key)?;
    refuse_if_blocking(&check_metadata_edit(edit))?;
    let before = read_before(s3, bucket, key, edit).await?;
    between.await;
    copy_onto_itself(s3, bucket, key, edit, &before.details).await?;
    restore(s3, bucket, key, &before).await?;
    super::head_object(s3, bucket, key).await
}

async fn read_before(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    key: &str,
    edit: &MetadataEdit,
) -> Result<Before> {
    let details = super::head_object(s3, bucket, key).await?;
    let changed = |what: &str| {
        AppError::new(
            ErrorCode::PreconditionFailed,
            format!("the object changed since you opened it ({what} differs); nothing was saved"),
        )
    };
    if let Some(expected) = given(&edit.expected_etag) {
        if details.etag.as_deref() != Some(expected) {
            return Err(changed("ETag"));
        }
    }
    if let Some(expected) = given(&edit.expected_last_modified) {
        let same = match (DateTime::from_str(expected, Format::DateTime), details.last_modified.as_deref()) {
            (Ok(seen), Some(now)) => {
                DateTime::from_str(now, Format::DateTime).is_ok_and(|now| now.secs() == seen.secs())
            }
            _ => false,
        };
        if !same {
            return Err(changed("last modified"));
        }
    }
    if details.size > MAX_COPY_BYTES {
        return Err(AppError::new(
            ErrorCode::EntityTooLarge,
            format!(
                "the object has {} bytes; metadata is changed by a copy, and one copy takes at most 5 GiB",
                details.size
            ),
        ));
    }
    if details.object_type.as_deref() == Some("Appendable") {
        return Err(AppError::invalid_input(
            "an Appendable object becomes a normal one when its metadata is changed (no more appends); nothing was changed",
        ));
    }
    let keep = |what: &'static str| {
        move |e: AppError| AppError {
            detail: format!("its {what} cannot be read, and saving would lose them: {}", e.detail),
            ..e
        }
    };
    let tags =
        tagging::get_object(s3, bucket, key, details.version_id.as_deref()).await.map_err(keep("tags"))?;
    let target = AclTarget {
        bucket: bucket.to_owned(),
        key: Some(key.to_owned()),
        version_id: details.version_id.clone(),
    };
    let acl = acl::get(s3, &target).await.map_err(keep("access control list"))?;
    Ok(Before { details, tags, acl })
}

async fn copy_onto_itself(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    key: &str,
    edit: &MetadataEdit,
    before: &ObjectDetails,
) -> Result<()> {
    let metadata: HashMap<String, String> = edit
        .metadata
        .iter()
        .filter(|p| !p.name.is_empty())
        .map(|p| (p.name.to_ascii_lowercase(), super::metadata::encode_rfc2047(&p.value)))
        .collect();
    let owned = |v: &Option<String>| given(v).map(str::to_owned);
    let class = given(&edit.storage_class).map(str::to_owned).or_else(|| before.storage_class.clone());
    let etag = before.etag.clone().unwrap_or_default();
    let mut request = s3
        .copy_object()
        .bucket(bucket)
        .key(key)
        .copy_source(copy_source(bucket, key))
        .metadata_directive(MetadataDirective::Replace)
        .set_metadata(Some(metadata))
        .set_content_type(owned(&edit.content_type))
        .set_cache_control(owned(&edit.cache_control))
        .set_content_disposition(
            given(&edit.content_disposition).map(|v| disposition_header(v).unwrap_or_default()),
        )
        .set_content_encoding(owned(&edit.content_encoding))
        .set_content_language(owned(&edit.content_language))
        .set_expires(given(&edit.expires).and_then(parse_expires))
        .set_website_redirect_location(before.website_redirect_location.clone())
        // S3 gives a copy STANDARD unless told: say the class it has, or the new one.
        .set_storage_class(class.as_deref().map(StorageClass::from))
        .set_copy_source_if_match(before.etag.clone());
    // Encryption is not copied either: ask for the same (radosgw 16.2 refuses such copies).
    match before.server_side_encryption.as_deref() {
        Some("aws:kms") => {
            request = request
                .server_side_encryption(ServerSideEncryption::AwsKms)
                .set_ssekms_key_id(before.sse_kms_key_id.clone())
        }
        Some(other) => request = request.server_side_encryption(ServerSideEncryption::from(other)),
        None => {}
    }
    let changing_class =
        given(&edit.storage_class).is_some_and(|c| Some(c) != before.storage_class.as_deref());
    let encrypted = before.server_side_encryption.is_some() || before.sse_customer_algorithm.is_some();
    request
        .customize()
        .mutate_request(move |req| {
            if !etag.is_empty() {
                req.headers_mut().insert(RGW_COPY_IF_MATCH, etag.clone());
            }
        })
        .send()
        .await
        .map_err(|e| {
            let e = AppError::from_sdk(e, ErrorCode::NoSuchKey);
            match e.code {
                ErrorCode::PreconditionFailed => AppError {
                    detail: "the object changed since you opened it; nothing was saved".into(),
                    ..e
                },
                ErrorCode::NotImplemented if encrypted => AppError {
                    detail: "this server cannot copy an encrypted object, so its metadata cannot be changed in place; nothing was changed".into(),
                    ..e
                },
                ErrorCode::InvalidArgument if changing_class => AppError {
                    code: ErrorCode::InvalidStorageClass,
                    detail: format!(
                        "the server has no storage class {:?}; nothing was changed",
                        edit.storage_class.as_deref().unwrap_or_default().trim()
                    ),
                    ..e
                },
                _ => e,
            }
        })?;
    Ok(())
}

/// Puts back what the copy dropped: tags, ACL, object lock (on the new version, if any).
async fn restore(s3: &aws_sdk_s3::Client, bucket: &str, key: &str, before: &Before) -> Result<()> {
    let saved_but = |what: &'static str| {
        move |e: AppError| AppError {
            detail: format!("the metadata was saved, but its {what} could not be put back: {}", e.detail),
            ..e
        }
    };
    let (now, _) = head(s3, bucket, key, None, None).await?;
    let version = now.version_id().map(str::to_owned);
    if !before.tags.tag_set.is_empty() {
        tagging::put_object(s3, bucket, key, version.as_deref(), &before.tags)
            .await
            .map_err(saved_but("tags"))?;
    }
    let target =
        AclTarget { bucket: bucket.to_owned(), key: Some(key.to_owned()), version_id: version.clone() };
    acl::put(s3, &target, &AclChange::Policy(before.acl.clone()))
        .await
        .map_err(saved_but("access control list"))?;

    let was = &before.details;
    let target = ObjectVersionRef { bucket: bucket.to_owned(), key: key.to_owned(), version_id: version };
    if was.object_lock_legal_hold == Some(true)
        && now.object_lock_legal_hold_status() != Some(&aws_sdk_s3::types::ObjectLockLegalHoldStatus::On)
    {
        lock::put_legal_hold(s3, &target, true).await.map_err(saved_but("legal hold"))?;
    }
    if let (Some(mode), Some(until)) = (&was.object_lock_mode, &was.object_lock_retain_until) {
        if now.object_lock_mode().is_none() {
            let retention = Retention { mode: RetentionMode::from_sdk(mode)?, retain_until: until.clone() };
            lock::put_retention(s3, &target, &retention, false).await.map_err(saved_but("retention"))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(name: &str, value: &str) -> MetadataPair {
        MetadataPair { name: name.into(), value: value.into() }
    }

    fn problems(edit: &MetadataEdit) -> Vec<(String, ProblemCode)> {
        check_metadata_edit(edit).into_iter().map(|p| (p.field, p.code)).collect()
    }

    #[test]
    fn names_are_header_tokens_without_underscore_and_unique() {
        let edit = MetadataEdit {
            metadata: vec![
                pair("Owner", "a"),
                pair("owner", "b"),
                pair("a_b", "c"),
                pair("has space", "d"),
                pair("", "orphan value"),
                pair("", ""),
                pair("项目", "e"),
                pair("ok.name-1~", "项目报告"),
            ],
            ..Default::default()
        };
        assert_eq!(
            problems(&edit),
            [
                ("Metadata[1].Name".into(), ProblemCode::Duplicate),
                ("Metadata[2].Name".into(), ProblemCode::NotAllowed),
                ("Metadata[3].Name".into(), ProblemCode::Malformed),
                ("Metadata[4].Name".into(), ProblemCode::Required),
                ("Metadata[6].Name".into(), ProblemCode::Malformed),
            ]
        );
    }

    #[test]
    fn metadata_is_at_most_2_kib_as_sent() {
        // 1 + 2047 bytes: just fits; Chinese values count as their RFC 2047 form.
        let fits = MetadataEdit { metadata: vec![pair("a", &"v".repeat(2047))], ..Default::default() };
        assert!(check_metadata_edit(&fits).is_empty());
        let over = MetadataEdit { metadata: vec![pair("a", &"项".repeat(520))], ..Default::default() };
        let p = check_metadata_edit(&over);
        assert_eq!(
            (p[0].field.as_str(), p[0].code, p[0].limit),
            ("Metadata", ProblemCode::TooLong, Some(2048))
        );
    }

    #[test]
    fn system_headers_are_checked() {
        let edit = MetadataEdit {
            content_type: Some("text".into()),
            cache_control: Some("max-age=60，public".into()),
            content_disposition: Some("附件".into()),
            content_language: Some("zh-CN".into()),
            expires: Some("tomorrow".into()),
            storage_class: Some("cold".into()),
            ..Default::default()
        };
        let fields: Vec<_> = problems(&edit).into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["ContentType", "CacheControl", "ContentDisposition", "Expires", "StorageClass"]);
        let good = MetadataEdit {
            content_type: Some("text/plain; charset=utf-8".into()),
            cache_control: Some("max-age=3600, public".into()),
            content_disposition: Some("attachment; filename=\"报告 1.pdf\"".into()),
            expires: Some("2030-01-02T03:04:05Z".into()),
            storage_class: Some("STANDARD_IA".into()),
            ..Default::default()
        };
        assert!(check_metadata_edit(&good).is_empty());
        assert!(parse_expires("Wed, 02 Jan 2030 03:04:05 GMT").is_some());
    }

    #[test]
    fn a_chinese_file_name_is_sent_as_rfc_5987() {
        assert_eq!(
            disposition_header("inline; filename=\"报告.pdf\"").unwrap(),
            "inline; filename=\"__.pdf\"; filename*=UTF-8''%E6%8A%A5%E5%91%8A.pdf"
        );
        assert_eq!(disposition_header("attachment; filename=a.txt").unwrap(), "attachment; filename=a.txt");
        assert!(disposition_header("attachment; size=大").is_err());
    }
}
