//! Code fetched after the first screen: the sync engine, and the screens after the first.
//!
//! The first screen (the start page, or sign-in on a first visit) and what every screen
//! needs (layout, IndexedDB, the session, the sync status) are in the main wasm module,
//! which is all a first screen waits for. The sync engine (push, pull, merge) is one
//! chunk, fetched once the first screen is up; the other screens are another, fetched the
//! first time one of them opens. `scripts/build-app.sh` cuts them out of cargo's output
//! with wasm-split-cli (the tooling of Leptos's `#[lazy]`). The service worker precaches
//! every chunk with the shell, so after the first visit they load from the device,
//! offline included. (One chunk for all the other screens rather than one per screen:
//! code shared by two chunks is a third, and separately compressed chunks cost more bytes
//! in all; docs/benchmarks.md has the figures.)
//!
//! Builds without the `split` feature (the browser tests) call the same screens directly.

use std::future::Future;

use futures::future::LocalBoxFuture;
use futures::FutureExt;
use leptos::prelude::*;
use send_wrapper::SendWrapper;

use crate::catalogue::Catalogue;
use crate::pages::{
    about, account, actions, funding, home, import, meetings, missions, organisations, projects,
    search, sign_in, sync as sync_screen, training, users,
};
use crate::route::{Page, Screen, Section};
use crate::sync::Phase;

/// A chunk that could not be fetched or started.
#[derive(Debug)]
pub struct ChunkError(String);

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(e: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkError(e.to_string())
    }
}

/// Declares functions kept in the chunk `$chunk`: each becomes an async function that
/// loads the chunk (once) and then runs its body. Without the `split` feature the body
/// runs directly.
macro_rules! split_off {
    ($chunk:ident: $(fn $name:ident($($arg:ident: $ty:ty),*) -> $out:ty $body:block)*) => {$(
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        #[allow(unused_braces)]
        pub fn $name($($arg: $ty),*) -> Result<$out, ChunkError> {
            Ok($body)
        }
        #[cfg(not(feature = "split"))]
        #[allow(unused_braces)]
        pub async fn $name($($arg: $ty),*) -> Result<$out, ChunkError> {
            Ok($body)
        }
    )*};
}

split_off! { screens:
    fn screen_code(screen: Screen) -> Draw { Box::new(move || screen_view(screen)) }
}

/// A screen's code, loaded, that draws it when called.
type Draw = Box<dyn FnOnce() -> AnyView>;

/// A screen after the first: its chunk and the later screens' words (`i18n::complete`)
/// are fetched together, and it is drawn once both are in.
pub async fn screen(screen: Screen) -> Result<AnyView, ChunkError> {
    later(screen_code(screen).boxed_local()).await
}

/// The import screen, likewise.
pub async fn import_screen() -> Result<AnyView, ChunkError> {
    later(import_code().boxed_local()).await
}

async fn later(
    code: LocalBoxFuture<'static, Result<Draw, ChunkError>>,
) -> Result<AnyView, ChunkError> {
    crate::i18n::prefetch();
    let draw = code.await?;
    crate::i18n::complete().await.map_err(ChunkError)?;
    Ok(draw())
}

