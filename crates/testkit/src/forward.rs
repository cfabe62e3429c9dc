//! A forwarding HTTP proxy on loopback that sends every request to one server, whatever host
//! it names, and notes what the client asked for. Virtual-host addressing needs a wildcard
//! host name (`bucket.s3.zos.test`) that resolves nowhere here: a profile that uses this proxy
//! names any host it likes, and the proxy, not DNS, decides where the bytes go.
//!
//! Per connection it reads one request head in absolute form (`GET http://host:port/path
//! HTTP/1.1`, as a client sends a plain-http request to its proxy), notes the request line's
//! host and path and the `Host` header, rewrites the line to origin form (`GET /path`), asks
//! for `Connection: close` both ways (one request per connection: no body framing to follow)
//! and pipes the rest. `CONNECT` (https through the proxy) is noted and refused.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// One request as the client sent it to the proxy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forwarded {
    pub method: String,
    /// The authority of the request line (`bucket.s3.zos.test:7600`); empty when the line was
    /// in origin form.
    pub authority: String,
    /// Path and query of the request line (`/key?x-id=GetObject`).
    pub path: String,
    /// The `Host` header (empty when there was none).
    pub host: String,
    /// Every header, names lowercased, in the order sent.
    pub headers: Vec<(String, String)>,
}

impl Forwarded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The path without its query.
    pub fn path_only(&self) -> &str {
        self.path.split('?').next().unwrap_or_default()
    }

    /// The region of the SigV4 credential scope (`Credential=AK/20260101/<region>/s3/…`), from
    /// the `Authorization` header or a presigned URL's `X-Amz-Credential`.
    pub fn signed_region(&self) -> Option<String> {
        let scope = match self.header("authorization") {
            Some(auth) => auth.split("Credential=").nth(1)?.split(',').next()?.to_owned(),
            None => {
                let query = self.path.split_once('?')?.1;
                let value = query.split('&').find_map(|p| p.strip_prefix("X-Amz-Credential="))?;
                value.replace("%2F", "/").replace("%2f", "/")
            }
        };
        scope.split('/').nth(2).map(str::to_owned)
    }
}

pub struct Forwarder {
    pub addr: SocketAddr,
    seen: Arc<Mutex<Vec<Forwarded>>>,
}

impl Forwarder {
    /// Starts the proxy on its own thread and runtime (so it runs whatever the test does);
    /// every request goes to `upstream`.
    pub fn start(upstream: SocketAddr) -> Forwarder {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let noted = seen.clone();
        let addr = crate::proxy::serve_loopback(move |client| {
            tokio::spawn(forward(client, upstream, noted.clone()));
        });
        Forwarder { addr, seen }
    }

    /// `http://127.0.0.1:P`, the proxy URL a profile names.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The requests seen since the last call, in the order they came.
    pub fn take(&self) -> Vec<Forwarded> {
        std::mem::take(&mut *self.seen.lock().unwrap())
    }
}

/// Reads a message head up to its blank line: its lines (each ending in CRLF), or `None` at
/// the end of the stream.
async fn read_head(from: &mut (impl AsyncBufRead + Unpin)) -> Option<String> {
    let mut head = String::new();
    loop {
        let mut line = Vec::new();
        if from.read_until(b'\n', &mut line).await.ok()? == 0 || head.len() > 64 * 1024 {
            return None;
        }
        if line == b"\r\n" {
            return Some(head);
        }
        head += &String::from_utf8_lossy(&line);
    }
}

/// The first line and the headers of a head.
fn split_head(head: &str) -> (&str, Vec<(String, String)>) {
    let mut lines = head.split("\r\n");
    let first = lines.next().unwrap_or_default();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    (first, headers)
}

/// The head's first line and its headers, without `Connection`, `Keep-Alive` and
/// `Proxy-Connection` (this hop's business), then `Connection: close`.
fn closing(first_line: &str, headers: &[(String, String)]) -> Vec<u8> {
    let mut head = format!("{first_line}\r\n");
    for (name, value) in headers {
        if !matches!(name.as_str(), "connection" | "keep-alive" | "proxy-connection") {
            head += &format!("{name}: {value}\r\n");
        }
    }
    head += "Connection: close\r\n\r\n";
    head.into_bytes()
}

