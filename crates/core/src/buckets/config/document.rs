//! The expert view of the form-edited configurations: their JSON text in boto3's shape (the
//! dicts of the guide), read and checked here so that the form and the text share one set of
//! rules. The policy has its own text (its JSON document): [`super::policy::parse`].

use super::acl::{self, AclChange};
use super::cors::{self, CorsConfiguration};
use super::encryption::{self, EncryptionConfiguration};
use super::lifecycle::{self, LifecycleConfiguration};
use super::logging::{self, BucketLogging};
use super::object_lock::{self, ObjectLockConfiguration};
use super::request_payment::RequestPayment;
use super::tagging::{self, TagSet, TagTarget};
use super::website::{self, WebsiteConfiguration};
use crate::validation::{Problem, ProblemCode};
use serde::{Deserialize, Serialize};
use specta::Type;

/// One configuration as the form holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", content = "value", rename_all = "camelCase")]
pub enum ConfigDocument {
    Cors(CorsConfiguration),
    Website(WebsiteConfiguration),
    BucketTags(TagSet),
    ObjectTags(TagSet),
    Acl(AclChange),
    RequestPayment(RequestPayment),
    Lifecycle(LifecycleConfiguration),
    ObjectLock(ObjectLockConfiguration),
    Encryption(EncryptionConfiguration),
    Logging(BucketLogging),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum ConfigKind {
    Cors,
    Website,
    BucketTags,
    ObjectTags,
    /// The whole list (`{"Owner": …, "Grants": […]}`); a canned ACL has no text.
    Acl,
    RequestPayment,
    Lifecycle,
    ObjectLock,
    Encryption,
    Logging,
}

/// Every problem of a configuration, blocking or to be confirmed.
pub fn check(doc: &ConfigDocument) -> Vec<Problem> {
    match doc {
        ConfigDocument::Cors(c) => cors::check(c),
        ConfigDocument::Website(w) => website::check(w),
        ConfigDocument::BucketTags(t) => tagging::check(t, TagTarget::Bucket),
        ConfigDocument::ObjectTags(t) => tagging::check(t, TagTarget::Object),
        ConfigDocument::Acl(a) => acl::check(a),
        ConfigDocument::RequestPayment(_) => Vec::new(),
        ConfigDocument::Lifecycle(l) => lifecycle::check(l),
        ConfigDocument::ObjectLock(o) => object_lock::check(o),
        ConfigDocument::Encryption(e) => encryption::check(e),
        ConfigDocument::Logging(l) => logging::check(l),
    }
}

/// The expert text of a configuration (pretty JSON in boto3's shape).
pub fn print(doc: &ConfigDocument) -> String {
    let value = match doc {
        ConfigDocument::Cors(c) => serde_json::to_value(c),
        ConfigDocument::Website(w) => serde_json::to_value(w),
        ConfigDocument::BucketTags(t) | ConfigDocument::ObjectTags(t) => serde_json::to_value(t),
        ConfigDocument::Acl(AclChange::Policy(p)) => serde_json::to_value(p),
        ConfigDocument::Acl(AclChange::Canned(c)) => Ok(serde_json::json!({ "ACL": c.as_str() })),
        ConfigDocument::RequestPayment(r) => serde_json::to_value(r),
        ConfigDocument::Lifecycle(l) => serde_json::to_value(l),
        ConfigDocument::ObjectLock(o) => serde_json::to_value(o),
        ConfigDocument::Encryption(e) => serde_json::to_value(e),
        ConfigDocument::Logging(l) => serde_json::to_value(l),
    };
    let mut value = value.expect("a configuration model serializes");
    prune(&mut value);
    serde_json::to_string_pretty(&value).expect("JSON prints")
}

/// Drops unset fields (`null`, `[]`) so the text reads like the guide's dicts; the models keep
/// every field over IPC, so the UI's types are exact. An empty list that is all an object holds
/// stays (`{"TagSet": []}` is an empty tag set; `{}` is not a tag set).
fn prune(value: &mut serde_json::Value) {
    let empty_list = |v: &serde_json::Value| v.as_array().is_some_and(Vec::is_empty);
    match value {
        serde_json::Value::Object(map) => {
            map.retain(|_, v| !v.is_null());
            if map.values().any(|v| !empty_list(v)) {
                map.retain(|_, v| !empty_list(v));
            }
            map.values_mut().for_each(prune);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(prune),
        _ => {}
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ConfigParse {
    /// Set when the text has the configuration's shape (it may still have problems).
    pub document: Option<ConfigDocument>,
    pub problems: Vec<Problem>,
}

fn at(err: &serde_json::Error, code: ProblemCode) -> Problem {
    let mut p = Problem::new("", code).detail(err.to_string());
    p.line = u32::try_from(err.line()).ok();
    p.column = u32::try_from(err.column()).ok();
    p
}

/// Reads the expert text: syntax and shape errors with line and column, then the form's checks.
pub fn parse(kind: ConfigKind, text: &str) -> ConfigParse {
    if let Err(e) = serde_json::from_str::<serde_json::Value>(text) {
        return ConfigParse { document: None, problems: vec![at(&e, ProblemCode::JsonSyntax)] };
    }
    let read = match kind {
        ConfigKind::Cors => serde_json::from_str(text).map(ConfigDocument::Cors),
        ConfigKind::Website => serde_json::from_str(text).map(ConfigDocument::Website),
        ConfigKind::BucketTags => serde_json::from_str(text).map(ConfigDocument::BucketTags),
        ConfigKind::ObjectTags => serde_json::from_str(text).map(ConfigDocument::ObjectTags),
        ConfigKind::Acl => serde_json::from_str(text).map(|p| ConfigDocument::Acl(AclChange::Policy(p))),
        ConfigKind::RequestPayment => serde_json::from_str(text).map(ConfigDocument::RequestPayment),
        ConfigKind::Lifecycle => serde_json::from_str(text).map(ConfigDocument::Lifecycle),
        ConfigKind::ObjectLock => serde_json::from_str(text).map(ConfigDocument::ObjectLock),
        ConfigKind::Encryption => serde_json::from_str(text).map(ConfigDocument::Encryption),
        ConfigKind::Logging => serde_json::from_str(text).map(ConfigDocument::Logging),
    };
    match read {
        Ok(document) => ConfigParse { problems: check(&document), document: Some(document) },
        Err(e) => ConfigParse { document: None, problems: vec![at(&e, ProblemCode::JsonShape)] },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guides_cors_dict_reads() {
        let text = r#"{"CORSRules": [{"AllowedHeaders": ["*"], "AllowedMethods": ["PUT", "POST", "DELETE"],
            "AllowedOrigins": ["http://www.example.com"], "ExposeHeaders": ["x-amz-server-side-encryption"],
            "MaxAgeSeconds": 3000}]}"#;
        let parsed = parse(ConfigKind::Cors, text);
        assert_eq!(parsed.problems, vec![]);
        let doc = parsed.document.unwrap();
        let printed = print(&doc);
        assert!(!printed.contains("null") && !printed.contains("ID"), "{printed}");
        assert_eq!(parse(ConfigKind::Cors, &printed).document, Some(doc));
    }

    #[test]
    fn shape_errors_point_at_the_text() {
        let parsed = parse(ConfigKind::BucketTags, "{\n  \"TagSet\": [{\"Key\": \"a\", \"Valu\": \"b\"}]\n}");
        assert_eq!(parsed.document, None);
        assert_eq!((parsed.problems[0].code, parsed.problems[0].line), (ProblemCode::JsonShape, Some(2)));
        assert!(parsed.problems[0].detail.contains("Valu"), "{}", parsed.problems[0].detail);
        let parsed = parse(ConfigKind::Website, "{\"IndexDocument\": {\"Suffix\": \"i.html\"},}");
        assert_eq!(parsed.problems[0].code, ProblemCode::JsonSyntax);
    }
}
