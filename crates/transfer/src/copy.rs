//! Copying (and moving) one object on the server: CopyObject up to 5 GiB, UploadPartCopy in
//! parts above (with progress per part). Both carry `x-amz-copy-source-if-match` with the
//! source's ETag, so a source replaced meanwhile fails the copy instead of mixing versions.
//! The copy is verified (size, and the ETag where CopyObject keeps it) before a move deletes
//! the source, and the source is looked at once more right before: a source that changed
//! after it was copied is kept.
//!
//! An object encrypted with a customer key (SSE-C) whose key the user entered is copied with
//! UploadPartCopy (radosgw 16.2 answers CopyObject of such a source with 501, and decrypts a
//! part copy's source with the destination's key): the copy keeps the same key and the
//! source's user metadata, and the key is remembered for the copy. Without the key, the
//! source's HEAD fails with `EncryptedWithCustomerKey` for that row.

use crate::ctx::{ItemCtx, Outcome};
use crate::plan;
use crate::upload::{create_upload_with, free_key};
use aws_sdk_s3::types::{CompletedMultipartUpload, CompletedPart, MetadataDirective};
use zos_core::objects::{copy_source, head_object_with_key, validate_key, ObjectDetails};
use zos_core::ssec::{
    classify_read_error, CustomerKeyScope, SseCustomerKey, WithCopySourceCustomerKey, WithCustomerKey,
};
use zos_core::{AppError, ErrorCode, Result};
use zos_journal::StoredItem;

/// CopyObject's limit.
pub const SINGLE_COPY_LIMIT: u64 = 5 * 1024 * 1024 * 1024;

pub async fn copy_item(
    ctx: &ItemCtx,
    item: &StoredItem,
    source_bucket: &str,
    delete_source: bool,
    single_copy_limit: u64,
) -> Result<Outcome> {
    let target =
        item.target.as_deref().ok_or_else(|| AppError::invalid_input("a copy without a destination"))?;
    validate_key(target)?;
    if source_bucket == ctx.bucket && item.key == target {
        return Err(AppError::invalid_input(format!("{target} would be copied onto itself")));
    }
    let customer_key = ctx.customer_key(source_bucket, &item.key);
    let customer_key = customer_key.as_ref();
    let source = {
        let _permit = ctx.permit().await;
        ctx.with_retries(|| head_object_with_key(&ctx.s3, source_bucket, &item.key, None, customer_key))
            .await?
    };
    let etag = source.etag.clone().unwrap_or_default();
    let key = match free_key(ctx, target).await? {
        Ok(key) => key,
        Err(outcome) => return Ok(outcome),
    };
    ctx.progress.set_item(0);
    let single = source.size <= single_copy_limit && customer_key.is_none();
    if let (Some(customer_key), 0) = (customer_key, source.size) {
        empty_with_key(ctx, &key, &source, customer_key).await?;
    } else if single {
        ctx.with_retries(|| async {
            let _permit = ctx.permit().await;
            ctx.s3
                .copy_object()
                .bucket(&ctx.bucket)
                .key(&key)
                .copy_source(copy_source(source_bucket, &item.key))
                .copy_source_if_match(&etag)
                .metadata_directive(MetadataDirective::Copy)
                .customize()
                .mutate_request(empty_body_length)
                .send()
                .await
                .map_err(|e| changed_or(AppError::from_sdk(e, ErrorCode::NoSuchKey), &item.key))
        })
        .await?;
        ctx.progress.set_item(source.size);
    } else {
        copy_in_parts(ctx, source_bucket, &item.key, &key, &etag, &source, customer_key).await?;
    }
    if let Some(customer_key) = customer_key {
        // The copy is encrypted with the same key: the user can read it too.
        ctx.customer_keys.set(&ctx.bucket, &key, CustomerKeyScope::Object, customer_key.clone());
    }
    // Verified before anything is deleted.
    let copied = {
        let _permit = ctx.permit().await;
        ctx.with_retries(|| head_object_with_key(&ctx.s3, &ctx.bucket, &key, None, customer_key)).await?
    };
    let same_etag = !single || copied.etag == source.etag;
    if copied.size != source.size || !same_etag {
        return Err(AppError::new(
            ErrorCode::ChecksumMismatch,
            format!(
                "the copy {key} ({} bytes, {:?}) differs from {} ({} bytes, {:?}); the source was kept",
                copied.size, copied.etag, item.key, source.size, source.etag
            ),
        ));
    }
    if delete_source {
        let now = {
            let _permit = ctx.permit().await;
            ctx.with_retries(|| head_object_with_key(&ctx.s3, source_bucket, &item.key, None, customer_key))
                .await?
        };
        if now.etag != source.etag {
            return Err(AppError::new(
                ErrorCode::ObjectChanged,
                format!("{} changed after it was copied: it was kept, the copy is at {key}", item.key),
            ));
        }
        let _permit = ctx.permit().await;
        ctx.with_retries(|| async {
            ctx.s3
                .delete_object()
                .bucket(source_bucket)
                .key(&item.key)
                .send()
                .await
                .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchKey))
        })
        .await?;
    }
    Ok(Outcome::Done { key })
}

