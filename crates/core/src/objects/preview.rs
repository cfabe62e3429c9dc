//! Quick look at an object: one ranged GET of its first bytes, and what they are shown as:
//! text in its encoding (BOM, UTF-8, else chardetng: GBK, GB18030, Big5, Shift_JIS…), JSON
//! pretty printed or its error's position, the first rows of a CSV/TSV, a presigned URL for
//! audio and video, a PDF's bytes for pdf.js, "an image" (the image panel shows those), or a
//! hex view of the first bytes of anything else.
//!
//! The first GET asks for as many bytes as the key's extension suggests ([`TEXT_CAP`] for
//! text, [`HEX_CAP`] for images and media, up to [`PDF_CAP`] for a `.pdf`); a second GET of the
//! rest is made only when the bytes prove another kind that needs more (a PDF not named so).

mod sniff;
mod text;

use crate::error::{AppError, ErrorCode, Result};
use crate::sharing::{self, ShareTarget};
use crate::ssec::{classify_read_error, SseCustomerKey, WithCustomerKey};
use base64::Engine;
use serde::{Deserialize, Serialize};
use sniff::Kind;
use specta::Type;

/// Text, JSON and CSV previews read at most this many bytes.
pub const TEXT_CAP: u64 = 256 * 1024;
/// The hex view shows this many bytes.
pub const HEX_CAP: u64 = 4 * 1024;
/// A PDF is sent to the viewer whole, up to this size.
pub const PDF_CAP: u64 = 32 * 1024 * 1024;
pub const MAX_CSV_ROWS: usize = 200;
pub const MAX_CSV_COLUMNS: usize = 50;
/// Media links live an hour: long enough to watch and seek, short for a link.
pub const MEDIA_LINK_SECS: u32 = 3600;

