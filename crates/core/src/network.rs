//! How one profile reaches its endpoint: an extra certificate authority it trusts beside the
//! operating system's roots, and its HTTP(S) proxy. Both go into the HTTP client that
//! [`crate::client`] builds for that profile only; other profiles are not affected.
//!
//! There is no switch that turns certificate checks off: a private CA is trusted by adding it.
//! A TLS failure is told apart by the rustls error kind in its source chain
//! ([`tls_failure_code`]): not trusted, wrong host name, expired.

use crate::error::{AppError, ErrorCode, Result};
use aws_smithy_http_client::proxy::ProxyConfig;
use aws_smithy_http_client::tls::{self, rustls_provider::CryptoMode, TlsContext, TrustStore};
use aws_smithy_http_client::{Builder, ConnectorBuilder};
use aws_smithy_runtime_api::client::http::SharedHttpClient;
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::CertificateDer;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::error::Error as StdError;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

/// The network side of a connection. The default (no CA of its own, the system's proxy
/// variables) is what every client had before profiles could say more.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct NetworkSettings {
    /// PEM text of certificates trusted in addition to the OS roots (a private CA).
    pub ca_pem: Option<Arc<str>>,
    pub proxy: ProxySettings,
}

impl std::fmt::Debug for NetworkSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NetworkSettings")
            .field("ca_pem", &self.ca_pem.as_ref().map(|p| format!("{} bytes of PEM", p.len())))
            .field("proxy", &self.proxy)
            .finish()
    }
}

/// Which proxy a profile's requests take.
#[derive(Clone, Default, PartialEq, Eq)]
pub enum ProxySettings {
    /// `HTTPS_PROXY` / `HTTP_PROXY` / `ALL_PROXY` and `NO_PROXY` of the environment (none set:
    /// direct). The SDK's own default under the pinned behaviour version.
    #[default]
    System,
    /// Never a proxy, whatever the environment says.
    Direct,
    /// This proxy for http and https (CONNECT for https), except the hosts of `no_proxy`.
    Url { url: String, username: Option<String>, password: Option<String>, no_proxy: Option<String> },
}

impl std::fmt::Debug for ProxySettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::System => f.write_str("System"),
            Self::Direct => f.write_str("Direct"),
            Self::Url { url, username, password, no_proxy } => f
                .debug_struct("Url")
                .field("url", url)
                .field("username", username)
                .field("password", &password.as_ref().map(|_| "** redacted **"))
                .field("no_proxy", no_proxy)
                .finish(),
        }
    }
}

impl ProxySettings {
    fn config(&self) -> Result<ProxyConfig> {
        Ok(match self {
            Self::System => ProxyConfig::from_env(),
            Self::Direct => ProxyConfig::disabled(),
            Self::Url { url, username, password, no_proxy } => {
                check_proxy_url(url)?;
                let mut config = ProxyConfig::all(url.trim())
                    .map_err(|e| AppError::new(ErrorCode::InvalidInput, format!("proxy {url:?}: {e}")))?;
                if let Some(user) = username.as_deref().filter(|u| !u.is_empty()) {
                    config = config.with_basic_auth(user, password.as_deref().unwrap_or(""));
                }
                if let Some(rules) = no_proxy.as_deref().filter(|r| !r.trim().is_empty()) {
                    config = config.no_proxy(rules);
                }
                config
            }
        })
    }
}

/// The proxy URL rule: `http://host:port` (an `https://` proxy is accepted too), nothing after
/// the authority, no credentials in the URL (they belong in the keyring).
pub fn proxy_url_problem(url: &str) -> Option<String> {
    let url = url.trim();
    let Ok(uri) = url.parse::<http::Uri>() else { return Some("not a URL".into()) };
    if !matches!(uri.scheme_str(), Some("http" | "https")) {
        return Some("the proxy URL must start with http:// or https://".into());
    }
    let Some(authority) = uri.authority() else { return Some("the proxy URL has no host".into()) };
    if authority.as_str().contains('@') {
        return Some("put the proxy's user name and password in their own fields, not in the URL".into());
    }
    if authority.host().is_empty() {
        return Some("the proxy URL has no host".into());
    }
    let rest = uri.path_and_query().map_or("", |p| p.as_str());
    if !rest.is_empty() && rest != "/" {
        return Some(format!("remove {rest:?}: a proxy URL is the proxy's address only"));
    }
    None
}

