//! Documents' files, as an attacker would send them: only someone who may edit a document
//! naming a file uploads it, in parts that must follow each other and fit the file; what
//! is kept is exactly the bytes the hash names, of a kind no browser runs and the kind the
//! document says; every signed-in person downloads it, whole or by ranges, as an
//! attachment; a file no live document names goes after a month.

use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::{json, Value};
use tradewinds_server::files::collect_garbage;
use tradewinds_server::seed;
use tradewinds_server::store::now_ms;
use tradewinds_shared::access::Role;
use tradewinds_shared::files::{sha256_hex, UploadStatus, MAX_PART_BYTES};
use tradewinds_shared::sync::RecordState;
use tradewinds_shared::RecordKind;
use uuid::Uuid;

use crate::common::{fields, Reply, TestApp};

const PDF: &str = "application/pdf";
const DAY: Duration = Duration::from_secs(24 * 60 * 60);

/// A PDF of `len` bytes (its content varies, so a part misplaced shows).
fn pdf(len: usize) -> Vec<u8> {
    let mut content = b"%PDF-1.4\n".to_vec();
    content.extend((0..len - content.len()).map(|i| (i * 7 % 251) as u8));
    content
}

/// What a document says of the file `content`.
fn attached(content: &[u8], name: &str, media_type: &str) -> Value {
    json!({
        "sha256": sha256_hex(content),
        "name": name,
        "size": content.len(),
        "type": media_type,
    })
}

/// A document published by Barbados Customs carrying `file`, made by `by`: its id.
async fn document(by: &TestApp, file: Value) -> String {
    let made = by
        .json(
            Method::POST,
            "/api/v1/documents",
            &json!({
                "title": "Minutes of the donor meeting",
                "kind": "minutes",
                "publisher": seed::seed_id("customs_bb").to_string(),
                "file": file,
            }),
        )
        .await
        .expect(StatusCode::CREATED);
    made["id"].as_str().expect("id").to_owned()
}

/// An office editor of Barbados Customs (the documents' publisher).
async fn barbados_editor(t: &TestApp) -> TestApp {
    let bb = seed::seed_id("customs_bb");
    t.signed_in_as("editor.bb@example.org", Role::OfficeEditor, Some(bb))
        .await
}

fn upload_path(sha: &str) -> String {
    format!("/api/v1/files/{sha}/upload")
}

async fn status(t: &TestApp, sha: &str) -> Reply {
    t.get(&upload_path(sha)).await
}

async fn part(t: &TestApp, sha: &str, offset: u64, bytes: &[u8]) -> Reply {
    t.raw(
        Method::PATCH,
        &format!("{}?offset={offset}", upload_path(sha)),
        Some("application/octet-stream"),
        bytes.to_vec(),
    )
    .await
}

#[track_caller]
fn upload_status(reply: &Reply) -> UploadStatus {
    serde_json::from_value(reply.expect(StatusCode::OK)).expect("UploadStatus")
}

/// Uploads `content` whole, in parts of `size` bytes, from where the server stands.
async fn upload(t: &TestApp, content: &[u8], size: usize) -> UploadStatus {
    let sha = sha256_hex(content);
    let mut at = upload_status(&status(t, &sha).await).received as usize;
    loop {
        let end = (at + size).min(content.len());
        let s = upload_status(&part(t, &sha, at as u64, &content[at..end]).await);
        if s.complete {
            return s;
        }
        at = s.received as usize;
    }
}

/// A request with the session's token and these headers.
async fn get_with(t: &TestApp, method: Method, path: &str, headers: &[(&str, &str)]) -> Reply {
    let mut request = Request::builder().method(method).uri(path);
    if let Some(token) = &t.token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    t.send(request.body(Body::empty()).unwrap()).await
}

fn stored_path(t: &TestApp, sha: &str) -> PathBuf {
    t.files.dir().join(&sha[..2]).join(sha)
}

