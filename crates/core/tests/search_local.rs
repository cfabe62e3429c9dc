//! The local metadata search against the real radosgw 16.2: a bucket seeded with objects of
//! several sizes, names (Chinese, spaces), content types and custom metadata, in two batches
//! a second apart (for `mtime`); then every field × operator × mode, each answer compared with
//! an expectation computed here from the seeded table (never by the evaluator). Also: order,
//! paging, HEADs, caps, a boto3 cross-check, and bad queries refused before any request.

use aws_sdk_s3::primitives::ByteStream;
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use zos_core::objects::metadata::encode_rfc2047;
use zos_core::search::{
    search_local, search_local_with, LocalLimits, LocalOptions, SearchLimit, SearchPage, SearchRequest,
};
use zos_core::ErrorCode;
use zos_mdsearch::{Field, Mode, Order, SearchOptions};
use zos_testkit::*;

struct Row {
    key: &'static str,
    size: usize,
    content_type: &'static str,
    meta: &'static [(&'static str, &'static str)],
}

/// Three objects, then (a second later) three more. Storage class: radosgw's default placement
/// knows STANDARD only, so every object is STANDARD.
const ROWS: [Row; 6] = [
    Row { key: "a.txt", size: 0, content_type: "text/plain", meta: &[("kind", "doc"), ("n", "5")] },
    Row {
        key: "photos/cat 1.jpg",
        size: 2048,
        content_type: "image/jpeg",
        meta: &[("kind", "photo"), ("n", "12")],
    },
    Row { key: "报告 2026.pdf", size: 1500, content_type: "application/pdf", meta: &[("kind", "报告")] },
    Row {
        key: "photos/dog.png",
        size: 4096,
        content_type: "image/png",
        meta: &[("kind", "photo"), ("n", "7")],
    },
    Row { key: "z-big.bin", size: 10_000, content_type: "application/octet-stream", meta: &[] },
    Row {
        key: "文档/说明.md",
        size: 300,
        content_type: "text/markdown",
        meta: &[("kind", "doc"), ("n", "abc")],
    },
];

/// A seeded row with its modification time as listed.
struct Seeded {
    row: &'static Row,
    mtime_ms: i64,
}

async fn seed(s3: &aws_sdk_s3::Client, bucket: &str, pause: bool) -> Vec<Seeded> {
    make_bucket(s3, bucket).await;
    for (i, row) in ROWS.iter().enumerate() {
        if pause && i == 3 {
            tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
        }
        let mut put = s3.put_object().bucket(bucket).key(row.key).content_type(row.content_type);
        for (name, value) in row.meta {
            put = put.metadata(*name, encode_rfc2047(value));
        }
        put.body(ByteStream::from(vec![b'x'; row.size])).send().await.expect("seed");
    }
    let listing = s3.list_objects_v2().bucket(bucket).send().await.unwrap();
    let mtime = |key: &str| {
        let o = listing.contents().iter().find(|o| o.key() == Some(key)).expect("listed");
        o.last_modified().unwrap().to_millis().unwrap()
    };
    ROWS.iter().map(|row| Seeded { row, mtime_ms: mtime(row.key) }).collect()
}

fn request(bucket: &str, query: &str, mode: Mode) -> SearchRequest {
    SearchRequest {
        bucket: bucket.into(),
        query: query.into(),
        options: SearchOptions { mode, ..Default::default() },
    }
}

fn keys(page: &SearchPage) -> Vec<&str> {
    page.hits.iter().map(|h| h.key.as_str()).collect()
}

/// What a row has for a field, as the expectation compares it.
enum Fact {
    Text(String),
    Number(i64),
    /// Milliseconds since the epoch; the value is an ISO 8601 time.
    Time(i64),
    /// Custom metadata: numbers when both sides are whole numbers, else text.
    Meta(String),
}

fn compare(fact: &Fact, value: &str) -> Ordering {
    match fact {
        Fact::Text(t) => t.as_bytes().cmp(value.as_bytes()),
        Fact::Number(n) => n.cmp(&value.parse::<i64>().expect("a number value")),
        Fact::Time(ms) => {
            let value =
                aws_smithy_types::DateTime::from_str(value, aws_smithy_types::date_time::Format::DateTime);
            ms.cmp(&value.unwrap().to_millis().unwrap())
        }
        Fact::Meta(m) => match (m.parse::<i64>(), value.parse::<i64>()) {
            (Ok(a), Ok(b)) => a.cmp(&b),
            _ => m.as_bytes().cmp(value.as_bytes()),
        },
    }
}

