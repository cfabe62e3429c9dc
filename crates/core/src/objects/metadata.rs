//! User metadata values as people write them. HTTP headers carry ASCII, so boto3 users store
//! Chinese values as RFC 2047 encoded-words (`=?UTF-8?B?6aG555uu5oql5ZGK?=`): shown decoded, with
//! the stored value kept for "show raw".

use base64::Engine;
use std::collections::{BTreeMap, HashMap};

/// Decodes a value made of RFC 2047 encoded-words (UTF-8, `B` or `Q`), with the white space
/// between adjacent words dropped as the RFC says. `None` when the value holds no encoded-word,
/// or one that does not decode to UTF-8 (then it is shown as stored).
pub fn decode_rfc2047(value: &str) -> Option<String> {
    if !value.contains("=?") {
        return None;
    }
    let mut out = String::new();
    let mut rest = value;
    let mut decoded_any = false;
    let mut pending_space = String::new();
    while !rest.is_empty() {
        match rest.find("=?") {
            Some(start) => {
                let (before, from) = rest.split_at(start);
                match encoded_word(from) {
                    Some((text, len)) => {
                        // White space between two encoded-words is not part of the text.
                        if !(decoded_any && before.trim().is_empty()) {
                            out.push_str(&pending_space);
                            out.push_str(before);
                        }
                        pending_space.clear();
                        out.push_str(&text);
                        decoded_any = true;
                        rest = &from[len..];
                    }
                    None => {
                        out.push_str(&pending_space);
                        pending_space.clear();
                        out.push_str(&rest[..start + 2]);
                        rest = &rest[start + 2..];
                    }
                }
            }
            None => {
                out.push_str(&pending_space);
                out.push_str(rest);
                rest = "";
            }
        }
    }
    decoded_any.then_some(out)
}

/// One `=?charset?enc?text?=` at the start of `s`: its text and its length.
fn encoded_word(s: &str) -> Option<(String, usize)> {
    let body = s.strip_prefix("=?")?;
    let mut parts = body.splitn(3, '?');
    let charset = parts.next()?;
    let encoding = parts.next()?;
    let rest = parts.next()?;
    let end = rest.find("?=")?;
    let text = &rest[..end];
    let len = "=?".len() + charset.len() + 1 + encoding.len() + 1 + end + "?=".len();
    let name = charset.split('*').next().unwrap_or(charset); // RFC 2231 language tag
    if !name.eq_ignore_ascii_case("utf-8") && !name.eq_ignore_ascii_case("us-ascii") {
        return None;
    }
    let bytes = match encoding {
        "B" | "b" => base64::engine::general_purpose::STANDARD.decode(text).ok()?,
        "Q" | "q" => q_decode(text)?,
        _ => return None,
    };
    Some((String::from_utf8(bytes).ok()?, len))
}

fn q_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'_' => out.push(b' '),
            b'=' => {
                let hex = text.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    Some(out)
}

/// The metadata with values decoded, and the stored values of those that were.
/// A metadata value as it can travel in an HTTP header: printable ASCII as it is, anything else
/// as one RFC 2047 encoded-word (`=?UTF-8?B?…?=`), which [`decode_rfc2047`] and boto3 users
/// read back.
pub fn encode_rfc2047(value: &str) -> String {
    use base64::Engine as _;
    if value.bytes().all(|b| (0x20..0x7f).contains(&b)) && !value.contains("=?") {
        return value.to_owned();
    }
    format!("=?UTF-8?B?{}?=", base64::engine::general_purpose::STANDARD.encode(value.as_bytes()))
}

pub fn decoded(metadata: HashMap<String, String>) -> (BTreeMap<String, String>, BTreeMap<String, String>) {
    let mut shown = BTreeMap::new();
    let mut raw = BTreeMap::new();
    for (key, value) in metadata {
        match decode_rfc2047(&value) {
            Some(text) => {
                shown.insert(key.clone(), text);
                raw.insert(key, value);
            }
            None => {
                shown.insert(key, value);
            }
        }
    }
    (shown, raw)
}

#[cfg(test)]
mod tests {
    #[test]
    fn values_are_encoded_only_when_a_header_cannot_carry_them() {
        use super::{decode_rfc2047, encode_rfc2047};
        assert_eq!(encode_rfc2047("plain ascii"), "plain ascii");
        let encoded = encode_rfc2047("项目报告");
        assert_eq!(encoded, "=?UTF-8?B?6aG555uu5oql5ZGK?=");
        assert_eq!(decode_rfc2047(&encoded).as_deref(), Some("项目报告"));
        assert_eq!(decode_rfc2047(&encode_rfc2047("tab\there")).as_deref(), Some("tab\there"));
    }

    use super::decode_rfc2047 as d;

    #[test]
    fn base64_and_q_words_decode() {
        assert_eq!(d("=?UTF-8?B?6aG555uu5oql5ZGK?=").as_deref(), Some("项目报告"));
        assert_eq!(d("=?utf-8?q?caf=C3=A9_au_lait?=").as_deref(), Some("café au lait"));
        assert_eq!(d("Report: =?UTF-8?B?6aG555uu?= 2026").as_deref(), Some("Report: 项目 2026"));
        assert_eq!(d("=?UTF-8*zh?B?6aG555uu?=!").as_deref(), Some("项目!"));
    }

    #[test]
    fn space_between_adjacent_words_is_dropped() {
        assert_eq!(d("=?UTF-8?B?6aG555uu?= =?UTF-8?B?5oql5ZGK?=").as_deref(), Some("项目报告"));
    }

    #[test]
    fn plain_and_undecodable_values_are_left_alone() {
        assert_eq!(d("plain value"), None);
        assert_eq!(d("a=?b"), None);
        assert_eq!(d("=?GB2312?B?z+7Ev7Gowbg=?="), None, "only UTF-8 is decoded");
        assert_eq!(d("=?UTF-8?B?not base64!?="), None);
        assert_eq!(d("=?UTF-8?B?/w==?="), None, "not UTF-8");
    }
}
