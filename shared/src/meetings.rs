//! Meetings and the action items agreed at them: what was decided, who owns each action,
//! when it is due (to the precision it was agreed: a day, a month, a quarter, or not yet),
//! and whether it is done. Overdue is computed from the due date and today, never stored.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::catalogue::{check_country, matches_query};
use crate::dates::{dates_label, Day, Due};
use crate::i18n::problem::key;
use crate::reference::{self, topic_label};
use crate::validation::{
    at_most_orgs, check_topics, max_len, not_a_day, required_text, ValidationErrors,
};

labelled_enum!(MeetingKind {
    DonorCoordination => ("donor_coordination", "Donor coordination"),
    Steering => ("steering", "Steering committee"),
    VideoConference => ("video_conference", "Video conference"),
    Workshop => ("workshop", "Workshop or seminar"),
    Other => ("other", "Other meeting"),
});

labelled_enum!(ActionStatus {
    Open => ("open", "Open"),
    InProgress => ("in_progress", "In progress"),
    Done => ("done", "Done"),
    Cancelled => ("cancelled", "Cancelled"),
});

impl ActionStatus {
    /// Whether the action still has to be done (open or in progress).
    pub fn is_pending(self) -> bool {
        matches!(self, ActionStatus::Open | ActionStatus::InProgress)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Meeting {
    pub title: String,
    pub kind: MeetingKind,
    /// First day, `YYYY-MM-DD` (required).
    pub starts: String,
    /// Last day, `YYYY-MM-DD`; empty for a one-day meeting.
    pub ends: String,
    pub venue: String,
    /// ISO 3166 alpha-2; none for a video conference.
    pub country: Option<String>,
    /// The organisation that convened or hosted it (required; it owns the record).
    pub organiser: Option<Uuid>,
    /// Who chaired it, as the sources say (often a role).
    pub chair: String,
    /// The organisations that took part.
    pub attendees: Vec<Uuid>,
    /// Agenda topics (reference topic codes).
    pub topics: Vec<String>,
    /// What was discussed and found, in a few paragraphs.
    pub summary: String,
    pub source: String,
}

impl Meeting {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut e = ValidationErrors::default();
        required_text(&mut e, "title", &self.title, 300);
        let starts = Day::parse(&self.starts);
        if self.starts.trim().is_empty() {
            e.add("starts", key::MEETING_STARTS);
        } else if starts.is_none() {
            not_a_day(&mut e, "starts", "2012-10-15");
        }
        if !self.ends.trim().is_empty() {
            match Day::parse(&self.ends) {
                None => not_a_day(&mut e, "ends", "2012-10-17"),
                Some(ends) if starts.is_some_and(|s| ends < s) => {
                    e.add("ends", key::ENDS_BEFORE_STARTS)
                }
                Some(_) => {}
            }
        }
        max_len(&mut e, "venue", &self.venue, 300);
        check_country(&mut e, "country", &self.country);
        if self.organiser.is_none() {
            e.add("organiser", key::MEETING_ORGANISER);
        }
        max_len(&mut e, "chair", &self.chair, 300);
        at_most_orgs(&mut e, "attendees", &self.attendees, 200);
        check_topics(&mut e, "topics", &self.topics);
        max_len(&mut e, "summary", &self.summary, 8000);
        max_len(&mut e, "source", &self.source, 1000);
        e.into_result()
    }

    /// "15–17 October 2012", "15 October 2012", "30 September – 2 October 2012".
    pub fn dates_label(&self) -> String {
        dates_label(&self.starts, &self.ends)
    }

    pub fn place_label(&self) -> String {
        let country = self.country.as_deref().and_then(reference::country_name);
        match (self.venue.trim(), country) {
            ("", None) => String::new(),
            ("", Some(c)) => c.to_owned(),
            (v, None) => v.to_owned(),
            (v, Some(c)) => format!("{v}, {c}"),
        }
    }
}

/// The meeting list's search box and filters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MeetingFilter {
    pub query: String,
    pub kind: Option<MeetingKind>,
    pub country: Option<String>,
    /// Organised by or attended by this organisation.
    pub organisation: Option<Uuid>,
}

