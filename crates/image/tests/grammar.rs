//! The pipeline language: examples from the vendor guide, canonical printing, and errors that
//! name the step, the token, its position and a kind.

use zos_image::*;

fn b64(s: &str) -> String {
    // URL-safe with padding, the canonical form.
    use std::fmt::Write;
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let b = s.as_bytes();
    let mut out = String::new();
    for chunk in b.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &x)| n | u32::from(x) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                let _ = write!(out, "=");
            }
        }
    }
    out
}

fn err(text: &str) -> ParseError {
    parse(text).expect_err(text)
}

#[test]
fn guide_examples_parse_and_print_canonically() {
    let cases = [
        ("image/resize,p_30/rotate,180", "image/resize,p_30/rotate,180"),
        ("image/resize,w_300,h_200,m_fixed", "image/resize,w_300,h_200,m_fixed"),
        ("image/crop,w_100,h_100,x_10,y_10,g_se", "image/crop,w_100,h_100,x_10,y_10,g_se"),
        ("image/rotate,45", "image/rotate,45"),
        ("image/format,png", "image/format,png"),
        ("image/info", "image/info"),
        ("image/resize,w_200", "image/resize,w_200"),
        // Optional prefix on later steps; canonical drops it.
        ("image/resize,w_300/image/rotate,90", "image/resize,w_300/rotate,90"),
        // Order, case of choices and colors, leading zeros, jpeg alias.
        ("image/resize,m_PAD,color_ff00aa,h_0200,w_300", "image/resize,w_300,h_200,m_pad,color_FF00AA"),
        ("image/format,JPEG", "image/format,jpg"),
        ("image/quality,q_90", "image/quality,q_90"),
        ("image/quality,Q_75/auto-orient,1", "image/quality,Q_75/auto-orient,1"),
        ("image/resize,w_10,limit_0", "image/resize,w_10,limit_0"),
        // Spaces around pieces, as the vendor's manual prints its examples.
        ("image/watermark, image_c2h1aXlpbi5wbmc=, t_50", "image/watermark,image_c2h1aXlpbi5wbmc=,t_50"),
        ("image/resize,w_300 / rotate, 90", "image/resize,w_300/rotate,90"),
    ];
    for (text, canonical) in cases {
        let p = parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(print(&p), canonical, "{text}");
        assert_eq!(parse(canonical).unwrap(), p, "{canonical}");
    }
}

#[test]
fn guide_watermark_examples() {
    // The ZOS guide's image watermark: base64 with padding of a key with its own pipeline.
    let p = parse("image/watermark,image_aHVkaWUuanBnP3gtem9zLXByb2Nlc3M9aW1hZ2UvcmVzaXplLHBfMzAvcm90YXRlLDE4MA==,g_north,t_40")
        .unwrap();
    let Step::Watermark(w) = &p.steps[0] else { panic!() };
    assert_eq!(w.gravity, Some(Gravity::North));
    assert_eq!(w.opacity, Some(40));
    let Mark::Image(m) = &w.mark else { panic!() };
    assert_eq!(m.key, "hudie.jpg");
    assert_eq!(print(m.process.as_ref().unwrap()), "image/resize,p_30/rotate,180");
    assert_eq!(p.watermark_keys(), vec!["hudie.jpg".to_string()]);

    // The vendor manual's form: '/' of standard base64 replaced by '_'.
    let p = parse(
        "image/watermark,image_c2h1aXlpbi5wbmc_eC16b3MtcHJvY2Vzcz1pbWFnZS9yZXNpemUscF81MC9yb3RhdGUsMTgw",
    )
    .unwrap();
    let Step::Watermark(Watermark { mark: Mark::Image(m), .. }) = &p.steps[0] else { panic!() };
    assert_eq!(m.key, "shuiyin.png");
    assert_eq!(print(m.process.as_ref().unwrap()), "image/resize,p_50/rotate,180");

    // The guide's text watermark.
    let p = parse("image/watermark,text_Q2hpbmF0ZWxlY29t,type_heiti,color_FF0000,size_40,g_se,t_80").unwrap();
    let Step::Watermark(w) = &p.steps[0] else { panic!() };
    let Mark::Text(t) = &w.mark else { panic!() };
    assert_eq!(t.text, "Chinatelecom");
    assert_eq!(t.font.as_deref(), Some("heiti"));
    assert_eq!(t.color, Some(Color { r: 255, g: 0, b: 0 }));
    assert_eq!(print(&p), "image/watermark,text_Q2hpbmF0ZWxlY29t,type_heiti,color_FF0000,size_40,g_se,t_80");
}

