//! Events the backend sends to the UI. Their TypeScript types are generated with the commands.

use crate::state::AppState;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::path::PathBuf;
use tauri::{AppHandle, Manager};
use tauri_specta::Event;
use zos_core::local_files::{Access, LocalFile};
use zos_core::search::LocalProgress;
use zos_transfer::{TransferTotals, TransfersUpdate};

/// The transfers that changed (sent by the engine at most four times a second).
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
pub struct TransfersChanged(pub TransfersUpdate);

/// Counts of a local search under way (at most ten a second, and once at the end).
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
#[serde(rename_all = "camelCase")]
pub struct SearchProgress {
    pub search_id: String,
    pub listed: u64,
    pub headed: u64,
    pub matched: u64,
}

impl SearchProgress {
    pub fn send(app: &AppHandle, search_id: &str, counts: LocalProgress) {
        let LocalProgress { listed, headed, matched } = counts;
        let event = SearchProgress { search_id: search_id.to_owned(), listed, headed, matched };
        if let Err(e) = event.emit(app) {
            tracing::warn!("could not emit search-progress: {e}");
        }
    }
}

/// A point in the window, in CSS pixels.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, Type)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// Files and folders dropped on the window, as handles, and where they were dropped (the UI
/// finds the folder row or bucket under that point).
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
#[serde(rename_all = "camelCase")]
pub struct FilesDropped {
    pub files: Vec<LocalFile>,
    pub position: Point,
}

/// Files are being dragged over the window (`position`), or left it (`None`).
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
#[serde(rename_all = "camelCase")]
pub struct FilesDragOver {
    pub position: Option<Point>,
}

fn css_point(app: &AppHandle, position: &tauri::PhysicalPosition<f64>) -> Point {
    let scale = app.get_webview_window("main").and_then(|w| w.scale_factor().ok()).unwrap_or(1.0);
    Point { x: position.x / scale, y: position.y / scale }
}

/// The window's drag-and-drop events, turned into handles and CSS points for the UI.
pub fn drag_drop(app: &AppHandle, event: &tauri::DragDropEvent) {
    let result = match event {
        tauri::DragDropEvent::Drop { paths, position } => {
            let _ = FilesDragOver { position: None }.emit(app);
            files_dropped(app, paths, css_point(app, position))
        }
        tauri::DragDropEvent::Enter { position, .. } | tauri::DragDropEvent::Over { position } => {
            FilesDragOver { position: Some(css_point(app, position)) }.emit(app)
        }
        tauri::DragDropEvent::Leave => FilesDragOver { position: None }.emit(app),
        _ => Ok(()),
    };
    if let Err(e) = result {
        tracing::warn!("could not emit a drag-and-drop event: {e}");
    }
}

/// A drop: every dropped path becomes a read handle (files and folders alike).
pub fn files_dropped(app: &AppHandle, paths: &[PathBuf], position: Point) -> tauri::Result<()> {
    let state = app.state::<AppState>();
    let files = paths.iter().map(|p| state.files.grant(p.clone(), Access::Read)).collect();
    FilesDropped { files, position }.emit(app)
}

/// The engine's updates: an event for the UI, and the totals in the window title.
pub fn transfer_sink(app: AppHandle) -> zos_transfer::UpdateSink {
    Box::new(move |update: TransfersUpdate| {
        if let Some(window) = app.get_webview_window("main") {
            let _ = window.set_title(&window_title(&update.totals));
        }
        if let Err(e) = TransfersChanged(update).emit(&app) {
            tracing::warn!("could not emit transfers-changed: {e}");
        }
    })
}

/// "ZOS Browser — 2 transfers, 45 %" while something runs.
pub fn window_title(totals: &TransferTotals) -> String {
    if totals.active == 0 {
        return "ZOS Browser".into();
    }
    let percent = (totals.bytes_done * 100).checked_div(totals.bytes_total).unwrap_or(0);
    let mib_s = totals.bytes_per_second / (1024.0 * 1024.0);
    format!(
        "ZOS Browser — {} transfer{}, {percent} % · {mib_s:.1} MiB/s",
        totals.active,
        if totals.active == 1 { "" } else { "s" }
    )
}

/// The e2e test's way to drop files: with the `e2e-hooks` feature (debug builds only), a JSON
/// file `{"paths": […], "x": …, "y": …}` written to `ZOS_E2E_DROP` is taken as a window drop and
/// goes through [`files_dropped`], the function a real drop calls.
#[cfg(feature = "e2e-hooks")]
pub fn watch_e2e_drops(app: AppHandle) {
    #[derive(Deserialize)]
    struct Drop {
        paths: Vec<PathBuf>,
        x: f64,
        y: f64,
    }
    let Some(file) = std::env::var_os("ZOS_E2E_DROP").map(PathBuf::from) else { return };
    std::thread::spawn(move || loop {
        std::thread::sleep(std::time::Duration::from_millis(100));
        let Ok(text) = std::fs::read_to_string(&file) else { continue };
        let _ = std::fs::remove_file(&file);
        match serde_json::from_str::<Drop>(&text) {
            Ok(drop) => {
                let _ = files_dropped(&app, &drop.paths, Point { x: drop.x, y: drop.y });
            }
            Err(e) => tracing::warn!("bad e2e drop file: {e}"),
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_shows_totals_only_while_something_runs() {
        assert_eq!(window_title(&TransferTotals::default()), "ZOS Browser");
        let totals = TransferTotals {
            active: 2,
            bytes_total: 200,
            bytes_done: 90,
            bytes_per_second: 3.0 * 1024.0 * 1024.0,
            waiting: 0,
        };
        assert_eq!(window_title(&totals), "ZOS Browser — 2 transfers, 45 % · 3.0 MiB/s");
    }
}