fn check_proxy_url(url: &str) -> Result<()> {
    match proxy_url_problem(url) {
        Some(why) => Err(AppError::invalid_input(format!("proxy {url:?}: {why}"))),
        None => Ok(()),
    }
}

/// The HTTP client of a connection with these settings; `None` for the defaults (the SDK's own
/// client, which follows the system's proxy variables the same way).
pub(crate) fn http_client(network: &NetworkSettings) -> Result<Option<SharedHttpClient>> {
    if network.ca_pem.is_none() && network.proxy == ProxySettings::System {
        return Ok(None);
    }
    let mut trust = TrustStore::default(); // the OS roots ...
    if let Some(pem) = &network.ca_pem {
        parse_pem(pem)?; // (the SDK would panic on a certificate it cannot add)
        trust = trust.with_pem_certificate(pem.as_bytes()); // ... and the profile's own
    }
    let tls = TlsContext::builder()
        .with_trust_store(trust)
        .build()
        .map_err(|e| AppError::new(ErrorCode::TlsError, format!("TLS settings: {e}")))?;
    let proxy = network.proxy.config()?;
    // As the SDK's default client (aws-smithy-runtime's default_https_client), with this TLS
    // context and proxy.
    Ok(Some(Builder::new().build_with_connector_fn(move |settings, components| {
        let mut builder = ConnectorBuilder::default()
            .tls_provider(tls::Provider::Rustls(CryptoMode::AwsLc))
            .tls_context(tls.clone());
        builder.set_connector_settings(settings.cloned());
        if let Some(components) = components {
            builder.set_sleep_impl(components.sleep_impl());
        }
        builder.set_proxy_config(Some(proxy.clone()));
        builder.build()
    })))
}

/// What the profile dialog shows of a CA file (never its path, never the PEM).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CertificateSummary {
    /// The first certificate's subject, e.g. `CN=Example Root CA, O=Example`.
    pub subject: String,
    pub issuer: String,
    /// ISO-8601 UTC.
    pub not_before: String,
    pub not_after: String,
    /// Past `not_after` now (its connections would fail as "expired").
    pub expired: bool,
    /// How many certificates the file holds (a bundle may hold several).
    pub certificates: u32,
}

/// Checks PEM text as the TLS client will use it (every `CERTIFICATE` block parsed and accepted
/// as a trust anchor) and summarizes its first certificate.
pub fn parse_pem(pem: &str) -> Result<CertificateSummary> {
    let bad = |why: String| AppError::new(ErrorCode::CertificateFileInvalid, why);
    let ders = CertificateDer::pem_slice_iter(pem.as_bytes())
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| bad(format!("not a PEM certificate file: {e}")))?;
    let Some(first) = ders.first() else {
        return Err(bad("the file holds no PEM certificate (-----BEGIN CERTIFICATE-----)".into()));
    };
    let mut roots = rustls::RootCertStore::empty();
    for der in &ders {
        roots.add(der.clone()).map_err(|e| bad(format!("a certificate cannot be trusted as a CA: {e}")))?;
    }
    let fields = der::certificate_fields(first).ok_or_else(|| bad("a certificate is malformed".into()))?;
    let now = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
    Ok(CertificateSummary {
        subject: fields.subject,
        issuer: fields.issuer,
        not_before: fields.not_before.iso(),
        not_after: fields.not_after.iso(),
        expired: fields.not_after.unix() < now,
        certificates: ders.len() as u32,
    })
}

