//! Copying (and moving) one object on the server: CopyObject up to 5 GiB, UploadPartCopy in
//! parts above (with progress per part). Both carry `x-amz-copy-source-if-match` with the
//! source's ETag, so a source replaced meanwhile fails the copy instead of mixing versions.
//! The copy is verified (size, and the ETag where CopyObject keeps it) before a move deletes
//! the source, and the source is looked at once more right before: a source that changed
//! after it was copied is kept.

use crate::ctx::{ItemCtx, Outcome};
use crate::plan;
use crate::upload::{create_upload, free_key};
use aws_sdk_s3::types::{CompletedMultipartUpload, CompletedPart, MetadataDirective};
use zos_core::objects::{copy_source, head_object, validate_key};
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
    let source = {
        let _permit = ctx.permit().await;
        ctx.with_retries(|| head_object(&ctx.s3, source_bucket, &item.key)).await?
    };
    let etag = source.etag.clone().unwrap_or_default();
    let key = match free_key(ctx, target).await? {
        Ok(key) => key,
        Err(outcome) => return Ok(outcome),
    };
    ctx.progress.set_item(0);
    let single = source.size <= single_copy_limit;
    if single {
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
        copy_in_parts(
            ctx,
            source_bucket,
            &item.key,
            &key,
            &etag,
            source.size,
            source.content_type.as_deref(),
        )
        .await?;
    }
    // Verified before anything is deleted.
    let copied = {
        let _permit = ctx.permit().await;
        ctx.with_retries(|| head_object(&ctx.s3, &ctx.bucket, &key)).await?
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
            ctx.with_retries(|| head_object(&ctx.s3, source_bucket, &item.key)).await?
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

async fn copy_in_parts(
    ctx: &ItemCtx,
    source_bucket: &str,
    source_key: &str,
    key: &str,
    etag: &str,
    size: u64,
    content_type: Option<&str>,
) -> Result<()> {
    let upload_id = create_upload(ctx, key, content_type.unwrap_or("application/octet-stream")).await?;
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
                        .customize()
                        .mutate_request(empty_body_length)
                        .send()
                        .await
                        .map_err(|e| changed_or(AppError::from_sdk(e, ErrorCode::NoSuchUpload), source_key))
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
