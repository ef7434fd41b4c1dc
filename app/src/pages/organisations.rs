//! Organisations: the searchable list, a detail page with its contacts, and the form.

use leptos::prelude::*;
use tradewinds_shared::catalogue::{OrgCategory, OrgFilter, OrgStatus};
use tradewinds_shared::reference::{COUNTRIES, LANGUAGES};
use tradewinds_shared::search::ListFilter;
use tradewinds_shared::{export, Organisation, RecordKind};
use uuid::Uuid;

use super::actions::{ActionItems, Scope};
use super::detail::{nothing_after, record_page, OrgNames, RecordPage};
use super::form::{FormState, SaveBar};
use super::history::History;
use super::{edit_screen, new_screen};
use crate::catalogue::{allowed, records_of, Typed};
use crate::components::fields::{
    enum_options, ref_options, CheckboxGroup, SelectField, TextArea, TextField,
};
use crate::components::list::{list_body, listed, ListHead, Listed, ListedMemo, LIST_PAGE};
use crate::components::pickers::id_text;
use crate::db::new_id;
use crate::i18n::{msg, t, tf};
use crate::route::{Section, View};

pub mod contacts;

#[component]
pub fn OrgList() -> impl IntoView {
    let orgs = records_of::<Organisation>(RecordKind::Organisation);
    let listed = listed(
        orgs,
        orgs,
        |o, _| OrgFilter::text(o, ""),
        |o| o.name.to_lowercase(),
    );
    let query = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    let country = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let limit = RwSignal::new(LIST_PAGE);
    let filter = move || OrgFilter {
        query: query.get(),
        category: OrgCategory::from_code(&category.get()),
        country: Some(country.get()).filter(|c| !c.is_empty()),
        status: OrgStatus::from_code(&status.get()),
    };
    let no_error = Signal::derive(|| None::<String>);
    let can_add = allowed(|a| a.may_create(RecordKind::Organisation));
    view! {
        <ListHead title=t(msg::NAV_ORGANISATIONS) add_href="/organisations/new" add_label=t(msg::ADD_ORGANISATION) placeholder=t(msg::ORG_SEARCH_PLACEHOLDER) query=query can_add=can_add>
            <SelectField label=label("category") name="category" none_label=t(msg::ALL_CATEGORIES)
                options=enum_options(OrgCategory::ALL)
                value=category on_change=move |v| category.set(v) error=no_error/>
            <SelectField label=label("country") name="country" none_label=t(msg::ALL_COUNTRIES)
                options=ref_options("country", COUNTRIES) value=country on_change=move |v| country.set(v) error=no_error/>
            <SelectField label=label("status") name="status" none_label=t(msg::ACTIVE_AND_DEFUNCT)
                options=enum_options(OrgStatus::ALL)
                value=status on_change=move |v| status.set(v) error=no_error/>
        </ListHead>
        <contacts::ContactsDownload listed=listed shown=Callback::new(move |()| shown_ids(listed, &filter()))/>
        {list_body(listed, filter, msg::LIST_COUNT_ORGANISATIONS, limit, ("organisations", export_csv), |l, i| {
            view! { <OrgRow org=l.all[i].clone()/> }.into_any()
        })}
    }
}

/// The ids of the organisations `f` keeps, as the list shows them.
fn shown_ids(listed: ListedMemo<Organisation>, f: &OrgFilter) -> Vec<Uuid> {
    match listed.get_untracked() {
        Some(Ok(l)) => l
            .shown(f)
            .into_iter()
            .map(|i| l.all[i as usize].id)
            .collect(),
        _ => Vec::new(),
    }
}

/// The organisations shown (positions in `l.all`), as CSV, naming parents and successors.
fn export_csv(l: &Listed<Organisation>, shown: &[u32]) -> String {
    let rows: Vec<export::OrgRow> = shown
        .iter()
        .map(|&i| {
            let organisation = &l.all[i as usize].record;
            export::OrgRow {
                id: l.all[i as usize].id,
                organisation,
                parent: l.name(organisation.parent),
                successor: l.name(organisation.successor),
            }
        })
        .collect();
    export::organisations(&rows, crate::i18n::words())
}

