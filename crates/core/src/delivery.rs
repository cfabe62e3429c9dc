//! "Send a test event": proves that a notification rule delivers, from inside the app. A one-shot
//! HTTP listener on loopback ([`EventListener`]) receives radosgw's POSTs; a temporary topic
//! points at it and a temporary rule copies the tested rule's filters; a small probe object is
//! written (with the metadata and tags the filters ask for) and deleted; then the probe, the rule
//! and the topic are removed again, whatever happened. It only works when the server can reach
//! the listener: the server on this machine, or an address the user types that reaches it.

use crate::buckets::config::notification::{self, NotificationRule};
use crate::error::{AppError, ErrorCode, Result};
use crate::topics::{self, PushEndpoint, TopicSpec};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// How long the check waits for each event.
pub const WAIT: Duration = Duration::from_secs(10);

/// One event as it arrived.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ReceivedEvent {
    /// `ObjectCreated:Put`, `ObjectRemoved:Delete`, …
    pub event_name: String,
    pub key: String,
    pub opaque_data: Option<String>,
    /// The record as sent (JSON), for the curious.
    pub raw: String,
}

/// An HTTP listener that keeps every event record POSTed to it.
pub struct EventListener {
    pub address: String,
    events: Arc<Mutex<Vec<ReceivedEvent>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for EventListener {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn records(body: &[u8]) -> Vec<ReceivedEvent> {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(body) else { return vec![] };
    let list = value.get("Records").and_then(|r| r.as_array()).cloned().unwrap_or_default();
    list.into_iter()
        .map(|r| ReceivedEvent {
            event_name: r.get("eventName").and_then(|v| v.as_str()).unwrap_or_default().to_owned(),
            key: r.pointer("/s3/object/key").and_then(|v| v.as_str()).unwrap_or_default().to_owned(),
            opaque_data: r
                .get("opaqueData")
                .and_then(|v| v.as_str())
                .filter(|s| !s.is_empty())
                .map(str::to_owned),
            raw: r.to_string(),
        })
        .collect()
}

async fn serve_one(mut stream: tokio::net::TcpStream, events: Arc<Mutex<Vec<ReceivedEvent>>>) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    // Reads the head, then Content-Length bytes of body (radosgw sends one event per POST).
    loop {
        let Ok(n) = stream.read(&mut chunk).await else { return };
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(head_end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..head_end]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok())
                .unwrap_or(0);
            if buf.len() >= head_end + 4 + length {
                let body = buf[head_end + 4..head_end + 4 + length].to_vec();
                events.lock().expect("events lock").extend(records(&body));
                let _ = stream
                    .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .await;
                return;
            }
        }
        if buf.len() > 1 << 20 {
            return;
        }
    }
}

