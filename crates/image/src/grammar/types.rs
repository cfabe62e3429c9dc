//! The typed pipeline. Every field that a step's text may leave out is an `Option`: `None` means
//! "not written", and the engine applies the documented default. Printing writes exactly the set
//! fields, so `parse(print(p)) == p` holds for every valid pipeline.
//!
//! Field names are descriptive for the UI; each one's doc names the wire parameter.

use serde::{Deserialize, Serialize};
use specta::Type;

/// A whole `x-zos-process` value: `image/<step>/<step>…`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Pipeline {
    pub steps: Vec<Step>,
}

/// One operation of a pipeline, run in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "op", rename_all = "camelCase")]
pub enum Step {
    Resize(Resize),
    Crop(Crop),
    Rotate(Rotate),
    Watermark(Watermark),
    Format(Format),
    Quality(Quality),
    AutoOrient(AutoOrient),
    /// `info`: the image's facts as JSON instead of an image. Must be the only step.
    Info,
}

/// `resize`. At least one of `w`, `h`, `p`; `p` excludes `w` and `h`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Resize {
    /// `w`, 1–4096.
    pub w: Option<u32>,
    /// `h`, 1–4096.
    pub h: Option<u32>,
    /// `m`; default lfit.
    pub mode: Option<ResizeMode>,
    /// `color`: the fill of `m_pad`; default FFFFFF.
    pub color: Option<Color>,
    /// `p`: percent, 1–1000.
    pub percent: Option<u32>,
    /// `limit`: `true` (1, the default) never enlarges.
    pub limit: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum ResizeMode {
    /// The largest image inside the w×h box.
    Lfit,
    /// The smallest image covering the w×h box.
    Mfit,
    /// mfit, then the middle w×h cut out.
    Fill,
    /// lfit, then centered on a w×h canvas of `color`.
    Pad,
    /// Stretched to exactly w×h.
    Fixed,
}

/// `crop`. At least one of `w`, `h`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Crop {
    /// `w`, 1–30000; default: to the image's right edge.
    pub w: Option<u32>,
    /// `h`, 1–30000; default: to the image's bottom edge.
    pub h: Option<u32>,
    /// `x`: offset right of the gravity origin, 0–30000; default 0.
    pub x: Option<u32>,
    /// `y`: offset down from the gravity origin, 0–30000; default 0.
    pub y: Option<u32>,
    /// `g`: which nine-grid cell's top-left corner is the origin; default nw.
    pub gravity: Option<Gravity>,
}

/// `rotate,<degrees>`: clockwise, 0–360.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Rotate {
    pub degrees: u32,
}

/// `watermark`: a text or an image, placed by gravity and margins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Watermark {
    /// `t`: opacity 0–100; default 100.
    pub opacity: Option<u32>,
    /// `x`: horizontal margin 0–4096; default 10.
    pub x: Option<u32>,
    /// `y`: vertical margin 0–4096; default 10.
    pub y: Option<u32>,
    /// `g`: position; default see `exec::watermark::DEFAULT_GRAVITY`.
    pub gravity: Option<Gravity>,
    pub mark: Mark,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Mark {
    Text(TextMark),
    Image(ImageMark),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TextMark {
    /// `text`: the decoded text (URL-safe base64 of UTF-8 on the wire); never empty.
    pub text: String,
    /// `type`: a font name such as `heiti` (plain or URL-safe base64 on the wire).
    pub font: Option<String>,
    /// `color`; default see `exec::text::DEFAULT_COLOR`.
    pub color: Option<Color>,
    /// `size`: pixels per em, 1–1000; default 40.
    pub size: Option<u32>,
    /// `rotate`: clockwise degrees 0–360; default 0.
    pub rotate: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ImageMark {
    /// The watermark's object key in the same bucket (decoded).
    pub key: String,
    /// The key's own `?x-zos-process=` pipeline, applied to the watermark first.
    pub process: Option<Pipeline>,
}

/// `format,<name>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Format {
    pub format: FileFormat,
}

/// A file format the engine reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum FileFormat {
    Jpg,
    Png,
    Webp,
    Bmp,
    Tiff,
    Gif,
}

/// `quality,q_<1-100>` (relative) or `quality,Q_<1-100>` (absolute).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Quality {
    pub mode: QualityMode,
    pub value: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum QualityMode {
    /// `q`: a percentage of the source JPEG's own quality.
    Relative,
    /// `Q`: this quality, or the source JPEG's if that is lower.
    Absolute,
}

/// `auto-orient,0|1`: 1 applies the EXIF orientation to the pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AutoOrient {
    pub enabled: bool,
}

/// The nine-grid positions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum Gravity {
    Nw,
    North,
    Ne,
    West,
    Center,
    East,
    Sw,
    South,
    Se,
}

