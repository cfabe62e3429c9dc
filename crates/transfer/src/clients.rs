//! Where the engine gets a profile's S3 client.

use futures::future::BoxFuture;
use zos_core::Result;

/// Where the engine gets a profile's S3 client (the app's session cache; a plain client in
/// tests).
pub trait Clients: Send + Sync + 'static {
    fn s3(&self, profile_id: &str) -> BoxFuture<'_, Result<aws_sdk_s3::Client>>;
}

/// The app's sessions: one connected client per profile.
impl Clients for zos_core::session::Sessions {
    fn s3(&self, profile_id: &str) -> BoxFuture<'_, Result<aws_sdk_s3::Client>> {
        let profile_id = profile_id.to_owned();
        Box::pin(async move { Ok(self.get(&profile_id).await?.s3().clone()) })
    }
}
