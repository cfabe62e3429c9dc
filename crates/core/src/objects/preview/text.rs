//! Text previews: the encoding (BOM, then valid UTF-8, then chardetng), decoding that never
//! cuts a character at the cap, JSON pretty printing that keeps every token as written, and
//! the first rows of a CSV/TSV. Pure: no I/O.

use super::{CsvTable, DecodedText, JsonProblem, MAX_CSV_COLUMNS, MAX_CSV_ROWS};
use crate::error::{AppError, Result};
use encoding_rs::Encoding;

/// The encoding named by `label` (WHATWG labels: `gbk`, `GB18030`, `big5`, `shift_jis`,
/// `utf-16le`, …).
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding> {
    match Encoding::for_label(label.trim().as_bytes()) {
        Some(enc) if enc != encoding_rs::REPLACEMENT => Ok(enc),
        _ => Err(AppError::invalid_input(format!("'{label}' is not a text encoding this preview knows"))),
    }
}

/// Whether GBK-looking bytes hold a four-byte GB18030 sequence (a lead byte then a digit).
fn has_gb18030_four_byte(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            0x81..=0xFE => {
                if matches!(bytes.get(i + 1), Some(0x30..=0x39)) {
                    return true;
                }
                i += 2;
            }
            _ => i += 1,
        }
    }
    false
}

/// The encoding of `bytes` (the first bytes of the object; `complete` when they are all of it):
/// a BOM, else UTF-8 when the bytes are valid UTF-8 (an incomplete last character allowed when
/// the object goes on), else chardetng's guess.
pub fn detect(bytes: &[u8], complete: bool) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return enc;
    }
    match std::str::from_utf8(bytes) {
        Ok(_) => return encoding_rs::UTF_8,
        Err(e) if e.error_len().is_none() && !complete => return encoding_rs::UTF_8,
        Err(_) => {}
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, complete);
    let guess = detector.guess(None, true);
    if guess == encoding_rs::GBK && has_gb18030_four_byte(bytes) {
        return encoding_rs::GB18030;
    }
    guess
}

/// Decodes `bytes` with `forced` (else the detected encoding). When the bytes are not the whole
/// object (`complete` false), a character cut at the end is left out, not replaced.
pub fn decode(bytes: &[u8], complete: bool, forced: Option<&'static Encoding>) -> DecodedText {
    let detected = detect(bytes, complete);
    let encoding = forced.unwrap_or(detected);
    let bom = match Encoding::for_bom(bytes) {
        Some((enc, len)) if enc == encoding => len,
        _ => 0,
    };
    let input = &bytes[bom..];
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder.max_utf8_buffer_length(input.len()).unwrap_or(input.len() * 3 + 16);
    let mut text = String::with_capacity(capacity);
    let (_, _, lossy) = decoder.decode_to_string(input, &mut text, complete);
    DecodedText {
        text,
        encoding: encoding.name().to_owned(),
        detected_encoding: detected.name().to_owned(),
        bom: bom > 0,
        lossy,
    }
}

