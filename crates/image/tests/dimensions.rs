//! Output sizes of resize (every mode and limit), crop (the nine gravities) and rotate.

mod common;

use common::{picture, png, run};
use zos_image::{rotated_size, Note};

fn size(input: &[u8], pipeline: &str) -> (u32, u32) {
    let out = run(input, pipeline);
    let decoded = common::decode_rgba(&out.bytes);
    assert_eq!((decoded.width(), decoded.height()), (out.width, out.height), "{pipeline}");
    (out.width, out.height)
}

#[test]
fn resize_modes_on_1000_by_500() {
    let src = png(&image::RgbImage::new(1000, 500));
    let table = [
        // The spec's table: w_300,h_300 in every mode.
        ("image/resize,w_300,h_300", (300, 150)),
        ("image/resize,w_300,h_300,m_lfit", (300, 150)),
        ("image/resize,w_300,h_300,m_mfit", (600, 300)),
        ("image/resize,w_300,h_300,m_fill", (300, 300)),
        ("image/resize,w_300,h_300,m_pad", (300, 300)),
        ("image/resize,w_300,h_300,m_fixed", (300, 300)),
        // One side only: proportional, in any mode.
        ("image/resize,w_300", (300, 150)),
        ("image/resize,h_100", (200, 100)),
        ("image/resize,w_250,m_fill", (250, 125)),
        ("image/resize,h_50,m_fixed", (100, 50)),
        // Percent.
        ("image/resize,p_50", (500, 250)),
        ("image/resize,p_10", (100, 50)),
        ("image/resize,p_1", (10, 5)),
        // lfit where the height binds.
        ("image/resize,w_900,h_100", (200, 100)),
        ("image/resize,w_900,h_100,m_mfit", (900, 450)),
        ("image/resize,w_900,h_100,m_pad,color_000000", (900, 100)),
        ("image/resize,w_900,h_100,m_fill", (900, 100)),
        // Rounding: 1000×500 to w 333 gives 166.5 → 167.
        ("image/resize,w_333", (333, 167)),
    ];
    for (pipeline, want) in table {
        assert_eq!(size(&src, pipeline), want, "{pipeline}");
    }
}

#[test]
fn limit_keeps_the_original_unless_limit_0() {
    let src = png(&image::RgbImage::new(200, 100));
    let table = [
        // limit_1 (the default): a request that would enlarge returns the image as it is.
        ("image/resize,w_400", (200, 100)),
        ("image/resize,w_400,limit_1", (200, 100)),
        ("image/resize,h_300", (200, 100)),
        ("image/resize,p_150", (200, 100)),
        ("image/resize,w_400,h_400", (200, 100)),
        ("image/resize,w_400,h_400,m_mfit", (200, 100)),
        ("image/resize,w_400,h_400,m_fill", (200, 100)),
        ("image/resize,w_400,h_400,m_pad", (200, 100)),
        ("image/resize,w_300,h_50,m_fixed", (200, 100)),
        // The resampling shrinks even though the box is wider: allowed.
        ("image/resize,w_400,h_50", (100, 50)),
        // A pad whose fitted image shrinks still pads to the box.
        ("image/resize,w_400,h_50,m_pad", (400, 50)),
        // limit_0 enlarges.
        ("image/resize,w_400,limit_0", (400, 200)),
        ("image/resize,p_150,limit_0", (300, 150)),
        ("image/resize,w_400,h_400,limit_0", (400, 200)),
        ("image/resize,w_400,h_400,m_mfit,limit_0", (800, 400)),
        ("image/resize,w_400,h_400,m_fill,limit_0", (400, 400)),
        ("image/resize,w_400,h_400,m_pad,limit_0", (400, 400)),
        ("image/resize,w_300,h_50,m_fixed,limit_0", (300, 50)),
    ];
    for (pipeline, want) in table {
        assert_eq!(size(&src, pipeline), want, "{pipeline}");
    }
    assert!(run(&src, "image/resize,w_400").notes.contains(&Note::NotEnlarged));
    assert!(!run(&src, "image/resize,w_100").notes.contains(&Note::NotEnlarged));
}

/// The crop origin is the top-left corner of the gravity's cell in a 3×3 grid (⌊W·col/3⌋,
/// ⌊H·row/3⌋), then x/y; the size is clamped to the image.
#[test]
fn crop_gravity_table_on_100_by_80() {
    let img = picture(100, 80);
    let src = png(&img);
    // (gravity, expected x, y, w, h) for crop,w_40,h_30.
    let table = [
        ("nw", 0, 0, 40, 30),
        ("north", 33, 0, 40, 30),
        ("ne", 66, 0, 34, 30),
        ("west", 0, 26, 40, 30),
        ("center", 33, 26, 40, 30),
        ("east", 66, 26, 34, 30),
        ("sw", 0, 53, 40, 27),
        ("south", 33, 53, 40, 27),
        ("se", 66, 53, 34, 27),
    ];
    for (g, x, y, w, h) in table {
        let pipeline = format!("image/crop,w_40,h_30,g_{g}");
        let out = run(&src, &format!("{pipeline}/format,png"));
        assert_eq!((out.width, out.height), (w, h), "{pipeline}");
        // The pixels are exactly the source's rectangle.
        let got = common::decode_rgba(&out.bytes);
        let want = image::imageops::crop_imm(&img, x, y, w, h).to_image();
        for (a, b) in got.pixels().zip(want.pixels()) {
            assert_eq!(&a.0[..3], &b.0[..], "{pipeline}");
        }
    }
    // Offsets move from the origin; w/h default to the edge.
    assert_eq!(size(&src, "image/crop,x_10,y_5,w_200"), (90, 75));
    assert_eq!(size(&src, "image/crop,h_10,g_se,x_4,y_4"), (30, 10));
    // An origin outside the image is an error.
    let p = zos_image::parse("image/crop,w_10,x_100").unwrap();
    let e = zos_image::process(&src, &p, &Default::default()).unwrap_err();
    assert_eq!(e.kind, zos_image::ExecErrorKind::CropOutside { width: 100, height: 80 });
    let p = zos_image::parse("image/crop,w_10,g_se,y_27").unwrap();
    assert!(zos_image::process(&src, &p, &Default::default()).is_err());
}

#[test]
fn rotate_sizes() {
    let src = png(&picture(100, 80));
    assert_eq!(size(&src, "image/rotate,90"), (80, 100));
    assert_eq!(size(&src, "image/rotate,180"), (100, 80));
    assert_eq!(size(&src, "image/rotate,270"), (80, 100));
    assert_eq!(size(&src, "image/rotate,0"), (100, 80));
    assert_eq!(size(&src, "image/rotate,360"), (100, 80));
    // 45°: (100 + 80)·cos 45° = 127.28 → 128 each side.
    assert_eq!(size(&src, "image/rotate,45"), (128, 128));
    assert_eq!(rotated_size(100, 80, 45), (128, 128));
    // 30°: 100·cos30 + 80·sin30 = 126.6 → 127; 100·sin30 + 80·cos30 = 119.3 → 120.
    assert_eq!(size(&src, "image/rotate,30"), (127, 120));
}

#[test]
fn chained_steps_compose() {
    let src = png(&picture(200, 100));
    assert_eq!(size(&src, "image/resize,w_100/rotate,90/crop,w_20,h_30"), (20, 30));
    assert_eq!(size(&src, "image/crop,w_100,h_100/resize,w_50/image/rotate,90"), (50, 50));
}
