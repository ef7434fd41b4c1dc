//! Several tabs of one browser: one syncs at a time (Web Locks), and every tab hears when
//! another changed the data (BroadcastChannel), so what it shows stays current.

use std::future::Future;

use futures::channel::oneshot;
use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

const LOCK: &str = "tradewinds-sync";
const CHANNEL: &str = "tradewinds-changes";

/// Runs `work` holding the browser-wide sync lock, where the browser has Web Locks;
/// otherwise just runs it.
pub async fn exclusively<T>(work: impl Future<Output = T>) -> T {
    let Some(locks) = web_sys::window()
        .and_then(|w| Reflect::get(&w.navigator(), &"locks".into()).ok())
        .filter(|l| !l.is_undefined() && !l.is_null())
    else {
        return work.await;
    };
    let Ok(request) =
        Reflect::get(&locks, &"request".into()).and_then(|f| f.dyn_into::<Function>())
    else {
        return work.await;
    };
    // The lock is held until the promise the callback returns settles.
    let mut release: Option<Function> = None;
    let held = Promise::new(&mut |resolve, _reject| release = Some(resolve));
    let (acquired_tx, acquired_rx) = oneshot::channel::<()>();
    let mut acquired_tx = Some(acquired_tx);
    let on_granted = Closure::<dyn FnMut(JsValue) -> JsValue>::new(move |_lock| {
        if let Some(tx) = acquired_tx.take() {
            let _ = tx.send(());
        }
        held.clone().into()
    });
    if request
        .call2(&locks, &LOCK.into(), on_granted.as_ref().unchecked_ref())
        .is_err()
    {
        return work.await;
    }
    let _ = acquired_rx.await;
    let out = work.await;
    if let Some(release) = release {
        let _ = release.call0(&JsValue::NULL);
    }
    drop(on_granted);
    out
}

/// Tells the other tabs that records or the outbox changed.
pub fn announce_change() {
    if let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) {
        let _ = channel.post_message(&JsValue::from_str("changed"));
        channel.close();
    }
}

/// Calls `on_change` whenever another tab announces a change.
pub fn listen(on_change: impl Fn() + 'static) {
    let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else {
        return;
    };
    let handler = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |_| on_change());
    channel.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    // Kept open for the page's lifetime.
    std::mem::forget(channel);
}
