//! Tags of buckets and of objects (or one version of an object).

use crate::state::AppState;
use tauri::State;
use zos_core::buckets::config::tagging::{self, TagSet};
use zos_core::AppError;

#[tauri::command]
#[specta::specta]
pub async fn get_bucket_tags(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
) -> Result<TagSet, AppError> {
    tagging::get_bucket(state.session(&profile_id).await?.s3(), &bucket).await
}

#[tauri::command]
#[specta::specta]
pub async fn put_bucket_tags(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    tags: TagSet,
) -> Result<(), AppError> {
    tagging::put_bucket(state.session(&profile_id).await?.s3(), &bucket, &tags).await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_bucket_tags(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
) -> Result<(), AppError> {
    tagging::delete_bucket(state.session(&profile_id).await?.s3(), &bucket).await
}

#[tauri::command]
#[specta::specta]
pub async fn get_object_tags(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    key: String,
    version_id: Option<String>,
) -> Result<TagSet, AppError> {
    tagging::get_object(state.session(&profile_id).await?.s3(), &bucket, &key, version_id.as_deref()).await
}

#[tauri::command]
#[specta::specta]
pub async fn put_object_tags(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    key: String,
    version_id: Option<String>,
    tags: TagSet,
) -> Result<(), AppError> {
    tagging::put_object(state.session(&profile_id).await?.s3(), &bucket, &key, version_id.as_deref(), &tags)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_object_tags(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    key: String,
    version_id: Option<String>,
) -> Result<(), AppError> {
    tagging::delete_object(state.session(&profile_id).await?.s3(), &bucket, &key, version_id.as_deref()).await
}