/// Every file in the files directory (temporary and partial ones too).
fn everything_kept(t: &TestApp) -> Vec<PathBuf> {
    fn walk(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(t.files.dir(), &mut out);
    out.sort();
    out
}

fn header(reply: &Reply, name: header::HeaderName) -> &str {
    reply
        .headers
        .get(&name)
        .unwrap_or_else(|| panic!("no {name}"))
        .to_str()
        .unwrap()
}

#[tokio::test]
async fn a_file_sent_in_parts_across_a_cut_is_downloaded_whole_and_by_ranges() {
    let t = TestApp::seeded().await;
    let editor = barbados_editor(&t).await;
    let content = pdf(200_000);
    let sha = sha256_hex(&content);
    document(&editor, attached(&content, "Minutes, 15 October.pdf", PDF)).await;
    let size = content.len() as u64;

    let at_start = upload_status(&status(&editor, &sha).await);
    assert_eq!(
        at_start,
        UploadStatus {
            received: 0,
            size,
            complete: false
        }
    );
    let first = upload_status(&part(&editor, &sha, 0, &content[..65_536]).await);
    assert_eq!(first.received, 65_536);
    // The second part arrives, but its answer is lost in a cut: the device sends it again
    // from where it thought the upload stood, is told where it stands, and goes on.
    upload_status(&part(&editor, &sha, 65_536, &content[65_536..131_072]).await);
    let again = part(&editor, &sha, 65_536, &content[65_536..131_072]).await;
    let refusal = again.expect_error(StatusCode::CONFLICT, "upload_offset");
    assert_eq!(refusal.problem.key, "problem-file-offset");
    assert_eq!(
        refusal.problem.args,
        vec![("received".into(), 131_072i64.into())]
    );
    let resumed = upload_status(&status(&editor, &sha).await);
    assert_eq!(resumed.received, 131_072);
    assert!(!resumed.complete);
    assert_eq!(
        get_with(&t, Method::GET, &format!("/api/v1/files/{sha}"), &[])
            .await
            .expect_error(StatusCode::NOT_FOUND, "not_found")
            .problem
            .key,
        "problem-file-not-uploaded",
        "half a file is not served"
    );
    let done = upload(&editor, &content, 65_536).await;
    assert_eq!(
        done,
        UploadStatus {
            received: size,
            size,
            complete: true
        }
    );
    assert_eq!(std::fs::read(stored_path(&t, &sha)).unwrap(), content);
    assert_eq!(
        everything_kept(&t),
        vec![
            stored_path(&t, &sha),
            stored_path(&t, &sha).with_extension("type")
        ],
        "the partial upload is gone once the file is kept"
    );
    // Sending the last part again, or any part, answers that the file is complete.
    assert_eq!(
        upload_status(&part(&editor, &sha, 0, &content[..10]).await),
        done
    );
    assert_eq!(upload_status(&status(&editor, &sha).await), done);

    // Anyone signed in downloads it, as an attachment no browser runs, never compressed.
    let viewer = t
        .signed_in_as("viewer@example.org", Role::Viewer, None)
        .await;
    let path = format!("/api/v1/files/{sha}");
    let gzip = ("accept-encoding", "gzip, br, zstd");
    let whole = get_with(&viewer, Method::GET, &path, &[gzip]).await;
    assert_eq!(whole.status, StatusCode::OK);
    assert!(whole.body == content, "the bytes uploaded, as they were");
    assert_eq!(header(&whole, header::CONTENT_TYPE), PDF);
    assert_eq!(
        header(&whole, header::CONTENT_DISPOSITION),
        "attachment; filename=\"Minutes, 15 October.pdf\"; filename*=UTF-8''Minutes%2C%2015%20October.pdf"
    );
    assert_eq!(header(&whole, header::X_CONTENT_TYPE_OPTIONS), "nosniff");
    assert_eq!(
        header(&whole, header::CONTENT_SECURITY_POLICY),
        "sandbox; default-src 'none'"
    );
    assert_eq!(
        header(&whole, header::CACHE_CONTROL),
        "private, max-age=31536000, immutable"
    );
    assert_eq!(header(&whole, header::ACCEPT_RANGES), "bytes");
    assert_eq!(header(&whole, header::ETAG), format!("\"{sha}\""));
    assert_eq!(header(&whole, header::CONTENT_LENGTH), size.to_string());
    assert!(!whole.headers.contains_key(header::CONTENT_ENCODING));

    let head = get_with(&viewer, Method::HEAD, &path, &[]).await;
    assert_eq!(head.status, StatusCode::OK);
    assert!(head.body.is_empty());
    assert_eq!(header(&head, header::CONTENT_LENGTH), size.to_string());
    assert_eq!(header(&head, header::CONTENT_TYPE), PDF);

    // A download cut off at byte 100,000 goes on from there.
    let rest = get_with(
        &viewer,
        Method::GET,
        &path,
        &[gzip, ("range", "bytes=100000-")],
    )
    .await;
    assert_eq!(rest.status, StatusCode::PARTIAL_CONTENT);
    assert!(rest.body == content[100_000..]);
    assert_eq!(
        header(&rest, header::CONTENT_RANGE),
        format!("bytes 100000-{}/{size}", size - 1)
    );
    assert!(!rest.headers.contains_key(header::CONTENT_ENCODING));
    let slice = get_with(&viewer, Method::GET, &path, &[("range", "bytes=10-19")]).await;
    assert_eq!(slice.status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(slice.body, &content[10..20]);
    assert_eq!(header(&slice, header::CONTENT_LENGTH), "10");
    let past = get_with(
        &viewer,
        Method::GET,
        &path,
        &[("range", &format!("bytes={size}-"))],
    )
    .await;
    assert_eq!(past.status, StatusCode::RANGE_NOT_SATISFIABLE);
    assert_eq!(
        header(&past, header::CONTENT_RANGE),
        format!("bytes */{size}")
    );
    let unchanged = get_with(
        &viewer,
        Method::GET,
        &path,
        &[("if-none-match", &format!("\"{sha}\""))],
    )
    .await;
    assert_eq!(unchanged.status, StatusCode::NOT_MODIFIED);
    assert!(unchanged.body.is_empty());
}

#[tokio::test]
async fn only_someone_who_may_edit_a_document_naming_the_file_uploads_it() {
    let t = TestApp::seeded().await;
    let content = pdf(5_000);
    let sha = sha256_hex(&content);
    let not_attached = |reply: Reply| {
        let body = reply.expect_error(StatusCode::FORBIDDEN, "forbidden");
        assert_eq!(body.problem.key, "problem-file-not-attached");
    };
    // No document names it: nobody uploads it, not even a coordinator.
    not_attached(status(&t, &sha).await);
    not_attached(part(&t, &sha, 0, &content).await);

    document(&t, attached(&content, "minutes.pdf", PDF)).await;
    let viewer = t
        .signed_in_as("viewer@example.org", Role::Viewer, None)
        .await;
    let antigua = t
        .signed_in_as(
            "editor.ag@example.org",
            Role::OfficeEditor,
            Some(seed::seed_id("customs_ag")),
        )
        .await;
    for outsider in [&viewer, &antigua] {
        not_attached(status(outsider, &sha).await);
        not_attached(part(outsider, &sha, 0, &content).await);
    }
    assert!(everything_kept(&t).is_empty(), "{:?}", everything_kept(&t));

    // Each account's upload is its own: Barbados's editor starts from nothing.
    upload_status(&part(&t, &sha, 0, &content[..1_000]).await);
    let editor = barbados_editor(&t).await;
    assert_eq!(upload_status(&status(&editor, &sha).await).received, 0);
    assert!(upload(&editor, &content, 3_000).await.complete);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parts_that_do_not_follow_on_or_do_not_fit_are_refused() {
    let t = TestApp::seeded().await;
    let content = pdf(MAX_PART_BYTES as usize + 200_000);
    let sha = sha256_hex(&content);
    document(&t, attached(&content, "report.pdf", PDF)).await;
    let size = content.len() as u64;

    let ahead = part(&t, &sha, 10, &content[10..20]).await;
    let body = ahead.expect_error(StatusCode::CONFLICT, "upload_offset");
    assert_eq!(body.problem.args, vec![("received".into(), 0i64.into())]);

    let too_large = |reply: Reply| {
        let body = reply.expect_error(StatusCode::PAYLOAD_TOO_LARGE, "body_too_large");
        assert_eq!(body.problem.key, "problem-file-part-too-large");
    };
    too_large(part(&t, &sha, 0, &pdf(MAX_PART_BYTES as usize + 1)).await);
    let at = size - 100;
    too_large(part(&t, &sha, at, &[0; 101]).await);
    too_large(part(&t, &sha, u64::MAX - 5, &[0; 10]).await);
    assert_eq!(upload_status(&status(&t, &sha).await).received, 0);

    // Sixteen copies of the same first part at once: one is appended, the others are told
    // where the upload stands.
    let first = &content[..50_000];
    let sent = futures_util::future::join_all((0..16).map(|_| {
        let t = t.with_token(t.token.clone());
        let first = first.to_vec();
        let sha = sha.clone();
        tokio::spawn(async move { part(&t, &sha, 0, &first).await })
    }))
    .await;
    let sent: Vec<Reply> = sent.into_iter().map(|r| r.expect("request")).collect();
    let taken = sent.iter().filter(|r| r.status == StatusCode::OK).count();
    assert_eq!(
        taken,
        1,
        "{:?}",
        sent.iter().map(|r| r.status).collect::<Vec<_>>()
    );
    for refused in sent.iter().filter(|r| r.status != StatusCode::OK) {
        refused.expect_error(StatusCode::CONFLICT, "upload_offset");
    }
    assert_eq!(upload_status(&status(&t, &sha).await).received, 50_000);
    assert!(upload(&t, &content, MAX_PART_BYTES as usize).await.complete);
    assert_eq!(std::fs::read(stored_path(&t, &sha)).unwrap(), content);
}

#[tokio::test]
async fn bytes_that_are_not_the_ones_the_hash_names_are_dropped() {
    let t = TestApp::seeded().await;
    let content = pdf(30_000);
    let sha = sha256_hex(&content);
    document(&t, attached(&content, "report.pdf", PDF)).await;
    let mut other = content.clone();
    other[20_000] ^= 1;
    upload_status(&part(&t, &sha, 0, &other[..20_000]).await);
    let last = part(&t, &sha, 20_000, &other[20_000..]).await;
    let body = last.expect_error(StatusCode::UNPROCESSABLE_ENTITY, "file_refused");
    assert_eq!(body.problem.key, "problem-file-mismatch");
    assert!(everything_kept(&t).is_empty(), "{:?}", everything_kept(&t));
    assert_eq!(upload_status(&status(&t, &sha).await).received, 0);
    t.get(&format!("/api/v1/files/{sha}"))
        .await
        .expect_error(StatusCode::NOT_FOUND, "not_found");
    // Sent again from the start, right this time, it is kept.
    assert!(upload(&t, &content, 20_000).await.complete);
}

/// A zip claiming a Word document inside that unpacks to gigabytes.
fn zip_bomb() -> Vec<u8> {
    tradewinds_shared::files::fixtures::zip(
        &[
            ("[Content_Types].xml", 10),
            ("word/document.xml", 4_000_000_000),
        ],
        b"<x/>",
    )
}

#[tokio::test]
async fn files_a_browser_could_run_bombs_and_false_claims_are_refused() {
    let t = TestApp::seeded().await;
    let docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    let cases: [(Vec<u8>, &str, &str, &str); 4] = [
        (
            b"<!DOCTYPE html><html><body><script>fetch('/api/v1/users')</script>".to_vec(),
            "minutes.txt",
            "text/plain",
            "problem-file-markup",
        ),
        (
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".to_vec(),
            "logo.txt",
            "text/plain",
            "problem-file-markup",
        ),
        (zip_bomb(), "report.docx", docx, "problem-file-packed"),
        (pdf(2_000), "photo.png", "image/png", "problem-file-claimed"),
    ];
    for (content, name, media_type, problem) in cases {
        let sha = sha256_hex(&content);
        document(&t, attached(&content, name, media_type)).await;
        let reply = part(&t, &sha, 0, &content).await;
        let body = reply.expect_error(StatusCode::UNPROCESSABLE_ENTITY, "file_refused");
        assert_eq!(body.problem.key, problem, "{name}");
        assert!(
            everything_kept(&t).is_empty(),
            "{name}: {:?}",
            everything_kept(&t)
        );
        assert_eq!(upload_status(&status(&t, &sha).await).received, 0);
    }

    // A name with folders never reaches a record, by sync or by REST.
    let content = pdf(1_000);
    let device = Uuid::new_v4();
    let record = RecordState::new(RecordKind::Document, Uuid::new_v4());
    let crafted = json!({
        "title": "Minutes",
        "publisher": seed::seed_id("customs_bb").to_string(),
        "file": attached(&content, "../../x", PDF),
    });
    let m = record.edit(1, now_ms(), fields(crafted.clone())).unwrap();
    let answer = t.push(device, &[m]).await;
    assert_eq!(answer.rejections.len(), 1, "{answer:?}");
    assert_eq!(answer.rejections[0].fields[0].field, "file");
    t.json(Method::POST, "/api/v1/documents", &crafted)
        .await
        .expect_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_record");
    status(&t, &sha256_hex(&content))
        .await
        .expect_error(StatusCode::FORBIDDEN, "forbidden");
}

#[tokio::test]
async fn a_path_that_is_not_a_hash_is_refused_before_any_file_is_looked_at() {
    let t = TestApp::seeded().await;
    let sha = sha256_hex(b"%PDF-1.4");
    for path in [
        "/api/v1/files/..%2F..%2Fetc".to_owned(),
        "/api/v1/files/..%2F..%2Fetc/upload".to_owned(),
        "/api/v1/files/..%2Fpartial%2F..".to_owned(),
        format!("/api/v1/files/{}", sha.to_uppercase()),
        format!("/api/v1/files/{}/upload", &sha[1..]),
        format!("/api/v1/files/{sha}%00/upload"),
    ] {
        for method in [Method::GET, Method::PATCH, Method::HEAD] {
            let reply = t.raw(method.clone(), &path, None, vec![0u8; 10]).await;
            if method == Method::PATCH && !path.ends_with("/upload") {
                assert_eq!(
                    reply.status,
                    StatusCode::METHOD_NOT_ALLOWED,
                    "{method} {path}"
                );
                continue;
            }
            if method == Method::HEAD {
                assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{path}");
                continue;
            }
            let body = reply.expect_error(StatusCode::BAD_REQUEST, "bad_path");
            assert_eq!(body.problem.key, "problem-file-hash", "{path}");
        }
    }
    assert!(everything_kept(&t).is_empty());
}

#[tokio::test]
async fn nothing_about_files_is_answered_without_a_session() {
    let t = TestApp::seeded().await;
    let content = pdf(1_000);
    let sha = sha256_hex(&content);
    document(&t, attached(&content, "minutes.pdf", PDF)).await;
    assert!(upload(&t, &content, 1_000).await.complete);
    let anyone = t.with_token(None);
    let stranger = t.with_token(Some("not-a-session-token".into()));
    for who in [&anyone, &stranger] {
        status(who, &sha)
            .await
            .expect_error(StatusCode::UNAUTHORIZED, "unauthenticated");
        part(who, &sha, 0, &content)
            .await
            .expect_error(StatusCode::UNAUTHORIZED, "unauthenticated");
        who.get(&format!("/api/v1/files/{sha}"))
            .await
            .expect_error(StatusCode::UNAUTHORIZED, "unauthenticated");
        let head = get_with(who, Method::HEAD, &format!("/api/v1/files/{sha}"), &[]).await;
        assert_eq!(head.status, StatusCode::UNAUTHORIZED);
    }
}

#[tokio::test]
async fn a_file_no_live_document_names_goes_after_a_month_and_a_stale_upload_after_a_week() {
    let t = TestApp::seeded().await;
    let (kept, dropped, started) = (pdf(3_000), pdf(4_000), pdf(5_000));
    document(&t, attached(&kept, "kept.pdf", PDF)).await;
    let removed = document(&t, attached(&dropped, "dropped.pdf", PDF)).await;
    document(&t, attached(&started, "started.pdf", PDF)).await;
    assert!(upload(&t, &kept, 1_000).await.complete);
    assert!(upload(&t, &dropped, 1_000).await.complete);
    upload_status(&part(&t, &sha256_hex(&started), 0, &started[..1_000]).await);
    let gone = t.delete(&format!("/api/v1/documents/{removed}")).await;
    assert_eq!(gone.status, StatusCode::NO_CONTENT);
    let dropped_path = format!("/api/v1/files/{}", sha256_hex(&dropped));
    t.get(&dropped_path)
        .await
        .expect_error(StatusCode::NOT_FOUND, "not_found");

    let now = SystemTime::now();
    let sweep = |at| collect_garbage(&t.store, &t.files, at);
    let swept = sweep(now).await.unwrap();
    assert_eq!(
        (swept.named, swept.removed, swept.partials_removed),
        (1, 0, 0)
    );
    assert!(
        stored_path(&t, &sha256_hex(&dropped)).exists(),
        "within its grace"
    );
    let swept = sweep(now + 6 * DAY).await.unwrap();
    assert_eq!(swept.partials_removed, 0, "a week's grace for an upload");
    assert_eq!(
        upload_status(&status(&t, &sha256_hex(&started)).await).received,
        1_000
    );
    let swept = sweep(now + 8 * DAY).await.unwrap();
    assert_eq!(swept.partials_removed, 1);
    assert_eq!(
        upload_status(&status(&t, &sha256_hex(&started)).await).received,
        0
    );
    assert!(stored_path(&t, &sha256_hex(&dropped)).exists());

    let swept = sweep(now + 31 * DAY).await.unwrap();
    assert_eq!((swept.named, swept.removed), (1, 1));
    assert!(!stored_path(&t, &sha256_hex(&dropped)).exists());
    assert_eq!(
        everything_kept(&t),
        vec![
            stored_path(&t, &sha256_hex(&kept)),
            stored_path(&t, &sha256_hex(&kept)).with_extension("type")
        ]
    );
    // The named file was touched by each pass: a month after the last, it is still there.
    sweep(now + 60 * DAY).await.unwrap();
    let whole = t.get(&format!("/api/v1/files/{}", sha256_hex(&kept))).await;
    assert_eq!(whole.status, StatusCode::OK);
    assert!(whole.body == kept);
}

#[tokio::test]
async fn file_requests_are_counted_by_route_pattern_never_by_hash() {
    let t = TestApp::seeded()
        .await
        .with_metrics_token("scrape-me-0123456789");
    let content = pdf(1_000);
    let sha = sha256_hex(&content);
    document(&t, attached(&content, "minutes.pdf", PDF)).await;
    assert!(upload(&t, &content, 600).await.complete);
    t.get(&format!("/api/v1/files/{sha}")).await;
    let scraped = get_with(
        &t.with_token(Some("scrape-me-0123456789".into())),
        Method::GET,
        "/metrics",
        &[],
    )
    .await;
    let text = String::from_utf8(scraped.body).unwrap();
    assert!(!text.contains(&sha), "{text}");
    for series in [
        "route=\"/api/v1/files/{sha256}/upload\",method=\"PATCH\",status=\"200\"} 2",
        "route=\"/api/v1/files/{sha256}/upload\",method=\"GET\",status=\"200\"} 1",
        "route=\"/api/v1/files/{sha256}\",method=\"GET\",status=\"200\"} 1",
    ] {
        assert!(text.contains(series), "{series} in {text}");
    }
}
