//! Property tests of the configuration models (no server): model → expert text → model is the
//! identity, and every out-of-range input is refused with its field named.

use proptest::prelude::*;
use zos_core::buckets::config::acl::{
    AccessControlPolicy, AclChange, Grant, Grantee, GranteeType, Owner, Permission, ALL_USERS,
};
use zos_core::buckets::config::cors::{self, CorsConfiguration, CorsMethod, CorsRule};
use zos_core::buckets::config::document::{self, ConfigDocument, ConfigKind};
use zos_core::buckets::config::policy::{
    self, Effect, PolicyCondition, PolicyDocument, Principal, Statement,
};
use zos_core::buckets::config::tagging::{self, Tag, TagSet, TagTarget};
use zos_core::buckets::config::website::{
    self, Condition, IndexDocument, Redirect, RoutingRule, WebsiteConfiguration,
};
use zos_core::validation::ProblemCode;

fn text() -> impl Strategy<Value = String> {
    // Printable text with Chinese, emoji, quotes and backslashes: what JSON must escape.
    proptest::string::string_regex("[a-zA-Z0-9 _./*:\"\\\\中文📷-]{1,20}").unwrap()
}

fn cors_rule() -> impl Strategy<Value = CorsRule> {
    (
        proptest::option::of(text()),
        proptest::collection::vec(text(), 0..3),
        proptest::sample::subsequence(CorsMethod::ALL.to_vec(), 1..=5),
        proptest::collection::vec(text(), 1..3),
        proptest::collection::vec(text(), 0..3),
        proptest::option::of(0..100_000i32),
    )
        .prop_map(
            |(id, allowed_headers, allowed_methods, allowed_origins, expose_headers, max_age_seconds)| {
                CorsRule {
                    id,
                    allowed_headers,
                    allowed_methods,
                    allowed_origins,
                    expose_headers,
                    max_age_seconds,
                }
            },
        )
}

fn tag_set(max: usize) -> impl Strategy<Value = TagSet> {
    proptest::collection::vec((text(), proptest::string::string_regex("[a-z中 ]{0,10}").unwrap()), 0..max)
        .prop_map(|pairs| TagSet {
            tag_set: pairs.into_iter().map(|(key, value)| Tag { key, value }).collect(),
        })
}

fn website() -> impl Strategy<Value = WebsiteConfiguration> {
    let rule = (proptest::option::of(text()), proptest::option::of(text()), any::<bool>()).prop_map(
        |(prefix, with, whole)| RoutingRule {
            condition: prefix
                .map(|p| Condition { key_prefix_equals: Some(p), http_error_code_returned_equals: None }),
            redirect: Redirect {
                replace_key_with: with.clone().filter(|_| whole),
                replace_key_prefix_with: with.filter(|_| !whole),
                host_name: Some("example.com".into()),
                ..Default::default()
            },
        },
    );
    (text(), proptest::collection::vec(rule, 0..4)).prop_map(|(suffix, routing_rules)| WebsiteConfiguration {
        index_document: Some(IndexDocument { suffix }),
        routing_rules,
        ..Default::default()
    })
}

fn statement() -> impl Strategy<Value = Statement> {
    (
        proptest::option::of(text()),
        any::<bool>(),
        proptest::option::of(proptest::collection::vec(text(), 1..3)),
        proptest::collection::vec(text(), 1..3),
        proptest::collection::vec(text(), 1..3),
        any::<bool>(),
        proptest::collection::vec((text(), proptest::collection::vec(text(), 1..3)), 0..3),
    )
        .prop_map(|(sid, allow, users, actions, resources, not_resource, conditions)| Statement {
            sid,
            effect: if allow { Effect::Allow } else { Effect::Deny },
            principal: users.map_or(Principal::Anyone, Principal::Users),
            not_principal: false,
            actions,
            not_action: false,
            resources,
            not_resource,
            // One key per operator (a JSON object cannot hold the same operator twice).
            conditions: conditions
                .into_iter()
                .enumerate()
                .map(|(i, (key, values))| PolicyCondition { operator: format!("StringLike{i}"), key, values })
                .collect(),
        })
}

