//! The sync status as a person reads it: "2 changes waiting since 14:02 · last synced at
//! 14:10".

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
        0..=9 => "a few seconds left".into(),
        10..=59 => format!("about {} seconds left", secs.div_ceil(10) * 10),
        60..=89 => "about a minute left".into(),
        90..=3599 => format!("about {} minutes left", (secs + 30) / 60),
        _ => "over an hour left".into(),
    }
}

/// 12345 as "12,345".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn changes(n: usize) -> String {
    if n == 1 {
        "1 change".into()
    } else {
        format!("{n} changes")
    }
}

impl SyncStatus {
    /// The status in plain words, with `time` formatting a timestamp.
    pub fn describe(&self, time: impl Fn(i64) -> String) -> String {
        let mut parts = Vec::new();
        parts.push(match (self.waiting, self.oldest_waiting) {
            (0, _) => "All changes saved to the server".to_owned(),
            (n, Some(t)) => format!("{} waiting since {}", changes(n), time(t)),
            (n, None) => format!("{} waiting", changes(n)),
        });
        if self.waiting == 0 && self.last_sync.is_none() {
            parts[0] = "Not yet synced".to_owned();
        }
        if self.phase == Phase::SignedOut {
            parts[0] = match self.waiting {
                0 => "Signed out — sign in again to sync".to_owned(),
                1 => "Signed out — sign in again to send 1 waiting change".to_owned(),
                n => format!("Signed out — sign in again to send {n} waiting changes"),
            };
        }
        if let Some(t) = self.last_sync {
            parts.push(format!("last synced {}", time(t)));
        }
        match &self.phase {
            Phase::Idle | Phase::SignedOut => {}
            Phase::Syncing => parts.push(match self.loading {
                Some((got, Some(total))) => {
                    let mut s = format!(
                        "loading the catalogue: {} of {} records",
                        thousands(got.min(total)),
                        thousands(total)
                    );
                    if let Some(left) = self.loading_left {
                        s.push_str(", ");
                        s.push_str(&time_left(left));
                    }
                    s
                }
                Some((got, None)) => format!("loading the catalogue: {} records", thousands(got)),
                None => "syncing…".into(),
            }),
            Phase::Offline => parts.push("offline: changes are kept on this device".into()),
            Phase::Failed(e) => parts.push(format!("sync problem: {e}")),
        }
        if self.held > 0 {
            let who = self.held_by.as_deref().unwrap_or("another person");
            parts.push(format!(
                "{} made by {who} not sent under your name — see Sync",
                changes(self.held)
            ));
        }
        if self.rejected > 0 {
            parts.push(format!(
                "{} refused by the server — see Sync",
                self.rejected
            ));
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
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }
}