/// radosgw (civetweb) answers a PUT without `Content-Length` with 411 MissingContentLength; the
/// SDK sends none for these body-less PUTs.
fn empty_body_length(request: &mut aws_smithy_runtime_api::http::Request) {
    if !request.headers().contains_key("content-length") {
        request.headers_mut().insert("content-length", "0");
    }
}

fn changed_or(e: AppError, key: &str) -> AppError {
    if e.is(ErrorCode::PreconditionFailed) {
        AppError::new(ErrorCode::ObjectChanged, format!("{key} was replaced on the server during the copy"))
    } else {
        e
    }
}

/// The user metadata of a HEAD as stored (encoded words as they were), to set it again.
fn stored_metadata(source: &ObjectDetails) -> std::collections::HashMap<String, String> {
    source
        .metadata
        .iter()
        .map(|(k, v)| (k.clone(), source.raw_metadata.get(k).unwrap_or(v).clone()))
        .collect()
}

/// An empty SSE-C object: there is no part to copy, so an empty PUT with the same key.
async fn empty_with_key(
    ctx: &ItemCtx,
    key: &str,
    source: &ObjectDetails,
    customer_key: &SseCustomerKey,
) -> Result<()> {
    let metadata = stored_metadata(source);
    ctx.with_retries(|| async {
        let _permit = ctx.permit().await;
        ctx.s3
            .put_object()
            .bucket(&ctx.bucket)
            .key(key)
            .content_type(source.content_type.clone().unwrap_or_else(|| "application/octet-stream".into()))
            .set_metadata(Some(metadata.clone()))
            .customer_key(Some(customer_key))
            .customize()
            .mutate_request(empty_body_length)
            .send()
            .await
            .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchBucket))
    })
    .await?;
    Ok(())
}

async fn copy_in_parts(
    ctx: &ItemCtx,
    source_bucket: &str,
    source_key: &str,
    key: &str,
    etag: &str,
    source: &ObjectDetails,
    customer_key: Option<&SseCustomerKey>,
) -> Result<()> {
    let size = source.size;
    // A plain copy in parts keeps what it always kept (the content type); an SSE-C one also
    // its user metadata, as CopyObject would have.
    let metadata = customer_key.map(|_| stored_metadata(source));
    let upload_id = create_upload_with(
        ctx,
        key,
        source.content_type.as_deref().unwrap_or("application/octet-stream"),
        customer_key,
        metadata.as_ref(),
    )
    .await?;
    let part_size = plan::part_size_for(size, ctx.part_size);
    let copies = plan::parts(size, part_size).map(|(number, offset, len)| {
        let upload_id = upload_id.clone();
        async move {
            let out = ctx
                .with_retries(|| async {
                    let _permit = ctx.permit().await;
                    ctx.s3
                        .upload_part_copy()
                        .bucket(&ctx.bucket)
                        .key(key)
                        .upload_id(&upload_id)
                        .part_number(number as i32)
                        .copy_source(copy_source(source_bucket, source_key))
                        .copy_source_if_match(etag)
                        .copy_source_range(format!("bytes={}-{}", offset, offset + len - 1))
                        .customer_key(customer_key)
                        .copy_source_customer_key(customer_key)
                        .customize()
                        .mutate_request(empty_body_length)
                        .send()
                        .await
                        .map_err(|e| {
                            let e = AppError::from_sdk(e, ErrorCode::NoSuchUpload);
                            changed_or(classify_read_error(e, customer_key.is_some()), source_key)
                        })
                })
                .await?;
            ctx.progress.add(len);
            let part_etag = out.copy_part_result().and_then(|r| r.e_tag()).unwrap_or_default().to_owned();
            Ok::<_, AppError>(CompletedPart::builder().part_number(number as i32).e_tag(part_etag).build())
        }
    });
    let parts = match futures::future::try_join_all(copies).await {
        Ok(parts) => parts,
        Err(e) => {
            crate::upload::abort_upload(&ctx.s3, &ctx.bucket, key, &upload_id).await;
            let item_id = ctx.item_id;
            ctx.journal.write(move |j| j.set_upload_id(item_id, None));
            return Err(e);
        }
    };
    let upload = CompletedMultipartUpload::builder().set_parts(Some(parts)).build();
    ctx.with_retries(|| async {
        let _permit = ctx.permit().await;
        ctx.s3
            .complete_multipart_upload()
            .bucket(&ctx.bucket)
            .key(key)
            .upload_id(&upload_id)
            .multipart_upload(upload.clone())
            .send()
            .await
            .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchUpload))
    })
    .await?;
    let item_id = ctx.item_id;
    ctx.journal.write(move |j| j.set_upload_id(item_id, None));
    Ok(())
}
