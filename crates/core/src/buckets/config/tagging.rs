//! Tags of a bucket (`?tagging`, ≤ 50) and of an object or one of its versions (≤ 10). Keys of
//! 1–128 and values of 0–256 **bytes**: radosgw counts UTF-8 bytes (43 Chinese characters are
//! 129 bytes: refused with InvalidTag, checked). A PUT replaces all tags.
//!
//! Serialized in boto3's shape (`{"TagSet": [{"Key", "Value"}]}`), which is also the expert view.

use super::{prove_before_delete, read_error, write_error, SubResource};
use crate::error::{AppError, ErrorCode, Result};
use crate::validation::{refuse_if_blocking, Problem, ProblemCode, Problems};
use aws_sdk_s3::types::{Tag as SdkTag, Tagging};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::HashSet;

pub const MAX_BUCKET_TAGS: usize = 50;
pub const MAX_OBJECT_TAGS: usize = 10;
pub const MAX_KEY_BYTES: usize = 128;
pub const MAX_VALUE_BYTES: usize = 256;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Tag {
    pub key: String,
    pub value: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct TagSet {
    pub tag_set: Vec<Tag>,
}

/// Where tags live: a bucket, or an object (a version of it when `version_id` is set).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagTarget {
    Bucket,
    Object,
}

impl TagTarget {
    pub fn max_tags(self) -> usize {
        match self {
            TagTarget::Bucket => MAX_BUCKET_TAGS,
            TagTarget::Object => MAX_OBJECT_TAGS,
        }
    }
}

pub fn check(tags: &TagSet, target: TagTarget) -> Vec<Problem> {
    let mut p = Problems::default();
    p.max_items("TagSet", &tags.tag_set, target.max_tags());
    let mut seen = HashSet::new();
    for (i, tag) in tags.tag_set.iter().enumerate() {
        let field = format!("TagSet[{i}]");
        if tag.key.is_empty() {
            p.push(Problem::new(format!("{field}.Key"), ProblemCode::Required));
        }
        p.max_bytes(format!("{field}.Key"), &tag.key, MAX_KEY_BYTES);
        p.max_bytes(format!("{field}.Value"), &tag.value, MAX_VALUE_BYTES);
        // radosgw keeps only one of two equal keys, silently: say so before sending.
        if !seen.insert(tag.key.as_str()) {
            p.push(Problem::new(format!("{field}.Key"), ProblemCode::Duplicate).detail(tag.key.clone()));
        }
    }
    p.into_vec()
}

fn from_sdk(tags: &[SdkTag]) -> TagSet {
    TagSet {
        tag_set: tags.iter().map(|t| Tag { key: t.key().to_owned(), value: t.value().to_owned() }).collect(),
    }
}

fn to_sdk(tags: &TagSet) -> Result<Tagging> {
    let set = tags
        .tag_set
        .iter()
        .map(|t| SdkTag::builder().key(&t.key).value(&t.value).build())
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| AppError::invalid_input(e.to_string()))?;
    Tagging::builder().set_tag_set(Some(set)).build().map_err(|e| AppError::invalid_input(e.to_string()))
}

/// The bucket's tags; an empty set when it has none.
pub async fn get_bucket(s3: &aws_sdk_s3::Client, bucket: &str) -> Result<TagSet> {
    match s3.get_bucket_tagging().bucket(bucket).send().await {
        Ok(out) => Ok(from_sdk(out.tag_set())),
        Err(e) => {
            let e = read_error(SubResource::Tagging, e);
            if e.is(ErrorCode::NoSuchTagSet) {
                Ok(TagSet::default())
            } else {
                Err(e)
            }
        }
    }
}

/// Replaces the bucket's tags; an empty set deletes them (S3 has no empty tag set).
pub async fn put_bucket(s3: &aws_sdk_s3::Client, bucket: &str, tags: &TagSet) -> Result<()> {
    refuse_if_blocking(&check(tags, TagTarget::Bucket))?;
    if tags.tag_set.is_empty() {
        return delete_bucket(s3, bucket).await;
    }
    s3.put_bucket_tagging().bucket(bucket).tagging(to_sdk(tags)?).send().await.map_err(write_error)?;
    Ok(())
}

pub async fn delete_bucket(s3: &aws_sdk_s3::Client, bucket: &str) -> Result<()> {
    prove_before_delete(s3, bucket, SubResource::Tagging).await?;
    s3.delete_bucket_tagging().bucket(bucket).send().await.map_err(write_error)?;
    Ok(())
}

/// The object's tags (of `version_id` when given); radosgw answers an empty body for an object
/// whose tags were dropped (trap 10): an empty set.
pub async fn get_object(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    key: &str,
    version_id: Option<&str>,
) -> Result<TagSet> {
    let out = s3
        .get_object_tagging()
        .bucket(bucket)
        .key(key)
        .set_version_id(version_id.map(str::to_owned))
        .send()
        .await
        .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchKey))?;
    Ok(from_sdk(out.tag_set()))
}

pub async fn put_object(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    key: &str,
    version_id: Option<&str>,
    tags: &TagSet,
) -> Result<()> {
    refuse_if_blocking(&check(tags, TagTarget::Object))?;
    s3.put_object_tagging()
        .bucket(bucket)
        .key(key)
        .set_version_id(version_id.map(str::to_owned))
        .tagging(to_sdk(tags)?)
        .send()
        .await
        .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchKey))?;
    Ok(())
}

pub async fn delete_object(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    key: &str,
    version_id: Option<&str>,
) -> Result<()> {
    prove_before_delete(s3, bucket, SubResource::Tagging).await?;
    s3.delete_object_tagging()
        .bucket(bucket)
        .key(key)
        .set_version_id(version_id.map(str::to_owned))
        .send()
        .await
        .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchKey))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(n: usize) -> TagSet {
        TagSet { tag_set: (0..n).map(|i| Tag { key: format!("k{i}"), value: "v".into() }).collect() }
    }

    #[test]
    fn limits_follow_the_server() {
        assert!(check(&tags(50), TagTarget::Bucket).is_empty());
        assert_eq!(check(&tags(51), TagTarget::Bucket)[0].code, ProblemCode::TooMany);
        assert!(check(&tags(10), TagTarget::Object).is_empty());
        assert_eq!(check(&tags(11), TagTarget::Object)[0].limit, Some(10));
        let long = TagSet { tag_set: vec![Tag { key: "k".repeat(129), value: "v".repeat(257) }] };
        let fields: Vec<_> = check(&long, TagTarget::Bucket).into_iter().map(|p| p.field).collect();
        assert_eq!(fields, ["TagSet[0].Key", "TagSet[0].Value"]);
        let empty = TagSet { tag_set: vec![Tag { key: String::new(), value: String::new() }] };
        assert_eq!(check(&empty, TagTarget::Object)[0].code, ProblemCode::Required);
    }
}
