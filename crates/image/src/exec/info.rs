//! `info`: the facts of an image, typed and as Aliyun's JSON.

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use specta::Type;

use super::decode;
use super::error::ExecError;
use crate::grammar::FileFormat;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ImageInfo {
    pub format: FileFormat,
    pub width: u32,
    pub height: u32,
    /// Bytes of the file (at most 4 GiB, far above what the engine decodes).
    pub file_size: u32,
    /// The EXIF orientation tag (1–8) when the file has one.
    pub orientation: Option<u32>,
}

impl ImageInfo {
    /// The shape Aliyun's `image/info` returns: every value a string inside `{"value": …}`.
    /// `Orientation` only when the file has the tag.
    pub fn to_aliyun_json(&self) -> Value {
        let v = |s: String| json!({ "value": s });
        let mut m = Map::new();
        m.insert("FileSize".into(), v(self.file_size.to_string()));
        m.insert("Format".into(), v(self.format.name().to_string()));
        m.insert("ImageHeight".into(), v(self.height.to_string()));
        m.insert("ImageWidth".into(), v(self.width.to_string()));
        if let Some(o) = self.orientation {
            m.insert("Orientation".into(), v(o.to_string()));
        }
        Value::Object(m)
    }
}

/// Reads the facts from the headers only; the pixels are not decoded.
pub fn info(input: &[u8]) -> Result<ImageInfo, ExecError> {
    let p = decode::probe(input)?;
    Ok(ImageInfo {
        format: p.format,
        width: p.width,
        height: p.height,
        file_size: u32::try_from(input.len()).unwrap_or(u32::MAX),
        orientation: p.orientation.map(u32::from),
    })
}
