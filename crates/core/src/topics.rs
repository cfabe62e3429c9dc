//! SNS-style topics, served by radosgw on the same endpoint as S3 (signed with SigV4 by the
//! SDK: radosgw 16.2 accepts it — the guide's boto3 uses SigV2, which it also accepts).
//!
//! A topic pushes bucket events to an endpoint: HTTP(S), AMQP or Kafka, each with its own
//! attributes. radosgw answers GetTopicAttributes with `EndPoint`, a JSON string whose
//! `EndpointArgs` holds the create request's arguments form-encoded; [`parse_endpoint_args`]
//! turns them back into the attributes the form edits.

use crate::error::{AppError, ErrorCode, Result};
use crate::validation::{refuse_if_blocking, Problem, ProblemCode, Problems};
use crate::zos_wire;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TopicSummary {
    pub arn: String,
    /// The last part of the ARN.
    pub name: String,
}

fn sns_error<E>(
    err: aws_sdk_sns::error::SdkError<E, aws_smithy_runtime_api::client::orchestrator::HttpResponse>,
) -> AppError
where
    E: aws_sdk_sns::error::ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
{
    AppError::from_sdk(err, ErrorCode::Unknown)
}

/// All topics, each once: radosgw lists a topic once per notification that uses it
/// (test-server trap 9), so the list is deduplicated by ARN.
pub async fn list_topics(sns: &aws_sdk_sns::Client) -> Result<Vec<TopicSummary>> {
    let mut topics: Vec<TopicSummary> = Vec::new();
    let mut token = None;
    loop {
        let out = sns.list_topics().set_next_token(token).send().await.map_err(sns_error)?;
        for arn in out.topics().iter().filter_map(|t| t.topic_arn()) {
            if !topics.iter().any(|t| t.arn == arn) {
                let name = arn.rsplit(':').next().unwrap_or(arn).to_owned();
                topics.push(TopicSummary { arn: arn.to_owned(), name });
            }
        }
        token = out.next_token().filter(|t| !t.is_empty()).map(str::to_owned);
        if token.is_none() {
            break;
        }
    }
    topics.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.arn.cmp(&b.arn)));
    Ok(topics)
}

/// Where a topic pushes, with the attributes each kind knows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum PushEndpoint {
    /// `http://` or `https://` URL; `verify_ssl` for https.
    #[serde(rename_all = "camelCase")]
    Http { url: String, verify_ssl: bool },
    /// `amqp://[user:password@]host[:port][/vhost]`, the exchange, and when a message counts as
    /// delivered: `none`, `broker` (the broker took it) or `routable` (a queue took it).
    #[serde(rename_all = "camelCase")]
    Amqp { url: String, exchange: String, ack_level: String },
    /// `kafka://[user:password@]host[:port]`; ack level `none` or `broker`.
    #[serde(rename_all = "camelCase")]
    Kafka { url: String, ack_level: String, use_ssl: bool, verify_ssl: bool },
}

/// A topic as the form creates it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TopicSpec {
    pub name: String,
    pub endpoint: PushEndpoint,
    /// Queue events on the server and retry (delivery is then asynchronous, ~20 s late here).
    pub persistent: bool,
    /// Sent with every event of this topic (`opaqueData` in the event).
    pub opaque_data: String,
    /// Any other attribute, sent as given (e.g. `cloudevents`, `ca-location`).
    pub extra: Vec<(String, String)>,
}

/// A topic as the server describes it, parsed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TopicDetails {
    pub arn: String,
    pub name: String,
    pub owner: Option<String>,
    pub endpoint_address: Option<String>,
    /// Every attribute the topic was created with (from `EndpointArgs`), by name.
    pub attributes: BTreeMap<String, String>,
    pub persistent: bool,
    pub opaque_data: Option<String>,
    /// The spec for the form, when the attributes make one.
    pub spec: Option<TopicSpec>,
}

