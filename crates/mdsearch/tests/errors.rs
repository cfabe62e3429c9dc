//! Errors name the offending token, its byte range and a machine-readable kind.

use zos_mdsearch::*;

#[track_caller]
fn err(src: &str) -> ParseError {
    let e = parse(src).expect_err(src);
    assert_eq!(&src[e.start as usize..e.end as usize], e.token, "{src}: token is not src[start..end]");
    e
}

#[track_caller]
fn check(src: &str, kind: ParseErrorKind, token: &str, start: u32, message_part: &str) {
    let e = err(src);
    assert_eq!((&e.kind, e.token.as_str(), e.start), (&kind, token, start), "{src}: {e:?}");
    assert!(e.message().contains(message_part), "{src}: {:?} lacks {message_part:?}", e.message());
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn the_briefs_bad_queries() {
    check("size>>5", ParseErrorKind::BadOperator, ">>", 4, "'>>' at 4 is not an operator");
    check("name==", ParseErrorKind::EmptyValue, "name==", 0, "'name==' at 0 has no value");
    check("(size>1", ParseErrorKind::UnbalancedParen, "(", 0, "'(' at 0 is never closed");
    check("colour==red", ParseErrorKind::UnknownField, "colour", 0, "Unknown field 'colour' at 0");
    check("mtime>yesterday", ParseErrorKind::BadDate, "yesterday", 6, "'yesterday' at 6 is not a date");
}

#[test]
fn operators() {
    check("name!=a", ParseErrorKind::BadOperator, "!=", 4, "'!=' at 4 is not supported");
    check("name===a", ParseErrorKind::BadOperator, "===", 4, "'===' at 4");
    check("size=>1", ParseErrorKind::BadOperator, "=>", 4, "'=>'");
    check("size<>1", ParseErrorKind::BadOperator, "<>", 4, "'<>'");
    let ops = strings(&["<", "<=", "==", ">=", ">"]);
    check("name", ParseErrorKind::UnexpectedEnd { expected: ops.clone() }, "", 4, "ends too early");
    check("name ~ a", ParseErrorKind::UnexpectedToken { expected: ops }, "~", 5, "Unexpected '~' at 5");
}

#[test]
fn values() {
    check("size>10K", ParseErrorKind::BadNumber, "10K", 5, "'10K' at 5 is not a whole number");
    check("size>-1", ParseErrorKind::BadNumber, "-1", 5, "not a whole number");
    check("size>1.5", ParseErrorKind::BadNumber, "1.5", 5, "not a whole number");
    check("size>9223372036854775808", ParseErrorKind::BadNumber, "9223372036854775808", 5, "whole number");
    check("versioned_epoch==x", ParseErrorKind::BadNumber, "x", 17, "'x'");
    for bad in [
        "2026-13-01",
        "2026-02-30",
        "2025-02-29",
        "2026-12-01T24:00:00Z",
        "2026-12-01T10:00Z",
        "2026-12-1",
        "0000-01-01T00:00:00+00:01",
        "9999-12-31T23:00:00-01:00",
        "2026-12-01t10:00:00z",
    ] {
        check(&format!("mtime<{bad}"), ParseErrorKind::BadDate, bad, 6, "is not a date");
    }
    check("name==\"a b\"", ParseErrorKind::QuotedValue, "\"a", 6, "quotes are not part");
}

#[test]
fn quoted_values_are_refused() {
    check("name==\"01.mp3\"", ParseErrorKind::QuotedValue, "\"01.mp3\"", 6, "quotes are not part");
    check("name=='x'", ParseErrorKind::QuotedValue, "'x'", 6, "quoted");
}

#[test]
fn structure() {
    check("", ParseErrorKind::Empty, "", 0, "empty");
    check("  \t", ParseErrorKind::Empty, "  \t", 0, "empty");
    let field_or_paren = strings(&["a field name", "("]);
    check(
        "name==a and",
        ParseErrorKind::UnexpectedEnd { expected: field_or_paren.clone() },
        "",
        11,
        "too early",
    );
    check("name==a or or", ParseErrorKind::UnknownField, "or", 11, "Unknown field 'or'");
    check(
        "name==a size>1",
        ParseErrorKind::UnexpectedToken { expected: strings(&["and", "or"]) },
        "size",
        8,
        "'size' at 8",
    );
    check(
        "name==a andsize>1",
        ParseErrorKind::UnexpectedToken { expected: strings(&["and", "or"]) },
        "andsize",
        8,
        "andsize",
    );
    check("name==a)", ParseErrorKind::UnbalancedParen, ")", 7, "')' at 7 has no matching '('");
    check(")", ParseErrorKind::UnbalancedParen, ")", 0, "no matching");
    check("()", ParseErrorKind::UnexpectedToken { expected: field_or_paren.clone() }, ")", 1, "')' at 1");
    check(
        "(name==a size>1)",
        ParseErrorKind::UnexpectedToken { expected: strings(&["and", "or", ")"]) },
        "size",
        9,
        "'size'",
    );
    check("((name==a)", ParseErrorKind::UnbalancedParen, "(", 0, "never closed");
    check("==a", ParseErrorKind::UnexpectedToken { expected: field_or_paren }, "==", 0, "'==' at 0");
    check(
        "名字==a",
        ParseErrorKind::UnexpectedToken { expected: strings(&["a field name", "("]) },
        "名字",
        0,
        "'名字'",
    );
}

#[test]
fn nesting_and_length_limits() {
    let ok = format!("{}name==a{}", "(".repeat(64), ")".repeat(64));
    assert!(parse(&ok).is_ok());
    let deep = format!("{}name==a{}", "(".repeat(65), ")".repeat(65));
    check(&deep, ParseErrorKind::TooDeep { max: 64 }, "(", 64, "deeper than 64");
    // Far deeper than any stack could take, yet within the length limit.
    let deeper = "(".repeat(MAX_QUERY_BYTES as usize);
    assert_eq!(err(&deeper).kind, ParseErrorKind::TooDeep { max: MAX_DEPTH });
    let long = format!("name=={}", "a".repeat(MAX_QUERY_BYTES as usize));
    check(&long, ParseErrorKind::TooLong { max: MAX_QUERY_BYTES }, "", 0, "longer than 8192 bytes");
}

#[test]
fn errors_serialize_with_a_type_tag() {
    let e = err("size>>5");
    let json = serde_json::to_string(&e).unwrap();
    assert_eq!(json, r#"{"start":4,"end":6,"token":">>","kind":{"type":"badOperator"}}"#);
    let e = err("name");
    let json = serde_json::to_value(&e).unwrap();
    assert_eq!(json["kind"]["type"], "unexpectedEnd");
    assert_eq!(json["kind"]["expected"][2], "==");
    assert_eq!(e.to_string(), e.message());
}
