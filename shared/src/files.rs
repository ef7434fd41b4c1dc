//! Files attached to documents: a document record names its file by content (`Attached`: the
//! SHA-256 of its bytes, its name, size and type); the bytes travel apart from the record,
//! uploaded in parts that survive cuts, and the server keeps them by their hash.
//!
//! What a file is comes from its content (`kind_of`), never from its name or from what a
//! device claims: the app checks a file before attaching it and the server checks it again
//! when the last part arrives, with this same code. Only kinds that a browser will not run
//! are kept — PDF, office documents, images other than SVG, plain text — and they are served
//! as downloads, never shown inline from the app's origin.

use serde::{Deserialize, Serialize};

use crate::i18n::problem::{key, Problem};
use crate::validation::ValidationErrors;

/// The largest file a document may carry: 25 MB.
pub const MAX_FILE_BYTES: u64 = 25 * 1024 * 1024;
/// What a device sends in one request: small enough that a cut on a 50 kbit/s link loses
/// at most about ten seconds.
pub const UPLOAD_PART_BYTES: u64 = 64 * 1024;
/// The most the server takes in one request.
pub const MAX_PART_BYTES: u64 = 1024 * 1024;
/// A file name's length, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// What an office document (a zip) may unpack to, in all and as a multiple of its size:
/// beyond either it is a "zip bomb", not a document.
const MAX_UNPACKED_BYTES: u64 = 512 * 1024 * 1024;
const MAX_UNPACK_RATIO: u64 = 100;

/// A document's file as its record names it (the record field `file`). The record and the
/// bytes sync apart: a record may name a file whose bytes have not reached the server yet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Attached {
    /// The SHA-256 of the bytes, 64 lowercase hex digits: the file's name on the server.
    pub sha256: String,
    /// The name it had on the device it came from (no folders).
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
    /// Its media type, as `kind_of` found it.
    #[serde(rename = "type")]
    pub media_type: String,
}

impl Attached {
    /// Adds to `e`, under `field`, whatever makes this reference unusable.
    pub fn check(&self, e: &mut ValidationErrors, field: &str) {
        if !is_sha256(&self.sha256) {
            e.add(field, key::FILE_HASH);
        } else if !is_clean_name(&self.name) {
            e.add(field, key::FILE_NAME);
        } else if let Some(p) = size_problem(self.size) {
            e.add_problem(field, p);
        } else if !KINDS.iter().any(|k| k.media_type == self.media_type) {
            e.add(field, key::FILE_TYPE);
        }
    }

    /// The path the server serves this file's bytes at.
    pub fn path(&self) -> String {
        format!("/api/v1/files/{}", self.sha256)
    }
}

/// Whether `s` is a SHA-256 written as 64 lowercase hex digits.
pub fn is_sha256(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The SHA-256 of `bytes`, as `Attached::sha256` writes it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex(&sha2::Sha256::digest(bytes))
}

/// Lowercase hex digits of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

/// A file name as a document keeps it: the last part of a path (a browser may give
/// `C:\fakepath\report.pdf`), without control characters or surrounding spaces, at most
/// `MAX_NAME_CHARS` characters (the extension kept).
pub fn clean_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = last.chars().filter(|c| !c.is_control()).collect();
    let clean = clean.trim().trim_start_matches('.').trim();
    if clean.chars().count() <= MAX_NAME_CHARS {
        return clean.to_owned();
    }
    let (stem, ext) = match clean.rsplit_once('.') {
        Some((s, e)) if e.chars().count() <= 10 => (s, Some(e)),
        _ => (clean, None),
    };
    let room = MAX_NAME_CHARS - ext.map_or(0, |e| e.chars().count() + 1);
    let mut out: String = stem
        .chars()
        .take(room)
        .collect::<String>()
        .trim_end()
        .to_owned();
    if let Some(e) = ext {
        out.push('.');
        out.push_str(e);
    }
    out
}

/// Whether `name` is a file name as `clean_name` leaves it, and not empty (checked
/// without making the cleaned name: this runs on every document saved).
pub fn is_clean_name(name: &str) -> bool {
    !name.is_empty()
        && name.trim() == name
        && !name.starts_with('.')
        && name.chars().count() <= MAX_NAME_CHARS
        && !name
            .chars()
            .any(|c| c == '/' || c == '\\' || c.is_control())
}

