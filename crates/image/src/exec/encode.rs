//! [`Raster`] → file bytes, and the quality rules.

use std::io::Cursor;

use image::{ExtendedColorType, ImageEncoder};

use super::error::ExecError;
use super::raster::Raster;
use crate::grammar::{Color, FileFormat, Quality, QualityMode};

/// JPEG and WebP quality without a `quality` step. Aliyun keeps the source's quality; this
/// engine uses one fixed, high value, which is what a preview needs.
pub const DEFAULT_QUALITY: u8 = 90;

/// The quality to encode with. As Aliyun documents `quality`: `q_` is relative to the source
/// JPEG's quality (q_90 of a quality-80 JPEG is 72), `Q_` is absolute but never above the
/// source's. A source that is not a JPEG has no quality, so both are taken as absolute.
pub(crate) fn resolve_quality(step: Option<Quality>, source: Option<u8>) -> u8 {
    let q = match (step, source) {
        (None, _) => u32::from(DEFAULT_QUALITY),
        (Some(q), None) => q.value,
        (Some(Quality { mode: QualityMode::Relative, value }), Some(s)) => (u32::from(s) * value + 50) / 100,
        (Some(Quality { mode: QualityMode::Absolute, value }), Some(s)) => value.min(u32::from(s)),
    };
    q.clamp(1, 100) as u8
}

/// `orientation`: an EXIF orientation the pixels still need (no `auto-orient,1` ran). It is
/// written into JPEG outputs so that viewers turn the result as they turned the source; the
/// other outputs carry no metadata (the engine drops all metadata, ICC profiles included).
pub(crate) fn encode(
    img: Raster,
    format: FileFormat,
    quality: u8,
    orientation: Option<u8>,
) -> Result<Vec<u8>, ExecError> {
    // Formats without alpha get the image flattened onto white.
    let img = if format.keeps_alpha() { img } else { img.flatten(Color::WHITE) };
    let color = if img.alpha { ExtendedColorType::Rgba8 } else { ExtendedColorType::Rgb8 };
    let mut out = Vec::new();
    match format {
        FileFormat::Jpg => {
            let (Ok(w), Ok(h)) = (u16::try_from(img.w), u16::try_from(img.h)) else {
                return Err(ExecError::encode("JPEG sides are at most 65535 pixels"));
            };
            let mut enc = jpeg_encoder::Encoder::new(&mut out, quality);
            if let Some(o) = orientation.filter(|o| (2..=8).contains(o)) {
                enc.add_app_segment(1, &exif_orientation(o)).map_err(ExecError::encode)?;
            }
            enc.encode(&img.data, w, h, jpeg_encoder::ColorType::Rgb).map_err(ExecError::encode)?;
        }
        FileFormat::Webp => {
            if img.w > 16383 || img.h > 16383 {
                return Err(ExecError::encode("WebP sides are at most 16383 pixels"));
            }
            // Lossy, through libwebp (the `image` crate only writes lossless WebP).
            let enc = if img.alpha {
                webp::Encoder::from_rgba(&img.data, img.w, img.h)
            } else {
                webp::Encoder::from_rgb(&img.data, img.w, img.h)
            };
            let mem = enc
                .encode_simple(false, f32::from(quality))
                .map_err(|e| ExecError::encode(format!("{e:?}")))?;
            out.extend_from_slice(&mem);
        }
        FileFormat::Png => {
            image::codecs::png::PngEncoder::new(&mut out)
                .write_image(&img.data, img.w, img.h, color)
                .map_err(ExecError::encode)?;
        }
        FileFormat::Bmp => {
            image::codecs::bmp::BmpEncoder::new(&mut out)
                .write_image(&img.data, img.w, img.h, color)
                .map_err(ExecError::encode)?;
        }
        FileFormat::Tiff => {
            image::codecs::tiff::TiffEncoder::new(Cursor::new(&mut out))
                .write_image(&img.data, img.w, img.h, color)
                .map_err(ExecError::encode)?;
        }
        FileFormat::Gif => {
            // One frame, palette quantized by the encoder.
            image::codecs::gif::GifEncoder::new(&mut out)
                .encode(&img.data, img.w, img.h, color)
                .map_err(ExecError::encode)?;
        }
    }
    Ok(out)
}

/// An APP1 payload holding only an EXIF orientation tag.
fn exif_orientation(o: u8) -> Vec<u8> {
    let mut v = b"Exif\0\0MM\0\x2a\0\0\0\x08".to_vec(); // big-endian TIFF, IFD0 at 8
    v.extend_from_slice(&[0, 1]); // one entry
    v.extend_from_slice(&[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, o, 0, 0]); // Orientation, SHORT, 1, o
    v.extend_from_slice(&[0, 0, 0, 0]); // no next IFD
    v
}

/// The IJG quality (1–100) a JPEG was most likely saved with, from its luminance quantization
/// table: the table's sum against the standard table's gives libjpeg's scale factor.
pub(crate) fn jpeg_quality(bytes: &[u8]) -> Option<u8> {
    const STD_LUMA_SUM: u32 = 3_688;
    let table = jpeg_segments(bytes)
        .find_map(|(marker, data)| (marker == 0xDB).then_some(data).and_then(luma_table))?;
    let sum: u32 = table.iter().map(|&v| u32::from(v)).sum();
    let scale = sum as f64 * 100.0 / f64::from(STD_LUMA_SUM);
    let q = if scale <= 100.0 { (200.0 - scale) / 2.0 } else { 5000.0 / scale };
    Some(q.round().clamp(1.0, 100.0) as u8)
}

/// Table 0 of a DQT segment, if it is there.
fn luma_table(mut data: &[u8]) -> Option<Vec<u16>> {
    while let Some((&pq_tq, rest)) = data.split_first() {
        let wide = pq_tq >> 4 == 1;
        let len = if wide { 128 } else { 64 };
        let values = rest.get(..len)?;
        if pq_tq & 0x0F == 0 {
            return Some(if wide {
                values.chunks_exact(2).map(|b| u16::from_be_bytes([b[0], b[1]])).collect()
            } else {
                values.iter().map(|&v| u16::from(v)).collect()
            });
        }
        data = &rest[len..];
    }
    None
}

/// The marker segments of a JPEG before its first scan: (marker, payload).
pub(crate) fn jpeg_segments(bytes: &[u8]) -> impl Iterator<Item = (u8, &[u8])> {
    let mut at = 2usize;
    let is_jpeg = bytes.starts_with(&[0xFF, 0xD8]);
    std::iter::from_fn(move || {
        if !is_jpeg {
            return None;
        }
        while bytes.get(at) == Some(&0xFF) && bytes.get(at + 1) == Some(&0xFF) {
            at += 1; // fill bytes
        }
        let (&ff, &marker) = (bytes.get(at)?, bytes.get(at + 1)?);
        if ff != 0xFF || marker == 0xDA || marker == 0xD9 {
            return None;
        }
        let len = usize::from(u16::from_be_bytes([*bytes.get(at + 2)?, *bytes.get(at + 3)?]));
        let data = bytes.get(at + 4..at + 2 + len)?;
        at += 2 + len;
        Some((marker, data))
    })
}
