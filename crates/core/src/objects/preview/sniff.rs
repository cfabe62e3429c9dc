//! What an object is, from its first bytes (magic numbers, BOMs, NUL bytes), its content type
//! and its key's extension. Pure: no I/O.

/// How an object is previewed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Text,
    Json,
    /// Delimited text with this separator (`,`, `;` or a tab).
    Csv(u8),
    Image(String),
    /// A presigned URL played by `<audio>` or `<video>`: the mime type, and whether it is video.
    Media(String, bool),
    Pdf,
    /// Anything else: a hex view.
    Binary,
}

/// Content types S3 and uploaders put on anything: they say nothing about the content.
fn informative(content_type: Option<&str>) -> Option<String> {
    let ct = content_type?.split(';').next()?.trim().to_ascii_lowercase();
    match ct.as_str() {
        ""
        | "binary/octet-stream"
        | "application/octet-stream"
        | "application/x-download"
        | "application/force-download"
        | "application/unknown" => None,
        _ => Some(ct),
    }
}

fn extension(key: &str) -> String {
    let name = key.rsplit('/').next().unwrap_or(key);
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// The mime type the extension names (mime_guess), lower case.
fn mime_of_extension(key: &str) -> Option<String> {
    let ext = extension(key);
    if ext.is_empty() {
        return None;
    }
    mime_guess::from_ext(&ext).first().map(|m| m.essence_str().to_ascii_lowercase())
}

/// The kind the key's extension alone suggests, used to choose how many bytes the one GET
/// asks for before anything is known of the content.
pub fn hint_from_key(key: &str) -> Kind {
    let ext = extension(key);
    match ext.as_str() {
        "pdf" => return Kind::Pdf,
        "json" | "geojson" => return Kind::Json,
        "csv" => return Kind::Csv(b','),
        "tsv" | "tab" => return Kind::Csv(b'\t'),
        _ => {}
    }
    match mime_of_extension(key) {
        Some(m) if m.starts_with("image/") && m != "image/svg+xml" => Kind::Image(m),
        Some(m) if m.starts_with("audio/") => Kind::Media(m, false),
        Some(m) if m.starts_with("video/") => Kind::Media(m, true),
        Some(m) if m.starts_with("application/") && !textual_application(&m) => Kind::Binary,
        _ => Kind::Text,
    }
}

/// `application/…` types that are text (JSON, XML, scripts, SQL, YAML, TOML…).
fn textual_application(mime: &str) -> bool {
    [
        "json",
        "xml",
        "script",
        "sql",
        "yaml",
        "toml",
        "x-sh",
        "x-csh",
        "x-perl",
        "x-ruby",
        "x-python",
        "x-tex",
        "x-latex",
        "rtf",
        "x-httpd-php",
        "graphql",
        "csv",
    ]
    .iter()
    .any(|word| mime.contains(word))
}

/// The kind the bytes prove by a magic number, if any.
pub fn magic(bytes: &[u8]) -> Option<Kind> {
    let at = |offset: usize, sig: &[u8]| {
        bytes.len() >= offset + sig.len() && &bytes[offset..offset + sig.len()] == sig
    };
    let image = |m: &str| Some(Kind::Image(m.into()));
    let media = |m: &str, video: bool| Some(Kind::Media(m.into(), video));
    // A UTF-16 BOM (FF FE) would pass for an MPEG frame header below.
    if encoding_rs::Encoding::for_bom(bytes).is_some() {
        return None;
    }
    if at(0, b"%PDF-") {
        return Some(Kind::Pdf);
    }
    if at(0, b"\x89PNG\r\n\x1a\n") {
        return image("image/png");
    }
    if at(0, b"\xFF\xD8\xFF") {
        return image("image/jpeg");
    }
    if at(0, b"GIF87a") || at(0, b"GIF89a") {
        return image("image/gif");
    }
    if at(0, b"II*\0") || at(0, b"MM\0*") {
        return image("image/tiff");
    }
    if at(0, b"RIFF") {
        if at(8, b"WEBP") {
            return image("image/webp");
        }
        if at(8, b"WAVE") {
            return media("audio/wav", false);
        }
        if at(8, b"AVI ") {
            return media("video/x-msvideo", true);
        }
    }
    if at(4, b"ftyp") && bytes.len() >= 12 {
        return match &bytes[8..12] {
            b"heic" | b"heix" | b"mif1" | b"msf1" => image("image/heic"),
            b"avif" | b"avis" => image("image/avif"),
            b"M4A " | b"M4B " | b"M4P " => media("audio/mp4", false),
            b"qt  " => media("video/quicktime", true),
            brand if brand.starts_with(b"3g") => media("video/3gpp", true),
            _ => media("video/mp4", true),
        };
    }
    if at(0, b"ID3") {
        return media("audio/mpeg", false);
    }
    if at(0, b"OggS") {
        let head = &bytes[..bytes.len().min(512)];
        let video = head.windows(7).any(|w| w == b"\x80theora");
        return media(if video { "video/ogg" } else { "audio/ogg" }, video);
    }
    if at(0, b"fLaC") {
        return media("audio/flac", false);
    }
    if at(0, b"\x1A\x45\xDF\xA3") {
        let head = &bytes[..bytes.len().min(64)];
        let webm = head.windows(4).any(|w| w == b"webm");
        return media(if webm { "video/webm" } else { "video/x-matroska" }, true);
    }
    // An MPEG audio frame (MP3 without ID3) or ADTS AAC: 11 sync bits.
    if bytes.len() >= 4 && bytes[0] == 0xFF && bytes[1] & 0xE0 == 0xE0 && bytes[1] & 0x06 != 0 {
        return media("audio/mpeg", false);
    }
    if bytes.len() >= 4 && bytes[0] == 0xFF && bytes[1] & 0xF6 == 0xF0 {
        return media("audio/aac", false);
    }
    None
}

/// Whether the bytes look like binary rather than text: NUL bytes (without a UTF-16/32 BOM)
/// or many control characters.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if encoding_rs::Encoding::for_bom(bytes).is_some() {
        return false;
    }
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.contains(&0) {
        return true;
    }
    let controls =
        sample.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B)).count();
    controls * 20 > sample.len()
}

