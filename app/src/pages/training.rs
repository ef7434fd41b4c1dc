//! Training tools: the searchable list with filters, a detail page, and the form.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;
use tradewinds_shared::catalogue::{AccessRule, Audience, ToolFilter, ToolFormat};
use tradewinds_shared::reference::LANGUAGES;

use crate::i18n::{language_name, msg, t, tf, topic_label};
use tradewinds_shared::search::ListFilter;
use tradewinds_shared::{export, Organisation, Programme, RecordKind, TrainingTool};
use uuid::Uuid;

use super::detail::{nothing_after, record_page, OrgNames, RecordPage};
use super::form::{FormState, SaveBar};
use super::history::History;
use super::{edit_screen, new_screen};
use crate::catalogue::{allowed, own_office, records_of, use_actor, Typed};
use crate::components::fields::{
    enum_options, ref_options, CheckboxGroup, SelectField, TextArea, TextField,
};
use crate::components::list::{list_body, listed, ListHead, Listed, LIST_PAGE};
use crate::components::pickers::{id_text, topic_options};
use crate::db::new_id;
use crate::route::{Section, View};

#[component]
pub fn ToolList() -> impl IntoView {
    let tools = records_of::<TrainingTool>(RecordKind::TrainingTool);
    let orgs = records_of::<Organisation>(RecordKind::Organisation);
    let programmes = records_of::<Programme>(RecordKind::Programme);
    let listed = listed(
        tools,
        orgs,
        |t, names| ToolFilter::text(t, &provider_name(names, t)),
        |t| t.title.to_lowercase(),
    );
    let query = RwSignal::new(String::new());
    let limit = RwSignal::new(LIST_PAGE);
    let format = RwSignal::new(String::new());
    let language = RwSignal::new(String::new());
    let topic = RwSignal::new(String::new());
    let provider = RwSignal::new(String::new());
    let filter = move || ToolFilter {
        query: query.get(),
        format: ToolFormat::from_code(&format.get()),
        language: Some(language.get()).filter(|l| !l.is_empty()),
        topic: Some(topic.get()).filter(|t| !t.is_empty()),
        provider: Uuid::parse_str(&provider.get()).ok(),
    };
    let csv = move |l: &Listed<TrainingTool>, shown: &[u32]| {
        export_csv(
            l,
            shown,
            &programmes.get().and_then(Result::ok).unwrap_or_default(),
        )
    };
    let no_error = Signal::derive(|| None::<String>);
    let can_add = allowed(|a| a.may_create(RecordKind::TrainingTool));
    // The organisations that provide a tool, by name; made again only when records change.
    let provider_options = Memo::new(move |_| {
        let Some(Ok(l)) = listed.get() else {
            return Vec::new();
        };
        let providers: HashSet<Uuid> = l.all.iter().filter_map(|t| t.record.provider).collect();
        let mut v: Vec<(String, String)> = providers
            .into_iter()
            .filter_map(|id| Some((id.to_string(), l.names.get(&id)?.clone())))
            .collect();
        v.sort_by(|a, b| a.1.cmp(&b.1));
        v
    });
    view! {
        <ListHead title=t(msg::NAV_TRAINING) add_href="/training/new" add_label=t(msg::ADD_TRAINING_TOOL) placeholder=t(msg::TOOL_SEARCH_PLACEHOLDER) query=query can_add=can_add>
            <SelectField label=label("format") name="format" none_label=t(msg::ALL_FORMATS)
                options=enum_options(ToolFormat::ALL)
                value=format on_change=move |v| format.set(v) error=no_error/>
            <SelectField label=t(msg::LANGUAGE_FILTER) name="language" none_label=t(msg::ALL_LANGUAGES)
                options=ref_options("language", LANGUAGES) value=language on_change=move |v| language.set(v) error=no_error/>
            <SelectField label=t(msg::TOPIC_FILTER) name="topic" none_label=t(msg::ALL_TOPICS)
                options=topic_options() value=topic on_change=move |v| topic.set(v) error=no_error/>
            <SelectField label=label("provider") name="provider" none_label=t(msg::ALL_PROVIDERS)
                options=provider_options value=provider on_change=move |v| provider.set(v) error=no_error/>
        </ListHead>
        {list_body(listed, filter, msg::LIST_COUNT_TRAINING_TOOLS, limit, ("training-tools", csv), |l, i| {
            let t = l.all[i].clone();
            let provider = l.name(t.record.provider);
            view! { <ToolRow tool=t provider=provider/> }.into_any()
        })}
    }
}

/// The tools shown (positions in `l.all`), each with its provider's name, as CSV.
fn export_csv(l: &Listed<TrainingTool>, shown: &[u32], programmes: &[Typed<Programme>]) -> String {
    let programme = |id: Option<Uuid>| {
        id.and_then(|id| programmes.iter().find(|p| p.id == id))
            .map(|p| p.record.name.clone())
            .unwrap_or_default()
    };
    let rows: Vec<export::ToolRow> = shown
        .iter()
        .map(|&i| {
            let tool = &l.all[i as usize].record;
            export::ToolRow {
                id: l.all[i as usize].id,
                tool,
                provider: l.name(tool.provider),
                programme: programme(tool.programme),
            }
        })
        .collect();
    export::training_tools(&rows, crate::i18n::words())
}

