//! Uploading one local file: a single PUT below the multipart threshold, parallel parts above.
//!
//! - Every PUT and part carries Content-MD5, which the server checks; the payload itself is
//!   sent unsigned (`UNSIGNED-PAYLOAD`): the signed Content-MD5 header already binds the
//!   bytes, and hashing every byte a second time with SHA-256 would double the client's CPU.
//! - No silent overwrite: a single PUT carries `If-None-Match: *` unless the user chose to
//!   overwrite (radosgw 16.2 answers 412 and keeps the old object). CompleteMultipartUpload
//!   ignores that header on radosgw 16.2 (test-server trap 12), so a multipart upload HEADs
//!   the key right before completing instead.
//! - A multipart upload is resumable: its upload id and every completed part (number, ETag,
//!   size) are in the journal. The source's size and modification time are checked before
//!   each part is read and before completing: a changed file is never stitched onto old parts.

use crate::body::upload_body;
use crate::ctx::{ItemCtx, Outcome};
use crate::model::ConflictPolicy;
use crate::plan::{self, numbered_name};
use aws_sdk_s3::types::{CompletedMultipartUpload, CompletedPart};
use base64::Engine as _;
use bytes::Bytes;
use md5::{Digest, Md5};
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use zos_core::objects::object_exists;
use zos_core::{AppError, ErrorCode, Result};
use zos_journal::{StoredItem, StoredPart};

/// Adds the upload options to a PutObject or CreateMultipartUpload request (same setters on
/// both builders). UploadPart only repeats the customer key: see [`customer_key_headers`].
macro_rules! with_options {
    ($request:expr, $options:expr, $key:expr) => {{
        let options: &crate::model::UploadOptions = $options;
        let mut request =
            $request.content_type(options.content_type.clone().unwrap_or_else(|| content_type_for($key)));
        if let Some(acl) = options.acl {
            request = request.acl(acl.as_str().into());
        }
        if let Some(class) = &options.storage_class {
            request = request.storage_class(class.as_str().into());
        }
        for (name, value) in &options.metadata {
            request = request.metadata(name, zos_core::objects::metadata::encode_rfc2047(value));
        }
        if let Some(tagging) = options.tagging() {
            request = request.tagging(tagging);
        }
        match &options.encryption {
            Some(crate::model::Encryption::Aes256) => {
                request = request.server_side_encryption("AES256".into())
            }
            Some(crate::model::Encryption::Kms { key_id }) => {
                request = request.server_side_encryption("aws:kms".into()).set_ssekms_key_id(key_id.clone())
            }
            Some(crate::model::Encryption::CustomerKey { key_base64 }) => {
                let (algorithm, key, md5) = customer_key_headers(key_base64);
                request =
                    request.sse_customer_algorithm(algorithm).sse_customer_key(key).sse_customer_key_md5(md5)
            }
            None => {}
        }
        request
    }};
}

/// `(algorithm, key, key MD5)` of an SSE-C key, all as S3 wants them in headers.
/// The options were checked first ([`crate::model::UploadOptions::check`]), so the key parses.
pub fn customer_key_headers(key_base64: &str) -> (String, String, String) {
    match zos_core::ssec::SseCustomerKey::parse(key_base64) {
        Ok(key) => key.headers(),
        Err(_) => ("AES256".into(), key_base64.trim().to_owned(), String::new()),
    }
}

/// The content type an upload is sent with, from the file name.
pub fn content_type_for(key: &str) -> String {
    mime_guess::from_path(key).first_or_octet_stream().essence_str().to_owned()
}

fn md5_base64(data: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(Md5::digest(data))
}

/// Checks that the source is still the file that was queued.
fn check_source(path: &Path, size: u64, mtime_ns: i64) -> Result<()> {
    let meta =
        std::fs::metadata(path).map_err(|e| AppError::io(&format!("reading {}", path.display()), e))?;
    if meta.len() != size || plan::mtime_ns(&meta) != mtime_ns {
        return Err(AppError::new(
            ErrorCode::SourceChanged,
            format!("{} changed after it was queued ({} → {} bytes)", path.display(), size, meta.len()),
        ));
    }
    Ok(())
}

