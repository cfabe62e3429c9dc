//! Image processing for the app: previews of an `x-zos-process` pipeline from the server when it
//! processes images, otherwise (and always on request) from the local engine (`zos_image`);
//! saving a processed copy; thumbnails. The server's wire forms are in [`server`] and
//! `zos_wire`; the pixels are `zos_image`'s.

pub mod save;
pub mod serve;
pub mod server;
pub mod store;
pub mod thumbs;

use crate::error::{AppError, ErrorCode, Result};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU8, Ordering};

/// The engine's pipeline types, for the commands and the UI's builder.
pub use zos_image::{ParseError, Pipeline};

/// Previews and thumbnails read at most this much of an object.
pub const MAX_SOURCE_BYTES: u64 = 64 * 1024 * 1024;

/// One object (a version of it with `version_id`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ImageRef {
    pub bucket: String,
    pub key: String,
    pub version_id: Option<String>,
}

/// Who processed a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum Engine {
    Server,
    Local,
}

/// Why a result asked of the server came from the local engine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Fallback {
    /// The server answered the original image: it has no image processing (radosgw).
    ServerIgnored,
    /// The server's answer was an error (kept, to be shown).
    ServerFailed { error: AppError },
    /// This session already saw the server ignore `x-zos-process`; it was not asked again.
    KnownUnsupported,
}

/// Whether this session's server processes images: learned from the first preview.
/// 0: not known yet, 1: it does, 2: it answered the original.
#[derive(Debug, Default)]
pub struct ServerSupport(AtomicU8);

const SUPPORTED: u8 = 1;
const UNSUPPORTED: u8 = 2;

impl ServerSupport {
    /// `None` until a preview showed it.
    pub fn known(&self) -> Option<bool> {
        match self.0.load(Ordering::Relaxed) {
            SUPPORTED => Some(true),
            UNSUPPORTED => Some(false),
            _ => None,
        }
    }

    pub fn record(&self, supported: bool) {
        self.0.store(if supported { SUPPORTED } else { UNSUPPORTED }, Ordering::Relaxed);
    }
}

/// A rendered image and what the UI shows beside it.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub facts: RenderedFacts,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RenderedFacts {
    pub content_type: String,
    /// `jpg`, `png`, `webp`, `bmp`, `tiff`, `gif`, or `json` for `image/info`.
    pub format: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub size: u32,
    pub engine: Engine,
    /// Set when the server was asked but the local engine made this.
    pub fallback: Option<Fallback>,
    /// What the local engine says about its work (e.g. which font stood in for another).
    pub notes: Vec<zos_image::Note>,
}

/// The original as stored, for the left side of a preview.
pub async fn original(s3: &aws_sdk_s3::Client, image: &ImageRef) -> Result<Rendered> {
    let fetched = server::fetch(s3, image, None).await?;
    let probe = zos_image::info(&fetched.bytes).ok();
    Ok(Rendered {
        facts: RenderedFacts {
            content_type: fetched.content_type.clone().unwrap_or_else(|| "application/octet-stream".into()),
            format: probe.as_ref().map_or_else(|| "unknown".into(), |p| p.format.name().to_owned()),
            width: probe.as_ref().map(|p| p.width),
            height: probe.as_ref().map(|p| p.height),
            size: fetched.bytes.len() as u32,
            engine: Engine::Server,
            fallback: None,
            notes: Vec::new(),
        },
        bytes: fetched.bytes,
    })
}

/// The pipeline's result. With `Engine::Server` the server is asked first (unless this session
/// already knows it ignores `x-zos-process`) and its answer checked: when it is the original,
/// or an error, the local engine makes the result and [`RenderedFacts::fallback`] says why.
pub async fn render(
    s3: &aws_sdk_s3::Client,
    support: &ServerSupport,
    image: &ImageRef,
    pipeline_text: &str,
    engine: Engine,
) -> Result<Rendered> {
    let pipeline = parse(pipeline_text)?;
    let canonical = zos_image::print(&pipeline);
    let original = server::fetch(s3, image, None).await?;
    let fallback = match (engine, support.known()) {
        (Engine::Local, _) => None,
        (Engine::Server, Some(false)) => Some(Fallback::KnownUnsupported),
        (Engine::Server, _) => match server::fetch(s3, image, Some(&canonical)).await {
            Ok(answer) if server::ignored_by_server(&answer, &original) => {
                support.record(false);
                Some(Fallback::ServerIgnored)
            }
            Ok(answer) => {
                support.record(true);
                return Ok(from_server(answer));
            }
            Err(error) => Some(Fallback::ServerFailed { error }),
        },
    };
    let watermarks = fetch_watermarks(s3, &image.bucket, &pipeline).await?;
    let mut rendered = run_local(original.bytes, pipeline, watermarks).await?;
    rendered.facts.fallback = fallback;
    Ok(rendered)
}

