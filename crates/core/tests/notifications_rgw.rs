//! Topics and bucket notifications against the real radosgw 16.2 (civetweb frontend: beast
//! aborts on DeleteObjects with a matching notification, trap 4), checked with boto3, and the
//! delivery of real events to a listener on loopback.

use zos_testkit as common;

use common::*;
use std::time::Duration;
use zos_core::buckets::config::notification::{self, FilterRule, NotificationFilter, NotificationRule};
use zos_core::client::build_sns_client;
use zos_core::delivery::{self, EventListener};
use zos_core::topics::{self, PushEndpoint, TopicSpec};
use zos_core::ErrorCode;

fn sns() -> aws_sdk_sns::Client {
    let srv = server();
    build_sns_client(&srv.settings(&srv.user1)).unwrap()
}

fn name(tag: &str) -> String {
    format!("t-{tag}-{}", &uuid::Uuid::new_v4().simple().to_string()[..8])
}

fn spec(name: &str, endpoint: PushEndpoint) -> TopicSpec {
    TopicSpec {
        name: name.into(),
        endpoint,
        persistent: false,
        opaque_data: "opaque 数据".into(),
        extra: vec![("cloudevents".into(), "false".into())],
    }
}

#[tokio::test]
async fn topics_of_each_endpoint_kind_read_back_as_sent() {
    let sns = sns();
    let kinds = [
        PushEndpoint::Http { url: "https://hooks.example.com/zos?x=1".into(), verify_ssl: false },
        PushEndpoint::Amqp {
            url: "amqp://127.0.0.1:5672/vhost".into(),
            exchange: "zos-events".into(),
            ack_level: "routable".into(),
        },
        PushEndpoint::Kafka {
            url: "kafka://127.0.0.1:9092".into(),
            ack_level: "broker".into(),
            use_ssl: true,
            verify_ssl: false,
        },
    ];
    for endpoint in kinds {
        let mut wanted = spec(&name("topic"), endpoint.clone());
        wanted.persistent = matches!(endpoint, PushEndpoint::Amqp { .. });
        let arn = topics::create_topic(&sns, &wanted).await.unwrap();
        let details = topics::get_topic(&sns, &arn).await.unwrap();
        assert_eq!(details.spec.as_ref(), Some(&wanted), "{endpoint:?}: {details:#?}");
        assert_eq!(details.persistent, wanted.persistent);
        assert_eq!(details.opaque_data.as_deref(), Some("opaque 数据"));
        // boto3 sees the same attributes.
        let boto3_view = boto3(&format!(
            "sns = boto3.client('sns', endpoint_url=os.environ['ZOS_TEST_ENDPOINT'], region_name='default', aws_access_key_id=os.environ['ZOS_TEST_ACCESS_KEY'], aws_secret_access_key=os.environ['ZOS_TEST_SECRET_KEY'])\n\
             a = sns.get_topic_attributes(TopicArn={arn:?})['Attributes']\nprint(a['OpaqueData'], json.loads(a['EndPoint'])['EndpointAddress'])"
        ));
        let url = match &endpoint {
            PushEndpoint::Http { url, .. }
            | PushEndpoint::Amqp { url, .. }
            | PushEndpoint::Kafka { url, .. } => url.clone(),
        };
        assert_eq!(boto3_view, format!("opaque 数据 {url}"));
        assert!(topics::list_topics(&sns).await.unwrap().iter().any(|t| t.arn == arn));
        topics::delete_topic(&sns, &arn).await.unwrap();
        topics::delete_topic(&sns, &arn).await.unwrap();
        assert!(
            topics::list_topics(&sns).await.unwrap().iter().all(|t| t.arn != arn),
            "deleted, twice without error"
        );
    }
    // A password in the endpoint over plain http: radosgw refuses, and the error says why.
    let secret = spec(
        &name("topic"),
        PushEndpoint::Amqp {
            url: "amqp://user:pw@127.0.0.1:5672/".into(),
            exchange: "x".into(),
            ack_level: "broker".into(),
        },
    );
    let err = topics::create_topic(&sns, &secret).await.unwrap_err();
    assert!(err.detail.contains("https"), "{err:?}");
    let bad = spec("bad name", PushEndpoint::Http { url: "ftp://x".into(), verify_ssl: true });
    assert_eq!(topics::create_topic(&sns, &bad).await.unwrap_err().code, ErrorCode::InvalidInput);
}

