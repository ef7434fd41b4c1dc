//! A sentence with links in it: the message is cut where its placeholders stand, so that
//! each language puts the links where its grammar wants them ("{ $add } to see…").

use leptos::prelude::*;
use tradewinds_shared::i18n::{Arg, Msg};

use crate::i18n::tf;

/// The stand-in for the first placeholder while the message is written: a private-use
/// character, which no message holds.
const FIRST_MARK: u32 = 0xE000;

/// Message `id` with the view `slot(i)` where its placeholder `slots[i]` stands.
pub fn linked<V: IntoView + 'static>(
    id: Msg,
    slots: &[&str],
    mut slot: impl FnMut(usize) -> V,
) -> Vec<AnyView> {
    let marks: Vec<String> = (FIRST_MARK..)
        .take(slots.len())
        .filter_map(char::from_u32)
        .map(String::from)
        .collect();
    let args: Vec<(&str, Arg<'_>)> = slots
        .iter()
        .zip(&marks)
        .map(|(name, mark)| (*name, mark.into()))
        .collect();
    let text = tf(id, &args);
    let mut views = Vec::new();
    let mut from = 0;
    for (at, c) in text.char_indices() {
        let i = (c as u32).wrapping_sub(FIRST_MARK) as usize;
        if i < slots.len() {
            views.push(text[from..at].to_owned().into_any());
            views.push(slot(i).into_any());
            from = at + c.len_utf8();
        }
    }
    views.push(text[from..].to_owned().into_any());
    views
}
