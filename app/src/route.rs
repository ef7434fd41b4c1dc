//! Which screen the address names, and moving between screens without reloading.
//!
//! The app's screens are five sections' views (list, new, a record, its edit form) and a
//! few screens of their own, with one parameter (a record's id), so this is a path signal,
//! one `match` from path to [`Screen`], one `Section::href` that writes every section
//! path, the History API, and one click listener that turns same-origin links into in-app
//! navigation. It replaces leptos_router, whose general matching and nested outlets took
//! an eighth of the shipped wasm: 44 of 368 KB brotli (then; see docs/benchmarks.md).

use leptos::prelude::*;
use tradewinds_shared::RecordKind;
use uuid::Uuid;
use wasm_bindgen::{JsCast, JsValue};

/// The sections whose records have a list, a form for a new one, and a page and a form
/// for each: their screens are a section and a view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Organisations,
    Training,
    Meetings,
    Missions,
    Projects,
}

/// A view of a section: the list, a new record, one record's page, or its edit form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    List,
    New,
    Detail(Uuid),
    Edit(Uuid),
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::Organisations,
        Section::Training,
        Section::Meetings,
        Section::Missions,
        Section::Projects,
    ];

    /// The first segment of the section's paths.
    pub fn segment(self) -> &'static str {
        match self {
            Section::Organisations => "organisations",
            Section::Training => "training",
            Section::Meetings => "meetings",
            Section::Missions => "missions",
            Section::Projects => "projects",
        }
    }

    /// The section that shows records of `kind`, if one does.
    pub fn of(kind: RecordKind) -> Option<Section> {
        match kind {
            RecordKind::Organisation => Some(Section::Organisations),
            RecordKind::TrainingTool => Some(Section::Training),
            RecordKind::Meeting => Some(Section::Meetings),
            RecordKind::Mission => Some(Section::Missions),
            RecordKind::Project => Some(Section::Projects),
            RecordKind::Contact
            | RecordKind::Programme
            | RecordKind::ActionItem
            | RecordKind::Document => None,
        }
    }

    /// The path of a view of this section: the one place paths are written.
    pub fn href(self, view: View) -> String {
        let s = self.segment();
        match view {
            View::List => format!("/{s}"),
            View::New => format!("/{s}/new"),
            View::Detail(id) => format!("/{s}/{id}"),
            View::Edit(id) => format!("/{s}/{id}/edit"),
        }
    }
}

/// The page of a record of `id`: its section's page, or the follow-up list for an action
/// item; `None` for the kinds shown only inside another record's page.
pub fn record_href(kind: RecordKind, id: Uuid) -> Option<String> {
    match Section::of(kind) {
        Some(section) => Some(section.href(View::Detail(id))),
        // Shown where they belong (an organisation's or a meeting's page); the follow-up
        // list has them all.
        None if kind == RecordKind::ActionItem => Some("/actions".to_owned()),
        None => None,
    }
}

/// Which view of a section a path names (its id, if any, is in the `Route`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    List,
    New,
    Detail,
    Edit,
}

/// The screens: a section's views, and the screens of their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Home,
    Records(Section, Page),
    ActionList,
    Funding,
    Import,
    Search,
    Sync,
    About,
    SignIn,
    Account,
    Users,
    NotFound,
}

/// A path read as a screen and its `:id` segment, if it has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    pub screen: Screen,
    id: Option<String>,
}

impl Route {
    /// Reads a path (`location.pathname`). Empty segments are ignored, so a trailing
    /// slash names the same screen.
    pub fn of(path: &str) -> Route {
        use Screen::*;
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let section = segments
            .first()
            .and_then(|first| Section::ALL.into_iter().find(|s| s.segment() == *first));
        let (screen, id) = match (section, segments.as_slice()) {
            (Some(s), [_]) => (Records(s, Page::List), None),
            (Some(s), [_, "new"]) => (Records(s, Page::New), None),
            (Some(s), [_, id]) => (Records(s, Page::Detail), Some(*id)),
            (Some(s), [_, id, "edit"]) => (Records(s, Page::Edit), Some(*id)),
            (Some(_), _) => (NotFound, None),
            (None, []) => (Home, None),
            (None, ["actions"]) => (ActionList, None),
            (None, ["funding"]) => (Funding, None),
            (None, ["import"]) => (Import, None),
            (None, ["search"]) => (Search, None),
            (None, ["sync"]) => (Sync, None),
            (None, ["about"]) => (About, None),
            (None, ["sign-in"]) => (SignIn, None),
            (None, ["account"]) => (Account, None),
            (None, ["users"]) => (Users, None),
            (None, _) => (NotFound, None),
        };
        Route {
            screen,
            id: id.map(str::to_owned),
        }
    }

    /// The record id in the path, if it is a UUID.
    pub fn id(&self) -> Option<Uuid> {
        self.id.as_deref().and_then(|s| Uuid::parse_str(s).ok())
    }
}

/// Whether a link to `href` leads to the screen at `path` or one inside it (for
/// `aria-current`): `/organisations` is current on `/organisations/…/edit`; `/` only on `/`.
pub fn is_current(href: &str, path: &str) -> bool {
    let href = href.trim_end_matches('/');
    let path = path.trim_end_matches('/');
    path == href
        || (!href.is_empty()
            && path
                .strip_prefix(href)
                .is_some_and(|rest| rest.starts_with('/')))
}

/// The address bar, followed: the current path and the route read from it.
#[derive(Clone, Copy)]
pub struct Navigator {
    path: RwSignal<String>,
    route: Memo<Route>,
}

