//! A profile's HTTP(S) proxy, through a real proxy on loopback (Debian's tinyproxy, started here
//! with its own config, port and log): requests go through it (its log shows them), NO_PROXY
//! bypasses it, the system's HTTP(S)_PROXY is followed, https goes through CONNECT, and a proxy
//! that wants credentials gets them from the keyring.

use zos_testkit as common;

use common::tls::TlsGateway;
use common::*;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};
use zos_core::client::ConnectionSettings;
use zos_core::connection::test_connection;
use zos_core::network::{NetworkSettings, ProxySettings};
use zos_core::profiles::{CaChange, ProfileInput, ProfileProxy, ProfileService, ProxyMode, SecretStore};
use zos_core::ErrorCode;

struct Tinyproxy {
    url: String,
    log: PathBuf,
    child: Child,
}

impl Drop for Tinyproxy {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Tinyproxy {
    /// `auth`: a user and password the proxy demands (BasicAuth).
    fn start(auth: Option<(&str, &str)>) -> Tinyproxy {
        let dir = temp_dir("tinyproxy");
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let log = dir.join("tinyproxy.log");
        let mut conf = format!(
            "Port {port}\nListen 127.0.0.1\nTimeout 60\nLogFile \"{}\"\nLogLevel Info\nMaxClients 20\nAllow 127.0.0.1\nDisableViaHeader Yes\n",
            log.display()
        );
        if let Some((user, password)) = auth {
            conf += &format!("BasicAuth {user} {password}\n");
        }
        std::fs::write(dir.join("tinyproxy.conf"), conf).unwrap();
        let child = Command::new("tinyproxy")
            .args(["-d", "-c"])
            .arg(dir.join("tinyproxy.conf"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("tinyproxy not runnable: scripts/install-deps.sh installs it");
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "tinyproxy does not listen on {port}");
            std::thread::sleep(Duration::from_millis(50));
        }
        Tinyproxy { url: format!("http://127.0.0.1:{port}"), log, child }
    }

    /// The requests the proxy logged (its "Request" lines), e.g. `GET http://127.0.0.1:7480/`
    /// or `CONNECT 127.0.0.1:7611`.
    fn requests(&self) -> Vec<String> {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .filter_map(|l| l.split_once("): ").filter(|_| l.contains("Request (file descriptor")))
            .map(|(_, r)| r.trim().to_owned())
            .collect()
    }
}

fn via(endpoint: &str, proxy: ProxySettings, ca: Option<&str>) -> ConnectionSettings {
    let srv = server();
    ConnectionSettings {
        endpoint: endpoint.to_owned(),
        network: NetworkSettings { ca_pem: ca.map(Arc::from), proxy },
        ..srv.settings(&srv.user1)
    }
}

fn proxy(url: &str, no_proxy: Option<&str>) -> ProxySettings {
    ProxySettings::Url { url: url.into(), username: None, password: None, no_proxy: no_proxy.map(Into::into) }
}

#[tokio::test]
async fn requests_go_through_the_profile_proxy_unless_no_proxy_names_the_host() {
    let srv = server();
    let tp = Tinyproxy::start(None);
    let host = srv.endpoint.trim_start_matches("http://").to_owned();

    test_connection(&via(&srv.endpoint, proxy(&tp.url, None), None)).await.unwrap();
    let seen = tp.requests();
    assert!(seen.iter().any(|r| r.starts_with(&format!("GET http://{host}/"))), "{seen:?}");

    let before = tp.requests().len();
    test_connection(&via(&srv.endpoint, proxy(&tp.url, Some("127.0.0.1")), None)).await.unwrap();
    test_connection(&via(&srv.endpoint, ProxySettings::Direct, None)).await.unwrap();
    assert_eq!(tp.requests().len(), before, "NO_PROXY and Direct bypass the proxy");

    // https through CONNECT, with the profile's CA for the server behind it.
    let tls = TlsGateway::start();
    test_connection(&via(&tls.good, proxy(&tp.url, None), Some(&tls.ca_pem))).await.unwrap();
    let port = tls.good.rsplit(':').next().unwrap();
    let seen = tp.requests();
    assert!(seen.iter().any(|r| r.starts_with(&format!("CONNECT 127.0.0.1:{port}"))), "{seen:?}");
    // The tunnel does not change what TLS says about the certificate.
    let err = test_connection(&via(&tls.expired, proxy(&tp.url, None), Some(&tls.ca_pem))).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::TlsExpired, "{err:?}");

