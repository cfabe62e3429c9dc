//! Image processing against the real radosgw 16.2, which has none: it ignores `x-zos-process`
//! and answers the original. The app must see that, say so, and make the result locally; save a
//! locally made result as an object boto3 reads back; sign presigned URLs that carry a pipeline
//! so that the server accepts them; and make thumbnails into its disk cache.

use zos_testkit as common;

use common::*;
use std::collections::HashMap;
use zos_core::images::save::{save, SaveImage};
use zos_core::images::serve::ImageServer;
use zos_core::images::thumbs::ThumbCache;
use zos_core::images::{self, Engine, Fallback, ImageRef, ServerSupport};
use zos_core::ErrorCode;

/// A 24-bit BMP of a horizontal gradient (written by hand: no image tool needed).
fn bmp(width: u32, height: u32) -> Vec<u8> {
    let row = (width * 3).div_ceil(4) * 4;
    let size = 54 + row * height;
    let mut out = Vec::with_capacity(size as usize);
    out.extend_from_slice(b"BM");
    for v in [size, 0, 54, 40, width, height] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&24u16.to_le_bytes());
    for v in [0u32, row * height, 2835, 2835, 0, 0] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    for y in 0..height {
        for x in 0..width {
            out.extend_from_slice(&[(x * 255 / width) as u8, (y * 255 / height) as u8, 128]);
        }
        out.resize(out.len() + (row - width * 3) as usize, 0);
    }
    out
}

/// A 1000×500 JPEG made by the local engine from the BMP.
fn jpeg_1000x500() -> Vec<u8> {
    let pipeline = zos_image::parse("image/format,jpg").unwrap();
    match zos_image::process(&bmp(1000, 500), &pipeline, &HashMap::new()).unwrap() {
        zos_image::Processed::Image(image) => image.bytes,
        zos_image::Processed::Info(_) => unreachable!(),
    }
}

/// GET of a URL on loopback with a bare HTTP/1.1 client: (status, body).
async fn http_get(url: &str) -> (u16, Vec<u8>) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_at(rest.find('/').unwrap());
    let mut stream = tokio::net::TcpStream::connect(host).await.unwrap();
    stream
        .write_all(format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").as_bytes())
        .await
        .unwrap();
    let mut all = Vec::new();
    stream.read_to_end(&mut all).await.unwrap();
    let split = all.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&all[..split]).to_string();
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    assert!(!head.to_ascii_lowercase().contains("transfer-encoding: chunked"), "{head}");
    (status, all[split + 4..].to_vec())
}

