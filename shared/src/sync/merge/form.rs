//! Edits from a form: what a form kept open writes (`RecordState::edit_since`), and what its
//! save would take back from this same device unseen (`RecordState::written_here_meanwhile`).

use serde_json::{Map, Value};

use super::{Mutation, RecordState};
use crate::sync::DeviceId;

impl RecordState {
    /// A mutation from a form opened on the values `opened` and saved with `changes`: only
    /// the fields the person changed in the form are written, so a form kept open while
    /// someone else's edits arrived does not put back what they changed. For a field the
    /// person changed, every standing write whose value is not the one the form showed
    /// (someone else's edit that arrived meanwhile, whether or not it is the one shown now,
    /// or the other side of a conflict) is left out of the context: the person's write does
    /// not supersede what they never saw, and both wait as a conflict someone chooses from.
    /// Fields the record does not have yet are written as given (those of an existing
    /// record only where they differ from the field's default). Writes of
    /// this same device (another tab) are superseded whatever the context says
    /// (`FieldState::apply`): ask `written_here_meanwhile` first.
    pub fn edit_since(
        &self,
        n: u64,
        at: i64,
        changes: Map<String, Value>,
        opened: &Map<String, Value>,
    ) -> Option<Mutation> {
        let shown = self.values();
        let set: Map<String, Value> = changes
            .into_iter()
            .filter(|(k, v)| self.differs(&shown, k, v))
            .filter(|(k, v)| !shown.contains_key(k) || opened.get(k) != Some(v))
            .collect();
        let mut m = self.mutation_setting(n, at, set)?;
        for (field, ctx) in m.ctx.iter_mut() {
            let Some(was) = opened.get(field) else {
                continue;
            };
            for w in &self.fields[field].writes {
                if &w.value != was {
                    // Not seen when the form opened: the context stops before it.
                    match w.dot.n.checked_sub(1).filter(|&n| n > 0) {
                        Some(before) => {
                            ctx.0.insert(w.dot.device, before);
                        }
                        None => {
                            ctx.0.remove(&w.dot.device);
                        }
                    }
                }
            }
        }
        m.ctx.retain(|_, ctx| !ctx.0.is_empty());
        Some(m)
    }

    /// What a form's save would take back unseen from this same device: for each field the
    /// person changed in a form opened on `opened`, a standing write of `device` (another tab
    /// of this browser, or this browser's side of a conflict) whose value is neither the one
    /// the form showed, nor one the person has been told of (`told`), nor the form's own.
    /// One write per device stands (`FieldState::apply`), so the save would supersede it
    /// whatever its context says; the app says so first. Answers each such field with that
    /// value, in field order.
    pub fn written_here_meanwhile(
        &self,
        device: DeviceId,
        changes: &Map<String, Value>,
        opened: &Map<String, Value>,
        told: &Map<String, Value>,
    ) -> Vec<(String, Value)> {
        let mut found = Vec::new();
        for (field, value) in changes {
            if opened.get(field) == Some(value) {
                continue;
            }
            let Some(state) = self.fields.get(field) else {
                continue;
            };
            let unseen = state.writes.iter().find(|w| {
                w.dot.device == device
                    && &w.value != value
                    && opened.get(field) != Some(&w.value)
                    && told.get(field) != Some(&w.value)
            });
            if let Some(w) = unseen {
                found.push((field.clone(), w.value.clone()));
            }
        }
        found
    }
}
