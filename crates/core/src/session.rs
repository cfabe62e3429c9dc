//! A [`Session`] is one profile connected: its S3 and SNS clients (each with its connection
//! pool), built once from the profile and its secret. [`Sessions`] caches one per profile and
//! builds a new one after any profile or secret change.

use crate::buckets::config::capabilities::Capabilities;
use crate::client::{build_s3_client_with, build_sns_client, ConnectionSettings};
use crate::error::Result;
use crate::images::ServerSupport;
use crate::profiles::{Profile, ProfileService};
use crate::ssec::CustomerKeys;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

pub struct Session {
    profile: Profile,
    s3: aws_sdk_s3::Client,
    /// The profile's search endpoint's client, when it names one (else searches use `s3`).
    search_s3: Option<aws_sdk_s3::Client>,
    sns: aws_sdk_sns::Client,
    /// What this server has shown it knows; guards the S3 client's configuration DELETEs.
    capabilities: Capabilities,
    /// Whether the server processes images (`x-zos-process`), once a preview has shown it.
    image_support: ServerSupport,
    /// The customer keys (SSE-C) entered for this profile, in memory only.
    customer_keys: CustomerKeys,
}

impl Session {
    pub fn image_support(&self) -> &ServerSupport {
        &self.image_support
    }

    /// The customer keys (SSE-C) the user entered for this profile; they outlive a rebuilt
    /// session and are gone when the app quits.
    pub fn customer_keys(&self) -> &CustomerKeys {
        &self.customer_keys
    }

    pub fn capabilities(&self) -> &Capabilities {
        &self.capabilities
    }

    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    pub fn s3(&self) -> &aws_sdk_s3::Client {
        &self.s3
    }

    /// Where metadata search is sent: the profile's search endpoint, or the S3 endpoint.
    pub fn search_s3(&self) -> &aws_sdk_s3::Client {
        self.search_s3.as_ref().unwrap_or(&self.s3)
    }

    pub fn sns(&self) -> &aws_sdk_sns::Client {
        &self.sns
    }
}

pub struct Sessions {
    profiles: ProfileService,
    /// profile id → (the profiles' revision it was built at, the session)
    cache: Mutex<HashMap<String, (u64, Arc<Session>)>>,
    /// profile id → its customer keys (SSE-C), kept here so a rebuilt session keeps them.
    customer_keys: Mutex<HashMap<String, CustomerKeys>>,
}

impl Sessions {
    pub fn new(profiles: ProfileService) -> Self {
        Self { profiles, cache: Mutex::default(), customer_keys: Mutex::default() }
    }

    /// The customer keys (SSE-C) of a profile (an empty store on first use).
    pub fn customer_keys(&self, profile_id: &str) -> CustomerKeys {
        self.customer_keys
            .lock()
            .expect("customer keys lock")
            .entry(profile_id.to_owned())
            .or_default()
            .clone()
    }

    /// The session of a profile, connected on first use (the secret is read from the keyring
    /// then, not before).
    pub async fn get(&self, profile_id: &str) -> Result<Arc<Session>> {
        let revision = self.profiles.revision();
        if let Some((built_at, session)) = self.cache.lock().expect("session cache lock").get(profile_id) {
            if *built_at == revision {
                return Ok(session.clone());
            }
        }
        let profile = self.profiles.get(profile_id).await?;
        let settings = self.profiles.settings(&profile, None).await?;
        let capabilities = Capabilities::default();
        let search_s3 = match &profile.search_endpoint {
            // Its own guard: what one gateway knows says nothing of the other.
            Some(endpoint) => Some(build_s3_client_with(
                &ConnectionSettings { endpoint: endpoint.clone(), ..settings.clone() },
                Capabilities::default(),
            )?),
            None => None,
        };
        let session = Arc::new(Session {
            s3: build_s3_client_with(&settings, capabilities.clone())?,
            search_s3,
            sns: build_sns_client(&settings)?,
            capabilities,
            image_support: ServerSupport::default(),
            customer_keys: self.customer_keys(profile_id),
            profile,
        });
        let mut cache = self.cache.lock().expect("session cache lock");
        cache.retain(|_, (built_at, _)| *built_at == revision);
        cache.insert(profile_id.to_owned(), (revision, session.clone()));
        Ok(session)
    }
}