#[tokio::test]
async fn radosgw_ignores_x_zos_process_so_the_local_engine_renders_and_says_why() {
    let s3 = server().s3();
    let bucket = unique_bucket("img");
    make_bucket(&s3, &bucket).await;
    let jpeg = jpeg_1000x500();
    put(&s3, &bucket, "photos/日落 1.jpg", &jpeg).await;
    let image = ImageRef { bucket: bucket.clone(), key: "photos/日落 1.jpg".into(), version_id: None };

    let original = images::original(&s3, &image).await.unwrap();
    assert_eq!((original.facts.width, original.facts.height), (Some(1000), Some(500)));
    assert_eq!(original.facts.format, "jpg");
    assert_eq!(original.bytes, jpeg);

    let support = ServerSupport::default();
    for (mode, expected) in
        [("lfit", (300, 150)), ("mfit", (600, 300)), ("fill", (300, 300)), ("pad", (300, 300))]
    {
        let pipeline = format!("image/resize,w_300,h_300,m_{mode}");
        let rendered = images::render(&s3, &support, &image, &pipeline, Engine::Server).await.unwrap();
        assert_eq!(rendered.facts.engine, Engine::Local, "{mode}");
        assert_eq!(
            (rendered.facts.width, rendered.facts.height),
            (Some(expected.0), Some(expected.1)),
            "{mode}"
        );
        let info = zos_image::info(&rendered.bytes).unwrap();
        assert_eq!((info.width, info.height), expected, "the bytes are the size the facts say");
        let expected_fallback =
            if mode == "lfit" { Fallback::ServerIgnored } else { Fallback::KnownUnsupported };
        assert_eq!(rendered.facts.fallback, Some(expected_fallback), "{mode}");
    }
    assert_eq!(support.known(), Some(false), "the session remembers the server has no image processing");

    // image/info: facts as JSON, from the local engine.
    let info = images::render(&s3, &support, &image, "image/info", Engine::Local).await.unwrap();
    let json: serde_json::Value = serde_json::from_slice(&info.bytes).unwrap();
    assert_eq!(json["ImageWidth"]["value"], "1000");
    assert_eq!(json["Format"]["value"], "jpg");
    assert_eq!(json["FileSize"]["value"], jpeg.len().to_string());

    // A bad pipeline is refused before any request, naming the token.
    let err = images::render(&s3, &support, &image, "image/resize,w_0", Engine::Server).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.detail.contains("\"0\" at byte 15"), "{}", err.detail);
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn a_presigned_url_with_a_pipeline_is_accepted_by_the_server() {
    let s3 = server().s3();
    let bucket = unique_bucket("imgurl");
    make_bucket(&s3, &bucket).await;
    let jpeg = jpeg_1000x500();
    put(&s3, &bucket, "a b/图.jpg", &jpeg).await;
    let image = ImageRef { bucket: bucket.clone(), key: "a b/图.jpg".into(), version_id: None };
    let url = images::share_url(&s3, &image, Some("image/resize,w_300/rotate,90"), 600).await.unwrap();
    assert!(url.contains("x-zos-process=image%2Fresize%2Cw_300%2Frotate%2C90"), "{url}");
    let (status, body) = http_get(&url).await;
    assert_eq!(status, 200, "radosgw accepts the signature over the extra parameter");
    assert_eq!(body, jpeg, "and, having no image processing, answers the original");
    let err = images::share_url(&s3, &image, None, 8 * 24 * 3600).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput, "more than 7 days is refused before signing");
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn save_as_locally_uploads_what_boto3_reads_and_never_overwrites_unasked() {
    let s3 = server().s3();
    let bucket = unique_bucket("imgsave");
    make_bucket(&s3, &bucket).await;
    // boto3 writes the source; the app reads it.
    let jpeg = jpeg_1000x500();
    let dir = temp_dir("imgsave");
    std::fs::write(dir.join("src.jpg"), &jpeg).unwrap();
    boto3(&format!(
        "s3.upload_file({:?}, {bucket:?}, 'src/照片.jpg', ExtraArgs={{'ContentType': 'image/jpeg'}})",
        dir.join("src.jpg").to_str().unwrap()
    ));
    let source = ImageRef { bucket: bucket.clone(), key: "src/照片.jpg".into(), version_id: None };
    let support = ServerSupport::default();
    let mut request = SaveImage {
        source: source.clone(),
        pipeline: "image/resize,w_400/rotate,90/format,png".into(),
        bucket: bucket.clone(),
        key: "out/照片-400.png".into(),
        engine: Engine::Local,
        overwrite: false,
    };
    let saved = save(&s3, &support, &request).await.unwrap();
    assert_eq!(saved.engine, Engine::Local);
    let facts = saved.facts.unwrap();
    assert_eq!((facts.width, facts.height, facts.format.as_str()), (Some(200), Some(400), "png"));
    let seen = boto3(&format!(
        "o = s3.get_object(Bucket={bucket:?}, Key='out/照片-400.png')\nb = o['Body'].read()\nprint(o['ContentType'], len(b), b[:4] == b'\\x89PNG')"
    ));
    assert_eq!(seen, format!("image/png {} True", facts.size));

    // Saving again without overwrite is refused; with it, the object is replaced.
    request.pipeline = "image/resize,w_100/format,png".into();
    let err = save(&s3, &support, &request).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::ObjectExists);
    request.overwrite = true;
    let facts = save(&s3, &support, &request).await.unwrap().facts.unwrap();
    assert_eq!((facts.width, facts.height), (Some(100), Some(50)));

    // On the server: radosgw answers process_object's POST with 501. The app says the server
    // does not process images (so the UI offers the local engine), remembers it, and nothing is
    // stored where the copy was to go.
    request.engine = Engine::Server;
    request.key = "out/server-copy.jpg".into();
    request.overwrite = false;
    let fresh = ServerSupport::default();
    let err = save(&s3, &fresh, &request).await.unwrap_err();
    assert_eq!((err.code, err.status), (ErrorCode::UnsupportedByServer, Some(501)), "{err:?}");
    assert!(err.request_id.is_some());
    assert_eq!(fresh.known(), Some(false));
    assert!(!zos_core::objects::object_exists(&s3, &bucket, "out/server-copy.jpg").await.unwrap());
    // Once a preview showed the server ignores x-zos-process, Save on the server is refused
    // without a request.
    support.record(false);
    request.key = "out/server-copy-2.jpg".into();
    assert_eq!(save(&s3, &support, &request).await.unwrap_err().code, ErrorCode::UnsupportedByServer);
    std::fs::remove_dir_all(dir).ok();
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn thumbnails_are_made_locally_and_then_read_from_the_disk_cache() {
    let srv = server();
    let s3 = srv.s3();
    let bucket = unique_bucket("thumb");
    make_bucket(&s3, &bucket).await;
    put(&s3, &bucket, "p.jpg", &jpeg_1000x500()).await;
    let dir = temp_dir("thumbs");
    let images = ImageServer::new(ThumbCache::new(dir.clone(), 10 * 1024 * 1024));
    let profiles = zos_core::profiles::ProfileService::new(
        &temp_dir("thumb-profiles"),
        zos_core::profiles::SecretStore::with_service(test_service()),
    );
    let profile = profiles.save(profile_input(&srv, Some(&srv.user1.1))).await.unwrap();
    let sessions = zos_core::session::Sessions::new(profiles.clone());
    let etag =
        s3.head_object().bucket(&bucket).key("p.jpg").send().await.unwrap().e_tag().unwrap().to_owned();
    let query = format!(
        "profile={}&bucket={bucket}&key=p.jpg&etag={}",
        profile.id,
        zos_core::zos_wire::encode_query_value(&etag)
    );
    let first = images.serve(&sessions, "/thumb", &query).await.unwrap();
    assert_eq!(first.content_type, "image/jpeg");
    let info = zos_image::info(&first.bytes).unwrap();
    assert_eq!((info.width, info.height), (256, 128));
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1, "one entry in the cache");
    // The object is gone from the server: the thumbnail still comes, from the cache.
    s3.delete_object().bucket(&bucket).key("p.jpg").send().await.unwrap();
    let again = images.serve(&sessions, "/thumb", &query).await.unwrap();
    assert_eq!(again.bytes, first.bytes);
    profiles.delete(profile.id.clone()).await.unwrap();
    std::fs::remove_dir_all(dir).ok();
    drop_bucket(&s3, &bucket).await;
}
