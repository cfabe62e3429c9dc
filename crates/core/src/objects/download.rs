use super::validate_key;
use crate::error::{AppError, ErrorCode, Result};
use std::path::{Path, PathBuf};
use tokio::io::AsyncWriteExt;

fn partial_path(destination: &Path) -> PathBuf {
    let mut name = destination.file_name().unwrap_or_default().to_os_string();
    name.push(".zos-part");
    destination.with_file_name(name)
}

/// Streams an object to `destination`. Bytes go to `<destination>.zos-part` first and are
/// renamed into place only when complete, so a failed download never leaves a truncated file
/// under the name the user chose. `progress(bytes_done, bytes_total)` is called per chunk.
pub async fn download_object(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    key: &str,
    destination: &Path,
    mut progress: impl FnMut(u64, Option<u64>),
) -> Result<u64> {
    validate_key(key)?;
    let out = s3
        .get_object()
        .bucket(bucket)
        .key(key)
        .send()
        .await
        .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchKey))?;
    let total = out.content_length().map(|l| l.max(0) as u64);
    let part = partial_path(destination);
    let result = async {
        let mut file = tokio::fs::File::create(&part)
            .await
            .map_err(|e| AppError::io(&format!("creating {}", part.display()), e))?;
        let mut body = out.body;
        let mut done = 0u64;
        progress(0, total);
        while let Some(chunk) = body
            .try_next()
            .await
            .map_err(|e| AppError::new(ErrorCode::ConnectFailed, format!("download interrupted: {e}")))?
        {
            file.write_all(&chunk).await.map_err(|e| AppError::io("writing the download", e))?;
            done += chunk.len() as u64;
            progress(done, total);
        }
        file.flush().await.map_err(|e| AppError::io("writing the download", e))?;
        file.sync_all().await.map_err(|e| AppError::io("writing the download", e))?;
        if let Some(total) = total.filter(|t| *t != done) {
            return Err(AppError::new(
                ErrorCode::ConnectFailed,
                format!("download ended after {done} of {total} bytes"),
            ));
        }
        tokio::fs::rename(&part, destination)
            .await
            .map_err(|e| AppError::io(&format!("saving {}", destination.display()), e))?;
        Ok(done)
    }
    .await;
    if result.is_err() {
        let _ = tokio::fs::remove_file(&part).await;
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_downloads_sit_beside_the_target() {
        assert_eq!(partial_path(Path::new("/tmp/x/a.jpg")), PathBuf::from("/tmp/x/a.jpg.zos-part"));
    }
}
