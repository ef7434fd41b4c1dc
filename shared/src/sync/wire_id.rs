//! Ids in mutations and pushes, as they travel: 22 characters of URL-safe base64 (the 16
//! bytes, no padding) instead of the 36 of the hyphenated form. A single-field edit names
//! three ids (the device, the record, the device whose write it replaces), so this is 42 of
//! the bytes a person on a slow link pays for each change. Both forms are read, so outbox
//! entries stored before, and clients that write the hyphenated form, keep working.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserializer, Serializer};
use uuid::Uuid;

use super::merge::VersionVector;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Each byte's position in `ALPHABET`, or 255 for a byte that is not in it.
const POSITIONS: [u8; 256] = {
    let mut t = [255u8; 256];
    let mut i = 0;
    while i < 64 {
        t[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    t
};

/// The 22-character form.
pub fn encode(id: &Uuid) -> String {
    let bytes = id.as_bytes();
    let mut out = String::with_capacity(22);
    // 16 bytes = 5 groups of 3 (4 characters each) + 1 byte (2 characters).
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Reads either form; the error says what was expected.
pub fn decode(s: &str) -> Result<Uuid, String> {
    if s.len() != 22 {
        return Uuid::parse_str(s).map_err(|_| {
            format!("\"{s}\" is not an id (a UUID, or its 22-character URL-safe base64 form)")
        });
    }
    let bad = || format!("\"{s}\" is not an id: a 22-character id is URL-safe base64");
    let mut sextets = [0u32; 22];
    for (out, c) in sextets.iter_mut().zip(s.bytes()) {
        match POSITIONS[c as usize] {
            255 => return Err(bad()),
            p => *out = p as u32,
        }
    }
    let mut bytes = [0u8; 16];
    for (k, group) in sextets.chunks(4).enumerate() {
        let n = group
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &v)| n | v << (18 - 6 * i));
        for i in 0..group.len() - 1 {
            bytes[3 * k + i] = (n >> (16 - 8 * i)) as u8;
        }
        // The last character carries 2 bits that must be zero (one form per id).
        if group.len() == 2 && n & 0xffff != 0 {
            return Err(bad());
        }
    }
    Ok(Uuid::from_bytes(bytes))
}

/// `#[serde(with = "wire_id")]` for a `Uuid` field.
pub fn serialize<S: Serializer>(id: &Uuid, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&encode(id))
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Uuid, D::Error> {
    d.deserialize_str(IdVisitor)
}

struct IdVisitor;

impl Visitor<'_> for IdVisitor {
    type Value = Uuid;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an id (a UUID, or its 22-character URL-safe base64 form)")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Uuid, E> {
        decode(v).map_err(E::custom)
    }
}

impl serde::Serialize for VersionVector {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (device, n) in &self.0 {
            map.serialize_entry(&encode(device), n)?;
        }
        map.end()
    }
}

impl<'de> serde::Deserialize<'de> for VersionVector {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct VvVisitor;
        impl<'de> Visitor<'de> for VvVisitor {
            type Value = VersionVector;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map from device ids to mutation numbers")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<VersionVector, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((device, n)) = map.next_entry::<std::borrow::Cow<str>, u64>()? {
                    out.insert(decode(&device).map_err(de::Error::custom)?, n);
                }
                Ok(VersionVector(out))
            }
        }
        d.deserialize_map(VvVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn an_id_takes_22_characters_and_reads_back() {
        let id = Uuid::parse_str("d70d3259-e4e1-4b63-9c66-3cf4d73c4c04").unwrap();
        let short = encode(&id);
        assert_eq!(short, "1w0yWeThS2OcZjz01zxMBA");
        assert_eq!(decode(&short), Ok(id));
        assert_eq!(decode("d70d3259-e4e1-4b63-9c66-3cf4d73c4c04"), Ok(id));
        assert_eq!(encode(&Uuid::nil()), "AAAAAAAAAAAAAAAAAAAAAA");
        assert_eq!(encode(&Uuid::max()), "_____________________w");
    }

    #[test]
    fn bad_ids_are_named() {
        for bad in ["", "x", "1w0yWeThS2OcZjz01zxMB+", "1w0yWeThS2OcZjz01zxMBB"] {
            let e = decode(bad).unwrap_err();
            assert!(e.contains(&format!("\"{bad}\" is not an id")), "{e}");
        }
    }

    #[test]
    fn version_vectors_read_both_forms() {
        let id = Uuid::parse_str("d70d3259-e4e1-4b63-9c66-3cf4d73c4c04").unwrap();
        let vv = VersionVector([(id, 3)].into());
        assert_eq!(
            serde_json::to_string(&vv).unwrap(),
            r#"{"1w0yWeThS2OcZjz01zxMBA":3}"#
        );
        let long: VersionVector =
            serde_json::from_str(r#"{"d70d3259-e4e1-4b63-9c66-3cf4d73c4c04":3}"#).unwrap();
        assert_eq!(long, vv);
        let e = serde_json::from_str::<VersionVector>(r#"{"nope":3}"#).unwrap_err();
        assert!(e.to_string().contains("\"nope\" is not an id"), "{e}");
    }

    proptest! {
        #[test]
        fn every_id_round_trips(bytes in any::<[u8; 16]>()) {
            let id = Uuid::from_bytes(bytes);
            let short = encode(&id);
            prop_assert_eq!(short.len(), 22);
            prop_assert_eq!(decode(&short), Ok(id));
        }
    }
}
