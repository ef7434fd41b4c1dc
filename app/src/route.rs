//! Which screen the address names, and moving between screens without reloading.
//!
//! The app has twenty-seven fixed addresses and one parameter (a record's id), so this is a
//! path signal, one `match` from path to [`Screen`], the History API, and one click
//! listener that turns same-origin links into in-app navigation. It replaces
//! leptos_router, whose general matching and nested outlets took an eighth of the
//! shipped wasm: 44 of 368 KB brotli (docs/benchmarks.md, "Shell size work").

use leptos::prelude::*;
use uuid::Uuid;
use wasm_bindgen::{JsCast, JsValue};

/// The screens, one per route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Home,
    OrgList,
    OrgNew,
    OrgDetail,
    OrgEdit,
    ToolList,
    ToolNew,
    ToolDetail,
    ToolEdit,
    MeetingList,
    MeetingNew,
    MeetingDetail,
    MeetingEdit,
    ActionList,
    MissionList,
    MissionNew,
    MissionDetail,
    MissionEdit,
    ProjectList,
    ProjectNew,
    ProjectDetail,
    ProjectEdit,
    Funding,
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
        let (screen, id) = match segments.as_slice() {
            [] => (Home, None),
            ["organisations"] => (OrgList, None),
            ["organisations", "new"] => (OrgNew, None),
            ["organisations", id] => (OrgDetail, Some(*id)),
            ["organisations", id, "edit"] => (OrgEdit, Some(*id)),
            ["training"] => (ToolList, None),
            ["training", "new"] => (ToolNew, None),
            ["training", id] => (ToolDetail, Some(*id)),
            ["training", id, "edit"] => (ToolEdit, Some(*id)),
            ["meetings"] => (MeetingList, None),
            ["meetings", "new"] => (MeetingNew, None),
            ["meetings", id] => (MeetingDetail, Some(*id)),
            ["meetings", id, "edit"] => (MeetingEdit, Some(*id)),
            ["actions"] => (ActionList, None),
            ["missions"] => (MissionList, None),
            ["missions", "new"] => (MissionNew, None),
            ["missions", id] => (MissionDetail, Some(*id)),
            ["missions", id, "edit"] => (MissionEdit, Some(*id)),
            ["projects"] => (ProjectList, None),
            ["projects", "new"] => (ProjectNew, None),
            ["projects", id] => (ProjectDetail, Some(*id)),
            ["projects", id, "edit"] => (ProjectEdit, Some(*id)),
            ["funding"] => (Funding, None),
            ["search"] => (Search, None),
            ["sync"] => (Sync, None),
            ["about"] => (About, None),
            ["sign-in"] => (SignIn, None),
            ["account"] => (Account, None),
            ["users"] => (Users, None),
            _ => (NotFound, None),
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
        let id = Uuid::parse_str(ID).unwrap();
        for (path, screen, with_id) in [
            ("/", Screen::Home, false),
            ("", Screen::Home, false),
            ("/organisations", Screen::OrgList, false),
            ("/organisations/", Screen::OrgList, false),
            ("/organisations/new", Screen::OrgNew, false),
            (&format!("/organisations/{ID}"), Screen::OrgDetail, true),
            (&format!("/organisations/{ID}/edit"), Screen::OrgEdit, true),
            ("/training", Screen::ToolList, false),
            ("/training/new", Screen::ToolNew, false),
            (&format!("/training/{ID}"), Screen::ToolDetail, true),
            (&format!("/training/{ID}/edit/"), Screen::ToolEdit, true),
            ("/meetings", Screen::MeetingList, false),
            ("/meetings/new", Screen::MeetingNew, false),
            (&format!("/meetings/{ID}"), Screen::MeetingDetail, true),
            (&format!("/meetings/{ID}/edit"), Screen::MeetingEdit, true),
            ("/actions", Screen::ActionList, false),
            ("/actions/x", Screen::NotFound, false),
            ("/missions", Screen::MissionList, false),
            ("/missions/new", Screen::MissionNew, false),
            (&format!("/missions/{ID}"), Screen::MissionDetail, true),
            (&format!("/missions/{ID}/edit"), Screen::MissionEdit, true),
            ("/projects", Screen::ProjectList, false),
            ("/projects/new", Screen::ProjectNew, false),
            (&format!("/projects/{ID}"), Screen::ProjectDetail, true),
            (&format!("/projects/{ID}/edit"), Screen::ProjectEdit, true),
            ("/funding", Screen::Funding, false),
            ("/search", Screen::Search, false),
            ("/sync", Screen::Sync, false),
            ("/about", Screen::About, false),
            ("/sign-in", Screen::SignIn, false),
            ("/account", Screen::Account, false),
            ("/users", Screen::Users, false),
            ("/users/extra", Screen::NotFound, false),
            ("/organisations/x/y/z", Screen::NotFound, false),
            ("/nowhere", Screen::NotFound, false),
        ] {
            let route = Route::of(path);
            assert_eq!(route.screen, screen, "{path}");
            assert_eq!(route.id(), with_id.then_some(id), "{path}");
        }
        // A detail path whose id is not a UUID names the screen, with no record.
        let odd = Route::of("/training/not-a-uuid");
        assert_eq!((odd.screen, odd.id()), (Screen::ToolDetail, None));
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