const ACK_AMQP: [&str; 3] = ["none", "broker", "routable"];
const ACK_KAFKA: [&str; 2] = ["none", "broker"];
/// Attribute names the form sets itself; `extra` may not repeat them.
const OWN: [&str; 9] = [
    "push-endpoint",
    "verify-ssl",
    "amqp-exchange",
    "amqp-ack-level",
    "kafka-ack-level",
    "use-ssl",
    "persistent",
    "OpaqueData",
    "Name",
];

pub fn check(spec: &TopicSpec) -> Vec<Problem> {
    let mut p = Problems::default();
    p.required("name", &spec.name);
    let name_ok = spec.name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && spec.name.len() <= 256;
    if !spec.name.is_empty() && !name_ok {
        p.push(
            Problem::new("name", ProblemCode::Malformed).detail("letters, digits, '-' and '_', at most 256"),
        );
    }
    let url_field = "endpoint.url";
    let (url, schemes): (&str, &[&str]) = match &spec.endpoint {
        PushEndpoint::Http { url, .. } => (url, &["http://", "https://"]),
        PushEndpoint::Amqp { url, exchange, ack_level } => {
            p.required("endpoint.exchange", exchange);
            if !ACK_AMQP.contains(&ack_level.as_str()) {
                p.push(Problem::new("endpoint.ackLevel", ProblemCode::NotAllowed).detail(ack_level.clone()));
            }
            (url, &["amqp://", "amqps://"])
        }
        PushEndpoint::Kafka { url, ack_level, .. } => {
            if !ACK_KAFKA.contains(&ack_level.as_str()) {
                p.push(Problem::new("endpoint.ackLevel", ProblemCode::NotAllowed).detail(ack_level.clone()));
            }
            (url, &["kafka://"])
        }
    };
    p.required(url_field, url);
    let host = schemes.iter().find_map(|s| url.strip_prefix(s));
    match host {
        None if !url.is_empty() => p.push(
            Problem::new(url_field, ProblemCode::Malformed)
                .detail(format!("starts with {}", schemes.join(" or "))),
        ),
        Some(rest)
            if rest
                .split(['/', '?'])
                .next()
                .unwrap_or_default()
                .rsplit('@')
                .next()
                .unwrap_or_default()
                .is_empty() =>
        {
            p.push(Problem::new(url_field, ProblemCode::Malformed).detail("a host is missing"))
        }
        _ => {}
    }
    for (i, (k, _)) in spec.extra.iter().enumerate() {
        p.required(format!("extra[{i}].name"), k);
        if OWN.contains(&k.as_str()) {
            p.push(Problem::new(format!("extra[{i}].name"), ProblemCode::Duplicate).detail(k.clone()));
        }
    }
    p.into_vec()
}

/// The attributes CreateTopic sends for a spec.
pub fn attributes(spec: &TopicSpec) -> Vec<(String, String)> {
    let mut a: Vec<(String, String)> = Vec::new();
    let mut put = |k: &str, v: String| a.push((k.to_owned(), v));
    match &spec.endpoint {
        PushEndpoint::Http { url, verify_ssl } => {
            put("push-endpoint", url.clone());
            put("verify-ssl", verify_ssl.to_string());
        }
        PushEndpoint::Amqp { url, exchange, ack_level } => {
            put("push-endpoint", url.clone());
            put("amqp-exchange", exchange.clone());
            put("amqp-ack-level", ack_level.clone());
        }
        PushEndpoint::Kafka { url, ack_level, use_ssl, verify_ssl } => {
            put("push-endpoint", url.clone());
            put("kafka-ack-level", ack_level.clone());
            put("use-ssl", use_ssl.to_string());
            put("verify-ssl", verify_ssl.to_string());
        }
    }
    put("persistent", spec.persistent.to_string());
    if !spec.opaque_data.is_empty() {
        put("OpaqueData", spec.opaque_data.clone());
    }
    a.extend(spec.extra.iter().cloned());
    a
}

