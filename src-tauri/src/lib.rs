//! The Tauri shell of ZOS Browser: commands, events, state and logging. All logic is in
//! `zos_core`; this crate only adapts it to the window.

mod commands;
mod events;
mod state;

use commands::{buckets, objects, profiles};
use specta_typescript::{BigIntExportBehavior, Typescript};
use tauri_specta::{collect_commands, collect_events, Builder};

/// Where the generated TypeScript bindings live, relative to this crate.
pub const BINDINGS_PATH: &str = "../ui/src/bindings.ts";

pub fn specta_builder() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new()
        .commands(collect_commands![
            profiles::list_profiles,
            profiles::save_profile,
            profiles::delete_profile,
            profiles::test_connection,
            buckets::list_buckets,
            buckets::validate_bucket_name,
            buckets::create_bucket,
            buckets::delete_bucket,
            buckets::bucket_usage,
            objects::list_objects,
            objects::head_object,
            objects::download_object,
            objects::upload_file,
            objects::delete_objects,
        ])
        .events(collect_events![events::TransferProgress])
}

/// The TypeScript exporter. Sizes are `u64` in Rust; object sizes stay far below 2^53, so they
/// travel as plain JSON numbers.
pub fn typescript() -> Typescript {
    Typescript::default()
        .bigint(BigIntExportBehavior::Number)
        .header("// @ts-nocheck\n// Generated from Rust by tauri-specta (src-tauri/src/lib.rs). Do not edit.\n// Regenerate: UPDATE_BINDINGS=1 cargo test -p zos-browser --test bindings\n")
}

/// Logs go to a file in the data folder. The app never logs secrets; SDK logging is limited
/// to warnings unless `ZOS_BROWSER_LOG` asks for more.
fn init_logging() {
    let dir = zos_core::workspace::data_dir().join("logs");
    let file = std::fs::create_dir_all(&dir).and_then(|_| {
        std::fs::OpenOptions::new().create(true).append(true).open(dir.join("zos-browser.log"))
    });
    let filter = tracing_subscriber::EnvFilter::try_from_env("ZOS_BROWSER_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,aws=warn,hyper=warn"));
    if let Ok(file) = file {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_ansi(false)
            .with_writer(std::sync::Mutex::new(file))
            .try_init();
    }
}

/// Hands the OS language to the page before its scripts run (`window.__ZOS_OS_LOCALE__`).
fn os_locale_plugin() -> tauri::plugin::TauriPlugin<tauri::Wry> {
    let locale = serde_json::to_string(&zos_core::locale::os_locale()).expect("locale serializes");
    tauri::plugin::Builder::new("zos-os-locale")
        .js_init_script(format!("window.__ZOS_OS_LOCALE__ = {locale};"))
        .build()
}

pub fn run() {
    init_logging();
    tracing::info!("ZOS Browser {} starting", env!("CARGO_PKG_VERSION"));
    let builder = specta_builder();
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(os_locale_plugin())
        .manage(state::AppState::from_env())
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("error while running ZOS Browser");
}
