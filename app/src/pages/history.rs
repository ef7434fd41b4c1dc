//! A record's history from the server's change log: who changed which field to what, and
//! when. Not kept on the device, so it is shown only when online. Values are shown as
//! text (labels for codes, names for linked records), never as HTML.

use std::collections::HashMap;

use leptos::prelude::*;
use serde_json::Value;
use tradewinds_shared::accounts::HistoryEntry;
use tradewinds_shared::catalogue::{AccessRule, Audience, OrgCategory, OrgStatus, ToolFormat};
use tradewinds_shared::documents::DocumentKind;
use tradewinds_shared::meetings::{ActionStatus, Due, MeetingKind};
use tradewinds_shared::missions::{MissionPhase, ReportAccess};
use tradewinds_shared::projects::ProjectStatus;
use tradewinds_shared::reference::{country_name, language_name, topic_label};
use tradewinds_shared::{Meeting, Mission, Organisation, Programme, Project, RecordKind};
use uuid::Uuid;

use crate::catalogue::{records_of, use_catalogue};
use crate::components::format_time;
use crate::loaded::Loaded;
use crate::sync::{accounts, SyncError};

/// A field's name as the forms label it.
pub fn field_label(kind: RecordKind, field: &str) -> &str {
    match field {
        "name" => "Name",
        "acronym" => "Acronym",
        "category" => "Category",
        "country" => "Country",
        "website" => "Website",
        "parent" => "Part of",
        "status" => "Status",
        "successor" => "Successor",
        "languages" => "Languages",
        "memberships" => "Member of",
        "description" => "Description",
        "source" => "Source",
        "organisation" => "Organisation",
        "role_title" => "Role title",
        "email" => "E-mail",
        "phone" => "Phone",
        "language" => "Language",
        "duties" => "Focal-point duties",
        "title" => "Title",
        "provider" if kind == RecordKind::Mission => "Provided by",
        "provider" => "Provider",
        "programme" => "Programme",
        "format" => "Format",
        "platform" => "Platform",
        "duration" => "Duration",
        "audience" => "Audience",
        "access" => "Access",
        "certification" => "Certification",
        "cost" => "Cost",
        "url" => "Web address",
        "topics" => "Topics",
        "last_verified" => "Last checked",
        "owner" if kind == RecordKind::ActionItem => "Owner",
        "owner" => "Run by",
        "kind" if kind == RecordKind::Meeting => "Kind of meeting",
        "kind" => "Kind",
        "publisher" => "Published by",
        "published" => "Published on",
        "starts" if kind == RecordKind::Project => "Start",
        "ends" if kind == RecordKind::Project => "End",
        "starts" => "First day",
        "ends" => "Last day",
        "identifier" => "Identifier",
        "beneficiary" => "For",
        "project" => "Project",
        "mission" => "Recommended by the mission",
        "phase" => "Phase",
        "findings" => "Findings",
        "recommendations" => "Recommendations",
        "report_access" => "Who may read the full report",
        "report_url" => "Where the report is kept",
        "accountable" => "Accountable",
        "funders" => "Funded by",
        "implementers" => "Implemented by",
        "countries" => "Countries",
        "budget" => "Budget",
        "currency" => "Currency",
        "venue" => "Venue",
        "organiser" => "Organised by",
        "chair" => "Chair",
        "attendees" => "Taking part",
        "summary" => "Summary",
        "meeting" => "Agreed at",
        "text" => "Action",
        "co_owners" => "Shared with",
        "due" => "Due",
        "progress" => "Progress",
        "started" => "Started",
        "deleted" => "Record",
        other => other,
    }
}