/// Reads `len` bytes at `offset` and their MD5, off the async threads.
async fn read_chunk(path: PathBuf, offset: u64, len: u64) -> Result<(Bytes, String)> {
    tokio::task::spawn_blocking(move || {
        use std::io::{Read, Seek, SeekFrom};
        let mut file = std::fs::File::open(&path)
            .map_err(|e| AppError::io(&format!("reading {}", path.display()), e))?;
        file.seek(SeekFrom::Start(offset)).map_err(|e| AppError::io("reading", e))?;
        let mut buf = Vec::with_capacity(len as usize);
        file.take(len)
            .read_to_end(&mut buf)
            .map_err(|e| AppError::io(&format!("reading {}", path.display()), e))?;
        if buf.len() as u64 != len {
            return Err(AppError::new(
                ErrorCode::SourceChanged,
                format!("{} is shorter than when it was queued", path.display()),
            ));
        }
        let md5 = md5_base64(&buf);
        Ok((Bytes::from(buf), md5))
    })
    .await
    .map_err(|e| AppError::new(ErrorCode::Unknown, format!("reader task: {e}")))?
}

pub async fn upload_item(ctx: &ItemCtx, item: &StoredItem) -> Result<Outcome> {
    zos_core::objects::validate_key(&item.key)?;
    let result = if item.size >= ctx.multipart_threshold {
        upload_multipart(ctx, item).await
    } else {
        upload_single(ctx, item).await
    };
    if let Err(e) = &result {
        if e.is(ErrorCode::SourceChanged) {
            forget_changed_source(ctx, item).await;
        }
    }
    result
}

/// The file changed under an upload: its parts are of no use. The upload is aborted and the
/// file's new size and time are recorded, so that "retry" sends the new content from the
/// first byte.
async fn forget_changed_source(ctx: &ItemCtx, item: &StoredItem) {
    if let Some(upload_id) = &item.upload_id {
        abort_upload(&ctx.s3, &ctx.bucket, &item.key, upload_id).await;
    }
    let Ok(meta) = std::fs::metadata(&item.local_path) else { return };
    let (id, key, size, mtime) = (item.id, item.key.clone(), meta.len(), plan::mtime_ns(&meta));
    ctx.journal.write(move |j| {
        j.set_upload_id(id, None)?;
        j.update_item_source(id, &key, size, mtime, None)
    });
}

async fn upload_single(ctx: &ItemCtx, item: &StoredItem) -> Result<Outcome> {
    ctx.progress.set_item(0);
    let is_folder = item.key.ends_with('/');
    let (data, md5) = if is_folder {
        (Bytes::new(), md5_base64(b""))
    } else {
        check_source(&item.local_path, item.size, item.mtime_ns)?;
        read_chunk(item.local_path.clone(), 0, item.size).await?
    };
    let mut n = 0;
    loop {
        let key = if n == 0 { item.key.clone() } else { numbered_name(&item.key, n) };
        let (result, retried) =
            put(ctx, &key, data.clone(), &md5, ctx.policy != ConflictPolicy::Overwrite).await;
        match result {
            Ok(()) => {
                record_new_key(ctx, item, &key);
                return Ok(Outcome::Done { key });
            }
            // Our own PUT may have landed before its answer was lost and a retry met it: then
            // an object with the very bytes we send is ours, not a conflict. On a first attempt
            // it is someone else's, identical or not, and the user decides.
            Err(e)
                if e.is(ErrorCode::PreconditionFailed)
                    && retried
                    && holds(ctx, &key, &quoted_md5_hex(&md5)).await =>
            {
                record_new_key(ctx, item, &key);
                return Ok(Outcome::Done { key });
            }
            Err(e) if e.is(ErrorCode::PreconditionFailed) => match ctx.policy {
                // An existing folder marker is the folder the user meant: nothing to do.
                _ if is_folder => return Ok(Outcome::Done { key }),
                ConflictPolicy::Skip => return Ok(Outcome::Skipped),
                ConflictPolicy::KeepBoth if n < 1000 => n += 1,
                _ => return Ok(Outcome::Conflict),
            },
            Err(e) => return Err(e),
        }
    }
}

