//! Labelled form fields with their validation message. Every input has a visible label, a
//! `name` equal to the record field, and `aria-invalid`/`aria-describedby` when wrong.

use leptos::prelude::*;

use tradewinds_shared::i18n::{reference_key, Labelled};

use crate::i18n::{msg, t};

fn error_id(name: &str) -> String {
    format!("{name}-error")
}

#[component]
fn FieldError(name: &'static str, #[prop(into)] error: Signal<Option<String>>) -> impl IntoView {
    view! {
        <Show when=move || error.with(Option::is_some)>
            <p class="field-error" id=error_id(name)>{move || error.get()}</p>
        </Show>
    }
}

#[component]
pub fn TextField(
    label: &'static str,
    name: &'static str,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_input: Callback<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] required: bool,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(default = "text")] kind: &'static str,
    /// What the browser may fill in (`username`, `current-password`, `new-password`…): WCAG
    /// 1.3.5, and password managers on phones.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
) -> impl IntoView {
    let id = format!("f-{name}");
    view! {
        <div class="field">
            <label for=id.clone()>{label}{required.then_some(t(msg::REQUIRED_MARK))}</label>
            {hint.map(|h| view! { <p class="hint">{h}</p> })}
            <input
                id=id
                type=kind
                name=name
                autocomplete=autocomplete
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || error.with(Option::is_some).then(|| error_id(name))
            />
            <FieldError name=name error=error/>
        </div>
    }
}

#[component]
pub fn TextArea(
    label: &'static str,
    name: &'static str,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_input: Callback<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let id = format!("f-{name}");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <textarea
                id=id
                name=name
                rows="4"
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || error.with(Option::is_some).then(|| error_id(name))
            ></textarea>
            <FieldError name=name error=error/>
        </div>
    }
}

/// A drop-down of `(value, label)` options; the empty value means "none".
#[component]
pub fn SelectField(
    label: &'static str,
    name: &'static str,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] none_label: Option<&'static str>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let id = format!("f-{name}");
    view! {
        <div class="field">
            <label for=id.clone()>{label}{required.then_some(t(msg::REQUIRED_MARK))}</label>
            <select
                id=id
                name=name
                on:change=move |ev| on_change.run(event_target_value(&ev))
                prop:value=move || value.get()
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || error.with(Option::is_some).then(|| error_id(name))
            >
                {none_label.map(|l| view! { <option value="">{l}</option> })}
                {move || options.get().into_iter().map(|(v, l)| {
                    let selected = v == value.get_untracked();
                    view! { <option value=v selected=selected>{l}</option> }
                }).collect_view()}
            </select>
            <FieldError name=name error=error/>
        </div>
    }
}

/// A group of checkboxes for a multi-valued field (languages, topics).
#[component]
pub fn CheckboxGroup(
    label: &'static str,
    name: &'static str,
    options: Vec<(String, String)>,
    #[prop(into)] value: Signal<Vec<String>>,
    #[prop(into)] on_change: Callback<Vec<String>>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    view! {
        <fieldset class="field checks" aria-describedby=move || error.with(Option::is_some).then(|| error_id(name))>
            <legend>{label}{required.then_some(" (at least one)")}</legend>
            {options.into_iter().map(|(code, text)| {
                let c = code.clone();
                let checked = move || value.with(|v| v.contains(&c));
                let c = code.clone();
                let toggle = move |ev| {
                    let on = event_target_checked(&ev);
                    let mut v = value.get_untracked();
                    v.retain(|x| x != &c);
                    if on { v.push(c.clone()); }
                    on_change.run(v);
                };
                view! {
                    <label class="check">
                        <input type="checkbox" name=name value=code prop:checked=checked on:change=toggle/>
                        {text}
                    </label>
                }
            }).collect_view()}
            <FieldError name=name error=error/>
        </fieldset>
    }
}

/// Options from a labelled enum's values, labelled in the interface's language.
pub fn enum_options<T: Labelled>(all: &[T]) -> Vec<(String, String)> {
    all.iter()
        .map(|v| (v.code().to_owned(), crate::i18n::label(*v).to_owned()))
        .collect()
}

/// Options from a reference list of `(code, name)`.
/// `list` names the reference list (`country`, `language`): its names are shown in the
/// interface's language, and countries sorted by them.
pub fn ref_options(list: &str, entries: &[(&'static str, &'static str)]) -> Vec<(String, String)> {
    let mut options: Vec<(String, String)> = entries
        .iter()
        .map(|(c, n)| {
            let name = crate::i18n::word(&reference_key(list, c), n);
            ((*c).to_owned(), name.to_owned())
        })
        .collect();
    if list == "country" {
        options.sort_by_key(|(_, name)| name.to_lowercase());
    }
    options
}
