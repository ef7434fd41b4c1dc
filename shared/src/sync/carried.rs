//! Sync carried on a file, for a device that cannot reach the server: its waiting changes
//! written to a file a person carries (a USB stick, an e-mail sent from another place), and
//! taken in by the server through the same idempotent push as online sync.
//!
//! The file is sealed with HMAC-SHA-256 under a key the server derives for one account on
//! one device (`seal_key`) and hands that device while it is online. The server derives the
//! key again from the file's account and device, so it can tell that the file was made on
//! that device by that person, and refuses one altered since (or sealed for another
//! server). The sealed part is kept as the exact text that was sealed (`changes`), so no
//! re-encoding can change what is checked.
//!
//! ```text
//! {"format":"tradewinds-changes","version":1,
//!  "changes":"{\"device\":…,\"account\":…,\"name\":…,\"made\":…,\"cursor\":…,\"mutations\":[…]}",
//!  "seal":"<64 hex digits>"}
//! ```

use crate::i18n::{problem::key, Problem};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use uuid::Uuid;

use super::{DeviceId, Mutation, Rejection};

/// What the file says it is.
pub const FORMAT: &str = "tradewinds-changes";
/// The newest layout this release reads and the one it writes.
pub const VERSION: u32 = 1;

/// A device's waiting changes, as carried.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Carried {
    /// The device the changes were made on; they are applied under its counter.
    pub device: DeviceId,
    /// The account whose changes they are (the server checks its rights when it takes them in).
    pub account: Uuid,
    /// That person's name, for whoever takes the file in.
    pub name: String,
    /// When the file was made: the device's clock, milliseconds since 1970.
    pub made: i64,
    /// Where the device's copy of the catalogue stood, as a push's `?cursor=` says.
    #[serde(default)]
    pub cursor: Option<String>,
    /// The changes, in the device's order (numbered without gaps).
    pub mutations: Vec<Mutation>,
}

/// `POST /api/v1/sync/seal-key`: the key sealing the signed-in person's files on `device`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SealKeyRequest {
    pub device: DeviceId,
}

/// The answer: the key, in hex, for that account on that device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealKey {
    pub device: DeviceId,
    pub key: String,
}

/// What taking a file in did (`POST /api/v1/sync/changes-file`, `tradewinds import-changes`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TakenIn {
    pub device: DeviceId,
    pub account: Uuid,
    /// The person, as the server knows them now.
    pub name: String,
    pub made: i64,
    /// Changes in the file.
    pub changes: usize,
    /// Applied now (rejections not counted).
    pub applied: usize,
    /// Already taken in before (by sync or an earlier copy of the file): nothing done.
    pub already: usize,
    /// Changes the person may not make, or that no form would accept, with the reason; the
    /// device shows them when it next syncs.
    #[serde(default)]
    pub rejections: Vec<Rejection>,
}

#[derive(Serialize, Deserialize)]
struct File {
    format: String,
    version: u32,
    changes: String,
    seal: String,
}

/// A file read but not yet checked: what it says, and the text its seal covers.
#[derive(Debug)]
pub struct Sealed {
    pub carried: Carried,
    changes: String,
    seal: String,
}

/// Why a file is not taken in.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CarriedError {
    #[error("This is not a Tradewinds changes file (one made by \"Save my waiting changes to a file\"): {0}")]
    NotChanges(String),
    #[error("This changes file was made by a newer release of Tradewinds (version {0}); update the server first.")]
    Newer(u32),
    #[error("This changes file's changes cannot be read: {0}")]
    Changes(String),
}

impl CarriedError {
    /// What to tell the person, in their language (`i18n::Problem`).
    pub fn problem(&self) -> Problem {
        match self {
            CarriedError::NotChanges(detail) => {
                Problem::new(key::FILE_NOT_CHANGES).with("detail", detail.as_str())
            }
            CarriedError::Newer(version) => {
                Problem::new(key::FILE_NEWER).with("version", version.to_string())
            }
            CarriedError::Changes(detail) => {
                Problem::new(key::FILE_CHANGES_UNREADABLE).with("detail", detail.as_str())
            }
        }
    }
}

/// The key that seals files of `account` on `device`, from the server's own secret, as of
/// the account's key generation (`generation`: each withdrawal of its keys makes the next,
/// and every earlier key stops opening its files). Generation 0 is the key of accounts
/// whose keys were never withdrawn, as it was before generations.
pub fn seal_key(secret: &[u8], account: Uuid, device: DeviceId, generation: u64) -> [u8; 32] {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret).expect("HMAC takes any key");
    mac.update(FORMAT.as_bytes());
    mac.update(account.as_bytes());
    mac.update(device.as_bytes());
    if generation > 0 {
        mac.update(&generation.to_be_bytes());
    }
    mac.finalize().into_bytes().into()
}

/// The file for `carried`, sealed with `key`.
pub fn write(carried: &Carried, key: &[u8]) -> String {
    let changes = serde_json::to_string(carried).expect("changes always serialise");
    let seal = to_hex(&mac(key, &changes).finalize().into_bytes());
    let file = File {
        format: FORMAT.into(),
        version: VERSION,
        changes,
        seal,
    };
    serde_json::to_string(&file).expect("a file always serialises")
}

/// Reads a file (a byte-order mark is allowed). The seal is checked by `Sealed::open`, once
/// the key of the account and device it names is known.
pub fn read(text: &str) -> Result<Sealed, CarriedError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let file: File =
        serde_json::from_str(text).map_err(|e| CarriedError::NotChanges(e.to_string()))?;
    if file.format != FORMAT {
        return Err(CarriedError::NotChanges(format!(
            "it says it is \"{}\"",
            file.format
        )));
    }
    if file.version > VERSION {
        return Err(CarriedError::Newer(file.version));
    }
    let carried: Carried =
        serde_json::from_str(&file.changes).map_err(|e| CarriedError::Changes(e.to_string()))?;
    Ok(Sealed {
        carried,
        changes: file.changes,
        seal: file.seal,
    })
}

