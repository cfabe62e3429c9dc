use crate::events::progress_reporter;
use crate::state::AppState;
use tauri::{AppHandle, State};
use zos_core::local_files::Access;
use zos_core::objects::{self, DeleteReport, ObjectDetails, ObjectEntry, ObjectPage};
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
    objects::list_objects(
        state.session(&profile_id).await?.s3(),
        &bucket,
        &prefix,
        continuation_token,
        max_keys,
    )
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn head_object(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    key: String,
) -> Result<ObjectDetails, AppError> {
    objects::head_object(state.session(&profile_id).await?.s3(), &bucket, &key).await
}

/// `destination` is the handle of a place the user chose in the save dialog.
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
    let path = state.files.resolve(&destination, Access::Write)?;
    let s3 = state.session(&profile_id).await?;
    objects::download_object(s3.s3(), &bucket, &key, &path, progress_reporter(app, &key)).await
}

/// `source` is the handle of a file the user chose (open dialog or drop).
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
    let path = state.files.resolve(&source, Access::Read)?;
    objects::upload_file(state.session(&profile_id).await?.s3(), &bucket, &key, &path, overwrite).await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_objects(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    keys: Vec<String>,
) -> Result<DeleteReport, AppError> {
    objects::delete_objects(state.session(&profile_id).await?.s3(), &bucket, &keys).await
}
