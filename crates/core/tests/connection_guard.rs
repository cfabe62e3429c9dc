//! The guard against test-server trap 7, proven both ways: a server that answers a PUT with an
//! error *without reading its body* (as civetweb did for a rejected CreateBucket) and keeps the
//! connection open, then reads the leftover body as the start of the next request. A client
//! that reuses that connection sends its next request into garbage and gets 405; the guarded
//! client opens a new connection. The server is a few lines on loopback, in this test.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use zos_core::client::{build_s3_client, build_s3_client_without_connection_guard, ConnectionSettings};

const LIST_BUCKETS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListAllMyBucketsResult><Owner><ID>u</ID></Owner><Buckets></Buckets></ListAllMyBucketsResult>";

fn respond(stream: &mut TcpStream, status: &str, body: &str) {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: application/xml\r\nContent-Length: {}\r\nx-amz-request-id: tx-guard\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).and_then(|_| stream.write_all(body.as_bytes())).ok();
}

/// Serves each connection: PUT → 400 with the body left unread; GET / → an empty bucket list;
/// anything else (the unread body taken for a request line) → 405.
fn serve(stream: TcpStream) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut stream = stream;
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
            return;
        }
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header).unwrap_or(0) == 0 {
                return;
            }
            if header == "\r\n" {
                break;
            }
        }
        let error = |code: &str| format!("<?xml version=\"1.0\"?><Error><Code>{code}</Code></Error>");
        if request_line.starts_with("PUT ") {
            respond(&mut stream, "400 Bad Request", &error("InvalidArgument"));
        } else if request_line.starts_with("GET / ") || request_line.starts_with("GET /?") {
            respond(&mut stream, "200 OK", LIST_BUCKETS);
        } else {
            respond(&mut stream, "405 Method Not Allowed", &error("MethodNotAllowed"));
        }
    }
}

fn leaky_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || serve(stream));
        }
    });
    endpoint
}

fn settings(endpoint: String) -> ConnectionSettings {
    ConnectionSettings {
        endpoint,
        region: "default".into(),
        path_style: true,
        access_key_id: "AK".into(),
        secret_access_key: "SK".into(),
        network: Default::default(),
    }
}

/// A rejected PUT with a body, then ListBuckets on the same client, three times; the number of
/// ListBuckets that failed.
async fn failures_after_rejected_bodies(s3: &aws_sdk_s3::Client) -> usize {
    let mut failures = 0;
    for _ in 0..3 {
        let put = s3.put_object().bucket("b").key("k").body(vec![b'E'; 2048].into()).send().await;
        assert!(put.is_err(), "the server rejects every PUT");
        if let Err(e) = s3.list_buckets().send().await {
            eprintln!("ListBuckets after a rejected PUT failed: {e:?}");
            failures += 1;
        }
    }
    failures
}

#[tokio::test]
async fn the_guarded_client_never_reuses_a_connection_after_a_rejected_body() {
    let s3 = build_s3_client(&settings(leaky_server())).unwrap();
    assert_eq!(failures_after_rejected_bodies(&s3).await, 0);
}

#[tokio::test]
async fn without_the_guard_the_next_request_lands_in_the_unread_body() {
    let s3 = build_s3_client_without_connection_guard(&settings(leaky_server())).unwrap();
    assert_eq!(
        failures_after_rejected_bodies(&s3).await,
        3,
        "the server does not show the trap: this test proves nothing"
    );
}
