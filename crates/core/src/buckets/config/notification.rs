//! Bucket notifications (`?notification`), radosgw's way: a rule sends the bucket's events to a
//! topic, filtered by key (prefix, suffix, regex), object metadata and object tags. The SDK's
//! model has no metadata or tag filters (RGW extras), so the XML is written and read here.
//!
//! radosgw 16.2 (test-server traps 3 and 9): PUT merges rules by Id (so one rule is put alone);
//! `GET ?notification=NAME` answers one rule; `DELETE ?notification=NAME` deletes one and
//! `DELETE ?notification` all — the AWS way (putting an empty configuration) is refused. The
//! DELETE travels only after a GET proved the server knows the sub-resource (the guard).

use super::{prove_before_delete, read_error, write_error, SubResource};
use crate::client::RawBody;
use crate::error::{AppError, ErrorCode, Result};
use crate::validation::{refuse_if_blocking, Problem, ProblemCode, Problems};
use aws_smithy_types::body::SdkBody;
use serde::{Deserialize, Serialize};
use specta::Type;

/// The events a rule may name (radosgw 16.2's S3 set).
pub const EVENTS: [&str; 9] = [
    "s3:ObjectCreated:*",
    "s3:ObjectCreated:Put",
    "s3:ObjectCreated:Post",
    "s3:ObjectCreated:Copy",
    "s3:ObjectCreated:CompleteMultipartUpload",
    "s3:ObjectRemoved:*",
    "s3:ObjectRemoved:Delete",
    "s3:ObjectRemoved:DeleteMarkerCreated",
    "s3:*",
];
pub const KEY_FILTERS: [&str; 3] = ["prefix", "suffix", "regex"];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct FilterRule {
    pub name: String,
    pub value: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct NotificationFilter {
    /// `prefix`, `suffix`, `regex` on the key.
    pub key: Vec<FilterRule>,
    /// `x-amz-meta-…` name and value.
    pub metadata: Vec<FilterRule>,
    /// Object tag key and value.
    pub tags: Vec<FilterRule>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct NotificationRule {
    pub id: String,
    pub topic_arn: String,
    pub events: Vec<String>,
    pub filter: NotificationFilter,
}

pub fn check(rule: &NotificationRule) -> Vec<Problem> {
    let mut p = Problems::default();
    p.required("id", &rule.id);
    p.required("topicArn", &rule.topic_arn);
    if !rule.topic_arn.is_empty() && !rule.topic_arn.starts_with("arn:aws:sns:") {
        p.push(Problem::new("topicArn", ProblemCode::Malformed).detail(rule.topic_arn.clone()));
    }
    if rule.events.is_empty() {
        p.push(Problem::new("events", ProblemCode::Required));
    }
    for (i, e) in rule.events.iter().enumerate() {
        if !EVENTS.contains(&e.as_str()) {
            p.push(Problem::new(format!("events[{i}]"), ProblemCode::NotAllowed).detail(e.clone()));
        }
    }
    for (i, f) in rule.filter.key.iter().enumerate() {
        if !KEY_FILTERS.contains(&f.name.as_str()) {
            p.push(
                Problem::new(format!("filter.key[{i}].name"), ProblemCode::NotAllowed).detail(f.name.clone()),
            );
        }
        if rule.filter.key[..i].iter().any(|o| o.name == f.name) {
            p.push(
                Problem::new(format!("filter.key[{i}].name"), ProblemCode::Duplicate).detail(f.name.clone()),
            );
        }
        if f.name == "regex" && regex_problem(&f.value) {
            p.push(
                Problem::new(format!("filter.key[{i}].value"), ProblemCode::Malformed)
                    .detail("unbalanced brackets"),
            );
        }
    }
    for (kind, rules) in [("metadata", &rule.filter.metadata), ("tags", &rule.filter.tags)] {
        for (i, f) in rules.iter().enumerate() {
            p.required(format!("filter.{kind}[{i}].name"), &f.name);
        }
    }
    p.into_vec()
}

/// A cheap sanity check of a regex (radosgw uses std::regex): brackets balance.
fn regex_problem(re: &str) -> bool {
    let (mut round, mut square, mut escaped) = (0i32, 0i32, false);
    for c in re.chars() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '(' => round += 1,
            ')' => round -= 1,
            '[' => square += 1,
            ']' => square -= 1,
            _ => {}
        }
        if round < 0 || square < 0 {
            return true;
        }
    }
    round != 0 || square != 0
}

