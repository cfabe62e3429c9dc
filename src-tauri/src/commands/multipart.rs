//! Multipart uploads in progress in a bucket (core `objects::multipart`), and which of them
//! the transfer engine can resume.

use crate::state::AppState;
use tauri::State;
use zos_core::objects::multipart::{self, MultipartUpload, PartPage, UploadPage};
use zos_core::AppError;
use zos_transfer::ResumableUpload;

#[tauri::command]
#[specta::specta]
pub async fn list_multipart_uploads(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    key_marker: Option<String>,
    upload_id_marker: Option<String>,
) -> Result<UploadPage, AppError> {
    multipart::list_uploads(
        state.session(&profile_id).await?.s3(),
        &bucket,
        key_marker,
        upload_id_marker,
        None,
    )
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_upload_parts(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    key: String,
    upload_id: String,
    marker: Option<String>,
) -> Result<PartPage, AppError> {
    multipart::list_parts(state.session(&profile_id).await?.s3(), &bucket, &key, &upload_id, marker, None)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn abort_multipart_upload(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    key: String,
    upload_id: String,
) -> Result<(), AppError> {
    multipart::abort_upload(state.session(&profile_id).await?.s3(), &bucket, &key, &upload_id).await
}

/// Aborts the uploads started more than `days` ago; those this app can resume are kept unless
/// `include_resumable`.
#[tauri::command]
#[specta::specta]
pub async fn abort_multipart_uploads_older_than(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    days: u32,
    include_resumable: bool,
) -> Result<Vec<MultipartUpload>, AppError> {
    let keep = match include_resumable {
        true => vec![],
        false => state
            .transfers
            .resumable_uploads(&profile_id, &bucket)
            .await?
            .into_iter()
            .map(|u| u.upload_id)
            .collect(),
    };
    let before = zos_core::dates::now_millis() - i64::from(days) * 86_400_000;
    multipart::abort_uploads_before(state.session(&profile_id).await?.s3(), &bucket, before, &keep).await
}

#[tauri::command]
#[specta::specta]
pub async fn resumable_uploads(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
) -> Result<Vec<ResumableUpload>, AppError> {
    state.transfers.resumable_uploads(&profile_id, &bucket).await
}
