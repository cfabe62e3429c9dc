use crate::state::AppState;
use tauri::State;
use zos_core::buckets::{validate_bucket_name as validate, BucketSummary, BucketUsage, CreateBucketRequest};
use zos_core::AppError;

#[tauri::command]
#[specta::specta]
pub async fn list_buckets(
    state: State<'_, AppState>,
    profile_id: String,
) -> Result<Vec<BucketSummary>, AppError> {
    state.ws.list_buckets(&profile_id).await
}

#[tauri::command]
#[specta::specta]
pub fn validate_bucket_name(name: String) -> Result<(), AppError> {
    validate(&name)
}

#[tauri::command]
#[specta::specta]
pub async fn create_bucket(
    state: State<'_, AppState>,
    profile_id: String,
    request: CreateBucketRequest,
) -> Result<(), AppError> {
    state.ws.create_bucket(&profile_id, request).await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_bucket(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
) -> Result<(), AppError> {
    state.ws.delete_bucket(&profile_id, &bucket).await
}

#[tauri::command]
#[specta::specta]
pub async fn bucket_usage(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
) -> Result<BucketUsage, AppError> {
    state.ws.bucket_usage(&profile_id, &bucket).await
}