proptest! {
    #[test]
    fn cors_text_round_trips(rules in proptest::collection::vec(cors_rule(), 1..5)) {
        let doc = ConfigDocument::Cors(CorsConfiguration { cors_rules: rules });
        prop_assert_eq!(document::parse(ConfigKind::Cors, &document::print(&doc)).document, Some(doc));
    }

    #[test]
    fn tag_text_round_trips(tags in tag_set(12)) {
        let doc = ConfigDocument::BucketTags(tags);
        prop_assert_eq!(document::parse(ConfigKind::BucketTags, &document::print(&doc)).document, Some(doc));
    }

    #[test]
    fn website_text_round_trips(config in website()) {
        let doc = ConfigDocument::Website(config);
        prop_assert_eq!(document::parse(ConfigKind::Website, &document::print(&doc)).document, Some(doc));
    }

    #[test]
    fn acl_text_round_trips(ids in proptest::collection::vec(text(), 1..4), public in any::<bool>()) {
        let mut grants: Vec<Grant> = ids.iter().map(|id| Grant {
            grantee: Grantee { kind: GranteeType::CanonicalUser, id: Some(id.clone()), display_name: None, email_address: None, uri: None },
            permission: Permission::Read,
        }).collect();
        if public {
            grants.push(Grant { grantee: Grantee { kind: GranteeType::Group, id: None, display_name: None, email_address: None, uri: Some(ALL_USERS.into()) }, permission: Permission::Read });
        }
        let doc = ConfigDocument::Acl(AclChange::Policy(AccessControlPolicy { owner: Owner { id: ids[0].clone(), display_name: None }, grants }));
        prop_assert_eq!(document::parse(ConfigKind::Acl, &document::print(&doc)).document, Some(doc));
    }

    #[test]
    fn policy_text_round_trips(statements in proptest::collection::vec(statement(), 1..4)) {
        let doc = PolicyDocument { version: "2012-10-17".into(), id: None, statements };
        let parsed = policy::parse(&policy::print(&doc));
        // The generated actions and ARNs are not valid ones: only the shape must come back.
        prop_assert!(parsed.problems.iter().all(|p| p.code != ProblemCode::JsonShape && p.code != ProblemCode::JsonSyntax), "{:?}", parsed.problems);
        prop_assert_eq!(parsed.document, Some(doc));
    }

    #[test]
    fn too_many_tags_are_refused(extra in 1usize..20, object in any::<bool>()) {
        let target = if object { TagTarget::Object } else { TagTarget::Bucket };
        let n = target.max_tags() + extra;
        let set = TagSet { tag_set: (0..n).map(|i| Tag { key: format!("k{i}"), value: String::new() }).collect() };
        let problems = tagging::check(&set, target);
        prop_assert!(problems.iter().any(|p| p.field == "TagSet" && p.code == ProblemCode::TooMany && p.limit == Some(target.max_tags() as u32)));
    }

    #[test]
    fn long_tag_keys_and_values_are_refused(key_extra in 1usize..50, value_extra in 1usize..50, wide in any::<bool>()) {
        let unit = if wide { "键" } else { "k" };
        let key = unit.repeat(128 / unit.len() + key_extra);
        let value = "v".repeat(256 + value_extra);
        let problems = tagging::check(&TagSet { tag_set: vec![Tag { key, value }] }, TagTarget::Bucket);
        let fields: Vec<_> = problems.iter().filter(|p| p.code == ProblemCode::TooLong).map(|p| p.field.as_str()).collect();
        prop_assert_eq!(fields, vec!["TagSet[0].Key", "TagSet[0].Value"]);
    }

    #[test]
    fn more_than_100_cors_rules_are_refused(extra in 1usize..30) {
        let rule = CorsRule { allowed_methods: vec![CorsMethod::GET], allowed_origins: vec!["*".into()], ..Default::default() };
        let problems = cors::check(&CorsConfiguration { cors_rules: vec![rule; 100 + extra] });
        prop_assert!(problems.iter().any(|p| p.field == "CORSRules" && p.code == ProblemCode::TooMany && p.limit == Some(100)));
    }

    #[test]
    fn routing_codes_outside_4xx_are_refused(code in 100u16..600) {
        prop_assume!(!(400..500).contains(&code));
        let config = WebsiteConfiguration {
            index_document: Some(IndexDocument { suffix: "index.html".into() }),
            routing_rules: vec![RoutingRule {
                condition: Some(Condition { http_error_code_returned_equals: Some(code.to_string()), key_prefix_equals: None }),
                redirect: Redirect { host_name: Some("example.com".into()), ..Default::default() },
            }],
            ..Default::default()
        };
        let problems = website::check(&config);
        prop_assert!(problems.iter().any(|p| p.field == "RoutingRules[0].Condition.HttpErrorCodeReturnedEquals" && p.code == ProblemCode::WrongStatusClass));
    }

    #[test]
    fn both_redirect_kinds_are_refused(host in text()) {
        let config = WebsiteConfiguration {
            index_document: Some(IndexDocument { suffix: "index.html".into() }),
            redirect_all_requests_to: Some(website::RedirectAllRequestsTo { host_name: host, protocol: None }),
            ..Default::default()
        };
        prop_assert!(website::check(&config).iter().any(|p| p.field == "IndexDocument" && p.code == ProblemCode::Exclusive));
    }

    #[test]
    fn malformed_policy_json_is_refused_with_a_position(cut in 1usize..200) {
        let text = policy::print(&policy::template(policy::PolicyTemplate::RefererAllowList, "b"));
        let cut = cut.min(text.len() - 1);
        let broken = &text[..text.char_indices().map(|(i, _)| i).take_while(|i| *i <= cut).last().unwrap_or(0)];
        let parsed = policy::parse(broken);
        prop_assert!(parsed.document.is_none());
        prop_assert_eq!(parsed.problems[0].code, ProblemCode::JsonSyntax);
        prop_assert!(parsed.problems[0].line.is_some());
    }
}

