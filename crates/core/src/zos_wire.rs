//! Wire details the vendor guide does not spell out, kept in one place so that each assumption
//! is easy to find and to change when a real ZOS endpoint says otherwise.

use serde::{Deserialize, Serialize};
use specta::Type;

/// Response headers radosgw adds to HEAD bucket (verified on Ceph 16.2, see the guide's example).
pub const HEADER_OBJECT_COUNT: &str = "x-rgw-object-count";
pub const HEADER_BYTES_USED: &str = "x-rgw-bytes-used";
/// Response header of HEAD object: `Normal` or `Appendable` (verified on Ceph 16.2).
pub const HEADER_OBJECT_TYPE: &str = "x-rgw-object-type";

/// Append upload (verified on Ceph 16.2): `PUT /{bucket}/{key}?append&position=N` adds the body
/// at byte N of an Appendable object (position 0 creates one); the answer carries the next
/// position in this header. A wrong position answers 409 `PositionNotEqualToLength`.
pub const QUERY_APPEND: &str = "append";
pub const QUERY_APPEND_POSITION: &str = "position";
pub const HEADER_NEXT_APPEND_POSITION: &str = "x-rgw-next-append-position";

/// ASSUMPTION: the guide lists `AZPolicy` as a CreateBucket parameter of its boto3 model but not
/// its wire form. We send it as the request header `x-zos-az-policy: single-az|multi-az`, the
/// form ZOS uses for its other extensions (`x-zos-process`). radosgw ignores unknown headers.
pub const HEADER_AZ_POLICY: &str = "x-zos-az-policy";

/// ASSUMPTION: `StorageClass` on CreateBucket travels as `x-amz-storage-class`, the S3 header
/// for storage classes. Verified only in part: radosgw Pacific answers 400 for `STANDARD_IA`
/// there (it knows only the STANDARD class in its default placement), which shows it reads it.
pub const HEADER_BUCKET_STORAGE_CLASS: &str = "x-amz-storage-class";

