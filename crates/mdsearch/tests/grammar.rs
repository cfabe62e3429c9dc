//! What parses, into what, and how it prints.

use zos_mdsearch::*;

fn canon(src: &str) -> String {
    let q = parse(src).unwrap_or_else(|e| panic!("{src:?}: {}", e.message()));
    let printed = print(&q);
    assert_eq!(parse(&printed), Ok(q), "{src:?} printed as {printed:?} reads back differently");
    printed
}

fn cond(field: Field, op: Op, value: Value) -> Expr {
    Expr::Cond(Condition { field, op, value })
}

fn name_eq(v: &str) -> Expr {
    cond(Field::Name, Op::Eq, Value::Text(v.into()))
}

#[test]
fn the_guides_examples_parse() {
    assert_eq!(parse("name==01.mp3").unwrap().root, name_eq("01.mp3"));
    // The guide writes `bucket=bucket1`: read as `==`, sent as `==` (RGW knows no `=`).
    let q = parse("(name==hudie)and(bucket=bucket1)").unwrap();
    let bucket = cond(Field::Bucket, Op::Eq, Value::Text("bucket1".into()));
    assert_eq!(q.root, Expr::And(vec![name_eq("hudie"), bucket]));
    assert_eq!(print(&q), "name==hudie and bucket==bucket1");
    // RGW's documentation and the brief's examples.
    assert_eq!(canon("name==foo"), "name==foo");
    assert_eq!(canon("(size>1024) and (content_type==image/jpeg)"), "size>1024 and content_type==image/jpeg");
    assert_eq!(canon("x-amz-meta-year>=2000"), "x-amz-meta-year>=2000");
}

#[test]
fn every_field_with_every_operator_parses_and_prints_canonically() {
    let values = [
        (Field::Bucket, "photos", Value::Text("photos".into())),
        (Field::Name, "a/b c.txt", Value::Text("a/b".into())),
        (Field::Instance, "null", Value::Text("null".into())),
        (Field::Size, "0010", Value::Integer("10".into())),
        (Field::Mtime, "2026-12-01", Value::Time("2026-12-01T00:00:00Z".into())),
        (Field::StorageClass, "STANDARD", Value::Text("STANDARD".into())),
        (Field::ContentType, "image/jpeg", Value::Text("image/jpeg".into())),
        (Field::VersionedEpoch, "3", Value::Integer("3".into())),
        (Field::Meta("colour".into()), "red", Value::Text("red".into())),
    ];
    for (field, raw, value) in values {
        for op in Op::ALL {
            let raw = raw.split(' ').next().unwrap();
            let src = format!("{} {} {raw}", field.wire_name(), op.symbol());
            let q = parse(&src).unwrap_or_else(|e| panic!("{src}: {}", e.message()));
            assert_eq!(q.root, cond(field.clone(), op, value.clone()), "{src}");
            let expected = format!("{}{}{}", field.wire_name(), op.symbol(), value.text());
            assert_eq!(canon(&src), expected);
        }
    }
}

#[test]
fn field_names_are_case_insensitive_and_take_rgw_aliases() {
    for (alias, field) in [
        ("NAME", Field::Name),
        ("key", Field::Name),
        ("LastModified", Field::Mtime),
        ("last_modified", Field::Mtime),
        ("contenttype", Field::ContentType),
        ("StorageClass", Field::StorageClass),
        ("Versioned_Epoch", Field::VersionedEpoch),
        ("X-Amz-Meta-Project", Field::Meta("project".into())),
    ] {
        assert_eq!(Field::from_name(alias), Some(field.clone()), "{alias}");
    }
    assert_eq!(
        canon("Key==a AND LastModified<2026-01-01T08:00:00+08:00"),
        "name==a and mtime<2026-01-01T00:00:00Z"
    );
    assert_eq!(Field::from_name("etag"), None);
    assert_eq!(Field::from_name("x-amz-meta-"), None);
}

#[test]
fn and_binds_tighter_than_or() {
    let q = parse("name==a or name==b and name==c").unwrap();
    assert_eq!(q.root, Expr::Or(vec![name_eq("a"), Expr::And(vec![name_eq("b"), name_eq("c")])]));
    let q = parse("name==a and name==b or name==c").unwrap();
    assert_eq!(q.root, Expr::Or(vec![Expr::And(vec![name_eq("a"), name_eq("b")]), name_eq("c")]));
    assert_eq!(canon("name==a and name==b or name==c"), "name==a and name==b or name==c");
}

#[test]
fn parentheses_group_and_print_only_where_needed() {
    let q = parse("(name==a or name==b) and name==c").unwrap();
    assert_eq!(q.root, Expr::And(vec![Expr::Or(vec![name_eq("a"), name_eq("b")]), name_eq("c")]));
    assert_eq!(canon("(name==a or name==b) and name==c"), "(name==a or name==b) and name==c");
    assert_eq!(canon("name==a and (name==b or name==c)"), "name==a and (name==b or name==c)");
    // Redundant parentheses go; same-kind groups flatten.
    assert_eq!(canon("((name==a))"), "name==a");
    assert_eq!(canon("name==a and (name==b and name==c)"), "name==a and name==b and name==c");
    assert_eq!(canon("(name==a and name==b) or name==c"), "name==a and name==b or name==c");
    assert_eq!(canon("name==a or (name==b or (name==c))"), "name==a or name==b or name==c");
    let q = parse("name==a and (name==b and name==c)").unwrap();
    assert_eq!(q.root, Expr::And(vec![name_eq("a"), name_eq("b"), name_eq("c")]));
    assert_eq!(
        canon("((name==a or name==b) and size>1 or name==c) and size<9"),
        "((name==a or name==b) and size>1 or name==c) and size<9"
    );
}

