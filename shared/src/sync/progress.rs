//! How far a snapshot's download has come: the server says how many records it holds
//! (`RECORDS_HEADER`) and the app counts them as the bytes arrive (`RecordCounter`), so
//! that a person on a slow link sees progress rather than a still screen.

/// The snapshot's header saying how many records it holds (as of its cursor).
pub const RECORDS_HEADER: &str = "x-tradewinds-records";

/// Counts the records of a snapshot's JSON as its bytes arrive, in pieces cut anywhere:
/// every stored record starts `{"kind":"` (its first key), which no string inside a record
/// can hold unescaped. For showing how far a download has come.
#[derive(Debug, Default)]
pub struct RecordCounter {
    /// The last bytes of the previous piece, in case a mark is cut across two.
    tail: Vec<u8>,
    pub records: usize,
}

const RECORD_MARK: &[u8] = b"{\"kind\":\"";

impl RecordCounter {
    /// Counts the marks `piece` completes.
    pub fn feed(&mut self, piece: &[u8]) {
        let keep = RECORD_MARK.len() - 1;
        // Marks cut across the bytes kept and this piece (the kept bytes are too few to
        // hold one), then those wholly in this piece.
        let mut joined = std::mem::take(&mut self.tail);
        joined.extend_from_slice(&piece[..piece.len().min(keep)]);
        self.records += count_marks(&joined) + count_marks(piece);
        joined.extend_from_slice(&piece[piece.len().min(keep)..]);
        self.tail = joined.split_off(joined.len().saturating_sub(keep));
    }
}

fn count_marks(bytes: &[u8]) -> usize {
    bytes
        .windows(RECORD_MARK.len())
        .filter(|w| *w == RECORD_MARK)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::{Cursor, RecordState, Snapshot};
    use crate::RecordKind;
    use uuid::Uuid;

    #[test]
    fn records_are_counted_however_the_bytes_are_cut() {
        let snapshot = serde_json::to_string(&Snapshot {
            cursor: Cursor::new("s", 3),
            records: (0..3)
                .map(|i| RecordState::new(RecordKind::Organisation, Uuid::from_u128(i)))
                .collect(),
        })
        .unwrap();
        let bytes = snapshot.as_bytes();
        for size in 1..=bytes.len() {
            let mut counter = RecordCounter::default();
            for piece in bytes.chunks(size) {
                counter.feed(piece);
            }
            assert_eq!(counter.records, 3, "pieces of {size}");
        }
    }
}
