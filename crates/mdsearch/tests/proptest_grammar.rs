//! Properties of the parser: it never panics, its errors point into the text, and print/parse
//! are inverse on generated queries.

use proptest::prelude::*;
use zos_mdsearch::*;

fn field() -> impl Strategy<Value = Field> {
    prop_oneof![
        4 => prop::sample::select(Field::BUILTIN.to_vec()),
        1 => "[a-z0-9][a-z0-9_.+*&%-]{0,8}".prop_map(Field::Meta),
    ]
}

fn text() -> impl Strategy<Value = String> {
    // Not empty, no whitespace or ')', no leading quote.
    "[A-Za-z0-9_./*?+~%&(é音\u{3000}=<>!-][A-Za-z0-9_./*?+~%&(é音\u{3000}'\"=<>!-]{0,10}"
}

fn time() -> impl Strategy<Value = String> {
    (0u32..=9999, 1u32..=12, 1u32..=28, 0u32..24, 0u32..60, 0u32..60, 0u32..1000).prop_map(
        |(y, mo, d, h, mi, s, ms)| {
            let frac = if ms == 0 { String::new() } else { format!(".{ms:03}") };
            format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{frac}Z")
        },
    )
}

fn condition() -> impl Strategy<Value = Expr> {
    (field(), prop::sample::select(Op::ALL.to_vec())).prop_flat_map(|(field, op)| {
        let value = match field.kind() {
            ValueKind::Text => text().prop_map(Value::Text).boxed(),
            ValueKind::Integer => (0..=i64::MAX as u64).prop_map(|n| Value::Integer(n.to_string())).boxed(),
            ValueKind::Time => time().prop_map(Value::Time).boxed(),
        };
        value.prop_map(move |value| Expr::Cond(Condition { field: field.clone(), op, value }))
    })
}

fn expr() -> impl Strategy<Value = Expr> {
    condition().prop_recursive(5, 48, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..4).prop_map(Expr::And),
            prop::collection::vec(inner, 1..4).prop_map(Expr::Or),
        ]
    })
}

/// Shared checks: an error's token is the text it points at; a success prints to a fixpoint.
fn check_any(src: &str) -> Result<(), TestCaseError> {
    match parse(src) {
        Err(e) => {
            let (start, end) = (e.start as usize, e.end as usize);
            prop_assert!(start <= end && end <= src.len());
            prop_assert_eq!(src.get(start..end), Some(e.token.as_str()));
            prop_assert!(!e.message().is_empty());
        }
        Ok(q) => {
            let printed = print(&q);
            prop_assert_eq!(parse(&printed), Ok(q.clone()), "printed {:?}", printed);
            prop_assert_eq!(q.validate(), Ok(()));
        }
    }
    Ok(())
}

const TOKENS: &[&str] = &[
    "(",
    ")",
    "and",
    "or",
    "AND",
    "Or",
    "name",
    "size",
    "mtime",
    "bucket",
    "instance",
    "storage_class",
    "content_type",
    "versioned_epoch",
    "x-amz-meta-a",
    "colour",
    "==",
    "=",
    "<",
    "<=",
    ">",
    ">=",
    "!=",
    ">>",
    "5",
    "0010",
    "-3",
    "2026-12-01",
    "2026-12-01T10:00:00Z",
    "yesterday",
    "foo",
    "*.mp3",
    "\"q\"",
    "音乐",
    "a)b",
    "(x",
    "\t",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn never_panics_on_arbitrary_text(src in any::<String>()) {
        check_any(&src)?;
    }

    #[test]
    fn never_panics_on_printable_text(src in "[ -~\t\n]{0,80}") {
        check_any(&src)?;
    }

    #[test]
    fn never_panics_on_shuffled_grammar_tokens(
        tokens in prop::collection::vec(prop::sample::select(TOKENS), 0..24),
        seps in prop::collection::vec(prop::sample::select(&["", " ", "  "][..]), 24),
    ) {
        let src: String = tokens.iter().zip(&seps).flat_map(|(t, s)| [*t, *s]).collect();
        check_any(&src)?;
    }

    #[test]
    fn print_then_parse_is_identity_on_generated_queries(root in expr()) {
        let q = Query::new(root);
        prop_assert_eq!(q.validate(), Ok(()));
        let normalized = Query::new(q.root.clone().normalize());
        let printed = print(&q);
        prop_assert_eq!(parse(&printed), Ok(normalized.clone()), "printed {:?}", printed);
        prop_assert_eq!(print(&normalized), printed);
        let json = serde_json::to_string(&normalized).unwrap();
        prop_assert_eq!(serde_json::from_str::<Query>(&json).unwrap(), normalized);
    }

    #[test]
    fn nesting_is_refused_past_the_limit_without_overflow(depth in 0usize..400, spaced in any::<bool>()) {
        let sp = if spaced { " " } else { "" };
        let src = format!("{}name==a{sp}{}", format!("({sp}").repeat(depth), format!("){sp}").repeat(depth));
        let result = parse(&src);
        if depth <= MAX_DEPTH as usize {
            prop_assert!(result.is_ok(), "{:?}", result);
        } else {
            prop_assert_eq!(result.unwrap_err().kind, ParseErrorKind::TooDeep { max: MAX_DEPTH });
        }
    }
}
