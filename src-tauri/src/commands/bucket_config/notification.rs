//! Bucket notifications: list, put one (radosgw merges by Id), delete one or all, the form's
//! check and the events it offers, and the delivery check.

use crate::state::AppState;
use tauri::State;
use zos_core::buckets::config::notification::{self, NotificationRule};
use zos_core::delivery::{self, DeliveryReport};
use zos_core::validation::Problem;
use zos_core::AppError;

#[tauri::command]
#[specta::specta]
pub async fn get_bucket_notifications(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
) -> Result<Vec<NotificationRule>, AppError> {
    notification::get(state.session(&profile_id).await?.s3(), &bucket, None).await
}

#[tauri::command]
#[specta::specta]
pub async fn put_bucket_notification(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    rule: NotificationRule,
) -> Result<(), AppError> {
    notification::put(state.session(&profile_id).await?.s3(), &bucket, &rule).await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_bucket_notification(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    id: Option<String>,
) -> Result<(), AppError> {
    notification::delete(state.session(&profile_id).await?.s3(), &bucket, id.as_deref()).await
}

#[tauri::command]
#[specta::specta]
pub fn check_notification(rule: NotificationRule) -> Vec<Problem> {
    notification::check(&rule)
}

#[tauri::command]
#[specta::specta]
pub fn notification_events() -> Vec<String> {
    notification::EVENTS.iter().map(|e| e.to_string()).collect()
}

#[tauri::command]
#[specta::specta]
pub async fn test_notification_delivery(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    rule: NotificationRule,
    reach_at: Option<String>,
) -> Result<DeliveryReport, AppError> {
    let session = state.session(&profile_id).await?;
    delivery::test_delivery(session.s3(), session.sns(), &bucket, &rule, None, reach_at.as_deref()).await
}
