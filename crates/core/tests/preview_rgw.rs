//! Object previews against the real radosgw 16.2: objects written by boto3 (Chinese text in
//! GBK, GB18030, Big5, Shift_JIS, UTF-8 with a BOM, UTF-16LE with a BOM; JSON; CSV; binary;
//! a PDF; audio and video headers) read back as a user sees them, each with one ranged GET.

use zos_testkit as common;

use base64::Engine;
use common::*;
use zos_core::objects::preview::{
    self, ObjectPreview, PreviewContent, PreviewOptions, PreviewView, HEX_CAP, PDF_CAP, TEXT_CAP,
};
use zos_core::ErrorCode;

async fn look(s3: &aws_sdk_s3::Client, bucket: &str, key: &str) -> ObjectPreview {
    preview::preview_object(s3, bucket, key, None, None, &PreviewOptions::default()).await.unwrap()
}

fn text_of(p: &ObjectPreview) -> (&str, &str) {
    match &p.content {
        PreviewContent::Text(d) => (d.text.as_str(), d.encoding.as_str()),
        other => panic!("{} is not text: {other:?}", p.key),
    }
}

fn unbase64(data: &str) -> Vec<u8> {
    base64::engine::general_purpose::STANDARD.decode(data).unwrap()
}

/// One GET on a fresh loopback connection, as a media element would: (status, body).
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
    (head.split_whitespace().nth(1).unwrap().parse().unwrap(), all[split + 4..].to_vec())
}

const GBK_TEXT: &str =
    "项目报告：第一季度的销售额比去年同期增长了百分之十二，主要来自华东地区。\n下一步计划扩大市场。";
const GB18030_TEXT: &str = "欧元符号€与扩展汉字𠀀𪚥同在一个文件里，国家标准GB18030编码。\n第二行：中文预览。";
const BIG5_TEXT: &str =
    "這是一個繁體中文的檔案，使用大五碼編碼儲存。我們的產品在臺灣與香港都很受歡迎，謝謝您的支持。";
const SJIS_TEXT: &str =
    "これは日本語のテキストファイルです。シフトJISで保存されています。東京の天気は晴れです。";