type Holds = fn(Ordering) -> bool;

const OPS: [(&str, Holds); 5] = [
    ("<", Ordering::is_lt),
    ("<=", Ordering::is_le),
    ("==", Ordering::is_eq),
    (">=", Ordering::is_ge),
    (">", Ordering::is_gt),
];

type FactOf = Box<dyn Fn(&Seeded) -> Option<Fact>>;

struct Case {
    field: &'static str,
    /// The value used with each mode (term, fuzzy, wild, regex), for every operator.
    values: [String; 4],
    /// The keys `==` finds in each mode, written out; `None`: plain equality in every mode.
    eq: Option<[Vec<&'static str>; 4]>,
    fact: FactOf,
}

#[tokio::test]
async fn every_field_operator_and_mode_finds_exactly_the_expected_keys() {
    let s3 = server().s3();
    let bucket = unique_bucket("search");
    let seeded = seed(&s3, &bucket, true).await;
    let t = seeded[3].mtime_ms; // the first object of the second batch
    assert!(seeded[..3].iter().all(|s| s.mtime_ms < t), "the batches are a second apart");
    let t_text = aws_smithy_types::DateTime::from_millis(t)
        .fmt(aws_smithy_types::date_time::Format::DateTime)
        .unwrap();
    let same = |v: &str| [v.to_owned(), v.to_owned(), v.to_owned(), v.to_owned()];
    let texts = |v: [&str; 4]| v.map(str::to_owned);
    let all: Vec<&str> = ROWS.iter().map(|r| r.key).collect();
    let b = bucket.clone();
    let fuzzy_bucket =
        format!("{}{}", &bucket[..bucket.len() - 1], if bucket.ends_with('0') { '1' } else { '0' });
    let cases = vec![
        Case {
            field: "bucket",
            values: [bucket.clone(), fuzzy_bucket, "t-search-*".into(), "t-search-.*".into()],
            eq: Some([all.clone(), all.clone(), all.clone(), all.clone()]),
            fact: Box::new(move |_| Some(Fact::Text(b.clone()))),
        },
        Case {
            field: "name",
            values: texts(["photos/dog.png", "photos/dog.pnq", "photos/*", r".*\.txt|文档/.*"]),
            eq: Some([
                vec!["photos/dog.png"],
                vec!["photos/dog.png"],
                vec!["photos/cat 1.jpg", "photos/dog.png"],
                vec!["a.txt", "文档/说明.md"],
            ]),
            fact: Box::new(|s| Some(Fact::Text(s.row.key.into()))),
        },
        Case {
            field: "instance",
            values: texts(["null", "nul", "n*", "nu.l"]),
            eq: Some([all.clone(), all.clone(), all.clone(), all.clone()]),
            fact: Box::new(|_| Some(Fact::Text("null".into()))),
        },
        Case {
            field: "size",
            values: same("2048"),
            eq: None,
            fact: Box::new(|s| Some(Fact::Number(s.row.size as i64))),
        },
        Case {
            field: "mtime",
            values: same(&t_text),
            eq: None,
            fact: Box::new(|s| Some(Fact::Time(s.mtime_ms))),
        },
        Case {
            field: "storage_class",
            values: texts(["STANDARD", "STANDARF", "STAN*", "ST.*D"]),
            eq: Some([all.clone(), all.clone(), all.clone(), all.clone()]),
            fact: Box::new(|_| Some(Fact::Text("STANDARD".into()))),
        },
        Case {
            field: "content_type",
            values: texts(["image/png", "text/plaim", "image/*", "text/.*"]),
            eq: Some([
                vec!["photos/dog.png"],
                vec!["a.txt"],
                vec!["photos/cat 1.jpg", "photos/dog.png"],
                vec!["a.txt", "文档/说明.md"],
            ]),
            fact: Box::new(|s| Some(Fact::Text(s.row.content_type.into()))),
        },
        // No listing or HEAD tells the versioned epoch: nothing matches locally.
        Case { field: "versioned_epoch", values: same("1"), eq: None, fact: Box::new(|_| None) },
        Case {
            field: "x-amz-meta-kind",
            values: texts(["photo", "phota", "*o*", "报.*"]),
            eq: Some([
                vec!["photos/cat 1.jpg", "photos/dog.png"],
                vec!["photos/cat 1.jpg", "photos/dog.png"],
                vec!["a.txt", "photos/cat 1.jpg", "photos/dog.png", "文档/说明.md"],
                vec!["报告 2026.pdf"],
            ]),
            fact: Box::new(|s| meta(s, "kind")),
        },
        Case {
            field: "x-amz-meta-n",
            values: texts(["7", "7", "1*", "1."]),
            // 7 == 7 as numbers in every mode; `1*` and `1.` are text, matching "12" only.
            eq: Some([
                vec!["photos/dog.png"],
                vec!["photos/dog.png"],
                vec!["photos/cat 1.jpg"],
                vec!["photos/cat 1.jpg"],
            ]),
            fact: Box::new(|s| meta(s, "n")),
        },
    ];
    let mut searches = 0;
    for case in &cases {
        let needs_head = case.field == "content_type" || case.field.starts_with("x-amz-meta-");
        for (m, mode) in Mode::ALL.iter().enumerate() {
            let value = &case.values[m];
            for (op, holds) in OPS {
                let mut expected: Vec<&str> = match (&case.eq, op) {
                    (Some(eq), "==") => eq[m].clone(),
                    _ => seeded
                        .iter()
                        .filter(|s| (case.fact)(s).is_some_and(|f| holds(compare(&f, value))))
                        .map(|s| s.row.key)
                        .collect(),
                };
                expected.sort();
                let query = format!("{}{op}{value}", case.field);
                let page = search_local(&s3, &request(&bucket, &query, *mode), |_| {}).await.unwrap();
                let what = format!("{query} in mode {mode:?}");
                assert_eq!(keys(&page), expected, "{what}");
                assert_eq!((page.scanned, page.limited, page.is_truncated), (6, None, false), "{what}");
                assert_eq!(page.headed, if needs_head { 6 } else { 0 }, "HEADs for {what}");
                searches += 1;
            }
        }
    }
    assert_eq!(searches, 10 * 5 * 4);
    drop_bucket(&s3, &bucket).await;
}

fn meta(s: &Seeded, name: &str) -> Option<Fact> {
    s.row.meta.iter().find(|(n, _)| *n == name).map(|(_, v)| Fact::Meta((*v).into()))
}

#[tokio::test]
async fn order_paging_heads_caps_and_boto3_agree_with_the_table() {
    let s3 = server().s3();
    let bucket = unique_bucket("search-order");
    seed(&s3, &bucket, false).await;
    let ordered = |key: Field, descending: bool| {
        let mut r = request(&bucket, "size>=0", Mode::Term);
        r.options.order = Some(Order { key, descending });
        r
    };
    let mut by_size: Vec<&Row> = ROWS.iter().collect();
    by_size.sort_by_key(|r| r.size);
    let mut by_name: Vec<&str> = ROWS.iter().map(|r| r.key).collect();
    by_name.sort();
    for descending in [false, true] {
        let mut want: Vec<&str> = by_size.iter().map(|r| r.key).collect();
        let mut want_names = by_name.clone();
        if descending {
            want.reverse();
            want_names.reverse();
        }
        let page = search_local(&s3, &ordered(Field::Size, descending), |_| {}).await.unwrap();
        assert_eq!((keys(&page), page.headed), (want, 0), "by size, descending {descending}");
        let page = search_local(&s3, &ordered(Field::Name, descending), |_| {}).await.unwrap();
        assert_eq!(keys(&page), want_names, "by name, descending {descending}");
    }
    // An order key a listing lacks makes HEADs, and the hits then carry what they showed.
    let page = search_local(&s3, &ordered(Field::ContentType, false), |_| {}).await.unwrap();
    let mut by_type: Vec<&Row> = ROWS.iter().collect();
    by_type.sort_by_key(|r| r.content_type);
    assert_eq!(keys(&page), by_type.iter().map(|r| r.key).collect::<Vec<_>>());
    assert_eq!(page.headed, 6);
    let report = page.hits.iter().find(|h| h.key == "报告 2026.pdf").unwrap();
    assert_eq!(report.content_type.as_deref(), Some("application/pdf"));
    assert_eq!(report.custom_metadata, BTreeMap::from([("kind".to_owned(), "报告".to_owned())]));
    assert_eq!((report.size, report.storage_class.as_deref()), (1500, Some("STANDARD")));
    assert!(report.etag.as_deref().is_some_and(|e| e.starts_with('"')) && report.last_modified.is_some());

    // Pages of two, by marker: every hit once, in order.
    let mut seen = Vec::new();
    let mut r = request(&bucket, "size>=0", Mode::Term);
    r.options.max_keys = 2;
    for page_no in 0.. {
        let page = search_local(&s3, &r, |_| {}).await.unwrap();
        seen.extend(page.hits.iter().map(|h| h.key.clone()));
        assert_eq!(page.is_truncated, page_no < 2);
        match page.next_marker {
            Some(m) => r.options.marker = Some(m),
            None => break,
        }
    }
    assert_eq!(seen, by_name);

    // boto3 lists with its own paginator: the keys over 1000 bytes are the search's.
    let listed = boto3(&format!(
        "keys = [o['Key'] for p in s3.get_paginator('list_objects_v2').paginate(Bucket={bucket:?}) for o in p.get('Contents', []) if o['Size'] > 1000]\nprint(json.dumps(sorted(keys)))"
    ));
    let boto3_keys: Vec<String> = serde_json::from_str(&listed).unwrap();
    let page = search_local(&s3, &request(&bucket, "size>1000", Mode::Term), |_| {}).await.unwrap();
    assert_eq!(keys(&page), boto3_keys.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(boto3_keys.len(), 4);

    // Caps stop the search and say so; progress reports the counts.
    let capped =
        |max_listed, max_heads| LocalOptions { limits: LocalLimits { max_listed, max_heads }, cancel: None };
    let reports = Mutex::new(Vec::new());
    let page = search_local_with(&s3, &r_all(&bucket), &capped(4, 100), |p| reports.lock().unwrap().push(p))
        .await
        .unwrap();
    assert_eq!((page.scanned, page.hits.len()), (4, 4));
    assert_eq!(page.limited, Some(SearchLimit::ListingCap { max: 4 }), "{page:?}");
    let last = *reports.lock().unwrap().last().unwrap();
    assert_eq!((last.listed, last.headed, last.matched), (4, 0, 4));
    let head_query = request(&bucket, "content_type==image/png", Mode::Term);
    let page = search_local_with(&s3, &head_query, &capped(100, 2), |_| {}).await.unwrap();
    assert_eq!(page.headed, 2);
    assert_eq!(page.limited, Some(SearchLimit::HeadCap { max: 2 }), "{page:?}");
    let cancelled = LocalOptions { cancel: Some(Arc::new(AtomicBool::new(true))), ..Default::default() };
    let page = search_local_with(&s3, &r_all(&bucket), &cancelled, |_| {}).await.unwrap();
    assert_eq!((page.scanned, page.hits.len()), (0, 0));
    assert_eq!(page.limited, Some(SearchLimit::Cancelled { listed: 0 }));
    // Cancelled while HEADs run, on the last page: still said.
    let cancel = Arc::new(AtomicBool::new(false));
    let mid = LocalOptions { cancel: Some(cancel.clone()), ..Default::default() };
    let stop = |_| cancel.store(true, std::sync::atomic::Ordering::Relaxed);
    let page = search_local_with(&s3, &head_query, &mid, stop).await.unwrap();
    assert!(page.headed < 6 && matches!(page.limited, Some(SearchLimit::Cancelled { .. })), "{page:?}");
    drop_bucket(&s3, &bucket).await;
}

fn r_all(bucket: &str) -> SearchRequest {
    request(bucket, "size>=0", Mode::Term)
}

/// A query that does not parse, or a regex that does not compile, is refused before any
/// request: the proxy in front of radosgw sees none.
#[tokio::test]
async fn bad_queries_are_refused_naming_the_token_and_nothing_is_sent() {
    let srv = server();
    let upstream = srv.endpoint.trim_start_matches("http://").trim_end_matches('/').parse().unwrap();
    let proxy = proxy::FaultProxy::start(upstream, proxy::Faults::NONE);
    let mut settings = srv.settings(&srv.user1);
    settings.endpoint = proxy.endpoint();
    let s3 = zos_core::client::build_s3_client(&settings).unwrap();
    let e = search_local(&s3, &request("any-bucket", "size>=12kb", Mode::Term), |_| {}).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert!(e.detail.contains("'12kb'"), "{}", e.detail);
    let e = search_local(&s3, &request("any-bucket", "name==a(", Mode::Regex), |_| {}).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert!(e.detail.contains("'a('"), "{}", e.detail);
    let e = search_local(&s3, &request("any-bucket", "sise>1", Mode::Term), |_| {}).await.unwrap_err();
    assert!(e.detail.contains("'sise'"), "{}", e.detail);
    assert_eq!(proxy.requests(), Vec::<String>::new());
    // The proxy does carry requests: a good query through it is seen.
    let e =
        search_local(&s3, &request("t-no-such-bucket-zz", "size>1", Mode::Term), |_| {}).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::NoSuchBucket);
    assert!(!proxy.requests().is_empty());
}
