//! The engine killed mid-transfer (SIGKILL, no chance to clean up) and started again on the
//! same journal: the job resumes, nothing already on the server is sent again, nothing already
//! on disk is fetched again, and the result is byte-identical. The engine runs in `zos-dev`
//! (the app's engine without the window); its requests go through a counting proxy.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use zos_testkit::proxy::{FaultProxy, Faults};
use zos_testkit::*;

const MIB: u64 = 1024 * 1024;
const SIZE: u64 = 1024 * MIB;

fn write_file(path: &Path, size: u64) {
    use std::io::Write;
    let mut file = std::io::BufWriter::with_capacity(4 << 20, std::fs::File::create(path).unwrap());
    let mut x: u64 = 0x9e3779b97f4a7c15;
    let mut block = vec![0u8; 1 << 20];
    for _ in 0..size / block.len() as u64 {
        for chunk in block.chunks_mut(8) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            chunk.copy_from_slice(&x.to_le_bytes());
        }
        file.write_all(&block).unwrap();
    }
    file.flush().unwrap();
}

fn md5_file(path: &Path) -> String {
    let out = Command::new("md5sum").arg(path).output().unwrap();
    String::from_utf8(out.stdout).unwrap().split_whitespace().next().unwrap().to_owned()
}

fn zos_dev(proxy: &FaultProxy, journal: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_zos-dev"));
    cmd.args(args)
        .env("ZOS_TEST_ENDPOINT", proxy.endpoint())
        .env("ZOS_DEV_JOURNAL", journal)
        .env("ZOS_DEV_PROGRESS", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// Runs `zos-dev` and SIGKILLs it once half the bytes have moved.
fn run_and_kill_halfway(mut cmd: Command) {
    let mut child = cmd.spawn().unwrap();
    let stderr = BufReader::new(child.stderr.take().unwrap());
    for line in stderr.lines() {
        let line = line.unwrap();
        let fields: Vec<&str> = line.split_whitespace().collect();
        if let ["progress", _, done, total] = fields.as_slice() {
            let (done, total): (u64, u64) = (done.parse().unwrap(), total.parse().unwrap());
            if total > 0 && done * 2 >= total {
                child.kill().unwrap(); // SIGKILL
                break;
            }
        }
    }
    let status = child.wait().unwrap();
    assert!(!status.success(), "zos-dev finished before it could be killed");
}

fn run_to_end(mut cmd: Command) -> String {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "zos-dev failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_upload_and_download_resume_without_sending_anything_twice() {
    let srv = server();
    let s3 = srv.s3();
    let proxy = FaultProxy::start(srv.endpoint.trim_start_matches("http://").parse().unwrap(), Faults::NONE);
    let bucket = unique_bucket("kill");
    make_bucket(&s3, &bucket).await;
    let dir = temp_dir("kill");
    let src = dir.join("big.bin");
    write_file(&src, SIZE);
    let journal = dir.join("journal.sqlite");

    // --- upload, killed at about 50 % ---
    run_and_kill_halfway(zos_dev(&proxy, &journal, &["upload", &bucket, "", src.to_str().unwrap()]));
    // A part whose bytes had all left before the kill is still stored by the server a moment
    // later: look once the server is done with them.
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    let uploads = s3.list_multipart_uploads().bucket(&bucket).send().await.unwrap();
    let upload = &uploads.uploads()[0];
    let on_server: Vec<i32> = s3
        .list_parts()
        .bucket(&bucket)
        .key("big.bin")
        .upload_id(upload.upload_id().unwrap())
        .send()
        .await
        .unwrap()
        .parts()
        .iter()
        .filter_map(|p| p.part_number())
        .collect();
    assert!(on_server.len() >= 32, "about half of the 128 parts were sent: {on_server:?}");
    proxy.clear_requests();
    run_to_end(zos_dev(&proxy, &journal, &["resume"]));
    let resent: Vec<i32> = proxy
        .requests()
        .iter()
        .filter(|r| r.starts_with("PUT ") && r.contains("uploadId="))
        .filter_map(|r| r.split("partNumber=").nth(1)?.split('&').next()?.parse().ok())
        .collect();
    let twice: Vec<_> = resent.iter().filter(|n| on_server.contains(n)).collect();
    assert!(twice.is_empty(), "parts sent again after the restart: {twice:?}");
    // A part may go out twice *within* a run: a keep-alive connection the server closed just as
    // the part was sent on it (civetweb closes idle connections after 500 ms) fails before the
    // server takes the part, and the engine sends it again. Across the restart, none is resent.
    let mut all: Vec<i32> = on_server.iter().chain(&resent).copied().collect();
    all.sort();
    all.dedup();
    assert_eq!(all, (1..=128).collect::<Vec<_>>(), "every part was sent");
    let head = zos_core::objects::head_object(&s3, &bucket, "big.bin").await.unwrap();
    assert_eq!(head.size, SIZE);
    let got = boto3(&format!(
        "import hashlib\nh = hashlib.md5()\nfor c in s3.get_object(Bucket='{bucket}', Key='big.bin')['Body'].iter_chunks(8 << 20):\n    h.update(c)\nprint(h.hexdigest())"
    ));
    assert_eq!(got, md5_file(&src), "the object is byte-identical to the file");

    // --- download, killed at about 50 % ---
    let dest = dir.join("dest");
    std::fs::create_dir(&dest).unwrap();
    let journal = dir.join("journal-download.sqlite");
    run_and_kill_halfway(zos_dev(
        &proxy,
        &journal,
        &["download", &bucket, "", dest.to_str().unwrap(), "big.bin"],
    ));
    let kept: Vec<u64> = {
        let j = zos_journal::Journal::open(&journal).unwrap();
        let t = j.transfers().unwrap()[0].id;
        let item = j.items(t).unwrap()[0].id;
        j.parts(item).unwrap().iter().map(|p| (p.number as u64 - 1) * 8 * MIB).collect()
    };
    assert!(kept.len() >= 32, "about half of the 128 ranges were kept: {}", kept.len());
    proxy.clear_requests();
    run_to_end(zos_dev(&proxy, &journal, &["resume"]));
    let fetched: Vec<u64> = proxy
        .requests()
        .iter()
        .filter_map(|r| r.strip_prefix("range: bytes=")?.split('-').next()?.parse().ok())
        .collect();
    let again: Vec<_> = fetched.iter().filter(|start| kept.contains(start)).collect();
    assert!(again.is_empty(), "ranges fetched again after the restart: {again:?}");
    assert_eq!(md5_file(&dest.join("big.bin")), md5_file(&src), "the file is byte-identical to the object");
    let leftovers: Vec<_> = std::fs::read_dir(&dest).unwrap().flatten().map(|e| e.file_name()).collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left: {leftovers:?}");
    drop_bucket(&s3, &bucket).await;
    std::fs::remove_dir_all(dir).ok();
}
