//! Properties of the parser: it never panics, and print/parse are inverse on valid pipelines.

use proptest::prelude::*;
use zos_image::*;

fn opt<T: std::fmt::Debug + Clone>(s: impl Strategy<Value = T>) -> impl Strategy<Value = Option<T>> {
    prop::option::of(s)
}

fn color() -> impl Strategy<Value = Color> {
    any::<(u8, u8, u8)>().prop_map(|(r, g, b)| Color { r, g, b })
}

fn gravity() -> impl Strategy<Value = Gravity> {
    prop::sample::select(Gravity::ALL.to_vec())
}

fn resize() -> impl Strategy<Value = Resize> {
    let sides = prop_oneof![
        (1u32..=1000).prop_map(|p| (None, None, Some(p))),
        (opt(1u32..=4096), opt(1u32..=4096))
            .prop_filter("w or h", |(w, h)| w.is_some() || h.is_some())
            .prop_map(|(w, h)| (w, h, None)),
    ];
    (sides, opt(prop::sample::select(ResizeMode::ALL.to_vec())), opt(color()), opt(any::<bool>()))
        .prop_map(|((w, h, percent), mode, color, limit)| Resize { w, h, mode, color, percent, limit })
}

fn crop() -> impl Strategy<Value = Crop> {
    (opt(1u32..=30000), opt(1u32..=30000), opt(0u32..=30000), opt(0u32..=30000), opt(gravity()))
        .prop_filter("w or h", |c| c.0.is_some() || c.1.is_some())
        .prop_map(|(w, h, x, y, gravity)| Crop { w, h, x, y, gravity })
}

fn font() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(KNOWN_FONTS.to_vec()).prop_map(String::from),
        "[A-Za-z][A-Za-z0-9 ._-]{0,20}",
        "[\u{4e00}-\u{4e20}]{1,4}",
    ]
}

fn simple_step() -> impl Strategy<Value = Step> {
    prop_oneof![
        resize().prop_map(Step::Resize),
        crop().prop_map(Step::Crop),
        (0u32..=360).prop_map(|degrees| Step::Rotate(Rotate { degrees })),
        any::<bool>().prop_map(|enabled| Step::AutoOrient(AutoOrient { enabled })),
        prop::sample::select(FileFormat::ALL.to_vec()).prop_map(|format| Step::Format(Format { format })),
        (any::<bool>(), 1u32..=100).prop_map(|(rel, value)| Step::Quality(Quality {
            mode: if rel { QualityMode::Relative } else { QualityMode::Absolute },
            value
        })),
    ]
}

fn mark() -> impl Strategy<Value = Mark> {
    prop_oneof![
        ("\\PC{1,30}", opt(font()), opt(color()), opt(1u32..=1000), opt(0u32..=360)).prop_map(
            |(text, font, color, size, rotate)| Mark::Text(TextMark { text, font, color, size, rotate })
        ),
        ("[a-z0-9/._ -]{1,20}", opt(prop::collection::vec(simple_step(), 1..4))).prop_map(|(key, steps)| {
            Mark::Image(ImageMark { key, process: steps.map(|steps| Pipeline { steps }) })
        }),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => simple_step(),
        1 => (opt(0u32..=100), opt(0u32..=4096), opt(0u32..=4096), opt(gravity()), mark())
            .prop_map(|(opacity, x, y, gravity, mark)| Step::Watermark(Watermark { opacity, x, y, gravity, mark })),
    ]
}

fn pipeline() -> impl Strategy<Value = Pipeline> {
    prop_oneof![
        9 => prop::collection::vec(step(), 1..6).prop_map(|steps| Pipeline { steps }),
        1 => Just(Pipeline { steps: vec![Step::Info] }),
    ]
}

/// Pieces of the grammar, to shuffle into near-miss inputs.
const TOKENS: &[&str] = &[
    "image",
    "/",
    ",",
    "_",
    "resize",
    "crop",
    "rotate",
    "watermark",
    "format",
    "quality",
    "auto-orient",
    "info",
    "w",
    "h",
    "m",
    "p",
    "x",
    "y",
    "g",
    "t",
    "q",
    "Q",
    "limit",
    "color",
    "text",
    "type",
    "size",
    "image",
    "lfit",
    "fill",
    "pad",
    "se",
    "center",
    "0",
    "1",
    "90",
    "4096",
    "4097",
    "99999999999",
    "FF0000",
    "jpg",
    "5L2g5aW9",
    "aGk=",
    "=",
    "?x-zos-process=",
    "",
    "-",
    "é",
    "你",
    " ",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(512)
    ))]

    #[test]
    fn parse_never_panics_on_any_string(s in "\\PC{0,80}") {
        let _ = parse(&s);
    }

    #[test]
    fn parse_never_panics_on_shuffled_tokens(parts in prop::collection::vec(prop::sample::select(TOKENS), 0..24)) {
        let s = format!("image/{}", parts.concat());
        if let Ok(p) = parse(&s) {
            // Whatever parses prints canonically and reads back the same.
            let printed = print(&p);
            prop_assert_eq!(parse(&printed), Ok(p.clone()));
            prop_assert_eq!(print(&parse(&printed).unwrap()), printed);
        } else if let Err(e) = parse(&s) {
            prop_assert!(e.end as usize <= s.len() && e.start <= e.end);
            prop_assert_eq!(&s[e.start as usize..e.end as usize], e.token.as_str());
        }
    }

    #[test]
    fn print_then_parse_is_identity(p in pipeline()) {
        let text = print(&p);
        prop_assert_eq!(parse(&text), Ok(p.clone()), "{}", text);
        // And printing is idempotent.
        prop_assert_eq!(print(&parse(&text).unwrap()), text);
        prop_assert_eq!(p.validate(), Ok(()));
    }
}