#[test]
fn keywords_and_whitespace() {
    assert_eq!(canon("name==a AND name==b Or name==c"), "name==a and name==b or name==c");
    assert_eq!(canon(" \t( size \n>= 5 )\r\nand(name==x) "), "size>=5 and name==x");
    // A value runs to whitespace or ')', so operator characters, '(' and keywords are values.
    assert_eq!(parse("name==a<b=c(").unwrap().root, name_eq("a<b=c("));
    assert_eq!(parse("name== and").unwrap().root, name_eq("and"));
    // A value may start with operator characters after a space; it prints with that space.
    assert_eq!(parse("name== ==x").unwrap().root, name_eq("==x"));
    assert_eq!(canon("name==  <x"), "name== <x");
    assert_eq!(parse("name==音乐/01.mp3").unwrap().root, name_eq("音乐/01.mp3"));
    // Unicode spaces are not whitespace to RGW either.
    assert_eq!(parse("name==a\u{3000}b").unwrap().root, name_eq("a\u{3000}b"));
    // A quote inside a value is an ordinary character.
    assert_eq!(parse("name==it's").unwrap().root, name_eq("it's"));
}

#[test]
fn numbers_are_canonical_digits() {
    assert_eq!(canon("size>=0"), "size>=0");
    assert_eq!(canon("size<000"), "size<0");
    assert_eq!(canon("size==9223372036854775807"), "size==9223372036854775807");
    let q = parse("size>5368709120").unwrap();
    let Expr::Cond(c) = &q.root else { panic!() };
    assert_eq!(c.value.as_u64(), Some(5_368_709_120));
}

#[test]
fn dates_are_normalized_to_utc() {
    for (src, expected) in [
        ("2026-12-01", "2026-12-01T00:00:00Z"),
        ("2026-12-01T10:00:00Z", "2026-12-01T10:00:00Z"),
        ("2026-12-01T10:00:00", "2026-12-01T10:00:00Z"),
        ("2026-12-01T10:00:00.5Z", "2026-12-01T10:00:00.500Z"),
        ("2026-12-01T10:00:00.123456789Z", "2026-12-01T10:00:00.123Z"),
        ("2026-12-01T10:00:00.000Z", "2026-12-01T10:00:00Z"),
        ("2026-12-01T02:00:00+08:00", "2026-11-30T18:00:00Z"),
        ("2026-12-31T20:30:00-05:30", "2027-01-01T02:00:00Z"),
        ("2024-02-29", "2024-02-29T00:00:00Z"),
        ("1970-01-01", "1970-01-01T00:00:00Z"),
        ("1969-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999Z"),
        ("0000-01-01T00:00:00Z", "0000-01-01T00:00:00Z"),
        ("9999-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999Z"),
    ] {
        assert_eq!(canon(&format!("mtime>{src}")), format!("mtime>{expected}"), "{src}");
    }
    let q = parse("mtime>=2021-01-15T04:25:34.383Z").unwrap();
    let Expr::Cond(c) = &q.root else { panic!() };
    assert_eq!(c.value.as_unix_ms(), Some(1_610_684_734_383));
}

#[test]
fn custom_metadata_names_are_lowercased_and_values_stay_text() {
    let q = parse("x-amz-meta-Year>2000").unwrap();
    assert_eq!(q.root, cond(Field::Meta("year".into()), Op::Gt, Value::Text("2000".into())));
    assert_eq!(print(&q), "x-amz-meta-year>2000");
}

#[test]
fn normalize_and_print_agree_on_hand_built_trees() {
    let nested = Expr::And(vec![
        name_eq("a"),
        Expr::And(vec![name_eq("b"), Expr::Or(vec![name_eq("c")])]),
        Expr::Or(vec![name_eq("d"), Expr::Or(vec![name_eq("e"), name_eq("f")])]),
    ]);
    let q = Query::new(nested.clone());
    assert_eq!(print(&q), "name==a and name==b and name==c and (name==d or name==e or name==f)");
    assert_eq!(parse(&print(&q)).unwrap().root, nested.normalize());
}

#[test]
fn validate_accepts_parsed_queries_and_refuses_unprintable_ones() {
    let q = parse("(name==a or size>1) and mtime<2026-01-01 and x-amz-meta-k==v").unwrap();
    assert_eq!(q.validate(), Ok(()));
    for bad in [
        cond(Field::Name, Op::Eq, Value::Text("a b".into())),
        cond(Field::Name, Op::Eq, Value::Text("a)".into())),
        cond(Field::Name, Op::Eq, Value::Text(String::new())),
        cond(Field::Name, Op::Eq, Value::Text("x or name==y".into())),
        cond(Field::Size, Op::Eq, Value::Integer("007".into())),
        cond(Field::Size, Op::Eq, Value::Text("7".into())),
        cond(Field::Mtime, Op::Eq, Value::Time("2026-01-01".into())),
        cond(Field::Meta("Big".into()), Op::Eq, Value::Text("v".into())),
        Expr::And(vec![]),
    ] {
        assert!(Query::new(bad.clone()).validate().is_err(), "{bad:?}");
    }
}

#[test]
fn the_ast_round_trips_through_json() {
    let q = parse("(name==a or size>1) and mtime<2026-01-01 and x-amz-meta-k==v").unwrap();
    let json = serde_json::to_string(&q).unwrap();
    assert!(json.contains(r#""field":{"meta":"k"}"#), "{json}");
    assert!(json.contains(r#""value":{"integer":"1"}"#), "{json}");
    assert!(json.contains(r#""op":"lt""#), "{json}");
    assert_eq!(serde_json::from_str::<Query>(&json).unwrap(), q);
}