/// `"<hex MD5>"`, the ETag of a single-part object, from a base64 Content-MD5.
fn quoted_md5_hex(md5_base64: &str) -> String {
    let raw = base64::engine::general_purpose::STANDARD.decode(md5_base64).unwrap_or_default();
    format!("\"{}\"", hex(&raw))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The ETag S3 gives a multipart object: the MD5 of the parts' MD5s, then `-<parts>`.
pub fn multipart_etag(part_etags: &[String]) -> String {
    let mut all = Vec::with_capacity(part_etags.len() * 16);
    for etag in part_etags {
        let hex = etag.trim_matches('"');
        all.extend(
            (0..hex.len() / 2).filter_map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()),
        );
    }
    format!("\"{}-{}\"", hex(&Md5::digest(&all)), part_etags.len())
}

/// Whether `key` exists with exactly this ETag.
async fn holds(ctx: &ItemCtx, key: &str, etag: &str) -> bool {
    let _permit = ctx.permit().await;
    match ctx.with_retries(|| zos_core::objects::head_object(&ctx.s3, &ctx.bucket, key)).await {
        Ok(head) => head.etag.as_deref() == Some(etag),
        Err(_) => false,
    }
}

fn record_new_key(ctx: &ItemCtx, item: &StoredItem, key: &str) {
    if key != item.key {
        let (id, key, size, mtime, etag) =
            (item.id, key.to_owned(), item.size, item.mtime_ns, item.etag.clone());
        ctx.journal.write(move |j| j.update_item_source(id, &key, size, mtime, etag.as_deref()));
    }
}

/// One PUT (with retries); also says whether it took more than one attempt.
async fn put(ctx: &ItemCtx, key: &str, data: Bytes, md5: &str, if_none_match: bool) -> (Result<()>, bool) {
    let attempts = std::sync::atomic::AtomicU32::new(0);
    let result = ctx
        .with_retries(|| async {
            attempts.fetch_add(1, Ordering::Relaxed);
            let _permit = ctx.permit().await;
            let (body, counted) = upload_body(data.clone(), ctx.progress.clone(), ctx.limiter.clone());
            let request = ctx.s3.put_object().bucket(&ctx.bucket).key(key);
            let mut request = with_options!(request, &ctx.options, key)
                .content_length(data.len() as i64)
                .content_md5(md5)
                .body(body);
            if if_none_match {
                request = request.if_none_match("*");
            }
            let result = request.customize().disable_payload_signing().send().await;
            result.map(|_| ()).map_err(|e| {
                ctx.progress.sub(counted.swap(0, Ordering::Relaxed));
                AppError::from_sdk(e, ErrorCode::NoSuchBucket)
            })
        })
        .await;
    (result, attempts.load(Ordering::Relaxed) > 1)
}

/// The key this multipart upload will complete under, following the conflict policy. `None`:
/// stop here with the outcome given.
pub(crate) async fn free_key(ctx: &ItemCtx, key: &str) -> Result<std::result::Result<String, Outcome>> {
    if ctx.policy == ConflictPolicy::Overwrite {
        return Ok(Ok(key.to_owned()));
    }
    let mut n = 0;
    loop {
        let candidate = if n == 0 { key.to_owned() } else { numbered_name(key, n) };
        let exists = {
            let _permit = ctx.permit().await;
            ctx.with_retries(|| object_exists(&ctx.s3, &ctx.bucket, &candidate)).await?
        };
        if !exists {
            return Ok(Ok(candidate));
        }
        match ctx.policy {
            ConflictPolicy::Skip => return Ok(Err(Outcome::Skipped)),
            ConflictPolicy::KeepBoth if n < 1000 => n += 1,
            _ => return Ok(Err(Outcome::Conflict)),
        }
    }
}

