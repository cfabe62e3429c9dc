//! Lifecycle rules: get, put (replaces all rules), delete all.

use crate::state::AppState;
use tauri::State;
use zos_core::buckets::config::lifecycle::{self, LifecycleConfiguration};
use zos_core::AppError;

#[tauri::command]
#[specta::specta]
pub async fn get_bucket_lifecycle(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
) -> Result<Option<LifecycleConfiguration>, AppError> {
    lifecycle::get(state.session(&profile_id).await?.s3(), &bucket).await
}

#[tauri::command]
#[specta::specta]
pub async fn put_bucket_lifecycle(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    config: LifecycleConfiguration,
) -> Result<(), AppError> {
    lifecycle::put(state.session(&profile_id).await?.s3(), &bucket, &config).await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_bucket_lifecycle(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
) -> Result<(), AppError> {
    lifecycle::delete(state.session(&profile_id).await?.s3(), &bucket).await
}