/// The code of a TLS failure, from the rustls error in its source chain: not trusted, wrong
/// host name, expired (or not yet valid); any other TLS error is `TlsError`. `None`: not TLS.
pub fn tls_failure_code(err: &(dyn StdError + 'static)) -> Option<ErrorCode> {
    use rustls::CertificateError as C;
    let mut cur: Option<&(dyn StdError + 'static)> = Some(err);
    while let Some(e) = cur {
        if let Some(tls) = e.downcast_ref::<rustls::Error>() {
            return Some(match tls {
                rustls::Error::InvalidCertificate(cert) => match cert {
                    C::UnknownIssuer | C::BadSignature | C::UnhandledCriticalExtension => {
                        ErrorCode::TlsUntrusted
                    }
                    C::NotValidForName | C::NotValidForNameContext { .. } => ErrorCode::TlsWrongHost,
                    C::Expired | C::ExpiredContext { .. } | C::NotValidYet | C::NotValidYetContext { .. } => {
                        ErrorCode::TlsExpired
                    }
                    _ => ErrorCode::TlsError,
                },
                _ => ErrorCode::TlsError,
            });
        }
        // hyper-rustls nests the rustls error two io::Errors deep, and io::Error's source()
        // skips the error it wraps: step into it instead.
        cur = match e.downcast_ref::<std::io::Error>() {
            Some(io) => io.get_ref().map(|inner| inner as &(dyn StdError + 'static)),
            None => e.source(),
        };
    }
    None
}

/// Just enough DER to read a certificate's subject, issuer and validity (RFC 5280 §4.1).
mod der {
    pub(super) struct Fields {
        pub subject: String,
        pub issuer: String,
        pub not_before: Time,
        pub not_after: Time,
    }

    /// (tag, content, rest)
    fn tlv(input: &[u8]) -> Option<(u8, &[u8], &[u8])> {
        let (&tag, rest) = input.split_first()?;
        let (&first, rest) = rest.split_first()?;
        let (len, rest) = if first < 0x80 {
            (first as usize, rest)
        } else {
            let n = (first & 0x7f) as usize;
            if n == 0 || n > 4 || rest.len() < n {
                return None;
            }
            (rest[..n].iter().fold(0usize, |acc, b| (acc << 8) | *b as usize), &rest[n..])
        };
        (rest.len() >= len).then(|| (tag, &rest[..len], &rest[len..]))
    }

    fn expect(input: &[u8], want: u8) -> Option<(&[u8], &[u8])> {
        let (tag, content, rest) = tlv(input)?;
        (tag == want).then_some((content, rest))
    }

    pub(super) fn certificate_fields(der: &[u8]) -> Option<Fields> {
        let (cert, _) = expect(der, 0x30)?;
        let (tbs, _) = expect(cert, 0x30)?;
        let mut rest = tbs;
        if rest.first() == Some(&0xa0) {
            rest = tlv(rest)?.2; // [0] version
        }
        let (_, rest) = expect(rest, 0x02)?; // serial
        let (_, rest) = expect(rest, 0x30)?; // signature algorithm
        let (issuer, rest) = expect(rest, 0x30)?;
        let (validity, rest) = expect(rest, 0x30)?;
        let (subject, _) = expect(rest, 0x30)?;
        let (nb_tag, nb, after) = tlv(validity)?;
        let (na_tag, na, _) = tlv(after)?;
        Some(Fields {
            subject: name(subject)?,
            issuer: name(issuer)?,
            not_before: Time::parse(nb_tag, nb)?,
            not_after: Time::parse(na_tag, na)?,
        })
    }

    fn name(mut rdns: &[u8]) -> Option<String> {
        let mut parts = Vec::new();
        while !rdns.is_empty() {
            let (set, rest) = expect(rdns, 0x31)?;
            rdns = rest;
            let mut atvs = set;
            while !atvs.is_empty() {
                let (atv, rest) = expect(atvs, 0x30)?;
                atvs = rest;
                let (oid, value) = expect(atv, 0x06)?;
                let (vtag, value, _) = tlv(value)?;
                let label = match oid {
                    [0x55, 0x04, 0x03] => "CN".to_owned(),
                    [0x55, 0x04, 0x06] => "C".to_owned(),
                    [0x55, 0x04, 0x07] => "L".to_owned(),
                    [0x55, 0x04, 0x08] => "ST".to_owned(),
                    [0x55, 0x04, 0x0a] => "O".to_owned(),
                    [0x55, 0x04, 0x0b] => "OU".to_owned(),
                    [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x01] => "E".to_owned(),
                    other => other.iter().map(|b| format!("{b:02x}")).collect::<String>(),
                };
                parts.push(format!("{label}={}", text(vtag, value)));
            }
        }
        // In the certificate's own order, as `openssl x509 -subject` prints it.
        Some(parts.join(", "))
    }

    fn text(tag: u8, value: &[u8]) -> String {
        match tag {
            0x1e => {
                let units: Vec<u16> =
                    value.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
                String::from_utf16_lossy(&units)
            }
            0x14 => value.iter().map(|&b| b as char).collect(),
            _ => String::from_utf8_lossy(value).into_owned(),
        }
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub(super) struct Time {
        year: i64,
        month: u32,
        day: u32,
        hour: u32,
        minute: u32,
        second: u32,
    }

    impl Time {
        fn parse(tag: u8, value: &[u8]) -> Option<Time> {
            let s = std::str::from_utf8(value).ok()?.strip_suffix('Z')?;
            let (year, rest) = match tag {
                0x17 => {
                    let yy: i64 = s.get(..2)?.parse().ok()?;
                    (if yy < 50 { 2000 + yy } else { 1900 + yy }, s.get(2..)?)
                }
                0x18 => (s.get(..4)?.parse().ok()?, s.get(4..)?),
                _ => return None,
            };
            let n = |i: usize| rest.get(i..i + 2).and_then(|d| d.parse::<u32>().ok());
            Some(Time {
                year,
                month: n(0)?,
                day: n(2)?,
                hour: n(4)?,
                minute: n(6)?,
                second: n(8).unwrap_or(0),
            })
        }

        pub fn iso(&self) -> String {
            format!(
                "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
                self.year, self.month, self.day, self.hour, self.minute, self.second
            )
        }

        /// Seconds since 1970 (days from civil, proleptic Gregorian).
        pub fn unix(&self) -> i64 {
            let (m, d) = (self.month as i64, self.day as i64);
            let y = if m <= 2 { self.year - 1 } else { self.year };
            let era = y.div_euclid(400);
            let yoe = y - era * 400;
            let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
            let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
            let days = era * 146_097 + doe - 719_468;
            days * 86_400 + self.hour as i64 * 3600 + self.minute as i64 * 60 + self.second as i64
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn times_read_both_asn1_forms() {
            let utc = Time::parse(0x17, b"491231235959Z").unwrap();
            assert_eq!(utc.iso(), "2049-12-31T23:59:59Z");
            let gen = Time::parse(0x18, b"20500101000000Z").unwrap();
            assert_eq!(gen.unix() - utc.unix(), 1);
            assert_eq!(Time::parse(0x17, b"700101000000Z").unwrap().unix(), 0);
            assert_eq!(Time::parse(0x17, b"000301000000Z").unwrap().unix(), 951_868_800);
            assert!(Time::parse(0x17, b"7001010000").is_none());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650
    //   -subj "/CN=ZOS Test CA/O=ZOS Browser tests" (made once for this test)
    const CA: &str = include_str!("../tests/data/test-ca.pem");

    #[test]
    fn a_ca_file_is_summarized() {
        let s = parse_pem(CA).unwrap();
        assert_eq!(s.subject, "CN=ZOS Test CA, O=ZOS Browser tests");
        assert_eq!(s.issuer, s.subject);
        assert!(s.not_after > s.not_before && s.not_after.starts_with("20"), "{s:?}");
        assert_eq!(s.certificates, 1);
        let two = format!("{CA}{CA}");
        assert_eq!(parse_pem(&two).unwrap().certificates, 2);
    }

    #[test]
    fn what_is_not_a_certificate_is_refused_with_a_reason() {
        for bad in ["", "hello", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"] {
            assert_eq!(parse_pem(bad).unwrap_err().code, ErrorCode::CertificateFileInvalid, "{bad:?}");
        }
        let garbage = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
        assert_eq!(parse_pem(garbage).unwrap_err().code, ErrorCode::CertificateFileInvalid);
    }

    #[test]
    fn proxy_urls_are_checked() {
        assert_eq!(proxy_url_problem("http://127.0.0.1:8888"), None);
        assert_eq!(proxy_url_problem("https://proxy.corp:3128/"), None);
        for bad in ["proxy:8888", "socks5://h:1080", "http://u:p@h:1", "http://h:1/x", "no url"] {
            assert!(proxy_url_problem(bad).is_some(), "{bad}");
        }
        let with_password = ProxySettings::Url {
            url: "http://h:1".into(),
            username: Some("u".into()),
            password: Some("hunter2".into()),
            no_proxy: None,
        };
        assert!(!format!("{with_password:?}").contains("hunter2"));
        assert!(with_password.config().is_ok());
    }
}
