//! Connection profiles: what a connection is (everything but its secret, in a JSON file) and
//! its secret (in the OS keyring). [`ProfileService`] is the one door to both; the profile
//! form's checks live here and nowhere else (the UI asks [`check`] through a command).

pub mod exchange;
mod network;
mod secrets;
mod service;
mod store;

pub use network::{
    choose_ca_file, choose_ca_pem, proxy_password_account, CaChange, ChosenCa, NetworkInput, ProfileProxy,
    ProxyMode,
};

pub use secrets::SecretStore;
pub use service::ProfileService;
pub use store::ProfileStore;

use crate::client::{region_problem, RegionProblem};
use crate::error::{AppError, ErrorCode, Result};
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    pub id: String,
    pub name: String,
    pub endpoint: String,
    pub region: String,
    pub path_style: bool,
    pub access_key_id: String,
    /// Where metadata search is answered, when not at `endpoint`: RGW serves md-search from a
    /// zone with the Elasticsearch sync module, often another gateway. Same keys and region.
    #[serde(default)]
    pub search_endpoint: Option<String>,
    /// The endpoint is `http://`: requests and keys' signatures travel unencrypted. Derived from
    /// the endpoint whenever a profile is read; the UI shows a note, it does not decide.
    #[serde(default)]
    pub plain_http: bool,
    /// The CA this profile trusts beside the OS roots, as the dialog shows it (derived from
    /// `ca_pem`).
    #[serde(default)]
    pub ca_certificate: Option<crate::network::CertificateSummary>,
    #[serde(default)]
    pub proxy: ProfileProxy,
    /// The CA's PEM text: kept in the profiles file, never sent to the webview.
    #[serde(skip)]
    pub ca_pem: Option<String>,
}

impl Profile {
    /// Fills in what is derived, not stored.
    fn with_derived(mut self) -> Self {
        self.plain_http = is_plain_http(&self.endpoint);
        self.ca_certificate = network::summary(self.ca_pem.as_deref());
        self
    }
}

/// What the profile form sends. `id: None` creates a profile; `secret_access_key: None` on an
/// existing profile keeps the stored secret.
#[derive(Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ProfileInput {
    pub id: Option<String>,
    pub name: String,
    pub endpoint: String,
    pub region: String,
    pub path_style: bool,
    pub access_key_id: String,
    pub secret_access_key: Option<String>,
    /// Empty or absent: search at `endpoint`.
    #[serde(default)]
    pub search_endpoint: Option<String>,
    /// The profile's own CA and proxy.
    #[serde(default)]
    pub network: NetworkInput,
}

impl std::fmt::Debug for ProfileInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProfileInput")
            .field("id", &self.id)
            .field("name", &self.name)
            .field("endpoint", &self.endpoint)
            .field("access_key_id", &self.access_key_id)
            .field("search_endpoint", &self.search_endpoint)
            .field("network", &self.network)
            .field("secret_access_key", &self.secret_access_key.as_ref().map(|_| "** redacted **"))
            .finish()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum ProfileField {
    Name,
    Endpoint,
    AccessKeyId,
    SecretAccessKey,
    SearchEndpoint,
    ProxyUrl,
    Region,
}

/// Why a field of the profile form cannot be used. The UI has one sentence per reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum ProfileProblem {
    NameMissing,
    EndpointNotUrl,
    EndpointScheme,
    EndpointNoHost,
    /// `http://host/bucket`: the endpoint is the server only.
    EndpointHasPath,
    AccessKeyMissing,
    SecretMissing,
    /// The proxy URL is missing or not `http(s)://host:port` (detail says which).
    ProxyUrlInvalid,
    /// The SDK signs and sends only a region of DNS labels (`us-east-1`, `cn`, `default`).
    RegionNotDnsName,
    /// A dotted region works in path style only.
    RegionDotWithVirtualHost,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct FieldProblem {
    pub field: ProfileField,
    pub reason: ProfileProblem,
    /// The part of the input at fault, for the sentence (EndpointHasPath: the path to remove).
    pub part: Option<String>,
    /// English technical detail, for logs and errors (the UI shows its own sentence).
    pub detail: String,
}

/// The profile form's state as Rust judges it: nothing is saved or sent while `problems` is
/// not empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ProfileCheck {
    pub problems: Vec<FieldProblem>,
    pub plain_http: bool,
}

/// The endpoint rule: `http(s)://host[:port]`, nothing after the authority. Answers the
/// reason, an English detail and the part at fault.
pub fn endpoint_problem(endpoint: &str) -> Option<(ProfileProblem, String)> {
    endpoint_problem_with_part(endpoint).map(|(reason, detail, _)| (reason, detail))
}

