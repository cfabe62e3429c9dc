use crate::events::progress_reporter;
use crate::state::AppState;
use std::path::Path;
use tauri::{AppHandle, State};
use zos_core::objects::{DeleteReport, ObjectDetails, ObjectEntry, ObjectPage};
use zos_core::AppError;

#[tauri::command]
#[specta::specta]
pub async fn list_objects(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    prefix: String,
    continuation_token: Option<String>,
    max_keys: Option<i32>,
) -> Result<ObjectPage, AppError> {
    state.ws.list_objects(&profile_id, &bucket, &prefix, continuation_token, max_keys).await
}

#[tauri::command]
#[specta::specta]
pub async fn head_object(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    key: String,
) -> Result<ObjectDetails, AppError> {
    state.ws.head_object(&profile_id, &bucket, &key).await
}

#[tauri::command]
#[specta::specta]
pub async fn download_object(
    app: AppHandle,
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    key: String,
    destination: String,
) -> Result<u64, AppError> {
    let progress = progress_reporter(app, &key);
    state.ws.download_object(&profile_id, &bucket, &key, Path::new(&destination), progress).await
}

#[tauri::command]
#[specta::specta]
pub async fn upload_file(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    key: String,
    source: String,
    overwrite: bool,
) -> Result<ObjectEntry, AppError> {
    state.ws.upload_file(&profile_id, &bucket, &key, Path::new(&source), overwrite).await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_objects(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    keys: Vec<String>,
) -> Result<DeleteReport, AppError> {
    state.ws.delete_objects(&profile_id, &bucket, &keys).await
}
