//! The interface's language kept with the person's account as well as on the device: a
//! device someone signs in on opens in the language they last chose on any device.
//!
//! The device's own choice (`localStorage`, kept by `boot.js`) is told to the account at
//! the next sync round with a connection, once per choice: `TOLD` notes, per person, the
//! account's language as this device last saw or set it, so that two devices with two
//! choices do not set the account back and forth.

use tradewinds_shared::accounts::User;
use tradewinds_shared::i18n::Lang;

use super::{accounts, SyncError};

/// `<account id>:<language code>`: the account's language as this device last knew it.
const TOLD: &str = "tradewinds-lang-account";
/// The language chosen on this device (written by `boot.js`'s `chooseLang`).
const CHOSEN: &str = "tradewinds-lang";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

fn told_mark(user: &User, lang: Lang) -> String {
    format!("{}:{}", user.id, lang.code())
}

/// Just signed in: the interface takes the account's language (the page is drawn again
/// in it) when it has one this device is not in.
pub fn follow(user: &User) {
    let Some(lang) = user.language else { return };
    if let Some(s) = storage() {
        let _ = s.set_item(TOLD, &told_mark(user, lang));
    }
    if lang != crate::i18n::lang() {
        crate::i18n::choose(lang);
    }
}

/// Tells the account the language chosen on this device, if it has not been told it yet.
pub async fn tell(token: &str, user: &User) -> Result<(), SyncError> {
    let Some(s) = storage() else { return Ok(()) };
    let chosen = s
        .get_item(CHOSEN)
        .ok()
        .flatten()
        .and_then(|code| Lang::from_tag(&code));
    let Some(chosen) = chosen.filter(|c| user.language != Some(*c)) else {
        return Ok(());
    };
    let mark = told_mark(user, chosen);
    if s.get_item(TOLD).ok().flatten().as_deref() == Some(mark.as_str()) {
        return Ok(());
    }
    accounts::set_language(token, chosen).await?;
    let _ = s.set_item(TOLD, &mark);
    Ok(())
}