/// Why a file of `size` bytes cannot be attached, if it cannot.
pub fn size_problem(size: u64) -> Option<Problem> {
    if size == 0 {
        Some(Problem::new(key::FILE_EMPTY))
    } else if size > MAX_FILE_BYTES {
        Some(
            Problem::new(key::FILE_TOO_LARGE)
                .with("max", (MAX_FILE_BYTES / (1024 * 1024)) as i64)
                .with("size", size.div_ceil(1024 * 1024) as i64),
        )
    } else {
        None
    }
}

/// A kind of file Tradewinds keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileKind {
    pub media_type: &'static str,
    /// What people call it ("PDF"), in every language.
    pub name: &'static str,
}

const fn kind(media_type: &'static str, name: &'static str) -> FileKind {
    FileKind { media_type, name }
}

const PDF: FileKind = kind("application/pdf", "PDF");
const PNG: FileKind = kind("image/png", "PNG");
const JPEG: FileKind = kind("image/jpeg", "JPEG");
const GIF: FileKind = kind("image/gif", "GIF");
const WEBP: FileKind = kind("image/webp", "WebP");
const DOCX: FileKind = kind(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "Word",
);
const XLSX: FileKind = kind(
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "Excel",
);
const PPTX: FileKind = kind(
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "PowerPoint",
);
const ODT: FileKind = kind("application/vnd.oasis.opendocument.text", "OpenDocument");
const ODS: FileKind = kind(
    "application/vnd.oasis.opendocument.spreadsheet",
    "OpenDocument",
);
const ODP: FileKind = kind(
    "application/vnd.oasis.opendocument.presentation",
    "OpenDocument",
);
const DOC: FileKind = kind("application/msword", "Word 97");
const XLS: FileKind = kind("application/vnd.ms-excel", "Excel 97");
const PPT: FileKind = kind("application/vnd.ms-powerpoint", "PowerPoint 97");
const TEXT: FileKind = kind("text/plain", "text");
const CSV: FileKind = kind("text/csv", "CSV");

/// Every kind of file kept.
pub const KINDS: &[FileKind] = &[
    PDF, PNG, JPEG, GIF, WEBP, DOCX, XLSX, PPTX, ODT, ODS, ODP, DOC, XLS, PPT, TEXT, CSV,
];

/// What the file whose whole content is `content` is, read from the content (`name`
/// only tells apart the kinds whose content does not: Word, Excel and PowerPoint 97, CSV
/// and text). Refused: web pages, SVG and other markup a browser could run, a zip that
/// unpacks to far more than its size, and anything not in `KINDS`.
pub fn kind_of(content: &[u8], name: &str) -> Result<FileKind, Problem> {
    if let Some(p) = size_problem(content.len() as u64) {
        return Err(p);
    }
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let starts = |magic: &[u8]| content.starts_with(magic);
    if starts(b"%PDF-") {
        Ok(PDF)
    } else if starts(b"\x89PNG\r\n\x1a\n") {
        Ok(PNG)
    } else if starts(&[0xFF, 0xD8, 0xFF]) {
        Ok(JPEG)
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        Ok(GIF)
    } else if starts(b"RIFF") && content.get(8..12) == Some(b"WEBP") {
        Ok(WEBP)
    } else if starts(b"PK\x03\x04") {
        office_zip(content)
    } else if starts(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        match extension.as_str() {
            "doc" | "dot" => Ok(DOC),
            "xls" | "xlt" => Ok(XLS),
            "ppt" | "pps" => Ok(PPT),
            _ => Err(Problem::new(key::FILE_TYPE)),
        }
    } else {
        text(content, &extension)
    }
}

/// Plain text: UTF-8 with no NUL and nothing a browser would read as markup.
fn text(content: &[u8], extension: &str) -> Result<FileKind, Problem> {
    let Ok(s) = std::str::from_utf8(content) else {
        return Err(Problem::new(key::FILE_TYPE));
    };
    if s.contains('\0') {
        return Err(Problem::new(key::FILE_TYPE));
    }
    let head: String = s
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(1024)
        .collect::<String>()
        .to_lowercase();
    let markup = [
        "<html",
        "<!doctype",
        "<svg",
        "<script",
        "<?xml",
        "<body",
        "<iframe",
    ];
    if head.starts_with('<') || markup.iter().any(|m| head.contains(m)) {
        return Err(Problem::new(key::FILE_MARKUP));
    }
    Ok(if extension == "csv" { CSV } else { TEXT })
}