#[test]
fn text_and_font_names_round_trip() {
    let text = format!("image/watermark,text_{},type_{}", b64("你好 ZOS"), b64("wqy-zenhei"));
    let p = parse(&text).unwrap();
    let Step::Watermark(Watermark { mark: Mark::Text(t), .. }) = &p.steps[0] else { panic!() };
    assert_eq!(t.text, "你好 ZOS");
    // Aliyun's base64 font name decodes; it prints plain (readable, and what the ZOS guide uses).
    assert_eq!(t.font.as_deref(), Some("wqy-zenhei"));
    assert_eq!(print(&p), format!("image/watermark,text_{},type_wqy-zenhei", b64("你好 ZOS")));
    // Unpadded and '+'-for-'-' base64 are accepted too.
    let unpadded = b64("你好 ZOS").trim_end_matches('=').to_string();
    assert_eq!(parse(&format!("image/watermark,text_{unpadded}")).unwrap().steps.len(), 1);
    // A name with a space prints as base64 and reads back.
    let w = Watermark {
        opacity: None,
        x: None,
        y: None,
        gravity: None,
        mark: Mark::Text(TextMark {
            text: "a".into(),
            font: Some("Noto Sans CJK SC".into()),
            color: None,
            size: None,
            rotate: None,
        }),
    };
    let p = Pipeline { steps: vec![Step::Watermark(w)] };
    assert!(print(&p).contains(&format!("type_{}", b64("Noto Sans CJK SC"))));
    assert_eq!(parse(&print(&p)).unwrap(), p);
    assert_eq!(p.validate(), Ok(()));
}

#[test]
fn errors_name_the_token_and_its_position() {
    let e = err("image/resize,w_5000");
    assert_eq!((e.step, e.token.as_str(), e.start, e.end), (0, "5000", 15, 19));
    assert_eq!(e.kind, ParseErrorKind::OutOfRange { min: 1, max: 4096 });
    assert!(e.message().contains("between 1 and 4096"), "{}", e.message());

    let e = err("image/resize,w_300/rotate,abc");
    assert_eq!((e.step, e.token.as_str(), e.start), (1, "abc", 26));
    assert_eq!(e.kind, ParseErrorKind::BadNumber);

    let e = err("image/resize,w_300/blur,r_3");
    assert_eq!((e.step, e.token.as_str(), e.start), (1, "blur", 19));
    assert_eq!(e.kind, ParseErrorKind::UnknownOperation);

    let e = err("image/crop,w_10,z_3");
    assert_eq!((e.token.as_str(), e.start), ("z", 16));
    assert_eq!(e.kind, ParseErrorKind::UnknownParameter { op: "crop".into() });

    let e = err("image/resize,m_big,w_1");
    assert_eq!(e.token, "big");
    assert!(matches!(e.kind, ParseErrorKind::BadChoice { ref allowed } if allowed.len() == 5));

    assert_eq!(err("image/resize,w_1,w_2").kind, ParseErrorKind::Duplicate);
    assert_eq!(err("image/resize,w_").kind, ParseErrorKind::MissingValue);
    assert_eq!(err("image/resize,w").kind, ParseErrorKind::MissingValue);
    assert_eq!(err("image/rotate").kind, ParseErrorKind::MissingValue);
    assert_eq!(err("image/rotate,361").kind, ParseErrorKind::OutOfRange { min: 0, max: 360 });
    assert_eq!(err("image/resize,w_1,color_12345G").kind, ParseErrorKind::BadColor);
    assert_eq!(err("resize,w_1").kind, ParseErrorKind::MissingPrefix);
    assert_eq!(err("").kind, ParseErrorKind::Empty);
    assert_eq!(err("image").kind, ParseErrorKind::Empty);
    assert_eq!(err("image/").kind, ParseErrorKind::Empty);
    assert_eq!(err("image/resize,w_1/").kind, ParseErrorKind::Empty);
    assert_eq!(err("image/resize,w_1,").kind, ParseErrorKind::Empty);
    assert_eq!(err("image/resize,w_1/image").kind, ParseErrorKind::Empty);
    assert_eq!(err("image/format,gif2").token, "gif2");
    assert_eq!(err("image/watermark,text_***").kind, ParseErrorKind::BadBase64);
    assert_eq!(err("image/watermark,text_").kind, ParseErrorKind::MissingValue);
    assert_eq!(err(&format!("image/watermark,text_{}", "_w==")).kind, ParseErrorKind::BadText);
}

