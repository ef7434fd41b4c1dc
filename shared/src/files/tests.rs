//! What a file is, read from its content; names, references and downloads as documents
//! keep them.

use super::*;

use super::fixtures::zip;

fn refused_with(content: &[u8], name: &str) -> String {
    kind_of(content, name).expect_err("refused").key
}

#[test]
fn kinds_are_read_from_the_content_not_the_name() {
    let media = |content: &[u8], name: &str| kind_of(content, name).unwrap().media_type;
    assert_eq!(media(b"%PDF-1.7\n...", "photo.jpg"), "application/pdf");
    assert_eq!(media(b"\x89PNG\r\n\x1a\n....", "x"), "image/png");
    assert_eq!(
        media(&[0xFF, 0xD8, 0xFF, 0xE0, 1, 2], "x.pdf"),
        "image/jpeg"
    );
    assert_eq!(media(b"GIF89a....", "x"), "image/gif");
    assert_eq!(media(b"RIFF\x10\0\0\0WEBPVP8 ", "x"), "image/webp");
    assert_eq!(media(b"Agenda\n1. Welcome\n", "agenda.txt"), "text/plain");
    assert_eq!(media(b"name,country\nJCA,JM\n", "orgs.CSV"), "text/csv");
    let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
    assert_eq!(media(&ole, "minutes.DOC"), "application/msword");
    assert_eq!(media(&ole, "budget.xls"), "application/vnd.ms-excel");
    assert_eq!(refused_with(&ole, "setup.msi"), "problem-file-type");
    let docx = zip(
        &[("[Content_Types].xml", 10), ("word/document.xml", 10)],
        b"<x/>",
    );
    assert_eq!(media(&docx, "report"), DOCX.media_type);
    let xlsx = zip(
        &[("[Content_Types].xml", 10), ("xl/workbook.xml", 10)],
        b"<x/>",
    );
    assert_eq!(media(&xlsx, "x"), XLSX.media_type);
    let odt = zip(&[("mimetype", 39)], ODT.media_type.as_bytes());
    assert_eq!(media(&odt, "x"), ODT.media_type);
}

#[test]
fn markup_a_browser_could_run_is_refused() {
    for content in [
        &b"<!DOCTYPE html><html><body>hi</body></html>"[..],
        b"\xef\xbb\xbf  <html><script>alert(1)</script>",
        b"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
        b"<?xml version=\"1.0\"?><svg><script>alert(1)</script></svg>",
        b"Minutes of the meeting\n<script>fetch('/api/v1/users')</script>",
    ] {
        assert_eq!(refused_with(content, "minutes.txt"), "problem-file-markup");
    }
}

#[test]
fn other_kinds_and_broken_or_bombing_zips_are_refused() {
    assert_eq!(
        refused_with(b"MZ\x90\0\x03\0\0\0\x04\0", "tool.exe"),
        "problem-file-type"
    );
    assert_eq!(
        refused_with(b"text\0with a NUL", "x.txt"),
        "problem-file-type"
    );
    assert_eq!(
        refused_with(&[0x80, 0x81, 0xFE], "x.txt"),
        "problem-file-type"
    );
    assert_eq!(refused_with(b"", "x.txt"), "problem-file-empty");
    // A zip that is not an office document, and one cut short.
    let plain = zip(&[("notes.txt", 4)], b"abcd");
    assert_eq!(refused_with(&plain, "notes.zip"), "problem-file-type");
    let docx = zip(
        &[("[Content_Types].xml", 10), ("word/document.xml", 10)],
        b"<x/>",
    );
    assert_eq!(
        refused_with(&docx[..docx.len() - 30], "x.docx"),
        "problem-file-type"
    );
    // Entries claiming to unpack to gigabytes: listed, never unpacked, and refused.
    let bomb = zip(
        &[
            ("[Content_Types].xml", 10),
            ("word/document.xml", 4_000_000_000),
        ],
        b"<x/>",
    );
    assert_eq!(refused_with(&bomb, "x.docx"), "problem-file-packed");
    let ratio = zip(
        &[
            ("[Content_Types].xml", 10),
            ("word/document.xml", 1_000_000),
        ],
        b"<x/>",
    );
    assert_eq!(refused_with(&ratio, "x.docx"), "problem-file-packed");
}

