//! Access logging: get, put (on with a target, or off).

use crate::state::AppState;
use tauri::State;
use zos_core::buckets::config::logging::{self, BucketLogging};
use zos_core::AppError;

#[tauri::command]
#[specta::specta]
pub async fn get_bucket_logging(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
) -> Result<BucketLogging, AppError> {
    logging::get(state.session(&profile_id).await?.s3(), &bucket).await
}

#[tauri::command]
#[specta::specta]
pub async fn put_bucket_logging(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    config: BucketLogging,
) -> Result<(), AppError> {
    logging::put(state.session(&profile_id).await?.s3(), &bucket, &config).await
}
