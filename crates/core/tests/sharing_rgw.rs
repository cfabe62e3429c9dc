//! Sharing links against the real radosgw 16.2: every link the core signs is used as a stranger
//! would (a bare HTTP client, no SDK, no keys), and what it stored is read back with boto3.

use zos_testkit as common;

use common::*;
use std::time::{Duration, SystemTime};
use zos_core::sharing::post::{self, ContentTypeRule, KeyRule, PostFormRequest};
use zos_core::sharing::{self, ShareTarget};
use zos_core::ErrorCode;

/// One request on a fresh loopback connection: (status, head, body).
async fn http(method: &str, url: &str, headers: &[(String, String)], body: &[u8]) -> (u16, String, Vec<u8>) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_at(rest.find('/').unwrap());
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    let mut stream = tokio::net::TcpStream::connect(host).await.unwrap();
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(body).await.unwrap();
    let mut all = Vec::new();
    stream.read_to_end(&mut all).await.unwrap();
    let split = all.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&all[..split]).to_string();
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    (status, head, all[split + 4..].to_vec())
}

/// A multipart/form-data POST of the form's fields in order, the file last.
async fn post_file(form: &post::PostForm, file_name: &str, bytes: &[u8]) -> (u16, String) {
    let boundary = "zos-test-boundary-7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    for (name, value) in &form.fields {
        body.extend(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                .bytes(),
        );
    }
    body.extend(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend(format!("\r\n--{boundary}--\r\n").bytes());
    let content_type = format!("multipart/form-data; boundary={boundary}");
    let (status, _, answer) = http("POST", &form.url, &[("Content-Type".into(), content_type)], &body).await;
    (status, String::from_utf8_lossy(&answer).to_string())
}

fn assert_no_secret(texts: &[&str]) {
    let secret = server().user1.1;
    for text in texts {
        assert!(!text.contains(&secret), "the secret key leaked into {text}");
    }
}

fn target(bucket: &str, key: &str, version_id: Option<String>) -> ShareTarget {
    ShareTarget { bucket: bucket.into(), key: key.into(), version_id }
}

