//! The md-search answer, as RGW writes it (`RGWMetadataSearch_ObjStore_S3::send_response` in
//! Ceph's src/rgw/rgw_sync_module_es_rest.cc, Pacific). The app asks for the default format,
//! XML (the handler is set up with `RGW_FORMAT_XML`; JSON only with `?format=json`, whose
//! layout adds an `Objects` array and is not what boto3's `md_search` reads), shaped:
//!
//! ```xml
//! <SearchMetadataResponse>
//!   <Marker>0</Marker><IsTruncated>true</IsTruncated><NextMarker>2</NextMarker>
//!   <Contents>
//!     <Bucket/><Key/><Instance>null</Instance><VersionedEpoch>0</VersionedEpoch>
//!     <LastModified>2021-01-15T04:25:34.383Z</LastModified><Size>10895550</Size>
//!     <ETag>"…"</ETag><ContentType/><StorageClass/><Owner><ID/><DisplayName/></Owner>
//!     <CustomMetadata><Entry><Name/><Value/></Entry>…</CustomMetadata>
//!   </Contents>…
//! </SearchMetadataResponse>
//! ```
//!
//! No namespace, one `Contents` per hit. `IsTruncated` is "as many hits as asked for", and
//! `NextMarker` is then `marker + max-keys`. Custom metadata names come without `x-amz-meta-`
//! (the ES module indexes them so); a prefix is dropped anyway if one arrives.

use super::{SearchEngine, SearchHit, SearchPage};
use crate::error::{AppError, ErrorCode, Result};
use aws_smithy_types::date_time::Format;
use aws_smithy_types::DateTime;

/// Why a search is refused when the endpoint answered the search GET with an object listing
/// (plain radosgw ignores the unknown `query` parameter and lists the bucket).
pub const NO_SERVER_SEARCH: &str =
    "this endpoint has no metadata search (it answered with an object listing)";

/// Reads a 2xx answer to the search GET.
pub fn parse_response(body: &[u8]) -> Result<SearchPage> {
    let text = std::str::from_utf8(body)
        .map_err(|e| AppError::new(ErrorCode::Unknown, format!("a search answer that is not UTF-8: {e}")))?;
    let mut page = SearchPage {
        hits: Vec::new(),
        is_truncated: false,
        next_marker: None,
        engine: SearchEngine::Server,
        scanned: 0,
        headed: 0,
        limited: None,
    };
    let mut hit: Option<SearchHit> = None;
    let mut entry: (String, String) = Default::default();
    let root = scan(text, |path, text| {
        let name = path[path.len() - 1].as_str();
        let parent = path.len().checked_sub(2).map_or("", |i| path[i].as_str());
        match (parent, name) {
            ("Contents", field) => field_of(hit.get_or_insert_with(SearchHit::default), field, text),
            ("Entry", "Name") => entry.0 = text,
            ("Entry", "Value") => entry.1 = text,
            (_, "Entry") => {
                let (name, value) = std::mem::take(&mut entry);
                let h = hit.get_or_insert_with(SearchHit::default);
                h.custom_metadata.insert(strip_meta_prefix(name), value);
            }
            (_, "Contents") => page.hits.push(hit.take().unwrap_or_default()),
            (_, "IsTruncated") => page.is_truncated = text.trim() == "true",
            (_, "NextMarker") => page.next_marker = Some(text.trim().to_owned()).filter(|m| !m.is_empty()),
            _ => {}
        }
    });
    match root.as_deref() {
        Some("SearchMetadataResponse") => {}
        Some("ListBucketResult") => {
            return Err(AppError::new(ErrorCode::UnsupportedByServer, NO_SERVER_SEARCH))
        }
        Some(other) => {
            return Err(AppError::new(
                ErrorCode::Unknown,
                format!("the search endpoint answered with <{other}>, not a SearchMetadataResponse"),
            ))
        }
        None => return Err(AppError::new(ErrorCode::Unknown, "the search endpoint answered without XML")),
    }
    if !page.is_truncated {
        page.next_marker = None;
    }
    Ok(page)
}

fn field_of(hit: &mut SearchHit, field: &str, text: String) {
    let some = |t: String| Some(t).filter(|t| !t.is_empty());
    match field {
        "Bucket" => hit.bucket = text,
        "Key" => hit.key = text,
        "Instance" => hit.instance = some(text).filter(|i| i != "null"),
        "Size" => hit.size = text.trim().parse().unwrap_or(0),
        "LastModified" => hit.last_modified = some(iso(text)),
        // RGW writes `"%s"`: an empty etag arrives as two quotes.
        "ETag" => hit.etag = some(text).filter(|e| e != "\"\""),
        "ContentType" => hit.content_type = some(text),
        "StorageClass" => hit.storage_class = some(text),
        _ => {}
    }
}