/// The display name of `t`'s provider, or "".
fn provider_name(names: &HashMap<Uuid, String>, t: &TrainingTool) -> String {
    t.provider
        .and_then(|p| names.get(&p).cloned())
        .unwrap_or_default()
}

#[component]
fn ToolRow(tool: Typed<TrainingTool>, provider: String) -> impl IntoView {
    let t = tool.record;
    let langs: Vec<&str> = t
        .languages
        .iter()
        .filter_map(|l| language_name(l))
        .collect();
    view! {
        <li data-testid="record-row">
            <a href=Section::Training.href(View::Detail(tool.id))>{t.title.clone()}</a>
            <span class="meta">
                {crate::i18n::label(t.format)}" · "{langs.join(", ")}" · "{provider}
                {(tool.conflicts > 0).then(|| view! { " · "{crate::i18n::t(msg::NEEDS_REVIEW)} })}
            </span>
        </li>
    }
}

#[component]
pub fn ToolDetail() -> impl IntoView {
    let programmes = records_of::<Programme>(RecordKind::Programme);
    record_page(RecordPage {
        kind: RecordKind::TrainingTool,
        section: Section::Training,
        title: |t: &TrainingTool| t.title.clone(),
        remove: Some(""),
        body: move |t: &TrainingTool, names: &OrgNames| {
            let programme = t.programme.and_then(|p| {
                programmes
                    .get()?
                    .ok()?
                    .iter()
                    .find(|x| x.id == p)
                    .map(|x| x.record.name.clone())
            });
            let langs: Vec<&str> = t
                .languages
                .iter()
                .filter_map(|l| language_name(l))
                .collect();
            let topics: Vec<&str> = t.topics.iter().filter_map(|x| topic_label(x)).collect();
            view! {
                <dl>
                    <dt>{label("provider")}</dt><dd>{t.provider.map(|p| names.link(p))}</dd>
                    {programme.map(|p| view! { <dt>{label("programme")}</dt><dd>{p}</dd> })}
                    <dt>{label("format")}</dt><dd>{crate::i18n::label(t.format)}</dd>
                    <dt>{label("languages")}</dt><dd>{langs.join(", ")}</dd>
                    {(!t.duration.is_empty()).then(|| view! { <dt>{label("duration")}</dt><dd>{t.duration.clone()}</dd> })}
                    <dt>{label("audience")}</dt><dd>{crate::i18n::label(t.audience)}</dd>
                    <dt>{label("access")}</dt><dd>{crate::i18n::label(t.access)}</dd>
                    {(!topics.is_empty()).then(|| view! { <dt>{label("topics")}</dt><dd>{topics.join(", ")}</dd> })}
                    {(!t.platform.is_empty()).then(|| view! { <dt>{label("platform")}</dt><dd>{t.platform.clone()}</dd> })}
                    {(!t.certification.is_empty()).then(|| view! { <dt>{label("certification")}</dt><dd>{t.certification.clone()}</dd> })}
                    {(!t.cost.is_empty()).then(|| view! { <dt>{label("cost")}</dt><dd>{t.cost.clone()}</dd> })}
                    {(!t.url.is_empty()).then(|| view! {
                        <dt>{label("url")}</dt><dd><a href=t.url.clone() rel="noopener noreferrer">{t.url.clone()}</a></dd>
                    })}
                    {(!t.last_verified.is_empty()).then(|| view! { <dt>{label("last_verified")}</dt><dd>{t.last_verified.clone()}</dd> })}
                </dl>
                {(!t.description.is_empty()).then(|| view! { <p class="description">{t.description.clone()}</p> })}
                {(!t.source.is_empty()).then(|| view! { <p class="source">{tf(msg::SOURCE_IS, &[("source", (&t.source).into())])}</p> })}
            }
            .into_any()
        },
        after: nothing_after,
        below: |tool_id| view! { <History kind=RecordKind::TrainingTool id=tool_id/> }.into_any(),
    })
}

#[component]
pub fn ToolNew() -> impl IntoView {
    // An office editor adds tools their own organisation provides.
    let own = own_office(use_actor());
    let initial = TrainingTool {
        languages: vec!["en".into()],
        provider: own,
        ..Default::default()
    };
    new_screen(
        RecordKind::TrainingTool,
        t(msg::ADD_TRAINING_TOOL),
        t(msg::READ_ONLY_REFUSED),
        view! { <ToolForm id=new_id() initial=initial/> }.into_any(),
    )
}

#[component]
pub fn ToolEdit() -> impl IntoView {
    edit_screen(
        RecordKind::TrainingTool,
        "/training",
        |t: &TrainingTool| t.title.clone(),
        |id, t| view! { <ToolForm id=id initial=t/> }.into_any(),
    )
}

