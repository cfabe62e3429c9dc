//! An S3 **emulator** (moto's server, from PyPI) on loopback, for the few configurations radosgw
//! 16.2 lacks (bucket encryption, access logging): their round trips are checked against it, and
//! every test that uses it says "emulator" in its name. One server per test binary, started on
//! first use, stopped when the binary exits.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};
use zos_core::client::{build_s3_client, ConnectionSettings};

pub struct Emulator {
    pub endpoint: String,
    _child: ChildGuard,
}

struct ChildGuard(Child);

impl Drop for ChildGuard {
    fn drop(&mut self) {
        let _ = self.0.kill();
    }
}

static EMULATOR: OnceLock<Emulator> = OnceLock::new();

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

/// The emulator of this test binary (started on first use; `ZOS_TEST_PYTHON` runs it, as boto3).
pub fn emulator() -> &'static Emulator {
    EMULATOR.get_or_init(|| {
        let python = std::env::var("ZOS_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
        let port = free_port();
        let child = Command::new(&python)
            .args(["-m", "moto.server", "-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{python} -m moto.server (the S3 emulator, PyPI moto[server]): {e}"));
        let child = ChildGuard(child);
        let deadline = Instant::now() + Duration::from_secs(30);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "the moto emulator did not listen on {port} within 30 s");
            std::thread::sleep(Duration::from_millis(100));
        }
        Emulator { endpoint: format!("http://127.0.0.1:{port}"), _child: child }
    })
}

impl Emulator {
    pub fn s3(&self) -> aws_sdk_s3::Client {
        build_s3_client(&ConnectionSettings {
            endpoint: self.endpoint.clone(),
            region: "us-east-1".into(),
            path_style: true,
            access_key_id: "testing".into(),
            secret_access_key: "testing".into(),
            network: Default::default(),
        })
        .unwrap()
    }
}
