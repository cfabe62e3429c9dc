use crate::state::AppState;
use tauri::State;
use zos_core::connection::ConnectionReport;
use zos_core::profiles::{Profile, ProfileCheck, ProfileInput};
use zos_core::AppError;

#[tauri::command]
#[specta::specta]
pub async fn list_profiles(state: State<'_, AppState>) -> Result<Vec<Profile>, AppError> {
    state.profiles.list().await
}

#[tauri::command]
#[specta::specta]
pub fn check_profile(state: State<'_, AppState>, input: ProfileInput) -> Result<ProfileCheck, AppError> {
    Ok(state.profiles.check(&input))
}

#[tauri::command]
#[specta::specta]
pub async fn save_profile(state: State<'_, AppState>, input: ProfileInput) -> Result<Profile, AppError> {
    state.profiles.save(input).await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_profile(state: State<'_, AppState>, id: String) -> Result<(), AppError> {
    state.profiles.delete(id).await
}

#[tauri::command]
#[specta::specta]
pub async fn test_connection(
    state: State<'_, AppState>,
    input: ProfileInput,
) -> Result<ConnectionReport, AppError> {
    state.profiles.test_connection(input).await
}
