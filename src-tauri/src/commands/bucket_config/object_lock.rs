//! Object lock: the bucket's default retention (get, put; no delete).

use crate::state::AppState;
use tauri::State;
use zos_core::buckets::config::object_lock::{self, ObjectLockConfiguration};
use zos_core::AppError;

#[tauri::command]
#[specta::specta]
pub async fn get_bucket_object_lock(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
) -> Result<Option<ObjectLockConfiguration>, AppError> {
    object_lock::get(state.session(&profile_id).await?.s3(), &bucket).await
}

#[tauri::command]
#[specta::specta]
pub async fn put_bucket_object_lock(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    config: ObjectLockConfiguration,
) -> Result<(), AppError> {
    object_lock::put(state.session(&profile_id).await?.s3(), &bucket, &config).await
}
