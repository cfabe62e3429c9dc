//! A one-request HTTP server on loopback that hands over what arrived, and a check that the
//! request's SigV4 signature (recomputed with aws-sigv4 from what was on the wire) is the one
//! sent: for request shapes no radosgw can show (ZOS's image processing, md-search).

use std::time::SystemTime;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use zos_core::client::ConnectionSettings;

pub const AK: &str = "ZOSTESTACCESSKEY";
pub const SK: &str = "zos/test/secret/key";

/// One request as it arrived (header names lower-cased).
pub struct Seen {
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Seen {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("no {name}"))
    }
}

/// Answers one request with `status`, the `headers` and `body`, and hands over what it saw.
/// Returns the endpoint to send to.
pub async fn one_request(
    status: &'static str,
    headers: &'static [(&'static str, &'static str)],
    body: Vec<u8>,
) -> (String, tokio::sync::oneshot::Receiver<Seen>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let endpoint = format!("http://{}", listener.local_addr().unwrap());
    let (tx, rx) = tokio::sync::oneshot::channel();
    tokio::spawn(async move {
        let (stream, _) = listener.accept().await.unwrap();
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        reader.read_line(&mut line).await.unwrap();
        let mut parts = line.split_whitespace();
        let (method, target) = (parts.next().unwrap().to_owned(), parts.next().unwrap().to_owned());
        let mut seen_headers = Vec::new();
        loop {
            let mut h = String::new();
            reader.read_line(&mut h).await.unwrap();
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            let (name, value) = h.split_once(':').unwrap();
            seen_headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
        }
        let length: usize =
            seen_headers.iter().find(|(n, _)| n == "content-length").map_or(0, |(_, v)| v.parse().unwrap());
        let mut body_in = vec![0; length];
        reader.read_exact(&mut body_in).await.unwrap();
        let mut answer = format!("HTTP/1.1 {status}\r\nContent-Length: {}\r\n", body.len());
        for (name, value) in headers {
            answer.push_str(&format!("{name}: {value}\r\n"));
        }
        answer.push_str("Connection: close\r\n\r\n");
        let mut stream = reader.into_inner();
        stream.write_all(answer.as_bytes()).await.unwrap();
        stream.write_all(&body).await.unwrap();
        stream.flush().await.unwrap();
        let _ = tx.send(Seen { method, target, headers: seen_headers, body: body_in });
    });
    (endpoint, rx)
}

/// The app's S3 client for `endpoint`, with the test keys.
pub fn client(endpoint: &str) -> aws_sdk_s3::Client {
    zos_core::client::build_s3_client(&ConnectionSettings {
        endpoint: endpoint.into(),
        region: "default".into(),
        path_style: true,
        access_key_id: AK.into(),
        secret_access_key: SK.into(),
        network: Default::default(),
    })
    .unwrap()
}

/// Recomputes the SigV4 signature of what arrived and compares it with the one sent.
pub fn assert_signature_valid(seen: &Seen) {
    use aws_sigv4::http_request::{
        sign, PayloadChecksumKind, PercentEncodingMode, SignableBody, SignableRequest, SigningSettings,
        UriPathNormalizationMode,
    };
    let authorization = seen.header("authorization");
    let signed: Vec<&str> =
        authorization.split("SignedHeaders=").nth(1).unwrap().split(',').next().unwrap().split(';').collect();
    let sent_signature = authorization.split("Signature=").nth(1).unwrap();
    assert!(signed.contains(&"x-amz-content-sha256"), "the payload hash is signed: {signed:?}");
    let d = seen.header("x-amz-date");
    let iso = format!("{}-{}-{}T{}:{}:{}Z", &d[0..4], &d[4..6], &d[6..8], &d[9..11], &d[11..13], &d[13..15]);
    let time: SystemTime =
        aws_smithy_types::DateTime::from_str(&iso, aws_smithy_types::date_time::Format::DateTime)
            .unwrap()
            .try_into()
            .unwrap();
    let headers = seen
        .headers
        .iter()
        .filter(|(n, _)| signed.contains(&n.as_str()))
        .map(|(n, v)| (n.as_str(), v.as_str()));
    let uri = format!("http://{}{}", seen.header("host"), seen.target);
    let request = SignableRequest::new(&seen.method, uri, headers, SignableBody::Bytes(&seen.body)).unwrap();
    let identity = aws_credential_types::Credentials::new(AK, SK, None, None, "test").into();
    let mut settings = SigningSettings::default();
    settings.percent_encoding_mode = PercentEncodingMode::Single;
    settings.payload_checksum_kind = PayloadChecksumKind::XAmzSha256;
    settings.uri_path_normalization_mode = UriPathNormalizationMode::Disabled;
    let params = aws_sigv4::sign::v4::SigningParams::builder()
        .identity(&identity)
        .region("default")
        .name("s3")
        .time(time)
        .settings(settings)
        .build()
        .unwrap()
        .into();
    assert_eq!(
        sign(request, &params).unwrap().signature(),
        sent_signature,
        "the signature covers what was sent"
    );
}
