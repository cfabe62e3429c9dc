use crate::state::AppState;
use tauri::State;
use zos_core::objects::{self, DeleteReport, ObjectDetails, ObjectPage};
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
