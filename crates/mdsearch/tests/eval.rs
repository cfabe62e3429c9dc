//! The local evaluator: every field, operator and mode.

use std::collections::BTreeMap;
use zos_mdsearch::*;

fn object() -> ObjectFacts {
    ObjectFacts {
        bucket: "music".into(),
        name: "albums/01.mp3".into(),
        instance: Some("lVQ02ZGXO1xGv7".into()),
        size: 10_895_550,
        mtime_ms: 1_610_684_734_383, // 2021-01-15T04:25:34.383Z, the guide's answer
        storage_class: "STANDARD".into(),
        content_type: Some("audio/mpeg".into()),
        versioned_epoch: Some(3),
        meta: BTreeMap::from([("year".into(), "1999".into()), ("Artist".into(), "Wang Fei".into())]),
    }
}

#[track_caller]
fn table(mode: Mode, rows: &[(&str, bool)]) {
    let o = object();
    for (src, expected) in rows {
        let q = parse(src).unwrap_or_else(|e| panic!("{src}: {}", e.message()));
        assert_eq!(matches(&q, &o, mode), *expected, "{src} in {mode:?}");
        assert_eq!(Matcher::new(&q, mode).unwrap().is_match(&o), *expected, "{src} in {mode:?}");
    }
}

#[test]
fn text_fields_in_term_mode() {
    table(
        Mode::Term,
        &[
            ("bucket==music", true),
            ("bucket==Music", false),
            ("bucket<musicz", true),
            ("bucket<=music", true),
            ("bucket>=music", true),
            ("bucket>music", false),
            ("bucket<music", false),
            ("name==albums/01.mp3", true),
            ("name==01.mp3", false),
            ("name>albums/", true),
            ("name<albums/", false),
            ("instance==lVQ02ZGXO1xGv7", true),
            ("instance==null", false),
            ("storage_class==STANDARD", true),
            ("storage_class>=GLACIER", true),
            ("storage_class<GLACIER", false),
            ("content_type==audio/mpeg", true),
            ("content_type<audio/z", true),
            ("content_type>audio/mpeg", false),
            // Ordering is byte-wise: uppercase sorts before lowercase.
            ("name>Z", true),
            ("name<B", false),
        ],
    );
}

#[test]
fn numbers_and_dates() {
    table(
        Mode::Term,
        &[
            ("size==10895550", true),
            ("size<10895550", false),
            ("size<=10895550", true),
            ("size>=10895551", false),
            ("size>1048576", true),
            ("size<9223372036854775807", true),
            ("versioned_epoch==3", true),
            ("versioned_epoch>2", true),
            ("versioned_epoch<3", false),
            ("versioned_epoch<=3", true),
            ("versioned_epoch>=4", false),
            ("mtime==2021-01-15T04:25:34.383Z", true),
            ("mtime==2021-01-15T04:25:34Z", false),
            ("mtime>2021-01-15T04:25:34Z", true),
            ("mtime<2021-01-16", true),
            ("mtime<=2021-01-15T12:25:34.383+08:00", true),
            ("mtime<2021-01-15T12:25:34.383+08:00", false),
            ("mtime>=2021-01-15T04:25:34.384Z", false),
            ("mtime>2021-01-15", true),
        ],
    );
}

#[test]
fn custom_metadata() {
    table(
        Mode::Term,
        &[
            ("x-amz-meta-year==1999", true),
            ("x-amz-meta-year>=1999", true),
            // Whole numbers on both sides compare as numbers: 1999 < 10000 (as text it is not).
            ("x-amz-meta-year<10000", true),
            ("x-amz-meta-year>999", true),
            // Names match case-insensitively; values do not.
            ("x-amz-meta-artist==Wang", false),
            ("x-amz-meta-ARTIST>Wang", true),
            ("x-amz-meta-missing==x", false),
            ("x-amz-meta-missing<zzz", false),
        ],
    );
    table(Mode::Wild, &[("x-amz-meta-artist==Wang*", true), ("x-amz-meta-artist==wang*", false)]);
}

#[test]
fn boolean_structure() {
    table(
        Mode::Term,
        &[
            ("bucket==music and size>1", true),
            ("bucket==music and size<1", false),
            ("bucket==other or size>1", true),
            ("bucket==other or size<1", false),
            ("bucket==other and size<1 or name==albums/01.mp3", true),
            ("bucket==other and (size<1 or name==albums/01.mp3)", false),
            ("(bucket==music or bucket==other) and (size>1 and versioned_epoch==3)", true),
        ],
    );
}