#[component]
fn ToolForm(id: Uuid, initial: TrainingTool) -> impl IntoView {
    let form = FormState::new(initial);
    let orgs = records_of::<Organisation>(RecordKind::Organisation);
    let programmes = records_of::<Programme>(RecordKind::Programme);
    let org_options = Signal::derive(move || {
        let mut v: Vec<(String, String)> = orgs
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .iter()
            .map(|o| (o.id.to_string(), o.record.display_name()))
            .collect();
        v.sort_by(|a, b| a.1.cmp(&b.1));
        v
    });
    let programme_options = Signal::derive(move || {
        let mut v: Vec<(String, String)> = programmes
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .iter()
            .map(|p| (p.id.to_string(), p.record.name.clone()))
            .collect();
        v.sort_by(|a, b| a.1.cmp(&b.1));
        v
    });
    let (title, set_title) = form.text(|t| &t.title, |t, v| t.title = v);
    let (platform, set_platform) = form.text(|t| &t.platform, |t, v| t.platform = v);
    let (duration, set_duration) = form.text(|t| &t.duration, |t, v| t.duration = v);
    let (certification, set_certification) =
        form.text(|t| &t.certification, |t, v| t.certification = v);
    let (cost, set_cost) = form.text(|t| &t.cost, |t, v| t.cost = v);
    let (url, set_url) = form.text(|t| &t.url, |t, v| t.url = v);
    let (verified, set_verified) = form.text(|t| &t.last_verified, |t, v| t.last_verified = v);
    let (description, set_description) = form.text(|t| &t.description, |t, v| t.description = v);
    let (source, set_source) = form.text(|t| &t.source, |t, v| t.source = v);
    let (provider, set_provider) = form.map(
        |t| id_text(t.provider),
        |t, v| t.provider = Uuid::parse_str(&v).ok(),
    );
    let (programme, set_programme) = form.map(
        |t| id_text(t.programme),
        |t, v| t.programme = Uuid::parse_str(&v).ok(),
    );
    let (format, set_format) = form.map(
        |t| t.format.code().into(),
        |t, v| t.format = ToolFormat::from_code(&v).unwrap_or_default(),
    );
    let (audience, set_audience) = form.map(
        |t| t.audience.code().into(),
        |t, v| t.audience = Audience::from_code(&v).unwrap_or_default(),
    );
    let (access, set_access) = form.map(
        |t| t.access.code().into(),
        |t, v| t.access = AccessRule::from_code(&v).unwrap_or_default(),
    );
    let (languages, set_languages) = form.list(|t| &t.languages, |t, v| t.languages = v);
    let (topics, set_topics) = form.list(|t| &t.topics, |t, v| t.topics = v);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.save(
            RecordKind::TrainingTool,
            id,
            TrainingTool::validate,
            Section::Training.href(View::Detail(id)),
        );
    };
    view! {
        <form class="record-form" on:submit=save novalidate>
            <TextField label=label("title") name="title" required=true value=title on_input=set_title error=form.error("title")/>
            <SelectField label=label("provider") name="provider" required=true none_label=t(msg::CHOOSE_ORGANISATION) options=org_options
                value=provider on_change=set_provider error=form.error("provider")/>
            <SelectField label=label("programme") name="programme" none_label=t(msg::NONE_OPTION) options=programme_options
                value=programme on_change=set_programme error=form.error("programme")/>
            <SelectField label=label("format") name="format" options=enum_options(ToolFormat::ALL)
                value=format on_change=set_format error=form.error("format")/>
            <CheckboxGroup label=label("languages") name="languages" required=true options=ref_options("language", LANGUAGES)
                value=languages on_change=set_languages error=form.error("languages")/>
            <CheckboxGroup label=label("topics") name="topics" options=topic_options()
                value=topics on_change=set_topics error=form.error("topics")/>
            <TextField label=label("duration") name="duration" hint="e.g. 6 hours, 5 days, self-paced"
                value=duration on_input=set_duration error=form.error("duration")/>
            <SelectField label=label("audience") name="audience" options=enum_options(Audience::ALL)
                value=audience on_change=set_audience error=form.error("audience")/>
            <SelectField label=label("access") name="access" options=enum_options(AccessRule::ALL)
                value=access on_change=set_access error=form.error("access")/>
            <TextField label=label("platform") name="platform" value=platform on_input=set_platform error=form.error("platform")/>
            <TextField label=label("certification") name="certification" value=certification on_input=set_certification error=form.error("certification")/>
            <TextField label=label("cost") name="cost" value=cost on_input=set_cost error=form.error("cost")/>
            <TextField label=label("url") name="url" kind="url" value=url on_input=set_url error=form.error("url")/>
            <TextField label=label("last_verified") name="last_verified" kind="date" hint=t(msg::HINT_DAY)
                value=verified on_input=set_verified error=form.error("last_verified")/>
            <TextArea label=label("description") name="description" value=description on_input=set_description error=form.error("description")/>
            <TextArea label=label("source") name="source" value=source on_input=set_source error=form.error("source")/>
            <SaveBar errors=form.errors problem=form.problem cancel="/training".into()/>
        </form>
    }
}

/// What forms call a field of this kind (its field table's label).
fn label(field: &'static str) -> &'static str {
    crate::i18n::field_label(RecordKind::TrainingTool, field)
}
