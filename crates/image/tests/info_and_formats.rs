//! `info`, EXIF orientation and `auto-orient`, formats and quality, the JPEG fast path, and the
//! guard against decompression bombs.

mod common;

use std::collections::HashMap;

use common::*;
use zos_image::*;

#[test]
fn info_reports_facts_and_exif_orientation() {
    let plain = jpeg(&picture(64, 48), 90);
    let oriented = with_orientation(&plain, 6);
    let p = parse("image/info").unwrap();
    let Processed::Info(i) = process(&oriented, &p, &HashMap::new()).unwrap() else { panic!() };
    assert_eq!(
        i,
        ImageInfo {
            format: FileFormat::Jpg,
            width: 64,
            height: 48,
            file_size: oriented.len() as u32,
            orientation: Some(6)
        }
    );
    let json = i.to_aliyun_json();
    assert_eq!(json["Orientation"]["value"], "6");
    assert_eq!(json["Format"]["value"], "jpg");
    assert_eq!(json["ImageWidth"]["value"], "64");
    assert_eq!(json["ImageHeight"]["value"], "48");
    assert_eq!(json["FileSize"]["value"], oriented.len().to_string());

    let i = info(&plain).unwrap();
    assert_eq!(i.orientation, None);
    assert!(i.to_aliyun_json().get("Orientation").is_none());
    assert_eq!(info(&png(&picture(5, 7))).unwrap().format, FileFormat::Png);
    assert_eq!(info(b"not an image").unwrap_err().kind, ExecErrorKind::Decode);
}

#[test]
fn auto_orient_applies_the_tag_only_when_asked() {
    let src = with_orientation(&jpeg(&corners(80, 60), 95), 6);
    // Without auto-orient the pixels stay as stored (Aliyun's default).
    let out = run(&src, "image/format,png");
    assert_eq!((out.width, out.height), (80, 60));
    let out = run(&src, "image/auto-orient,0/format,png");
    assert_eq!((out.width, out.height), (80, 60));
    // Orientation 6: turned a quarter clockwise; the stored top-left (red) is now top-right.
    let out = run(&src, "image/auto-orient,1/format,png");
    assert_eq!((out.width, out.height), (60, 80));
    let img = decode_rgba(&out.bytes);
    assert!(close(rgb_at(&img, 55, 5), [255, 0, 0], 40), "{:?}", rgb_at(&img, 55, 5));
    assert!(close(rgb_at(&img, 5, 5), [0, 0, 255], 40), "{:?}", rgb_at(&img, 5, 5));
    // The tag the pixels still need travels into a JPEG output, so viewers turn it as before.
    assert_eq!(info(&run(&src, "image/resize,w_40").bytes).unwrap().orientation, Some(6));
    assert_eq!(info(&run(&src, "image/auto-orient,1/resize,w_40").bytes).unwrap().orientation, None);
    // Applied once even if asked twice.
    assert_eq!(run(&src, "image/auto-orient,1/auto-orient,1").width, 60);

    // The JPEG fast path (auto-orient then a shrinking resize) gives the same picture.
    let big = with_orientation(&jpeg(&corners(800, 600), 95), 6);
    let out = run(&big, "image/auto-orient,1/resize,w_30/format,png");
    assert_eq!((out.width, out.height), (30, 40));
    let img = decode_rgba(&out.bytes);
    assert!(close(rgb_at(&img, 27, 3), [255, 0, 0], 40));
    assert!(close(rgb_at(&img, 3, 36), [255, 255, 0], 40));
}

#[test]
fn jpeg_shrink_on_load_matches_a_full_decode() {
    let src = jpeg(&picture(1600, 1200), 92);
    // The first step is a resize: decoded at 1/4 (400×300), then resampled to 100×75.
    let fast = decode_rgba(&run(&src, "image/resize,w_100/format,png").bytes);
    // A no-op first step disables the fast path.
    let full = decode_rgba(&run(&src, "image/rotate,0/resize,w_100/format,png").bytes);
    assert_eq!(fast.dimensions(), (100, 75));
    assert_eq!(full.dimensions(), (100, 75));
    let diff: u64 = fast.as_raw().iter().zip(full.as_raw()).map(|(a, b)| u64::from(a.abs_diff(*b))).sum();
    let mean = diff as f64 / fast.as_raw().len() as f64;
    assert!(mean < 3.0, "mean difference {mean}");
    // thumbnail() is the same operation.
    let Processed::Image(t) = thumbnail(&src, 100, 100).unwrap() else { panic!() };
    assert_eq!((t.width, t.height, t.format), (100, 75, FileFormat::Jpg));
    assert_eq!(thumbnail(&src, 0, 100).unwrap_err().kind, ExecErrorKind::BadArgument);
    // A thumbnail never enlarges.
    let Processed::Image(t) = thumbnail(&png(&picture(40, 30)), 300, 300).unwrap() else { panic!() };
    assert_eq!((t.width, t.height, t.format), (40, 30, FileFormat::Png));
}