/// A stored value of `field` as a person reads it; `names` names linked records.
pub fn field_value(field: &str, value: &Value, names: &HashMap<Uuid, String>) -> String {
    let text = value.as_str().unwrap_or_default();
    let coded = |label: Option<&'static str>| label.map_or_else(|| text.to_owned(), str::to_owned);
    match (field, value) {
        ("deleted", Value::Bool(true)) => "deleted".into(),
        ("deleted", Value::Bool(false)) => "restored".into(),
        (_, Value::Null) => "(empty)".into(),
        (_, Value::String(s)) if s.is_empty() => "(empty)".into(),
        (
            "organisation" | "provider" | "owner" | "parent" | "successor" | "programme"
            | "organiser" | "meeting" | "accountable" | "beneficiary" | "project" | "mission"
            | "publisher",
            _,
        ) => name_of(text, names),
        ("attendees" | "co_owners" | "funders" | "implementers", Value::Array(items)) => items
            .iter()
            .map(|v| name_of(v.as_str().unwrap_or_default(), names))
            .collect::<Vec<_>>()
            .join(", "),
        ("status", _) => coded(
            OrgStatus::from_code(text)
                .map(OrgStatus::label)
                .or_else(|| ActionStatus::from_code(text).map(ActionStatus::label))
                .or_else(|| ProjectStatus::from_code(text).map(ProjectStatus::label)),
        ),
        ("kind", _) => coded(
            MeetingKind::from_code(text)
                .map(MeetingKind::label)
                .or_else(|| DocumentKind::from_code(text).map(DocumentKind::label)),
        ),
        ("phase", _) => coded(MissionPhase::from_code(text).map(MissionPhase::label)),
        ("report_access", _) => coded(ReportAccess::from_code(text).map(ReportAccess::label)),
        ("due", _) => Due::parse(text).map_or_else(|| text.to_owned(), Due::label),
        ("category", _) => coded(OrgCategory::from_code(text).map(OrgCategory::label)),
        ("format", _) => coded(ToolFormat::from_code(text).map(ToolFormat::label)),
        ("audience", _) => coded(Audience::from_code(text).map(Audience::label)),
        ("access", _) => coded(AccessRule::from_code(text).map(AccessRule::label)),
        ("country", _) => coded(country_name(text)),
        ("language", _) => coded(language_name(text)),
        ("countries", Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(|c| country_name(c).unwrap_or(c).to_owned())
            .collect::<Vec<_>>()
            .join(", "),
        ("languages" | "topics", Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(|c| {
                let label = if field == "topics" {
                    topic_label(c)
                } else {
                    language_name(c)
                };
                label.unwrap_or(c).to_owned()
            })
            .collect::<Vec<_>>()
            .join(", "),
        (_, Value::String(s)) => s.clone(),
        (_, Value::Bool(b)) => if *b { "yes" } else { "no" }.into(),
        (_, Value::Array(items)) if items.is_empty() => "(empty)".into(),
        (_, Value::Array(items)) => items
            .iter()
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
            .collect::<Vec<_>>()
            .join(", "),
        (_, other) => other.to_string(),
    }
}

/// A linked record's name, from its id.
fn name_of(id: &str, names: &HashMap<Uuid, String>) -> String {
    Uuid::parse_str(id)
        .ok()
        .and_then(|id| names.get(&id).cloned())
        .unwrap_or_else(|| format!("a record not on this device ({id})"))
}

/// The "History" section of a record's page.
#[component]
pub fn History(kind: RecordKind, id: Uuid) -> impl IntoView {
    let cat = use_catalogue();
    // Only the kinds this record's fields can name are read (every record names
    // organisations; a tool or project a programme; an action item or document a meeting
    // or mission; a mission or document a project).
    use RecordKind as K;
    let reads = |refers: &[RecordKind]| refers.contains(&kind);
    let orgs = records_of::<Organisation>(K::Organisation);
    let programmes =
        reads(&[K::TrainingTool, K::Project]).then(|| records_of::<Programme>(K::Programme));
    let meetings = reads(&[K::ActionItem, K::Document]).then(|| records_of::<Meeting>(K::Meeting));
    let missions = reads(&[K::ActionItem, K::Document]).then(|| records_of::<Mission>(K::Mission));
    let projects = reads(&[K::Mission, K::Document]).then(|| records_of::<Project>(K::Project));
    let names = Memo::new(move |_| {
        let mut names: HashMap<Uuid, String> = HashMap::new();
        if let Some(Ok(list)) = orgs.get() {
            names.extend(list.into_iter().map(|o| (o.id, o.record.display_name())));
        }
        if let Some(Ok(list)) = programmes.and_then(|l| l.get()) {
            names.extend(list.into_iter().map(|p| (p.id, p.record.name)));
        }
        if let Some(Ok(list)) = meetings.and_then(|l| l.get()) {
            names.extend(list.into_iter().map(|m| (m.id, m.record.title)));
        }
        if let Some(Ok(list)) = missions.and_then(|l| l.get()) {
            names.extend(list.into_iter().map(|m| (m.id, m.record.title)));
        }
        if let Some(Ok(list)) = projects.and_then(|l| l.get()) {
            names.extend(list.into_iter().map(|p| (p.id, p.record.title)));
        }
        names
    });
    let session = cat.session;
    let entries = Loaded::new(move || {
        let token = session.with(|s| s.as_ref().and_then(|s| s.token.clone()));
        cat.version.track();
        async move {
            match token {
                Some(token) => accounts::history(&token, kind, id).await,
                None => Err(SyncError::SignedOut),
            }
        }
    });
    let heading = format!("history-{id}");
    let labelled_by = heading.clone();
    view! {
        <section class="history" aria-labelledby=labelled_by data-testid="history">
            <h2 id=heading>"History"</h2>
            {move || match entries.get() {
                None => view! { <p class="loading" role="status">"Loading the history…"</p> }.into_any(),
                Some(Err(SyncError::Offline)) => view! {
                    <p class="meta" data-testid="history-offline">"History is shown when online."</p>
                }.into_any(),
                Some(Err(SyncError::SignedOut)) => view! {
                    <p class="meta" data-testid="history-offline">"History is shown when you are signed in and online."</p>
                }.into_any(),
                Some(Err(e)) => view! { <p class="error">{format!("The history could not be loaded: {e}")}</p> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p>"No changes recorded."</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <ol class="records">
                        {list.into_iter().map(|e| view! { <Entry kind=kind entry=e names=names/> }).collect_view()}
                    </ol>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Entry(
    kind: RecordKind,
    entry: HistoryEntry,
    names: Memo<HashMap<Uuid, String>>,
) -> impl IntoView {
    let who = entry
        .by
        .clone()
        .unwrap_or_else(|| "someone (before accounts existed)".into());
    // Made offline and sent later: say when it arrived too.
    let late = (entry.received - entry.at > 60_000)
        .then(|| format!(" (received {})", format_time(entry.received)));
    let at = format_time(entry.at);
    let changed = entry.fields;
    // Re-rendered when the names of linked records have been read.
    let fields = move || {
        names.with(|names| {
            changed
                .iter()
                .map(|(f, v)| {
                    let (label, value) =
                        (field_label(kind, f).to_owned(), field_value(f, v, names));
                    view! { <dt>{label}</dt><dd>{value}</dd> }
                })
                .collect_view()
        })
    };
    view! {
        <li data-testid="history-entry">
            <p><strong>{at}</strong>{late}" — "{who}</p>
            <dl class="record-facts">{fields}</dl>
        </li>
    }
}