#[test]
fn wild_mode() {
    table(
        Mode::Wild,
        &[
            ("name==albums/*.mp3", true),
            ("name==*.mp3", true),
            ("name==*", true),
            ("name==albums/0?.mp3", true),
            ("name==albums/?.mp3", false),
            ("name==*.MP3", false),
            ("name==albums/01.mp3", true),
            ("name==albums", false),
            ("name==a*b*s*3", true),
            ("name==\\*", false),
            ("bucket==m?s*", true),
            // Ordering ignores the mode.
            ("name>albums/*", true),
            // Numbers are numbers in every mode.
            ("size==10895550", true),
        ],
    );
    let mut o = object();
    o.name = "a*b?".into();
    let q = parse("name==a\\*b\\?").unwrap();
    assert!(matches(&q, &o, Mode::Wild));
    o.name = "axb?".into();
    assert!(!matches(&q, &o, Mode::Wild));
}

#[test]
fn regex_mode() {
    table(
        Mode::Regex,
        &[
            ("name==albums/\\d+\\.mp3", true),
            ("name==.*mp3", true),
            // Whole value: an unanchored part does not match.
            ("name==01", false),
            ("name==mp3", false),
            ("name==^albums.*$", true),
            ("content_type==audio/.*", true),
            ("content_type==video/.*", false),
            ("bucket==mus[a-z]+", true),
            ("size>10", true),
        ],
    );
}

#[test]
fn fuzzy_mode_follows_elasticsearch_auto() {
    table(
        Mode::Fuzzy,
        &[
            ("bucket==music", true),
            ("bucket==musik", true),  // one substitution, 5 chars: 1 allowed
            ("bucket==msuic", true),  // one transposition
            ("bucket==muzik", false), // two edits, 5 chars
            ("bucket==musics", true), // one insertion
            ("bucket==Music", true),  // case is one edit
            ("name==albums/01.mp4", true),
            ("name==albums/1.mp4", true), // two edits, long value
            ("name==albums/1.mp", true),  // two deletions
            ("name==album/1.mp", false),  // three
            ("storage_class==STANDRAD", true),
            ("instance==lVQ02ZGXO1xGv", true),
        ],
    );
    let mut o = object();
    o.bucket = "ab".into();
    // Up to two characters: exact only.
    assert!(!matches(&parse("bucket==ac").unwrap(), &o, Mode::Fuzzy));
    assert!(matches(&parse("bucket==ab").unwrap(), &o, Mode::Fuzzy));
}

#[test]
fn absent_fields_match_nothing() {
    let mut o = object();
    o.content_type = None;
    o.versioned_epoch = None;
    o.instance = None;
    for src in ["content_type==audio/mpeg", "content_type<zzz", "content_type>a", "versioned_epoch>=0"] {
        for mode in Mode::ALL {
            assert!(!matches(&parse(src).unwrap(), &o, mode), "{src} {mode:?}");
        }
    }
    // The null version is indexed as the text `null`.
    assert!(matches(&parse("instance==null").unwrap(), &o, Mode::Term));
}

#[test]
fn bad_and_hostile_patterns_are_refused_not_run() {
    let q = parse("name==a[").unwrap();
    let e = Matcher::new(&q, Mode::Regex).unwrap_err();
    assert_eq!(e.pattern, "a[");
    assert!(!matches(&q, &object(), Mode::Regex));
    // Compiles to far more than the size limit.
    let name_is = |pattern: &str| {
        Query::new(Expr::Cond(Condition {
            field: Field::Name,
            op: Op::Eq,
            value: Value::Text(pattern.into()),
        }))
    };
    assert!(Matcher::new(&name_is("(?:a{1000}){1000}"), Mode::Regex).is_err());
    let q = parse("name==\\w{500}{500}").unwrap();
    assert!(Matcher::new(&q, Mode::Regex).is_err());
    // The same text is harmless in the other modes.
    assert!(Matcher::new(&q, Mode::Wild).is_ok());
    // An unbalanced pattern cannot escape the anchoring group.
    assert!(Matcher::new(&name_is("x)|(?:.*"), Mode::Regex).is_err());
    // A value ends at ')', as RGW reads it, so a textual query cannot group: `(a|b)` is refused.
    assert_eq!(parse("name==(a|b).mp3").unwrap_err().kind, ParseErrorKind::UnbalancedParen);
}

#[test]
fn needs_head_when_content_type_or_metadata_is_used() {
    for (src, expected) in [
        ("name==a", false),
        ("size>1 and mtime<2026-01-01 or bucket==b", false),
        ("instance==null and versioned_epoch>1 and storage_class==STANDARD", false),
        ("content_type==image/png", true),
        ("name==a or (size>1 and x-amz-meta-k==v)", true),
    ] {
        assert_eq!(needs_head(&parse(src).unwrap()), expected, "{src}");
    }
    assert!(Field::ContentType.needs_head() && Field::Meta("k".into()).needs_head());
    assert!(!Field::BUILTIN.iter().any(|f| f.needs_head() && *f != Field::ContentType));
}
