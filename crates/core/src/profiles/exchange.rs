//! Profiles in and out of the app: an export file another user can import (every field but the
//! secret and the id), and the profiles of the AWS CLI's `~/.aws/credentials` + `~/.aws/config`
//! (their secret goes straight to the keyring; replies to the UI never carry it).

use super::network::{NetworkInput, ProfileProxy};
use super::{check, FieldProblem, Profile, ProfileInput, ProfileProblem};
use crate::error::{AppError, ErrorCode, Result};
use crate::network::{parse_pem, CertificateSummary};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const EXPORT_VERSION: u32 = 1;

/// One profile in an export file: no id (the importer makes its own), never a secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ExportedProfile {
    pub name: String,
    pub endpoint: String,
    #[serde(default)]
    pub region: String,
    #[serde(default = "path_style_default")]
    pub path_style: bool,
    pub access_key_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_endpoint: Option<String>,
    /// The profile's own CA certificates (PEM: public, what a colleague's app needs to trust the
    /// company's endpoint), when it has any. Checked again when imported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ca_pem: Option<String>,
    /// The profile's proxy: mode, URL, user name, no-proxy hosts (its password stays in the
    /// exporter's keyring); none for the system's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[specta(optional)]
    pub proxy: Option<ProfileProxy>,
}

fn path_style_default() -> bool {
    true
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ExportFile {
    /// What made the file, for a person who opens it.
    #[serde(default)]
    app: String,
    version: u32,
    profiles: Vec<ExportedProfile>,
}

impl From<&Profile> for ExportedProfile {
    fn from(p: &Profile) -> Self {
        Self {
            name: p.name.clone(),
            endpoint: p.endpoint.clone(),
            region: p.region.clone(),
            path_style: p.path_style,
            access_key_id: p.access_key_id.clone(),
            search_endpoint: p.search_endpoint.clone(),
            ca_pem: p.ca_pem.clone(),
            proxy: Some(p.proxy.clone()).filter(|proxy| *proxy != ProfileProxy::default()),
        }
    }
}

impl ExportedProfile {
    /// The form's input for a new profile from this entry, with the secret the user entered
    /// (or none: it is entered later, by editing the profile).
    pub fn to_input(&self, secret: Option<String>) -> ProfileInput {
        ProfileInput {
            id: None,
            name: self.name.clone(),
            endpoint: self.endpoint.clone(),
            region: self.region.clone(),
            path_style: self.path_style,
            access_key_id: self.access_key_id.clone(),
            secret_access_key: secret.filter(|s| !s.is_empty()),
            search_endpoint: self.search_endpoint.clone(),
            network: NetworkInput { proxy: self.proxy.clone().unwrap_or_default(), ..Default::default() },
        }
    }
}

/// An imported profile as the import dialog shows it: the entry and what the profile form's
/// own rule says about it (a missing secret is not a problem here: it may be entered later).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportCandidate {
    pub profile: ExportedProfile,
    pub problems: Vec<FieldProblem>,
    /// What its CA file says, when it carries one (`None` too when the PEM does not parse: the
    /// import then refuses it with CertificateFileInvalid).
    pub ca: Option<CertificateSummary>,
}

/// The profile form's rule, except that the secret may come later.
pub fn import_problems(input: &ProfileInput) -> Vec<FieldProblem> {
    check(input).problems.into_iter().filter(|p| p.reason != ProfileProblem::SecretMissing).collect()
}

/// The export file of these profiles (pretty JSON, no secret, no id).
pub fn export_profiles(profiles: &[Profile]) -> Vec<u8> {
    let file = ExportFile {
        app: "zos-browser".into(),
        version: EXPORT_VERSION,
        profiles: profiles.iter().map(ExportedProfile::from).collect(),
    };
    serde_json::to_vec_pretty(&file).expect("export serializes")
}

