//! Versioning: get and put (there is no DELETE).

use crate::state::AppState;
use tauri::State;
use zos_core::buckets::config::versioning::{self, BucketVersioning, VersioningStatus};
use zos_core::AppError;

#[tauri::command]
#[specta::specta]
pub async fn get_bucket_versioning(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
) -> Result<Option<BucketVersioning>, AppError> {
    versioning::get(state.session(&profile_id).await?.s3(), &bucket).await
}

#[tauri::command]
#[specta::specta]
pub async fn put_bucket_versioning(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    status: VersioningStatus,
) -> Result<(), AppError> {
    versioning::put(state.session(&profile_id).await?.s3(), &bucket, status).await
}
