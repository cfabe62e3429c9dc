//! Sharing: presigned GET links (a version, a download name), PUT upload links and POST upload
//! forms. Secrets never leave Rust: only signatures do.

use crate::state::AppState;
use tauri::State;
use zos_core::sharing::post::{PostForm, PostFormRequest};
use zos_core::sharing::{self, ShareTarget, UploadLink};
use zos_core::AppError;

#[tauri::command]
#[specta::specta]
pub async fn share_get_link(
    state: State<'_, AppState>,
    profile_id: String,
    target: ShareTarget,
    expires_in_secs: u32,
    download_name: Option<String>,
) -> Result<String, AppError> {
    let session = state.session(&profile_id).await?;
    sharing::share_link(session.s3(), &target, expires_in_secs, download_name.as_deref()).await
}

#[tauri::command]
#[specta::specta]
pub async fn share_put_link(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    key: String,
    expires_in_secs: u32,
    content_type: Option<String>,
) -> Result<UploadLink, AppError> {
    sharing::put_link(state.session(&profile_id).await?.s3(), &bucket, &key, expires_in_secs, content_type)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn share_post_form(
    state: State<'_, AppState>,
    profile_id: String,
    request: PostFormRequest,
) -> Result<PostForm, AppError> {
    sharing::profile_post_form(&state.profiles, &profile_id, &request).await
}