/// Reads an export file: each profile with the form's verdict on it.
pub fn parse_export(bytes: &[u8]) -> Result<Vec<ImportCandidate>> {
    let file: ExportFile = serde_json::from_slice(bytes)
        .map_err(|e| AppError::invalid_input(format!("not a ZOS Browser profiles file: {e}")))?;
    if file.version != EXPORT_VERSION {
        return Err(AppError::invalid_input(format!(
            "profiles file version {} is not known to this app (it reads version {EXPORT_VERSION})",
            file.version
        )));
    }
    Ok(file
        .profiles
        .into_iter()
        .map(|profile| ImportCandidate {
            problems: import_problems(&profile.to_input(None)),
            ca: profile.ca_pem.as_deref().and_then(|pem| parse_pem(pem).ok()),
            profile,
        })
        .collect())
}

/// Writes the export of `profiles` to the file the user chose (a native dialog's path).
pub fn write_export(path: &Path, profiles: &[Profile]) -> Result<()> {
    std::fs::write(path, export_profiles(profiles)).map_err(|e| AppError::io("writing the profiles file", e))
}

/// Reads the export file the user chose (a native dialog's path).
pub fn read_export(path: &Path) -> Result<Vec<ImportCandidate>> {
    parse_export(&std::fs::read(path).map_err(|e| AppError::io("reading the profiles file", e))?)
}

/// A profile of the AWS CLI's files, as the UI sees it: never its secret, only whether there is
/// one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AwsProfile {
    /// The section name (`default`, `zos`, …).
    pub name: String,
    pub access_key_id: String,
    pub has_secret: bool,
    /// `region` from the config file, when set.
    pub region: Option<String>,
    /// `endpoint_url` (top level, or under `s3 =`), when set.
    pub endpoint: Option<String>,
    /// `addressing_style` under `s3 =`: `path` → true, `virtual` → false; unset → None.
    pub path_style: Option<bool>,
}

/// What the AWS CLI's files hold of one profile, the secret included (core only).
#[derive(Clone, Default)]
pub(crate) struct AwsEntry {
    pub public: Option<AwsProfile>,
    pub secret: Option<String>,
}

/// `~/.aws/credentials` and `~/.aws/config`, or the files `AWS_SHARED_CREDENTIALS_FILE` and
/// `AWS_CONFIG_FILE` name, as the AWS CLI finds them.
#[derive(Debug, Clone)]
pub struct AwsFiles {
    pub credentials: PathBuf,
    pub config: PathBuf,
}

impl AwsFiles {
    pub fn default_location() -> Option<Self> {
        let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE")).map(PathBuf::from);
        let from_env = |var: &str, name: &str| {
            std::env::var_os(var)
                .map(PathBuf::from)
                .or_else(|| home.as_ref().map(|h| h.join(".aws").join(name)))
        };
        Some(Self {
            credentials: from_env("AWS_SHARED_CREDENTIALS_FILE", "credentials")?,
            config: from_env("AWS_CONFIG_FILE", "config")?,
        })
    }

    pub fn in_folder(dir: &Path) -> Self {
        Self { credentials: dir.join("credentials"), config: dir.join("config") }
    }

    fn read(path: &Path) -> Result<String> {
        match std::fs::read_to_string(path) {
            Ok(s) => Ok(s),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
            Err(e) => Err(AppError::io(&format!("reading {}", path.display()), e)),
        }
    }

    /// Every profile with an access key, by name.
    pub(crate) fn entries(&self) -> Result<BTreeMap<String, AwsEntry>> {
        let credentials = parse_ini(&Self::read(&self.credentials)?);
        let config = parse_ini(&Self::read(&self.config)?);
        let mut out = BTreeMap::new();
        let config_of = |name: &str| {
            let section = if name == "default" { "default".to_owned() } else { format!("profile {name}") };
            config.get(&section).or_else(|| config.get(name)).cloned().unwrap_or_default()
        };
        let mut names: Vec<String> = credentials.keys().cloned().collect();
        for section in config.keys() {
            let name = section.strip_prefix("profile ").unwrap_or(section).trim().to_owned();
            if !names.contains(&name) {
                names.push(name);
            }
        }
        for name in names {
            let (creds, conf) = (credentials.get(&name).cloned().unwrap_or_default(), config_of(&name));
            let get = |k: &str| creds.get(k).or_else(|| conf.get(k)).filter(|v| !v.is_empty()).cloned();
            let Some(access_key_id) = get("aws_access_key_id") else { continue };
            let secret = get("aws_secret_access_key");
            let style = get("s3.addressing_style");
            out.insert(
                name.clone(),
                AwsEntry {
                    public: Some(AwsProfile {
                        name,
                        access_key_id,
                        has_secret: secret.is_some(),
                        region: get("region"),
                        endpoint: get("s3.endpoint_url").or_else(|| get("endpoint_url")),
                        path_style: style.map(|s| s != "virtual"),
                    }),
                    secret,
                },
            );
        }
        Ok(out)
    }