impl EventListener {
    /// Listens on `bind` (e.g. `127.0.0.1:0`: any free port on loopback).
    pub async fn start(bind: &str) -> Result<EventListener> {
        let listener =
            TcpListener::bind(bind).await.map_err(|e| AppError::io(&format!("listening on {bind}"), e))?;
        let address =
            listener.local_addr().map_err(|e| AppError::io("the listener's address", e))?.to_string();
        let events: Arc<Mutex<Vec<ReceivedEvent>>> = Arc::default();
        let kept = events.clone();
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(serve_one(stream, kept.clone()));
            }
        });
        Ok(EventListener { address, events, task })
    }

    pub fn events(&self) -> Vec<ReceivedEvent> {
        self.events.lock().expect("events lock").clone()
    }

    /// Waits until an event matches, at most `wait`.
    pub async fn wait_for(
        &self,
        wait: Duration,
        matches: impl Fn(&ReceivedEvent) -> bool,
    ) -> Option<ReceivedEvent> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            if let Some(e) = self.events().into_iter().find(|e| matches(e)) {
                return Some(e);
            }
            if tokio::time::Instant::now() >= deadline {
                return None;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryReport {
    /// The key of the probe object that was written and deleted.
    pub probe_key: String,
    /// Where the events were sent (the listener's address as the server saw it).
    pub listener: String,
    pub created: Option<ReceivedEvent>,
    /// Only asked for when the rule listens to removals.
    pub removed: Option<ReceivedEvent>,
    pub removal_expected: bool,
    /// What was cleaned up afterwards, and anything that could not be.
    pub cleanup_problems: Vec<String>,
}

/// Runs the check for `rule` on `bucket`. `listen_on`: where the listener binds (default
/// `127.0.0.1:0`); `reach_at`: the address the server should post to, when not the same.
pub async fn test_delivery(
    s3: &aws_sdk_s3::Client,
    sns: &aws_sdk_sns::Client,
    bucket: &str,
    rule: &NotificationRule,
    listen_on: Option<&str>,
    reach_at: Option<&str>,
) -> Result<DeliveryReport> {
    if rule.filter.key.iter().any(|f| f.name == "regex") {
        return Err(AppError::invalid_input(
            "a rule with a regex key filter cannot be probed: the app cannot invent a key that matches it",
        ));
    }
    let listener = EventListener::start(listen_on.unwrap_or("127.0.0.1:0")).await?;
    let target = reach_at.map(str::to_owned).unwrap_or_else(|| listener.address.clone());
    let tag = &uuid::Uuid::new_v4().simple().to_string()[..8];
    let name = format!("zos-probe-{tag}");
    let prefix =
        rule.filter.key.iter().find(|f| f.name == "prefix").map(|f| f.value.as_str()).unwrap_or_default();
    let suffix =
        rule.filter.key.iter().find(|f| f.name == "suffix").map(|f| f.value.as_str()).unwrap_or_default();
    let probe_key = format!("{prefix}{name}{suffix}");
    let opaque = format!("zos-browser delivery check {tag}");
    let spec = TopicSpec {
        name: name.clone(),
        endpoint: PushEndpoint::Http { url: format!("http://{target}/"), verify_ssl: false },
        persistent: false,
        opaque_data: opaque.clone(),
        extra: vec![],
    };
    let removal_expected = rule.events.iter().any(|e| e.starts_with("s3:ObjectRemoved") || e == "s3:*");
    let arn = topics::create_topic(sns, &spec).await?;
    let probe_rule = NotificationRule {
        id: name.clone(),
        topic_arn: arn.clone(),
        events: rule.events.clone(),
        filter: rule.filter.clone(),
    };
    let mut report = DeliveryReport {
        probe_key: probe_key.clone(),
        listener: target,
        created: None,
        removed: None,
        removal_expected,
        cleanup_problems: vec![],
    };
    let run = async {
        notification::put(s3, bucket, &probe_rule).await?;
        let metadata = rule
            .filter
            .metadata
            .iter()
            .map(|f| (f.name.trim_start_matches("x-amz-meta-").to_owned(), f.value.clone()))
            .collect();
        let tagging =
            rule.filter.tags.iter().map(|f| format!("{}={}", f.name, f.value)).collect::<Vec<_>>().join("&");
        s3.put_object()
            .bucket(bucket)
            .key(&probe_key)
            .body(aws_sdk_s3::primitives::ByteStream::from_static(b"zos-browser delivery check\n"))
            .set_metadata(Some(metadata))
            .set_tagging(Some(tagging).filter(|t| !t.is_empty()))
            .send()
            .await
            .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchBucket))?;
        report.created = listener
            .wait_for(WAIT, |e| e.key == probe_key && e.event_name.starts_with("ObjectCreated"))
            .await;
        s3.delete_object()
            .bucket(bucket)
            .key(&probe_key)
            .send()
            .await
            .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchKey))?;
        if removal_expected {
            report.removed = listener
                .wait_for(WAIT, |e| e.key == probe_key && e.event_name.starts_with("ObjectRemoved"))
                .await;
        }
        Ok::<(), AppError>(())
    };
    let outcome = run.await;
    // Clean up whatever was made, even after a failure.
    let _ = s3.delete_object().bucket(bucket).key(&probe_key).send().await;
    if let Err(e) = notification::delete(s3, bucket, Some(&name)).await {
        report.cleanup_problems.push(format!("the temporary rule {name}: {e}"));
    }
    if let Err(e) = topics::delete_topic(sns, &arn).await {
        report.cleanup_problems.push(format!("the temporary topic {arn}: {e}"));
    }
    outcome?;
    Ok(report)
}
