//! A TCP proxy on loopback that breaks connections on purpose, and notes what it carried.
//!
//! No packaged fault injector is available here, so this one is small and our own: per
//! connection it decides (from a seeded generator) to pass it through, to **reset** it after
//! a random number of bytes (SO_LINGER 0: the peer sees ECONNRESET), or to **stall** it for a
//! while mid-stream. It also records the request lines and `Range` headers the client sent,
//! so a test can tell which parts or ranges were sent again.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[derive(Debug, Clone, Copy)]
pub struct Faults {
    /// Connections (per thousand) reset after a random number of bytes.
    pub reset_per_mille: u32,
    /// Connections (per thousand) that stop for `stall` once, mid-stream.
    pub stall_per_mille: u32,
    pub stall: Duration,
    pub seed: u64,
    /// `(needle, n)`: from the n-th request (1-based) whose request line contains `needle` on,
    /// every such request's connection is reset before the request reaches the server.
    pub reset_requests_from: Option<(&'static str, u64)>,
}

impl Faults {
    pub const NONE: Faults = Faults {
        reset_per_mille: 0,
        stall_per_mille: 0,
        stall: Duration::ZERO,
        seed: 1,
        reset_requests_from: None,
    };
}

#[derive(Debug, Default)]
pub struct Stats {
    pub connections: AtomicU64,
    pub resets: AtomicU64,
    pub stalls: AtomicU64,
    /// Requests matching [`Faults::reset_requests_from`]'s needle seen so far.
    pub matching: AtomicU64,
    /// `"PUT /bucket/key?partNumber=3&uploadId=…"`, `"range: bytes=0-99"`, in the order seen.
    pub requests: Mutex<Vec<String>>,
}

/// A listener on loopback served on a thread and runtime of its own (so it runs whatever the
/// test does): `on_accept` gets each connection, inside that runtime (it may `tokio::spawn`).
pub fn serve_loopback(mut on_accept: impl FnMut(TcpStream) + Send + 'static) -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime =
            tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        runtime.block_on(async move {
            let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            loop {
                let Ok((client, _)) = listener.accept().await else { continue };
                on_accept(client);
            }
        });
    });
    rx.recv().unwrap()
}

pub struct FaultProxy {
    pub addr: SocketAddr,
    pub stats: Arc<Stats>,
}

impl FaultProxy {
    /// Starts the proxy on its own thread and runtime (so it runs whatever the test does).
    pub fn start(upstream: SocketAddr, faults: Faults) -> FaultProxy {
        let stats = Arc::new(Stats::default());
        let thread_stats = stats.clone();
        let mut rng = faults.seed.max(1);
        let addr = serve_loopback(move |client| {
            thread_stats.connections.fetch_add(1, Ordering::Relaxed);
            let roll = (next(&mut rng) % 1000) as u32;
            let fate = if roll < faults.reset_per_mille {
                Fate::Reset(next(&mut rng) % (256 * 1024))
            } else if roll < faults.reset_per_mille + faults.stall_per_mille {
                Fate::Stall(next(&mut rng) % (256 * 1024), faults.stall)
            } else {
                Fate::Pass
            };
            let refuse = faults.reset_requests_from;
            tokio::spawn(carry(client, upstream, fate, refuse, thread_stats.clone()));
        });
        FaultProxy { addr, stats }
    }