#[test]
fn required_and_conflicting_parameters() {
    let one_of = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        err("image/resize,m_pad").kind,
        ParseErrorKind::MissingRequired { one_of: one_of(&["w", "h", "p"]) }
    );
    assert_eq!(
        err("image/crop,x_10,y_10").kind,
        ParseErrorKind::MissingRequired { one_of: one_of(&["w", "h"]) }
    );
    assert_eq!(
        err("image/watermark,t_50").kind,
        ParseErrorKind::MissingRequired { one_of: one_of(&["text", "image"]) }
    );
    assert_eq!(err("image/quality").kind, ParseErrorKind::MissingRequired { one_of: one_of(&["q", "Q"]) });
    assert_eq!(err("image/resize,w_10,p_50").kind, ParseErrorKind::Conflict { with: "w".into() });
    assert_eq!(err("image/quality,q_10,Q_20").kind, ParseErrorKind::Conflict { with: "q".into() });
    let both = format!("image/watermark,image_{},text_{}", b64("a.png"), b64("x"));
    assert_eq!(err(&both).kind, ParseErrorKind::Conflict { with: "image".into() });
    let e = err("image/resize,w_10/info");
    assert_eq!((e.step, e.kind), (1, ParseErrorKind::InfoNotAlone));
}

#[test]
fn nested_pipeline_errors_are_reported_inside() {
    let bad = format!("image/watermark,image_{}", b64("logo.png?x-zos-process=image/resize,w_0"));
    let e = err(&bad);
    let ParseErrorKind::Nested { error } = &e.kind else { panic!("{e:?}") };
    assert_eq!(error.token, "0");
    assert_eq!(error.kind, ParseErrorKind::OutOfRange { min: 1, max: 4096 });
    assert_eq!(e.start, 22);
    let nested_wm = format!("image/watermark,image_{}", b64("l.png?x-zos-process=image/watermark,text_eA"));
    let ParseErrorKind::Nested { error } = err(&nested_wm).kind else { panic!() };
    assert_eq!(error.kind, ParseErrorKind::NotAllowedInWatermark);
}

#[test]
fn typed_pipelines_serialize_as_tagged_json() {
    let p = parse("image/resize,w_300,m_fill,h_100/rotate,90/info");
    assert!(p.is_err());
    let p = parse("image/resize,w_300,m_fill,h_100/rotate,90/format,webp").unwrap();
    let json = serde_json::to_value(&p).unwrap();
    assert_eq!(json["steps"][0]["op"], "resize");
    assert_eq!(json["steps"][0]["mode"], "fill");
    assert_eq!(json["steps"][1]["degrees"], 90);
    assert_eq!(json["steps"][2]["format"], "webp");
    let back: Pipeline = serde_json::from_value(json).unwrap();
    assert_eq!(back, p);
    let e = serde_json::to_value(err("image/resize,w_0")).unwrap();
    assert_eq!(e["kind"]["type"], "outOfRange");
    assert_eq!(e["kind"]["min"], 1);
}

#[test]
fn validate_refuses_what_the_text_cannot_hold() {
    let p = Pipeline {
        steps: vec![Step::Resize(Resize { w: Some(10), percent: Some(50), ..Resize::default() })],
    };
    assert_eq!(p.validate().unwrap_err().kind, ParseErrorKind::Conflict { with: "w".into() });
    let p = Pipeline { steps: vec![Step::Rotate(Rotate { degrees: 400 })] };
    assert!(p.validate().is_err());
    assert!(Pipeline { steps: vec![] }.validate().is_err());
}
