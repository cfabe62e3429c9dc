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
use zos_journal::JournalHandle;
use zos_transfer::{Clients, ConflictPolicy, Engine, Selection, TransferState};

const USAGE: &str = "usage: zos-dev <command>
  add-profile NAME                    save a profile for $ZOS_TEST_ENDPOINT (secret to the keyring)
  upload-dir BUCKET DIR               create BUCKET if needed and upload DIR's files (keys = paths)
  upload BUCKET PREFIX PATH...        upload files and folders with the transfer engine
  download BUCKET PREFIX DEST KEY...  download keys and folders (KEY ending in /) into DEST
  resume                              resume the unfinished transfers of $ZOS_DEV_JOURNAL
  seed-many BUCKET PREFIX COUNT       put COUNT small objects under PREFIX (64 at a time)
  seed-settings                       give the sandbox buckets settings to look at (photos: policy,
                                      CORS, tags, lifecycle, a notification to a topic; documents:
                                      website; contracts: versions and object lock)
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
        network: Default::default(),
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
            search_endpoint: None,
            network: Default::default(),
        })
        .await
        .map_err(|e| e.to_string())?;
    println!("profile {:?} saved ({}), secret in the keyring", profile.name, profile.id);
    Ok(())
}

/// One client for every profile id (the test server's user).
struct TestClients(aws_sdk_s3::Client);

impl Clients for TestClients {
    fn s3(&self, _profile_id: &str) -> futures::future::BoxFuture<'_, zos_core::Result<aws_sdk_s3::Client>> {
        Box::pin(async move { Ok(self.0.clone()) })
    }
}

/// The engine on a journal file (`ZOS_DEV_JOURNAL`, else in memory), with settings from the
/// environment (`ZOS_DEV_CONCURRENCY`, `ZOS_DEV_PART_MIB`, `ZOS_DEV_THRESHOLD_MIB`) and a
/// progress line on stderr when `ZOS_DEV_PROGRESS=1`.
async fn engine() -> Result<Engine, String> {
    let journal = match std::env::var_os("ZOS_DEV_JOURNAL") {
        Some(path) => JournalHandle::open(Path::new(&path)),
        None => JournalHandle::in_memory(),
    }
    .map_err(|e| e.to_string())?;
    let progress = std::env::var("ZOS_DEV_PROGRESS").is_ok_and(|v| v == "1");
    let sink: zos_transfer::UpdateSink = Box::new(move |u: zos_transfer::TransfersUpdate| {
        if progress {
            for t in &u.changed {
                eprintln!("progress {} {} {}", t.id, t.bytes_done, t.bytes_total);
            }
        }
    });
    let engine = Engine::start(journal, std::sync::Arc::new(TestClients(s3()?)), sink)
        .await
        .map_err(|e| e.to_string())?;
    let mut settings = engine.settings();
    let num = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<u32>().ok());
    if let Some(n) = num("ZOS_DEV_CONCURRENCY") {
        settings.concurrency = n;
    }
    if let Some(n) = num("ZOS_DEV_PART_MIB") {
        settings.part_size_mib = n;
    }
    if let Some(n) = num("ZOS_DEV_THRESHOLD_MIB") {
        settings.multipart_threshold_mib = n;
    }
    settings.conflict_policy = ConflictPolicy::Overwrite;
    engine.set_settings(settings).map_err(|e| e.to_string())?;
    Ok(engine)
}

/// Waits for a transfer and prints its final view as JSON; fails unless it is done.
async fn finish(engine: &Engine, id: i64) -> Result<(), String> {
    let view = engine.wait(id).await.map_err(|e| e.to_string())?;
    engine.send_update(true);
    println!("{}", serde_json::to_string(&view).map_err(|e| e.to_string())?);
    if view.state != TransferState::Done {
        return Err(format!("transfer ended {:?}: {:?}", view.state, view.error));
    }
    Ok(())
}

async fn upload_dir(bucket: &str, dir: &Path) -> Result<(), String> {
    ensure_bucket(&s3()?, bucket).await?;
    let mut sources: Vec<PathBuf> =
        std::fs::read_dir(dir).map_err(|e| e.to_string())?.flatten().map(|e| e.path()).collect();
    sources.sort();
    let engine = engine().await?;
    let view = engine
        .upload("dev", bucket, "", sources, None, Default::default())
        .await
        .map_err(|e| e.to_string())?;
    finish(&engine, view.id).await
}

