//! Where the engine gets a profile's S3 client.

use futures::future::BoxFuture;
use zos_core::Result;

/// Where the engine gets a profile's S3 client (the app's session cache; a plain client in
/// tests).
pub trait Clients: Send + Sync + 'static {
    fn s3(&self, profile_id: &str) -> BoxFuture<'_, Result<aws_sdk_s3::Client>>;

    /// The customer keys (SSE-C) the user entered for this profile (none by default).
    fn customer_keys(&self, _profile_id: &str) -> zos_core::ssec::CustomerKeys {
        zos_core::ssec::CustomerKeys::default()
    }
}

/// The app's sessions: one connected client per profile.
impl Clients for zos_core::session::Sessions {
    fn s3(&self, profile_id: &str) -> BoxFuture<'_, Result<aws_sdk_s3::Client>> {
        let profile_id = profile_id.to_owned();
        Box::pin(async move { Ok(self.get(&profile_id).await?.s3().clone()) })
    }

    fn customer_keys(&self, profile_id: &str) -> zos_core::ssec::CustomerKeys {
        zos_core::session::Sessions::customer_keys(self, profile_id)
    }
}
