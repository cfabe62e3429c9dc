//! What the app's `zosimg:` URI scheme serves to the webview: rendered previews by token
//! (`/render/<token>`) and thumbnails (`/thumb?profile=…&bucket=…&key=…&etag=…[&version=…]`).
//! The webview names objects, never local files. Thumbnails are read from the disk cache, else
//! made (by the server when this session knows it processes images, else by the local engine)
//! and cached; a few at a time, so a folder of images cannot swamp the machine.

use super::store::RenderStore;
use super::thumbs::{ThumbCache, ThumbId};
use super::{server, ImageRef};
use crate::error::{AppError, ErrorCode, Result};
use crate::session::{Session, Sessions};
use tokio::sync::Semaphore;

pub const SCHEME: &str = "zosimg";
/// Thumbnails fit in a square of this many pixels.
pub const THUMB_EDGE: u32 = 256;
/// Thumbnails made at the same time (each holds an original in memory).
const THUMB_CONCURRENCY: usize = 4;

pub struct Served {
    pub content_type: String,
    pub bytes: Vec<u8>,
}

pub struct ImageServer {
    pub renders: RenderStore,
    pub thumbs: ThumbCache,
    making: Semaphore,
}

impl ImageServer {
    pub fn new(thumbs: ThumbCache) -> Self {
        Self { renders: RenderStore::default(), thumbs, making: Semaphore::new(THUMB_CONCURRENCY) }
    }

    /// Keeps a rendered image for the webview to load, and says where.
    pub fn keep(&self, rendered: super::Rendered) -> super::RenderedView {
        let text =
            (rendered.facts.format == "json").then(|| String::from_utf8_lossy(&rendered.bytes).into_owned());
        let facts = rendered.facts.clone();
        let token = self.renders.put(rendered);
        super::RenderedView { facts, path: format!("/render/{token}"), text }
    }

    /// Answers one request of the scheme (`path` and `query` as in the URL, still encoded).
    pub async fn serve(&self, sessions: &Sessions, path: &str, query: &str) -> Result<Served> {
        if let Some(token) = path.strip_prefix("/render/") {
            let rendered = self
                .renders
                .get(token)
                .ok_or_else(|| AppError::new(ErrorCode::NoSuchKey, "this preview is no longer kept"))?;
            return Ok(Served { content_type: rendered.facts.content_type, bytes: rendered.bytes });
        }
        if path == "/thumb" {
            let param = |name: &str| query_param(query, name);
            let required =
                |name: &str| param(name).ok_or_else(|| AppError::invalid_input(format!("no {name}")));
            let session = sessions.get(&required("profile")?).await?;
            let image =
                ImageRef { bucket: required("bucket")?, key: required("key")?, version_id: param("version") };
            return self.thumbnail(&session, &image, &required("etag")?).await;
        }
        Err(AppError::invalid_input(format!("{SCHEME}: no such path {path}")))
    }

    pub async fn thumbnail(&self, session: &Session, image: &ImageRef, etag: &str) -> Result<Served> {
        let id = ThumbId {
            endpoint: &session.profile().endpoint,
            bucket: &image.bucket,
            key: &image.key,
            version_id: image.version_id.as_deref(),
            etag,
            edge: THUMB_EDGE,
        };
        if let Some(bytes) = self.thumbs.get(&id) {
            return Ok(Served { content_type: sniff_content_type(&bytes).into(), bytes });
        }
        let _permit = self.making.acquire().await.expect("the semaphore is never closed");
        // Made by another request while this one waited?
        if let Some(bytes) = self.thumbs.get(&id) {
            return Ok(Served { content_type: sniff_content_type(&bytes).into(), bytes });
        }
        let bytes = if session.image_support().known() == Some(true) {
            let pipeline = format!("image/resize,m_lfit,w_{THUMB_EDGE},h_{THUMB_EDGE}");
            server::fetch(session.s3(), image, Some(&pipeline)).await?.bytes
        } else {
            let original = server::fetch(session.s3(), image, None).await?.bytes;
            let made =
                tokio::task::spawn_blocking(move || zos_image::thumbnail(&original, THUMB_EDGE, THUMB_EDGE))
                    .await
                    .map_err(|e| AppError::new(ErrorCode::Unknown, format!("the image engine stopped: {e}")))?
                    .map_err(|e| AppError::new(ErrorCode::InvalidInput, e.to_string()))?;
            match made {
                zos_image::Processed::Image(image) => image.bytes,
                zos_image::Processed::Info(_) => unreachable!("a thumbnail is an image"),
            }
        };
        self.thumbs.put(&id, &bytes);
        Ok(Served { content_type: sniff_content_type(&bytes).into(), bytes })
    }
}

fn sniff_content_type(bytes: &[u8]) -> &'static str {
    match bytes {
        [0xFF, 0xD8, ..] => "image/jpeg",
        [0x89, b'P', b'N', b'G', ..] => "image/png",
        [b'R', b'I', b'F', b'F', _, _, _, _, b'W', b'E', b'B', b'P', ..] => "image/webp",
        [b'G', b'I', b'F', ..] => "image/gif",
        [b'B', b'M', ..] => "image/bmp",
        _ => "application/octet-stream",
    }
}

/// The decoded value of `name` in a URL query (`%XX` and `+` decoded; bad UTF-8 replaced).
pub fn query_param(query: &str, name: &str) -> Option<String> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| crate::zos_wire::decode_form_value(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_decoded() {
        let q = "profile=p1&key=a%20b%2F%E5%9B%BE+1.jpg&etag=%22abc%22&bad=%zz%";
        assert_eq!(query_param(q, "key").unwrap(), "a b/图 1.jpg");
        assert_eq!(query_param(q, "etag").unwrap(), "\"abc\"");
        assert_eq!(query_param(q, "bad").unwrap(), "%zz%");
        assert_eq!(query_param(q, "version"), None);
    }
}