impl Navigator {
    /// Follows the address bar from now on (back/forward, and clicks on same-origin links
    /// anywhere in the page) and provides itself as context. Called once, at the root.
    pub fn start() -> Navigator {
        let path = RwSignal::new(current_path());
        let route = Memo::new(move |_| path.with(|p| Route::of(p)));
        let nav = Navigator { path, route };
        // Both listeners live as long as the page: the app never unmounts its root.
        let _ = window_event_listener(leptos::ev::popstate, move |_| path.set(current_path()));
        let _ = window_event_listener(leptos::ev::click, move |ev| nav.follow(&ev));
        provide_context(nav);
        nav
    }

    pub fn route(&self) -> Memo<Route> {
        self.route
    }

    /// The current path, tracked.
    pub fn path(&self) -> String {
        self.path.get()
    }

    /// Shows the screen at `to` (a path, optionally with `?query` and `#hash`) and adds it
    /// to the history, as following a link does.
    pub fn go(&self, to: &str) {
        let w = window();
        let here = w.location().href().unwrap_or_default();
        let there = web_sys::Url::new_with_base(to, &here).ok();
        if there.as_ref().map(web_sys::Url::href).as_deref() != Some(here.as_str()) {
            if let Ok(history) = w.history() {
                let _ = history.push_state_with_url(&JsValue::NULL, "", Some(to));
            }
        }
        self.path.set(current_path());
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }

    /// A click anywhere: when it is a plain click on a link to another screen of this app,
    /// show that screen instead of loading the page again.
    fn follow(&self, ev: &web_sys::MouseEvent) {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.meta_key()
            || ev.ctrl_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let Some(link) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        let new_window = !matches!(link.target().as_str(), "" | "_self");
        let location = window().location();
        let elsewhere = link.origin() != location.origin().unwrap_or_default();
        let path = link.pathname();
        let search = link.search();
        let hash = link.hash();
        // `/api/…` is the server's, not a screen; a `#…` on this same screen is an anchor
        // the browser scrolls to (the skip link).
        let not_a_screen = path.starts_with("/api/");
        let same_screen_anchor = !hash.is_empty()
            && Some(&path) == location.pathname().ok().as_ref()
            && Some(&search) == location.search().ok().as_ref();
        if new_window
            || link.has_attribute("download")
            || elsewhere
            || not_a_screen
            || same_screen_anchor
        {
            return;
        }
        ev.prevent_default();
        self.go(&format!("{path}{search}{hash}"));
    }
}

fn current_path() -> String {
    window()
        .location()
        .pathname()
        .unwrap_or_else(|_| "/".to_owned())
}

pub fn use_navigator() -> Navigator {
    expect_context::<Navigator>()
}

/// A link in the main navigation, marked `aria-current="page"` while its screen (or one
/// inside it) is shown.
#[component]
pub fn NavLink(href: &'static str, children: Children) -> impl IntoView {
    let nav = use_navigator();
    let current = move || is_current(href, &nav.path()).then_some("page");
    view! { <a href=href aria-current=current>{children()}</a> }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    const ID: &str = "0b7c2e58-3f0a-4c55-9d43-0c6e1a3f5b21";

    #[wasm_bindgen_test]
    fn paths_name_their_screens_and_ids() {
        use Page::*;
        use Screen::Records;
        let id = Uuid::parse_str(ID).unwrap();
        let mut cases: Vec<(String, Screen, bool)> = vec![
            ("/".into(), Screen::Home, false),
            ("".into(), Screen::Home, false),
            ("/actions".into(), Screen::ActionList, false),
            ("/actions/x".into(), Screen::NotFound, false),
            ("/funding".into(), Screen::Funding, false),
            ("/search".into(), Screen::Search, false),
            ("/sync".into(), Screen::Sync, false),
            ("/about".into(), Screen::About, false),
            ("/sign-in".into(), Screen::SignIn, false),
            ("/account".into(), Screen::Account, false),
            ("/users".into(), Screen::Users, false),
            ("/users/extra".into(), Screen::NotFound, false),
            ("/organisations/x/y/z".into(), Screen::NotFound, false),
            ("/nowhere".into(), Screen::NotFound, false),
            (
                format!("/training/{ID}/edit/"),
                Records(Section::Training, Edit),
                true,
            ),
            (
                "/organisations/".into(),
                Records(Section::Organisations, List),
                false,
            ),
        ];
        for s in Section::ALL {
            // Every path `href` writes is read back as the view it names.
            cases.push((s.href(View::List), Records(s, List), false));
            cases.push((s.href(View::New), Records(s, New), false));
            cases.push((s.href(View::Detail(id)), Records(s, Detail), true));
            cases.push((s.href(View::Edit(id)), Records(s, Edit), true));
        }
        assert_eq!(
            Section::Missions.href(View::Edit(id)),
            format!("/missions/{ID}/edit")
        );
        for (path, screen, with_id) in cases {
            let route = Route::of(&path);
            assert_eq!(route.screen, screen, "{path}");
            assert_eq!(route.id(), with_id.then_some(id), "{path}");
        }
        // A detail path whose id is not a UUID names the screen, with no record.
        let odd = Route::of("/training/not-a-uuid");
        assert_eq!(
            (odd.screen, odd.id()),
            (Records(Section::Training, Detail), None)
        );
        assert_eq!(
            record_href(RecordKind::Project, id),
            Some(format!("/projects/{ID}"))
        );
        assert_eq!(record_href(RecordKind::Contact, id), None);
    }

    #[wasm_bindgen_test]
    fn a_link_is_current_on_its_screen_and_those_inside_it() {
        assert!(is_current("/", "/"));
        assert!(!is_current("/", "/training"));
        assert!(is_current("/training", "/training"));
        assert!(is_current("/training", "/training/"));
        assert!(is_current("/training", &format!("/training/{ID}/edit")));
        assert!(!is_current("/training", "/trainings"));
        assert!(!is_current("/sync", "/training"));
    }
}