/// ASSUMPTION: a bucket's static website is served on the website host in virtual-host form,
/// `{scheme}://{bucket}.{endpoint host[:port]}/`. radosgw serves websites only on the host
/// names its operator sets in `rgw dns s3website name`; the guide names none, so the app shows
/// this address with that caveat rather than inventing a host.
pub fn website_url(endpoint: &str, bucket: &str) -> String {
    let endpoint = endpoint.trim().trim_end_matches('/');
    match endpoint.split_once("://") {
        Some((scheme, host)) => format!("{scheme}://{bucket}.{host}/"),
        None => format!("http://{bucket}.{endpoint}/"),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum AzPolicy {
    #[serde(rename = "single-az")]
    SingleAz,
    #[serde(rename = "multi-az")]
    MultiAz,
}

impl AzPolicy {
    pub fn as_header_value(self) -> &'static str {
        match self {
            AzPolicy::SingleAz => "single-az",
            AzPolicy::MultiAz => "multi-az",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[allow(clippy::upper_case_acronyms)]
pub enum BucketStorageClass {
    #[serde(rename = "STANDARD")]
    Standard,
    #[serde(rename = "STANDARD_IA")]
    StandardIa,
    #[serde(rename = "GLACIER")]
    Glacier,
}

impl BucketStorageClass {
    pub fn as_header_value(self) -> &'static str {
        match self {
            BucketStorageClass::Standard => "STANDARD",
            BucketStorageClass::StandardIa => "STANDARD_IA",
            BucketStorageClass::Glacier => "GLACIER",
        }
    }
}

/// The extra headers a CreateBucket request carries for the ZOS options.
pub fn create_bucket_headers(
    az_policy: Option<AzPolicy>,
    storage_class: Option<BucketStorageClass>,
) -> Vec<(&'static str, &'static str)> {
    let mut headers = Vec::new();
    if let Some(az) = az_policy {
        headers.push((HEADER_AZ_POLICY, az.as_header_value()));
    }
    if let Some(sc) = storage_class {
        headers.push((HEADER_BUCKET_STORAGE_CLASS, sc.as_header_value()));
    }
    headers
}

/// Image processing, the guide's preview: `GET /{bucket}/{key}?x-zos-process=<pipeline>` answers
/// the processed image (or, for `image/info`, its facts as JSON). The value is percent-encoded in
/// full (`image%2Fresize%2Cw_300`): radosgw checks SigV4 over the query as sent (trap 5).
pub const QUERY_PROCESS: &str = "x-zos-process";

/// ASSUMPTION: process_object (persist a processed copy) is not in the guide's wire text. One
/// public client sends `POST /{dst-bucket}/{dst-key}` signed with SigV4, with the form body
/// `x-zos-process=<pipeline>&x-zos-copy-source=<src-bucket>/<src-key>[?versionId=<id>]`
/// (`application/x-www-form-urlencoded`); we send exactly that. Whether ZOS wants the source key
/// percent-encoded inside the form value, as `x-amz-copy-source` is, is unknown: it goes raw and
/// the whole value is form-encoded once.
pub const FORM_PROCESS: &str = "x-zos-process";
pub const FORM_COPY_SOURCE: &str = "x-zos-copy-source";
pub const PROCESS_OBJECT_CONTENT_TYPE: &str = "application/x-www-form-urlencoded";

/// The form body of a process_object request (see [`FORM_COPY_SOURCE`]).
pub fn process_object_body(
    pipeline: &str,
    src_bucket: &str,
    src_key: &str,
    version_id: Option<&str>,
) -> String {
    let mut source = format!("{src_bucket}/{src_key}");
    if let Some(v) = version_id {
        source.push_str("?versionId=");
        source.push_str(v);
    }
    format!("{FORM_PROCESS}={}&{FORM_COPY_SOURCE}={}", form_encode(pipeline), form_encode(&source))
}

/// Percent-encodes every byte but the unreserved ones (RFC 3986), as SigV4 canonical queries do.
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len() * 3);
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Decodes one `application/x-www-form-urlencoded` value (`%XX` and `+`; a bad escape is kept
/// as it is, bad UTF-8 replaced).
pub fn decode_form_value(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"), 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `application/x-www-form-urlencoded` (WHATWG): unreserved bytes as they are, space as `+`.
fn form_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len() * 3);
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => out.push(b as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_headers_only_for_chosen_options() {
        assert!(create_bucket_headers(None, None).is_empty());
        assert_eq!(
            create_bucket_headers(Some(AzPolicy::MultiAz), Some(BucketStorageClass::Glacier)),
            vec![("x-zos-az-policy", "multi-az"), ("x-amz-storage-class", "GLACIER")]
        );
    }

    #[test]
    fn website_urls_put_the_bucket_before_the_host() {
        assert_eq!(website_url("http://127.0.0.1:7480/", "site"), "http://site.127.0.0.1:7480/");
        assert_eq!(website_url("https://zos.example.com", "b"), "https://b.zos.example.com/");
    }

    #[test]
    fn process_values_are_encoded_for_query_and_form() {
        assert_eq!(encode_query_value("image/resize,w_300"), "image%2Fresize%2Cw_300");
        assert_eq!(
            process_object_body("image/resize,p_30/rotate,180", "src", "a b/图.jpg", Some("v1")),
            "x-zos-process=image%2Fresize%2Cp_30%2Frotate%2C180&x-zos-copy-source=src%2Fa+b%2F%E5%9B%BE.jpg%3FversionId%3Dv1"
        );
    }

    #[test]
    fn serde_names_match_the_guide() {
        assert_eq!(serde_json::to_string(&AzPolicy::SingleAz).unwrap(), "\"single-az\"");
        assert_eq!(serde_json::to_string(&BucketStorageClass::StandardIa).unwrap(), "\"STANDARD_IA\"");
    }
}
