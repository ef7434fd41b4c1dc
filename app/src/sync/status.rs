//! The sync status as a person reads it: "2 changes waiting since 14:02 · last synced at
//! 14:10".

use tradewinds_shared::i18n::Arg;

use crate::i18n::{msg, t, tf};

#[derive(Debug, Clone, Default, PartialEq)]
pub enum Phase {
    #[default]
    Idle,
    Syncing,
    Offline,
    /// The session ended (or nobody signed in): nothing is sent until someone signs in.
    SignedOut,
    Failed(String),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyncStatus {
    /// Local changes not yet acknowledged by the server.
    pub waiting: usize,
    /// When the oldest of them was made (ms since 1970).
    pub oldest_waiting: Option<i64>,
    /// Waiting changes made by someone other than the signed-in person: not sent under
    /// this person's name.
    pub held: usize,
    /// Who made the first of them.
    pub held_by: Option<String>,
    /// Changes the server refused, waiting for the person.
    pub rejected: usize,
    /// When data last arrived from the server.
    pub last_sync: Option<i64>,
    pub phase: Phase,
    /// While the catalogue is being downloaded: records received, and of how many.
    pub loading: Option<(usize, Option<usize>)>,
    /// While the catalogue is being downloaded in pages: about how many seconds are left,
    /// from the pace of the pages received so far.
    pub loading_left: Option<u32>,
}

/// "about 2 minutes left", in words a person reads at a glance.
fn time_left(secs: u32) -> String {
    match secs {
        0..=9 => t(msg::LEFT_SECONDS_FEW).to_owned(),
        10..=59 => tf(
            msg::LEFT_SECONDS,
            &[("count", (secs.div_ceil(10) * 10).into())],
        ),
        60..=89 => t(msg::LEFT_MINUTE).to_owned(),
        90..=3599 => tf(msg::LEFT_MINUTES, &[("count", ((secs + 30) / 60).into())]),
        _ => t(msg::LEFT_HOUR).to_owned(),
    }
}

impl SyncStatus {
    /// The status in plain words, with `time` formatting a timestamp.
    pub fn describe(&self, time: impl Fn(i64) -> String) -> String {
        let count = |n: usize| ("count", Arg::from(n));
        let mut parts = Vec::new();
        parts.push(match (self.waiting, self.oldest_waiting) {
            (0, _) if self.last_sync.is_none() => t(msg::SYNC_NOT_YET).to_owned(),
            (0, _) => t(msg::SYNC_ALL_SAVED).to_owned(),
            (n, Some(at)) => tf(
                msg::SYNC_WAITING_SINCE,
                &[count(n), ("time", (&time(at)).into())],
            ),
            (n, None) => tf(msg::SYNC_WAITING, &[count(n)]),
        });
        if self.phase == Phase::SignedOut {
            parts[0] = tf(msg::SYNC_SIGNED_OUT, &[count(self.waiting)]);
        }
        if let Some(at) = self.last_sync {
            parts.push(tf(msg::SYNC_LAST, &[("time", (&time(at)).into())]));
        }
        match &self.phase {
            Phase::Idle | Phase::SignedOut => {}
            Phase::Syncing => parts.push(match self.loading {
                Some((got, Some(total))) => {
                    let mut s = tf(
                        msg::SYNC_LOADING_OF,
                        &[("got", got.min(total).into()), ("total", total.into())],
                    );
                    if let Some(left) = self.loading_left {
                        s.push_str(", ");
                        s.push_str(&time_left(left));
                    }
                    s
                }
                Some((got, None)) => tf(msg::SYNC_LOADING, &[("got", got.into())]),
                None => t(msg::SYNC_SYNCING).to_owned(),
            }),
            Phase::Offline => parts.push(t(msg::SYNC_OFFLINE).to_owned()),
            Phase::Failed(e) => parts.push(tf(msg::SYNC_PROBLEM, &[("error", e.into())])),
        }
        if self.held > 0 {
            let someone = t(msg::SYNC_ANOTHER_PERSON);
            let who = self.held_by.as_deref().unwrap_or(someone);
            parts.push(tf(msg::SYNC_HELD, &[count(self.held), ("who", who.into())]));
        }
        if self.rejected > 0 {
            parts.push(tf(msg::SYNC_REFUSED, &[count(self.rejected)]));
        }
        parts.join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn syncing(loading: Option<(usize, Option<usize>)>) -> String {
        SyncStatus {
            phase: Phase::Syncing,
            loading,
            ..SyncStatus::default()
        }
        .describe(|_| "14:10".into())
    }

    #[wasm_bindgen_test]
    fn a_download_says_how_far_it_has_come() {
        assert!(syncing(None).ends_with("syncing…"));
        assert!(syncing(Some((1200, Some(12500))))
            .ends_with("loading the catalogue: 1,200 of 12,500 records"));
        assert!(syncing(Some((40, None))).ends_with("loading the catalogue: 40 records"));
        // A count made before the last records were written is never shown exceeded.
        assert!(syncing(Some((2001, Some(2000)))).ends_with("2,000 of 2,000 records"));
        let paced = SyncStatus {
            phase: Phase::Syncing,
            loading: Some((800, Some(2000))),
            loading_left: Some(95),
            ..SyncStatus::default()
        };
        assert!(paced
            .describe(|_| String::new())
            .ends_with("loading the catalogue: 800 of 2,000 records, about 2 minutes left"));
        assert_eq!(time_left(3), "a few seconds left");
        assert_eq!(time_left(31), "about 40 seconds left");
        assert_eq!(time_left(70), "about a minute left");
        assert_eq!(time_left(4000), "over an hour left");
    }
}