mod lifecycle_properties {
    use super::*;
    use zos_core::buckets::config::lifecycle::{
        self, AndOperator, Expiration, LifecycleConfiguration, LifecycleRule, RuleFilter, RuleStatus,
        Transition,
    };

    fn rule() -> impl Strategy<Value = LifecycleRule> {
        (
            proptest::option::of(text()),
            any::<bool>(),
            proptest::option::of((
                proptest::option::of(text()),
                proptest::collection::vec((text(), text()), 1..3),
            )),
            1..5000i32,
            proptest::collection::vec(
                (0..400i32, proptest::sample::select(lifecycle::STORAGE_CLASSES.to_vec())),
                0..3,
            ),
        )
            .prop_map(|(id, enabled, and, days, transitions)| LifecycleRule {
                id,
                status: if enabled { RuleStatus::Enabled } else { RuleStatus::Disabled },
                filter: and.map(|(prefix, tags)| RuleFilter {
                    and: Some(AndOperator {
                        prefix,
                        tags: tags.into_iter().map(|(key, value)| Tag { key, value }).collect(),
                    }),
                    ..Default::default()
                }),
                expiration: Some(Expiration { days: Some(days), ..Default::default() }),
                transitions: transitions
                    .into_iter()
                    .map(|(d, c)| Transition { days: Some(d), date: None, storage_class: c.to_owned() })
                    .collect(),
                noncurrent_version_transitions: vec![],
                noncurrent_version_expiration: None,
                abort_incomplete_multipart_upload: None,
            })
    }

    proptest! {
        #[test]
        fn lifecycle_text_round_trips(rules in proptest::collection::vec(rule(), 1..5)) {
            let doc = ConfigDocument::Lifecycle(LifecycleConfiguration { rules });
            prop_assert_eq!(document::parse(ConfigKind::Lifecycle, &document::print(&doc)).document, Some(doc));
        }

        #[test]
        fn normalizing_twice_changes_nothing(rules in proptest::collection::vec(rule(), 1..5)) {
            let once = LifecycleConfiguration { rules }.canonical();
            prop_assert_eq!(once.clone().canonical(), once);
        }

        #[test]
        fn dates_off_midnight_are_refused(day in 0i64..20_000, second in 1i64..86_400) {
            let secs = day * 86_400 + second;
            let date = aws_smithy_types::DateTime::from_secs(secs).fmt(aws_smithy_types::date_time::Format::DateTime).unwrap();
            let mut r = LifecycleRule { id: Some("r".into()), status: RuleStatus::Enabled, filter: None, expiration: None, transitions: vec![], noncurrent_version_transitions: vec![], noncurrent_version_expiration: None, abort_incomplete_multipart_upload: None };
            r.expiration = Some(Expiration { date: Some(date), ..Default::default() });
            let problems = lifecycle::check(&LifecycleConfiguration { rules: vec![r] });
            prop_assert!(problems.iter().any(|p| p.field == "Rules[0].Expiration.Date" && p.code == ProblemCode::Malformed));
        }

        #[test]
        fn unknown_classes_and_tagless_ands_are_refused(class in "[A-Z_]{1,12}") {
            prop_assume!(!lifecycle::STORAGE_CLASSES.contains(&class.as_str()));
            let r = LifecycleRule {
                id: Some("r".into()),
                status: RuleStatus::Enabled,
                filter: Some(RuleFilter { and: Some(AndOperator { prefix: Some("p/".into()), tags: vec![] }), ..Default::default() }),
                expiration: None,
                transitions: vec![Transition { days: Some(1), date: None, storage_class: class }],
                noncurrent_version_transitions: vec![],
                noncurrent_version_expiration: None,
                abort_incomplete_multipart_upload: None,
            };
            let fields: Vec<_> = lifecycle::check(&LifecycleConfiguration { rules: vec![r] }).into_iter().map(|p| p.field).collect();
            prop_assert!(fields.contains(&"Rules[0].Transitions[0].StorageClass".to_owned()));
            prop_assert!(fields.contains(&"Rules[0].Filter.And.Tags".to_owned()));
        }
    }
}

mod object_lock_properties {
    use super::*;
    use zos_core::buckets::config::object_lock::{
        self, DefaultRetention, ObjectLockConfiguration, ObjectLockRule, RetentionMode,
    };

    proptest! {
        #[test]
        fn days_and_years_together_are_refused(days in 1i32..10_000, years in 1i32..100, compliance in any::<bool>()) {
            let mode = if compliance { RetentionMode::Compliance } else { RetentionMode::Governance };
            let both = ObjectLockConfiguration {
                object_lock_enabled: true,
                rule: Some(ObjectLockRule { default_retention: DefaultRetention { mode, days: Some(days), years: Some(years) } }),
            };
            let problems = object_lock::check(&both);
            prop_assert!(problems.iter().any(|p| p.field == "Rule.DefaultRetention.Years" && p.code == ProblemCode::Exclusive));
            let doc = ConfigDocument::ObjectLock(both);
            prop_assert_eq!(document::parse(ConfigKind::ObjectLock, &document::print(&doc)).document, Some(doc));
        }
    }
}
