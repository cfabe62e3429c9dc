//! Golden images: one small PNG per operation and mode under `tests/golden/`, compared with a
//! tolerance (every channel within 8 for at least 99 % of the pixels, same size) so that small
//! encoder differences do not fail. `UPDATE_GOLDEN=1 cargo test -p zos-image --test golden`
//! rewrites them. Text goldens depend on the font, so they are compared only where the engine
//! drew with Noto Sans/Serif CJK SC (as on the project's machines); elsewhere they are skipped
//! with the reason printed.

mod common;

use std::collections::HashMap;
use std::path::PathBuf;

use common::*;
use image::RgbaImage;

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// (name, pipeline). Sources: a 128×96 picture as PNG (JPEG for `jpeg_*`), and a logo.
fn cases() -> Vec<(&'static str, String)> {
    let text = b64("你好 ZOS");
    let logo = b64("logo.png?x-zos-process=image/resize,p_50/rotate,90");
    vec![
        ("resize_lfit", "image/resize,w_80,h_80".into()),
        ("resize_mfit", "image/resize,w_80,h_80,m_mfit".into()),
        ("resize_fill", "image/resize,w_80,h_80,m_fill".into()),
        ("resize_pad", "image/resize,w_80,h_80,m_pad,color_FF0000".into()),
        ("resize_fixed", "image/resize,w_80,h_80,m_fixed".into()),
        ("resize_p50", "image/resize,p_50".into()),
        ("resize_enlarge", "image/resize,w_160,limit_0".into()),
        ("crop_nw_offset", "image/crop,w_50,h_40,x_20,y_10".into()),
        ("crop_center", "image/crop,w_60,h_40,g_center".into()),
        ("crop_se", "image/crop,w_50,h_50,g_se,x_5,y_5".into()),
        ("rotate_90", "image/rotate,90".into()),
        ("rotate_45", "image/rotate,45".into()),
        ("rotate_45_jpg", "image/rotate,45/format,jpg".into()),
        ("format_jpg", "image/format,jpg".into()),
        ("format_webp", "image/format,webp".into()),
        ("format_bmp", "image/format,bmp".into()),
        ("format_tiff", "image/format,tiff".into()),
        ("format_gif", "image/format,gif".into()),
        ("quality_q30", "image/format,jpg/quality,Q_30".into()),
        ("jpeg_auto_orient", "image/auto-orient,1/format,png".into()),
        ("jpeg_thumbnail", "image/resize,w_40/format,png".into()),
        ("watermark_image_nested", format!("image/watermark,image_{logo},g_ne,x_6,y_6")),
        ("watermark_image_t50", format!("image/watermark,image_{},g_sw,t_50", b64("logo.png"))),
        ("text_cjk", format!("image/watermark,text_{text},size_24,g_se,color_000000")),
        (
            "text_cjk_t50_rotate",
            format!("image/watermark,text_{text},size_22,g_center,rotate_30,t_50,color_C00000"),
        ),
        ("text_cjk_serif", format!("image/watermark,text_{text},type_songti,size_20,g_nw,color_FFFFFF")),
    ]
}

fn compare(name: &str, got: &RgbaImage, want: &RgbaImage) -> Result<(), String> {
    if got.dimensions() != want.dimensions() {
        return Err(format!("{name}: size {:?}, golden {:?}", got.dimensions(), want.dimensions()));
    }
    let total = got.pixels().len();
    let off =
        got.pixels().zip(want.pixels()).filter(|(a, b)| (0..4).any(|c| a[c].abs_diff(b[c]) > 8)).count();
    if off * 100 > total {
        return Err(format!("{name}: {off} of {total} pixels differ by more than 8"));
    }
    Ok(())
}

#[test]
fn goldens() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let pic = picture(128, 96);
    let png_src = png(&pic);
    let jpeg_src = with_orientation(&jpeg(&picture(192, 144), 92), 8);
    let marks = HashMap::from([("logo.png".to_string(), png_rgba(&logo(48, 48)))]);
    let mut failures = Vec::new();
    for (name, pipeline) in cases() {
        let src = if name.starts_with("jpeg_") { &jpeg_src } else { &png_src };
        let out = run_with(src, &pipeline, &marks);
        let got = decode_rgba(&out.bytes);
        let path = golden_dir().join(format!("{name}.png"));
        if name.starts_with("text_") {
            let noto = out.notes.iter().any(|n| match n {
                zos_image::Note::FontUsed { used } | zos_image::Note::FontSubstituted { used, .. } => {
                    used.starts_with("Noto Sans CJK SC") || used.starts_with("Noto Serif CJK SC")
                }
                _ => false,
            });
            if !noto {
                println!("{name}: skipped, the text was not drawn with Noto CJK SC ({:?})", out.notes);
                continue;
            }
        }
        if update {
            std::fs::create_dir_all(golden_dir()).unwrap();
            got.save(&path).unwrap();
            continue;
        }
        let Ok(want) = image::open(&path) else {
            failures.push(format!("{name}: no golden at {} (run with UPDATE_GOLDEN=1)", path.display()));
            continue;
        };
        if let Err(e) = compare(name, &got, &want.into_rgba8()) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