#[tokio::test]
async fn notification_rules_crud_with_get_one_and_delete_one() {
    let (s3, sns) = (server().s3(), sns());
    let bucket = unique_bucket("notif");
    make_bucket(&s3, &bucket).await;
    let arn = topics::create_topic(
        &sns,
        &spec(&name("ntopic"), PushEndpoint::Http { url: "http://127.0.0.1:9/".into(), verify_ssl: true }),
    )
    .await
    .unwrap();
    assert_eq!(notification::get(&s3, &bucket, None).await.unwrap(), vec![]);
    let first = NotificationRule {
        id: "uploads".into(),
        topic_arn: arn.clone(),
        events: vec!["s3:ObjectCreated:*".into()],
        filter: NotificationFilter {
            key: vec![
                FilterRule { name: "prefix".into(), value: "incoming/".into() },
                FilterRule { name: "suffix".into(), value: ".jpg".into() },
            ],
            metadata: vec![FilterRule { name: "x-amz-meta-kind".into(), value: "photo".into() }],
            tags: vec![FilterRule { name: "env".into(), value: "prod".into() }],
        },
    };
    let second = NotificationRule {
        id: "removals".into(),
        topic_arn: arn.clone(),
        events: vec!["s3:ObjectRemoved:Delete".into(), "s3:ObjectRemoved:DeleteMarkerCreated".into()],
        filter: NotificationFilter::default(),
    };
    notification::put(&s3, &bucket, &first).await.unwrap();
    notification::put(&s3, &bucket, &second).await.unwrap();
    let mut all = notification::get(&s3, &bucket, None).await.unwrap();
    all.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(all, vec![second.clone(), first.clone()], "PUT merges by Id; every filter read back");
    // boto3 reads the key filter the same (its model has no metadata/tag filters).
    let boto3_view = boto3(&format!(
        "c = s3.get_bucket_notification_configuration(Bucket={bucket:?})['TopicConfigurations']\nc = [t for t in c if t['Id'] == 'uploads'][0]\nprint(c['TopicArn'], c['Events'], sorted((r['Name'].lower(), r['Value']) for r in c['Filter']['Key']['FilterRules']))"
    ));
    assert_eq!(
        boto3_view,
        format!("{arn} ['s3:ObjectCreated:*'] [('prefix', 'incoming/'), ('suffix', '.jpg')]")
    );
    assert_eq!(
        notification::get(&s3, &bucket, Some("uploads")).await.unwrap(),
        vec![first.clone()],
        "get one"
    );
    notification::delete(&s3, &bucket, Some("uploads")).await.unwrap();
    assert_eq!(notification::get(&s3, &bucket, None).await.unwrap(), vec![second.clone()], "delete one");
    // What boto3 writes, the core reads.
    boto3(&format!(
        "s3.put_bucket_notification_configuration(Bucket={bucket:?}, NotificationConfiguration={{'TopicConfigurations': [{{'Id': 'from-boto3', 'TopicArn': {arn:?}, 'Events': ['s3:ObjectCreated:Put'], 'Filter': {{'Key': {{'FilterRules': [{{'Name': 'prefix', 'Value': 'b/'}}]}}}}}}]}})"
    ));
    let from_boto3 = notification::get(&s3, &bucket, Some("from-boto3")).await.unwrap();
    assert_eq!(from_boto3[0].events, ["s3:ObjectCreated:Put"]);
    assert_eq!(from_boto3[0].filter.key, vec![FilterRule { name: "prefix".into(), value: "b/".into() }]);
    notification::delete(&s3, &bucket, None).await.unwrap();
    assert_eq!(notification::get(&s3, &bucket, None).await.unwrap(), vec![], "delete all");
    assert!(s3.head_bucket().bucket(&bucket).send().await.is_ok(), "and the bucket is still there");
    topics::delete_topic(&sns, &arn).await.unwrap();
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn events_are_delivered_to_a_listener_on_loopback() {
    let (s3, sns) = (server().s3(), sns());
    let bucket = unique_bucket("deliver");
    make_bucket(&s3, &bucket).await;
    let listener = EventListener::start("127.0.0.1:0").await.unwrap();
    let mut topic = spec(
        &name("dtopic"),
        PushEndpoint::Http { url: format!("http://{}/", listener.address), verify_ssl: false },
    );
    topic.opaque_data = "from the test".into();
    topic.extra.clear();
    let arn = topics::create_topic(&sns, &topic).await.unwrap();
    let rule = NotificationRule {
        id: "logs".into(),
        topic_arn: arn.clone(),
        events: vec!["s3:ObjectCreated:*".into(), "s3:ObjectRemoved:*".into()],
        filter: NotificationFilter {
            key: vec![FilterRule { name: "prefix".into(), value: "logs/".into() }],
            ..Default::default()
        },
    };
    notification::put(&s3, &bucket, &rule).await.unwrap();
    put(&s3, &bucket, "logs/app.log", b"match").await;
    put(&s3, &bucket, "other/app.log", b"no match").await;
    let created = listener
        .wait_for(Duration::from_secs(10), |e| e.event_name.starts_with("ObjectCreated"))
        .await
        .expect("the creation event");
    assert_eq!(
        (created.key.as_str(), created.opaque_data.as_deref()),
        ("logs/app.log", Some("from the test")),
        "{created:?}"
    );
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(listener.events().len(), 1, "exactly one event: {:?}", listener.events());
    s3.delete_object().bucket(&bucket).key("logs/app.log").send().await.unwrap();
    let removed = listener
        .wait_for(Duration::from_secs(10), |e| e.event_name.starts_with("ObjectRemoved"))
        .await
        .expect("the removal event");
    assert_eq!(removed.key, "logs/app.log");

    // The app's own check: a temporary topic and rule, a probe object, all cleaned up after.
    let report = delivery::test_delivery(&s3, &sns, &bucket, &rule, None, None).await.unwrap();
    assert!(report.created.is_some() && report.removed.is_some(), "{report:?}");
    assert!(report.probe_key.starts_with("logs/zos-probe-"));
    assert_eq!(report.cleanup_problems, Vec::<String>::new());
    let ids: Vec<String> =
        notification::get(&s3, &bucket, None).await.unwrap().into_iter().map(|r| r.id).collect();
    assert_eq!(ids, ["logs"], "the temporary rule is gone");
    assert!(
        topics::list_topics(&sns).await.unwrap().iter().all(|t| !t.name.starts_with("zos-probe-")),
        "the temporary topic is gone"
    );
    notification::delete(&s3, &bucket, None).await.unwrap();
    topics::delete_topic(&sns, &arn).await.unwrap();
    drop_bucket(&s3, &bucket).await;
}

/// Which signatures radosgw 16.2 takes for topics: SigV4 (what the app's SNS client sends, so
/// every test here is signed that way) and the guide's `signature_version='s3'` (SigV2 in the
/// header) both work; SigV2 in the query string (`v2`) is refused.
#[tokio::test]
async fn topic_calls_signed_with_sigv4_work_and_so_does_the_guides_sigv2() {
    let sns = sns();
    let name = name("sig");
    let arn = topics::create_topic(
        &sns,
        &spec(&name, PushEndpoint::Http { url: "http://127.0.0.1:9/".into(), verify_ssl: true }),
    )
    .await
    .unwrap();
    let answers = boto3(&format!(
        "for sv in ['s3', 'v2']:\n    c = boto3.client('sns', endpoint_url=os.environ['ZOS_TEST_ENDPOINT'], region_name='default', aws_access_key_id=os.environ['ZOS_TEST_ACCESS_KEY'], aws_secret_access_key=os.environ['ZOS_TEST_SECRET_KEY'], config=Config(signature_version=sv))\n    try:\n        print(sv, {arn:?} in [t['TopicArn'] for t in c.list_topics()['Topics']])\n    except Exception as e:\n        print(sv, 'refused')"
    ));
    assert_eq!(answers, "s3 True\nv2 refused");
    topics::delete_topic(&sns, &arn).await.unwrap();
}

/// radosgw's beast frontend aborts on a DeleteObjects that matches a notification (trap 4): in a
/// bucket with rules the app deletes key by key (seen on the wire through a proxy); without rules
/// it still sends one DeleteObjects. Either way every key is gone and the report says so.
#[tokio::test]
async fn deleting_many_in_a_bucket_with_rules_sends_no_delete_objects() {
    let srv = server();
    let proxy = common::proxy::FaultProxy::start(
        srv.endpoint.trim_start_matches("http://").parse().unwrap(),
        common::proxy::Faults::NONE,
    );
    let mut settings = srv.settings(&srv.user1);
    settings.endpoint = proxy.endpoint();
    let via_proxy = zos_core::client::build_s3_client(&settings).unwrap();
    let (s3, sns) = (srv.s3(), sns());
    let arn = topics::create_topic(
        &sns,
        &TopicSpec {
            persistent: true,
            ..spec(
                &name("deltopic"),
                PushEndpoint::Http { url: "http://127.0.0.1:9/".into(), verify_ssl: true },
            )
        },
    )
    .await
    .unwrap();
    let keys: Vec<String> = (0..5).map(|i| format!("d/{i} 文件.txt")).collect();
    for with_rule in [true, false] {
        let bucket = unique_bucket(if with_rule { "delrule" } else { "delplain" });
        make_bucket(&s3, &bucket).await;
        if with_rule {
            let rule = NotificationRule {
                id: "removals".into(),
                topic_arn: arn.clone(),
                events: vec!["s3:ObjectRemoved:*".into()],
                filter: NotificationFilter::default(),
            };
            notification::put(&s3, &bucket, &rule).await.unwrap();
        }
        put_many(&s3, &bucket, keys.clone()).await;
        proxy.clear_requests();
        let report = zos_core::objects::delete_objects(&via_proxy, &bucket, &keys).await.unwrap();
        let mut deleted = report.deleted.clone();
        deleted.sort();
        assert_eq!(deleted, keys, "with_rule={with_rule}");
        assert!(report.failed.is_empty());
        let requests = proxy.requests();
        let batch = requests.iter().filter(|r| r.starts_with("POST ") && r.contains("?delete")).count();
        let single = requests.iter().filter(|r| r.starts_with("DELETE ")).count();
        if with_rule {
            assert_eq!((batch, single), (0, 5), "{requests:?}");
        } else {
            assert_eq!((batch, single), (1, 0), "{requests:?}");
        }
        let left = s3.list_objects_v2().bucket(&bucket).send().await.unwrap();
        assert_eq!(left.key_count(), Some(0));
        if with_rule {
            notification::delete(&s3, &bucket, None).await.unwrap();
        }
        drop_bucket(&s3, &bucket).await;
    }
    topics::delete_topic(&sns, &arn).await.unwrap();
}