/// The create arguments radosgw keeps in `EndpointArgs` (form-encoded), without the request's
/// own words (`Action`, `Name`, `Version`, the `Attributes.entry.N.*` copies).
pub fn parse_endpoint_args(args: &str) -> BTreeMap<String, String> {
    args.split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .map(|(k, v)| (zos_wire::decode_form_value(k), zos_wire::decode_form_value(v)))
        .filter(|(k, _)| {
            !k.is_empty()
                && !k.starts_with("Attributes.")
                && !matches!(k.as_str(), "Action" | "Name" | "Version")
        })
        .collect()
}

fn flag(attributes: &BTreeMap<String, String>, name: &str, default: bool) -> bool {
    attributes.get(name).map_or(default, |v| v == "true")
}

/// The form's spec for a topic's attributes (None when the endpoint is of no kind it knows).
pub fn spec_from(name: &str, attributes: &BTreeMap<String, String>) -> Option<TopicSpec> {
    let url = attributes.get("push-endpoint")?.clone();
    let text = |k: &str, d: &str| attributes.get(k).cloned().unwrap_or_else(|| d.to_owned());
    let endpoint = if url.starts_with("http://") || url.starts_with("https://") {
        PushEndpoint::Http { url, verify_ssl: flag(attributes, "verify-ssl", true) }
    } else if url.starts_with("amqp") {
        PushEndpoint::Amqp {
            url,
            exchange: text("amqp-exchange", ""),
            ack_level: text("amqp-ack-level", "broker"),
        }
    } else if url.starts_with("kafka://") {
        PushEndpoint::Kafka {
            url,
            ack_level: text("kafka-ack-level", "broker"),
            use_ssl: flag(attributes, "use-ssl", false),
            verify_ssl: flag(attributes, "verify-ssl", true),
        }
    } else {
        return None;
    };
    let extra = attributes
        .iter()
        .filter(|(k, _)| !OWN.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Some(TopicSpec {
        name: name.to_owned(),
        endpoint,
        persistent: flag(attributes, "persistent", false),
        opaque_data: text("OpaqueData", ""),
        extra,
    })
}

fn endpoint_url(endpoint: &PushEndpoint) -> &str {
    match endpoint {
        PushEndpoint::Http { url, .. } | PushEndpoint::Amqp { url, .. } | PushEndpoint::Kafka { url, .. } => {
            url
        }
    }
}

/// Creates the topic (CreateTopic is idempotent: the same name updates it) and returns its ARN.
pub async fn create_topic(sns: &aws_sdk_sns::Client, spec: &TopicSpec) -> Result<String> {
    refuse_if_blocking(&check(spec))?;
    let mut request = sns.create_topic().name(&spec.name);
    for (k, v) in attributes(spec) {
        request = request.attributes(k, v);
    }
    let out = request.send().await.map_err(|e| {
        let mut e = sns_error(e);
        // radosgw keeps a password in the endpoint only when it arrived over TLS (unless its
        // operator set rgw_allow_secrets_in_cleartext): checked on 16.2, it answers a bare 400.
        if endpoint_url(&spec.endpoint).split("://").nth(1).is_some_and(|rest| rest.split('/').next().unwrap_or_default().contains('@')) {
            e.detail = "the push endpoint holds a user and password: radosgw accepts that only when this profile talks to it over https".into();
        }
        e
    })?;
    out.topic_arn()
        .map(str::to_owned)
        .ok_or_else(|| AppError::new(ErrorCode::Unknown, "CreateTopic answered without an ARN"))
}

/// The URL with its password replaced by `***` (`amqp://user:***@host`): a broker password
/// never crosses IPC or reaches the screen.
pub fn mask_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_owned() };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => {
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}:***@{host}{tail}")
        }
        None => url.to_owned(),
    }
}

