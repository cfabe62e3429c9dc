//! Save as: persist a pipeline's result as an object. On the server with process_object when it
//! processes images; otherwise (when the user chooses) rendered here and uploaded, which the UI
//! labels. An existing object is replaced only when the user said so.

use super::{server, Engine, ImageRef, RenderedFacts, ServerSupport};
use crate::error::{AppError, ErrorCode, Result};
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SaveImage {
    pub source: ImageRef,
    pub pipeline: String,
    pub bucket: String,
    pub key: String,
    pub engine: Engine,
    /// Replace an existing object at `bucket/key`.
    pub overwrite: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SavedImage {
    pub engine: Engine,
    /// What was uploaded, when the local engine made it.
    pub facts: Option<RenderedFacts>,
}

pub async fn save(
    s3: &aws_sdk_s3::Client,
    support: &ServerSupport,
    request: &SaveImage,
) -> Result<SavedImage> {
    crate::objects::validate_key(&request.key)?;
    let pipeline = super::parse(&request.pipeline)?;
    if pipeline.steps.iter().any(|s| matches!(s, zos_image::Step::Info)) {
        return Err(AppError::invalid_input(
            "image/info answers facts, not an image: there is nothing to save",
        ));
    }
    if !request.overwrite && crate::objects::object_exists(s3, &request.bucket, &request.key).await? {
        return Err(AppError::new(
            ErrorCode::ObjectExists,
            format!("{}/{} exists; it is replaced only when you say so", request.bucket, request.key),
        ));
    }
    match request.engine {
        Engine::Server => {
            if support.known() == Some(false) {
                return Err(AppError::new(
                    ErrorCode::UnsupportedByServer,
                    "this server answered a preview with the original image: it does not process images",
                ));
            }
            let canonical = zos_image::print(&pipeline);
            match server::process_object(s3, &request.source, &canonical, &request.bucket, &request.key).await
            {
                Ok(()) => {
                    support.record(true);
                    Ok(SavedImage { engine: Engine::Server, facts: None })
                }
                // radosgw answers the POST with 501: no image processing there.
                Err(e) if matches!(e.code, ErrorCode::NotImplemented | ErrorCode::MethodNotAllowed) => {
                    support.record(false);
                    Err(AppError {
                        code: ErrorCode::UnsupportedByServer,
                        detail: format!(
                            "the server answered process_object with {}: it does not process images",
                            e.status.map_or_else(|| e.code.to_string(), |s| s.to_string())
                        ),
                        ..e
                    })
                }
                Err(e) => Err(e),
            }
        }
        Engine::Local => {
            let original = server::fetch(s3, &request.source, None).await?;
            let watermarks = super::fetch_watermarks(s3, &request.source.bucket, &pipeline).await?;
            let rendered = super::run_local(original.bytes, pipeline, watermarks).await?;
            s3.put_object()
                .bucket(&request.bucket)
                .key(&request.key)
                .content_type(&rendered.facts.content_type)
                .body(rendered.bytes.into())
                .send()
                .await
                .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchBucket))?;
            Ok(SavedImage { engine: Engine::Local, facts: Some(rendered.facts) })
        }
    }
}
