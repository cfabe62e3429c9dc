//! Test images made in code (no large file committed), and small helpers.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::Cursor;

use image::{ImageFormat, RgbImage, RgbaImage};
use zos_image::{parse, process, Processed, ProcessedImage};

/// A deterministic picture with gradients, a checkerboard and a disc: every operation changes
/// it visibly, and sub-pixel shifts show.
pub fn picture(w: u32, h: u32) -> RgbImage {
    RgbImage::from_fn(w, h, |x, y| {
        let (fx, fy) = (x as f32 / w as f32, y as f32 / h as f32);
        let checker = ((x / 16 + y / 16) % 2) as f32;
        let (dx, dy) = (fx - 0.6, fy - 0.4);
        let disc = if dx * dx + dy * dy < 0.04 { 1.0 } else { 0.0 };
        image::Rgb([
            (40.0 + 200.0 * fx) as u8,
            (30.0 + 180.0 * fy + 30.0 * checker) as u8,
            (60.0 + 150.0 * disc + 30.0 * (1.0 - fx)) as u8,
        ])
    })
}

/// A logo with transparency: an opaque red square with a blue bar, on transparent ground.
pub fn logo(w: u32, h: u32) -> RgbaImage {
    RgbaImage::from_fn(w, h, |x, y| {
        let inside = x >= w / 8 && x < w - w / 8 && y >= h / 8 && y < h - h / 8;
        if !inside {
            image::Rgba([0, 0, 0, 0])
        } else if y < h / 3 {
            image::Rgba([20, 40, 220, 255])
        } else {
            image::Rgba([220, 30, 30, 255])
        }
    })
}

pub fn png(img: &RgbImage) -> Vec<u8> {
    let mut out = Vec::new();
    img.write_to(&mut Cursor::new(&mut out), ImageFormat::Png).unwrap();
    out
}

pub fn png_rgba(img: &RgbaImage) -> Vec<u8> {
    let mut out = Vec::new();
    img.write_to(&mut Cursor::new(&mut out), ImageFormat::Png).unwrap();
    out
}

pub fn jpeg(img: &RgbImage, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality).encode_image(img).unwrap();
    out
}

/// Runs a pipeline text that must parse and produce an image.
pub fn run(input: &[u8], pipeline: &str) -> ProcessedImage {
    run_with(input, pipeline, &HashMap::new())
}

pub fn run_with(input: &[u8], pipeline: &str, marks: &HashMap<String, Vec<u8>>) -> ProcessedImage {
    let p = parse(pipeline).unwrap_or_else(|e| panic!("{pipeline}: {e}"));
    match process(input, &p, marks).unwrap_or_else(|e| panic!("{pipeline}: {e}")) {
        Processed::Image(i) => i,
        Processed::Info(_) => panic!("{pipeline}: info instead of an image"),
    }
}

pub fn decode_rgba(bytes: &[u8]) -> RgbaImage {
    image::load_from_memory(bytes).unwrap().into_rgba8()
}

/// URL-safe base64 with padding.
pub fn b64(s: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE.encode(s.as_bytes())
}

/// `jpeg` with an EXIF APP1 segment carrying only an orientation tag, right after SOI.
pub fn with_orientation(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    let mut tiff = Vec::new();
    tiff.extend_from_slice(b"MM\0\x2a\0\0\0\x08"); // big-endian TIFF header, IFD0 at 8
    tiff.extend_from_slice(&1u16.to_be_bytes()); // one entry
    tiff.extend_from_slice(&0x0112u16.to_be_bytes()); // Orientation
    tiff.extend_from_slice(&3u16.to_be_bytes()); // SHORT
    tiff.extend_from_slice(&1u32.to_be_bytes()); // count 1
    tiff.extend_from_slice(&orientation.to_be_bytes());
    tiff.extend_from_slice(&[0, 0]); // value padding
    tiff.extend_from_slice(&0u32.to_be_bytes()); // no next IFD
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&tiff);
    let mut out = vec![0xFF, 0xD8, 0xFF, 0xE1];
    out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// A picture with four distinct corner colors, to see where each corner went.
pub fn corners(w: u32, h: u32) -> RgbImage {
    RgbImage::from_fn(w, h, |x, y| {
        let c = match (x < w / 2, y < h / 2) {
            (true, true) => [255, 0, 0],
            (false, true) => [0, 255, 0],
            (true, false) => [0, 0, 255],
            (false, false) => [255, 255, 0],
        };
        image::Rgb(c)
    })
}

pub fn rgb_at(img: &RgbaImage, x: u32, y: u32) -> [u8; 3] {
    let p = img.get_pixel(x, y).0;
    [p[0], p[1], p[2]]
}

pub fn close(a: [u8; 3], b: [u8; 3], tolerance: u8) -> bool {
    a.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= tolerance)
}