pub async fn get_topic(sns: &aws_sdk_sns::Client, arn: &str) -> Result<TopicDetails> {
    let out = sns.get_topic_attributes().topic_arn(arn).send().await.map_err(sns_error)?;
    let raw = out.attributes().cloned().unwrap_or_default();
    let name = raw.get("Name").cloned().unwrap_or_else(|| arn.rsplit(':').next().unwrap_or(arn).to_owned());
    let endpoint: serde_json::Value =
        raw.get("EndPoint").and_then(|e| serde_json::from_str(e).ok()).unwrap_or_default();
    let field = |k: &str| endpoint.get(k).and_then(|v| v.as_str()).map(str::to_owned);
    let mut attributes = field("EndpointArgs").map(|a| parse_endpoint_args(&a)).unwrap_or_default();
    if let Some(url) = attributes.get_mut("push-endpoint") {
        *url = mask_password(url);
    }
    Ok(TopicDetails {
        arn: raw.get("TopicArn").cloned().unwrap_or_else(|| arn.to_owned()),
        owner: raw.get("User").cloned().filter(|u| !u.is_empty()),
        endpoint_address: field("EndpointAddress").map(|a| mask_password(&a)),
        persistent: field("Persistent").is_some_and(|p| p == "true"),
        opaque_data: raw.get("OpaqueData").cloned().filter(|o| !o.is_empty()),
        spec: spec_from(&name, &attributes),
        attributes,
        name,
    })
}

/// Deletes the topic; deleting one that is gone is not an error (DeleteTopic is idempotent).
pub async fn delete_topic(sns: &aws_sdk_sns::Client, arn: &str) -> Result<()> {
    match sns.delete_topic().topic_arn(arn).send().await.map_err(sns_error) {
        Err(e) if e.server_code.as_deref() == Some("NotFound") || e.status == Some(404) => Ok(()),
        other => other.map(|_| ()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoint_args_read_back_as_the_spec() {
        let args = "Attributes.entry.1.key=push-endpoint&Attributes.entry.1.value=amqp://127.0.0.1:5672&OpaqueData=hello%20world&Version=2010-03-31&amqp-ack-level=broker&amqp-exchange=ex1&persistent=true&push-endpoint=amqp://127.0.0.1:5672&verify-ssl=false&cloudevents=true";
        let attributes = parse_endpoint_args(args);
        assert_eq!(attributes.get("OpaqueData").map(String::as_str), Some("hello world"));
        assert!(
            !attributes.contains_key("Version") && !attributes.keys().any(|k| k.starts_with("Attributes."))
        );
        let spec = spec_from("t", &attributes).unwrap();
        assert_eq!(
            spec.endpoint,
            PushEndpoint::Amqp {
                url: "amqp://127.0.0.1:5672".into(),
                exchange: "ex1".into(),
                ack_level: "broker".into()
            }
        );
        assert!(spec.persistent);
        assert_eq!(
            spec.extra,
            vec![
                ("cloudevents".to_owned(), "true".to_owned()),
                ("verify-ssl".to_owned(), "false".to_owned())
            ]
            .into_iter()
            .filter(|(k, _)| !OWN.contains(&k.as_str()))
            .collect::<Vec<_>>()
        );
    }

    #[test]
    fn passwords_never_leave_the_core() {
        assert_eq!(mask_password("amqp://user:pw@host:5672/vh"), "amqp://user:***@host:5672/vh");
        assert_eq!(mask_password("kafka://a:b:c@h"), "kafka://a:***@h");
        assert_eq!(mask_password("https://hooks.example.com/x?a=b@c"), "https://hooks.example.com/x?a=b@c");
    }

    #[test]
    fn checks_name_the_field() {
        let spec = TopicSpec {
            name: "bad name".into(),
            endpoint: PushEndpoint::Kafka {
                url: "http://x".into(),
                ack_level: "all".into(),
                use_ssl: false,
                verify_ssl: true,
            },
            persistent: false,
            opaque_data: String::new(),
            extra: vec![("push-endpoint".into(), "x".into())],
        };
        let fields: Vec<_> = check(&spec).into_iter().map(|p| p.field).collect();
        assert_eq!(fields, ["name", "endpoint.ackLevel", "endpoint.url", "extra[0].name"]);
    }
}
