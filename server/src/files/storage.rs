//! The files directory: complete files by content, `DIR/<first two hex digits>/<sha256>`
//! with the media type their content was found to be beside them (`<sha256>.type`), and
//! each account's uploads under way, `DIR/partial/<account>-<sha256>`.
//!
//! Every path is made from a checked `Sha` and a `Uuid`, nothing else a client sends. A
//! complete file appears only by renaming a written and fsynced temporary file (in
//! `partial/`, on the same file system), so a reader finds the whole file or none. Work on
//! one upload holds an exclusive lock on its partial file (`File::lock`: `flock`, which
//! the Linux NFS client maps to NFS locks), so two requests for the same account and file,
//! to one instance or to two sharing the directory, never interleave their writes.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tradewinds_shared::files::{is_sha256, kind_of, sha256_hex, UploadStatus, KINDS};
use tradewinds_shared::i18n::{problem::key, Problem};
use uuid::Uuid;

/// A SHA-256 as a file's name: 64 lowercase hex digits, checked when made.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Sha(String);

impl Sha {
    pub fn parse(s: &str) -> Option<Sha> {
        is_sha256(s).then(|| Sha(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The directory files are kept in (`serve --files`).
#[derive(Debug, Clone)]
pub struct Files {
    dir: Arc<Path>,
}

/// What a document says its file is: the checks a finished upload must pass.
#[derive(Debug, Clone)]
pub struct Expected {
    pub size: u64,
    pub name: String,
    pub media_type: String,
}

/// Why a part was not taken.
#[derive(Debug)]
pub enum Refused {
    /// The part does not start where the upload stands (`received`).
    Offset {
        received: u64,
    },
    /// The finished upload is not the file its document names: not its bytes, not a kind
    /// kept, or not the kind the document says. The partial file is gone.
    File(Problem),
    Io(io::Error),
}

impl From<io::Error> for Refused {
    fn from(e: io::Error) -> Self {
        Refused::Io(e)
    }
}

/// A stored file, opened for reading.
pub struct Stored {
    pub file: File,
    pub size: u64,
    pub media_type: String,
}

const PARTIAL: &str = "partial";
const TYPE_SUFFIX: &str = ".type";

impl Files {
    /// Files kept in `dir`, made if missing (with its `partial/` directory).
    pub fn open(dir: &Path) -> io::Result<Files> {
        fs::create_dir_all(dir.join(PARTIAL))?;
        Ok(Files { dir: dir.into() })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub(super) fn partial_dir(&self) -> PathBuf {
        self.dir.join(PARTIAL)
    }

    fn complete_path(&self, sha: &Sha) -> PathBuf {
        self.dir.join(&sha.0[..2]).join(&sha.0)
    }

    fn type_path(&self, sha: &Sha) -> PathBuf {
        self.dir
            .join(&sha.0[..2])
            .join(format!("{}{TYPE_SUFFIX}", sha.0))
    }

    fn partial_path(&self, account: Uuid, sha: &Sha) -> PathBuf {
        self.partial_dir().join(format!("{account}-{}", sha.0))
    }

    /// Whether the whole file is kept.
    pub fn is_stored(&self, sha: &Sha) -> bool {
        self.complete_path(sha).is_file()
    }

    /// What `account` holds of the file of `size` bytes.
    pub fn status(&self, account: Uuid, sha: &Sha, size: u64) -> io::Result<UploadStatus> {
        if self.is_stored(sha) {
            return Ok(complete(size));
        }
        let received = match fs::metadata(self.partial_path(account, sha)) {
            Ok(m) => m.len(),
            Err(e) if e.kind() == io::ErrorKind::NotFound => 0,
            Err(e) => return Err(e),
        };
        Ok(UploadStatus {
            received,
            size,
            complete: false,
        })
    }

    /// Appends `part` at `offset` to `account`'s upload of `sha`; when that finishes the
    /// file, checks it against its hash and `expected`, and keeps it. Blocking: run it off
    /// the async threads. The caller has checked that the part ends within the file.
    pub fn append(
        &self,
        account: Uuid,
        sha: &Sha,
        offset: u64,
        part: &[u8],
        expected: &Expected,
    ) -> Result<UploadStatus, Refused> {
        if self.is_stored(sha) {
            return Ok(complete(expected.size));
        }
        let path = self.partial_path(account, sha);
        let mut file = OpenOptions::new()
            .create(true)
            .append(true)
            .read(true)
            .open(&path)?;
        file.lock()?;
        // Another request may have finished the file while this one waited for the lock.
        if self.is_stored(sha) {
            return Ok(complete(expected.size));
        }
        let received = file.metadata()?.len();
        if received != offset {
            return Err(Refused::Offset { received });
        }
        file.write_all(part)?;
        file.sync_data()?;
        let received = received + part.len() as u64;
        if received < expected.size {
            return Ok(UploadStatus {
                received,
                size: expected.size,
                complete: false,
            });
        }
        let mut content = Vec::with_capacity(received as usize);
        file.seek(SeekFrom::Start(0))?;
        file.read_to_end(&mut content)?;
        let kept = check(&content, sha, expected)
            .and_then(|media_type| Ok(self.keep(sha, &content, media_type)?));
        // Kept or refused, the partial file has served: a refused one is sent again from
        // the start.
        fs::remove_file(&path)?;
        kept.map(|()| complete(expected.size))
    }

    /// Writes a checked file into place: its type first, then its bytes, each renamed from
    /// a fsynced temporary file, so that a file found complete always has its type.
    fn keep(&self, sha: &Sha, content: &[u8], media_type: &str) -> io::Result<()> {
        let folder = self.dir.join(&sha.0[..2]);
        fs::create_dir_all(&folder)?;
        self.write_renamed(&self.type_path(sha), media_type.as_bytes())?;
        self.write_renamed(&self.complete_path(sha), content)?;
        File::open(&folder)?.sync_all()
    }

    fn write_renamed(&self, to: &Path, content: &[u8]) -> io::Result<()> {
        let temporary = self
            .partial_dir()
            .join(format!("{}.tmp", Uuid::new_v4().simple()));
        let written = (|| {
            let mut file = File::create_new(&temporary)?;
            file.write_all(content)?;
            file.sync_all()?;
            fs::rename(&temporary, to)
        })();
        if written.is_err() {
            let _ = fs::remove_file(&temporary);
        }
        written
    }

    /// The stored file, if the whole of it is kept.
    pub fn read(&self, sha: &Sha) -> io::Result<Option<Stored>> {
        let file = match File::open(self.complete_path(sha)) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let size = file.metadata()?.len();
        let media_type = fs::read_to_string(self.type_path(sha))?;
        Ok(Some(Stored {
            file,
            size,
            media_type,
        }))
    }

    /// Removes a stored file (its bytes first: a type alone is not a file).
    pub(super) fn remove(&self, sha: &Sha) -> io::Result<()> {
        fs::remove_file(self.complete_path(sha))?;
        match fs::remove_file(self.type_path(sha)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}

fn complete(size: u64) -> UploadStatus {
    UploadStatus {
        received: size,
        size,
        complete: true,
    }
}

/// The media type of a finished upload, if it is the file `sha` names and the kind its
/// document says.
fn check<'a>(content: &[u8], sha: &Sha, expected: &'a Expected) -> Result<&'a str, Refused> {
    if sha256_hex(content) != sha.0 {
        return Err(Refused::File(Problem::new(key::FILE_MISMATCH)));
    }
    let found = kind_of(content, &expected.name).map_err(Refused::File)?;
    if found.media_type != expected.media_type {
        let claimed = KINDS
            .iter()
            .find(|k| k.media_type == expected.media_type)
            .map_or(expected.media_type.as_str(), |k| k.name);
        return Err(Refused::File(
            Problem::new(key::FILE_CLAIMED)
                .with("found", found.name)
                .with("claimed", claimed),
        ));
    }
    Ok(&expected.media_type)
}
