//! Bytes → [`Raster`], refusing decompression bombs, with shrink-on-load for JPEG.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use super::error::{ExecError, ExecErrorKind};
use super::raster::{check_size, Raster};
use crate::grammar::FileFormat;

/// What the header says, read without decoding the pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Probe {
    pub format: FileFormat,
    pub width: u32,
    pub height: u32,
    /// EXIF orientation 1–8 when the file has the tag.
    pub orientation: Option<u8>,
}

pub(crate) fn file_format(bytes: &[u8]) -> Result<FileFormat, ExecError> {
    let f = image::guess_format(bytes).map_err(|_| {
        ExecError::new(ExecErrorKind::Decode, "not a recognised image (JPG, PNG, WebP, BMP, TIFF, GIF)")
    })?;
    Ok(match f {
        ImageFormat::Jpeg => FileFormat::Jpg,
        ImageFormat::Png => FileFormat::Png,
        ImageFormat::WebP => FileFormat::Webp,
        ImageFormat::Bmp => FileFormat::Bmp,
        ImageFormat::Tiff => FileFormat::Tiff,
        ImageFormat::Gif => FileFormat::Gif,
        other => {
            return Err(ExecError::new(
                ExecErrorKind::UnsupportedFormat,
                format!("{other:?} images are not supported (JPG, PNG, WebP, BMP, TIFF, GIF are)"),
            ))
        }
    })
}

fn limits() -> Limits {
    let mut l = Limits::default();
    // The pixel count is checked from the header before decoding; this also stops a decoder
    // that would allocate far more than the pixels need (16-bit RGBA of 100 MP is 800 MB).
    l.max_alloc = Some(1 << 30);
    l
}

fn decoder(bytes: &[u8]) -> Result<(FileFormat, impl ImageDecoder + '_), ExecError> {
    let format = file_format(bytes)?;
    let mut reader = ImageReader::new(Cursor::new(bytes)).with_guessed_format().map_err(ExecError::decode)?;
    reader.limits(limits());
    Ok((format, reader.into_decoder().map_err(ExecError::decode)?))
}

pub(crate) fn probe(bytes: &[u8]) -> Result<Probe, ExecError> {
    let (format, mut dec) = decoder(bytes)?;
    let (width, height) = dec.dimensions();
    let orientation = exif_orientation(&mut dec);
    Ok(Probe { format, width, height, orientation })
}

fn exif_orientation(dec: &mut impl ImageDecoder) -> Option<u8> {
    let exif = dec.exif_metadata().ok().flatten()?;
    image::metadata::Orientation::from_exif_chunk(&exif).map(|o| o.to_exif())
}

/// Decodes the whole image (the first frame of an animation).
pub(crate) fn decode(bytes: &[u8]) -> Result<(Probe, Raster), ExecError> {
    let (format, mut dec) = decoder(bytes)?;
    let (width, height) = dec.dimensions();
    check_size(width, height)?;
    let orientation = exif_orientation(&mut dec);
    let img = DynamicImage::from_decoder(dec).map_err(ExecError::decode)?;
    Ok((Probe { format, width, height, orientation }, Raster::from_dynamic(img)))
}

/// Decodes a JPEG at 1/`shrink` of its size (shrink 2, 4 or 8) with IDCT scaling: the entropy
/// decoding is the same, but the inverse DCT, upsampling and color conversion run on 1/4, 1/16
/// or 1/64 of the pixels. Returns `None` for the rare layouts it does not handle (16-bit, CMYK),
/// which the caller then decodes at full size.
pub(crate) fn decode_jpeg_shrunk(
    bytes: &[u8],
    probe: Probe,
    shrink: u32,
) -> Result<Option<Raster>, ExecError> {
    check_size(probe.width, probe.height)?;
    let mut dec = jpeg_decoder::Decoder::new(Cursor::new(bytes));
    // The decoder picks the smallest scale whose size is at least the request in one axis; asking
    // for exactly ceil(side / shrink) selects 1/shrink.
    let want = |side: u32| u16::try_from(side.div_ceil(shrink)).unwrap_or(u16::MAX);
    let (w, h) = dec.scale(want(probe.width), want(probe.height)).map_err(ExecError::decode)?;
    let pixels = dec.decode().map_err(ExecError::decode)?;
    let info = dec.info().ok_or_else(|| ExecError::decode("no frame header"))?;
    let (w, h) = (u32::from(w), u32::from(h));
    let data = match info.pixel_format {
        jpeg_decoder::PixelFormat::RGB24 => pixels,
        jpeg_decoder::PixelFormat::L8 => pixels.iter().flat_map(|&l| [l, l, l]).collect(),
        _ => return Ok(None),
    };
    if data.len() != w as usize * h as usize * 3 {
        return Ok(None);
    }
    Ok(Some(Raster { w, h, alpha: false, data }))
}
