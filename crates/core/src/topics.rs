//! SNS-style topics, served by radosgw on the same endpoint as S3.

use crate::error::{AppError, ErrorCode, Result};
use serde::{Deserialize, Serialize};
use specta::Type;

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