/// How the user asked to see the object; `None` lets the content decide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum PreviewView {
    Text,
    Json,
    Csv,
    Hex,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PreviewOptions {
    /// A WHATWG encoding label (`gbk`, `gb18030`, `big5`, `shift_jis`, `utf-16le`, …) to decode
    /// with instead of the detected one.
    pub encoding: Option<String>,
    pub view: Option<PreviewView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DecodedText {
    pub text: String,
    /// The encoding used (encoding_rs's name: `UTF-8`, `GBK`, `gb18030`, `Big5`, `Shift_JIS`,
    /// `UTF-16LE`, …).
    pub encoding: String,
    /// The encoding detection chose (differs from `encoding` when the user chose one).
    pub detected_encoding: String,
    /// The bytes began with this encoding's byte order mark (not part of `text`).
    pub bom: bool,
    /// Some bytes were not valid in the encoding and show as U+FFFD.
    pub lossy: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct JsonProblem {
    /// serde_json's message, without its position.
    pub message: String,
    /// 1-based.
    pub line: u32,
    /// 1-based, in characters.
    pub column: u32,
    pub line_text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct JsonPreview {
    pub decoded: DecodedText,
    /// Two-space indents, every token as written; `None` when the document is invalid.
    pub pretty: Option<String>,
    pub problem: Option<JsonProblem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CsvTable {
    pub delimiter: String,
    /// The first row is the file's first line (usually its header).
    pub rows: Vec<Vec<String>>,
    pub columns: u32,
    /// Rows past [`MAX_CSV_ROWS`], or past the bytes read, are not shown.
    pub more_rows: bool,
    /// Some row has more than [`MAX_CSV_COLUMNS`] cells.
    pub more_columns: bool,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CsvPreview {
    pub decoded: DecodedText,
    pub table: CsvTable,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MediaPreview {
    /// A presigned GET of the object (its version), valid `expires_in_secs`.
    pub url: String,
    pub mime: String,
    pub video: bool,
    pub expires_in_secs: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PdfPreview {
    /// The whole file, base64; `None` when it is larger than `limit_bytes`.
    pub data_base64: Option<String>,
    pub limit_bytes: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ImagePreview {
    pub mime: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct HexPreview {
    /// The first bytes (at most [`HEX_CAP`]), base64: the UI formats offset | hex | ASCII.
    pub data_base64: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", content = "value", rename_all = "camelCase")]
pub enum PreviewContent {
    Text(DecodedText),
    Json(JsonPreview),
    Csv(CsvPreview),
    Image(ImagePreview),
    Media(MediaPreview),
    Pdf(PdfPreview),
    Hex(HexPreview),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ObjectPreview {
    pub key: String,
    /// The version read (the server's answer), when the bucket keeps versions.
    pub version_id: Option<String>,
    pub content_type: Option<String>,
    /// The object's full size.
    pub size: u64,
    /// Bytes read from the server for this preview.
    pub fetched_bytes: u64,
    /// The view shows only the object's first bytes.
    pub truncated: bool,
    pub content: PreviewContent,
}

struct Got {
    bytes: Vec<u8>,
    total: u64,
    content_type: Option<String>,
    version_id: Option<String>,
}

/// `bytes a-b/total` → total.
fn range_total(content_range: &str) -> Option<u64> {
    content_range.rsplit('/').next()?.trim().parse().ok()
}

/// The object a preview reads (its version, with its customer key if any).
#[derive(Clone, Copy)]
struct Source<'a> {
    s3: &'a aws_sdk_s3::Client,
    bucket: &'a str,
    key: &'a str,
    version_id: Option<&'a str>,
    customer_key: Option<&'a SseCustomerKey>,
}

/// GET of `len` bytes from `start`. Reads at most `len` bytes whatever the server sends; when
/// the object is larger than `too_large` only its first [`HEX_CAP`] bytes are read (enough to
/// tell what it is). An empty object (a range it cannot satisfy) is read whole.
async fn get_range(object: &Source<'_>, start: u64, len: u64, too_large: Option<u64>) -> Result<Got> {
    let Source { s3, bucket, key, version_id, customer_key } = *object;
    let request = s3
        .get_object()
        .bucket(bucket)
        .key(key)
        .set_version_id(version_id.map(str::to_owned))
        .customer_key(customer_key);
    let refused =
        |e| classify_read_error(AppError::from_sdk(e, ErrorCode::NoSuchKey), customer_key.is_some());
    let out = match request.clone().range(format!("bytes={start}-{}", start + len - 1)).send().await {
        Ok(out) => out,
        Err(e) => {
            let err = refused(e);
            if !(err.is(ErrorCode::InvalidRange) && start == 0) {
                return Err(err);
            }
            request.send().await.map_err(refused)?
        }
    };
    let total = match out.content_range().and_then(range_total) {
        Some(total) => total,
        None => out.content_length().unwrap_or(0).max(0) as u64 + start,
    };
    let limit = if too_large.is_some_and(|max| total > max) { HEX_CAP.min(len) } else { len } as usize;
    let content_type = out.content_type().map(str::to_owned);
    let version_id = out.version_id().map(str::to_owned);
    let mut body = out.body;
    let mut bytes = Vec::with_capacity(limit.min(TEXT_CAP as usize));
    while bytes.len() < limit {
        let chunk = body
            .try_next()
            .await
            .map_err(|e| AppError::new(ErrorCode::ConnectFailed, format!("reading the object: {e}")))?;
        match chunk {
            Some(chunk) => bytes.extend_from_slice(&chunk[..chunk.len().min(limit - bytes.len())]),
            None => break,
        }
    }
    Ok(Got { bytes, total, content_type, version_id })
}

/// The preview of `bucket/key` (of `version_id` when given), read with the customer key
/// (SSE-C) the user entered for it, if any: without it such an object is refused with
/// `EncryptedWithCustomerKey`. Audio and video of an SSE-C object come as hex (a link cannot
/// carry the key's headers).
pub async fn preview_object(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    key: &str,
    version_id: Option<&str>,
    customer_key: Option<&SseCustomerKey>,
    options: &PreviewOptions,
) -> Result<ObjectPreview> {
    super::validate_key(key)?;
    let forced = options.encoding.as_deref().map(text::encoding_for_label).transpose()?;
    let hint = sniff::hint_from_key(key);
    let first = match (options.view, &hint) {
        (Some(PreviewView::Hex), _) => HEX_CAP,
        (Some(_), _) => TEXT_CAP,
        (None, Kind::Pdf) => PDF_CAP,
        (None, Kind::Image(_) | Kind::Media(..) | Kind::Binary) => HEX_CAP,
        (None, _) => TEXT_CAP,
    };
    let source = Source { s3, bucket, key, version_id, customer_key };
    let mut got = get_range(&source, 0, first, Some(PDF_CAP)).await?;
    let mut fetched = got.bytes.len() as u64;
    let kind = match options.view {
        Some(PreviewView::Text) => Kind::Text,
        Some(PreviewView::Json) => Kind::Json,
        Some(PreviewView::Csv) => match hint {
            Kind::Csv(d) => Kind::Csv(d),
            _ => Kind::Csv(b','),
        },
        Some(PreviewView::Hex) => Kind::Binary,
        None => match sniff::classify(key, got.content_type.as_deref(), &got.bytes) {
            Kind::Media(..) if customer_key.is_some() => Kind::Binary,
            kind => kind,
        },
    };
    let needed = match kind {
        Kind::Pdf if got.total <= PDF_CAP => got.total,
        Kind::Text | Kind::Json | Kind::Csv(_) => got.total.min(TEXT_CAP),
        Kind::Binary => got.total.min(HEX_CAP),
        _ => 0,
    };
    let have = got.bytes.len() as u64;
    if have < needed {
        // The bytes proved a kind that needs more than the extension suggested.
        let rest = get_range(
            &Source { version_id: got.version_id.as_deref().or(version_id), ..source },
            have,
            needed - have,
            None,
        )
        .await?;
        fetched += rest.bytes.len() as u64;
        got.bytes.extend_from_slice(&rest.bytes);
    }
    got.bytes.truncate(needed.min(got.bytes.len() as u64) as usize);
    let complete = got.bytes.len() as u64 >= got.total;
    let (content, truncated) = match kind {
        Kind::Text => (PreviewContent::Text(text::decode(&got.bytes, complete, forced)), !complete),
        Kind::Json => {
            let decoded = text::decode(&got.bytes, complete, forced);
            let (pretty, problem) = text::json_view(&decoded.text, complete);
            (PreviewContent::Json(JsonPreview { decoded, pretty, problem }), !complete)
        }
        Kind::Csv(delimiter) => {
            let decoded = text::decode(&got.bytes, complete, forced);
            let table = text::csv_table(&decoded.text, delimiter, complete);
            (PreviewContent::Csv(CsvPreview { decoded, table }), !complete)
        }
        Kind::Binary => {
            let shown = &got.bytes[..got.bytes.len().min(HEX_CAP as usize)];
            let data_base64 = base64::engine::general_purpose::STANDARD.encode(shown);
            (PreviewContent::Hex(HexPreview { data_base64 }), (shown.len() as u64) < got.total)
        }
        Kind::Pdf => {
            let data_base64 =
                (got.total <= PDF_CAP).then(|| base64::engine::general_purpose::STANDARD.encode(&got.bytes));
            (PreviewContent::Pdf(PdfPreview { data_base64, limit_bytes: PDF_CAP }), false)
        }
        Kind::Image(mime) => (PreviewContent::Image(ImagePreview { mime }), false),
        Kind::Media(mime, video) => {
            let target = ShareTarget {
                bucket: bucket.to_owned(),
                key: key.to_owned(),
                version_id: got.version_id.clone().or(version_id.map(str::to_owned)),
            };
            let url = sharing::get_link(s3, &target, MEDIA_LINK_SECS, None).await?;
            (
                PreviewContent::Media(MediaPreview { url, mime, video, expires_in_secs: MEDIA_LINK_SECS }),
                false,
            )
        }
    };
    Ok(ObjectPreview {
        key: key.to_owned(),
        version_id: got.version_id.or(version_id.map(str::to_owned)),
        content_type: got.content_type,
        size: got.total,
        fetched_bytes: fetched,
        truncated,
        content,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn content_ranges_give_the_full_size() {
        assert_eq!(super::range_total("bytes 0-262143/1048576"), Some(1_048_576));
        assert_eq!(super::range_total("bytes */0"), Some(0));
    }
}
