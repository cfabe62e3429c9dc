//! Why running a pipeline failed, with a kind the UI can translate.

use std::fmt;

use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ExecError {
    pub kind: ExecErrorKind,
    /// English detail (e.g. the decoder's own words).
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum ExecErrorKind {
    /// The bytes are not a readable image.
    Decode,
    /// An image, but not in a format the engine reads (JPG, PNG, WebP, BMP, TIFF, GIF).
    UnsupportedFormat,
    /// Larger than the engine agrees to hold in memory (see [`crate::MAX_PIXELS`]).
    TooLarge {
        width: u32,
        height: u32,
    },
    /// The crop's origin lies outside the image.
    CropOutside {
        width: u32,
        height: u32,
    },
    /// An image watermark's bytes were not passed to `process`.
    WatermarkMissing {
        key: String,
    },
    /// An image watermark could not be decoded.
    WatermarkDecode {
        key: String,
    },
    /// No usable font file on this machine for a text watermark.
    NoFont,
    Encode,
    /// An argument of a direct call (e.g. `thumbnail`'s size) is out of range.
    BadArgument,
}

impl ExecError {
    pub(crate) fn new(kind: ExecErrorKind, message: impl Into<String>) -> Self {
        ExecError { kind, message: message.into() }
    }

    pub(crate) fn decode(e: impl fmt::Display) -> Self {
        ExecError::new(ExecErrorKind::Decode, format!("cannot decode the image: {e}"))
    }

    pub(crate) fn encode(e: impl fmt::Display) -> Self {
        ExecError::new(ExecErrorKind::Encode, format!("cannot encode the image: {e}"))
    }

    pub(crate) fn too_large(width: u32, height: u32) -> Self {
        ExecError::new(
            ExecErrorKind::TooLarge { width, height },
            format!("{width}×{height} is over the {} megapixel limit", crate::MAX_PIXELS / 1_000_000),
        )
    }
}

impl fmt::Display for ExecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ExecError {}