/// An opaque RGB color (`RRGGBB` on the wire).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
pub struct Color {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Color {
    pub const WHITE: Color = Color { r: 255, g: 255, b: 255 };
    pub const BLACK: Color = Color { r: 0, g: 0, b: 0 };
}

impl Gravity {
    pub const ALL: [Gravity; 9] = [
        Gravity::Nw,
        Gravity::North,
        Gravity::Ne,
        Gravity::West,
        Gravity::Center,
        Gravity::East,
        Gravity::Sw,
        Gravity::South,
        Gravity::Se,
    ];

    /// Column and row in the 3×3 grid, each 0–2.
    pub fn cell(self) -> (u32, u32) {
        let i = Gravity::ALL.iter().position(|g| *g == self).unwrap_or(0) as u32;
        (i % 3, i / 3)
    }

    pub fn name(self) -> &'static str {
        match self {
            Gravity::Nw => "nw",
            Gravity::North => "north",
            Gravity::Ne => "ne",
            Gravity::West => "west",
            Gravity::Center => "center",
            Gravity::East => "east",
            Gravity::Sw => "sw",
            Gravity::South => "south",
            Gravity::Se => "se",
        }
    }
}

impl ResizeMode {
    pub const ALL: [ResizeMode; 5] =
        [ResizeMode::Lfit, ResizeMode::Mfit, ResizeMode::Fill, ResizeMode::Pad, ResizeMode::Fixed];

    pub fn name(self) -> &'static str {
        match self {
            ResizeMode::Lfit => "lfit",
            ResizeMode::Mfit => "mfit",
            ResizeMode::Fill => "fill",
            ResizeMode::Pad => "pad",
            ResizeMode::Fixed => "fixed",
        }
    }
}

impl FileFormat {
    pub const ALL: [FileFormat; 6] = [
        FileFormat::Jpg,
        FileFormat::Png,
        FileFormat::Webp,
        FileFormat::Bmp,
        FileFormat::Tiff,
        FileFormat::Gif,
    ];

    /// The canonical name, as printed and as `info` reports it.
    pub fn name(self) -> &'static str {
        match self {
            FileFormat::Jpg => "jpg",
            FileFormat::Png => "png",
            FileFormat::Webp => "webp",
            FileFormat::Bmp => "bmp",
            FileFormat::Tiff => "tiff",
            FileFormat::Gif => "gif",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            FileFormat::Jpg => "image/jpeg",
            FileFormat::Png => "image/png",
            FileFormat::Webp => "image/webp",
            FileFormat::Bmp => "image/bmp",
            FileFormat::Tiff => "image/tiff",
            FileFormat::Gif => "image/gif",
        }
    }

    /// Whether the engine writes an alpha channel in this format. BMP can hold one, but few
    /// viewers honour it, so it is treated like JPEG (transparent areas become white).
    pub fn keeps_alpha(self) -> bool {
        matches!(self, FileFormat::Png | FileFormat::Webp | FileFormat::Tiff | FileFormat::Gif)
    }
}

impl Pipeline {
    /// The object keys of every image watermark, in order, without repeats: the caller fetches
    /// these from the same bucket and passes their bytes to [`crate::process`].
    pub fn watermark_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = Vec::new();
        for step in &self.steps {
            if let Step::Watermark(Watermark { mark: Mark::Image(m), .. }) = step {
                if !keys.contains(&m.key) {
                    keys.push(m.key.clone());
                }
            }
        }
        keys
    }

    /// Checks a pipeline built by hand (e.g. received as JSON) against the same rules as the
    /// parser: it is valid exactly when printing it and parsing the text gives it back.
    pub fn validate(&self) -> Result<(), crate::ParseError> {
        let reparsed = crate::parse(&self.to_string())?;
        if &reparsed == self {
            Ok(())
        } else {
            // Only reachable for values the text cannot express (e.g. a font name that is not
            // printable); report it against the whole pipeline.
            Err(crate::ParseError::not_canonical(&self.to_string()))
        }
    }

    /// The format the pipeline writes: its last `format` step, else `input`.
    pub fn output_format(&self, input: FileFormat) -> FileFormat {
        self.steps
            .iter()
            .rev()
            .find_map(|s| match s {
                Step::Format(f) => Some(f.format),
                _ => None,
            })
            .unwrap_or(input)
    }

    /// The last `quality` step, if any.
    pub fn quality(&self) -> Option<Quality> {
        self.steps.iter().rev().find_map(|s| match s {
            Step::Quality(q) => Some(*q),
            _ => None,
        })
    }
}

impl Step {
    /// The operation's name as written in a pipeline.
    pub fn op_name(&self) -> &'static str {
        match self {
            Step::Resize(_) => "resize",
            Step::Crop(_) => "crop",
            Step::Rotate(_) => "rotate",
            Step::Watermark(_) => "watermark",
            Step::Format(_) => "format",
            Step::Quality(_) => "quality",
            Step::AutoOrient(_) => "auto-orient",
            Step::Info => "info",
        }
    }
}
