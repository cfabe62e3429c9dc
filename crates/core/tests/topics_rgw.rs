//! Topics against the real radosgw, checked with boto3's SNS client.

use zos_testkit as common;

use common::*;

#[tokio::test]
async fn topics_created_by_boto3_are_listed_once() {
    let srv = server();
    let sns = zos_core::client::build_sns_client(&srv.settings(&srv.user1)).unwrap();
    let name = format!("t-topic-{}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
    let arn = boto3(&format!(
        "sns = boto3.client('sns', endpoint_url=os.environ['ZOS_TEST_ENDPOINT'], region_name=os.environ.get('ZOS_TEST_REGION', 'default'),\n\
             aws_access_key_id=os.environ['ZOS_TEST_ACCESS_KEY'], aws_secret_access_key=os.environ['ZOS_TEST_SECRET_KEY'])\n\
         print(sns.create_topic(Name={name:?}, Attributes={{'push-endpoint': 'http://127.0.0.1:9/hook'}})['TopicArn'])"
    ));
    let topics = zos_core::topics::list_topics(&sns).await.unwrap();
    let ours: Vec<_> = topics.iter().filter(|t| t.arn == arn).collect();
    assert_eq!(ours.len(), 1, "{topics:?}");
    assert_eq!(ours[0].name, name);
    sns.delete_topic().topic_arn(&arn).send().await.unwrap();
    let topics = zos_core::topics::list_topics(&sns).await.unwrap();
    assert!(topics.iter().all(|t| t.arn != arn));
}