#[test]
fn every_format_round_trips() {
    let pic = picture(48, 32);
    let src = png(&pic);
    for (name, format, exact) in [
        ("png", FileFormat::Png, true),
        ("bmp", FileFormat::Bmp, true),
        ("tiff", FileFormat::Tiff, true),
        ("jpg", FileFormat::Jpg, false),
        ("jpeg", FileFormat::Jpg, false),
        ("webp", FileFormat::Webp, false),
        ("gif", FileFormat::Gif, false),
    ] {
        let out = run(&src, &format!("image/format,{name}"));
        assert_eq!(out.format, format);
        assert_eq!(info(&out.bytes).unwrap().format, format, "{name}");
        let back = decode_rgba(&out.bytes);
        assert_eq!(back.dimensions(), (48, 32));
        let diffs: Vec<u32> = back
            .pixels()
            .zip(pic.pixels())
            .flat_map(|(a, b)| (0..3).map(move |c| u32::from(a[c].abs_diff(b[c]))))
            .collect();
        let mean = f64::from(diffs.iter().sum::<u32>()) / diffs.len() as f64;
        if exact {
            assert_eq!(diffs.iter().max(), Some(&0), "{name}");
        } else {
            // Lossy (JPEG, WebP) or palette (GIF): close on average.
            assert!(mean < 6.0, "{name}: mean difference {mean}");
        }
        // And the output decodes as an input again.
        assert_eq!(run(&out.bytes, "image/resize,w_24").width, 24);
    }
    // Output format: the input's unless a format step says otherwise.
    assert_eq!(run(&jpeg(&pic, 90), "image/resize,w_10").format, FileFormat::Jpg);
}

#[test]
fn jpeg_output_has_no_alpha_and_transparent_becomes_white() {
    let src = png_rgba(&logo(80, 80));
    let out = decode_rgba(&run(&src, "image/format,jpg").bytes);
    assert!(close(rgb_at(&out, 1, 1), [255, 255, 255], 6));
    for keeps_alpha in ["png", "webp", "tiff"] {
        let out = decode_rgba(&run(&src, &format!("image/format,{keeps_alpha}")).bytes);
        assert_eq!(out.get_pixel(1, 1).0[3], 0, "{keeps_alpha}");
        assert_eq!(out.get_pixel(40, 40).0[3], 255, "{keeps_alpha}");
    }
    // BMP is written without alpha, like JPEG.
    let out = decode_rgba(&run(&src, "image/format,bmp").bytes);
    assert_eq!(out.get_pixel(1, 1).0, [255, 255, 255, 255]);
}

#[test]
fn quality_rules() {
    let src = jpeg(&picture(120, 90), 80);
    let bytes = |p: &str| run(&src, p).bytes;
    // Q_ never goes above the source's quality (80): Q_100 is Q_80.
    assert_eq!(bytes("image/quality,Q_100"), bytes("image/quality,Q_80"));
    // q_ is relative: q_50 of 80 is 40.
    assert_eq!(bytes("image/quality,q_50"), bytes("image/quality,Q_40"));
    assert!(bytes("image/quality,Q_40").len() < bytes("image/quality,Q_80").len());
    // Without a quality step: 90.
    let png_src = png(&picture(120, 90));
    assert_eq!(run(&png_src, "image/format,jpg").bytes, run(&png_src, "image/format,jpg/quality,Q_90").bytes);
}

#[test]
fn decompression_bombs_are_refused_before_decoding() {
    // A BMP header that claims 20000×20000 (400 MP) with no pixels behind it.
    let mut bmp = Vec::new();
    bmp.extend_from_slice(b"BM");
    bmp.extend_from_slice(&(54u32 + 12).to_le_bytes());
    bmp.extend_from_slice(&[0; 4]);
    bmp.extend_from_slice(&54u32.to_le_bytes());
    bmp.extend_from_slice(&40u32.to_le_bytes());
    bmp.extend_from_slice(&20000i32.to_le_bytes());
    bmp.extend_from_slice(&20000i32.to_le_bytes());
    bmp.extend_from_slice(&1u16.to_le_bytes());
    bmp.extend_from_slice(&24u16.to_le_bytes());
    bmp.extend_from_slice(&[0; 24]);
    bmp.extend_from_slice(&[0; 12]);
    let p = parse("image/resize,w_100").unwrap();
    let e = process(&bmp, &p, &HashMap::new()).unwrap_err();
    assert_eq!(e.kind, ExecErrorKind::TooLarge { width: 20000, height: 20000 }, "{e}");
    // An enlargement past the limit is refused as well.
    let p = parse("image/resize,p_1000,limit_0/resize,p_1000,limit_0").unwrap();
    let e = process(&png(&picture(200, 100)), &p, &HashMap::new()).unwrap_err();
    assert!(matches!(e.kind, ExecErrorKind::TooLarge { .. }), "{e}");
}

#[test]
fn arbitrary_rotation_background_follows_the_output_format() {
    let src = png(&picture(60, 40));
    let png_out = decode_rgba(&run(&src, "image/rotate,45").bytes);
    assert_eq!(png_out.get_pixel(0, 0).0[3], 0, "PNG corners are transparent");
    let center = png_out.get_pixel(png_out.width() / 2, png_out.height() / 2).0;
    assert_eq!(center[3], 255);
    let jpg_out = decode_rgba(&run(&src, "image/rotate,45/format,jpg").bytes);
    assert!(close(rgb_at(&jpg_out, 0, 0), [255, 255, 255], 4), "JPEG corners are white");
    // 90° turns are exact.
    let pic = picture(30, 20);
    let turned = decode_rgba(&run(&png(&pic), "image/rotate,90").bytes);
    for (x, y, p) in pic.enumerate_pixels() {
        assert_eq!(rgb_at(&turned, 19 - y, x), p.0);
    }
}
