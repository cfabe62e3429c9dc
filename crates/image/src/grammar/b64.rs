//! URL-safe base64 as the pipelines use it, and the two-way rule for font names.

use base64::alphabet;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine;

/// Decoding accepts `=` padding or none (the vendor's examples keep it, RFC 4648 allows dropping
/// it), and `+` for `-` (standard base64 pasted by hand). `/` cannot occur: it separates steps.
const DECODE: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Printing keeps the padding, as the vendor guide's examples do: a server that decodes with a
/// strict decoder (Python's `urlsafe_b64decode`, say) needs it.
const ENCODE: GeneralPurpose = base64::engine::general_purpose::URL_SAFE;

pub(crate) fn decode(text: &str) -> Option<Vec<u8>> {
    if text.is_empty() {
        return None;
    }
    DECODE.decode(text.replace('+', "-")).ok()
}

pub(crate) fn encode(bytes: &[u8]) -> String {
    ENCODE.encode(bytes)
}

/// Font names the vendor documents (ZOS: yahei, heiti, kaishu, youyuan) and the usual others
/// (Aliyun's base64 list decodes to these). Written plain on the wire.
pub const KNOWN_FONTS: [&str; 12] = [
    "yahei",
    "heiti",
    "kaishu",
    "youyuan",
    "fangsong",
    "songti",
    "wqy-zenhei",
    "wqy-microhei",
    "fangzhengshusong",
    "fangzhengkaiti",
    "fangzhengheiti",
    "fangzhengfangsong",
];

const MAX_FONT_NAME: usize = 64;

/// A font name must be printable text, not too long.
pub(crate) fn plausible_font_name(name: &str) -> bool {
    !name.is_empty() && name.chars().count() <= MAX_FONT_NAME && !name.chars().any(char::is_control)
}

/// `type_` accepts a plain name (`type_heiti`, as the ZOS guide writes it) or URL-safe base64 of
/// one (`type_d3F5LXplbmhlaQ`, as Aliyun requires). A known name is taken as plain; otherwise a
/// value that decodes to a plausible name is taken as base64; otherwise as plain. `None` when the
/// name is not printable text of at most 64 characters.
pub(crate) fn parse_font(value: &str) -> Option<String> {
    if KNOWN_FONTS.iter().any(|k| k.eq_ignore_ascii_case(value)) {
        return Some(value.to_string());
    }
    if let Some(name) = decode(value).and_then(|b| String::from_utf8(b).ok()) {
        if plausible_font_name(&name) {
            return Some(name);
        }
    }
    plausible_font_name(value).then(|| value.to_string())
}

/// The inverse of [`parse_font`]: plain when the name reads back as itself, base64 otherwise.
pub(crate) fn print_font(name: &str) -> String {
    let plain_safe = name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
    if plain_safe && parse_font(name).as_deref() == Some(name) {
        name.to_string()
    } else {
        encode(name.as_bytes())
    }
}
