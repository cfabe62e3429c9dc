//! Search options and the request's parameters.

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