/// Every screen, by route: one entry into the chunk rather than one per screen, since
/// each entry costs the first download a loader of its own.
fn screen_view(screen: Screen) -> AnyView {
    use Page::*;
    use Section::*;
    match screen {
        Screen::Home => view! { <home::Home/> }.into_any(),
        Screen::SignIn => view! { <sign_in::SignInPage/> }.into_any(),
        Screen::NotFound => crate::not_found(),
        Screen::Records(Organisations, List) => view! { <organisations::OrgList/> }.into_any(),
        Screen::Records(Organisations, New) => view! { <organisations::OrgNew/> }.into_any(),
        Screen::Records(Organisations, Detail) => view! { <organisations::OrgDetail/> }.into_any(),
        Screen::Records(Organisations, Edit) => view! { <organisations::OrgEdit/> }.into_any(),
        Screen::Records(Training, List) => view! { <training::ToolList/> }.into_any(),
        Screen::Records(Training, New) => view! { <training::ToolNew/> }.into_any(),
        Screen::Records(Training, Detail) => view! { <training::ToolDetail/> }.into_any(),
        Screen::Records(Training, Edit) => view! { <training::ToolEdit/> }.into_any(),
        Screen::Records(Meetings, List) => view! { <meetings::MeetingList/> }.into_any(),
        Screen::Records(Meetings, New) => view! { <meetings::MeetingNew/> }.into_any(),
        Screen::Records(Meetings, Detail) => view! { <meetings::MeetingDetail/> }.into_any(),
        Screen::Records(Meetings, Edit) => view! { <meetings::MeetingEdit/> }.into_any(),
        Screen::ActionList => view! { <actions::ActionList/> }.into_any(),
        Screen::Records(Missions, List) => view! { <missions::MissionList/> }.into_any(),
        Screen::Records(Missions, New) => view! { <missions::MissionNew/> }.into_any(),
        Screen::Records(Missions, Detail) => view! { <missions::MissionDetail/> }.into_any(),
        Screen::Records(Missions, Edit) => view! { <missions::MissionEdit/> }.into_any(),
        Screen::Records(Projects, List) => view! { <projects::ProjectList/> }.into_any(),
        Screen::Records(Projects, New) => view! { <projects::ProjectNew/> }.into_any(),
        Screen::Records(Projects, Detail) => view! { <projects::ProjectDetail/> }.into_any(),
        Screen::Records(Projects, Edit) => view! { <projects::ProjectEdit/> }.into_any(),
        Screen::Funding => view! { <funding::FundingPage/> }.into_any(),
        // In a chunk of its own: its XML and spreadsheet reading is for the few who import.
        Screen::Import => show(import_screen()),
        Screen::Search => view! { <search::SearchPage/> }.into_any(),
        Screen::Sync => view! { <sync_screen::SyncPage/> }.into_any(),
        Screen::About => view! { <about::AboutPage/> }.into_any(),
        Screen::Account => view! { <account::AccountPage/> }.into_any(),
        Screen::Users => view! { <users::UsersPage/> }.into_any(),
    }
}

split_off! { importer:
    fn import_code() -> Draw { Box::new(|| view! { <import::ImportPage/> }.into_any()) }
}

split_off! { start_page:
    fn start_part(part: home::Part) -> AnyView { part.view() }
}

split_off! { sync_engine:
    fn sync_engine(cat: Catalogue) -> () { crate::sync::start(cat) }
}

/// A screen kept in a chunk (`load` is one of the screen functions above): "Loading…"
/// while the chunk loads, then the screen; if the chunk cannot be loaded, a message saying
/// so.
pub fn show(load: impl Future<Output = Result<AnyView, ChunkError>> + 'static) -> AnyView {
    show_boxed(load.boxed_local())
}

fn show_boxed(load: LocalBoxFuture<'static, Result<AnyView, ChunkError>>) -> AnyView {
    let shown = async move {
        load.await.unwrap_or_else(|ChunkError(e)| {
            view! {
                <p class="error" role="alert">
                    {crate::i18n::tf(crate::i18n::msg::SCREEN_NOT_LOADED, &[("error", e.as_str().into())])}
                </p>
            }
            .into_any()
        })
    };
    let screen = Suspend::new(SendWrapper::new(shown));
    // "Loading…" only shows when the chunk comes over a slow network (a first visit before
    // the service worker has it); from the device it is there before the next frame.
    view! { <Suspense fallback=crate::pages::loading>{screen}</Suspense> }.into_any()
}

/// A part of a screen kept in a chunk (the start page's follow-up panel): nothing while the
/// chunk loads, and nothing if it cannot be loaded (the rest of the screen stands alone).
pub fn show_part(load: impl Future<Output = Result<AnyView, ChunkError>> + 'static) -> AnyView {
    let load = load.boxed_local();
    let part = async move { load.await.unwrap_or_else(|_| ().into_any()) };
    let part = Suspend::new(SendWrapper::new(part));
    view! { <Suspense fallback=|| ()>{part}</Suspense> }.into_any()
}

/// Starts the sync loop for the app's lifetime once its chunk is loaded, after the first
/// screen is drawn. While it cannot be loaded (a first visit whose connection dropped) the
/// status says so and it is tried again every ten seconds; changes wait in the outbox.
pub fn start_sync(cat: Catalogue) {
    leptos::task::spawn_local(async move {
        while let Err(ChunkError(e)) = sync_engine(cat.clone()).await {
            cat.status.update(|s| {
                s.phase = Phase::Failed(crate::i18n::tf(
                    crate::i18n::msg::SYNC_CODE_NOT_LOADED,
                    &[("error", e.as_str().into())],
                ))
            });
            gloo_timers::future::sleep(std::time::Duration::from_secs(10)).await;
        }
    });
}
