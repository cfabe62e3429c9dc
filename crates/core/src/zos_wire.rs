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
    fn serde_names_match_the_guide() {
        assert_eq!(serde_json::to_string(&AzPolicy::SingleAz).unwrap(), "\"single-az\"");
        assert_eq!(serde_json::to_string(&BucketStorageClass::StandardIa).unwrap(), "\"STANDARD_IA\"");
    }
}
