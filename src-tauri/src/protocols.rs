//! The app's URI schemes. `zosimg:` serves rendered previews and thumbnails to the webview
//! (the core decides what; this adapts it to Tauri's responder).

use crate::state::AppState;
use tauri::http::{Request, Response, StatusCode};
use tauri::{Manager, UriSchemeContext, UriSchemeResponder, Wry};

pub fn images(ctx: UriSchemeContext<'_, Wry>, request: Request<Vec<u8>>, responder: UriSchemeResponder) {
    let app = ctx.app_handle().clone();
    let path = request.uri().path().to_owned();
    let query = request.uri().query().unwrap_or_default().to_owned();
    tauri::async_runtime::spawn(async move {
        let state = app.state::<AppState>();
        let response = match state.images.serve(&state.sessions, &path, &query).await {
            Ok(served) => Response::builder()
                .header("content-type", served.content_type)
                .header("cache-control", "private, max-age=3600")
                .body(served.bytes),
            Err(e) => {
                tracing::debug!("zosimg {path}: {} {}", e.code, e.detail);
                Response::builder()
                    .status(StatusCode::NOT_FOUND)
                    .header("content-type", "text/plain")
                    .body(e.code.as_str().as_bytes().to_vec())
            }
        };
        responder.respond(response.expect("a well-formed response"));
    });
}