#[component]
fn OrgRow(org: Typed<Organisation>) -> impl IntoView {
    let o = org.record;
    let name = o.display_name();
    view! {
        <li data-testid="record-row">
            <a href=Section::Organisations.href(View::Detail(org.id))>{name}</a>
            <span class="meta">
                {crate::i18n::label(o.category)}" · "{crate::i18n::org_country(&o)}
                {(o.status == OrgStatus::Defunct).then(|| view! { " · "{t(msg::ROW_DEFUNCT)} })}
                {(org.conflicts > 0).then(|| view! { " · "{t(msg::NEEDS_REVIEW)} })}
            </span>
        </li>
    }
}

#[component]
pub fn OrgDetail() -> impl IntoView {
    record_page(RecordPage {
        kind: RecordKind::Organisation,
        section: Section::Organisations,
        title: Organisation::display_name,
        remove: None,
        body: |o: &Organisation, names: &OrgNames| {
            view! {
                <dl>
                    <dt>{label("category")}</dt><dd>{crate::i18n::label(o.category)}</dd>
                    <dt>{label("country")}</dt><dd>{crate::i18n::org_country(o)}</dd>
                    <dt>{label("status")}</dt><dd>{crate::i18n::label(o.status)}</dd>
                    {o.successor.map(|s| view! { <dt>{label("successor")}</dt><dd>{names.link(s)}</dd> })}
                    {o.parent.map(|p| view! { <dt>{label("parent")}</dt><dd>{names.link(p)}</dd> })}
                    {(!o.iati_identifier.is_empty()).then(|| view! { <dt>{label("iati_identifier")}</dt><dd>{o.iati_identifier.clone()}</dd> })}
                    {(!o.website.is_empty()).then(|| view! {
                        <dt>{label("website")}</dt><dd><a href=o.website.clone() rel="noopener noreferrer">{o.website.clone()}</a></dd>
                    })}
                    {(!o.languages.is_empty()).then(|| view! { <dt>{label("languages")}</dt><dd>{o.languages.iter().map(|l| crate::i18n::language_name(l).unwrap_or(l)).collect::<Vec<_>>().join(", ")}</dd> })}
                    {(!o.memberships.is_empty()).then(|| view! { <dt>{label("memberships")}</dt><dd>{o.memberships.join(", ")}</dd> })}
                </dl>
                {(!o.description.is_empty()).then(|| view! { <p class="description">{o.description.clone()}</p> })}
                {(!o.source.is_empty()).then(|| view! { <p class="source">{tf(msg::SOURCE_IS, &[("source", (&o.source).into())])}</p> })}
            }
            .into_any()
        },
        after: nothing_after,
        below: |org_id| {
            view! {
                <contacts::Contacts org=org_id/>
                <ActionItems scope=Scope::Organisation(org_id)/>
                <super::missions::OrgMissions org=org_id/>
                <super::projects::OrgProjects org=org_id/>
                <History kind=RecordKind::Organisation id=org_id/>
            }
            .into_any()
        },
    })
}

#[component]
pub fn OrgNew() -> impl IntoView {
    new_screen(
        RecordKind::Organisation,
        t(msg::ADD_ORGANISATION),
        t(msg::ORG_NEW_REFUSED),
        view! { <OrgForm id=new_id() initial=Organisation::default()/> }.into_any(),
    )
}

#[component]
pub fn OrgEdit() -> impl IntoView {
    edit_screen(
        RecordKind::Organisation,
        "/organisations",
        Organisation::display_name,
        |id, o| view! { <OrgForm id=id initial=o/> }.into_any(),
    )
}

