//! The top of a list page: its title, the "add" link (for those who may add), and the
//! search box before the filters.

use leptos::prelude::*;

#[component]
pub fn ListHead(
    title: &'static str,
    add_href: &'static str,
    add_label: &'static str,
    placeholder: &'static str,
    query: RwSignal<String>,
    /// Whether the signed-in person may add one.
    #[prop(into)]
    can_add: Signal<bool>,
    /// The list's filters, shown after the search box.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="list-head">
            <h1>{title}</h1>
            <Show when=move || can_add.get()>
                <a href=add_href class="button">{add_label}</a>
            </Show>
        </div>
        <div class="filters" role="search">
            <div class="field">
                <label for="search">"Search"</label>
                <input id="search" type="search" data-testid="search" placeholder=placeholder
                    prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev))/>
            </div>
            {children()}
        </div>
    }
}