    /// The profiles the files hold (no secret).
    pub fn profiles(&self) -> Result<Vec<AwsProfile>> {
        Ok(self.entries()?.into_values().filter_map(|e| e.public).collect())
    }
}

/// The INI dialect of the AWS CLI: `[section]`, `key = value`, `#`/`;` comments, and nested
/// settings (`s3 =` followed by indented `key = value` lines, kept as `s3.key`).
fn parse_ini(text: &str) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut out: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let (mut section, mut parent): (Option<String>, Option<String>) = (None, None);
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if line.starts_with('[') && line.ends_with(']') {
            section = Some(line[1..line.len() - 1].trim().to_owned());
            parent = None;
            continue;
        }
        let Some(section) = &section else { continue };
        let Some((key, value)) = line.split_once('=') else { continue };
        let (key, value) = (key.trim().to_ascii_lowercase(), value.trim().to_owned());
        let indented = raw.starts_with([' ', '\t']);
        let entries = out.entry(section.clone()).or_default();
        match (&parent, indented) {
            (Some(p), true) => {
                entries.insert(format!("{p}.{key}"), value);
            }
            _ if value.is_empty() => parent = Some(key),
            _ => {
                parent = None;
                entries.insert(key, value);
            }
        }
    }
    out
}

/// One AWS profile the user chose, with what they set in the import dialog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AwsImportChoice {
    /// The AWS profile (section) name.
    pub aws_profile: String,
    /// The name in this app.
    pub name: String,
    /// Required when the files hold no endpoint_url.
    pub endpoint: String,
    pub region: String,
    pub path_style: bool,
}

