//! Removing files no document needs, without keeping any state: each pass touches every
//! stored file a live document names (its modification time becomes now), then removes
//! the files nobody has touched for `FILE_GRACE` (no live document named them in a month
//! of passes: a document removed by mistake and restored within it finds its file) and the
//! uploads nobody has added to for `PARTIAL_GRACE`. Several instances sharing one
//! directory may all sweep it: a pass only removes what no pass has touched for weeks.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io;
use std::path::Path;
use std::time::{Duration, SystemTime};

use super::storage::{Files, Sha};

/// How long a file no live document names is kept.
pub const FILE_GRACE: Duration = Duration::from_secs(30 * 24 * 60 * 60);
/// How long an upload nobody adds to is kept.
pub const PARTIAL_GRACE: Duration = Duration::from_secs(7 * 24 * 60 * 60);

/// What a pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Swept {
    /// Stored files a live document names (touched).
    pub named: usize,
    /// Stored files removed.
    pub removed: usize,
    /// Uploads under way (and temporary files) removed.
    pub partials_removed: usize,
}

/// One pass over `files` at `now`, `named` holding the SHA-256 of every file a live
/// document names. Blocking.
pub fn sweep(files: &Files, named: &HashSet<String>, now: SystemTime) -> io::Result<Swept> {
    let mut swept = Swept::default();
    // Whether the file at `path` was last changed more than `grace` ago; a file gone
    // meanwhile (removed with its pair, or by another instance's pass) is not.
    let old = |path: &Path, grace: Duration| -> io::Result<bool> {
        match fs::metadata(path).and_then(|m| m.modified()) {
            Ok(modified) => Ok(now.duration_since(modified).is_ok_and(|age| age > grace)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(e),
        }
    };
    for folder in fs::read_dir(files.dir())? {
        let folder = folder?;
        let name = folder.file_name();
        let is_prefix = name
            .to_str()
            .is_some_and(|n| n.len() == 2 && n.bytes().all(|b| b.is_ascii_hexdigit()));
        if !is_prefix || !folder.file_type()?.is_dir() {
            continue;
        }
        for entry in fs::read_dir(folder.path())? {
            let path = entry?.path();
            let Some(file_name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            // A type whose file never came (a crash between the two renames).
            if let Some(sha) = file_name.strip_suffix(".type").and_then(Sha::parse) {
                if !files.is_stored(&sha) && old(&path, FILE_GRACE)? {
                    gone(fs::remove_file(&path))?;
                }
                continue;
            }
            let Some(sha) = Sha::parse(file_name) else {
                continue;
            };
            if named.contains(sha.as_str()) {
                match File::options().append(true).open(&path) {
                    Ok(file) => file.set_modified(now)?,
                    Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                    Err(e) => return Err(e),
                }
                swept.named += 1;
            } else if old(&path, FILE_GRACE)? {
                gone(files.remove(&sha))?;
                swept.removed += 1;
            }
        }
    }
    for entry in fs::read_dir(files.partial_dir())? {
        let path = entry?.path();
        if old(&path, PARTIAL_GRACE)? {
            gone(fs::remove_file(&path))?;
            swept.partials_removed += 1;
        }
    }
    Ok(swept)
}

/// A removal that found the file already gone (another instance's pass) is done too.
fn gone(removed: io::Result<()>) -> io::Result<()> {
    match removed {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}
