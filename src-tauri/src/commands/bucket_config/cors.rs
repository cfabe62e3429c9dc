//! CORS: get, put, delete, and the live preflight test.

use crate::state::AppState;
use tauri::State;
use zos_core::buckets::config::cors::{self, CorsConfiguration};
use zos_core::buckets::config::preflight::{self, PreflightAnswer, PreflightRequest};
use zos_core::AppError;

#[tauri::command]
#[specta::specta]
pub async fn get_bucket_cors(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
) -> Result<Option<CorsConfiguration>, AppError> {
    cors::get(state.session(&profile_id).await?.s3(), &bucket).await
}

#[tauri::command]
#[specta::specta]
pub async fn put_bucket_cors(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    config: CorsConfiguration,
) -> Result<(), AppError> {
    cors::put(state.session(&profile_id).await?.s3(), &bucket, &config).await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_bucket_cors(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
) -> Result<(), AppError> {
    cors::delete(state.session(&profile_id).await?.s3(), &bucket).await
}

#[tauri::command]
#[specta::specta]
pub async fn cors_preflight(
    state: State<'_, AppState>,
    profile_id: String,
    request: PreflightRequest,
) -> Result<PreflightAnswer, AppError> {
    preflight::run(state.session(&profile_id).await?.s3(), &request).await
}
