//! Bucket policy: get, put (the JSON text), delete; parse and print for the form and the
//! JSON editor; templates.

use crate::state::AppState;
use tauri::State;
use zos_core::buckets::config::policy::{self, BucketPolicy, PolicyDocument, PolicyParse, PolicyTemplate};
use zos_core::AppError;

#[tauri::command]
#[specta::specta]
pub async fn get_bucket_policy(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
) -> Result<Option<BucketPolicy>, AppError> {
    policy::get(state.session(&profile_id).await?.s3(), &bucket).await
}

#[tauri::command]
#[specta::specta]
pub async fn put_bucket_policy(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    text: String,
) -> Result<(), AppError> {
    policy::put(state.session(&profile_id).await?.s3(), &bucket, &text).await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_bucket_policy(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
) -> Result<(), AppError> {
    policy::delete(state.session(&profile_id).await?.s3(), &bucket).await
}

#[tauri::command]
#[specta::specta]
pub fn parse_bucket_policy(text: String) -> PolicyParse {
    policy::parse(&text)
}

#[tauri::command]
#[specta::specta]
pub fn print_bucket_policy(document: PolicyDocument) -> String {
    policy::print(&document)
}

#[tauri::command]
#[specta::specta]
pub fn bucket_policy_template(template: PolicyTemplate, bucket: String) -> PolicyDocument {
    policy::template(template, &bucket)
}

#[tauri::command]
#[specta::specta]
pub fn bucket_policy_actions() -> Vec<String> {
    policy::ACTIONS.iter().map(|a| a.to_string()).collect()
}
