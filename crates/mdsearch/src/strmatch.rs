//! How `==` compares text in each mode. The server hands these to Elasticsearch (keyword
//! fields: case-sensitive, whole value), so the local rules follow its queries:
//! - wild: Lucene's `wildcard` — `*` any run, `?` one character, `\` escapes the next one;
//! - fuzzy: Lucene's `fuzzy` with its default `fuzziness: AUTO` — at most 0 edits for a value of
//!   1–2 characters, 1 for 3–5, 2 from 6 on, where an edit inserts, deletes or replaces one
//!   character or swaps two adjacent ones (`transpositions: true`); case-sensitive. Chosen over
//!   "case-insensitive substring" so local results agree with the server's;
//! - regex: see `eval.rs` (Rust's syntax, anchored to the whole value).

/// Lucene's wildcard match on characters.
pub(crate) fn wildcard(pattern: &str, text: &str) -> bool {
    #[derive(Clone, Copy, PartialEq)]
    enum Tok {
        Any,
        One,
        Lit(char),
    }
    let mut toks = Vec::new();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        toks.push(match c {
            '*' => Tok::Any,
            '?' => Tok::One,
            // A trailing `\` stands for itself.
            '\\' => Tok::Lit(chars.next().unwrap_or('\\')),
            c => Tok::Lit(c),
        });
    }
    let text: Vec<char> = text.chars().collect();
    // Greedy with one backtrack point (the last `*`): O(len(pattern) × len(text)) at worst.
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match toks.get(p) {
            Some(Tok::Any) => {
                star = Some((p, t));
                p += 1;
            }
            Some(Tok::One) => {
                p += 1;
                t += 1;
            }
            Some(Tok::Lit(c)) if *c == text[t] => {
                p += 1;
                t += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    p = sp + 1;
                    t = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    toks[p..].iter().all(|tok| *tok == Tok::Any)
}

/// Elasticsearch's `AUTO` fuzziness for a value of this many characters.
pub(crate) fn auto_fuzziness(chars: usize) -> usize {
    match chars {
        0..=2 => 0,
        3..=5 => 1,
        _ => 2,
    }
}

/// Whether `text` is within the value's `AUTO` number of edits of `value`.
pub(crate) fn fuzzy(value: &str, text: &str) -> bool {
    let a: Vec<char> = value.chars().collect();
    let b: Vec<char> = text.chars().collect();
    within_edits(&a, &b, auto_fuzziness(a.len()))
}

/// Optimal-string-alignment distance (Damerau–Levenshtein without repeated edits of one
/// substring, as Lucene's automata count it) is at most `k`.
fn within_edits(a: &[char], b: &[char], k: usize) -> bool {
    if a.len().abs_diff(b.len()) > k {
        return false;
    }
    let n = b.len();
    let mut before: Vec<usize> = vec![0; n + 1];
    let mut prev: Vec<usize> = (0..=n).collect();
    let mut cur = vec![0; n + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = i;
        for j in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > k {
            return false;
        }
        std::mem::swap(&mut before, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[n] <= k
}
