//! `zos-dev`: developer commands around ZOS Browser — the sandbox profile, sample data and the
//! listing benchmark. Server and keys come from the environment the test radosgw writes
//! (`ZOS_TEST_ENDPOINT`, `ZOS_TEST_REGION`, `ZOS_TEST_ACCESS_KEY`, `ZOS_TEST_SECRET_KEY`), so no
//! secret ever appears on a command line.

use aws_sdk_s3::primitives::ByteStream;
use futures::{stream, StreamExt, TryStreamExt};
use std::path::{Path, PathBuf};
use std::time::Instant;
use zos_core::client::{build_s3_client, ConnectionSettings};
use zos_core::profiles::{ProfileInput, ProfileService};

const USAGE: &str = "usage: zos-dev <command>
  add-profile NAME                    save a profile for $ZOS_TEST_ENDPOINT (secret to the keyring)
  upload-dir BUCKET DIR               create BUCKET if needed and upload DIR's files (keys = paths)
  seed-many BUCKET PREFIX COUNT       put COUNT small objects under PREFIX (64 at a time)
  bench-list BUCKET PREFIX            time the first page and the whole listing of PREFIX
  test-connection                     print the \"Test connection\" report (or error) as JSON";

fn env(name: &str) -> Result<String, String> {
    std::env::var(name).map_err(|_| format!("{name} is not set (source the test radosgw's env file)"))
}

fn settings() -> Result<ConnectionSettings, String> {
    Ok(ConnectionSettings {
        endpoint: env("ZOS_TEST_ENDPOINT")?,
        region: std::env::var("ZOS_TEST_REGION").unwrap_or_else(|_| "default".into()),
        path_style: true,
        access_key_id: env("ZOS_TEST_ACCESS_KEY")?,
        secret_access_key: env("ZOS_TEST_SECRET_KEY")?,
    })
}

fn s3() -> Result<aws_sdk_s3::Client, String> {
    build_s3_client(&settings()?).map_err(|e| e.to_string())
}

async fn ensure_bucket(s3: &aws_sdk_s3::Client, bucket: &str) -> Result<(), String> {
    if s3.head_bucket().bucket(bucket).send().await.is_ok() {
        return Ok(());
    }
    s3.create_bucket().bucket(bucket).send().await.map_err(|e| format!("create {bucket}: {e:?}"))?;
    Ok(())
}

async fn add_profile(name: &str) -> Result<(), String> {
    let s = settings()?;
    let profiles = ProfileService::from_env();
    let existing = profiles.list().await.map_err(|e| e.to_string())?;
    let id = existing.iter().find(|p| p.name == name).map(|p| p.id.clone());
    let profile = profiles
        .save(ProfileInput {
            id,
            name: name.to_owned(),
            endpoint: s.endpoint,
            region: s.region,
            path_style: true,
            access_key_id: s.access_key_id,
            secret_access_key: Some(s.secret_access_key),
        })
        .await
        .map_err(|e| e.to_string())?;
    println!("profile {:?} saved ({}), secret in the keyring", profile.name, profile.id);
    Ok(())
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

async fn upload_dir(bucket: &str, dir: &Path) -> Result<(), String> {
    let s3 = s3()?;
    ensure_bucket(&s3, bucket).await?;
    let files = files_under(dir);
    for f in &files {
        let key = f.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
        zos_core::objects::upload_file(&s3, bucket, &key, f, true).await.map_err(|e| e.to_string())?;
    }
    println!("{bucket}: uploaded {} files from {}", files.len(), dir.display());
    Ok(())
}

async fn seed_many(bucket: &str, prefix: &str, count: usize) -> Result<(), String> {
    let s3 = s3()?;
    ensure_bucket(&s3, bucket).await?;
    let started = Instant::now();
    stream::iter(0..count)
        .map(|i| {
            let s3 = s3.clone();
            let key = format!("{prefix}obj-{i:07}.txt");
            async move {
                s3.put_object().bucket(bucket).key(key).body(ByteStream::from_static(b"zos")).send().await
            }
        })
        .buffer_unordered(64)
        .try_collect::<Vec<_>>()
        .await
        .map_err(|e| format!("seed: {e:?}"))?;
    println!("seeded {count} objects under {bucket}/{prefix} in {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}

async fn bench_list(bucket: &str, prefix: &str) -> Result<(), String> {
    let s3 = s3()?;
    let started = Instant::now();
    let mut token = None;
    let mut first_page = None;
    let mut total = 0usize;
    loop {
        let page = zos_core::objects::list_objects(&s3, bucket, prefix, token, Some(1000))
            .await
            .map_err(|e| e.to_string())?;
        first_page.get_or_insert(started.elapsed());
        total += page.objects.len() + page.folders.len();
        token = page.next_token;
        if token.is_none() {
            break;
        }
    }
    let full = started.elapsed();
    // One line of JSON, read by bench/run.sh.
    println!(
        "{}",
        serde_json::json!({
            "entries": total,
            "first_page_ms": first_page.unwrap().as_secs_f64() * 1000.0,
            "full_listing_s": full.as_secs_f64(),
        })
    );
    Ok(())
}

/// Prints the report or the error as one JSON line; exits 0 either way (the JSON says which).
async fn test_connection() -> Result<(), String> {
    let line = match zos_core::connection::test_connection(&settings()?).await {
        Ok(report) => serde_json::json!({ "ok": report }),
        Err(err) => serde_json::json!({ "error": err }),
    };
    println!("{line}");
    Ok(())
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let a = |i: usize| args.get(i).map(String::as_str);
    let result = match (a(0), a(1), a(2), a(3)) {
        (Some("add-profile"), Some(name), None, None) => add_profile(name).await,
        (Some("upload-dir"), Some(bucket), Some(dir), None) => upload_dir(bucket, Path::new(dir)).await,
        (Some("seed-many"), Some(bucket), Some(prefix), Some(count)) => match count.parse() {
            Ok(n) => seed_many(bucket, prefix, n).await,
            Err(_) => Err(format!("COUNT must be a number: {count}")),
        },
        (Some("bench-list"), Some(bucket), Some(prefix), None) => bench_list(bucket, prefix).await,
        (Some("test-connection"), None, None, None) => test_connection().await,
        _ => Err(USAGE.to_owned()),
    };
    if let Err(e) = result {
        eprintln!("zos-dev: {e}");
        std::process::exit(2);
    }
}