impl AwsImportChoice {
    pub(crate) fn to_input(&self, entry: &AwsEntry) -> Result<ProfileInput> {
        let public = entry.public.as_ref().ok_or_else(|| {
            AppError::new(ErrorCode::ProfileNotFound, format!("no AWS profile {:?}", self.aws_profile))
        })?;
        Ok(ProfileInput {
            id: None,
            name: self.name.clone(),
            endpoint: self.endpoint.clone(),
            region: self.region.clone(),
            path_style: self.path_style,
            access_key_id: public.access_key_id.clone(),
            secret_access_key: entry.secret.clone(),
            search_endpoint: None,
            network: Default::default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile() -> Profile {
        ProfileInput {
            id: None,
            name: "Team".into(),
            endpoint: "https://zos.example.com".into(),
            region: "cn".into(),
            path_style: false,
            access_key_id: "AKTEAM".into(),
            secret_access_key: Some("never-exported".into()),
            search_endpoint: Some("http://es:8000".into()),
            network: Default::default(),
        }
        .to_profile("id-123".into())
    }

    #[test]
    fn an_export_carries_the_profiles_ca_and_proxy_but_not_the_proxy_password() {
        let pem = include_str!("../../tests/data/test-ca.pem").to_owned();
        let mut p = profile();
        p.ca_pem = Some(pem.clone());
        p.proxy = ProfileProxy {
            mode: super::super::ProxyMode::Custom,
            url: Some("http://proxy.corp:3128".into()),
            username: Some("alice".into()),
            no_proxy: Some("localhost,.corp".into()),
        };
        let bytes = export_profiles(&[p.clone(), profile()]);
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.contains("BEGIN CERTIFICATE") && text.contains("http://proxy.corp:3128"), "{text}");
        assert!(!text.to_lowercase().contains("password"), "{text}");
        let back = parse_export(&bytes).unwrap();
        assert_eq!(back[0].profile.proxy.as_ref(), Some(&p.proxy));
        assert_eq!(back[0].profile.ca_pem.as_deref(), Some(pem.as_str()));
        assert!(back[0].ca.as_ref().is_some_and(|ca| ca.certificates == 1), "{:?}", back[0].ca);
        assert_eq!(back[0].profile.to_input(None).network.proxy, p.proxy);
        // A profile with neither says nothing of them.
        assert_eq!((back[1].profile.ca_pem.as_deref(), back[1].ca.as_ref()), (None, None));
        assert_eq!(back[1].profile.proxy, None);
    }

    #[test]
    fn an_export_holds_no_secret_and_no_id_and_imports_back() {
        let bytes = export_profiles(&[profile()]);
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(!text.contains("never-exported") && !text.contains("id-123"), "{text}");
        assert!(!text.to_lowercase().contains("secret"), "{text}");
        assert!(text.contains("\"version\": 1"), "{text}");
        let back = parse_export(&bytes).unwrap();
        assert_eq!(back.len(), 1);
        assert!(back[0].problems.is_empty(), "a missing secret is not a problem: {:?}", back[0].problems);
        let input = back[0].profile.to_input(None);
        let p = input.to_profile("new".into());
        assert_eq!((p.name.as_str(), p.region.as_str(), p.path_style), ("Team", "cn", false));
        assert_eq!(p.search_endpoint.as_deref(), Some("http://es:8000"));
    }

    #[test]
    fn import_checks_with_the_profile_forms_rule() {
        let file = br#"{"version": 1, "profiles": [
            {"name": "", "endpoint": "zos:7480", "accessKeyId": "AK"},
            {"name": "ok", "endpoint": "http://h:7480", "accessKeyId": "AK"}]}"#;
        let back = parse_export(file).unwrap();
        let reasons: Vec<_> = back[0].problems.iter().map(|p| p.reason).collect();
        assert_eq!(reasons, [ProfileProblem::NameMissing, ProfileProblem::EndpointScheme]);
        assert!(back[1].problems.is_empty());
        assert!(back[1].profile.path_style, "path style unless the file says otherwise");
        let err = parse_export(br#"{"version": 7, "profiles": []}"#).unwrap_err();
        assert!(err.detail.contains("version 7"), "{err:?}");
        assert_eq!(parse_export(b"[1,2]").unwrap_err().code, ErrorCode::InvalidInput);
    }

    #[test]
    fn aws_files_are_read_as_the_cli_reads_them() {
        let dir = std::env::temp_dir().join(format!("zos-aws-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("credentials"),
            "[default]\naws_access_key_id = AKDEF\naws_secret_access_key = sdef\n\n# comment\n[zos]\naws_access_key_id=AKZOS\naws_secret_access_key= s/zos+key\n[nokey]\nregion = x\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("config"),
            "[default]\nregion = us-east-1\n[profile zos]\nregion = cn\nendpoint_url = http://zos.example.com:7480\ns3 =\n  addressing_style = virtual\n  signature_version = s3v4\n[profile cfgonly]\naws_access_key_id = AKCFG\n",
        )
        .unwrap();
        let files = AwsFiles::in_folder(&dir);
        let profiles = files.profiles().unwrap();
        let names: Vec<_> = profiles.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["cfgonly", "default", "zos"]);
        let zos = &profiles[2];
        assert_eq!(zos.access_key_id, "AKZOS");
        assert!(zos.has_secret);
        assert_eq!(zos.region.as_deref(), Some("cn"));
        assert_eq!(zos.endpoint.as_deref(), Some("http://zos.example.com:7480"));
        assert_eq!(zos.path_style, Some(false));
        assert_eq!(profiles[1].region.as_deref(), Some("us-east-1"));
        assert_eq!(profiles[1].path_style, None);
        assert!(!profiles[0].has_secret);
        let json = serde_json::to_string(&profiles).unwrap();
        assert!(!json.contains("s/zos+key") && !json.contains("sdef"), "no secret in a reply: {json}");
        assert_eq!(files.entries().unwrap()["zos"].secret.as_deref(), Some("s/zos+key"));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