async fn upload_multipart(ctx: &ItemCtx, item: &StoredItem) -> Result<Outcome> {
    check_source(&item.local_path, item.size, item.mtime_ns)?;
    // Checked before any byte is sent, and again before completing.
    let key = match free_key(ctx, &item.key).await? {
        Ok(key) => key,
        Err(outcome) => return Ok(outcome),
    };
    record_new_key(ctx, item, &key);
    let part_size = plan::part_size_for(item.size, ctx.part_size);
    let (upload_id, done_parts) = match &item.upload_id {
        Some(id) if key == item.key => match parts_on_server(ctx, &key, id).await {
            Ok(parts) => (id.clone(), parts),
            Err(e) if e.is(ErrorCode::NoSuchUpload) => {
                tracing::info!("upload {id} of {key} is gone on the server; starting again");
                (create_upload(ctx, &key, &content_type_for(&key)).await?, Vec::new())
            }
            Err(e) => return Err(e),
        },
        _ => (create_upload(ctx, &key, &content_type_for(&key)).await?, Vec::new()),
    };
    match send_parts_and_complete(ctx, item, &key, &upload_id, part_size, done_parts).await {
        Err(e) if e.is(ErrorCode::NoSuchUpload) && item.upload_id.is_some() => {
            // The server no longer knows the upload this app started (aborted elsewhere, or
            // expired): start again from the first byte.
            tracing::info!("upload {upload_id} of {key} is gone on the server; starting again");
            let item_id = item.id;
            ctx.journal.write(move |j| j.set_upload_id(item_id, None));
            ctx.progress.set_item(0);
            let fresh = create_upload(ctx, &key, &content_type_for(&key)).await?;
            send_parts_and_complete(ctx, item, &key, &fresh, part_size, Vec::new()).await
        }
        Err(e) if e.is(ErrorCode::SourceChanged) && item.upload_id.as_deref() != Some(upload_id.as_str()) => {
            // Started in this run: the caller knows only the journal's (older) upload id.
            abort_upload(&ctx.s3, &ctx.bucket, &key, &upload_id).await;
            Err(e)
        }
        other => other,
    }
}

/// The parts the server holds for an upload this app started (ListParts, every page). The
/// server, not the journal, is asked: a part whose answer arrived just before the app was
/// killed is on the server but maybe not yet in the journal, and is not sent twice.
async fn parts_on_server(ctx: &ItemCtx, key: &str, upload_id: &str) -> Result<Vec<StoredPart>> {
    let mut parts = Vec::new();
    let mut marker = None;
    loop {
        let page = {
            let _permit = ctx.permit().await;
            ctx.with_retries(|| async {
                ctx.s3
                    .list_parts()
                    .bucket(&ctx.bucket)
                    .key(key)
                    .upload_id(upload_id)
                    .set_part_number_marker(marker.clone())
                    .send()
                    .await
                    .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchUpload))
            })
            .await?
        };
        parts.extend(page.parts().iter().filter_map(|p| {
            Some(StoredPart {
                number: u32::try_from(p.part_number()?).ok()?,
                etag: p.e_tag()?.to_owned(),
                size: u64::try_from(p.size()?).ok()?,
            })
        }));
        match page.next_part_number_marker() {
            Some(next) if page.is_truncated() == Some(true) => marker = Some(next.to_owned()),
            _ => return Ok(parts),
        }
    }
}

pub(crate) async fn create_upload(ctx: &ItemCtx, key: &str, content_type: &str) -> Result<String> {
    create_upload_with(ctx, key, content_type, None, None).await
}

