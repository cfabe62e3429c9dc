use crate::state::AppState;
use tauri::State;
use zos_core::connection::ConnectionReport;
use zos_core::profiles::{Profile, ProfileInput};
use zos_core::AppError;

#[tauri::command]
#[specta::specta]
pub async fn list_profiles(state: State<'_, AppState>) -> Result<Vec<Profile>, AppError> {
    state.ws.list_profiles().await
}

#[tauri::command]
#[specta::specta]
pub async fn save_profile(state: State<'_, AppState>, input: ProfileInput) -> Result<Profile, AppError> {
    state.ws.save_profile(input).await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_profile(state: State<'_, AppState>, id: String) -> Result<(), AppError> {
    state.ws.delete_profile(id).await
}

#[tauri::command]
#[specta::specta]
pub async fn test_connection(
    state: State<'_, AppState>,
    input: ProfileInput,
) -> Result<ConnectionReport, AppError> {
    state.ws.test_connection(input).await
}
