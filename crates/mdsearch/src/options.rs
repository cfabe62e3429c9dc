//! Search options and the request's query parameters.
//!
//! Wire names — the one place they are assumed:
//! - `query`, `max-keys`, `marker`: RGW's md-search (`GET /{bucket}?query=…`, or `GET /?query=…`
//!   across buckets; `RGWMetadataSearch_ObjStore_S3::get_params` in rgw_sync_module_es_rest.cc).
//!   boto3 spells the argument `max_keys`, but the server reads `max-keys`.
//! - `qmode`, `qorder`, `qorderkey`: ZOS extensions. The guide gives only the boto3 argument
//!   names (`md_search(query, qmode, qorder, qorderkey, max_keys, marker)`), not its service
//!   model, so the parameters are assumed to be sent under the same names.
//! - The guide's prototype also has `wd`, which its table never describes; it is not sent.
//! - `marker` is a result offset ("the position of the first result to return", an integer in
//!   the guide; RGW passes it to Elasticsearch as `from` and answers `NextMarker` =
//!   `marker + max-keys`), not a key.
//! - Defaults per the guide and RGW: mode `term`, order ascending by `name`, 100 keys at most
//!   10000 (RGW silently caps larger numbers; we refuse them instead).

use crate::ast::{is_meta_name, Field, Query};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::fmt;

pub const DEFAULT_MAX_KEYS: u32 = 100;
pub const MAX_KEYS_LIMIT: u32 = 10_000;

/// How `==` compares text (`qmode`). Numbers and dates always compare as such.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
#[serde(rename = "SearchMode")]
pub enum Mode {
    /// Exact equality.
    #[default]
    Term,
    /// Within a few edits, like Elasticsearch's `fuzzy` query (see `strmatch.rs`).
    Fuzzy,
    /// `*` any run of characters, `?` one character, `\` escapes.
    Wild,
    /// The whole text matches the regular expression.
    Regex,
}

impl Mode {
    pub const ALL: [Mode; 4] = [Mode::Term, Mode::Fuzzy, Mode::Wild, Mode::Regex];

    pub fn wire_name(self) -> &'static str {
        match self {
            Mode::Term => "term",
            Mode::Fuzzy => "fuzzy",
            Mode::Wild => "wild",
            Mode::Regex => "regex",
        }
    }
}

/// `qorderkey` and `qorder`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
#[serde(rename = "SearchOrder")]
pub struct Order {
    pub key: Field,
    pub descending: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SearchOptions {
    pub mode: Mode,
    /// `None`: the server's default, ascending by name.
    pub order: Option<Order>,
    /// 1 to [`MAX_KEYS_LIMIT`].
    pub max_keys: u32,
    /// The offset of the first result, in decimal: `None` or a `NextMarker` from the last page.
    pub marker: Option<String>,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions { mode: Mode::Term, order: None, max_keys: DEFAULT_MAX_KEYS, marker: None }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "type", rename_all = "camelCase")]
#[serde(rename = "SearchOptionsError")]
pub enum OptionsError {
    MaxKeysOutOfRange {
        value: u32,
    },
    /// Not a decimal offset.
    BadMarker {
        value: String,
    },
    /// A custom metadata name that cannot be written (empty, uppercase, or with separators).
    BadOrderKey {
        value: String,
    },
}

impl OptionsError {
    pub fn message(&self) -> String {
        match self {
            OptionsError::MaxKeysOutOfRange { value } => {
                format!("max-keys {value} is out of range: use 1 to {MAX_KEYS_LIMIT}.")
            }
            OptionsError::BadMarker { value } => {
                format!("The marker '{value}' is not a result offset (digits only).")
            }
            OptionsError::BadOrderKey { value } => format!("'{value}' cannot be an order key."),
        }
    }
}

impl fmt::Display for OptionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for OptionsError {}

impl SearchOptions {
    pub fn validate(&self) -> Result<(), OptionsError> {
        if !(1..=MAX_KEYS_LIMIT).contains(&self.max_keys) {
            return Err(OptionsError::MaxKeysOutOfRange { value: self.max_keys });
        }
        if let Some(marker) = &self.marker {
            if self.offset().is_none() {
                return Err(OptionsError::BadMarker { value: marker.clone() });
            }
        }
        if let Some(Order { key: Field::Meta(name), .. }) = &self.order {
            if !is_meta_name(name) {
                return Err(OptionsError::BadOrderKey { value: name.clone() });
            }
        }
        Ok(())
    }

    /// The marker as an offset: 0 without one, `None` if it is not decimal digits.
    pub fn offset(&self) -> Option<u64> {
        match &self.marker {
            None => Some(0),
            Some(m) if !m.is_empty() && m.bytes().all(|b| b.is_ascii_digit()) => m.parse().ok(),
            Some(_) => None,
        }
    }
}

/// The request's query parameters, unencoded (the HTTP layer percent-encodes them), in a
/// fixed order. Call [`SearchOptions::validate`] first.
pub fn to_query_params(query: &Query, options: &SearchOptions) -> Vec<(String, String)> {
    let mut params = vec![
        ("query".to_string(), crate::print(query)),
        ("qmode".to_string(), options.mode.wire_name().to_string()),
    ];
    if let Some(order) = &options.order {
        let dir = if order.descending { "desc" } else { "asc" };
        params.push(("qorder".to_string(), dir.to_string()));
        params.push(("qorderkey".to_string(), order.key.wire_name().into_owned()));
    }
    params.push(("max-keys".to_string(), options.max_keys.to_string()));
    if let Some(marker) = &options.marker {
        params.push(("marker".to_string(), marker.clone()));
    }
    params
}