fn filter_rules(out: &mut String, tag: &str, rules: &[FilterRule]) {
    if rules.is_empty() {
        return;
    }
    out.push_str(&format!("<{tag}>"));
    for r in rules {
        out.push_str(&format!(
            "<FilterRule><Name>{}</Name><Value>{}</Value></FilterRule>",
            escape(&r.name),
            escape(&r.value)
        ));
    }
    out.push_str(&format!("</{tag}>"));
}

/// The PUT body for one rule.
pub fn to_xml(rule: &NotificationRule) -> String {
    let mut out = String::from(
        r#"<NotificationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><TopicConfiguration>"#,
    );
    out.push_str(&format!("<Id>{}</Id><Topic>{}</Topic>", escape(&rule.id), escape(&rule.topic_arn)));
    for e in &rule.events {
        out.push_str(&format!("<Event>{}</Event>", escape(e)));
    }
    let f = &rule.filter;
    if !(f.key.is_empty() && f.metadata.is_empty() && f.tags.is_empty()) {
        out.push_str("<Filter>");
        filter_rules(&mut out, "S3Key", &f.key);
        filter_rules(&mut out, "S3Metadata", &f.metadata);
        filter_rules(&mut out, "S3Tags", &f.tags);
        out.push_str("</Filter>");
    }
    out.push_str("</TopicConfiguration></NotificationConfiguration>");
    out
}

/// XML text with the five named entities and numeric references resolved.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.find(';') else { break };
        let entity = &rest[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .map(|h| u32::from_str_radix(h, 16))
                .or_else(|| entity.strip_prefix('#').map(str::parse::<u32>))
                .and_then(|n| n.ok())
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
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

/// The rules of a GET answer (all, or the one asked for). The answer is small and flat, so a
/// scan of its tags suffices: element names (namespace prefixes dropped) and their text.
pub fn from_xml(xml: &[u8]) -> Result<Vec<NotificationRule>> {
    let text = std::str::from_utf8(xml).map_err(|e| {
        AppError::new(ErrorCode::Unknown, format!("a notification answer that is not UTF-8: {e}"))
    })?;
    let mut rules = Vec::new();
    let mut path: Vec<String> = Vec::new();
    let mut rule: Option<NotificationRule> = None;
    let mut pending: Option<FilterRule> = None;
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        let content = &rest[..open];
        if !content.trim().is_empty() {
            let value = unescape(content);
            match (path.last().map(String::as_str), rule.as_mut(), pending.as_mut()) {
                (Some("Name"), _, Some(f)) => f.name = value,
                (Some("Value"), _, Some(f)) => f.value = value,
                (Some("Id"), Some(r), None) => r.id = value,
                (Some("Topic"), Some(r), None) => r.topic_arn = value,
                (Some("Event"), Some(r), None) => r.events.push(value),
                _ => {}
            }
        }
        let Some(close) = rest[open..].find('>') else { break };
        let tag = &rest[open + 1..open + close];
        rest = &rest[open + close + 1..];
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        let closing = tag.starts_with('/');
        let self_closing = tag.ends_with('/');
        let name =
            tag.trim_start_matches('/').trim_end_matches('/').split_whitespace().next().unwrap_or_default();
        let name = name.rsplit(':').next().unwrap_or(name).to_owned();
        if closing {
            path.pop();
            match name.as_str() {
                "FilterRule" => {
                    if let (Some(f), Some(r)) = (pending.take(), rule.as_mut()) {
                        match path.last().map(String::as_str) {
                            Some("S3Key") => r.filter.key.push(f),
                            Some("S3Metadata") => r.filter.metadata.push(f),
                            Some("S3Tags") => r.filter.tags.push(f),
                            _ => {}
                        }
                    }
                }
                "TopicConfiguration" => rules.extend(rule.take()),
                _ => {}
            }
        } else if !self_closing {
            match name.as_str() {
                "TopicConfiguration" => {
                    rule = Some(NotificationRule {
                        id: String::new(),
                        topic_arn: String::new(),
                        events: vec![],
                        filter: NotificationFilter::default(),
                    })
                }
                "FilterRule" => pending = Some(FilterRule { name: String::new(), value: String::new() }),
                _ => {}
            }
            path.push(name);
        }
    }
    Ok(rules)
}

/// Text for an XML element.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn with_query(uri: &str, query: &str) -> String {
    let base = uri.split_once('?').map_or(uri, |(p, _)| p);
    format!("{base}?{query}")
}

fn query_for(id: Option<&str>) -> String {
    match id {
        None => "notification".to_owned(),
        Some(id) => format!("notification={}", crate::objects::copy_source("", id).trim_start_matches('/')),
    }
}

