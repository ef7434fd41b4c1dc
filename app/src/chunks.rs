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

use futures::FutureExt;
use leptos::prelude::*;
use send_wrapper::SendWrapper;

use crate::catalogue::Catalogue;
use crate::pages::{about, account, organisations, sync as sync_screen, training, users};
use crate::route::Screen;
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

/// Declares each screen of a chunk as an async function that loads the chunk (once) and
/// then builds the screen's view.
macro_rules! chunks {
    ($($chunk:ident { $($name:ident => $make:expr,)* })*) => {$($(
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $name() -> Result<AnyView, ChunkError> {
            Ok(($make)())
        }
        #[cfg(not(feature = "split"))]
        async fn $name() -> Result<AnyView, ChunkError> {
            Ok(($make)())
        }
    )*)*};
}

chunks! {
    screens {
        org_list => || view! { <organisations::OrgList/> }.into_any(),
        org_new => || view! { <organisations::OrgNew/> }.into_any(),
        org_detail => || view! { <organisations::OrgDetail/> }.into_any(),
        org_edit => || view! { <organisations::OrgEdit/> }.into_any(),
        tool_list => || view! { <training::ToolList/> }.into_any(),
        tool_new => || view! { <training::ToolNew/> }.into_any(),
        tool_detail => || view! { <training::ToolDetail/> }.into_any(),
        tool_edit => || view! { <training::ToolEdit/> }.into_any(),
        sync_page => || view! { <sync_screen::SyncPage/> }.into_any(),
        about_page => || view! { <about::AboutPage/> }.into_any(),
        account_page => || view! { <account::AccountPage/> }.into_any(),
        users_page => || view! { <users::UsersPage/> }.into_any(),
    }
}

/// The view of a screen kept in a chunk: "Loading…" while the chunk loads, then the
/// screen; if the chunk cannot be loaded, a message saying so. `None` for the screens in the main module.
pub fn view(screen: Screen) -> Option<AnyView> {
    let load = match screen {
        Screen::OrgList => org_list().boxed_local(),
        Screen::OrgNew => org_new().boxed_local(),
        Screen::OrgDetail => org_detail().boxed_local(),
        Screen::OrgEdit => org_edit().boxed_local(),
        Screen::ToolList => tool_list().boxed_local(),
        Screen::ToolNew => tool_new().boxed_local(),
        Screen::ToolDetail => tool_detail().boxed_local(),
        Screen::ToolEdit => tool_edit().boxed_local(),
        Screen::Sync => sync_page().boxed_local(),
        Screen::About => about_page().boxed_local(),
        Screen::Account => account_page().boxed_local(),
        Screen::Users => users_page().boxed_local(),
        Screen::Home | Screen::SignIn | Screen::NotFound => return None,
    };
    let shown = async move {
        load.await.unwrap_or_else(|ChunkError(e)| {
            view! {
                <p class="error" role="alert">
                    {format!("This screen could not be loaded ({e}). Open it again once connected.")}
                </p>
            }
            .into_any()
        })
    };
    let screen = Suspend::new(SendWrapper::new(shown));
    // "Loading…" only shows when the chunk comes over a slow network (a first visit before
    // the service worker has it); from the device it is there before the next frame.
    Some(view! { <Suspense fallback=crate::pages::loading>{screen}</Suspense> }.into_any())
}

#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(sync_engine, wasm_split_path = ::leptos::wasm_split, fallible)]
fn sync_engine(cat: Catalogue) -> Result<(), ChunkError> {
    crate::sync::start(cat);
    Ok(())
}
#[cfg(not(feature = "split"))]
async fn sync_engine(cat: Catalogue) -> Result<(), ChunkError> {
    crate::sync::start(cat);
    Ok(())
}

/// Starts the sync loop for the app's lifetime once its chunk is loaded, after the first
/// screen is drawn. While it cannot be loaded (a first visit whose connection dropped) the
/// status says so and it is tried again every ten seconds; changes wait in the outbox.
pub fn start_sync(cat: Catalogue) {
    leptos::task::spawn_local(async move {
        while let Err(ChunkError(e)) = sync_engine(cat.clone()).await {
            cat.status.update(|s| {
                s.phase = Phase::Failed(format!(
                    "the sync code could not be loaded ({e}); trying again"
                ))
            });
            gloo_timers::future::sleep(std::time::Duration::from_secs(10)).await;
        }
    });
}
