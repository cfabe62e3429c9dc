//! Text to [`Query`]: `[(]field op value[)] [and|or …]`, parentheses nesting.
//!
//! `and` binds tighter than `or`, as in RGW (`operator_map` in rgw_es_query.cc gives `or` 1 and
//! `and` 2); both are left-associative there and associative anyway. RGW matches them in
//! lowercase only; we accept any case and print lowercase. Where we are more lenient than RGW,
//! the canonical text we send is in the form it reads (see `print.rs`):
//! - `=` is read as `==` (the guide's own example says `bucket=bucket1`; RGW would refuse it);
//! - parentheses nest to [`MAX_DEPTH`]; RGW's tokenizer takes only one `(` before and one `)`
//!   after each condition, so the server may refuse groups we accept, such as `((a==1))`.

use crate::ast::{Condition, Expr, Field, Op, Query, Value, ValueKind};
use crate::error::{ParseError, ParseErrorKind as K};
use crate::lex::{is_key_char, is_op_char, is_value_char, Cursor};
use crate::time;

/// Parentheses deeper than this are refused, so hostile input cannot exhaust the stack.
pub const MAX_DEPTH: u32 = 64;
/// Longer text is refused; a query travels in a URL, which servers cap at a few KiB.
pub const MAX_QUERY_BYTES: u32 = 8192;

/// Parses a query; see the crate documentation for the grammar.
pub fn parse(src: &str) -> Result<Query, ParseError> {
    if src.len() > MAX_QUERY_BYTES as usize {
        return Err(ParseError::new(src, (0, 0), K::TooLong { max: MAX_QUERY_BYTES }));
    }
    if src.trim_matches(crate::lex::is_space).is_empty() {
        return Err(ParseError::new(src, (0, src.len()), K::Empty));
    }
    let mut p = Parser { c: Cursor::new(src), depth: 0 };
    let root = p.or()?;
    p.c.skip_space();
    if !p.c.at_end() {
        let span = p.c.next_token();
        let kind = if p.c.peek() == Some(')') {
            K::UnbalancedParen
        } else {
            K::UnexpectedToken { expected: and_or() }
        };
        return Err(p.err(span, kind));
    }
    Ok(Query { root })
}

fn and_or() -> Vec<String> {
    vec!["and".into(), "or".into()]
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

struct Parser<'a> {
    c: Cursor<'a>,
    depth: u32,
}

impl Parser<'_> {
    fn err(&self, span: (usize, usize), kind: K) -> ParseError {
        ParseError::new(self.c.src, span, kind)
    }

    /// Consumes `word` (any case) if it is the next whole word.
    fn keyword(&mut self, word: &str) -> bool {
        self.c.skip_space();
        let (start, end) = self.c.run(is_key_char);
        let hit = self.c.src[start..end].eq_ignore_ascii_case(word);
        if hit {
            self.c.pos = end;
        }
        hit
    }

    fn or(&mut self) -> Result<Expr, ParseError> {
        let mut items = vec![self.and()?];
        while self.keyword("or") {
            items.push(self.and()?);
        }
        Ok(join(items, Expr::Or))
    }

    fn and(&mut self) -> Result<Expr, ParseError> {
        let mut items = vec![self.primary()?];
        while self.keyword("and") {
            items.push(self.primary()?);
        }
        Ok(join(items, Expr::And))
    }

    fn primary(&mut self) -> Result<Expr, ParseError> {
        self.c.skip_space();
        if self.c.peek() != Some('(') {
            return self.condition().map(Expr::Cond);
        }
        let open = (self.c.pos, self.c.pos + 1);
        if self.depth >= MAX_DEPTH {
            return Err(self.err(open, K::TooDeep { max: MAX_DEPTH }));
        }
        self.c.pos += 1;
        self.depth += 1;
        let inner = self.or()?;
        self.depth -= 1;
        self.c.skip_space();
        match self.c.peek() {
            Some(')') => {
                self.c.pos += 1;
                Ok(inner)
            }
            None => Err(self.err(open, K::UnbalancedParen)),
            Some(_) => {
                let expected = strings(&["and", "or", ")"]);
                Err(self.err(self.c.next_token(), K::UnexpectedToken { expected }))
            }
        }
    }

    fn condition(&mut self) -> Result<Condition, ParseError> {
        let start = self.c.pos;
        let key = self.c.take(is_key_char);
        if key.0 == key.1 {
            let expected = strings(&["a field name", "("]);
            return Err(if self.c.at_end() {
                self.err(key, K::UnexpectedEnd { expected })
            } else if self.c.peek() == Some(')') && self.depth == 0 {
                self.err(self.c.next_token(), K::UnbalancedParen)
            } else {
                self.err(self.c.next_token(), K::UnexpectedToken { expected })
            });
        }
        let field =
            Field::from_name(&self.c.src[key.0..key.1]).ok_or_else(|| self.err(key, K::UnknownField))?;

        self.c.skip_space();
        let op_span = self.c.take(is_op_char);
        let op = match &self.c.src[op_span.0..op_span.1] {
            "<" => Op::Lt,
            "<=" => Op::Le,
            "==" | "=" => Op::Eq,
            ">=" => Op::Ge,
            ">" => Op::Gt,
            "" => {
                let expected = strings(&["<", "<=", "==", ">=", ">"]);
                return Err(if self.c.at_end() {
                    self.err(op_span, K::UnexpectedEnd { expected })
                } else {
                    self.err(self.c.next_token(), K::UnexpectedToken { expected })
                });
            }
            _ => return Err(self.err(op_span, K::BadOperator)),
        };

        self.c.skip_space();
        let v = self.c.take(is_value_char);
        if v.0 == v.1 {
            return Err(self.err((start, op_span.1), K::EmptyValue));
        }
        let value = typed_value(field.kind(), &self.c.src[v.0..v.1]).map_err(|kind| self.err(v, kind))?;
        Ok(Condition { field, op, value })
    }
}

fn join(mut items: Vec<Expr>, group: fn(Vec<Expr>) -> Expr) -> Expr {
    if items.len() == 1 {
        return items.pop().expect("one item");
    }
    // Nested groups of the same kind come only from parentheses; flatten them (normalize).
    group(items).normalize()
}

/// Checks and canonicalizes one value token for a field of `kind`.
pub(crate) fn typed_value(kind: ValueKind, text: &str) -> Result<Value, K> {
    match kind {
        ValueKind::Text => {
            // RGW has no quoting: `"a b"` would be the value `"a` then junk. Refusing a leading
            // quote explains that; a name that starts with one is still found with `?` (wild).
            if text.starts_with(['"', '\'']) {
                return Err(K::QuotedValue);
            }
            Ok(Value::Text(text.to_string()))
        }
        ValueKind::Integer => {
            if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
                return Err(K::BadNumber);
            }
            let n: i64 = text.parse().map_err(|_| K::BadNumber)?;
            Ok(Value::Integer(n.to_string()))
        }
        ValueKind::Time => time::parse(text).map(|t| Value::Time(time::format(t.unix_ms))).ok_or(K::BadDate),
    }
}
