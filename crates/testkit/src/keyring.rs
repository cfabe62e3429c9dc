//! Set-up of tests that keep profiles with the real Secret Service (run them under
//! `tests/with-keyring.sh`): a fresh config folder and a keyring service name of their own, so
//! they never touch the user's entries nor each other's; and what the Secret Service holds,
//! asked through libsecret's own tool.

use std::path::PathBuf;
use std::process::Command;
use zos_core::profiles::{ProfileService, SecretStore};

pub struct KeyringProfiles {
    /// The app's config folder (profiles.json, bookmarks.json).
    pub config: PathBuf,
    /// The keyring service name the secrets are stored under.
    pub service: String,
    pub profiles: ProfileService,
}

impl KeyringProfiles {
    /// `tag` names the config folder (`zos-<tag>-<uuid>` in the temp folder).
    pub fn new(tag: &str) -> KeyringProfiles {
        let config = crate::temp_dir(tag);
        let service = crate::test_service();
        let profiles = ProfileService::new(&config, SecretStore::with_service(&service));
        KeyringProfiles { config, service, profiles }
    }
}

/// The secret the Secret Service holds for `user` under `service` (`secret-tool lookup`).
pub fn secret_tool_lookup(service: &str, user: &str) -> Option<String> {
    let out = Command::new("secret-tool")
        .args(["lookup", "service", service, "username", user])
        .output()
        .expect("secret-tool (libsecret-tools) is installed");
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}
