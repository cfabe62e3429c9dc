use crate::dialogs;
use crate::state::AppState;
use tauri::{AppHandle, State};
use zos_core::connection::ConnectionReport;
use zos_core::profiles::{ChosenCa, Profile, ProfileCheck, ProfileInput};
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

/// A native dialog for a profile's CA file: the webview gets a handle and the certificate's
/// summary (`None`: the dialog was cancelled).
#[tauri::command]
#[specta::specta]
pub async fn choose_ca_certificate(app: AppHandle) -> Result<Option<ChosenCa>, AppError> {
    dialogs::pick_certificate_file(&app)
        .await?
        .map(|path| zos_core::profiles::choose_ca_file(&path))
        .transpose()
}
