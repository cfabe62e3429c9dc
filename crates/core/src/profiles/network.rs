//! A profile's network options: its own CA (kept in the profiles file as PEM text, shown to the
//! UI only as a [`CertificateSummary`]) and its proxy (the proxy's password in the keyring,
//! beside the profile's secret key, never in the file or a reply).

use crate::error::{AppError, ErrorCode, Result};
use crate::network::{parse_pem, proxy_url_problem, CertificateSummary, NetworkSettings, ProxySettings};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

/// Which proxy a profile uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum ProxyMode {
    /// The system's `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY` (none set: direct).
    #[default]
    System,
    /// No proxy, whatever the system says.
    Direct,
    /// The proxy at `url`.
    Custom,
}

/// A profile's proxy as the form and the profiles file hold it (its password: keyring only).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ProfileProxy {
    pub mode: ProxyMode,
    /// `http://host:port` (Custom only).
    #[serde(default)]
    pub url: Option<String>,
    /// Proxy user name, when the proxy asks for one (its password goes to the keyring).
    #[serde(default)]
    pub username: Option<String>,
    /// Hosts that bypass the proxy, comma separated, as in `NO_PROXY`.
    #[serde(default)]
    pub no_proxy: Option<String>,
}

impl ProfileProxy {
    /// The form's proxy, trimmed; `url`, `username` and `no_proxy` only where they apply.
    pub fn normalized(&self) -> ProfileProxy {
        let clean =
            |s: &Option<String>| s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
        match self.mode {
            ProxyMode::Custom => ProfileProxy {
                mode: ProxyMode::Custom,
                url: clean(&self.url).map(|u| u.trim_end_matches('/').to_owned()),
                username: clean(&self.username),
                no_proxy: clean(&self.no_proxy),
            },
            mode => ProfileProxy { mode, ..Default::default() },
        }
    }

    /// Why the proxy part of the form cannot be used (English detail), if it cannot.
    pub fn problem(&self) -> Option<String> {
        if self.mode != ProxyMode::Custom {
            return None;
        }
        match self.url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
            None => Some("the proxy needs its URL (http://host:port)".into()),
            Some(url) => proxy_url_problem(url),
        }
    }

    fn settings(&self, password: Option<String>) -> ProxySettings {
        let p = self.normalized();
        match p.mode {
            ProxyMode::System => ProxySettings::System,
            ProxyMode::Direct => ProxySettings::Direct,
            ProxyMode::Custom => ProxySettings::Url {
                url: p.url.unwrap_or_default(),
                password: password.filter(|_| p.username.is_some()),
                username: p.username,
                no_proxy: p.no_proxy,
            },
        }
    }
}

/// What the form says of the profile's CA.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", tag = "kind", content = "handle")]
pub enum CaChange {
    /// Keep the stored one (or none).
    #[default]
    Keep,
    /// Trust only the OS roots again.
    Remove,
    /// The file chosen in the dialog (see [`choose_ca_file`]).
    Chosen(String),
}

/// The network part of the profile form.
#[derive(Clone, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct NetworkInput {
    #[serde(default)]
    pub ca: CaChange,
    #[serde(default)]
    pub proxy: ProfileProxy,
    /// The proxy's password: `None` keeps the stored one, `Some("")` removes it.
    #[serde(default)]
    pub proxy_password: Option<String>,
}

impl std::fmt::Debug for NetworkInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NetworkInput")
            .field("ca", &self.ca)
            .field("proxy", &self.proxy)
            .field("proxy_password", &self.proxy_password.as_ref().map(|_| "** redacted **"))
            .finish()
    }
}

/// What the UI gets for a CA file the user chose: an opaque handle and what the file says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ChosenCa {
    pub handle: String,
    pub summary: CertificateSummary,
}

/// CA files chosen in this run of the app, by handle, until a profile saved with them keeps a
/// copy (the webview holds the handle, never the path or the PEM).
fn chosen() -> &'static Mutex<HashMap<String, Arc<str>>> {
    static CHOSEN: OnceLock<Mutex<HashMap<String, Arc<str>>>> = OnceLock::new();
    CHOSEN.get_or_init(Mutex::default)
}

/// A CA certificate file is a few KiB; a bundle of every root a few hundred.
const MAX_CA_FILE_BYTES: u64 = 4 << 20;