impl MeetingFilter {
    /// `organiser_name` is the organiser's display name, so that "CARTAC" finds its meetings.
    pub fn matches(&self, m: &Meeting, organiser_name: &str) -> bool {
        let topics: Vec<&str> = m.topics.iter().filter_map(|t| topic_label(t)).collect();
        self.kind.is_none_or(|k| m.kind == k)
            && self
                .country
                .as_ref()
                .is_none_or(|c| m.country.as_ref() == Some(c))
            && self
                .organisation
                .is_none_or(|o| m.organiser == Some(o) || m.attendees.contains(&o))
            && matches_query(
                &self.query,
                &[
                    &m.title,
                    &m.venue,
                    &m.chair,
                    &m.summary,
                    &m.starts,
                    organiser_name,
                    &topics.join(" "),
                    &m.place_label(),
                ],
            )
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActionItem {
    /// The meeting that agreed it.
    pub meeting: Option<Uuid>,
    /// The mission that recommended it.
    pub mission: Option<Uuid>,
    /// What is to be done (required).
    pub text: String,
    /// The organisation answerable for it (required; it owns the record).
    pub owner: Option<Uuid>,
    /// Organisations that share it.
    pub co_owners: Vec<Uuid>,
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY-Qn`, or empty while to be decided.
    pub due: String,
    pub status: ActionStatus,
    /// What has been done so far, and what stands in the way.
    pub progress: String,
    pub source: String,
}

impl ActionItem {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut e = ValidationErrors::default();
        required_text(&mut e, "text", &self.text, 2000);
        if self.owner.is_none() {
            e.add("owner", key::ACTION_OWNER);
        }
        if self.co_owners.len() > 30 {
            at_most_orgs(&mut e, "co_owners", &self.co_owners, 30);
        } else if self.owner.is_some_and(|o| self.co_owners.contains(&o)) {
            e.add("co_owners", key::ACTION_OWNER_SHARES);
        }
        if Due::parse(&self.due).is_none() {
            e.add("due", key::ACTION_DUE);
        }
        max_len(&mut e, "progress", &self.progress, 4000);
        max_len(&mut e, "source", &self.source, 1000);
        e.into_result()
    }

    pub fn due(&self) -> Due {
        Due::parse(&self.due).unwrap_or(Due::ToBeDecided)
    }

    /// Still to do and past its due period on `today`.
    pub fn is_overdue(&self, today: Day) -> bool {
        self.status.is_pending() && self.due().last_day().is_some_and(|last| today > last)
    }

    /// The status as a person reads it: "Open · overdue" when it is.
    pub fn status_label(&self, today: Day) -> String {
        if self.is_overdue(today) {
            format!("{} · overdue", self.status.label())
        } else {
            self.status.label().to_owned()
        }
    }
}

/// Which action items a list shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActionFilter {
    pub query: String,
    pub status: Option<ActionStatus>,
    /// Still to do (open or in progress); ignored when a status is chosen.
    pub pending_only: bool,
    pub overdue_only: bool,
    /// Owned or shared by this organisation.
    pub organisation: Option<Uuid>,
    pub meeting: Option<Uuid>,
}

impl ActionFilter {
    /// `names` are the owner's and co-owners' display names and the meeting's title, so
    /// that a search for "CCLEC" or "Bridgetown" finds the action.
    pub fn matches(&self, a: &ActionItem, today: Day, names: &str) -> bool {
        let status_ok = match self.status {
            Some(s) => a.status == s,
            None => !self.pending_only || a.status.is_pending(),
        };
        status_ok
            && (!self.overdue_only || a.is_overdue(today))
            && self
                .organisation
                .is_none_or(|o| a.owner == Some(o) || a.co_owners.contains(&o))
            && self.meeting.is_none_or(|m| a.meeting == Some(m))
            && matches_query(&self.query, &[&a.text, &a.progress, names])
    }
}

/// Action items in the order a follow-up reads them: pending before finished, then by due
/// date (earliest first, to be decided last), then by text.
pub fn follow_up_order(a: &ActionItem, b: &ActionItem) -> std::cmp::Ordering {
    let key = |x: &ActionItem| {
        (
            !x.status.is_pending(),
            x.due().last_day().is_none(),
            x.due().last_day(),
        )
    };
    key(a)
        .cmp(&key(b))
        .then_with(|| a.text.to_lowercase().cmp(&b.text.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        Day::parse(s).unwrap()
    }

    fn action(due: &str, status: ActionStatus) -> ActionItem {
        ActionItem {
            text: "Follow-up video conference".into(),
            owner: Some(Uuid::from_bytes([1; 16])),
            due: due.into(),
            status,
            ..Default::default()
        }
    }

    #[test]
    fn due_dates_read_at_their_precision() {
        assert_eq!(Due::parse(""), Some(Due::ToBeDecided));
        assert_eq!(
            Due::parse(" 2013-01-15 "),
            Some(Due::Day(day("2013-01-15")))
        );
        assert_eq!(
            Due::parse("2013-04"),
            Some(Due::Month {
                year: 2013,
                month: 4
            })
        );
        assert_eq!(
            Due::parse("2013-Q1"),
            Some(Due::Quarter {
                year: 2013,
                quarter: 1
            })
        );
        for bad in [
            "2013-Q5",
            "2013-Q",
            "2013-13",
            "2013-4",
            "13-04",
            "April 2013",
            "2013-02-30",
            "2013-Q01",
        ] {
            assert_eq!(Due::parse(bad), None, "{bad}");
        }
        assert_eq!(Due::parse("2013-01-15").unwrap().label(), "15 January 2013");
        assert_eq!(Due::parse("2013-04").unwrap().label(), "April 2013");
        assert_eq!(Due::parse("2013-Q3").unwrap().label(), "3rd quarter 2013");
        assert_eq!(Due::ToBeDecided.label(), "To be decided");
    }

    #[test]
    fn overdue_is_after_the_last_day_of_the_period_and_only_while_pending() {
        let q1 = action("2013-Q1", ActionStatus::Open);
        assert_eq!(q1.due().last_day(), Some(day("2013-03-31")));
        assert!(!q1.is_overdue(day("2013-03-31")));
        assert!(q1.is_overdue(day("2013-04-01")));
        let feb = action("2012-02", ActionStatus::InProgress);
        assert_eq!(feb.due().last_day(), Some(day("2012-02-29")));
        assert!(feb.is_overdue(day("2012-03-01")));
        assert!(!action("2013-01-15", ActionStatus::Done).is_overdue(day("2026-01-01")));
        assert!(!action("2013-01-15", ActionStatus::Cancelled).is_overdue(day("2026-01-01")));
        assert!(!action("", ActionStatus::Open).is_overdue(day("2026-01-01")));
        assert_eq!(
            action("2013-01-15", ActionStatus::Open).status_label(day("2013-01-16")),
            "Open · overdue"
        );
        assert_eq!(
            action("2013-01-15", ActionStatus::Open).status_label(day("2013-01-15")),
            "Open"
        );
    }

    #[test]
    fn action_rules() {
        assert!(action("2013-Q1", ActionStatus::Open).validate().is_ok());
        let owner = Uuid::from_bytes([1; 16]);
        let e = ActionItem {
            text: " ".into(),
            owner: None,
            due: "soon".into(),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        assert!(e
            .for_field("text")
            .unwrap()
            .to_string()
            .contains("required"));
        assert!(e.for_field("owner").is_some());
        assert!(e.for_field("due").unwrap().to_string().contains("2013-Q2"));
        let e = ActionItem {
            co_owners: vec![owner],
            ..action("", ActionStatus::Open)
        }
        .validate()
        .unwrap_err();
        assert!(e.for_field("co_owners").is_some());
    }

    #[test]
    fn meeting_rules_and_labels() {
        let m = Meeting {
            title: "WCO sub-regional donor meeting".into(),
            starts: "2012-10-15".into(),
            ends: "2012-10-17".into(),
            venue: "CARTAC office, Bridgetown".into(),
            country: Some("BB".into()),
            organiser: Some(Uuid::from_bytes([2; 16])),
            topics: vec!["risk_management".into()],
            ..Default::default()
        };
        assert!(m.validate().is_ok());
        assert_eq!(m.dates_label(), "15–17 October 2012");
        assert_eq!(m.place_label(), "CARTAC office, Bridgetown, Barbados");
        let across = Meeting {
            ends: "2012-11-02".into(),
            ..m.clone()
        };
        assert_eq!(across.dates_label(), "15 October – 2 November 2012");
        let one = Meeting {
            ends: String::new(),
            ..m.clone()
        };
        assert_eq!(one.dates_label(), "15 October 2012");
        let e = Meeting {
            title: String::new(),
            starts: String::new(),
            ends: "2012-10-14".into(),
            organiser: None,
            topics: vec!["astrology".into()],
            country: Some("XX".into()),
            ..m.clone()
        }
        .validate()
        .unwrap_err();
        for field in ["title", "starts", "organiser", "topics", "country"] {
            assert!(e.for_field(field).is_some(), "{field}");
        }
        let e = Meeting {
            ends: "2012-10-14".into(),
            ..m
        }
        .validate()
        .unwrap_err();
        assert!(e.for_field("ends").unwrap().to_string().contains("before"));
    }

    #[test]
    fn filters_and_order() {
        let cclec = Uuid::from_bytes([3; 16]);
        let shared = ActionItem {
            co_owners: vec![cclec],
            ..action("2013-01", ActionStatus::Open)
        };
        let today = day("2013-02-01");
        let f = ActionFilter {
            organisation: Some(cclec),
            ..Default::default()
        };
        assert!(f.matches(&shared, today, ""));
        assert!(!f.matches(&action("2013-01", ActionStatus::Open), today, ""));
        let overdue = ActionFilter {
            overdue_only: true,
            ..Default::default()
        };
        assert!(overdue.matches(&shared, today, ""));
        assert!(!overdue.matches(&shared, day("2013-01-31"), ""));
        let pending = ActionFilter {
            pending_only: true,
            ..Default::default()
        };
        assert!(!pending.matches(&action("", ActionStatus::Done), today, ""));
        assert!(ActionFilter {
            query: "video cclec".into(),
            ..Default::default()
        }
        .matches(&shared, today, "CCLEC"));

        let mut list = [
            action("", ActionStatus::Open),
            action("2013-01-15", ActionStatus::Done),
            action("2013-Q2", ActionStatus::Open),
            action("2013-01", ActionStatus::InProgress),
        ];
        list.sort_by(follow_up_order);
        let dues: Vec<&str> = list.iter().map(|a| a.due.as_str()).collect();
        assert_eq!(dues, ["2013-01", "2013-Q2", "", "2013-01-15"]);

        let m = Meeting {
            title: "Follow-up video conference".into(),
            attendees: vec![cclec],
            ..Default::default()
        };
        assert!(MeetingFilter {
            organisation: Some(cclec),
            query: "video".into(),
            ..Default::default()
        }
        .matches(&m, ""));
        assert!(!MeetingFilter {
            kind: Some(MeetingKind::Steering),
            ..Default::default()
        }
        .matches(&m, ""));
    }
}
