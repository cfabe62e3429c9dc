//! Watermarks: placement, margins, opacity, image watermarks with their own pipeline, and text
//! that must render Chinese with a real CJK face (never .notdef boxes).

mod common;

use std::collections::HashMap;
use std::path::Path;

use common::*;
use zos_image::*;

const NOTO_SANS_CJK: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

fn white(w: u32, h: u32) -> Vec<u8> {
    png(&image::RgbImage::from_pixel(w, h, image::Rgb([255, 255, 255])))
}

/// The bounding box (x0, y0, x1, y1) of the pixels that are not white.
fn ink(img: &image::RgbaImage) -> Option<(u32, u32, u32, u32)> {
    let mut b: Option<(u32, u32, u32, u32)> = None;
    for (x, y, p) in img.enumerate_pixels() {
        if p.0[..3].iter().any(|&c| c < 250) {
            b = Some(match b {
                None => (x, y, x, y),
                Some((x0, y0, x1, y1)) => (x0.min(x), y0.min(y), x1.max(x), y1.max(y)),
            });
        }
    }
    b
}

fn marks(key: &str, bytes: Vec<u8>) -> HashMap<String, Vec<u8>> {
    HashMap::from([(key.to_string(), bytes)])
}

#[test]
fn image_watermark_with_its_own_pipeline_is_placed_by_gravity_and_margins() {
    let base = white(200, 150);
    let logo = png_rgba(&logo(40, 40));
    let value = b64("brand/logo.png?x-zos-process=image/resize,p_50");
    let p = parse(&format!("image/watermark,image_{value},g_se,x_10,y_20")).unwrap();
    assert_eq!(p.watermark_keys(), vec!["brand/logo.png".to_string()]);
    let out = run_with(&base, &print(&p), &marks("brand/logo.png", logo.clone()));
    let img = decode_rgba(&out.bytes);
    // The logo was halved to 20×20 and its opaque part (2..18) lands 10 px from the right and
    // 20 px from the bottom: x 170+2..170+18, y 110+2..110+18.
    assert_eq!(ink(&img), Some((172, 112, 187, 127)));
    assert!(close(rgb_at(&img, 179, 121), [220, 30, 30], 6), "{:?}", rgb_at(&img, 179, 121));

    // Default gravity nw with the default 10 px margins, no pipeline.
    let p = format!("image/watermark,image_{}", b64("brand/logo.png"));
    let img = decode_rgba(&run_with(&base, &p, &marks("brand/logo.png", logo.clone())).bytes);
    assert_eq!(ink(&img), Some((15, 15, 44, 44)));

    // Center ignores the margins.
    let p = format!("image/watermark,image_{},g_center,x_50,y_50", b64("brand/logo.png"));
    let img = decode_rgba(&run_with(&base, &p, &marks("brand/logo.png", logo.clone())).bytes);
    assert_eq!(ink(&img), Some((85, 60, 114, 89)));

    // The nested pipeline may rotate: the blue bar (top third) goes to the right side.
    let p = format!("image/watermark,image_{},g_nw,x_0,y_0", b64("l.png?x-zos-process=image/rotate,90"));
    let img = decode_rgba(&run_with(&base, &p, &marks("l.png", logo)).bytes);
    assert!(close(rgb_at(&img, 30, 20), [20, 40, 220], 2));
    assert!(close(rgb_at(&img, 10, 20), [220, 30, 30], 2));
}

#[test]
fn opacity_blends_the_watermark() {
    let base = white(100, 100);
    let logo = png_rgba(&logo(40, 40));
    let p = format!("image/watermark,image_{},t_50,x_0,y_0", b64("l.png"));
    let img = decode_rgba(&run_with(&base, &p, &marks("l.png", logo)).bytes);
    // Red (220, 30, 30) at 50 % over white.
    assert!(close(rgb_at(&img, 20, 30), [238, 143, 143], 2), "{:?}", rgb_at(&img, 20, 30));
    // t_0 draws nothing.
    let logo = png_rgba(&common::logo(40, 40));
    let p = format!("image/watermark,image_{},t_0", b64("l.png"));
    let img = decode_rgba(&run_with(&base, &p, &marks("l.png", logo)).bytes);
    assert_eq!(ink(&img), None);
}

#[test]
fn missing_watermark_image_is_an_error() {
    let p = parse(&format!("image/watermark,image_{}", b64("nope.png"))).unwrap();
    let e = process(&white(10, 10), &p, &HashMap::new()).unwrap_err();
    assert_eq!(e.kind, ExecErrorKind::WatermarkMissing { key: "nope.png".into() });
    let e = process(&white(10, 10), &p, &marks("nope.png", b"junk".to_vec())).unwrap_err();
    assert_eq!(e.kind, ExecErrorKind::WatermarkDecode { key: "nope.png".into() });
}

