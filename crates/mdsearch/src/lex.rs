//! Character classes and a cursor over the query text. The classes follow RGW's tokenizer
//! (`ESInfixQueryParser` in rgw_es_query.cc), so what we accept the server reads the same way:
//! - a field name is a run of printable ASCII without `()<>!@,;:\"/[]?={}`;
//! - an operator is a run of `!<=>` (so `size>>5` is one bad operator `>>`, not `>` then `>5`);
//! - a value is everything up to whitespace or `)` (it may contain `(`, `=`, `<`, quotes…);
//! - whitespace is C's `isspace`: space, \t, \n, \v, \f, \r; it may surround every token.

pub(crate) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r')
}

pub(crate) fn is_key_char(c: char) -> bool {
    c.is_ascii_graphic() && !"()<>!@,;:\\\"/[]?={}".contains(c)
}

pub(crate) fn is_op_char(c: char) -> bool {
    matches!(c, '!' | '<' | '=' | '>')
}

pub(crate) fn is_value_char(c: char) -> bool {
    !is_space(c) && c != ')'
}

/// A byte position in the text and what lies there.
pub(crate) struct Cursor<'a> {
    pub src: &'a str,
    pub pos: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(src: &'a str) -> Self {
        Cursor { src, pos: 0 }
    }

    pub fn rest(&self) -> &'a str {
        &self.src[self.pos..]
    }

    pub fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    pub fn at_end(&self) -> bool {
        self.pos >= self.src.len()
    }

    pub fn skip_space(&mut self) {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start_matches(is_space).len();
    }

    /// The run of `class` characters at the cursor, without moving.
    pub fn run(&self, class: fn(char) -> bool) -> (usize, usize) {
        let rest = self.rest();
        let len = rest.find(|c: char| !class(c)).unwrap_or(rest.len());
        (self.pos, self.pos + len)
    }

    /// Takes the run of `class` characters at the cursor.
    pub fn take(&mut self, class: fn(char) -> bool) -> (usize, usize) {
        let span = self.run(class);
        self.pos = span.1;
        span
    }

    /// The span of "the next token" for error messages: a parenthesis, an operator run, or
    /// whatever runs up to whitespace, a parenthesis or an operator.
    pub fn next_token(&self) -> (usize, usize) {
        match self.peek() {
            None => (self.pos, self.pos),
            Some('(' | ')') => (self.pos, self.pos + 1),
            Some(c) if is_op_char(c) => self.run(is_op_char),
            Some(_) => self.run(|c| !is_space(c) && !"()".contains(c) && !is_op_char(c)),
        }
    }
}
