//! A radosgw serving TLS itself (the beast frontend; civetweb's TLS does not work on Debian 12,
//! test-server trap 13), attached to the test cluster that `tests/rgw/start.sh` started (its
//! ceph.conf is `ZOS_TEST_RGW_CONF`), so the same users and buckets answer over https.
//!
//! One radosgw process runs three beast frontends on loopback, each with its own certificate
//! from a CA made here with `openssl` (the expired one is signed under `faketime`):
//! - `good`: for `127.0.0.1` and `localhost`, valid now;
//! - `wrong_host`: for `zos.example.com` only;
//! - `expired`: for `127.0.0.1`, expired in 2020.
//!
//! The process ([`crate::gateway::ExtraGateway`]) is stopped (by its PID) when the
//! [`TlsGateway`] is dropped.

use crate::gateway::{free_port, ExtraGateway};
use std::path::{Path, PathBuf};
use std::process::Command;

pub struct TlsGateway {
    /// `https://127.0.0.1:P`, trusted with [`TlsGateway::ca_pem`].
    pub good: String,
    /// Same CA, certificate for another host name.
    pub wrong_host: String,
    /// Same CA and host, certificate expired.
    pub expired: String,
    /// The test CA (PEM), which no system trusts.
    pub ca_pem: String,
    pub dir: PathBuf,
    /// Stops the process when the TLS gateway is dropped.
    _gateway: ExtraGateway,
}

fn run(dir: &Path, program: &str, args: &[&str]) {
    let out = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("{program} not runnable ({e}): scripts/install-deps.sh installs it"));
    assert!(out.status.success(), "{program} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// `openssl req` with a new P-256 key written to `key`, then `more` (what to make of it).
fn openssl_req(dir: &Path, key: &str, more: &[&str]) {
    let mut args =
        vec!["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key];
    args.extend(more);
    run(dir, "openssl", &args);
}

/// A leaf certificate signed by the CA in `dir`, written as `<name>.pem` (certificate + key,
/// the form beast's `ssl_certificate` takes). `faketime`: sign as of that date.
fn leaf(dir: &Path, name: &str, san: &str, days: &str, faketime: Option<&str>) {
    let key = format!("{name}.key");
    let csr = format!("{name}.csr");
    let crt = format!("{name}.crt");
    let ext = format!("{name}.ext");
    std::fs::write(dir.join(&ext), format!("subjectAltName={san}\n")).unwrap();
    openssl_req(dir, &key, &["-out", &csr, "-subj", &format!("/CN={name}")]);
    let sign = [
        "x509",
        "-req",
        "-in",
        &csr,
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        &crt,
        "-days",
        days,
        "-extfile",
        &ext,
    ];
    match faketime {
        Some(at) => {
            let mut args = vec![at, "openssl"];
            args.extend(sign);
            run(dir, "faketime", &args);
        }
        None => run(dir, "openssl", &sign),
    }
    let pem =
        std::fs::read_to_string(dir.join(&crt)).unwrap() + &std::fs::read_to_string(dir.join(&key)).unwrap();
    std::fs::write(dir.join(format!("{name}.pem")), pem).unwrap();
}

impl TlsGateway {
    /// Makes the certificates and starts the gateway; waits until all three ports accept.
    pub fn start() -> TlsGateway {
        let dir = std::env::temp_dir().join(format!("zos-tls-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).unwrap();
        openssl_req(
            &dir,
            "ca.key",
            &["-x509", "-out", "ca.pem", "-days", "30", "-subj", "/CN=ZOS Browser Test CA/O=zos-tests"],
        );
        leaf(&dir, "good", "DNS:localhost,IP:127.0.0.1", "30", None);
        leaf(&dir, "wronghost", "DNS:zos.example.com", "30", None);
        leaf(&dir, "expired", "DNS:localhost,IP:127.0.0.1", "2", Some("2020-01-01 00:00:00"));
        let ports = [free_port(), free_port(), free_port()];
        let frontend = |port: u16, name: &str| {
            format!(
                "beast ssl_endpoint=127.0.0.1:{port} ssl_certificate={}",
                dir.join(format!("{name}.pem")).display()
            )
        };
        let frontends =
            [frontend(ports[0], "good"), frontend(ports[1], "wronghost"), frontend(ports[2], "expired")]
                .join(", ");
        let gateway = ExtraGateway::start(&dir, "TLS", &frontends, &[], &ports);
        TlsGateway {
            good: format!("https://127.0.0.1:{}", ports[0]),
            wrong_host: format!("https://127.0.0.1:{}", ports[1]),
            expired: format!("https://127.0.0.1:{}", ports[2]),
            ca_pem: std::fs::read_to_string(dir.join("ca.pem")).unwrap(),
            dir,
            _gateway: gateway,
        }
    }
}
