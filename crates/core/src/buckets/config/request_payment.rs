//! Who pays for requests and downloads (`?requestPayment`): the bucket owner (default) or the
//! requester. No DELETE: set it back to `BucketOwner`.

use super::{read_error, write_error, SubResource};
use crate::error::{AppError, ErrorCode, Result};
use aws_sdk_s3::types::{Payer as SdkPayer, RequestPaymentConfiguration};
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum Payer {
    BucketOwner,
    Requester,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct RequestPayment {
    pub payer: Payer,
}

pub async fn get(s3: &aws_sdk_s3::Client, bucket: &str) -> Result<RequestPayment> {
    let out = s3
        .get_bucket_request_payment()
        .bucket(bucket)
        .send()
        .await
        .map_err(|e| read_error(SubResource::RequestPayment, e))?;
    let payer = match out.payer() {
        Some(SdkPayer::Requester) => Payer::Requester,
        Some(SdkPayer::BucketOwner) | None => Payer::BucketOwner,
        Some(other) => {
            return Err(AppError::new(
                ErrorCode::Unknown,
                format!("unknown payer {:?} from the server", other.as_str()),
            ))
        }
    };
    Ok(RequestPayment { payer })
}

pub async fn put(s3: &aws_sdk_s3::Client, bucket: &str, value: &RequestPayment) -> Result<()> {
    let payer = match value.payer {
        Payer::BucketOwner => SdkPayer::BucketOwner,
        Payer::Requester => SdkPayer::Requester,
    };
    let config = RequestPaymentConfiguration::builder()
        .payer(payer)
        .build()
        .map_err(|e| AppError::invalid_input(e.to_string()))?;
    s3.put_bucket_request_payment()
        .bucket(bucket)
        .request_payment_configuration(config)
        .send()
        .await
        .map_err(write_error)?;
    Ok(())
}