/// [`create_upload`] for a copy: the source's customer key (SSE-C) and user metadata (values
/// as stored) are kept on the new object.
pub(crate) async fn create_upload_with(
    ctx: &ItemCtx,
    key: &str,
    content_type: &str,
    customer_key: Option<&zos_core::ssec::SseCustomerKey>,
    metadata: Option<&std::collections::HashMap<String, String>>,
) -> Result<String> {
    use zos_core::ssec::WithCustomerKey as _;
    let out = ctx
        .with_retries(|| async {
            let _permit = ctx.permit().await;
            let request = ctx.s3.create_multipart_upload().bucket(&ctx.bucket).key(key);
            let mut options = (*ctx.options).clone();
            options.content_type.get_or_insert_with(|| content_type.to_owned());
            let mut request = with_options!(request, &options, key).customer_key(customer_key);
            if let Some(metadata) = metadata {
                request = request.set_metadata(Some(metadata.clone()));
            }
            request.send().await.map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchBucket))
        })
        .await?;
    let upload_id = out
        .upload_id()
        .ok_or_else(|| AppError::new(ErrorCode::Unknown, "the server started an upload without an id"))?
        .to_owned();
    let (item_id, id) = (ctx.item_id, upload_id.clone());
    // Waited for: an upload the journal does not know could never be resumed or cleaned up.
    ctx.journal.call(move |j| j.set_upload_id(item_id, Some(&id))).await.map_err(journal_error)?;
    Ok(upload_id)
}

/// Aborts an upload the engine gives up on (cancel, a changed source); a failure is only
/// logged: the uploads view lists what is left.
pub async fn abort_upload(s3: &aws_sdk_s3::Client, bucket: &str, key: &str, upload_id: &str) {
    if let Err(e) = zos_core::objects::multipart::abort_upload(s3, bucket, key, upload_id).await {
        tracing::warn!("could not abort upload {upload_id} of {key}: {e}");
    }
}

fn journal_error(e: zos_journal::JournalError) -> AppError {
    AppError::new(ErrorCode::Io, e.to_string())
}