    pub fn endpoint(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn requests(&self) -> Vec<String> {
        self.stats.requests.lock().unwrap().clone()
    }

    pub fn clear_requests(&self) {
        self.stats.requests.lock().unwrap().clear();
    }

    pub fn resets(&self) -> u64 {
        self.stats.resets.load(Ordering::Relaxed)
    }
}

#[derive(Clone, Copy)]
enum Fate {
    Pass,
    /// Reset after this many bytes from the client.
    Reset(u64),
    /// Stop for the duration after this many bytes from the client.
    Stall(u64, Duration),
}

fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

async fn carry(
    client: TcpStream,
    upstream: SocketAddr,
    fate: Fate,
    refuse: Option<(&'static str, u64)>,
    stats: Arc<Stats>,
) {
    let Ok(server) = TcpStream::connect(upstream).await else { return };
    let _ = client.set_nodelay(true);
    let _ = server.set_nodelay(true);
    if matches!(fate, Fate::Reset(_)) || refuse.is_some() {
        // Closing then sends RST instead of FIN: the client sees "connection reset".
        #[allow(deprecated)]
        let _ = client.set_linger(Some(Duration::ZERO));
    }
    let (client_read, client_write) = client.into_split();
    let (server_read, server_write) = server.into_split();
    let carried = Arc::new(AtomicU64::new(0));
    let stalled = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (reset_tx, reset_rx) = tokio::sync::watch::channel(false);
    let link = Link { fate, refuse, carried, stalled, reset_tx: Arc::new(reset_tx), stats };
    tokio::join!(
        pump(client_read, server_write, link.clone(), reset_rx.clone(), true),
        pump(server_read, client_write, link, reset_rx, false),
    );
}

#[derive(Clone)]
struct Link {
    fate: Fate,
    refuse: Option<(&'static str, u64)>,
    /// Bytes carried both ways so far.
    carried: Arc<AtomicU64>,
    stalled: Arc<std::sync::atomic::AtomicBool>,
    reset_tx: Arc<tokio::sync::watch::Sender<bool>>,
    stats: Arc<Stats>,
}

async fn pump(
    mut from: tokio::net::tcp::OwnedReadHalf,
    mut to: tokio::net::tcp::OwnedWriteHalf,
    link: Link,
    mut reset: tokio::sync::watch::Receiver<bool>,
    from_client: bool,
) {
    let mut buf = vec![0u8; 64 * 1024];
    let mut tail: Vec<u8> = Vec::new();
    loop {
        let n = tokio::select! {
            read = from.read(&mut buf) => match read {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            },
            _ = reset.changed() => return,
        };
        if from_client {
            let seen = note_requests(&mut tail, &buf[..n], &link.stats);
            if let Some((needle, from)) = link.refuse {
                let matching = seen.iter().filter(|r| r.contains(needle)).count() as u64;
                let before = link.stats.matching.fetch_add(matching, Ordering::Relaxed);
                if matching > 0 && before + matching >= from {
                    link.stats.resets.fetch_add(1, Ordering::Relaxed);
                    let _ = link.reset_tx.send(true);
                    return;
                }
            }
        }
        let total = link.carried.fetch_add(n as u64, Ordering::Relaxed) + n as u64;
        match link.fate {
            Fate::Reset(after) if total >= after => {
                link.stats.resets.fetch_add(1, Ordering::Relaxed);
                let _ = link.reset_tx.send(true);
                return;
            }
            Fate::Stall(after, how_long) if total >= after && !link.stalled.swap(true, Ordering::Relaxed) => {
                link.stats.stalls.fetch_add(1, Ordering::Relaxed);
                tokio::time::sleep(how_long).await;
            }
            _ => {}
        }
        if to.write_all(&buf[..n]).await.is_err() {
            break;
        }
    }
    let _ = to.shutdown().await;
}

/// Notes the request lines and ranges in `data` (with what came before it) and returns them.
fn note_requests(tail: &mut Vec<u8>, data: &[u8], stats: &Stats) -> Vec<String> {
    tail.extend_from_slice(data);
    // Only whole lines are read; the rest waits for the next read.
    let Some(end) = tail.windows(2).rposition(|w| w == b"\r\n") else {
        if tail.len() > 64 * 1024 {
            tail.drain(..tail.len() - 8192);
        }
        return Vec::new();
    };
    let mut found = Vec::new();
    for line in tail[..end].split(|b| *b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if let Some(request) = line.strip_suffix(b" HTTP/1.1") {
            // A request may follow the last one's body on the same line (bodies end without CRLF).
            let start = [&b"GET /"[..], b"PUT /", b"POST /", b"HEAD /", b"DELETE /"]
                .iter()
                .filter_map(|m| request.windows(m.len()).rposition(|w| w == *m))
                .max();
            if let Some(start) = start {
                found.push(String::from_utf8_lossy(&request[start..]).into_owned());
            }
        } else if line.len() > 13 && line[..13].eq_ignore_ascii_case(b"range: bytes=") {
            found.push(String::from_utf8_lossy(line).to_ascii_lowercase());
        }
    }
    tail.drain(..end + 2);
    if !found.is_empty() {
        stats.requests.lock().unwrap().extend(found.iter().cloned());
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_lines_are_found_after_binary_bodies_and_across_reads() {
        let mut stream = Vec::new();
        let mut x: u64 = 7;
        for n in 1..=50 {
            stream.extend_from_slice(
                format!("PUT /b/k?x-id=UploadPart&partNumber={n}&uploadId=u HTTP/1.1\r\nrange: bytes=0-9\r\ncontent-length: 5000\r\n\r\n").as_bytes(),
            );
            for _ in 0..5000 {
                stream.push((next(&mut x) & 0xff) as u8);
            }
        }
        for read_size in [7, 100, 4096, 65536] {
            let stats = Stats::default();
            let mut tail = Vec::new();
            for chunk in stream.chunks(read_size) {
                note_requests(&mut tail, chunk, &stats);
            }
            let requests = stats.requests.lock().unwrap();
            let puts = requests.iter().filter(|r| r.starts_with("PUT ")).count();
            assert_eq!(puts, 50, "reads of {read_size}: {requests:?}");
        }
    }
}