/// JSON with two-space indents, every token (numbers, escapes, key order, duplicate keys) as
/// written. Works on a truncated document too: it indents what there is.
pub fn reindent(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = json.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            ' ' | '\t' | '\n' | '\r' => {}
            '{' | '[' => {
                out.push(c);
                while chars.peek().is_some_and(|c| c.is_ascii_whitespace()) {
                    chars.next();
                }
                let close = if c == '{' { '}' } else { ']' };
                if chars.peek() == Some(&close) {
                    out.push(close);
                    chars.next();
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

/// `(pretty, problem)`: a complete document is checked by serde_json (its error with line and
/// column, the column counted in characters); a truncated one is only indented.
pub fn json_view(text: &str, complete: bool) -> (Option<String>, Option<JsonProblem>) {
    if !complete {
        return (Some(reindent(text)), None);
    }
    match serde_json::from_str::<serde::de::IgnoredAny>(text) {
        Ok(_) => (Some(reindent(text)), None),
        Err(e) => {
            // serde_json gives the offending byte's 1-based column in bytes (column 0: the
            // newline that ended the line before); here it is counted in characters.
            let (line, byte_column) = match (e.line(), e.column()) {
                (line, 0) if line > 1 => {
                    let before = text.lines().nth(line - 2).unwrap_or("");
                    (line - 1, before.len() + 1)
                }
                position => position,
            };
            let line_text = text.lines().nth(line.saturating_sub(1)).unwrap_or("").to_owned();
            let column = line_text.char_indices().take_while(|(i, _)| *i + 1 < byte_column).count() + 1;
            let message = e.to_string();
            let message = match message.rfind(" at line ") {
                Some(at) => message[..at].to_owned(),
                None => message,
            };
            (None, Some(JsonProblem { message, line: line as u32, column: column as u32, line_text }))
        }
    }
}

/// The first [`MAX_CSV_ROWS`] rows of [`MAX_CSV_COLUMNS`] cells (quotes and newlines inside
/// quotes as CSV has them). A comma file whose first line has no comma but semicolons is read
/// with `;`. When the text is not the whole object, its last (perhaps cut) row is left out.
pub fn csv_table(text: &str, delimiter: u8, complete: bool) -> CsvTable {
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = if delimiter == b',' && !first_line.contains(',') && first_line.contains(';') {
        b';'
    } else {
        delimiter
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut more_rows = false;
    let mut more_columns = false;
    let mut error = None;
    for record in reader.records() {
        match record {
            Ok(record) => {
                if rows.len() == MAX_CSV_ROWS {
                    more_rows = true;
                    break;
                }
                more_columns |= record.len() > MAX_CSV_COLUMNS;
                rows.push(record.iter().take(MAX_CSV_COLUMNS).map(str::to_owned).collect::<Vec<_>>());
            }
            Err(e) => {
                error = Some(e.to_string());
                break;
            }
        }
    }
    if !complete && !more_rows && rows.len() > 1 {
        rows.pop();
    }
    more_rows |= !complete;
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0) as u32;
    CsvTable { delimiter: (delimiter as char).to_string(), rows, columns, more_rows, more_columns, error }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_detected() {
        let (gbk, _, _) = encoding_rs::GBK.encode("中文文本预览，编码检测。这是一个用国标码保存的文件。");
        assert_eq!(detect(&gbk, true), encoding_rs::GBK);
        assert_eq!(decode(&gbk, true, None).text, "中文文本预览，编码检测。这是一个用国标码保存的文件。");
        let (gb18030, _, _) = encoding_rs::GB18030.encode("中文文本预览€𠀀，编码检测。这是一个国标文件。");
        assert_eq!(detect(&gb18030, true), encoding_rs::GB18030);
        let bom16 = [&[0xFF, 0xFE][..], &[0x2D, 0x4E, 0x87, 0x65]].concat();
        let d = decode(&bom16, true, None);
        assert_eq!((d.text.as_str(), d.encoding.as_str(), d.bom), ("中文", "UTF-16LE", true));
        let d = decode("\u{FEFF}你好".as_bytes(), true, None);
        assert_eq!((d.text.as_str(), d.encoding.as_str(), d.bom), ("你好", "UTF-8", true));
    }

    #[test]
    fn a_cut_character_is_left_out_not_replaced() {
        let bytes = "ab中".as_bytes();
        let d = decode(&bytes[..4], false, None);
        assert_eq!((d.text.as_str(), d.encoding.as_str(), d.lossy), ("ab", "UTF-8", false));
        let (gbk, _, _) = encoding_rs::GBK.encode("中文中文中文中文中文中文中文中文中文中文");
        let d = decode(&gbk[..gbk.len() - 1], false, Some(encoding_rs::GBK));
        assert_eq!((d.text.as_str(), d.lossy), ("中文中文中文中文中文中文中文中文中文中", false));
        let d = decode(&gbk[..gbk.len() - 1], true, Some(encoding_rs::GBK));
        assert!(d.lossy);
    }

    #[test]
    fn a_chosen_encoding_is_used() {
        let (gbk, _, _) = encoding_rs::GBK.encode("中文");
        let d = decode(&gbk, true, Some(encoding_for_label("big5").unwrap()));
        assert_eq!(d.encoding, "Big5");
        assert!(encoding_for_label("klingon").is_err());
        assert_eq!(encoding_for_label("GB18030").unwrap().name(), "gb18030");
    }

    #[test]
    fn json_is_reindented_as_written() {
        let text = r#"{"b":1,"a":[1,2,{}],"n":123456789012345678901234567890,"s":"x,\"{y}\"","e":[]}"#;
        let (pretty, problem) = json_view(text, true);
        assert!(problem.is_none());
        assert_eq!(
            pretty.unwrap(),
            "{\n  \"b\": 1,\n  \"a\": [\n    1,\n    2,\n    {}\n  ],\n  \"n\": 123456789012345678901234567890,\n  \"s\": \"x,\\\"{y}\\\"\",\n  \"e\": []\n}"
        );
        let (pretty, problem) = json_view("{\n  \"名字\": 1,\n  \"b\": tru\n}", true);
        let problem = problem.unwrap();
        assert!(pretty.is_none());
        assert_eq!((problem.line, problem.column, problem.line_text.as_str()), (3, 11, "  \"b\": tru"));
        assert_eq!(problem.message, "expected ident");
        // Peeked at rather than read: the same column rule.
        let problem = json_view("[1,\n 2,]", true).1.unwrap();
        assert_eq!((problem.line, problem.column), (2, 4));
        let problem = json_view("{\"键\":1 \"b\":2}", true).1.unwrap();
        assert_eq!((problem.line, problem.column), (1, 8));
        assert_eq!(json_view("{\"a\": [1, 2", false).0.unwrap(), "{\n  \"a\": [\n    1,\n    2");
    }

    #[test]
    fn csv_rows_keep_quotes_newlines_and_chinese() {
        let t = csv_table("名字,备注\n\"张, 三\",\"第一行\n第二行\"\n李四,\"说 \"\"好\"\"\"\n", b',', true);
        assert_eq!(
            t.rows,
            vec![vec!["名字", "备注"], vec!["张, 三", "第一行\n第二行"], vec!["李四", "说 \"好\""]]
        );
        assert_eq!((t.columns, t.more_rows, t.more_columns), (2, false, false));
        let t = csv_table("a;b\n1;2\n3;", b',', false);
        assert_eq!((t.delimiter.as_str(), t.rows.len(), t.more_rows), (";", 2, true));
        let wide = (0..60).map(|i| i.to_string()).collect::<Vec<_>>().join("\t");
        let many = format!("{wide}\n").repeat(250);
        let t = csv_table(&many, b'\t', true);
        assert_eq!((t.rows.len(), t.columns, t.more_rows, t.more_columns), (200, 50, true, true));
    }
}
