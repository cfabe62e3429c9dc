//! Default encryption: get, put, delete (the delete only where the server has shown it knows it).

use crate::state::AppState;
use tauri::State;
use zos_core::buckets::config::encryption::{self, EncryptionConfiguration};
use zos_core::AppError;

#[tauri::command]
#[specta::specta]
pub async fn get_bucket_encryption(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
) -> Result<Option<EncryptionConfiguration>, AppError> {
    encryption::get(state.session(&profile_id).await?.s3(), &bucket).await
}

#[tauri::command]
#[specta::specta]
pub async fn put_bucket_encryption(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    config: EncryptionConfiguration,
) -> Result<(), AppError> {
    encryption::put(state.session(&profile_id).await?.s3(), &bucket, &config).await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_bucket_encryption(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
) -> Result<(), AppError> {
    encryption::delete(state.session(&profile_id).await?.s3(), &bucket).await
}
