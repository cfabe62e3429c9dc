//! Image processing: check and print pipelines, render previews (the bytes go to the webview
//! through the `zosimg:` scheme, by token), presigned URLs with a pipeline, save as.

use crate::state::AppState;
use tauri::State;
use zos_core::images::save::{SaveImage, SavedImage};
use zos_core::images::{self, Engine, ImageRef, Pipeline, PipelineCheck, RenderedView};
use zos_core::AppError;

#[tauri::command]
#[specta::specta]
pub fn check_image_pipeline(text: String) -> PipelineCheck {
    images::check_pipeline(&text)
}

#[tauri::command]
#[specta::specta]
pub fn print_image_pipeline(pipeline: Pipeline) -> String {
    images::print_pipeline(&pipeline)
}

#[tauri::command]
#[specta::specta]
pub async fn image_original(
    state: State<'_, AppState>,
    profile_id: String,
    image: ImageRef,
) -> Result<RenderedView, AppError> {
    Ok(state.images.keep(images::original(state.session(&profile_id).await?.s3(), &image).await?))
}

#[tauri::command]
#[specta::specta]
pub async fn render_image(
    state: State<'_, AppState>,
    profile_id: String,
    image: ImageRef,
    pipeline: String,
    engine: Engine,
) -> Result<RenderedView, AppError> {
    let session = state.session(&profile_id).await?;
    Ok(state
        .images
        .keep(images::render(session.s3(), session.image_support(), &image, &pipeline, engine).await?))
}

#[tauri::command]
#[specta::specta]
pub async fn image_url(
    state: State<'_, AppState>,
    profile_id: String,
    image: ImageRef,
    pipeline: Option<String>,
    expires_in_secs: u32,
) -> Result<String, AppError> {
    images::share_url(state.session(&profile_id).await?.s3(), &image, pipeline.as_deref(), expires_in_secs)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn save_image(
    state: State<'_, AppState>,
    profile_id: String,
    request: SaveImage,
) -> Result<SavedImage, AppError> {
    let session = state.session(&profile_id).await?;
    images::save::save(session.s3(), session.image_support(), &request).await
}
