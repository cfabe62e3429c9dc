//! Open and save dialogs with `rfd`. GTK wants dialogs built on the main thread; the answer is
//! awaited on a thread of its own so the main loop keeps running meanwhile.

use std::path::PathBuf;
use tauri::{AppHandle, Manager};
use zos_core::{AppError, ErrorCode, Result};

/// Runs `ask` (which builds an rfd dialog and returns its future) on the main thread and waits
/// for the user's answer.
async fn on_main_thread<T, F, Fut>(app: &AppHandle, ask: F) -> Result<T>
where
    T: Send + 'static,
    F: FnOnce(rfd::AsyncFileDialog) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = T> + Send + 'static,
{
    let (tx, rx) = tokio::sync::oneshot::channel();
    let window = app.get_webview_window("main");
    app.run_on_main_thread(move || {
        let mut dialog = rfd::AsyncFileDialog::new();
        if let Some(window) = &window {
            dialog = dialog.set_parent(window);
        }
        let answer = ask(dialog);
        std::thread::spawn(move || {
            let _ = tx.send(tauri::async_runtime::block_on(answer));
        });
    })
    .map_err(|e| AppError::new(ErrorCode::Unknown, format!("could not open the file dialog: {e}")))?;
    rx.await.map_err(|_| AppError::new(ErrorCode::Unknown, "the file dialog closed without an answer"))
}

pub async fn pick_files(app: &AppHandle) -> Result<Vec<PathBuf>> {
    #[cfg(feature = "e2e-hooks")]
    if let Some(answer) = e2e::answer() {
        return Ok(answer.open);
    }
    let picked = on_main_thread(app, |d| d.pick_files()).await?;
    Ok(picked.unwrap_or_default().into_iter().map(|f| f.path().to_path_buf()).collect())
}

/// One certificate file (a profile's CA), PEM by its usual extensions.
pub async fn pick_certificate_file(app: &AppHandle) -> Result<Option<PathBuf>> {
    #[cfg(feature = "e2e-hooks")]
    if let Some(answer) = e2e::answer() {
        return Ok(answer.open.into_iter().next());
    }
    let picked = on_main_thread(app, |d| {
        d.add_filter("PEM certificate", &["pem", "crt", "cer"]).add_filter("*", &["*"]).pick_file()
    })
    .await?;
    Ok(picked.map(|f| f.path().to_path_buf()))
}

pub async fn pick_save_path(app: &AppHandle, default_name: &str) -> Result<Option<PathBuf>> {
    #[cfg(feature = "e2e-hooks")]
    if let Some(answer) = e2e::answer() {
        return Ok(answer.save);
    }
    let name = default_name.to_owned();
    let picked = on_main_thread(app, move |d| d.set_file_name(name).save_file()).await?;
    Ok(picked.map(|f| f.path().to_path_buf()))
}

pub async fn pick_folder(app: &AppHandle) -> Result<Option<PathBuf>> {
    #[cfg(feature = "e2e-hooks")]
    if let Some(answer) = e2e::answer() {
        return Ok(answer.folder);
    }
    let picked = on_main_thread(app, |d| d.pick_folder()).await?;
    Ok(picked.map(|f| f.path().to_path_buf()))
}

/// The desktop end-to-end test cannot click GTK's dialogs: with the `e2e-hooks` feature (debug
/// builds only), the answers come from the JSON file named by `ZOS_E2E_DIALOG_ANSWERS`, which
/// the test process writes before each click: `{"open": ["/path", …], "save": "/path",
/// "folder": "/path"}`.
#[cfg(feature = "e2e-hooks")]
mod e2e {
    #[cfg(not(debug_assertions))]
    compile_error!("the e2e dialog hooks must never be part of a release build");

    use std::path::PathBuf;

    #[derive(serde::Deserialize, Default)]
    pub struct Answer {
        #[serde(default)]
        pub open: Vec<PathBuf>,
        #[serde(default)]
        pub save: Option<PathBuf>,
        #[serde(default)]
        pub folder: Option<PathBuf>,
    }

    pub fn answer() -> Option<Answer> {
        let file = std::env::var_os("ZOS_E2E_DIALOG_ANSWERS")?;
        let text = std::fs::read_to_string(file).ok()?;
        Some(serde_json::from_str(&text).expect("ZOS_E2E_DIALOG_ANSWERS holds {open, save, folder}"))
    }
}
