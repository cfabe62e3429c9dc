//! Bucket policy (`?policy`): a JSON document. The form edits a [`PolicyDocument`] (statements
//! as rows); the expert view edits the JSON text. Both go through this file: [`parse`] reads
//! text into the form's model with problems naming the field (and line and column for JSON
//! syntax), [`print`] writes the model as the canonical text that is sent.
//!
//! Principals: `"*"` or `{"AWS": [...]}` with `arn:aws:iam:::user/ID` or the guide's
//! `arn:aws:s3:::user/ID` (radosgw 16.2 honours both — checked). The guide's own example
//! `"Principal": {"*"}` is not JSON (test-server trap 11): [`parse`] explains that mistake.

use super::{not_configured_is_none, prove_before_delete, read_error, write_error, SubResource};
use crate::error::{AppError, ErrorCode, Result};
use crate::validation::{Problem, ProblemCode, Problems};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use specta::Type;

pub const VERSIONS: [&str; 2] = ["2012-10-17", "2008-10-17"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum Effect {
    Allow,
    Deny,
}

/// Who a statement is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", content = "users", rename_all = "camelCase")]
pub enum Principal {
    /// `"*"`: anyone, signed in or not.
    Anyone,
    /// `{"AWS": [...]}`: user ARNs (or `"*"`).
    Users(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PolicyCondition {
    /// `StringLike`, `IpAddress`, `Bool`, … (optionally `ForAnyValue:`/`…IfExists`).
    pub operator: String,
    /// `aws:Referer`, `aws:SourceIp`, `aws:SecureTransport`, `s3:prefix`, …
    pub key: String,
    pub values: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Statement {
    pub sid: Option<String>,
    pub effect: Effect,
    pub principal: Principal,
    /// `NotPrincipal` instead of `Principal`.
    pub not_principal: bool,
    pub actions: Vec<String>,
    /// `NotAction` instead of `Action`.
    pub not_action: bool,
    pub resources: Vec<String>,
    /// `NotResource` instead of `Resource`.
    pub not_resource: bool,
    pub conditions: Vec<PolicyCondition>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PolicyDocument {
    pub version: String,
    pub id: Option<String>,
    pub statements: Vec<Statement>,
}

/// The policy as the server holds it: its exact text, and the form's model when the text is
/// one the form can show (else the expert view alone, with the problems).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct BucketPolicy {
    pub text: String,
    pub parsed: PolicyParse,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PolicyParse {
    pub document: Option<PolicyDocument>,
    pub problems: Vec<Problem>,
}

/// The actions of the form's list (wildcards allowed in what the user types).
pub const ACTIONS: [&str; 24] = [
    "s3:*",
    "s3:GetObject",
    "s3:GetObjectVersion",
    "s3:PutObject",
    "s3:DeleteObject",
    "s3:DeleteObjectVersion",
    "s3:ListBucket",
    "s3:ListBucketVersions",
    "s3:ListBucketMultipartUploads",
    "s3:ListMultipartUploadParts",
    "s3:AbortMultipartUpload",
    "s3:GetObjectAcl",
    "s3:PutObjectAcl",
    "s3:GetObjectTagging",
    "s3:PutObjectTagging",
    "s3:GetBucketAcl",
    "s3:PutBucketAcl",
    "s3:GetBucketPolicy",
    "s3:PutBucketPolicy",
    "s3:DeleteBucketPolicy",
    "s3:GetBucketCORS",
    "s3:PutBucketCORS",
    "s3:GetBucketWebsite",
    "s3:GetLifecycleConfiguration",
];

/// Condition operators radosgw evaluates (S3's list); `IfExists` and the set prefixes allowed.
const OPERATORS: [&str; 21] = [
    "StringEquals",
    "StringNotEquals",
    "StringEqualsIgnoreCase",
    "StringNotEqualsIgnoreCase",
    "StringLike",
    "StringNotLike",
    "NumericEquals",
    "NumericNotEquals",
    "NumericLessThan",
    "NumericLessThanEquals",
    "NumericGreaterThan",
    "NumericGreaterThanEquals",
    "DateEquals",
    "DateNotEquals",
    "DateLessThan",
    "DateGreaterThan",
    "Bool",
    "IpAddress",
    "NotIpAddress",
    "ArnLike",
    "Null",
];

fn known_operator(op: &str) -> bool {
    let op = op.strip_prefix("ForAnyValue:").or_else(|| op.strip_prefix("ForAllValues:")).unwrap_or(op);
    let op = op.strip_suffix("IfExists").unwrap_or(op);
    OPERATORS.contains(&op)
        || matches!(
            op,
            "DateLessThanEquals" | "DateGreaterThanEquals" | "ArnEquals" | "ArnNotEquals" | "ArnNotLike"
        )
}

fn is_cidr(value: &str) -> bool {
    let (addr, bits) = value.split_once('/').map_or((value, None), |(a, b)| (a, Some(b)));
    match addr.parse::<std::net::IpAddr>() {
        Ok(ip) => {
            bits.is_none_or(|b| b.parse::<u8>().is_ok_and(|b| b <= if ip.is_ipv4() { 32 } else { 128 }))
        }
        Err(_) => false,
    }
}

/// Problems of a model (the form's checks; the same run on parsed text).
pub fn check(doc: &PolicyDocument) -> Vec<Problem> {
    let mut p = Problems::default();
    if !VERSIONS.contains(&doc.version.as_str()) {
        p.push(Problem::new("Version", ProblemCode::NotAllowed).detail(doc.version.clone()));
    }
    if doc.statements.is_empty() {
        p.push(Problem::new("Statement", ProblemCode::Required));
    }
    for (i, s) in doc.statements.iter().enumerate() {
        let field = |name: &str| format!("Statement[{i}].{name}");
        let principal_field = field(if s.not_principal { "NotPrincipal" } else { "Principal" });
        if let Principal::Users(users) = &s.principal {
            if users.is_empty() {
                p.push(Problem::new(principal_field.clone(), ProblemCode::Required));
            }
            for (j, user) in users.iter().enumerate() {
                if user != "*" && !user.starts_with("arn:") {
                    p.push(
                        Problem::new(format!("{principal_field}[{j}]"), ProblemCode::Malformed)
                            .detail(user.clone()),
                    );
                }
            }
        }
        let action_field = field(if s.not_action { "NotAction" } else { "Action" });
        if s.actions.is_empty() {
            p.push(Problem::new(action_field.clone(), ProblemCode::Required));
        }
        for (j, action) in s.actions.iter().enumerate() {
            let ok = action == "*"
                || action.split_once(':').is_some_and(|(service, name)| {
                    matches!(service, "s3" | "sns")
                        && !name.is_empty()
                        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '*' || c == '?')
                });
            if !ok {
                p.push(
                    Problem::new(format!("{action_field}[{j}]"), ProblemCode::Malformed)
                        .detail(action.clone()),
                );
            }
        }
        let resource_field = field(if s.not_resource { "NotResource" } else { "Resource" });
        if s.resources.is_empty() {
            p.push(Problem::new(resource_field.clone(), ProblemCode::Required));
        }
        for (j, resource) in s.resources.iter().enumerate() {
            if resource != "*" && !resource.starts_with("arn:aws:s3:::") {
                p.push(
                    Problem::new(format!("{resource_field}[{j}]"), ProblemCode::Malformed)
                        .detail(resource.clone()),
                );
            }
        }
        for (j, c) in s.conditions.iter().enumerate() {
            let cf = format!("{}[{j}]", field("Condition"));
            if !known_operator(&c.operator) {
                p.push(
                    Problem::new(format!("{cf}.Operator"), ProblemCode::NotAllowed)
                        .detail(c.operator.clone()),
                );
            }
            p.required(format!("{cf}.Key"), &c.key);
            if c.values.is_empty() {
                p.push(Problem::new(format!("{cf}.Values"), ProblemCode::Required));
            }
            if c.operator.contains("IpAddress") {
                for value in c.values.iter().filter(|v| !is_cidr(v)) {
                    p.push(
                        Problem::new(format!("{cf}.Values"), ProblemCode::Malformed).detail(value.clone()),
                    );
                }
            }
            if c.operator.starts_with("Bool") && c.values.iter().any(|v| v != "true" && v != "false") {
                p.push(Problem::new(format!("{cf}.Values"), ProblemCode::NotAllowed).detail("true or false"));
            }
        }
    }
    p.into_vec()
}

fn one_or_many(values: &[String]) -> Value {
    match values {
        [one] => Value::String(one.clone()),
        many => Value::Array(many.iter().cloned().map(Value::String).collect()),
    }
}

/// The canonical JSON text of a model (what is sent; keys in the order people write them).
pub fn print(doc: &PolicyDocument) -> String {
    let mut root = Map::new();
    root.insert("Version".into(), json!(doc.version));
    if let Some(id) = &doc.id {
        root.insert("Id".into(), json!(id));
    }
    let statements = doc
        .statements
        .iter()
        .map(|s| {
            let mut m = Map::new();
            if let Some(sid) = &s.sid {
                m.insert("Sid".into(), json!(sid));
            }
            m.insert(
                "Effect".into(),
                json!(match s.effect {
                    Effect::Allow => "Allow",
                    Effect::Deny => "Deny",
                }),
            );
            let principal = match &s.principal {
                Principal::Anyone => json!("*"),
                Principal::Users(users) => json!({ "AWS": users }),
            };
            m.insert((if s.not_principal { "NotPrincipal" } else { "Principal" }).into(), principal);
            m.insert((if s.not_action { "NotAction" } else { "Action" }).into(), json!(s.actions));
            m.insert((if s.not_resource { "NotResource" } else { "Resource" }).into(), json!(s.resources));
            if !s.conditions.is_empty() {
                let mut conditions = Map::new();
                for c in &s.conditions {
                    let entry =
                        conditions.entry(c.operator.clone()).or_insert_with(|| Value::Object(Map::new()));
                    if let Value::Object(keys) = entry {
                        keys.insert(c.key.clone(), one_or_many(&c.values));
                    }
                }
                m.insert("Condition".into(), Value::Object(conditions));
            }
            Value::Object(m)
        })
        .collect::<Vec<_>>();
    root.insert("Statement".into(), Value::Array(statements));
    // serde_json keeps insertion order with `preserve_order`; without it keys sort — both are
    // valid policies, and tests compare documents, not text.
    serde_json::to_string_pretty(&Value::Object(root)).expect("a JSON value prints")
}

/// Explains the usual mistakes behind a JSON syntax error.
fn syntax_hint(text: &str, err: &serde_json::Error) -> String {
    let squashed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if squashed.contains("{\"*\"}") {
        return "{\"*\"} is not JSON (an object needs \"key\": value). For anyone write \"Principal\": \"*\"; \
                for users write \"Principal\": {\"AWS\": [\"arn:aws:iam:::user/ID\"]}"
            .into();
    }
    if squashed.contains(",}") || squashed.contains(",]") {
        return format!("{err}: JSON allows no comma before a closing bracket");
    }
    if text.contains('\'') && !text.contains('"') {
        return format!(
            "{err}: JSON strings take double quotes, not single quotes (a Python dict is not JSON)"
        );
    }
    err.to_string()
}

fn strings(value: &Value, field: &str, p: &mut Problems) -> Vec<String> {
    match value {
        Value::String(s) => vec![s.clone()],
        Value::Array(items) => items
            .iter()
            .enumerate()
            .filter_map(|(i, v)| match v {
                Value::String(s) => Some(s.clone()),
                other => {
                    p.push(
                        Problem::new(format!("{field}[{i}]"), ProblemCode::JsonShape)
                            .detail(format!("a string, not {other}")),
                    );
                    None
                }
            })
            .collect(),
        other => {
            p.push(
                Problem::new(field, ProblemCode::JsonShape)
                    .detail(format!("a string or a list of strings, not {other}")),
            );
            Vec::new()
        }
    }
}

fn statement(value: &Value, field: &str, p: &mut Problems) -> Option<Statement> {
    let Value::Object(m) = value else {
        p.push(Problem::new(field, ProblemCode::JsonShape).detail("a statement is an object"));
        return None;
    };
    for key in m.keys() {
        let known = [
            "Sid",
            "Effect",
            "Principal",
            "NotPrincipal",
            "Action",
            "NotAction",
            "Resource",
            "NotResource",
            "Condition",
        ];
        if !known.contains(&key.as_str()) {
            p.push(
                Problem::new(format!("{field}.{key}"), ProblemCode::JsonShape)
                    .detail("not a statement field"),
            );
        }
    }
    let effect = match m.get("Effect") {
        Some(Value::String(e)) if e == "Allow" => Effect::Allow,
        Some(Value::String(e)) if e == "Deny" => Effect::Deny,
        Some(other) => {
            p.push(
                Problem::new(format!("{field}.Effect"), ProblemCode::NotAllowed).detail(other.to_string()),
            );
            Effect::Deny
        }
        None => {
            p.push(Problem::new(format!("{field}.Effect"), ProblemCode::Required));
            Effect::Deny
        }
    };
    let pick = |name: &str, not: &str, p: &mut Problems| -> (Option<Value>, bool) {
        match (m.get(name), m.get(not)) {
            (Some(v), None) => (Some(v.clone()), false),
            (None, Some(v)) => (Some(v.clone()), true),
            (Some(v), Some(_)) => {
                p.push(
                    Problem::new(format!("{field}.{not}"), ProblemCode::Exclusive).detail(name.to_owned()),
                );
                (Some(v.clone()), false)
            }
            (None, None) => {
                p.push(Problem::new(format!("{field}.{name}"), ProblemCode::Required));
                (None, false)
            }
        }
    };
    let (principal, not_principal) = pick("Principal", "NotPrincipal", p);
    let principal_field = format!("{field}.{}", if not_principal { "NotPrincipal" } else { "Principal" });
    let principal = match principal {
        Some(Value::String(s)) if s == "*" => Principal::Anyone,
        Some(Value::Object(o)) => {
            let mut users = Vec::new();
            for (k, v) in &o {
                if k == "AWS" {
                    users.extend(strings(v, &format!("{principal_field}.AWS"), p));
                } else {
                    p.push(
                        Problem::new(format!("{principal_field}.{k}"), ProblemCode::NotAllowed)
                            .detail("the form knows \"*\" and {\"AWS\": [...]}"),
                    );
                }
            }
            Principal::Users(users)
        }
        Some(other) => {
            p.push(
                Problem::new(principal_field, ProblemCode::JsonShape)
                    .detail(format!("\"*\" or {{\"AWS\": [...]}}, not {other}")),
            );
            Principal::Users(Vec::new())
        }
        None => Principal::Users(Vec::new()),
    };
    let (actions, not_action) = pick("Action", "NotAction", p);
    let action_field = format!("{field}.{}", if not_action { "NotAction" } else { "Action" });
    let actions = actions.map(|v| strings(&v, &action_field, p)).unwrap_or_default();
    let (resources, not_resource) = pick("Resource", "NotResource", p);
    let resource_field = format!("{field}.{}", if not_resource { "NotResource" } else { "Resource" });
    let resources = resources.map(|v| strings(&v, &resource_field, p)).unwrap_or_default();
    let mut conditions = Vec::new();
    match m.get("Condition") {
        None => {}
        Some(Value::Object(ops)) => {
            for (operator, keys) in ops {
                let Value::Object(keys) = keys else {
                    p.push(
                        Problem::new(format!("{field}.Condition.{operator}"), ProblemCode::JsonShape)
                            .detail("{\"key\": value}"),
                    );
                    continue;
                };
                for (key, values) in keys {
                    let values = match values {
                        Value::Bool(b) => vec![b.to_string()],
                        Value::Number(n) => vec![n.to_string()],
                        other => strings(other, &format!("{field}.Condition.{operator}.{key}"), p),
                    };
                    conditions.push(PolicyCondition { operator: operator.clone(), key: key.clone(), values });
                }
            }
        }
        Some(other) => p.push(
            Problem::new(format!("{field}.Condition"), ProblemCode::JsonShape).detail(other.to_string()),
        ),
    }
    let sid = match m.get("Sid") {
        None => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(other) => {
            p.push(Problem::new(format!("{field}.Sid"), ProblemCode::JsonShape).detail(other.to_string()));
            None
        }
    };
    Some(Statement {
        sid,
        effect,
        principal,
        not_principal,
        actions,
        not_action,
        resources,
        not_resource,
        conditions,
    })
}

/// Reads policy text into the form's model. Syntax errors carry line and column; shape and
/// check problems name the field. The document is there whenever the shape could be read.
pub fn parse(text: &str) -> PolicyParse {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let mut problem = Problem::new("", ProblemCode::JsonSyntax).detail(syntax_hint(text, &e));
            problem.line = u32::try_from(e.line()).ok();
            problem.column = u32::try_from(e.column()).ok();
            return PolicyParse { document: None, problems: vec![problem] };
        }
    };
    let mut p = Problems::default();
    let Value::Object(root) = value else {
        p.push(Problem::new("", ProblemCode::JsonShape).detail("a policy is a JSON object"));
        return PolicyParse { document: None, problems: p.into_vec() };
    };
    for key in root.keys().filter(|k| !["Version", "Id", "Statement"].contains(&k.as_str())) {
        p.push(Problem::new(key.clone(), ProblemCode::JsonShape).detail("not a policy field"));
    }
    let version = match root.get("Version") {
        Some(Value::String(v)) => v.clone(),
        _ => {
            p.push(Problem::new("Version", ProblemCode::Required));
            String::new()
        }
    };
    let id = root.get("Id").and_then(Value::as_str).map(str::to_owned);
    let statements = match root.get("Statement") {
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, s)| statement(s, &format!("Statement[{i}]"), &mut p))
            .collect(),
        Some(one @ Value::Object(_)) => statement(one, "Statement[0]", &mut p).into_iter().collect(),
        _ => Vec::new(),
    };
    let document = PolicyDocument { version, id, statements };
    let mut problems = p.into_vec();
    if problems.iter().all(|x| x.code != ProblemCode::JsonShape) {
        let extra: Vec<_> =
            check(&document).into_iter().filter(|c| !problems.iter().any(|x| x.field == c.field)).collect();
        problems.extend(extra);
    }
    let readable = problems.iter().all(|x| x.code != ProblemCode::JsonShape);
    PolicyParse { document: readable.then_some(document), problems }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum PolicyTemplate {
    /// Anyone may read every object.
    PublicRead,
    /// One user may list the bucket and read its objects.
    ReadOnlyForUser,
    /// Reading only from pages of the listed sites (hot-link protection).
    RefererAllowList,
    /// Every request over plain HTTP is denied.
    DenyInsecureTransport,
}

/// A ready statement set for `bucket`, with placeholders the user replaces (`USER-ID`, the
/// site addresses).
pub fn template(kind: PolicyTemplate, bucket: &str) -> PolicyDocument {
    let objects = format!("arn:aws:s3:::{bucket}/*");
    let whole = format!("arn:aws:s3:::{bucket}");
    let statement =
        |sid: &str, effect, principal, actions: &[&str], resources: Vec<String>, conditions| Statement {
            sid: Some(sid.into()),
            effect,
            principal,
            not_principal: false,
            actions: actions.iter().map(|a| a.to_string()).collect(),
            not_action: false,
            resources,
            not_resource: false,
            conditions,
        };
    let statements = match kind {
        PolicyTemplate::PublicRead => vec![statement(
            "PublicRead",
            Effect::Allow,
            Principal::Anyone,
            &["s3:GetObject"],
            vec![objects],
            vec![],
        )],
        PolicyTemplate::ReadOnlyForUser => vec![statement(
            "ReadOnlyForUser",
            Effect::Allow,
            Principal::Users(vec!["arn:aws:iam:::user/USER-ID".into()]),
            &["s3:ListBucket", "s3:GetObject"],
            vec![whole, objects],
            vec![],
        )],
        PolicyTemplate::RefererAllowList => vec![statement(
            "RefererAllowList",
            Effect::Allow,
            Principal::Anyone,
            &["s3:GetObject"],
            vec![objects],
            vec![PolicyCondition {
                operator: "StringLike".into(),
                key: "aws:Referer".into(),
                values: vec!["https://www.example.com/*".into(), "https://example.com/*".into()],
            }],
        )],
        PolicyTemplate::DenyInsecureTransport => vec![statement(
            "DenyInsecureTransport",
            Effect::Deny,
            Principal::Anyone,
            &["s3:*"],
            vec![whole, objects],
            vec![PolicyCondition {
                operator: "Bool".into(),
                key: "aws:SecureTransport".into(),
                values: vec!["false".into()],
            }],
        )],
    };
    PolicyDocument { version: VERSIONS[0].into(), id: None, statements }
}

pub async fn get(s3: &aws_sdk_s3::Client, bucket: &str) -> Result<Option<BucketPolicy>> {
    let out =
        s3.get_bucket_policy().bucket(bucket).send().await.map_err(|e| read_error(SubResource::Policy, e));
    let Some(out) = not_configured_is_none(out, &[ErrorCode::NoSuchBucketPolicy])? else { return Ok(None) };
    let text = out.policy().unwrap_or_default().to_owned();
    let parsed = parse(&text);
    Ok(Some(BucketPolicy { text, parsed }))
}

/// Sends `text` exactly as given, once it parses and checks clean.
pub async fn put(s3: &aws_sdk_s3::Client, bucket: &str, text: &str) -> Result<()> {
    let parsed = parse(text);
    crate::validation::refuse_if_blocking(&parsed.problems)?;
    if parsed.document.is_none() {
        return Err(AppError::invalid_input("the policy cannot be read"));
    }
    s3.put_bucket_policy().bucket(bucket).policy(text).send().await.map_err(write_error)?;
    Ok(())
}

pub async fn delete(s3: &aws_sdk_s3::Client, bucket: &str) -> Result<()> {
    prove_before_delete(s3, bucket, SubResource::Policy).await?;
    s3.delete_bucket_policy().bucket(bucket).send().await.map_err(write_error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guides_principal_mistake_is_explained() {
        let text = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"*"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}"#;
        let parsed = parse(text);
        assert!(parsed.document.is_none());
        let problem = &parsed.problems[0];
        assert_eq!((problem.code, problem.line), (ProblemCode::JsonSyntax, Some(1)));
        assert!(problem.detail.contains("\"Principal\": \"*\""), "{}", problem.detail);
    }

    #[test]
    fn templates_print_and_parse_back() {
        for kind in [
            PolicyTemplate::PublicRead,
            PolicyTemplate::ReadOnlyForUser,
            PolicyTemplate::RefererAllowList,
            PolicyTemplate::DenyInsecureTransport,
        ] {
            let doc = template(kind, "photos");
            assert!(check(&doc).is_empty(), "{kind:?}: {:?}", check(&doc));
            let parsed = parse(&print(&doc));
            assert_eq!(parsed.problems, vec![], "{kind:?}");
            assert_eq!(parsed.document, Some(doc), "{kind:?}");
        }
    }

    #[test]
    fn shapes_and_checks_name_the_field() {
        let text = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Maybe", "Principal": {"AWS": "bob"}, "Action": ["s3:GetObject", "ec2:Run"], "Resource": "arn:aws:s3:::b/*", "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/33"}}}}"#;
        let found: Vec<_> = parse(text).problems.into_iter().map(|p| (p.field, p.code)).collect();
        assert_eq!(
            found,
            [
                ("Statement[0].Effect".into(), ProblemCode::NotAllowed),
                ("Statement[0].Principal[0]".into(), ProblemCode::Malformed),
                ("Statement[0].Action[1]".into(), ProblemCode::Malformed),
                ("Statement[0].Condition[0].Values".into(), ProblemCode::Malformed),
            ]
        );
    }
}