async fn send_parts_and_complete(
    ctx: &ItemCtx,
    item: &StoredItem,
    key: &str,
    upload_id: &str,
    part_size: u64,
    done_parts: Vec<StoredPart>,
) -> Result<Outcome> {
    let mut completed: Vec<StoredPart> = Vec::new();
    let mut todo = Vec::new();
    for (number, offset, len) in plan::parts(item.size, part_size) {
        match done_parts.iter().find(|p| p.number == number && p.size == len) {
            Some(done) => completed.push(done.clone()),
            None => todo.push((number, offset, len)),
        }
    }
    ctx.progress.set_item(completed.iter().map(|p| p.size).sum());
    let sse_c = match &ctx.options.encryption {
        Some(crate::model::Encryption::CustomerKey { key_base64 }) => Some(customer_key_headers(key_base64)),
        _ => None,
    };
    let sse_c = &sse_c;
    // Parts wait for a request permit before reading their bytes: memory stays at
    // concurrency × part size however big the file.
    let sends = todo.into_iter().map(|(number, offset, len)| async move {
        ctx.with_retries(|| async {
            let _permit = ctx.permit().await;
            check_source(&item.local_path, item.size, item.mtime_ns)?;
            let (data, md5) = read_chunk(item.local_path.clone(), offset, len).await?;
            let (body, counted) = upload_body(data, ctx.progress.clone(), ctx.limiter.clone());
            let out = ctx
                .s3
                .upload_part()
                .bucket(&ctx.bucket)
                .key(key)
                .upload_id(upload_id)
                .part_number(number as i32)
                .content_length(len as i64)
                .content_md5(md5)
                .set_sse_customer_algorithm(sse_c.as_ref().map(|h| h.0.clone()))
                .set_sse_customer_key(sse_c.as_ref().map(|h| h.1.clone()))
                .set_sse_customer_key_md5(sse_c.as_ref().map(|h| h.2.clone()))
                .body(body)
                .customize()
                .disable_payload_signing()
                .send()
                .await
                .map_err(|e| {
                    ctx.progress.sub(counted.swap(0, Ordering::Relaxed));
                    AppError::from_sdk(e, ErrorCode::NoSuchUpload)
                })?;
            let part = StoredPart { number, etag: out.e_tag().unwrap_or_default().to_owned(), size: len };
            let (item_id, record) = (ctx.item_id, part.clone());
            ctx.journal.write(move |j| j.record_part(item_id, &record));
            Ok(part)
        })
        .await
    });
    let mut sent = futures::future::try_join_all(sends).await?;
    completed.append(&mut sent);
    completed.sort_by_key(|p| p.number);

    check_source(&item.local_path, item.size, item.mtime_ns)?;
    // radosgw 16.2 ignores If-None-Match on CompleteMultipartUpload (trap 12): look first.
    if ctx.policy != ConflictPolicy::Overwrite {
        let exists = {
            let _permit = ctx.permit().await;
            ctx.with_retries(|| object_exists(&ctx.s3, &ctx.bucket, key)).await?
        };
        if exists {
            // The upload stays, with its parts: choosing "overwrite" completes it without
            // sending the bytes again.
            return Ok(if ctx.policy == ConflictPolicy::Skip { Outcome::Skipped } else { Outcome::Conflict });
        }
    }
    let parts = completed
        .iter()
        .map(|p| CompletedPart::builder().part_number(p.number as i32).e_tag(&p.etag).build())
        .collect::<Vec<_>>();
    let upload = Arc::new(CompletedMultipartUpload::builder().set_parts(Some(parts)).build());
    let completed_etag = multipart_etag(&completed.iter().map(|p| p.etag.clone()).collect::<Vec<_>>());
    let result = ctx
        .with_retries(|| async {
            let _permit = ctx.permit().await;
            ctx.s3
                .complete_multipart_upload()
                .bucket(&ctx.bucket)
                .key(key)
                .upload_id(upload_id)
                .multipart_upload((*upload).clone())
                .send()
                .await
                .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchUpload))
        })
        .await;
    match result {
        Ok(_) => {}
        // The completion landed but its answer was lost; the retry no longer finds the upload.
        Err(e) if e.is(ErrorCode::NoSuchUpload) && holds(ctx, key, &completed_etag).await => {}
        Err(e) => return Err(e),
    }
    // radosgw 16.2 drops `x-amz-tagging` on CreateMultipartUpload (checked, boto3 alike): the
    // tags are set once the object exists.
    if !ctx.options.tags.is_empty() {
        let tags = ctx
            .options
            .tags
            .iter()
            .map(|(k, v)| aws_sdk_s3::types::Tag::builder().key(k).value(v).build())
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| AppError::invalid_input(e.to_string()))?;
        let tagging = aws_sdk_s3::types::Tagging::builder()
            .set_tag_set(Some(tags))
            .build()
            .map_err(|e| AppError::invalid_input(e.to_string()))?;
        ctx.with_retries(|| async {
            let _permit = ctx.permit().await;
            ctx.s3
                .put_object_tagging()
                .bucket(&ctx.bucket)
                .key(key)
                .tagging(tagging.clone())
                .send()
                .await
                .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchKey))
        })
        .await?;
    }
    let item_id = ctx.item_id;
    ctx.journal.write(move |j| j.set_upload_id(item_id, None));
    Ok(Outcome::Done { key: key.to_owned() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags_are_computed_as_s3_does() {
        assert_eq!(quoted_md5_hex(&md5_base64(b"")), "\"d41d8cd98f00b204e9800998ecf8427e\"");
        // Two parts "a" and "b": md5(md5("a") ‖ md5("b")).
        let parts = [quoted_md5_hex(&md5_base64(b"a")), quoted_md5_hex(&md5_base64(b"b"))];
        let mut both = Md5::digest(b"a").to_vec();
        both.extend(Md5::digest(b"b"));
        assert_eq!(multipart_etag(&parts), format!("\"{}-2\"", hex(&Md5::digest(&both))));
    }
}