#[component]
fn OrgForm(id: Uuid, initial: Organisation) -> impl IntoView {
    let form = FormState::new(initial);
    let orgs = records_of::<Organisation>(RecordKind::Organisation);
    let org_options = Signal::derive(move || {
        let mut v: Vec<(String, String)> = orgs
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .iter()
            .filter(|o| o.id != id)
            .map(|o| (o.id.to_string(), o.record.display_name()))
            .collect();
        v.sort_by(|a, b| a.1.cmp(&b.1));
        v
    });
    let (name, set_name) = form.text(|o| &o.name, |o, v| o.name = v);
    let (acronym, set_acronym) = form.text(|o| &o.acronym, |o, v| o.acronym = v);
    let (website, set_website) = form.text(|o| &o.website, |o, v| o.website = v);
    let (iati_identifier, set_iati_identifier) =
        form.text(|o| &o.iati_identifier, |o, v| o.iati_identifier = v);
    let (description, set_description) = form.text(|o| &o.description, |o, v| o.description = v);
    let (source, set_source) = form.text(|o| &o.source, |o, v| o.source = v);
    let (category, set_category) = form.map(
        |o| o.category.code().into(),
        |o, v| o.category = OrgCategory::from_code(&v).unwrap_or_default(),
    );
    let (status, set_status) = form.map(
        |o| o.status.code().into(),
        |o, v| o.status = OrgStatus::from_code(&v).unwrap_or_default(),
    );
    let (country, set_country) = form.map(
        |o| o.country.clone().unwrap_or_default(),
        |o, v| o.country = Some(v).filter(|v| !v.is_empty()),
    );
    let (parent, set_parent) = form.map(
        |o| id_text(o.parent),
        |o, v| o.parent = Uuid::parse_str(&v).ok(),
    );
    let (successor, set_successor) = form.map(
        |o| id_text(o.successor),
        |o, v| o.successor = Uuid::parse_str(&v).ok(),
    );
    let (languages, set_languages) = form.list(|o| &o.languages, |o, v| o.languages = v);
    let (memberships, set_memberships) = form.map(
        |o| o.memberships.join(", "),
        |o, v| {
            o.memberships = v
                .split(',')
                .map(|m| m.trim().to_owned())
                .filter(|m| !m.is_empty())
                .collect()
        },
    );
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.save(
            RecordKind::Organisation,
            id,
            Organisation::validate,
            Section::Organisations.href(View::Detail(id)),
        );
    };
    view! {
        <form class="record-form" on:submit=save novalidate>
            <TextField label=label("name") name="name" required=true value=name on_input=set_name error=form.error("name")/>
            <TextField label=label("acronym") name="acronym" value=acronym on_input=set_acronym error=form.error("acronym")/>
            <SelectField label=label("category") name="category" options=enum_options(OrgCategory::ALL)
                value=category on_change=set_category error=form.error("category")/>
            <SelectField label=label("country") name="country" none_label=t(msg::REGIONAL_INTERNATIONAL) options=ref_options("country", COUNTRIES)
                value=country on_change=set_country error=form.error("country")/>
            <TextField label=label("website") name="website" kind="url" hint=t(msg::HINT_WEBSITE)
                value=website on_input=set_website error=form.error("website")/>
            <TextField label=label("iati_identifier") name="iati_identifier"
                hint=t(msg::HINT_IATI_ORGANISATION)
                value=iati_identifier on_input=set_iati_identifier error=form.error("iati_identifier")/>
            <SelectField label=label("parent") name="parent" none_label=t(msg::NONE_OPTION) options=org_options
                value=parent on_change=set_parent error=form.error("parent")/>
            <SelectField label=label("status") name="status" options=enum_options(OrgStatus::ALL)
                value=status on_change=set_status error=form.error("status")/>
            <SelectField label=label("successor") name="successor" none_label=t(msg::NONE_OPTION) options=org_options
                value=successor on_change=set_successor error=form.error("successor")/>
            <CheckboxGroup label=label("languages") name="languages" options=ref_options("language", LANGUAGES)
                value=languages on_change=set_languages error=form.error("languages")/>
            <TextField label=label("memberships") name="memberships" hint=t(msg::HINT_MEMBERSHIPS)
                value=memberships on_input=set_memberships error=form.error("memberships")/>
            <TextArea label=label("description") name="description" value=description on_input=set_description error=form.error("description")/>
            <TextArea label=label("source") name="source" value=source on_input=set_source error=form.error("source")/>
            <SaveBar errors=form.errors problem=form.problem cancel="/organisations".into()/>
        </form>
    }
}

/// What forms call a field of this kind (its field table's label).
fn label(field: &'static str) -> &'static str {
    crate::i18n::field_label(RecordKind::Organisation, field)
}