/// The kind of an object: magic numbers first, then an informative content type or the
/// extension for images, media and PDF; bytes that look binary are binary; the rest is text
/// (JSON and CSV by content type or extension).
pub fn classify(key: &str, content_type: Option<&str>, bytes: &[u8]) -> Kind {
    if let Some(kind) = magic(bytes) {
        return kind;
    }
    let ct = informative(content_type);
    let declared = ct.clone().or_else(|| mime_of_extension(key));
    if let Some(m) = &declared {
        if m == "application/pdf" {
            return Kind::Pdf;
        }
        if m.starts_with("image/") && m != "image/svg+xml" && looks_binary(bytes) {
            return Kind::Image(m.clone());
        }
        if (m.starts_with("audio/") || m.starts_with("video/")) && looks_binary(bytes) {
            return Kind::Media(m.clone(), m.starts_with("video/"));
        }
    }
    if looks_binary(bytes) {
        return Kind::Binary;
    }
    let by_type = ct.as_deref().and_then(|m| match m {
        "application/json" | "text/json" => Some(Kind::Json),
        m if m.ends_with("+json") => Some(Kind::Json),
        "text/csv" | "application/csv" => Some(Kind::Csv(b',')),
        "text/tab-separated-values" => Some(Kind::Csv(b'\t')),
        _ => None,
    });
    match by_type.unwrap_or_else(|| hint_from_key(key)) {
        kind @ (Kind::Json | Kind::Csv(_)) => kind,
        _ => Kind::Text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_numbers_win_over_names() {
        assert_eq!(classify("a.txt", None, b"%PDF-1.4\n"), Kind::Pdf);
        assert_eq!(classify("a", None, b"\x89PNG\r\n\x1a\n\0\0"), Kind::Image("image/png".into()));
        assert_eq!(classify("a", None, b"ID3\x04\0\0\0\0\0\0"), Kind::Media("audio/mpeg".into(), false));
        assert_eq!(
            classify("a", None, b"\0\0\0\x18ftypisom\0\0\x02\0"),
            Kind::Media("video/mp4".into(), true)
        );
        assert_eq!(
            classify("a", None, b"\0\0\0\x18ftypM4A \0\0\x02\0"),
            Kind::Media("audio/mp4".into(), false)
        );
        assert_eq!(classify("a", None, b"RIFF\0\0\0\0WAVEfmt "), Kind::Media("audio/wav".into(), false));
        assert_eq!(classify("a", None, b"RIFF\0\0\0\0WEBPVP8 "), Kind::Image("image/webp".into()));
        assert_eq!(
            classify("a", None, b"\x1A\x45\xDF\xA3\x9fB\x86\x81\x01B\x82\x84webm"),
            Kind::Media("video/webm".into(), true)
        );
        assert_eq!(classify("a", None, b"OggS\0\x02"), Kind::Media("audio/ogg".into(), false));
    }

    #[test]
    fn text_json_csv_and_binary() {
        assert_eq!(classify("a.json", None, b"{\"a\":1}"), Kind::Json);
        assert_eq!(classify("data", Some("application/json; charset=utf-8"), b"[]"), Kind::Json);
        assert_eq!(classify("a.csv", Some("binary/octet-stream"), b"a,b\n1,2\n"), Kind::Csv(b','));
        assert_eq!(classify("a.tsv", None, b"a\tb\n"), Kind::Csv(b'\t'));
        assert_eq!(classify("readme", None, "中文".as_bytes()), Kind::Text);
        assert_eq!(classify("a.txt", None, b"\xFF\xFEa\0b\0"), Kind::Text);
        assert_eq!(classify("a.bin", None, b"\x01\x02\x00\x03abc"), Kind::Binary);
        assert_eq!(classify("a.json", None, b"\x01\x02\x00\x03abc"), Kind::Binary);
        assert_eq!(classify("a.svg", Some("image/svg+xml"), b"<svg/>"), Kind::Text);
        assert_eq!(classify("a.mp3", None, b"\x01\x02\x00\x03abc"), Kind::Media("audio/mpeg".into(), false));
    }

    #[test]
    fn hints_from_extensions() {
        assert_eq!(hint_from_key("x/报告.PDF"), Kind::Pdf);
        assert_eq!(hint_from_key("a.mp4"), Kind::Media("video/mp4".into(), true));
        assert_eq!(hint_from_key("a.jpg"), Kind::Image("image/jpeg".into()));
        assert_eq!(hint_from_key(".bashrc"), Kind::Text);
        assert_eq!(hint_from_key("a.bin"), Kind::Binary);
        assert_eq!(hint_from_key("backup.tar.gz"), Kind::Binary);
        assert_eq!(hint_from_key("app.js"), Kind::Text);
        assert_eq!(hint_from_key("pom.xml"), Kind::Text);
    }
}