/// A zip is kept only as an office document (OOXML or OpenDocument) that unpacks to a
/// sensible size; its entries are listed, never unpacked.
fn office_zip(content: &[u8]) -> Result<FileKind, Problem> {
    let entries = zip_entries(content).ok_or_else(|| Problem::new(key::FILE_TYPE))?;
    let unpacked: u64 = entries.iter().map(|e| e.unpacked).sum();
    if unpacked > MAX_UNPACKED_BYTES || unpacked > MAX_UNPACK_RATIO * content.len() as u64 {
        return Err(Problem::new(key::FILE_PACKED));
    }
    let has = |prefix: &str| entries.iter().any(|e| e.name_starts(prefix));
    if has("[Content_Types].xml") {
        return if has("word/") {
            Ok(DOCX)
        } else if has("xl/") {
            Ok(XLSX)
        } else if has("ppt/") {
            Ok(PPTX)
        } else {
            Err(Problem::new(key::FILE_TYPE))
        };
    }
    // OpenDocument: a first entry `mimetype`, stored, naming the kind.
    let local_name = content.get(30..38);
    if local_name == Some(b"mimetype") {
        let extra = u16::from_le_bytes([content[28], content[29]]) as usize;
        let rest = content.get(38 + extra..).unwrap_or_default();
        for k in [ODT, ODS, ODP] {
            if rest.starts_with(k.media_type.as_bytes()) {
                return Ok(k);
            }
        }
    }
    Err(Problem::new(key::FILE_TYPE))
}

struct ZipEntry<'a> {
    name: &'a [u8],
    unpacked: u64,
}

impl ZipEntry<'_> {
    fn name_starts(&self, prefix: &str) -> bool {
        self.name.starts_with(prefix.as_bytes())
    }
}

/// The entries of a zip's central directory, or `None` if it has none that can be read
/// (or uses zip64, which no office document under `MAX_FILE_BYTES` needs).
fn zip_entries(content: &[u8]) -> Option<Vec<ZipEntry<'_>>> {
    let u16_at = |at: usize| {
        Some(u16::from_le_bytes(
            content.get(at..at + 2)?.try_into().ok()?,
        ))
    };
    let u32_at = |at: usize| {
        Some(u32::from_le_bytes(
            content.get(at..at + 4)?.try_into().ok()?,
        ))
    };
    // The end-of-directory record: in the last 22 + 65,535 bytes.
    let earliest = content.len().saturating_sub(22 + 65_535);
    let end = (earliest..=content.len().checked_sub(22)?)
        .rev()
        .find(|&at| content[at..].starts_with(b"PK\x05\x06"))?;
    let count = u16_at(end + 10)? as usize;
    let mut at = u32_at(end + 16)? as usize;
    if count == 0xFFFF || at == 0xFFFF_FFFF_usize {
        return None;
    }
    let mut entries = Vec::with_capacity(count.min(4096));
    for _ in 0..count {
        if !content.get(at..)?.starts_with(b"PK\x01\x02") {
            return None;
        }
        let unpacked = u32_at(at + 24)?;
        if unpacked == 0xFFFF_FFFF {
            return None;
        }
        let name_len = u16_at(at + 28)? as usize;
        let extra = u16_at(at + 30)? as usize;
        let comment = u16_at(at + 32)? as usize;
        let name = content.get(at + 46..at + 46 + name_len)?;
        entries.push(ZipEntry {
            name,
            unpacked: u64::from(unpacked),
        });
        at += 46 + name_len + extra + comment;
    }
    Some(entries)
}

/// `Content-Disposition` for a download of a file named `name`: always an attachment, the
/// name in ASCII for old clients and in full as RFC 5987 UTF-8.
pub fn content_disposition(name: &str) -> String {
    let name = clean_name(name);
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut encoded = String::new();
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
            encoded.push(b as char);
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// What the server holds of a file being uploaded: `GET` and each `PATCH` of
/// `/api/v1/files/{sha256}/upload` answer with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadStatus {
    /// Bytes received so far: the next part starts here.
    pub received: u64,
    /// The file's size, as its record names it.
    pub size: u64,
    /// The whole file is kept (checked against its hash and its kind).
    pub complete: bool,
}

#[doc(hidden)]
pub mod fixtures;
#[cfg(test)]
mod tests;
