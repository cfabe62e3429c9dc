//! Events the backend sends to the UI. Their TypeScript types are generated with the commands.

use crate::state::AppState;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::path::PathBuf;
use tauri::{AppHandle, Manager};
use tauri_specta::Event;
use zos_core::local_files::{Access, LocalFile};

/// Progress of one download or upload (`bytes_total` is unknown for some streams).
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
#[serde(rename_all = "camelCase")]
pub struct TransferProgress {
    pub transfer_id: String,
    pub key: String,
    pub bytes_done: u64,
    pub bytes_total: Option<u64>,
}

/// Files dropped on the window, as handles (the UI uploads them where the user is).
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
#[serde(rename_all = "camelCase")]
pub struct FilesDropped {
    pub files: Vec<LocalFile>,
    /// Names of dropped folders, which are not uploaded (yet): the UI says so.
    pub skipped_folders: Vec<String>,
}

/// Turns the paths of a window drop into handles and tells the UI.
pub fn files_dropped(app: &AppHandle, paths: &[PathBuf]) {
    let state = app.state::<AppState>();
    let (dirs, files): (Vec<&PathBuf>, Vec<&PathBuf>) = paths.iter().partition(|p| p.is_dir());
    let event = FilesDropped {
        files: files.into_iter().map(|p| state.files.grant(p.clone(), Access::Read)).collect(),
        skipped_folders: dirs
            .into_iter()
            .map(|d| {
                d.file_name().map_or_else(|| d.display().to_string(), |n| n.to_string_lossy().into_owned())
            })
            .collect(),
    };
    if let Err(e) = event.emit(app) {
        tracing::warn!("could not emit files-dropped: {e}");
    }
}

/// A progress callback for the core that emits at most one event per percent (and the last).
pub fn progress_reporter(app: AppHandle, key: &str) -> impl FnMut(u64, Option<u64>) {
    let transfer_id = uuid::Uuid::new_v4().to_string();
    let key = key.to_owned();
    let mut last_percent = None;
    move |bytes_done, bytes_total| {
        let percent = bytes_total.map(|t| (bytes_done * 100).checked_div(t).unwrap_or(100));
        if percent.is_some() && percent == last_percent && Some(bytes_done) != bytes_total {
            return;
        }
        last_percent = percent;
        let event =
            TransferProgress { transfer_id: transfer_id.clone(), key: key.clone(), bytes_done, bytes_total };
        if let Err(e) = event.emit(&app) {
            tracing::warn!("could not emit transfer progress: {e}");
        }
    }
}