#[test]
fn a_watermark_larger_than_the_image_is_clipped_and_said() {
    let p = format!("image/watermark,image_{}", b64("l.png"));
    let out = run_with(&white(30, 30), &p, &marks("l.png", png_rgba(&logo(80, 80))));
    assert_eq!((out.width, out.height), (30, 30));
    assert!(out.notes.contains(&Note::WatermarkClipped));
}

#[test]
fn chinese_text_renders_in_the_expected_corner() {
    let text = b64("你好 ZOS");
    let out = run(&white(240, 160), &format!("image/watermark,text_{text},size_30,g_se,color_000000"));
    let img = decode_rgba(&out.bytes);
    let (x0, y0, x1, y1) = ink(&img).expect("the text changed pixels");
    // Bottom-right, 10 px margins: ink ends near (230, 150) and stays in the lower right half.
    assert!(x0 > 60 && y0 > 80, "ink starts at ({x0}, {y0})");
    assert!((220..=230).contains(&x1) && (140..=150).contains(&y1), "ink ends at ({x1}, {y1})");
    // Dark pixels, not a faint smudge.
    assert!(img.pixels().filter(|p| p.0[0] < 60).count() > 150);

    let cjk = out.notes.iter().any(|n| matches!(n, Note::NoCjkFont));
    if cjk {
        println!("no CJK font on this machine: the glyph checks are skipped");
        return;
    }
    // Every character had a glyph in some font: nothing drawn as .notdef.
    assert!(!out.notes.iter().any(|n| matches!(n, Note::MissingGlyphs { .. })), "{:?}", out.notes);
    assert!(out.notes.iter().any(|n| matches!(n, Note::FontUsed { .. })), "{:?}", out.notes);
    if Path::new(NOTO_SANS_CJK).exists() {
        let Some(Note::FontUsed { used }) = out.notes.first() else { panic!("{:?}", out.notes) };
        assert!(used.contains("Noto Sans CJK SC"), "{used}");
        let data = std::fs::read(NOTO_SANS_CJK).unwrap();
        let count = ttf_parser::fonts_in_collection(&data).unwrap();
        let sc = (0..count)
            .map(|i| ttf_parser::Face::parse(&data, i).unwrap())
            .find(|f| f.names().into_iter().any(|n| n.to_string().is_some_and(|s| s.contains("CJK SC"))))
            .expect("an SC face");
        assert!(sc.glyph_index('你').is_some() && sc.glyph_index('好').is_some());
    }
}

#[test]
fn font_names_map_to_faces_and_substitutions_are_noted() {
    let text = b64("水印");
    let out = run(&white(120, 60), &format!("image/watermark,text_{text},type_heiti"));
    let note = out.notes.first().cloned();
    match note {
        Some(Note::FontSubstituted { requested, used }) => {
            assert_eq!(requested, "heiti");
            assert!(!used.is_empty());
        }
        // A machine with SimHei itself uses it as is.
        Some(Note::FontUsed { .. }) => {}
        other => panic!("{other:?}"),
    }
    if Path::new("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc").exists() {
        let out = run(&white(120, 60), &format!("image/watermark,text_{text},type_songti"));
        let Some(Note::FontSubstituted { used, .. }) = out.notes.first() else { panic!("{:?}", out.notes) };
        assert!(used.contains("Noto Serif CJK SC"), "{used}");
    }
}

#[test]
fn text_opacity_and_rotation() {
    let text = b64("ZOS 水印");
    let solid = decode_rgba(
        &run(&white(200, 200), &format!("image/watermark,text_{text},color_000000,g_center")).bytes,
    );
    let faint = decode_rgba(
        &run(&white(200, 200), &format!("image/watermark,text_{text},color_000000,g_center,t_50")).bytes,
    );
    let darkest = |img: &image::RgbaImage| img.pixels().map(|p| p.0[0]).min().unwrap();
    assert!(darkest(&solid) < 20);
    assert!((115..=140).contains(&darkest(&faint)), "{}", darkest(&faint));
    let flat = ink(&solid).unwrap();
    let turned = ink(&decode_rgba(
        &run(&white(200, 200), &format!("image/watermark,text_{text},color_000000,g_center,rotate_90")).bytes,
    ))
    .unwrap();
    // A quarter turn swaps the ink box's sides.
    let (fw, fh) = (flat.2 - flat.0, flat.3 - flat.1);
    let (tw, th) = (turned.2 - turned.0, turned.3 - turned.1);
    assert!(fw > fh && th > tw, "flat {fw}×{fh}, turned {tw}×{th}");
}