async fn upload(bucket: &str, prefix: &str, sources: &[String]) -> Result<(), String> {
    ensure_bucket(&s3()?, bucket).await?;
    let engine = engine().await?;
    let view = engine
        .upload("dev", bucket, prefix, sources.iter().map(PathBuf::from).collect(), None, Default::default())
        .await
        .map_err(|e| e.to_string())?;
    finish(&engine, view.id).await
}

async fn download(bucket: &str, prefix: &str, dest: &str, what: &[String]) -> Result<(), String> {
    let (folders, keys): (Vec<String>, Vec<String>) = what.iter().cloned().partition(|k| k.ends_with('/'));
    let engine = engine().await?;
    let view = engine
        .download_to_folder(
            "dev",
            bucket,
            Selection { prefix: prefix.into(), keys, folders },
            PathBuf::from(dest),
            None,
        )
        .await
        .map_err(|e| e.to_string())?;
    finish(&engine, view.id).await
}

/// Resumes every unfinished transfer of the journal (`ZOS_DEV_JOURNAL`).
async fn resume() -> Result<(), String> {
    let engine = engine().await?;
    let waiting: Vec<i64> =
        engine.list().into_iter().filter(|t| t.state == TransferState::Interrupted).map(|t| t.id).collect();
    if waiting.is_empty() {
        return Err("nothing to resume".into());
    }
    for id in waiting {
        engine.resume(id).map_err(|e| e.to_string())?;
        finish(&engine, id).await?;
    }
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

/// Settings on the sandbox's buckets, made with the core's own functions (so they are what the
/// app reads), and a versioned, locked bucket with some history.
async fn seed_settings() -> Result<(), String> {
    use zos_core::buckets::config::{cors, lifecycle, object_lock, policy, tagging, website};
    let s3 = s3()?;
    let e = |what: &str| {
        let what = what.to_owned();
        move |err: zos_core::AppError| format!("{what}: {err}")
    };
    policy::put(
        &s3,
        "photos",
        &policy::print(&policy::template(policy::PolicyTemplate::RefererAllowList, "photos")),
    )
    .await
    .map_err(e("policy"))?;
    let rule = cors::CorsRule {
        id: Some("web-gallery".into()),
        allowed_headers: vec!["x-amz-meta-*".into()],
        allowed_methods: vec![cors::CorsMethod::GET, cors::CorsMethod::HEAD],
        allowed_origins: vec!["https://gallery.example.com".into()],
        expose_headers: vec!["ETag".into()],
        max_age_seconds: Some(3000),
    };
    cors::put(&s3, "photos", &cors::CorsConfiguration { cors_rules: vec![rule] }).await.map_err(e("cors"))?;
    let tag = |k: &str, v: &str| tagging::Tag { key: k.into(), value: v.into() };
    tagging::put_bucket(
        &s3,
        "photos",
        &tagging::TagSet { tag_set: vec![tag("team", "media"), tag("项目", "相册")] },
    )
    .await
    .map_err(e("tags"))?;
    let site = website::WebsiteConfiguration {
        index_document: Some(website::IndexDocument { suffix: "index.html".into() }),
        error_document: Some(website::ErrorDocument { key: "404.html".into() }),
        ..Default::default()
    };
    website::put(&s3, "documents", &site).await.map_err(e("website"))?;
    let rules = serde_json::json!({"Rules": [
        {"ID": "expire-tmp", "Status": "Enabled", "Filter": {"Prefix": "tmp/"}, "Expiration": {"Days": 7}},
        {"ID": "archive-2024", "Status": "Disabled",
         "Filter": {"And": {"Prefix": "2024/", "Tags": [{"Key": "archive", "Value": "yes"}]}},
         "Transitions": [{"Days": 90, "StorageClass": "GLACIER"}]},
        {"ID": "abort-uploads", "Status": "Enabled", "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 7}}
    ]});
    let rules: lifecycle::LifecycleConfiguration =
        serde_json::from_value(rules).map_err(|err| err.to_string())?;
    lifecycle::put(&s3, "photos", &rules).await.map_err(e("lifecycle"))?;

    // contracts: object lock (GOVERNANCE 30 days by default) and a report with history.
    if s3.head_bucket().bucket("contracts").send().await.is_err() {
        s3.create_bucket()
            .bucket("contracts")
            .object_lock_enabled_for_bucket(true)
            .send()
            .await
            .map_err(|err| format!("{err:?}"))?;
    }
    let lock = object_lock::ObjectLockConfiguration {
        object_lock_enabled: true,
        rule: Some(object_lock::ObjectLockRule {
            default_retention: object_lock::DefaultRetention {
                mode: object_lock::RetentionMode::Governance,
                days: Some(30),
                years: None,
            },
        }),
    };
    for text in ["draft 1", "draft 2 (reviewed)", "final, signed"] {
        s3.put_object()
            .bucket("contracts")
            .key("2026/lease.txt")
            .body(ByteStream::from(text.as_bytes().to_vec()))
            .send()
            .await
            .map_err(|err| format!("{err:?}"))?;
    }
    s3.put_object()
        .bucket("contracts")
        .key("2026/offer.txt")
        .body(ByteStream::from_static(b"withdrawn"))
        .send()
        .await
        .map_err(|err| format!("{err:?}"))?;
    s3.delete_object()
        .bucket("contracts")
        .key("2026/offer.txt")
        .send()
        .await
        .map_err(|err| format!("{err:?}"))?;
    object_lock::put(&s3, "contracts", &lock).await.map_err(e("object lock"))?;

    // A persistent topic (queued on the server: a dead endpoint does not slow uploads) and a rule.
    let sns = zos_core::client::build_sns_client(&settings()?).map_err(e("sns client"))?;
    let topic = zos_core::topics::TopicSpec {
        name: "new-photos".into(),
        endpoint: zos_core::topics::PushEndpoint::Http {
            url: "http://127.0.0.1:9/hook".into(),
            verify_ssl: true,
        },
        persistent: true,
        opaque_data: "sandbox".into(),
        extra: vec![],
    };
    let arn = zos_core::topics::create_topic(&sns, &topic).await.map_err(e("topic"))?;
    let rule = zos_core::buckets::config::notification::NotificationRule {
        id: "new-jpegs".into(),
        topic_arn: arn,
        events: vec!["s3:ObjectCreated:*".into()],
        filter: zos_core::buckets::config::notification::NotificationFilter {
            key: vec![zos_core::buckets::config::notification::FilterRule {
                name: "suffix".into(),
                value: ".jpg".into(),
            }],
            ..Default::default()
        },
    };
    zos_core::buckets::config::notification::put(&s3, "photos", &rule).await.map_err(e("notification"))?;
    println!("settings seeded: photos (policy, CORS, tags, lifecycle, a notification), documents (website), contracts (versions, object lock)");
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
    // Warnings (and the engine's retries with ZOS_DEV_LOG=info) on stderr.
    let filter = std::env::var("ZOS_DEV_LOG").unwrap_or_else(|_| "warn".into());
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).try_init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let a = |i: usize| args.get(i).map(String::as_str);
    let result = match (a(0), a(1), a(2), a(3)) {
        (Some("upload"), Some(bucket), Some(prefix), Some(_)) => upload(bucket, prefix, &args[3..]).await,
        (Some("download"), Some(bucket), Some(prefix), Some(dest)) if args.len() > 4 => {
            download(bucket, prefix, dest, &args[4..]).await
        }
        (Some("resume"), None, None, None) => resume().await,
        (Some("add-profile"), Some(name), None, None) => add_profile(name).await,
        (Some("upload-dir"), Some(bucket), Some(dir), None) => upload_dir(bucket, Path::new(dir)).await,
        (Some("seed-many"), Some(bucket), Some(prefix), Some(count)) => match count.parse() {
            Ok(n) => seed_many(bucket, prefix, n).await,
            Err(_) => Err(format!("COUNT must be a number: {count}")),
        },
        (Some("bench-list"), Some(bucket), Some(prefix), None) => bench_list(bucket, prefix).await,
        (Some("seed-settings"), None, None, None) => seed_settings().await,
        (Some("test-connection"), None, None, None) => test_connection().await,
        _ => Err(USAGE.to_owned()),
    };
    if let Err(e) = result {
        eprintln!("zos-dev: {e}");
        std::process::exit(2);
    }
}
