//! The Tauri shell of ZOS Browser: commands, events, state and logging. All logic is in
//! `zos_core`; this crate only adapts it to the window.

mod commands;
mod dialogs;
mod events;
mod protocols;
mod rendering;
mod state;

use commands::{
    bookmarks, bucket_config, buckets, files, images, multipart, objects, profile_exchange, profiles, search,
    sharing, topics, transfers, versions,
};
use specta_typescript::{BigIntExportBehavior, Typescript};
use tauri::Manager;
use tauri_specta::{collect_commands, collect_events, Builder};

/// Where the generated TypeScript bindings live, relative to this crate.
pub const BINDINGS_PATH: &str = "../ui/src/bindings.ts";

pub fn specta_builder() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new()
        .commands(collect_commands![
            profiles::list_profiles,
            profiles::check_profile,
            profiles::save_profile,
            profiles::delete_profile,
            profiles::test_connection,
            profiles::choose_ca_certificate,
            profile_exchange::export_profiles,
            profile_exchange::read_profiles_file,
            profile_exchange::import_profile,
            profile_exchange::list_aws_profiles,
            profile_exchange::import_aws_profiles,
            bookmarks::list_bookmarks,
            bookmarks::add_bookmark,
            bookmarks::remove_bookmark,
            buckets::list_buckets,
            buckets::check_bucket_name,
            buckets::create_bucket,
            buckets::delete_bucket,
            buckets::bucket_usage,
            bucket_config::versioning::get_bucket_versioning,
            bucket_config::versioning::put_bucket_versioning,
            bucket_config::capabilities::bucket_capabilities,
            bucket_config::policy::get_bucket_policy,
            bucket_config::policy::put_bucket_policy,
            bucket_config::policy::delete_bucket_policy,
            bucket_config::policy::parse_bucket_policy,
            bucket_config::policy::print_bucket_policy,
            bucket_config::policy::bucket_policy_template,
            bucket_config::policy::bucket_policy_actions,
            bucket_config::acl::get_acl,
            bucket_config::acl::put_acl,
            bucket_config::cors::get_bucket_cors,
            bucket_config::cors::put_bucket_cors,
            bucket_config::cors::delete_bucket_cors,
            bucket_config::cors::cors_preflight,
            bucket_config::website::get_bucket_website,
            bucket_config::website::put_bucket_website,
            bucket_config::website::delete_bucket_website,
            bucket_config::website::bucket_website_url,
            bucket_config::tagging::get_bucket_tags,
            bucket_config::tagging::put_bucket_tags,
            bucket_config::tagging::delete_bucket_tags,
            bucket_config::tagging::get_object_tags,
            bucket_config::tagging::put_object_tags,
            bucket_config::tagging::delete_object_tags,
            bucket_config::request_payment::get_bucket_request_payment,
            bucket_config::request_payment::put_bucket_request_payment,
            bucket_config::document::check_config,
            bucket_config::document::parse_config,
            bucket_config::document::print_config,
            bucket_config::lifecycle::get_bucket_lifecycle,
            bucket_config::lifecycle::put_bucket_lifecycle,
            bucket_config::lifecycle::delete_bucket_lifecycle,
            bucket_config::object_lock::get_bucket_object_lock,
            bucket_config::object_lock::put_bucket_object_lock,
            bucket_config::encryption::get_bucket_encryption,
            bucket_config::encryption::put_bucket_encryption,
            bucket_config::encryption::delete_bucket_encryption,
            bucket_config::logging::get_bucket_logging,
            bucket_config::logging::put_bucket_logging,
            versions::list_object_versions,
            versions::restore_object_version,
            versions::delete_object_version,
            versions::get_legal_hold,
            versions::put_legal_hold,
            versions::get_object_retention,
            versions::put_object_retention,
            objects::list_objects,
            objects::head_object,
            objects::delete_objects,
            objects::summarize_folder,
            objects::delete_folder,
            objects::append_file,
            commands::customer_keys::set_customer_key,
            commands::customer_keys::forget_customer_key,
            commands::customer_keys::has_customer_key,
            objects::check_metadata_edit,
            objects::update_object_metadata,
            objects::object_acl_summary,
            multipart::list_multipart_uploads,
            multipart::list_upload_parts,
            multipart::abort_multipart_upload,
            multipart::abort_multipart_uploads_older_than,
            multipart::resumable_uploads,
            images::check_image_pipeline,
            images::print_image_pipeline,
            images::image_original,
            images::render_image,
            images::image_url,
            images::save_image,
            search::check_search_query,
            search::print_search_query,
            search::search_objects,
            search::cancel_search,
            sharing::share_get_link,
            sharing::share_put_link,
            sharing::share_post_form,
            commands::preview::preview_object,
            files::pick_files_to_upload,
            files::pick_folder_to_upload,
            files::pick_save_location,
            files::pick_download_folder,
            topics::list_topics,
            topics::check_topic,
            topics::create_topic,
            topics::get_topic,
            topics::delete_topic,
            topics::topic_users,
            bucket_config::notification::get_bucket_notifications,
            bucket_config::notification::put_bucket_notification,
            bucket_config::notification::delete_bucket_notification,
            bucket_config::notification::check_notification,
            bucket_config::notification::notification_events,
            bucket_config::notification::test_notification_delivery,
            transfers::list_transfers,
            transfers::transfer_items,
            transfers::upload_local,
            transfers::download_to_folder,
            transfers::download_to_file,
            transfers::download_version_to_file,
            transfers::copy_objects,
            transfers::pause_transfer,
            transfers::resume_transfer,
            transfers::retry_transfer,
            transfers::cancel_transfer,
            transfers::resolve_transfer_conflicts,
            transfers::clear_finished_transfers,
            transfers::get_transfer_settings,
            transfers::set_transfer_settings,
        ])
        .events(collect_events![
            events::TransfersChanged,
            events::FilesDropped,
            events::FilesDragOver,
            events::SearchProgress
        ])
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
    let dir = zos_core::paths::data_dir().join("logs");
    let file = std::fs::create_dir_all(&dir).and_then(|_| {
        std::fs::OpenOptions::new().create(true).append(true).open(dir.join("zos-browser.log"))
    });
    let filter = tracing_subscriber::EnvFilter::try_from_env("ZOS_BROWSER_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,aws=warn,hyper=warn"))
        .add_directive(zos_core::ssec::LOG_CAP.parse().expect("a valid log directive"));
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
    let drawing = rendering::set_up();
    init_logging();
    tracing::info!("ZOS Browser {} starting; WebKit drawing: {drawing:?}", env!("CARGO_PKG_VERSION"));
    let builder = specta_builder();
    tauri::Builder::default()
        .plugin(os_locale_plugin())
        .invoke_handler(builder.invoke_handler())
        .register_asynchronous_uri_scheme_protocol(zos_core::images::serve::SCHEME, protocols::images)
        .setup(move |app| {
            builder.mount_events(app);
            let state = tauri::async_runtime::block_on(state::AppState::start(app.handle().clone()))?;
            app.manage(state);
            #[cfg(feature = "e2e-hooks")]
            events::watch_e2e_drops(app.handle().clone());
            Ok(())
        })
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::DragDrop(event) = event {
                events::drag_drop(window.app_handle(), event);
            }
        })
        .run(tauri::generate_context!())
        .expect("error while running ZOS Browser");
}
