use super::head::{head, head_size, head_storage_class, object_exists};
use super::{validate_key, ObjectEntry};
use crate::dates::epoch_millis;
use crate::error::{AppError, ErrorCode, Result};
use aws_sdk_s3::primitives::ByteStream;
use std::path::Path;

/// The content type an upload is sent with, from the file name (`application/octet-stream`
/// when the extension says nothing).
fn content_type_for(path: &Path) -> String {
    mime_guess::from_path(path).first_or_octet_stream().essence_str().to_owned()
}

/// Uploads one local file with a single PUT. Refuses to replace an existing object unless
/// `overwrite` is set (the UI asks the user first): answers `ObjectExists`.
pub async fn upload_file(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    key: &str,
    source: &Path,
    overwrite: bool,
) -> Result<ObjectEntry> {
    validate_key(key)?;
    let meta = tokio::fs::metadata(source)
        .await
        .map_err(|e| AppError::io(&format!("reading {}", source.display()), e))?;
    if !meta.is_file() {
        return Err(AppError::invalid_input(format!("{} is not a file", source.display())));
    }
    if !overwrite && object_exists(s3, bucket, key).await? {
        return Err(AppError::new(ErrorCode::ObjectExists, format!("{key} already exists in {bucket}")));
    }
    let body = ByteStream::from_path(source)
        .await
        .map_err(|e| AppError::new(ErrorCode::Io, format!("reading {}: {e}", source.display())))?;
    let out = s3
        .put_object()
        .bucket(bucket)
        .key(key)
        .content_type(content_type_for(source))
        .content_length(meta.len() as i64)
        .body(body)
        .send()
        .await
        .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchBucket))?;
    let (head, _) = head(s3, bucket, key).await?;
    Ok(ObjectEntry {
        key: key.to_owned(),
        size: head_size(&head),
        last_modified: head.last_modified().and_then(epoch_millis),
        storage_class: Some(head_storage_class(&head)),
        etag: out.e_tag().or(head.e_tag()).map(str::to_owned),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_from_extensions() {
        assert_eq!(content_type_for(Path::new("a/B.JPG")), "image/jpeg");
        assert_eq!(content_type_for(Path::new("x.webp")), "image/webp");
        assert_eq!(content_type_for(Path::new("noext")), "application/octet-stream");
    }
}
