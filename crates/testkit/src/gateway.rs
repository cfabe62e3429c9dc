//! An extra radosgw process on the test cluster that `tests/rgw/start.sh` started (its
//! ceph.conf is `ZOS_TEST_RGW_CONF`): the same users and buckets, served with frontends and
//! options of a test's own (TLS certificates, `--rgw-dns-name`, …). The cluster's own gateway
//! keeps doing the background work (gc, lifecycle).
//!
//! The process is stopped (by its PID) when the [`ExtraGateway`] is dropped.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A loopback port that was free a moment ago.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

pub struct ExtraGateway {
    /// Its pid file, log (`radosgw.log`) and output (`radosgw.out`).
    pub dir: PathBuf,
    child: Child,
}

impl Drop for ExtraGateway {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl ExtraGateway {
    /// Starts `radosgw` with `frontends` (`--rgw-frontends`) and `options` (more arguments),
    /// writing its files in `dir`, and waits until every port of `ports` accepts: beast binds
    /// its ports once the zone is loaded, so listening means serving. `what` names it in a
    /// failure ("TLS", "virtual-host").
    pub fn start(dir: &Path, what: &str, frontends: &str, options: &[&str], ports: &[u16]) -> ExtraGateway {
        let conf = std::env::var("ZOS_TEST_RGW_CONF").unwrap_or_else(|_| {
            panic!("ZOS_TEST_RGW_CONF is not set: start the test radosgw with tests/rgw/start.sh and source its env file (tests/run-all.sh does both)")
        });
        std::fs::create_dir_all(dir).unwrap();
        let log = std::fs::File::create(dir.join("radosgw.out")).unwrap();
        let child = Command::new("radosgw")
            .args(["--conf", &conf, "-n", "client.rgw.gw", "-f"])
            .arg("--pid-file")
            .arg(dir.join("radosgw.pid"))
            .arg("--log-file")
            .arg(dir.join("radosgw.log"))
            .args(["--rgw-frontends", frontends])
            // the cluster's own gateway does the background work
            .args(["--rgw-enable-gc-threads=false", "--rgw-enable-lc-threads=false"])
            .args(options)
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .expect("radosgw not runnable: scripts/install-deps.sh installs it");
        let mut gateway = ExtraGateway { dir: dir.to_owned(), child };
        let deadline = Instant::now() + Duration::from_secs(40);
        for &port in ports {
            while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
                if let Some(status) = gateway.child.try_wait().unwrap() {
                    panic!(
                        "radosgw ({what}) exited with {status}; see {}",
                        gateway.dir.join("radosgw.out").display()
                    );
                }
                assert!(Instant::now() < deadline, "radosgw ({what}) not listening on {port} after 40 s");
                std::thread::sleep(Duration::from_millis(200));
            }
        }
        gateway
    }
}
