use crate::dialogs;
use crate::state::AppState;
use tauri::{AppHandle, State};
use zos_core::profiles::exchange::{
    self, AwsFiles, AwsImportChoice, AwsProfile, ExportedProfile, ImportCandidate,
};
use zos_core::profiles::Profile;
use zos_core::{AppError, ErrorCode};

/// Saves the chosen profiles (all when `ids` is empty) to a file picked in a native dialog;
/// `false` when the dialog was cancelled.
#[tauri::command]
#[specta::specta]
pub async fn export_profiles(
    app: AppHandle,
    state: State<'_, AppState>,
    ids: Vec<String>,
) -> Result<bool, AppError> {
    let Some(path) = dialogs::pick_save_path(&app, "zos-profiles.json").await? else { return Ok(false) };
    let profiles = state.profiles.list().await?;
    exchange::write_export(
        &path,
        &profiles.into_iter().filter(|p| ids.is_empty() || ids.contains(&p.id)).collect::<Vec<_>>(),
    )?;
    Ok(true)
}

/// Reads a profiles file picked in a native dialog (empty when cancelled).
#[tauri::command]
#[specta::specta]
pub async fn read_profiles_file(app: AppHandle) -> Result<Vec<ImportCandidate>, AppError> {
    match dialogs::pick_files(&app).await?.into_iter().next() {
        Some(path) => exchange::read_export(&path),
        None => Ok(Vec::new()),
    }
}

#[tauri::command]
#[specta::specta]
pub async fn import_profile(
    state: State<'_, AppState>,
    profile: ExportedProfile,
    secret_access_key: Option<String>,
) -> Result<Profile, AppError> {
    state.profiles.import(profile, secret_access_key).await
}

fn aws_files() -> Result<AwsFiles, AppError> {
    AwsFiles::default_location()
        .ok_or_else(|| AppError::new(ErrorCode::Io, "no home folder to find ~/.aws in"))
}

/// The profiles of `~/.aws/credentials` and `~/.aws/config` (never their secrets).
#[tauri::command]
#[specta::specta]
pub fn list_aws_profiles() -> Result<Vec<AwsProfile>, AppError> {
    aws_files()?.profiles()
}

#[tauri::command]
#[specta::specta]
pub async fn import_aws_profiles(
    state: State<'_, AppState>,
    choices: Vec<AwsImportChoice>,
) -> Result<Vec<Profile>, AppError> {
    state.profiles.import_aws(&aws_files()?, choices).await
}
