//! Listing a whole bucket for the local search, one page at a time: current versions
//! (ListObjectsV2) or every version (ListObjectVersions, delete markers skipped).

use crate::dates::{epoch_millis, iso};
use crate::error::{AppError, ErrorCode, Result};
use crate::objects::MAX_KEYS_PER_PAGE;
use zos_mdsearch::ObjectFacts;

/// What a hit shows that the evaluator does not need.
#[derive(Debug, Default)]
pub(super) struct Extra {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

pub(super) struct Listed {
    pub facts: ObjectFacts,
    pub extra: Extra,
}

pub(super) struct Lister<'a> {
    s3: &'a aws_sdk_s3::Client,
    bucket: &'a str,
    versions: bool,
    /// ListObjectsV2's continuation token, or ListObjectVersions' (key, version id) markers.
    token: Option<(String, Option<String>)>,
    /// The last page was read.
    pub done: bool,
}

impl<'a> Lister<'a> {
    pub fn new(s3: &'a aws_sdk_s3::Client, bucket: &'a str, versions: bool) -> Self {
        Lister { s3, bucket, versions, token: None, done: false }
    }

    pub async fn next_page(&mut self) -> Result<Vec<Listed>> {
        let (items, next) = if self.versions {
            let (key, version) = self.token.take().unzip();
            let out = (self.s3.list_object_versions().bucket(self.bucket).max_keys(MAX_KEYS_PER_PAGE))
                .set_key_marker(key)
                .set_version_id_marker(version.flatten())
                .send()
                .await
                .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchBucket))?;
            let items = (out.versions().iter())
                .map(|v| {
                    let instance = v.version_id().filter(|id| *id != "null").map(str::to_owned);
                    let class = v.storage_class().map(|c| c.as_str());
                    let etag = v.e_tag().map(str::to_owned);
                    listed(
                        self.bucket,
                        v.key().unwrap_or_default(),
                        instance,
                        v.size(),
                        v.last_modified(),
                        class,
                        etag,
                    )
                })
                .collect();
            let next = (out.is_truncated() == Some(true)).then(|| out.next_key_marker()).flatten();
            (items, next.map(|k| (k.to_owned(), out.next_version_id_marker().map(str::to_owned))))
        } else {
            let token = self.token.take().map(|(t, _)| t);
            let out = (self.s3.list_objects_v2().bucket(self.bucket).max_keys(MAX_KEYS_PER_PAGE))
                .set_continuation_token(token)
                .send()
                .await
                .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchBucket))?;
            let items = (out.contents().iter())
                .map(|o| {
                    let class = o.storage_class().map(|c| c.as_str());
                    let etag = o.e_tag().map(str::to_owned);
                    listed(
                        self.bucket,
                        o.key().unwrap_or_default(),
                        None,
                        o.size(),
                        o.last_modified(),
                        class,
                        etag,
                    )
                })
                .collect();
            let next = (out.is_truncated() == Some(true)).then(|| out.next_continuation_token()).flatten();
            (items, next.map(|t| (t.to_owned(), None)))
        };
        self.done = next.is_none();
        self.token = next;
        Ok(items)
    }
}

fn listed(
    bucket: &str,
    name: &str,
    instance: Option<String>,
    size: Option<i64>,
    modified: Option<&aws_smithy_types::DateTime>,
    class: Option<&str>,
    etag: Option<String>,
) -> Listed {
    Listed {
        facts: ObjectFacts {
            bucket: bucket.to_owned(),
            name: name.to_owned(),
            instance,
            size: size.unwrap_or(0).max(0) as u64,
            mtime_ms: modified.and_then(epoch_millis).unwrap_or(0),
            // S3 may omit it for STANDARD.
            storage_class: class.unwrap_or("STANDARD").to_owned(),
            ..Default::default()
        },
        extra: Extra { etag, last_modified: modified.and_then(iso) },
    }
}
