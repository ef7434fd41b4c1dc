//! `app/src/db/files` in a real browser: a file attached here waits to be sent and is kept;
//! "do not keep" drops a sent file but never one still waiting; a download's parts come
//! back in order and stop at a gap, so a resumed download never joins bytes out of order.

use tradewinds_app::db::files::Files;
use tradewinds_shared::files::{sha256_hex, Attached};
use wasm_bindgen_test::*;
use web_sys::Blob;

wasm_bindgen_test_configure!(run_in_browser);

fn blob(bytes: &[u8]) -> Blob {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes).into());
    Blob::new_with_u8_array_sequence(&parts).unwrap()
}

fn attached(bytes: &[u8], name: &str) -> Attached {
    Attached {
        sha256: sha256_hex(bytes),
        name: name.into(),
        size: bytes.len() as u64,
        media_type: "text/plain".into(),
    }
}

async fn bytes(blob: &Blob) -> Vec<u8> {
    let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer())
        .await
        .unwrap();
    js_sys::Uint8Array::new(&buffer).to_vec()
}

#[wasm_bindgen_test]
async fn an_attached_file_waits_to_be_sent_and_is_kept_until_sent_and_let_go() {
    let files = Files::open().await.unwrap();
    let content = b"Minutes of the Bridgetown meeting, attached here";
    let a = attached(content, "minutes.txt");
    files.attach(&a, &blob(content)).await.unwrap();
    let held = files.get(&a.sha256).await.unwrap().expect("held");
    assert!(held.upload && held.kept);
    assert_eq!(held.attached, a);
    assert_eq!(bytes(&held.blob).await, content);

    // Not kept any more while still waiting: it stays, to be sent.
    files.forget(&a.sha256).await.unwrap();
    let held = files.get(&a.sha256).await.unwrap().expect("still waiting");
    assert!(held.upload && !held.kept);

    // Sent and kept again, then let go: gone from the device.
    files.uploaded(&a.sha256).await.unwrap();
    files.keep(&a, &blob(content)).await.unwrap();
    let held = files.get(&a.sha256).await.unwrap().unwrap();
    assert!(!held.upload && held.kept);
    files.forget(&a.sha256).await.unwrap();
    assert!(files.get(&a.sha256).await.unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_refused_file_is_no_longer_sent_and_says_why() {
    let files = Files::open().await.unwrap();
    let content = b"a file the server will not take";
    let a = attached(content, "refused.txt");
    files.attach(&a, &blob(content)).await.unwrap();
    files
        .refused(&a.sha256, "not a kind of file kept".into())
        .await
        .unwrap();
    let held = files.get(&a.sha256).await.unwrap().unwrap();
    assert!(!held.upload);
    assert_eq!(held.refused.as_deref(), Some("not a kind of file kept"));
    assert!(files
        .all()
        .await
        .unwrap()
        .iter()
        .any(|h| h.attached.sha256 == a.sha256));
}

#[wasm_bindgen_test]
async fn a_downloads_parts_come_back_in_order_and_stop_at_a_gap() {
    let files = Files::open().await.unwrap();
    let sha = sha256_hex(b"a download in parts");
    // Stored out of order; the third starts past a gap.
    files.add_part(&sha, 4, 4, &blob(b"5678")).await.unwrap();
    files.add_part(&sha, 0, 4, &blob(b"1234")).await.unwrap();
    files
        .add_part(&sha, 12, 11, &blob(b"after a gap"))
        .await
        .unwrap();
    // Another file's parts are not this one's.
    let other = sha256_hex(b"another download");
    files.add_part(&other, 0, 5, &blob(b"other")).await.unwrap();
    let (parts, held) = files.parts(&sha).await.unwrap();
    assert_eq!(held, 8);
    let mut joined = Vec::new();
    for p in &parts {
        joined.extend(bytes(p).await);
    }
    assert_eq!(joined, b"12345678");
    files.drop_parts(&sha).await.unwrap();
    assert!(files.parts(&sha).await.unwrap().0.is_empty());
    assert_eq!(files.parts(&other).await.unwrap().0.len(), 1);
}