async fn forward(client: TcpStream, upstream: SocketAddr, seen: Arc<Mutex<Vec<Forwarded>>>) {
    let (client_read, mut client_write) = client.into_split();
    let mut client_read = BufReader::new(client_read);
    let Some(head) = read_head(&mut client_read).await else { return };
    let (line, headers) = split_head(&head);
    let mut parts = line.splitn(3, ' ');
    let (method, target, version) = (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    );
    let (authority, path) = match target.strip_prefix("http://") {
        Some(rest) => {
            let slash = rest.find('/').unwrap_or(rest.len());
            (&rest[..slash], if slash == rest.len() { "/" } else { &rest[slash..] })
        }
        None => ("", target),
    };
    let host = headers.iter().find(|(n, _)| n == "host").map(|(_, v)| v.clone()).unwrap_or_default();
    seen.lock().unwrap().push(Forwarded {
        method: method.to_owned(),
        authority: authority.to_owned(),
        path: path.to_owned(),
        host,
        headers: headers.clone(),
    });
    if method == "CONNECT" {
        let refusal = b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        let _ = client_write.write_all(refusal).await;
        return;
    }
    let Ok(server) = TcpStream::connect(upstream).await else { return };
    let (server_read, mut server_write) = server.into_split();
    if server_write.write_all(&closing(&format!("{method} {path} {version}"), &headers)).await.is_err() {
        return;
    }
    // The body (what the reader holds already first).
    let upload = tokio::spawn(async move {
        let _ = tokio::io::copy_buf(&mut client_read, &mut server_write).await;
        let _ = server_write.shutdown().await;
    });
    let _ = answer(&mut BufReader::new(server_read), &mut client_write).await;
    let _ = client_write.shutdown().await;
    // The answer is complete (the server closed): what the client still sends goes nowhere.
    upload.abort();
}

/// Carries the server's answer, its final head (after any `100 Continue`) with
/// `Connection: close` so that the client sends no other request on this connection.
async fn answer(
    server: &mut (impl AsyncBufRead + Unpin),
    client: &mut (impl AsyncWrite + Unpin),
) -> std::io::Result<()> {
    loop {
        let Some(head) = read_head(server).await else { return Ok(()) };
        let (status, headers) = split_head(&head);
        if status.split(' ').nth(1).is_some_and(|code| code.starts_with('1')) {
            client.write_all(format!("{head}\r\n").as_bytes()).await?;
            continue;
        }
        client.write_all(&closing(status, &headers)).await?;
        tokio::io::copy_buf(server, client).await?;
        return Ok(());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};

    /// A server that reads one request (head and a 5-byte body) and answers with keep-alive.
    fn one_shot_server() -> (SocketAddr, std::thread::JoinHandle<String>) {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let server = std::thread::spawn(move || {
            let (mut conn, _) = listener.accept().unwrap();
            let mut got = Vec::new();
            let mut buf = [0u8; 1024];
            while !got.ends_with(b"hello") {
                let n = conn.read(&mut buf).unwrap();
                assert!(n > 0, "closed early: {}", String::from_utf8_lossy(&got));
                got.extend_from_slice(&buf[..n]);
            }
            conn.write_all(b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok").unwrap();
            String::from_utf8(got).unwrap()
        });
        (addr, server)
    }

    #[test]
    fn a_proxy_request_goes_on_in_origin_form_and_both_sides_are_told_to_close() {
        let (upstream, server) = one_shot_server();
        let forwarder = Forwarder::start(upstream);
        let mut client = std::net::TcpStream::connect(forwarder.addr).unwrap();
        client
            .write_all(b"PUT http://b.s3.zos.test:7000/k?x=1 HTTP/1.1\r\nHost: b.s3.zos.test:7000\r\nAuthorization: AWS4-HMAC-SHA256 Credential=AK/20260101/cn/s3/aws4_request, Signature=0\r\nProxy-Connection: keep-alive\r\nContent-Length: 5\r\n\r\nhello")
            .unwrap();
        let mut answer = String::new();
        client.read_to_string(&mut answer).unwrap();
        assert_eq!(
            answer,
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\ncontent-length: 2\r\nConnection: close\r\n\r\nok"
        );
        let sent = server.join().unwrap();
        assert!(sent.starts_with("PUT /k?x=1 HTTP/1.1\r\nhost: b.s3.zos.test:7000\r\n"), "{sent}");
        assert!(sent.ends_with("content-length: 5\r\nConnection: close\r\n\r\nhello"), "{sent}");
        assert!(!sent.to_ascii_lowercase().contains("proxy-connection"), "{sent}");

        let seen = forwarder.take();
        assert_eq!(seen.len(), 1);
        let r = &seen[0];
        assert_eq!((r.method.as_str(), r.authority.as_str()), ("PUT", "b.s3.zos.test:7000"));
        assert_eq!((r.path.as_str(), r.path_only(), r.host.as_str()), ("/k?x=1", "/k", "b.s3.zos.test:7000"));
        assert_eq!(r.signed_region().as_deref(), Some("cn"));
        assert!(forwarder.take().is_empty());
    }

    #[test]
    fn a_presigned_url_names_its_region_in_the_query() {
        let r = Forwarded {
            method: "GET".into(),
            authority: "h".into(),
            path: "/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AK%2F20260101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=1".into(),
            host: "h".into(),
            headers: vec![],
        };
        assert_eq!(r.signed_region().as_deref(), Some("us-east-1"));
    }
}