#[test]
fn a_file_over_the_limit_is_refused_naming_both_sizes() {
    let p = size_problem(MAX_FILE_BYTES + 1).unwrap();
    assert_eq!(p.key, "problem-file-too-large");
    assert_eq!(
        p.args,
        vec![("max".into(), 25i64.into()), ("size".into(), 26i64.into())]
    );
    assert!(size_problem(MAX_FILE_BYTES).is_none());
}

#[test]
fn names_lose_their_folders_and_control_characters() {
    assert_eq!(clean_name("C:\\fakepath\\report.pdf"), "report.pdf");
    assert_eq!(clean_name("../../etc/passwd"), "passwd");
    assert_eq!(clean_name(" minutes\r\n 2012.docx "), "minutes 2012.docx");
    assert_eq!(clean_name("..."), "");
    let long = format!("{}.pdf", "é".repeat(300));
    let cut = clean_name(&long);
    assert_eq!(cut.chars().count(), MAX_NAME_CHARS);
    assert!(cut.ends_with(".pdf"));
}

#[test]
fn a_clean_name_is_one_cleaning_leaves_as_it_is() {
    for name in [
        "report.pdf",
        " report.pdf",
        ".hidden",
        "..",
        "a/b.pdf",
        "a\\b",
        "tab\there",
        "",
        "été 2012.docx",
        "x. ",
        ". x",
    ] {
        assert_eq!(
            is_clean_name(name),
            !name.is_empty() && clean_name(name) == name,
            "{name:?}"
        );
    }
}

#[test]
fn a_reference_is_checked_as_a_record_field() {
    let good = Attached {
        sha256: sha256_hex(b"%PDF-1.4"),
        name: "agenda.pdf".into(),
        size: 8,
        media_type: "application/pdf".into(),
    };
    let problems = |a: &Attached| {
        let mut e = ValidationErrors::default();
        a.check(&mut e, "file");
        e.0.into_iter().map(|e| e.problem.key).collect::<Vec<_>>()
    };
    assert!(problems(&good).is_empty());
    let with = |f: &dyn Fn(&mut Attached)| {
        let mut a = good.clone();
        f(&mut a);
        problems(&a)
    };
    assert_eq!(with(&|a| a.sha256 = "ABC".into()), ["problem-file-hash"]);
    assert_eq!(
        with(&|a| a.sha256 = a.sha256.to_uppercase()),
        ["problem-file-hash"]
    );
    assert_eq!(with(&|a| a.name = "../x.pdf".into()), ["problem-file-name"]);
    assert_eq!(with(&|a| a.name = String::new()), ["problem-file-name"]);
    assert_eq!(with(&|a| a.size = 0), ["problem-file-empty"]);
    assert_eq!(
        with(&|a| a.size = MAX_FILE_BYTES + 1),
        ["problem-file-too-large"]
    );
    assert_eq!(
        with(&|a| a.media_type = "text/html".into()),
        ["problem-file-type"]
    );
}

#[test]
fn the_hash_is_sha256_in_lowercase_hex() {
    assert_eq!(
        sha256_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert!(is_sha256(&sha256_hex(b"")));
}

#[test]
fn downloads_are_attachments_with_the_name_in_both_forms() {
    assert_eq!(
        content_disposition("Procès-verbal \"final\".pdf"),
        "attachment; filename=\"Proc_s-verbal _final_.pdf\"; \
         filename*=UTF-8''Proc%C3%A8s-verbal%20%22final%22.pdf"
    );
    assert_eq!(
        content_disposition("..\\..\\evil\r\n.html"),
        "attachment; filename=\"evil.html\"; filename*=UTF-8''evil.html"
    );
}
