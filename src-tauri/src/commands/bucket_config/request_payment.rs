//! Request payment: get and put (no DELETE: set it back to BucketOwner).

use crate::state::AppState;
use tauri::State;
use zos_core::buckets::config::request_payment::{self, RequestPayment};
use zos_core::AppError;

#[tauri::command]
#[specta::specta]
pub async fn get_bucket_request_payment(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
) -> Result<RequestPayment, AppError> {
    request_payment::get(state.session(&profile_id).await?.s3(), &bucket).await
}

#[tauri::command]
#[specta::specta]
pub async fn put_bucket_request_payment(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    value: RequestPayment,
) -> Result<(), AppError> {
    request_payment::put(state.session(&profile_id).await?.s3(), &bucket, &value).await
}
