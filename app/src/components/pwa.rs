//! The installed-app pieces driven from `boot.js` (`window.tradewinds`): the "new version"
//! prompt, the Install button, Background Sync registration, and storage facts.

use js_sys::{Function, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::i18n::{msg, t};

pub(crate) fn pwa() -> Option<JsValue> {
    let w = web_sys::window()?;
    Reflect::get(&w, &"tradewinds".into())
        .ok()
        .filter(|v| v.is_object())
}

pub(crate) fn flag(name: &str) -> bool {
    pwa()
        .and_then(|p| Reflect::get(&p, &name.into()).ok())
        .is_some_and(|v| v.is_truthy())
}

/// `window.tradewinds[name]`, if the build's boot script provided that function.
fn boot_function(name: &str) -> Option<Function> {
    pwa()
        .and_then(|p| Reflect::get(&p, &name.into()).ok())
        .and_then(|f| f.dyn_into::<Function>().ok())
}

/// Calls `window.tradewinds[name]()` if the build's boot script provided it.
fn call(name: &str) {
    if let Some(f) = boot_function(name) {
        let _ = f.call0(&JsValue::NULL);
    }
}

/// What `window.tradewinds[name](arg)` returns, if the build's boot script provided it.
pub(crate) fn call_returning(name: &str, arg: &str) -> Option<JsValue> {
    boot_function(name)?.call1(&JsValue::NULL, &arg.into()).ok()
}

/// Calls `window.tradewinds[name](arg)` if the build's boot script provided it.
pub(crate) fn call_with(name: &str, arg: &str) {
    if let Some(f) = boot_function(name) {
        let _ = f.call1(&JsValue::NULL, &arg.into());
    }
}

/// A signal that re-reads `read` whenever the window fires `event`.
fn on_window_event(event: &'static str, read: fn() -> bool) -> ReadSignal<bool> {
    let (value, set) = signal(read());
    if let Some(w) = web_sys::window() {
        let handler = Closure::<dyn FnMut()>::new(move || set.set(read()));
        let _ = w.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref());
        handler.forget();
    }
    value
}

/// Asks the service worker to push the outbox when a connection returns, even if the app
/// is closed by then (Chromium's Background Sync; elsewhere the next start syncs).
pub fn request_background_sync() {
    call("requestBackgroundSync");
}

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let ready = on_window_event("tradewinds-update", || flag("updateReady"));
    view! {
        <Show when=move || ready.get()>
            <div class="update" role="alert" data-testid="update-ready">
                {t(msg::UPDATE_READY)}" "
                <button type="button" class="primary" on:click=move |_| call("applyUpdate")>{t(msg::UPDATE_RELOAD)}</button>
                <span class="meta">" "{t(msg::UPDATE_DATA_STAYS)}</span>
            </div>
        </Show>
    }
}

#[component]
pub fn InstallButton() -> impl IntoView {
    let can = on_window_event("tradewinds-installable", || {
        pwa()
            .and_then(|p| Reflect::get(&p, &"installPrompt".into()).ok())
            .is_some_and(|v| v.is_object())
    });
    view! {
        <Show when=move || can.get()>
            <button type="button" class="install" data-testid="install" on:click=move |_| call("install")>{t(msg::INSTALL)}</button>
        </Show>
    }
}

/// What the browser says about this site's storage.
#[derive(Clone, Debug, PartialEq)]
pub struct StorageFacts {
    pub usage: Option<f64>,
    pub quota: Option<f64>,
    pub persisted: Option<bool>,
}

fn storage_manager() -> Option<JsValue> {
    let nav = web_sys::window()?.navigator();
    Reflect::get(&nav, &"storage".into())
        .ok()
        .filter(|s| s.is_object())
}

async fn call_storage(method: &str) -> Option<JsValue> {
    let storage = storage_manager()?;
    let f = Reflect::get(&storage, &method.into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    let promise = f.call0(&storage).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    JsFuture::from(promise).await.ok()
}

pub async fn storage_facts() -> StorageFacts {
    let estimate = call_storage("estimate").await;
    let num = |k: &str| {
        estimate
            .as_ref()
            .and_then(|e| Reflect::get(e, &k.into()).ok())
            .and_then(|v| v.as_f64())
    };
    StorageFacts {
        usage: num("usage"),
        quota: num("quota"),
        persisted: call_storage("persisted").await.and_then(|v| v.as_bool()),
    }
}

/// Asks the browser not to evict this site's data under storage pressure.
pub async fn request_persistence() -> Option<bool> {
    call_storage("persist").await.and_then(|v| v.as_bool())
}

/// The build label from `<meta name="tradewinds-build">`.
pub fn build_label() -> String {
    document()
        .query_selector("meta[name=tradewinds-build]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_else(|| "development".into())
}