/// The bucket's rules, or the one named `id` (radosgw's `GET ?notification=NAME`).
pub async fn get(s3: &aws_sdk_s3::Client, bucket: &str, id: Option<&str>) -> Result<Vec<NotificationRule>> {
    let raw = RawBody::default();
    let query = query_for(id);
    let result = s3
        .get_bucket_notification_configuration()
        .bucket(bucket)
        .customize()
        .interceptor(raw.clone())
        .mutate_request(move |req| {
            let uri = with_query(req.uri(), &query);
            req.set_uri(uri).expect("a URI with a notification query");
        })
        .send()
        .await;
    if let Err(e) = result {
        return Err(read_error(SubResource::Notification, e));
    }
    let body = raw.take().unwrap_or_default();
    from_xml(&body)
}

/// Adds the rule, or replaces the rule with its Id (radosgw merges by Id).
pub async fn put(s3: &aws_sdk_s3::Client, bucket: &str, rule: &NotificationRule) -> Result<()> {
    refuse_if_blocking(&check(rule))?;
    let xml = to_xml(rule);
    s3.put_bucket_notification_configuration()
        .bucket(bucket)
        .notification_configuration(aws_sdk_s3::types::NotificationConfiguration::builder().build())
        .customize()
        .mutate_request(move |req| {
            req.headers_mut().insert("content-length", xml.len().to_string());
            *req.body_mut() = SdkBody::from(xml.clone());
        })
        .send()
        .await
        .map_err(write_error)?;
    Ok(())
}

/// Deletes the rule `id`, or every rule of the bucket with `None`.
pub async fn delete(s3: &aws_sdk_s3::Client, bucket: &str, id: Option<&str>) -> Result<()> {
    prove_before_delete(s3, bucket, SubResource::Notification).await?;
    let query = query_for(id);
    // The SDK has no call for it: a bucket-level DELETE with radosgw's query (the guard checks it).
    s3.delete_bucket_cors()
        .bucket(bucket)
        .customize()
        .mutate_request(move |req| {
            let uri = with_query(req.uri(), &query);
            req.set_uri(uri).expect("a URI with a notification query");
        })
        .send()
        .await
        .map_err(write_error)?;
    Ok(())
}

/// A rule that sends to a topic (shown before the topic is deleted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TopicUse {
    pub bucket: String,
    pub rule_id: String,
}

/// Every rule of the user's buckets that sends to `topic_arn` (a bucket that cannot be read is
/// skipped: the answer is a warning, not a guarantee).
pub async fn rules_using(s3: &aws_sdk_s3::Client, topic_arn: &str) -> Result<Vec<TopicUse>> {
    let buckets = crate::buckets::list_buckets(s3).await?;
    let reads = buckets.iter().map(|b| async move { (b.name.clone(), get(s3, &b.name, None).await) });
    let mut uses = Vec::new();
    for (bucket, rules) in futures::future::join_all(reads).await {
        for rule in rules.unwrap_or_default().into_iter().filter(|r| r.topic_arn == topic_arn) {
            uses.push(TopicUse { bucket: bucket.clone(), rule_id: rule.id });
        }
    }
    Ok(uses)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule() -> NotificationRule {
        NotificationRule {
            id: "n<1>".into(),
            topic_arn: "arn:aws:sns:default::t".into(),
            events: vec!["s3:ObjectCreated:*".into(), "s3:ObjectRemoved:Delete".into()],
            filter: NotificationFilter {
                key: vec![FilterRule { name: "prefix".into(), value: "logs/&".into() }],
                metadata: vec![FilterRule { name: "x-amz-meta-kind".into(), value: "报告".into() }],
                tags: vec![FilterRule { name: "env".into(), value: "prod".into() }],
            },
        }
    }

    #[test]
    fn xml_round_trips() {
        assert_eq!(from_xml(to_xml(&rule()).as_bytes()).unwrap(), vec![rule()]);
    }

    #[test]
    fn checks_name_the_field() {
        let mut bad = rule();
        bad.events.push("s3:Bogus".into());
        bad.filter.key.push(FilterRule { name: "regex".into(), value: "(a".into() });
        bad.filter.key.push(FilterRule { name: "suffix".into(), value: ".txt".into() });
        bad.filter.key.push(FilterRule { name: "suffix".into(), value: ".log".into() });
        let fields: Vec<_> = check(&bad).into_iter().map(|p| (p.field, p.code)).collect();
        assert_eq!(
            fields,
            [
                ("events[2]".into(), ProblemCode::NotAllowed),
                ("filter.key[1].value".into(), ProblemCode::Malformed),
                ("filter.key[3].name".into(), ProblemCode::Duplicate),
            ]
        );
    }
}