    // A proxy that is not there.
    let err =
        test_connection(&via(&srv.endpoint, proxy("http://127.0.0.1:9", None), None)).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::ConnectFailed, "{err:?}");
}

#[tokio::test]
async fn the_system_proxy_variables_are_followed_when_the_profile_says_so() {
    let srv = server();
    let tp = Tinyproxy::start(None);
    // This test binary's only test that reads the proxy variables.
    std::env::set_var("HTTP_PROXY", &tp.url);
    std::env::set_var("NO_PROXY", "example.invalid");
    test_connection(&via(&srv.endpoint, ProxySettings::System, None)).await.unwrap();
    assert_eq!(tp.requests().len(), 1, "{:?}", tp.requests());
    std::env::set_var("NO_PROXY", "127.0.0.1");
    test_connection(&via(&srv.endpoint, ProxySettings::System, None)).await.unwrap();
    assert_eq!(tp.requests().len(), 1, "NO_PROXY bypasses: {:?}", tp.requests());
    std::env::remove_var("HTTP_PROXY");
    std::env::remove_var("NO_PROXY");
}

#[tokio::test]
async fn proxy_credentials_come_from_the_keyring() {
    let srv = server();
    let tp = Tinyproxy::start(Some(("zosuser", "proxy-pw-42")));
    let tls = TlsGateway::start();

    // Without credentials: the proxy's 407, over http and over CONNECT.
    let err = test_connection(&via(&srv.endpoint, proxy(&tp.url, None), None)).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::ProxyAuthRequired, "{err:?}");
    let err = test_connection(&via(&tls.good, proxy(&tp.url, None), Some(&tls.ca_pem))).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::ProxyAuthRequired, "{err:?}");

    // A profile with the proxy user; its password goes to the keyring, not the file.
    let config = temp_dir("proxy-profile");
    let service = test_service();
    let profiles = ProfileService::new(&config, SecretStore::with_service(&service));
    let ca = zos_core::profiles::choose_ca_pem(tls.ca_pem.clone()).unwrap();
    let mut input = ProfileInput { endpoint: tls.good.clone(), ..profile_input(&srv, Some(&srv.user1.1)) };
    input.network.ca = CaChange::Chosen(ca.handle);
    input.network.proxy = ProfileProxy {
        mode: ProxyMode::Custom,
        url: Some(tp.url.clone()),
        username: Some("zosuser".into()),
        no_proxy: None,
    };
    input.network.proxy_password = Some("proxy-pw-42".into());
    // Tested before saving, with the form's password.
    profiles.test_connection(input.clone()).await.unwrap();
    let saved = profiles.save(input).await.unwrap();
    assert_eq!(saved.ca_certificate.as_ref().unwrap().subject, "CN=ZOS Browser Test CA, O=zos-tests");
    let file = std::fs::read_to_string(config.join("profiles.json")).unwrap();
    assert!(!file.contains("proxy-pw-42") && file.contains("zosuser") && file.contains("BEGIN CERTIFICATE"));
    let reply = serde_json::to_string(&profiles.list().await.unwrap()).unwrap();
    assert!(!reply.contains("BEGIN CERTIFICATE") && !reply.contains("proxy-pw-42"), "{reply}");
    let stored = SecretStore::with_service(&service);
    let account = zos_core::profiles::proxy_password_account(&saved.id);
    assert_eq!(stored.get(&account).unwrap().as_deref(), Some("proxy-pw-42"));

    // A new process connects from the file and the keyring alone, through the proxy.
    let again = ProfileService::new(&config, SecretStore::with_service(&service));
    let sessions = zos_core::session::Sessions::new(again.clone());
    let before = tp.requests().len();
    zos_core::buckets::list_buckets(sessions.get(&saved.id).await.unwrap().s3()).await.unwrap();
    assert!(tp.requests().len() > before);

    // Editing without a password keeps it; removing the CA makes the server untrusted again.
    let mut edit = profile_input(&srv, None);
    edit.id = Some(saved.id.clone());
    edit.endpoint = tls.good.clone();
    edit.network.ca = CaChange::Remove;
    edit.network.proxy = saved.proxy.clone();
    let edited = again.save(edit.clone()).await.unwrap();
    assert_eq!(edited.ca_certificate, None);
    assert_eq!(stored.get(&account).unwrap().as_deref(), Some("proxy-pw-42"));
    let err = again.test_connection(edit).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::TlsUntrusted, "{err:?}");

    // Deleting the profile removes the proxy password too.
    again.delete(saved.id.clone()).await.unwrap();
    assert_eq!(stored.get(&account).unwrap(), None);
}