/// Reads and checks the CA file at `path` (chosen by the user in a native dialog).
pub fn choose_ca_file(path: &Path) -> Result<ChosenCa> {
    let size = std::fs::metadata(path).map_err(|e| AppError::io("reading the CA file", e))?.len();
    if size > MAX_CA_FILE_BYTES {
        return Err(AppError::new(
            ErrorCode::CertificateFileInvalid,
            format!("{size} bytes: too big for a CA file"),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| AppError::io("reading the CA file", e))?;
    let pem = String::from_utf8(bytes)
        .map_err(|_| AppError::new(ErrorCode::CertificateFileInvalid, "not a PEM text file (a DER file?)"))?;
    choose_ca_pem(pem)
}

/// As [`choose_ca_file`], from the file's text.
pub fn choose_ca_pem(pem: String) -> Result<ChosenCa> {
    let summary = parse_pem(&pem)?;
    let handle = uuid::Uuid::new_v4().to_string();
    chosen().lock().expect("chosen CA lock").insert(handle.clone(), Arc::from(pem));
    Ok(ChosenCa { handle, summary })
}

/// The PEM a [`CaChange`] leads to, given the stored one.
pub(super) fn resolve_ca(change: &CaChange, stored: Option<String>) -> Result<Option<String>> {
    match change {
        CaChange::Keep => Ok(stored),
        CaChange::Remove => Ok(None),
        CaChange::Chosen(handle) => match chosen().lock().expect("chosen CA lock").get(handle) {
            Some(pem) => Ok(Some(pem.to_string())),
            None => {
                Err(AppError::new(ErrorCode::LocalFileNotChosen, "no CA file was chosen under this handle"))
            }
        },
    }
}

/// The summary the UI shows of a stored PEM (`None`: none, or it no longer parses).
pub(super) fn summary(pem: Option<&str>) -> Option<CertificateSummary> {
    pem.and_then(|p| parse_pem(p).ok())
}

/// Gives `profile` (built from the form) the CA the form means, `stored` being the profile as
/// saved before (an edit), and its summary.
pub(super) fn with_ca(
    mut profile: super::Profile,
    change: &CaChange,
    stored: Option<&super::Profile>,
) -> Result<super::Profile> {
    profile.ca_pem = resolve_ca(change, stored.and_then(|p| p.ca_pem.clone()))?;
    profile.ca_certificate = summary(profile.ca_pem.as_deref());
    Ok(profile)
}

/// Stores, keeps or removes the proxy password in the keyring as the form says: kept only
/// while the profile names a proxy user.
pub(super) fn store_proxy_password(
    secrets: &super::SecretStore,
    profile: &super::Profile,
    password: Option<&str>,
) -> Result<()> {
    let account = proxy_password_account(&profile.id);
    let has_user = profile.proxy.mode == ProxyMode::Custom && profile.proxy.username.is_some();
    match password {
        _ if !has_user => secrets.delete(&account),
        Some("") => secrets.delete(&account),
        Some(pw) => secrets.set(&account, pw),
        None => Ok(()),
    }
}

/// The keyring account of a profile's proxy password.
pub fn proxy_password_account(profile_id: &str) -> String {
    format!("{profile_id}/proxy")
}

/// The network settings of a connection as this profile.
pub(super) fn settings(
    ca_pem: Option<&str>,
    proxy: &ProfileProxy,
    proxy_password: Option<String>,
) -> NetworkSettings {
    NetworkSettings { ca_pem: ca_pem.map(Arc::from), proxy: proxy.settings(proxy_password) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_custom_proxy_needs_a_url_without_credentials() {
        let custom =
            |url: &str| ProfileProxy { mode: ProxyMode::Custom, url: Some(url.into()), ..Default::default() };
        assert_eq!(custom("http://127.0.0.1:8888").problem(), None);
        assert!(custom(" ").problem().is_some());
        assert!(custom("http://user:pw@h:1").problem().is_some());
        let system = ProfileProxy { mode: ProxyMode::System, url: Some("junk".into()), ..Default::default() };
        assert_eq!(system.problem(), None);
        assert_eq!(system.normalized(), ProfileProxy::default());
    }

    #[test]
    fn the_proxy_password_goes_with_a_user_name_only() {
        let p = ProfileProxy {
            mode: ProxyMode::Custom,
            url: Some(" http://h:1/ ".into()),
            username: Some(" ".into()),
            no_proxy: None,
        };
        let ProxySettings::Url { url, username, password, .. } = p.settings(Some("pw".into())) else {
            panic!()
        };
        assert_eq!((url.as_str(), username, password), ("http://h:1", None, None));
    }

    #[test]
    fn a_chosen_ca_resolves_by_handle_only() {
        let pem = include_str!("../../tests/data/test-ca.pem").to_owned();
        let chosen = choose_ca_pem(pem.clone()).unwrap();
        assert_eq!(chosen.summary.subject, "CN=ZOS Test CA, O=ZOS Browser tests");
        assert_eq!(resolve_ca(&CaChange::Chosen(chosen.handle), None).unwrap(), Some(pem.clone()));
        assert_eq!(resolve_ca(&CaChange::Keep, Some(pem.clone())).unwrap(), Some(pem.clone()));
        assert_eq!(resolve_ca(&CaChange::Remove, Some(pem)).unwrap(), None);
        let err = resolve_ca(&CaChange::Chosen("made-up".into()), None).unwrap_err();
        assert_eq!(err.code, ErrorCode::LocalFileNotChosen);
        assert_eq!(choose_ca_pem("no".into()).unwrap_err().code, ErrorCode::CertificateFileInvalid);
    }
}