/// The core's ISO form (`crate::dates::iso`); text that does not read as a date is kept.
fn iso(text: String) -> String {
    DateTime::from_str(text.trim(), Format::DateTime).ok().and_then(|d| crate::dates::iso(&d)).unwrap_or(text)
}

fn strip_meta_prefix(name: String) -> String {
    const PREFIX: &str = "x-amz-meta-";
    match name.get(..PREFIX.len()) {
        Some(p) if p.eq_ignore_ascii_case(PREFIX) => name[PREFIX.len()..].to_owned(),
        _ => name,
    }
}

/// A minimal XML scan for flat, trusted-shape answers: calls `on_close(path, text)` as each
/// element closes (namespace prefixes dropped, entities and CDATA resolved, whitespace kept
/// — keys may be spaces) and returns the root element's name.
fn scan(text: &str, mut on_close: impl FnMut(&[String], String)) -> Option<String> {
    let mut stack: Vec<(String, String)> = Vec::new();
    let mut root = None;
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        if let Some((_, t)) = stack.last_mut() {
            t.push_str(&unescape(&rest[..open]));
        }
        rest = &rest[open..];
        if let Some(after) = rest.strip_prefix("<![CDATA[") {
            let end = after.find("]]>")?;
            if let Some((_, t)) = stack.last_mut() {
                t.push_str(&after[..end]);
            }
            rest = &after[end + 3..];
            continue;
        }
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = &after[after.find("-->")? + 3..];
            continue;
        }
        let close = rest.find('>')?;
        let tag = &rest[1..close];
        rest = &rest[close + 1..];
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        if tag.starts_with('/') {
            let names: Vec<String> = stack.iter().map(|(n, _)| n.clone()).collect();
            if let Some((_, t)) = stack.pop() {
                on_close(&names, t);
            }
            continue;
        }
        let name = tag.trim_end_matches('/').split_whitespace().next().unwrap_or_default();
        let name = name.rsplit(':').next().unwrap_or(name).to_owned();
        root.get_or_insert_with(|| name.clone());
        stack.push((name, String::new()));
        if tag.ends_with('/') {
            let names: Vec<String> = stack.iter().map(|(n, _)| n.clone()).collect();
            stack.pop();
            on_close(&names, String::new());
        }
    }
    root
}

/// XML text with the five named entities and numeric references resolved.
fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest.find(';').and_then(|end| {
            let c = match &rest[1..end] {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                e => e
                    .strip_prefix("#x")
                    .map(|h| u32::from_str_radix(h, 16).ok())
                    .unwrap_or_else(|| e.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32)?,
            };
            Some((c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_cdata_and_spaces_survive() {
        let xml = r#"<?xml version="1.0"?><SearchMetadataResponse><Marker/><IsTruncated>false</IsTruncated>
            <Contents><Bucket>b</Bucket><Key> a &amp; b&#x4E2D;</Key><Instance>null</Instance>
            <ETag>""</ETag><ContentType><![CDATA[text/<x>]]></ContentType><Size>7</Size>
            <CustomMetadata><Entry><Name>X-Amz-Meta-Kind</Name><Value>&lt;v&gt;</Value></Entry></CustomMetadata>
            </Contents></SearchMetadataResponse>"#;
        let page = parse_response(xml.as_bytes()).unwrap();
        let hit = &page.hits[0];
        assert_eq!(hit.key, " a & b中");
        assert_eq!((hit.instance.as_deref(), hit.etag.as_deref(), hit.size), (None, None, 7));
        assert_eq!(hit.content_type.as_deref(), Some("text/<x>"));
        assert_eq!(hit.custom_metadata.get("Kind").map(String::as_str), Some("<v>"));
        assert_eq!((page.is_truncated, page.next_marker), (false, None));
    }

    #[test]
    fn a_listing_means_no_search_and_other_roots_are_errors() {
        let listing = br#"<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name></ListBucketResult>"#;
        let e = parse_response(listing).unwrap_err();
        assert_eq!((e.code, e.detail.as_str()), (ErrorCode::UnsupportedByServer, NO_SERVER_SEARCH));
        assert_eq!(parse_response(b"<Other/>").unwrap_err().code, ErrorCode::Unknown);
        assert_eq!(parse_response(b"").unwrap_err().code, ErrorCode::Unknown);
    }
}
