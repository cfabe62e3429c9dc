use crate::state::AppState;
use tauri::State;
use zos_core::local_files::Access;
use zos_core::objects::{self, AppendResult, DeleteReport, FolderSummary, ObjectDetails, ObjectPage};
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

/// What deleting a folder would delete (the UI asks "delete N objects, X GiB?").
#[tauri::command]
#[specta::specta]
pub async fn summarize_folder(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    prefix: String,
) -> Result<FolderSummary, AppError> {
    objects::summarize_folder(state.session(&profile_id).await?.s3(), &bucket, &prefix).await
}

/// Deletes a folder if it still holds the `expected_objects` the user confirmed.
#[tauri::command]
#[specta::specta]
pub async fn delete_folder(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    prefix: String,
    expected_objects: u64,
) -> Result<DeleteReport, AppError> {
    objects::delete_folder(state.session(&profile_id).await?.s3(), &bucket, &prefix, expected_objects).await
}

/// Appends a chosen local file (`source`, a handle) at `position` of an Appendable object.
#[tauri::command]
#[specta::specta]
pub async fn append_file(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    key: String,
    position: u64,
    source: String,
) -> Result<AppendResult, AppError> {
    let path = state.files.resolve(&source, Access::Read)?;
    objects::append_file(state.session(&profile_id).await?.s3(), &bucket, &key, position, &path).await
}
