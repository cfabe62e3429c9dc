//! Static website: get, put, delete, and its address.

use crate::state::AppState;
use tauri::State;
use zos_core::buckets::config::website::{self, WebsiteConfiguration};
use zos_core::AppError;

#[tauri::command]
#[specta::specta]
pub async fn get_bucket_website(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
) -> Result<Option<WebsiteConfiguration>, AppError> {
    website::get(state.session(&profile_id).await?.s3(), &bucket).await
}

#[tauri::command]
#[specta::specta]
pub async fn put_bucket_website(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    config: WebsiteConfiguration,
) -> Result<(), AppError> {
    website::put(state.session(&profile_id).await?.s3(), &bucket, &config).await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_bucket_website(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
) -> Result<(), AppError> {
    website::delete(state.session(&profile_id).await?.s3(), &bucket).await
}

#[tauri::command]
#[specta::specta]
pub async fn bucket_website_url(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
) -> Result<String, AppError> {
    Ok(zos_core::zos_wire::website_url(&state.session(&profile_id).await?.profile().endpoint, &bucket))
}
