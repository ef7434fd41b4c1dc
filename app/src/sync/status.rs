//! The sync status as a person reads it: "2 changes waiting since 14:02 · last synced at
//! 14:10".

#[derive(Debug, Clone, Default, PartialEq)]
pub enum Phase {
    #[default]
    Idle,
    Syncing,
    Offline,
    Failed(String),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyncStatus {
    /// Local changes not yet acknowledged by the server.
    pub waiting: usize,
    /// When the oldest of them was made (ms since 1970).
    pub oldest_waiting: Option<i64>,
    /// Changes the server refused, waiting for the person.
    pub rejected: usize,
    /// When data last arrived from the server.
    pub last_sync: Option<i64>,
    pub phase: Phase,
}

impl SyncStatus {
    /// The status in plain words, with `time` formatting a timestamp.
    pub fn describe(&self, time: impl Fn(i64) -> String) -> String {
        let mut parts = Vec::new();
        parts.push(match (self.waiting, self.oldest_waiting) {
            (0, _) => "All changes saved to the server".to_owned(),
            (1, Some(t)) => format!("1 change waiting since {}", time(t)),
            (n, Some(t)) => format!("{n} changes waiting since {}", time(t)),
            (n, None) => format!("{n} changes waiting"),
        });
        if self.waiting == 0 && self.last_sync.is_none() {
            parts[0] = "Not yet synced".to_owned();
        }
        if let Some(t) = self.last_sync {
            parts.push(format!("last synced {}", time(t)));
        }
        match &self.phase {
            Phase::Idle => {}
            Phase::Syncing => parts.push("syncing…".into()),
            Phase::Offline => parts.push("offline: changes are kept on this device".into()),
            Phase::Failed(e) => parts.push(format!("sync problem: {e}")),
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
