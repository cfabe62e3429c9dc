use crate::state::AppState;
use tauri::State;
use zos_core::buckets::{self, BucketNameCheck, BucketSummary, BucketUsage, CreateBucketRequest};
use zos_core::AppError;

#[tauri::command]
#[specta::specta]
pub async fn list_buckets(
    state: State<'_, AppState>,
    profile_id: String,
) -> Result<Vec<BucketSummary>, AppError> {
    buckets::list_buckets(state.session(&profile_id).await?.s3()).await
}

#[tauri::command]
#[specta::specta]
pub fn check_bucket_name(name: String) -> Result<BucketNameCheck, AppError> {
    Ok(buckets::check_bucket_name(&name))
}

#[tauri::command]
#[specta::specta]
pub async fn create_bucket(
    state: State<'_, AppState>,
    profile_id: String,
    request: CreateBucketRequest,
) -> Result<(), AppError> {
    buckets::create_bucket(state.session(&profile_id).await?.s3(), &request).await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_bucket(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
) -> Result<(), AppError> {
    buckets::delete_bucket(state.session(&profile_id).await?.s3(), &bucket).await
}

#[tauri::command]
#[specta::specta]
pub async fn bucket_usage(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
) -> Result<BucketUsage, AppError> {
    buckets::bucket_usage(state.session(&profile_id).await?.s3(), &bucket).await
}
