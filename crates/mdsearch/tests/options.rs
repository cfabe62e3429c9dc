//! Search options, the request's parameters, and local paging.

use std::collections::BTreeMap;
use zos_mdsearch::*;

fn pairs(params: &[(String, String)]) -> Vec<(&str, &str)> {
    params.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

#[test]
fn defaults_follow_the_guide() {
    let o = SearchOptions::default();
    assert_eq!((o.mode, o.order.clone(), o.max_keys, o.marker.clone()), (Mode::Term, None, 100, None));
    assert_eq!(o.validate(), Ok(()));
}

#[test]
fn query_params_shape() {
    let q = parse("(Name==a OR size>1) AND mtime<2026-01-01").unwrap();
    let params = to_query_params(&q, &SearchOptions::default());
    assert_eq!(
        pairs(&params),
        [
            ("query", "(name==a or size>1) and mtime<2026-01-01T00:00:00Z"),
            ("qmode", "term"),
            ("max-keys", "100")
        ]
    );
    let options = SearchOptions {
        mode: Mode::Wild,
        order: Some(Order { key: Field::Meta("year".into()), descending: true }),
        max_keys: 50,
        marker: Some("100".into()),
    };
    let params = to_query_params(&parse("name==*.mp3").unwrap(), &options);
    assert_eq!(
        pairs(&params),
        [
            ("query", "name==*.mp3"),
            ("qmode", "wild"),
            ("qorder", "desc"),
            ("qorderkey", "x-amz-meta-year"),
            ("max-keys", "50"),
            ("marker", "100"),
        ]
    );
    for (mode, wire) in Mode::ALL.iter().zip(["term", "fuzzy", "wild", "regex"]) {
        let o = SearchOptions { mode: *mode, ..SearchOptions::default() };
        assert_eq!(to_query_params(&q, &o)[1], ("qmode".to_string(), wire.to_string()));
    }
    let o =
        SearchOptions { order: Some(Order { key: Field::Size, descending: false }), ..Default::default() };
    let p = to_query_params(&q, &o);
    assert_eq!(pairs(&p)[2..4], [("qorder", "asc"), ("qorderkey", "size")]);
}

#[test]
fn validation() {
    let with = |f: fn(&mut SearchOptions)| {
        let mut o = SearchOptions::default();
        f(&mut o);
        o.validate()
    };
    assert_eq!(with(|o| o.max_keys = 0), Err(OptionsError::MaxKeysOutOfRange { value: 0 }));
    assert_eq!(with(|o| o.max_keys = 10_001), Err(OptionsError::MaxKeysOutOfRange { value: 10_001 }));
    assert_eq!(with(|o| o.max_keys = 10_000), Ok(()));
    assert_eq!(with(|o| o.max_keys = 1), Ok(()));
    assert_eq!(with(|o| o.marker = Some("0".into())), Ok(()));
    assert_eq!(with(|o| o.marker = Some("abc".into())), Err(OptionsError::BadMarker { value: "abc".into() }));
    assert_eq!(with(|o| o.marker = Some("".into())), Err(OptionsError::BadMarker { value: "".into() }));
    assert_eq!(with(|o| o.marker = Some("-1".into())), Err(OptionsError::BadMarker { value: "-1".into() }));
    let bad_key = with(|o| o.order = Some(Order { key: Field::Meta("a b".into()), descending: false }));
    assert_eq!(bad_key, Err(OptionsError::BadOrderKey { value: "a b".into() }));
    let e = OptionsError::MaxKeysOutOfRange { value: 0 };
    assert!(e.message().contains("1 to 10000"), "{}", e.message());
    let json = serde_json::to_string(&SearchOptions::default()).unwrap();
    assert_eq!(json, r#"{"mode":"term","order":null,"maxKeys":100,"marker":null}"#);
}

fn facts(name: &str, size: u64, meta: Option<&str>) -> ObjectFacts {
    ObjectFacts {
        bucket: "b".into(),
        name: name.into(),
        size,
        mtime_ms: size as i64 * 1000,
        storage_class: "STANDARD".into(),
        meta: meta.map(|v| BTreeMap::from([("n".to_string(), v.to_string())])).unwrap_or_default(),
        ..ObjectFacts::default()
    }
}

fn names(page: &Page) -> Vec<&str> {
    page.items.iter().map(|o| o.name.as_str()).collect()
}

#[test]
fn sort_and_page_walks_every_result_once() {
    let all: Vec<ObjectFacts> = (0..25).map(|i| facts(&format!("k{i:02}"), 100 - i, None)).collect();
    let mut options = SearchOptions { max_keys: 10, ..Default::default() };
    let mut seen = Vec::new();
    loop {
        let page = sort_and_page(all.clone(), &options);
        seen.extend(names(&page).iter().map(|s| s.to_string()));
        if !page.is_truncated {
            assert_eq!(page.next_marker, None);
            break;
        }
        options.marker = page.next_marker.clone();
    }
    let expected: Vec<String> = (0..25).map(|i| format!("k{i:02}")).collect();
    assert_eq!(seen, expected);
    assert_eq!(options.marker.as_deref(), Some("20"));
    // Exactly one full page is not truncated.
    let page = sort_and_page(all[..10].to_vec(), &SearchOptions { max_keys: 10, ..Default::default() });
    assert!(!page.is_truncated);
    // Past the end: empty.
    let past = SearchOptions { marker: Some("99".into()), ..Default::default() };
    assert_eq!(sort_and_page(all, &past).items, vec![]);
}

#[test]
fn sort_keys_and_directions() {
    let all = vec![
        facts("b", 2, Some("10")),
        facts("a", 3, Some("9")),
        facts("c", 1, None),
        facts("d", 2, Some("x")),
    ];
    let by = |key: Field, descending: bool| {
        let options = SearchOptions { order: Some(Order { key, descending }), ..Default::default() };
        names(&sort_and_page(all.clone(), &options)).iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };
    assert_eq!(by(Field::Name, false), ["a", "b", "c", "d"]);
    assert_eq!(by(Field::Name, true), ["d", "c", "b", "a"]);
    // Ties (size 2) fall back to bucket, name, instance — ascending in either direction.
    assert_eq!(by(Field::Size, false), ["c", "b", "d", "a"]);
    assert_eq!(by(Field::Size, true), ["a", "b", "d", "c"]);
    assert_eq!(by(Field::Mtime, true), ["a", "b", "d", "c"]);
    // Metadata: numbers as numbers, text byte-wise, absent last either way.
    assert_eq!(by(Field::Meta("n".into()), false), ["a", "b", "d", "c"]);
    assert_eq!(by(Field::Meta("n".into()), true), ["d", "b", "a", "c"]);
    assert_eq!(by(Field::ContentType, true), ["a", "b", "c", "d"]);
}
