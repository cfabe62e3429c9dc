//! The request shapes of the server's image processing, seen by a local HTTP server that checks
//! each signature (recomputed with aws-sigv4 from what arrived on the wire): the preview GET
//! carries `x-zos-process` encoded in full (trap 5), and process_object is a signed POST of the
//! form body from `zos_wire` to the destination key. No radosgw here: it knows neither.

use std::time::Duration;
use zos_core::images::{server, ImageRef};
use zos_testkit::signed::{assert_signature_valid, client, one_request};

/// What the test server answers: a processed image.
const IMAGE_ANSWER: &[(&str, &str)] = &[("Content-Type", "image/jpeg"), ("ETag", "\"processed\"")];

#[tokio::test]
async fn process_object_is_a_signed_form_post_to_the_destination() {
    let (endpoint, seen) = one_request("200 OK", IMAGE_ANSWER, Vec::new()).await;
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
    assert_eq!(seen.header("content-type"), "application/x-www-form-urlencoded");
    assert_eq!(
        String::from_utf8(seen.body.clone()).unwrap(),
        "x-zos-process=image%2Fresize%2Cw_300%2Frotate%2C90&x-zos-copy-source=photos%2F2026%2F%E7%8C%AB+1.jpg%3FversionId%3Dv7"
    );
    assert_eq!(seen.header("content-length"), seen.body.len().to_string());
    assert_signature_valid(&seen);
}

#[tokio::test]
async fn a_preview_get_carries_the_pipeline_encoded_in_full_and_signed() {
    let (endpoint, seen) = one_request("200 OK", IMAGE_ANSWER, b"not really a jpeg".to_vec()).await;
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