#[tokio::test]
async fn chinese_and_japanese_texts_read_back_in_their_encodings() {
    let s3 = server().s3();
    let bucket = unique_bucket("pvenc");
    make_bucket(&s3, &bucket).await;
    boto3(&format!(
        "for key, text, enc in [('gbk.txt', {GBK_TEXT:?}, 'gbk'), ('gb18030.txt', {GB18030_TEXT:?}, 'gb18030'),\n\
         ('big5.txt', {BIG5_TEXT:?}, 'big5'), ('sjis.txt', {SJIS_TEXT:?}, 'shift_jis'),\n\
         ('utf8bom.txt', '带BOM的UTF-8文本', 'utf-8-sig'), ('utf16le.txt', '\\ufeff小端UTF-16文本', 'utf-16-le')]:\n\
         \x20   s3.put_object(Bucket='{bucket}', Key=key, Body=text.encode(enc))"
    ));
    for (key, text, encoding) in [
        ("gbk.txt", GBK_TEXT, "GBK"),
        ("gb18030.txt", GB18030_TEXT, "gb18030"),
        ("big5.txt", BIG5_TEXT, "Big5"),
        ("sjis.txt", SJIS_TEXT, "Shift_JIS"),
        ("utf8bom.txt", "带BOM的UTF-8文本", "UTF-8"),
        ("utf16le.txt", "小端UTF-16文本", "UTF-16LE"),
    ] {
        let p = look(&s3, &bucket, key).await;
        assert_eq!(text_of(&p), (text, encoding), "{key}");
        assert!(!p.truncated, "{key}");
        let PreviewContent::Text(d) = &p.content else { unreachable!() };
        assert!(!d.lossy, "{key}");
        assert_eq!(d.bom, key.starts_with("utf"), "{key}");
    }

    // Another encoding on request: the same bytes read as Big5 are not the text; as GBK again they are.
    let as_big5 = PreviewOptions { encoding: Some("big5".into()), view: None };
    let p = preview::preview_object(&s3, &bucket, "gbk.txt", None, None, &as_big5).await.unwrap();
    let PreviewContent::Text(d) = &p.content else { panic!("{p:?}") };
    assert_eq!((d.encoding.as_str(), d.detected_encoding.as_str()), ("Big5", "GBK"));
    assert_ne!(d.text, GBK_TEXT);
    let as_gb18030 = PreviewOptions { encoding: Some("GB18030".into()), view: None };
    let p = preview::preview_object(&s3, &bucket, "gbk.txt", None, None, &as_gb18030).await.unwrap();
    assert_eq!(text_of(&p), (GBK_TEXT, "gb18030"));
    let bad = PreviewOptions { encoding: Some("klingon".into()), view: None };
    let e = preview::preview_object(&s3, &bucket, "gbk.txt", None, None, &bad).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput);
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn a_large_text_is_cut_at_the_cap_on_a_character_with_one_ranged_get() {
    let srv = server();
    let s3 = srv.s3();
    let bucket = unique_bucket("pvbig");
    make_bucket(&s3, &bucket).await;
    // 1 MiB and more: UTF-8 (3 bytes a character) and GBK after one ASCII byte (2 bytes a
    // character): the cap falls inside a character in both.
    boto3(&format!(
        "s3.put_object(Bucket='{bucket}', Key='big-utf8.txt', Body=('中文' * 200000).encode('utf-8'))\n\
         s3.put_object(Bucket='{bucket}', Key='big-gbk.txt', Body=('a' + '中文' * 300000).encode('gbk'))"
    ));
    let proxy = proxy::FaultProxy::start(
        srv.endpoint.trim_start_matches("http://").trim_end_matches('/').parse().unwrap(),
        proxy::Faults::NONE,
    );
    let mut settings = srv.settings(&srv.user1);
    settings.endpoint = proxy.endpoint();
    let via_proxy = zos_core::client::build_s3_client(&settings).unwrap();

    let p = look(&via_proxy, &bucket, "big-utf8.txt").await;
    let requests = proxy.requests();
    assert_eq!(requests.len(), 2, "{requests:?}");
    assert!(requests[0].starts_with(&format!("GET /{bucket}/big-utf8.txt")), "{requests:?}");
    assert_eq!(requests[1], format!("range: bytes=0-{}", TEXT_CAP - 1));
    assert_eq!((p.size, p.fetched_bytes, p.truncated), (1_200_000, TEXT_CAP, true));
    let PreviewContent::Text(d) = &p.content else { panic!("{p:?}") };
    // 262144 = 3 × 87381 + 1: the last, cut character is left out, not replaced.
    assert_eq!((d.text.chars().count(), d.text.len(), d.lossy), (87_381, 262_143, false));
    assert!("中文".repeat(50_000).starts_with(&d.text));

    proxy.clear_requests();
    let p = look(&via_proxy, &bucket, "big-gbk.txt").await;
    assert_eq!(proxy.requests().len(), 2, "{:?}", proxy.requests());
    assert_eq!((p.size, p.fetched_bytes, p.truncated), (1_200_001, TEXT_CAP, true));
    let PreviewContent::Text(d) = &p.content else { panic!("{p:?}") };
    assert_eq!((d.encoding.as_str(), d.lossy), ("GBK", false));
    assert_eq!(d.text, format!("a{}", "中文".repeat(65_535)) + "中");
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn json_is_pretty_printed_as_written_or_its_error_located() {
    let s3 = server().s3();
    let bucket = unique_bucket("pvjson");
    make_bucket(&s3, &bucket).await;
    boto3(&format!(
        "s3.put_object(Bucket='{bucket}', Key='good.json', Body='{{\"名字\":\"张三\",\"id\":12345678901234567890123,\"tags\":[\"a\",{{}}]}}'.encode())\n\
         s3.put_object(Bucket='{bucket}', Key='data', ContentType='application/json', Body=b'[1,2]')\n\
         s3.put_object(Bucket='{bucket}', Key='bad.json', Body='{{\\n  \"城市\": \"北京\",\\n  \"人口\": 21,,\\n}}'.encode())"
    ));
    let p = look(&s3, &bucket, "good.json").await;
    let PreviewContent::Json(j) = &p.content else { panic!("{p:?}") };
    assert_eq!(
        j.pretty.as_deref(),
        Some("{\n  \"名字\": \"张三\",\n  \"id\": 12345678901234567890123,\n  \"tags\": [\n    \"a\",\n    {}\n  ]\n}")
    );
    assert!(j.problem.is_none());
    let p = look(&s3, &bucket, "data").await;
    let PreviewContent::Json(j) = &p.content else { panic!("{p:?}") };
    assert_eq!(j.pretty.as_deref(), Some("[\n  1,\n  2\n]"));

    let p = look(&s3, &bucket, "bad.json").await;
    let PreviewContent::Json(j) = &p.content else { panic!("{p:?}") };
    let problem = j.problem.as_ref().unwrap();
    assert_eq!((problem.line, problem.column, problem.line_text.as_str()), (3, 12, "  \"人口\": 21,,"));
    assert!(j.pretty.is_none());
    assert_eq!(j.decoded.text, "{\n  \"城市\": \"北京\",\n  \"人口\": 21,,\n}");
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn csv_rows_keep_quotes_newlines_and_chinese_in_gbk_too() {
    let s3 = server().s3();
    let bucket = unique_bucket("pvcsv");
    make_bucket(&s3, &bucket).await;
    let csv = "姓名,城市,备注\n\"张, 三\",北京,\"第一行\n第二行\"\n李四,上海,\"说 \"\"你好\"\"\"\n";
    boto3(&format!(
        "s3.put_object(Bucket='{bucket}', Key='people.csv', Body={csv:?}.encode('utf-8'))\n\
         s3.put_object(Bucket='{bucket}', Key='people-gbk.csv', Body=({csv:?} * 3).encode('gbk'))\n\
         s3.put_object(Bucket='{bucket}', Key='t.tsv', Body='a\\tb\\n1\\t\"x\\ty\"\\n'.encode())"
    ));
    let expected = vec![
        vec!["姓名", "城市", "备注"],
        vec!["张, 三", "北京", "第一行\n第二行"],
        vec!["李四", "上海", "说 \"你好\""],
    ];
    let p = look(&s3, &bucket, "people.csv").await;
    let PreviewContent::Csv(c) = &p.content else { panic!("{p:?}") };
    assert_eq!(c.table.rows, expected);
    assert_eq!((c.table.columns, c.table.more_rows, c.table.delimiter.as_str()), (3, false, ","));
    let p = look(&s3, &bucket, "people-gbk.csv").await;
    let PreviewContent::Csv(c) = &p.content else { panic!("{p:?}") };
    assert_eq!((c.decoded.encoding.as_str(), c.table.rows.len()), ("GBK", 9));
    assert_eq!(c.table.rows[..3], expected);
    let p = look(&s3, &bucket, "t.tsv").await;
    let PreviewContent::Csv(c) = &p.content else { panic!("{p:?}") };
    assert_eq!(c.table.rows, vec![vec!["a", "b"], vec!["1", "x\ty"]]);
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn binary_shows_exactly_its_first_bytes_in_hex() {
    let s3 = server().s3();
    let bucket = unique_bucket("pvhex");
    make_bucket(&s3, &bucket).await;
    boto3(&format!(
        "s3.put_object(Bucket='{bucket}', Key='blob.bin', Body=bytes((i * 7 + i // 256) % 256 for i in range(10000)))\n\
         s3.put_object(Bucket='{bucket}', Key='small', Body=b'\\x00\\x01\\x02zos')\n\
         s3.put_object(Bucket='{bucket}', Key='empty.txt', Body=b'')"
    ));
    let all: Vec<u8> = (0..10000u32).map(|i| ((i * 7 + i / 256) % 256) as u8).collect();
    let p = look(&s3, &bucket, "blob.bin").await;
    let PreviewContent::Hex(h) = &p.content else { panic!("{p:?}") };
    assert_eq!(unbase64(&h.data_base64), &all[..HEX_CAP as usize]);
    // A binary extension: only the hex view's bytes are asked for.
    assert_eq!((p.size, p.truncated, p.fetched_bytes), (10000, true, HEX_CAP));
    let p = look(&s3, &bucket, "small").await;
    let PreviewContent::Hex(h) = &p.content else { panic!("{p:?}") };
    assert_eq!((unbase64(&h.data_base64), p.truncated), (b"\x00\x01\x02zos".to_vec(), false));

    // Text under a binary name: read on past the hex view's bytes.
    let long = "二进制名字下的文本。".repeat(500);
    put(&s3, &bucket, "really-text.bin", long.as_bytes()).await;
    let p = look(&s3, &bucket, "really-text.bin").await;
    assert_eq!((text_of(&p), p.fetched_bytes), ((long.as_str(), "UTF-8"), long.len() as u64));

    // Text asked for as hex, and an empty object.
    put(&s3, &bucket, "note.txt", "你好".as_bytes()).await;
    let hex = PreviewOptions { encoding: None, view: Some(PreviewView::Hex) };
    let p = preview::preview_object(&s3, &bucket, "note.txt", None, None, &hex).await.unwrap();
    let PreviewContent::Hex(h) = &p.content else { panic!("{p:?}") };
    assert_eq!(unbase64(&h.data_base64), "你好".as_bytes());
    let p = look(&s3, &bucket, "empty.txt").await;
    assert_eq!((text_of(&p).0, p.size, p.truncated), ("", 0, false));
    let e = preview::preview_object(&s3, &bucket, "missing.txt", None, None, &PreviewOptions::default())
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::NoSuchKey);
    drop_bucket(&s3, &bucket).await;
}

/// A one-page PDF with "Hello" on it, offsets computed.
fn tiny_pdf() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length 39 >>\nstream\nBT /F1 24 Tf 20 40 Td (Hello) Tj ET\n\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).bytes());
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for offset in offsets {
        pdf.extend(format!("{offset:010} 00000 n \n").bytes());
    }
    pdf.extend(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).bytes(),
    );
    pdf
}