#[tokio::test]
async fn a_get_link_returns_the_bytes_and_a_download_link_names_the_file() {
    let s3 = server().s3();
    let bucket = unique_bucket("shget");
    make_bucket(&s3, &bucket).await;
    let key = "共享/日落 1+2.txt";
    put(&s3, &bucket, key, "你好, sharing".as_bytes()).await;

    let url = sharing::get_link(&s3, &target(&bucket, key, None), 300, None).await.unwrap();
    let (status, _, body) = http("GET", &url, &[], b"").await;
    assert_eq!((status, body.as_slice()), (200, "你好, sharing".as_bytes()));

    let disposition = sharing::attachment("日落 1+2.txt");
    let url =
        sharing::get_link(&s3, &target(&bucket, key, None), 300, Some(disposition.clone())).await.unwrap();
    let (status, head, body) = http("GET", &url, &[], b"").await;
    assert_eq!((status, body.as_slice()), (200, "你好, sharing".as_bytes()));
    assert!(head.contains(&format!("Content-Disposition: {disposition}")), "{head}");
    assert_no_secret(&[&url]);

    // Lifetimes outside 60 s..7 days are refused before signing.
    for secs in [59, sharing::MAX_URL_SECS + 1] {
        let err = sharing::get_link(&s3, &target(&bucket, key, None), secs, None).await.unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput, "{secs}");
    }
    let err = sharing::get_link(&s3, &target(&bucket, "", None), 60, None).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidObjectName);
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn a_version_link_returns_the_old_version() {
    let s3 = server().s3();
    let bucket = unique_bucket("shver");
    make_bucket(&s3, &bucket).await;
    boto3(&format!(
        "s3.put_bucket_versioning(Bucket='{bucket}', VersioningConfiguration={{'Status': 'Enabled'}})"
    ));
    put(&s3, &bucket, "doc.txt", b"old").await;
    let old = boto3(&format!(
        "print([v['VersionId'] for v in s3.list_object_versions(Bucket='{bucket}')['Versions'] if v['IsLatest']][0])"
    ));
    put(&s3, &bucket, "doc.txt", b"new").await;

    let url = sharing::get_link(&s3, &target(&bucket, "doc.txt", Some(old)), 60, None).await.unwrap();
    assert_eq!(http("GET", &url, &[], b"").await.2, b"old");
    let url = sharing::get_link(&s3, &target(&bucket, "doc.txt", None), 60, None).await.unwrap();
    assert_eq!(http("GET", &url, &[], b"").await.2, b"new");
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn an_expired_get_link_is_refused() {
    let s3 = server().s3();
    let bucket = unique_bucket("shexp");
    make_bucket(&s3, &bucket).await;
    put(&s3, &bucket, "a.txt", b"a").await;
    let an_hour_ago = SystemTime::now() - Duration::from_secs(3600);
    let url =
        sharing::get_link_at(&s3, &target(&bucket, "a.txt", None), 60, None, an_hour_ago).await.unwrap();
    let (status, _, body) = http("GET", &url, &[], b"").await;
    assert_eq!(status, 403);
    assert!(String::from_utf8_lossy(&body).contains("AccessDenied"), "{}", String::from_utf8_lossy(&body));
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn a_put_link_stores_the_bytes_with_its_signed_content_type() {
    let s3 = server().s3();
    let bucket = unique_bucket("shput");
    make_bucket(&s3, &bucket).await;
    let key = "上传/笔记 1.txt";
    let link =
        sharing::put_link(&s3, &bucket, key, 600, Some("text/plain; charset=utf-8".into())).await.unwrap();
    assert_eq!(link.method, "PUT");
    assert!(
        link.headers.contains(&("content-type".into(), "text/plain; charset=utf-8".into())),
        "{:?}",
        link.headers
    );
    assert_no_secret(&[&link.url, &link.curl]);

    let (status, head, _) = http("PUT", &link.url, &link.headers, "第一 版".as_bytes()).await;
    assert_eq!(status, 200, "{head}");
    let got = boto3(&format!(
        "o = s3.get_object(Bucket='{bucket}', Key={key:?})\nprint(json.dumps([o['Body'].read().decode(), o['ContentType']]))"
    ));
    assert_eq!(got, r#"["\u7b2c\u4e00 \u7248", "text/plain; charset=utf-8"]"#);

    // Without the signed content type the server refuses the upload.
    let (status, _, _) = http("PUT", &link.url, &[], b"x").await;
    assert_eq!(status, 403);

    // The curl command works as printed, once the file is named.
    let file = temp_dir("shput").join("it's.txt");
    std::fs::write(&file, "第二 版").unwrap();
    let command =
        link.curl.replace("'<path>'", &format!("'{}'", file.display().to_string().replace('\'', r"'\''")));
    let out = std::process::Command::new("sh").arg("-c").arg(format!("{command} -s -f")).output().unwrap();
    assert!(out.status.success(), "{command}: {}", String::from_utf8_lossy(&out.stderr));
    let got = boto3(&format!(
        "print(s3.get_object(Bucket='{bucket}', Key={key:?})['Body'].read().decode() == '第二 版')"
    ));
    assert_eq!(got, "True");
    drop_bucket(&s3, &bucket).await;
}

fn form_request(bucket: &str, key: KeyRule) -> PostFormRequest {
    PostFormRequest {
        bucket: bucket.into(),
        key,
        expires_in_secs: 600,
        max_size_bytes: Some(1024),
        min_size_bytes: None,
        content_type: Some(ContentTypeRule::StartsWith("text/".into())),
        success_action_status: Some(201),
    }
}

#[tokio::test]
async fn a_post_form_stores_a_file_under_its_prefix_within_its_limits() {
    let srv = server();
    let s3 = srv.s3();
    let settings = srv.settings(&srv.user1);
    let bucket = unique_bucket("shpost");
    make_bucket(&s3, &bucket).await;
    let form = post::post_form(
        &settings,
        &form_request(&bucket, KeyRule::StartsWith("收件/".into())),
        SystemTime::now(),
    )
    .unwrap();
    let names: Vec<&str> = form.fields.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "key",
            "Content-Type",
            "success_action_status",
            "x-amz-credential",
            "x-amz-algorithm",
            "x-amz-date",
            "policy",
            "x-amz-signature"
        ]
    );
    let policy = post::decode_policy(&form).unwrap();
    assert!(policy["conditions"].as_array().unwrap().contains(&serde_json::json!([
        "content-length-range",
        0,
        1024
    ])));
    let all: Vec<&str> = form
        .fields
        .iter()
        .map(|(_, v)| v.as_str())
        .chain([form.url.as_str(), &form.curl, &form.html])
        .collect();
    assert_no_secret(&all);
    assert!(
        form.html.contains("<input type=\"file\" name=\"file\">\n  <input type=\"submit\""),
        "{}",
        form.html
    );

    let mut typed = form.clone();
    typed.fields[1].1 = "text/plain".into();
    let (status, answer) = post_file(&typed, "报告 1.txt", b"hello post").await;
    assert_eq!(status, 201, "{answer}");
    let head = s3.head_object().bucket(&bucket).key("收件/报告 1.txt").send().await.unwrap();
    assert_eq!((head.content_length(), head.content_type()), (Some(10), Some("text/plain")));

    // Too large for content-length-range.
    let (status, answer) = post_file(&typed, "big.txt", &[b'x'; 2000]).await;
    assert_eq!(status, 400, "{answer}");
    assert!(answer.contains("EntityTooLarge"), "{answer}");
    // A key outside the prefix, a type outside text/.
    let mut outside = typed.clone();
    outside.fields[0].1 = "elsewhere/x.txt".into();
    let (status, answer) = post_file(&outside, "x.txt", b"x").await;
    assert!(status == 403 && answer.contains("AccessDenied"), "{status} {answer}");
    let mut wrong_type = form.clone();
    wrong_type.fields[1].1 = "image/png".into();
    assert_eq!(post_file(&wrong_type, "x.txt", b"x").await.0, 403);
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn a_post_form_for_one_key_works_from_curl_and_expires() {
    let srv = server();
    let s3 = srv.s3();
    let settings = srv.settings(&srv.user1);
    let bucket = unique_bucket("shpostk");
    make_bucket(&s3, &bucket).await;
    let request = PostFormRequest {
        content_type: Some(ContentTypeRule::Exact("application/json".into())),
        success_action_status: None,
        max_size_bytes: None,
        ..form_request(&bucket, KeyRule::Exact("配置/it's @one.json".into()))
    };
    let form = post::post_form(&settings, &request, SystemTime::now()).unwrap();
    let file = temp_dir("shpost").join("data.json");
    std::fs::write(&file, "{\"a\": 1}").unwrap();
    let command = form.curl.replace("<path>", &file.display().to_string());
    let out = std::process::Command::new("sh").arg("-c").arg(format!("{command} -s -f")).output().unwrap();
    assert!(out.status.success(), "{command}: {}", String::from_utf8_lossy(&out.stderr));
    let got = boto3(&format!(
        "o = s3.get_object(Bucket='{bucket}', Key=\"配置/it's @one.json\")\nprint(o['Body'].read().decode() + ' ' + o['ContentType'])"
    ));
    assert_eq!(got, "{\"a\": 1} application/json");

    // Signed a day ago, the policy has expired.
    let form = post::post_form(&settings, &request, SystemTime::now() - Duration::from_secs(86400)).unwrap();
    let (status, answer) = post_file(&form, "data.json", b"{}").await;
    assert!(status == 403 && answer.contains("AccessDenied"), "{status} {answer}");
    assert!(s3.head_object().bucket(&bucket).key("data.json").send().await.is_err());

    // Refused before signing.
    for bad in [
        PostFormRequest { expires_in_secs: 10, ..request.clone() },
        PostFormRequest { min_size_bytes: Some(10), max_size_bytes: Some(5), ..request.clone() },
        PostFormRequest { success_action_status: Some(302), ..request.clone() },
    ] {
        assert_eq!(
            post::post_form(&settings, &bad, SystemTime::now()).unwrap_err().code,
            ErrorCode::InvalidInput
        );
    }
    drop_bucket(&s3, &bucket).await;
}