fn endpoint_problem_with_part(endpoint: &str) -> Option<(ProfileProblem, String, Option<String>)> {
    let endpoint = endpoint.trim();
    let Ok(uri) = endpoint.parse::<http::Uri>() else {
        return Some((ProfileProblem::EndpointNotUrl, "not a URL".into(), None));
    };
    if !matches!(uri.scheme_str(), Some("http" | "https")) {
        return Some((
            ProfileProblem::EndpointScheme,
            "the URL must start with http:// or https://".into(),
            None,
        ));
    }
    if uri.host().is_none_or(str::is_empty) {
        return Some((ProfileProblem::EndpointNoHost, "the URL has no host".into(), None));
    }
    let rest = uri.path_and_query().map_or("", |p| p.as_str());
    if !rest.is_empty() && rest != "/" {
        return Some((
            ProfileProblem::EndpointHasPath,
            format!("remove {rest:?}: the endpoint is the server only, without a path or query"),
            Some(rest.to_owned()),
        ));
    }
    None
}

pub fn is_plain_http(endpoint: &str) -> bool {
    endpoint.trim().get(..7).is_some_and(|s| s.eq_ignore_ascii_case("http://"))
}

/// Every problem of the form, field by field (empty when it may be saved and sent).
pub fn check(input: &ProfileInput) -> ProfileCheck {
    let mut problems = Vec::new();
    let mut add = |field, reason, detail: &str, part: Option<String>| {
        problems.push(FieldProblem { field, reason, part, detail: detail.into() })
    };
    if input.name.trim().is_empty() {
        add(ProfileField::Name, ProfileProblem::NameMissing, "the profile needs a name", None);
    }
    if let Some((reason, detail, part)) = endpoint_problem_with_part(&input.endpoint) {
        add(ProfileField::Endpoint, reason, &detail, part);
    }
    if let Some(search) = input.search_endpoint.as_deref().filter(|s| !s.trim().is_empty()) {
        if let Some((reason, detail, part)) = endpoint_problem_with_part(search) {
            add(ProfileField::SearchEndpoint, reason, &format!("search endpoint: {detail}"), part);
        }
    }
    if let Some(why) = input.network.proxy.problem() {
        add(ProfileField::ProxyUrl, ProfileProblem::ProxyUrlInvalid, &format!("proxy: {why}"), None);
    }
    // Empty is saved as "default" (to_profile).
    let region = input.region.trim();
    if let Some(why) =
        Some(region).filter(|r| !r.is_empty()).and_then(|r| region_problem(r, input.path_style))
    {
        let reason = match why {
            RegionProblem::NotDnsName => ProfileProblem::RegionNotDnsName,
            RegionProblem::DotWithVirtualHost => ProfileProblem::RegionDotWithVirtualHost,
        };
        add(ProfileField::Region, reason, &format!("region: {}", why.detail()), Some(region.to_owned()));
    }
    if input.access_key_id.trim().is_empty() {
        add(ProfileField::AccessKeyId, ProfileProblem::AccessKeyMissing, "the access key id is empty", None);
    }
    if input.id.is_none() && input.secret_access_key.as_deref().is_none_or(str::is_empty) {
        add(
            ProfileField::SecretAccessKey,
            ProfileProblem::SecretMissing,
            "a new profile needs its secret key",
            None,
        );
    }
    ProfileCheck { problems, plain_http: is_plain_http(&input.endpoint) }
}

impl ProfileInput {
    /// Validation before anything is stored or sent: the first problem of [`check`].
    pub fn validate(&self) -> Result<()> {
        match check(self).problems.into_iter().next() {
            None => Ok(()),
            Some(p) if p.field == ProfileField::Endpoint => {
                Err(AppError::new(ErrorCode::InvalidEndpoint, format!("{:?}: {}", self.endpoint, p.detail)))
            }
            Some(p) if p.field == ProfileField::SearchEndpoint => {
                Err(AppError::new(ErrorCode::InvalidEndpoint, p.detail))
            }
            Some(p) => Err(AppError::invalid_input(p.detail)),
        }
    }