#[tokio::test]
async fn a_pdf_comes_whole_for_the_viewer() {
    let srv = server();
    let s3 = srv.s3();
    let bucket = unique_bucket("pvpdf");
    make_bucket(&s3, &bucket).await;
    let pdf = tiny_pdf();
    // A large text after the PDF header so the unnamed one needs a second GET beyond the first 256 KiB.
    let mut big = pdf.clone();
    big.extend(std::iter::repeat_n(b'%', 300_000));
    let dir = temp_dir("pvpdf");
    std::fs::write(dir.join("a.pdf"), &pdf).unwrap();
    std::fs::write(dir.join("b.pdf"), &big).unwrap();
    boto3(&format!(
        "s3.upload_file({:?}, '{bucket}', '报告.pdf')\ns3.upload_file({:?}, '{bucket}', 'scan-no-extension')",
        dir.join("a.pdf").display().to_string(),
        dir.join("b.pdf").display().to_string()
    ));
    let p = look(&s3, &bucket, "报告.pdf").await;
    let PreviewContent::Pdf(d) = &p.content else { panic!("{p:?}") };
    assert_eq!(unbase64(d.data_base64.as_deref().unwrap()), pdf);
    assert_eq!((d.limit_bytes, p.fetched_bytes, p.truncated), (PDF_CAP, pdf.len() as u64, false));

    let p = look(&s3, &bucket, "scan-no-extension").await;
    let PreviewContent::Pdf(d) = &p.content else { panic!("{p:?}") };
    assert_eq!(unbase64(d.data_base64.as_deref().unwrap()), big);
    assert_eq!(p.fetched_bytes, big.len() as u64);
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn audio_and_video_get_a_link_that_returns_the_bytes() {
    let s3 = server().s3();
    let bucket = unique_bucket("pvmedia");
    make_bucket(&s3, &bucket).await;
    boto3(&format!(
        "s3.put_object(Bucket='{bucket}', Key='歌曲/song.mp3', Body=b'ID3\\x04\\x00\\x00\\x00\\x00\\x00\\x00' + bytes(range(256)) * 40)\n\
         s3.put_object(Bucket='{bucket}', Key='clip', Body=b'\\x00\\x00\\x00\\x18ftypisom\\x00\\x00\\x02\\x00isomiso2' + bytes(5000))"
    ));
    let mp3: Vec<u8> = [&b"ID3\x04\0\0\0\0\0\0"[..], &(0..=255u8).collect::<Vec<_>>().repeat(40)].concat();
    let p = look(&s3, &bucket, "歌曲/song.mp3").await;
    let PreviewContent::Media(m) = &p.content else { panic!("{p:?}") };
    assert_eq!((m.mime.as_str(), m.video), ("audio/mpeg", false));
    assert!(p.fetched_bytes <= HEX_CAP, "{}", p.fetched_bytes);
    assert_eq!(http_get(&m.url).await, (200, mp3));
    assert!(!m.url.contains(&server().user1.1));

    let p = look(&s3, &bucket, "clip").await;
    let PreviewContent::Media(m) = &p.content else { panic!("{p:?}") };
    assert_eq!((m.mime.as_str(), m.video), ("video/mp4", true));
    let (status, body) = http_get(&m.url).await;
    assert_eq!((status, body.len(), &body[4..8]), (200, 5024, &b"ftyp"[..]));
    drop_bucket(&s3, &bucket).await;
}

#[tokio::test]
async fn a_version_preview_reads_that_version() {
    let s3 = server().s3();
    let bucket = unique_bucket("pvver");
    make_bucket(&s3, &bucket).await;
    boto3(&format!(
        "s3.put_bucket_versioning(Bucket='{bucket}', VersioningConfiguration={{'Status': 'Enabled'}})\n\
         s3.put_object(Bucket='{bucket}', Key='说明.txt', Body='旧版本：第一季度的报告内容，用国标编码保存。'.encode('gbk'))\n\
         s3.put_object(Bucket='{bucket}', Key='说明.txt', Body='新版本'.encode('utf-8'))"
    ));
    let old = boto3(&format!(
        "print([v['VersionId'] for v in s3.list_object_versions(Bucket='{bucket}')['Versions'] if not v['IsLatest']][0])"
    ));
    let p = preview::preview_object(&s3, &bucket, "说明.txt", Some(&old), None, &PreviewOptions::default())
        .await
        .unwrap();
    assert_eq!(text_of(&p), ("旧版本：第一季度的报告内容，用国标编码保存。", "GBK"));
    assert_eq!(p.version_id.as_deref(), Some(old.as_str()));
    let p = look(&s3, &bucket, "说明.txt").await;
    assert_eq!(text_of(&p), ("新版本", "UTF-8"));
    assert_ne!(p.version_id.as_deref(), Some(old.as_str()));
    drop_bucket(&s3, &bucket).await;
}
