//! Topics: list, create (or update), read, delete, the rules that use one; the form's check.

use crate::state::AppState;
use tauri::State;
use zos_core::buckets::config::notification::{self, TopicUse};
use zos_core::topics::{self, TopicDetails, TopicSpec, TopicSummary};
use zos_core::validation::Problem;
use zos_core::AppError;

#[tauri::command]
#[specta::specta]
pub async fn list_topics(
    state: State<'_, AppState>,
    profile_id: String,
) -> Result<Vec<TopicSummary>, AppError> {
    topics::list_topics(state.session(&profile_id).await?.sns()).await
}

#[tauri::command]
#[specta::specta]
pub fn check_topic(spec: TopicSpec) -> Vec<Problem> {
    topics::check(&spec)
}

#[tauri::command]
#[specta::specta]
pub async fn create_topic(
    state: State<'_, AppState>,
    profile_id: String,
    spec: TopicSpec,
) -> Result<String, AppError> {
    topics::create_topic(state.session(&profile_id).await?.sns(), &spec).await
}

#[tauri::command]
#[specta::specta]
pub async fn get_topic(
    state: State<'_, AppState>,
    profile_id: String,
    arn: String,
) -> Result<TopicDetails, AppError> {
    topics::get_topic(state.session(&profile_id).await?.sns(), &arn).await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_topic(
    state: State<'_, AppState>,
    profile_id: String,
    arn: String,
) -> Result<(), AppError> {
    topics::delete_topic(state.session(&profile_id).await?.sns(), &arn).await
}

#[tauri::command]
#[specta::specta]
pub async fn topic_users(
    state: State<'_, AppState>,
    profile_id: String,
    arn: String,
) -> Result<Vec<TopicUse>, AppError> {
    notification::rules_using(state.session(&profile_id).await?.s3(), &arn).await
}