    pub fn to_profile(&self, id: String) -> Profile {
        let region = self.region.trim();
        Profile {
            id,
            name: self.name.trim().to_owned(),
            endpoint: self.endpoint.trim().trim_end_matches('/').to_owned(),
            region: if region.is_empty() { "default".to_owned() } else { region.to_owned() },
            path_style: self.path_style,
            access_key_id: self.access_key_id.trim().to_owned(),
            search_endpoint: self
                .search_endpoint
                .as_deref()
                .map(|s| s.trim().trim_end_matches('/'))
                .filter(|s| !s.is_empty())
                .map(str::to_owned),
            plain_http: false,
            ca_certificate: None,
            proxy: self.network.proxy.normalized(),
            ca_pem: None,
        }
        .with_derived()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ProfileInput {
        ProfileInput {
            id: None,
            name: " Local ".into(),
            endpoint: "http://127.0.0.1:7480/".into(),
            region: "".into(),
            path_style: true,
            access_key_id: "AK".into(),
            secret_access_key: Some("s".into()),
            search_endpoint: None,
            network: Default::default(),
        }
    }

    fn reasons(i: &ProfileInput) -> Vec<ProfileProblem> {
        check(i).problems.into_iter().map(|p| p.reason).collect()
    }

    #[test]
    fn a_region_the_sdk_would_not_send_is_said_in_the_form() {
        let with =
            |region: &str, path_style: bool| ProfileInput { region: region.into(), path_style, ..input() };
        for ok in ["", "default", "cn", "us-east-1", "ZOS-Region-1"] {
            assert_eq!(reasons(&with(ok, false)), [], "{ok:?}");
        }
        for bad in ["My Region", "区域", "a/b", "x_y", "-x", "a..b"] {
            assert_eq!(reasons(&with(bad, true)), [ProfileProblem::RegionNotDnsName], "{bad:?}");
        }
        // A dotted region: path style sends it, virtual-host style cannot.
        assert_eq!(reasons(&with("eu.west", true)), []);
        let problem = check(&with(" eu.west ", false)).problems.remove(0);
        assert_eq!(
            (problem.field, problem.reason, problem.part.as_deref()),
            (ProfileField::Region, ProfileProblem::RegionDotWithVirtualHost, Some("eu.west"))
        );
        assert_eq!(with("a b", true).validate().unwrap_err().code, ErrorCode::InvalidInput);
    }

    #[test]
    fn validation_says_what_is_wrong_before_anything_is_sent() {
        assert!(input().validate().is_ok());
        let mut i = input();
        i.name = " ".into();
        assert!(i.validate().unwrap_err().detail.contains("name"));
        let mut i = input();
        i.secret_access_key = None;
        assert!(i.validate().unwrap_err().detail.contains("secret"));
        let mut i = input();
        i.endpoint = "127.0.0.1:7480".into();
        assert_eq!(i.validate().unwrap_err().code, ErrorCode::InvalidEndpoint);
        let mut i = input();
        i.id = Some("x".into());
        i.secret_access_key = None; // editing keeps the stored secret
        assert!(i.validate().is_ok());
    }

    #[test]
    fn each_field_problem_has_its_reason() {
        let empty = ProfileInput {
            id: None,
            name: "".into(),
            endpoint: "".into(),
            region: "".into(),
            path_style: true,
            access_key_id: " ".into(),
            secret_access_key: Some("".into()),
            search_endpoint: None,
            network: Default::default(),
        };
        assert_eq!(
            reasons(&empty),
            [
                ProfileProblem::NameMissing,
                ProfileProblem::EndpointNotUrl,
                ProfileProblem::AccessKeyMissing,
                ProfileProblem::SecretMissing
            ]
        );
        let endpoint = |e: &str| {
            let mut i = input();
            i.endpoint = e.into();
            reasons(&i)
        };
        assert_eq!(endpoint("ftp://h"), [ProfileProblem::EndpointScheme]);
        assert_eq!(endpoint("127.0.0.1:7480"), [ProfileProblem::EndpointScheme]);
        assert_eq!(endpoint("http://h/bucket"), [ProfileProblem::EndpointHasPath]);
        assert_eq!(endpoint("http://h?x=1"), [ProfileProblem::EndpointHasPath]);
        assert_eq!(endpoint("not a url"), [ProfileProblem::EndpointNotUrl]);
        assert!(endpoint("https://zos.example.com/").is_empty());
        assert!(endpoint("http://[::1]:7480").is_empty());
        let mut i = input();
        i.endpoint = "http://h/bucket".into();
        assert!(check(&i).problems[0].detail.contains("\"/bucket\""));
        assert_eq!(check(&i).problems[0].part.as_deref(), Some("/bucket"));
    }

    #[test]
    fn the_search_endpoint_is_optional_and_checked_like_the_endpoint() {
        let search = |e: Option<&str>| {
            let mut i = input();
            i.search_endpoint = e.map(str::to_owned);
            i
        };
        assert!(check(&search(None)).problems.is_empty());
        assert!(check(&search(Some("  "))).problems.is_empty());
        assert_eq!(search(Some(" ")).to_profile("p".into()).search_endpoint, None);
        let bad = check(&search(Some("http://es-zone/bucket"))).problems;
        assert_eq!(
            (bad[0].field, bad[0].reason),
            (ProfileField::SearchEndpoint, ProfileProblem::EndpointHasPath)
        );
        assert_eq!(search(Some("es.local:8000")).validate().unwrap_err().code, ErrorCode::InvalidEndpoint);
        let p = search(Some(" http://10.0.0.5:8000/ ")).to_profile("p".into());
        assert_eq!(p.search_endpoint.as_deref(), Some("http://10.0.0.5:8000"));
    }

    #[test]
    fn plain_http_is_flagged() {
        assert!(check(&input()).plain_http);
        let mut i = input();
        i.endpoint = "HTTPS://zos.example.com".into();
        assert!(!check(&i).plain_http);
        assert!(input().to_profile("p".into()).plain_http);
    }

    #[test]
    fn profiles_are_normalized() {
        let p = input().to_profile("id1".into());
        assert_eq!(p.endpoint, "http://127.0.0.1:7480");
        assert_eq!(p.region, "default");
        assert_eq!(p.name, "Local");
    }
}