/// The local engine's result for a pipeline over bytes (off the async threads).
pub async fn run_local(
    input: Vec<u8>,
    pipeline: zos_image::Pipeline,
    watermarks: HashMap<String, Vec<u8>>,
) -> Result<Rendered> {
    let processed = tokio::task::spawn_blocking(move || zos_image::process(&input, &pipeline, &watermarks))
        .await
        .map_err(|e| AppError::new(ErrorCode::Unknown, format!("the image engine stopped: {e}")))?
        .map_err(exec_error)?;
    Ok(from_local(processed))
}

/// The pipeline typed, or its first problem as an `InvalidInput` error naming the token.
pub fn parse(text: &str) -> Result<zos_image::Pipeline> {
    zos_image::parse(text).map_err(|e| AppError::invalid_input(e.to_string()))
}

pub(crate) async fn fetch_watermarks(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    pipeline: &zos_image::Pipeline,
) -> Result<HashMap<String, Vec<u8>>> {
    let mut out = HashMap::new();
    for key in pipeline.watermark_keys() {
        let image = ImageRef { bucket: bucket.to_owned(), key: key.clone(), version_id: None };
        out.insert(key, server::fetch(s3, &image, None).await?.bytes);
    }
    Ok(out)
}

fn from_server(answer: server::Fetched) -> Rendered {
    let probe = zos_image::info(&answer.bytes).ok();
    let is_json = answer.content_type.as_deref().is_some_and(|t| t.contains("json"));
    Rendered {
        facts: RenderedFacts {
            content_type: answer.content_type.clone().unwrap_or_else(|| "application/octet-stream".into()),
            format: if is_json {
                "json".into()
            } else {
                probe.as_ref().map_or_else(|| "unknown".into(), |p| p.format.name().to_owned())
            },
            width: probe.as_ref().map(|p| p.width),
            height: probe.as_ref().map(|p| p.height),
            size: answer.bytes.len() as u32,
            engine: Engine::Server,
            fallback: None,
            notes: Vec::new(),
        },
        bytes: answer.bytes,
    }
}

fn from_local(processed: zos_image::Processed) -> Rendered {
    match processed {
        zos_image::Processed::Image(image) => Rendered {
            facts: RenderedFacts {
                content_type: image.format.mime().to_owned(),
                format: image.format.name().to_owned(),
                width: Some(image.width),
                height: Some(image.height),
                size: image.bytes.len() as u32,
                engine: Engine::Local,
                fallback: None,
                notes: image.notes,
            },
            bytes: image.bytes,
        },
        zos_image::Processed::Info(info) => {
            let json = serde_json::to_string_pretty(&info.to_aliyun_json()).expect("JSON serializes");
            Rendered {
                facts: RenderedFacts {
                    content_type: "application/json".into(),
                    format: "json".into(),
                    width: Some(info.width),
                    height: Some(info.height),
                    size: json.len() as u32,
                    engine: Engine::Local,
                    fallback: None,
                    notes: Vec::new(),
                },
                bytes: json.into_bytes(),
            }
        }
    }
}

fn exec_error(e: zos_image::ExecError) -> AppError {
    AppError::new(ErrorCode::InvalidInput, e.to_string())
}

/// A rendered image kept for the webview: its facts and the path to load it by, under the
/// app's `zosimg:` scheme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RenderedView {
    pub facts: RenderedFacts,
    pub path: String,
    /// The text of an `image/info` answer (JSON), shown as text rather than loaded.
    pub text: Option<String>,
}

/// A pipeline as typed: the typed steps and canonical text, or the first problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PipelineCheck {
    pub pipeline: Option<zos_image::Pipeline>,
    pub canonical: Option<String>,
    pub problem: Option<zos_image::ParseError>,
}

pub fn print_pipeline(pipeline: &Pipeline) -> String {
    zos_image::print(pipeline)
}

pub fn check_pipeline(text: &str) -> PipelineCheck {
    match zos_image::parse(text) {
        Ok(pipeline) => PipelineCheck {
            canonical: Some(zos_image::print(&pipeline)),
            pipeline: Some(pipeline),
            problem: None,
        },
        Err(problem) => PipelineCheck { pipeline: None, canonical: None, problem: Some(problem) },
    }
}

/// A presigned GET URL of the image, with the pipeline (checked first) when one is given.
pub async fn share_url(
    s3: &aws_sdk_s3::Client,
    image: &ImageRef,
    pipeline: Option<&str>,
    expires_in_secs: u32,
) -> Result<String> {
    let expires_in = crate::sharing::check_expiry(expires_in_secs)?;
    let canonical = match pipeline.map(str::trim).filter(|p| !p.is_empty()) {
        Some(text) => Some(zos_image::print(&parse(text)?)),
        None => None,
    };
    server::presigned_url(s3, image, canonical.as_deref(), expires_in).await
}
