//! The request shapes of the server's image processing, seen by a local HTTP server that checks
//! each signature (recomputed with aws-sigv4 from what arrived on the wire): the preview GET
//! carries `x-zos-process` encoded in full (trap 5), and process_object is a signed POST of the
//! form body from `zos_wire` to the destination key. No radosgw here: it knows neither.

use std::time::{Duration, SystemTime};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use zos_core::client::ConnectionSettings;
use zos_core::images::{server, ImageRef};

const AK: &str = "ZOSTESTACCESSKEY";
const SK: &str = "zos/test/secret/key";

struct Seen {
    method: String,
    target: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

/// Answers one request with `status` and `body`, and hands over what it saw.
async fn one_request(
    status: &'static str,
    body: &'static [u8],
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
        let mut headers = Vec::new();
        loop {
            let mut h = String::new();
            reader.read_line(&mut h).await.unwrap();
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            let (name, value) = h.split_once(':').unwrap();
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
        }
        let length: usize =
            headers.iter().find(|(n, _)| n == "content-length").map_or(0, |(_, v)| v.parse().unwrap());
        let mut body_in = vec![0; length];
        reader.read_exact(&mut body_in).await.unwrap();
        let answer = format!(
            "HTTP/1.1 {status}\r\nContent-Length: {}\r\nContent-Type: image/jpeg\r\nETag: \"processed\"\r\nConnection: close\r\n\r\n",
            body.len()
        );
        let mut stream = reader.into_inner();
        stream.write_all(answer.as_bytes()).await.unwrap();
        stream.write_all(body).await.unwrap();
        stream.flush().await.unwrap();
        let _ = tx.send(Seen { method, target, headers, body: body_in });
    });
    (endpoint, rx)
}

fn client(endpoint: &str) -> aws_sdk_s3::Client {
    zos_core::client::build_s3_client(&ConnectionSettings {
        endpoint: endpoint.into(),
        region: "default".into(),
        path_style: true,
        access_key_id: AK.into(),
        secret_access_key: SK.into(),
    })
    .unwrap()
}

fn header<'a>(seen: &'a Seen, name: &str) -> &'a str {
    seen.headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no {name}"))
}

/// Recomputes the SigV4 signature of what arrived and compares it with the one sent.
fn assert_signature_valid(seen: &Seen) {
    use aws_sigv4::http_request::{
        sign, PayloadChecksumKind, PercentEncodingMode, SignableBody, SignableRequest, SigningSettings,
        UriPathNormalizationMode,
    };
    let authorization = header(seen, "authorization");
    let signed: Vec<&str> =
        authorization.split("SignedHeaders=").nth(1).unwrap().split(',').next().unwrap().split(';').collect();
    let sent_signature = authorization.split("Signature=").nth(1).unwrap();
    assert!(signed.contains(&"x-amz-content-sha256"), "the payload hash is signed: {signed:?}");
    let amz_date = header(seen, "x-amz-date");
    let iso = format!(
        "{}-{}-{}T{}:{}:{}Z",
        &amz_date[0..4],
        &amz_date[4..6],
        &amz_date[6..8],
        &amz_date[9..11],
        &amz_date[11..13],
        &amz_date[13..15]
    );
    let time: SystemTime =
        aws_smithy_types::DateTime::from_str(&iso, aws_smithy_types::date_time::Format::DateTime)
            .unwrap()
            .try_into()
            .unwrap();
    let headers: Vec<(&str, &str)> = seen
        .headers
        .iter()
        .filter(|(n, _)| signed.contains(&n.as_str()))
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let uri = format!("http://{}{}", header(seen, "host"), seen.target);
    let request =
        SignableRequest::new(&seen.method, uri, headers.into_iter(), SignableBody::Bytes(&seen.body))
            .unwrap();
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
    let output = sign(request, &params).unwrap();
    assert_eq!(output.signature(), sent_signature, "the signature covers what was sent");
}

#[tokio::test]
async fn process_object_is_a_signed_form_post_to_the_destination() {
    let (endpoint, seen) = one_request("200 OK", b"").await;
    let source =
        ImageRef { bucket: "photos".into(), key: "2026/猫 1.jpg".into(), version_id: Some("v7".into()) };
    server::process_object(
        &client(&endpoint),
        &source,
        "image/resize,w_300/rotate,90",
        "thumbs",
        "out/猫.webp",
    )
    .await
    .unwrap();
    let seen = seen.await.unwrap();
    assert_eq!(seen.method, "POST");
    assert_eq!(seen.target, "/thumbs/out/%E7%8C%AB.webp");
    assert_eq!(header(&seen, "content-type"), "application/x-www-form-urlencoded");
    assert_eq!(
        String::from_utf8(seen.body.clone()).unwrap(),
        "x-zos-process=image%2Fresize%2Cw_300%2Frotate%2C90&x-zos-copy-source=photos%2F2026%2F%E7%8C%AB+1.jpg%3FversionId%3Dv7"
    );
    assert_eq!(header(&seen, "content-length"), seen.body.len().to_string());
    assert_signature_valid(&seen);
}

#[tokio::test]
async fn a_preview_get_carries_the_pipeline_encoded_in_full_and_signed() {
    let (endpoint, seen) = one_request("200 OK", b"not really a jpeg").await;
    let image = ImageRef { bucket: "photos".into(), key: "a b/c.jpg".into(), version_id: None };
    let fetched =
        server::fetch(&client(&endpoint), &image, Some("image/resize,w_300,h_200,m_fixed/rotate,90"))
            .await
            .unwrap();
    assert_eq!(fetched.bytes, b"not really a jpeg");
    assert_eq!(fetched.etag.as_deref(), Some("\"processed\""));
    let seen = seen.await.unwrap();
    assert_eq!(seen.method, "GET");
    assert_eq!(
        seen.target,
        "/photos/a%20b/c.jpg?x-id=GetObject&x-zos-process=image%2Fresize%2Cw_300%2Ch_200%2Cm_fixed%2Frotate%2C90"
    );
    assert_signature_valid(&seen);
}

#[tokio::test]
async fn a_presigned_url_signs_the_pipeline_into_its_query() {
    let s3 = client("http://127.0.0.1:9");
    let image = ImageRef { bucket: "photos".into(), key: "c.jpg".into(), version_id: None };
    let url = server::presigned_url(&s3, &image, Some("image/resize,p_30"), Duration::from_secs(600))
        .await
        .unwrap();
    assert!(url.starts_with("http://127.0.0.1:9/photos/c.jpg?"), "{url}");
    assert!(url.contains("x-zos-process=image%2Fresize%2Cp_30"), "{url}");
    assert!(url.contains("X-Amz-Expires=600") && url.contains("X-Amz-Signature="), "{url}");
}