impl Sealed {
    /// The changes, if the seal is `key`'s on exactly this text (compared in constant time).
    pub fn open(self, key: &[u8]) -> Option<Carried> {
        self.is_sealed_with(key).then_some(self.carried)
    }

    /// Whether the seal is `key`'s on exactly this text (compared in constant time).
    pub fn is_sealed_with(&self, key: &[u8]) -> bool {
        from_hex(&self.seal).is_some_and(|seal| mac(key, &self.changes).verify_slice(&seal).is_ok())
    }
}

fn mac(key: &[u8], changes: &str) -> Hmac<Sha256> {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key");
    mac.update(changes.as_bytes());
    mac
}

/// Lower-case hex, as keys and seals are written.
pub fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Bytes from hex; `None` for anything else.
pub fn from_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Map};

    use super::*;
    use crate::RecordKind;

    fn carried() -> Carried {
        let mut set = Map::new();
        set.insert(
            "name".into(),
            json!("Montserrat Customs and Revenue Service"),
        );
        Carried {
            device: Uuid::from_bytes([1; 16]),
            account: Uuid::from_bytes([2; 16]),
            name: "Officer, Plymouth".into(),
            made: 1_700_000_000_000,
            cursor: None,
            mutations: vec![Mutation {
                n: 1,
                kind: RecordKind::Organisation,
                id: Uuid::from_bytes([3; 16]),
                at: 1_700_000_000_000,
                set,
                ctx: Default::default(),
            }],
        }
    }

    #[test]
    fn a_file_opens_with_its_key_and_with_no_other() {
        let key = seal_key(
            b"server secret",
            Uuid::from_bytes([2; 16]),
            Uuid::from_bytes([1; 16]),
            0,
        );
        let text = write(&carried(), &key);
        assert_eq!(read(&text).unwrap().open(&key), Some(carried()));
        let other = seal_key(
            b"server secret",
            Uuid::from_bytes([2; 16]),
            Uuid::from_bytes([4; 16]),
            0,
        );
        assert_eq!(
            read(&text).unwrap().open(&other),
            None,
            "another device's key"
        );
        let elsewhere = seal_key(
            b"another server",
            Uuid::from_bytes([2; 16]),
            Uuid::from_bytes([1; 16]),
            0,
        );
        assert_eq!(
            read(&text).unwrap().open(&elsewhere),
            None,
            "another server's key"
        );
        let with_bom = format!("\u{feff}{text}");
        assert!(read(&with_bom).unwrap().open(&key).is_some());
    }

    #[test]
    fn a_withdrawn_key_opens_no_file_of_the_next_generation_and_generation_0_is_unchanged() {
        let (account, device) = (Uuid::from_bytes([2; 16]), Uuid::from_bytes([1; 16]));
        // Generation 0 is the key as it was before generations: keys devices already hold
        // stay good until withdrawn.
        let mut before = <Hmac<Sha256> as Mac>::new_from_slice(b"server secret").unwrap();
        before.update(FORMAT.as_bytes());
        before.update(account.as_bytes());
        before.update(device.as_bytes());
        let before: [u8; 32] = before.finalize().into_bytes().into();
        assert_eq!(seal_key(b"server secret", account, device, 0), before);
        let old = write(&carried(), &before);
        let next = seal_key(b"server secret", account, device, 1);
        assert_ne!(next, before);
        assert_eq!(
            read(&old).unwrap().open(&next),
            None,
            "a withdrawn key's file"
        );
        let new = write(&carried(), &next);
        assert_eq!(read(&new).unwrap().open(&next), Some(carried()));
        assert_ne!(seal_key(b"server secret", account, device, 2), next);
    }

    #[test]
    fn an_altered_file_is_refused() {
        let key = [7; 32];
        let text = write(&carried(), &key);
        let altered = text.replace("Montserrat Customs", "Montserrat Customs!");
        assert_ne!(altered, text);
        assert_eq!(read(&altered).unwrap().open(&key), None);
        // The seal itself changed, or not hex at all.
        let seal = &text[text.rfind("\"seal\":\"").unwrap() + 8..text.len() - 2];
        let flipped = text.replace(
            seal,
            &seal.replace(&seal[..1], if &seal[..1] == "0" { "1" } else { "0" }),
        );
        assert_eq!(read(&flipped).unwrap().open(&key), None);
        assert_eq!(read(&text.replace(seal, "zz")).unwrap().open(&key), None);
    }

    #[test]
    fn other_files_are_named_as_such() {
        assert!(matches!(read("a,b\n1,2"), Err(CarriedError::NotChanges(_))));
        let copy = r#"{"format":"tradewinds-catalogue","version":1,"changes":"","seal":""}"#;
        assert!(
            matches!(read(copy), Err(CarriedError::NotChanges(m)) if m.contains("tradewinds-catalogue"))
        );
        let newer = r#"{"format":"tradewinds-changes","version":2,"changes":"","seal":""}"#;
        assert_eq!(read(newer).unwrap_err(), CarriedError::Newer(2));
        let broken = r#"{"format":"tradewinds-changes","version":1,"changes":"{}","seal":""}"#;
        assert!(matches!(read(broken), Err(CarriedError::Changes(_))));
    }

    #[test]
    fn hex_reads_back() {
        assert_eq!(from_hex(&to_hex(&[0, 15, 255])), Some(vec![0, 15, 255]));
        assert_eq!(from_hex("abc"), None);
        assert_eq!(from_hex("gg"), None);
        assert_eq!(from_hex("é0"), None);
    }
}
