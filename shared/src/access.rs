//! Who may change what. The server decides (every REST write and every pushed mutation goes
//! through `Actor::check_write`); the app runs the same function before storing an edit and
//! to decide which buttons to show, so a person is told before saving, not after syncing.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::catalogue::RecordKind;
use crate::i18n::problem::{self, key};
use crate::i18n::Problem;
use crate::sync::{Mutation, RecordState};

labelled_enum!(
    /// What an account may do. Reading the catalogue needs any role.
    Role {
        Viewer => ("viewer", "Viewer"),
        OfficeEditor => ("office_editor", "Office editor"),
        Coordinator => ("coordinator", "Coordinator"),
        Admin => ("admin", "Administrator"),
    }
);

/// Organisation fields that classify it region-wide: an office editor keeps its own
/// administration's record current but cannot re-categorise or retire it.
pub const COORDINATOR_ONLY_ORG_FIELDS: &[&str] =
    &["category", "status", "successor", "parent", "memberships"];

/// The person behind a request or a local edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub user: Uuid,
    pub role: Role,
    /// The organisation an office editor works for (others may have one too; it only
    /// matters for office editors).
    #[serde(default)]
    pub organisation: Option<Uuid>,
}

/// Why a change was refused, for the person who made it (worded where it is shown).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Denied {
    /// The field the refusal is about, if it is about one.
    pub field: Option<String>,
    pub problem: Problem,
}

impl Denied {
    fn new(key: problem::Key) -> Self {
        Denied {
            field: None,
            problem: Problem::new(key),
        }
    }

    fn about(field: &str, problem: Problem) -> Self {
        Denied {
            field: Some(field.to_owned()),
            problem,
        }
    }
}

/// In English (the server's logs and tests).
#[cfg(not(target_arch = "wasm32"))]
impl std::fmt::Display for Denied {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.problem.fmt(f)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl std::error::Error for Denied {}

/// The organisation a record belongs to, from its fields: an organisation owns itself, a
/// contact belongs to its organisation, a training tool to its provider, a programme to its
/// owner, a meeting to its organiser, an action item to the organisation answerable for it,
/// a project to the organisation accountable for it, a mission to its provider, a document to
/// its publisher.
pub fn owner(kind: RecordKind, id: Uuid, values: &Map<String, Value>) -> Option<Uuid> {
    let Some(field) = owner_field(kind) else {
        return Some(id);
    };
    values
        .get(field)
        .and_then(Value::as_str)
        .and_then(|s| Uuid::parse_str(s).ok())
}

/// The field naming a record's organisation (`None`: an organisation owns itself).
pub fn owner_field(kind: RecordKind) -> Option<&'static str> {
    match kind {
        RecordKind::Organisation => None,
        RecordKind::Contact => Some("organisation"),
        RecordKind::TrainingTool => Some("provider"),
        RecordKind::Programme => Some("owner"),
        RecordKind::Meeting => Some("organiser"),
        RecordKind::ActionItem => Some("owner"),
        RecordKind::Project => Some("accountable"),
        RecordKind::Mission => Some("provider"),
        RecordKind::Document => Some("publisher"),
    }
}

impl Actor {
    pub fn can_manage_users(&self) -> bool {
        self.role == Role::Admin
    }

    /// Whether the role edits records region-wide.
    pub fn edits_everything(&self) -> bool {
        matches!(self.role, Role::Admin | Role::Coordinator)
    }

    /// Whether this person may add a record of `kind` at all (the record's owner is
    /// checked when it is saved).
    pub fn may_create(&self, kind: RecordKind) -> bool {
        match self.role {
            Role::Admin | Role::Coordinator => true,
            Role::OfficeEditor => self.organisation.is_some() && kind != RecordKind::Organisation,
            Role::Viewer => false,
        }
    }

    /// Whether this person may edit `record` as it stands (without moving it elsewhere).
    pub fn may_edit(&self, record: &RecordState) -> bool {
        match self.role {
            Role::Admin | Role::Coordinator => true,
            Role::Viewer => false,
            Role::OfficeEditor => {
                self.organisation.is_some()
                    && owner(record.kind, record.id, &record.values()) == self.organisation
            }
        }
    }

    /// Whether this person may add a contact to, or a tool provided by, `organisation`.
    pub fn may_add_to(&self, organisation: Uuid) -> bool {
        match self.role {
            Role::Admin | Role::Coordinator => true,
            Role::Viewer => false,
            Role::OfficeEditor => self.organisation == Some(organisation),
        }
    }

    /// Whether `check_write` looks at the record's states; if not, its answer depends on
    /// the role and the mutation alone, and a caller may pass any states.
    pub fn reads_records(&self) -> bool {
        match self.role {
            Role::Admin | Role::Coordinator | Role::Viewer => false,
            Role::OfficeEditor => true,
        }
    }

    /// Whether this person may apply `m`, which turns `current` (absent: a new record) into
    /// `next`.
    pub fn check_write(
        &self,
        current: Option<&RecordState>,
        next: &RecordState,
        m: &Mutation,
    ) -> Result<(), Denied> {
        match self.role {
            Role::Admin | Role::Coordinator => Ok(()),
            Role::Viewer => Err(Denied::new(key::VIEWER_CANNOT_CHANGE)),
            Role::OfficeEditor => self.check_office_write(current, next, m),
        }
    }

    fn check_office_write(
        &self,
        current: Option<&RecordState>,
        next: &RecordState,
        m: &Mutation,
    ) -> Result<(), Denied> {
        let Some(mine) = self.organisation else {
            return Err(Denied::new(key::OFFICE_EDITOR_WITHOUT_ORGANISATION));
        };
        if m.kind == RecordKind::Organisation {
            if current.is_none_or(|c| c.fields.is_empty()) {
                return Err(Denied::new(key::ONLY_COORDINATORS_ADD_ORGS));
            }
            if next.is_deleted() {
                return Err(Denied::new(key::ONLY_COORDINATORS_REMOVE_ORGS));
            }
            if let Some(field) = COORDINATOR_ONLY_ORG_FIELDS
                .iter()
                .find(|f| m.set.contains_key(**f))
            {
                return Err(Denied::about(
                    field,
                    Problem::new(key::ONLY_COORDINATORS_CHANGE_ORG_FIELD).with(
                        "field",
                        problem::Value::field(RecordKind::Organisation, field),
                    ),
                ));
            }
        }
        if let Some(current) = current.filter(|c| !c.fields.is_empty()) {
            // A removal may have been a coordinator's decision: undoing it is theirs too.
            if current.is_deleted() && !next.is_deleted() {
                return Err(Denied::about(
                    crate::catalogue::DELETED_FIELD,
                    Problem::new(key::ONLY_COORDINATORS_RESTORE),
                ));
            }
            if owner(current.kind, current.id, &current.values()) != Some(mine) {
                return Err(Denied::new(key::ANOTHER_OFFICES_RECORD));
            }
        }
        let field = owner_field(m.kind);
        // The owner the mutation writes counts even when a concurrent write would win.
        let sets_other_owner = field
            .and_then(|f| m.set.get(f))
            .is_some_and(|v| v.as_str().and_then(|s| Uuid::parse_str(s).ok()) != Some(mine));
        if !next.is_deleted()
            && (sets_other_owner || owner(next.kind, next.id, &next.values()) != Some(mine))
        {
            return Err(Denied {
                field: field.map(str::to_owned),
                problem: Problem::new(key::OWN_OFFICE_ONLY),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::DeviceId;
    use serde_json::json;

    fn org(n: u8) -> Uuid {
        Uuid::from_bytes([n; 16])
    }

    fn actor(role: Role, organisation: Option<Uuid>) -> Actor {
        Actor {
            user: Uuid::from_bytes([9; 16]),
            role,
            organisation,
        }
    }

    fn mutation(kind: RecordKind, id: Uuid, set: Value) -> Mutation {
        Mutation {
            n: 1,
            kind,
            id,
            at: 0,
            set: set.as_object().unwrap().clone(),
            ctx: Default::default(),
        }
    }

    /// Applies `m` to `current` and asks whether `who` may.
    fn check(who: &Actor, current: Option<&RecordState>, m: &Mutation) -> Result<(), Denied> {
        let mut next = current
            .cloned()
            .unwrap_or_else(|| RecordState::new(m.kind, m.id));
        next.apply(DeviceId::nil(), m, None);
        who.check_write(current, &next, m)
    }

    fn record(kind: RecordKind, id: Uuid, set: Value) -> RecordState {
        let mut r = RecordState::new(kind, id);
        r.apply(DeviceId::nil(), &mutation(kind, id, set), None);
        r
    }

    #[test]
    fn office_editor_edits_own_organisation_and_its_contacts_only() {
        let editor = actor(Role::OfficeEditor, Some(org(1)));
        let own = record(
            RecordKind::Organisation,
            org(1),
            json!({"name": "Montserrat Customs"}),
        );
        let other = record(
            RecordKind::Organisation,
            org(2),
            json!({"name": "Barbados Customs"}),
        );
        let rename = |id| {
            mutation(
                RecordKind::Organisation,
                id,
                json!({"website": "https://x.ms"}),
            )
        };
        assert!(check(&editor, Some(&own), &rename(org(1))).is_ok());
        assert!(check(&editor, Some(&other), &rename(org(2))).is_err());

        let contact_id = Uuid::from_bytes([7; 16]);
        let new_contact = |o: Uuid| {
            mutation(
                RecordKind::Contact,
                contact_id,
                json!({"organisation": o.to_string(), "role_title": "Comptroller"}),
            )
        };
        assert!(check(&editor, None, &new_contact(org(1))).is_ok());
        let refused = check(&editor, None, &new_contact(org(2))).unwrap_err();
        assert_eq!(refused.field.as_deref(), Some("organisation"));

        // Moving one's own contact to another organisation is refused; so is touching theirs.
        let mine = record(
            RecordKind::Contact,
            contact_id,
            json!({"organisation": org(1).to_string(), "role_title": "Comptroller"}),
        );
        let theirs = record(
            RecordKind::Contact,
            contact_id,
            json!({"organisation": org(2).to_string(), "role_title": "Comptroller"}),
        );
        let move_away = mutation(
            RecordKind::Contact,
            contact_id,
            json!({"organisation": org(2).to_string()}),
        );
        assert!(check(&editor, Some(&mine), &move_away).is_err());
        let phone = mutation(
            RecordKind::Contact,
            contact_id,
            json!({"phone": "+1 664 491 0000"}),
        );
        assert!(check(&editor, Some(&mine), &phone).is_ok());
        assert!(check(&editor, Some(&theirs), &phone).is_err());
        let delete = mutation(RecordKind::Contact, contact_id, json!({"deleted": true}));
        assert!(check(&editor, Some(&mine), &delete).is_ok());
        assert!(check(&editor, Some(&theirs), &delete).is_err());
        // A removed contact of their own stays removed unless a coordinator restores it.
        let mut removed = mine.clone();
        removed.apply(Uuid::from_bytes([5; 16]), &delete, None);
        assert!(removed.is_deleted());
        let restore = removed
            .edit(2, 1, json!({"deleted": false}).as_object().unwrap().clone())
            .unwrap();
        let refused = check(&editor, Some(&removed), &restore).unwrap_err();
        assert_eq!(refused.field.as_deref(), Some("deleted"));
        let coordinator = actor(Role::Coordinator, None);
        assert!(check(&coordinator, Some(&removed), &restore).is_ok());
    }

    #[test]
    fn office_editor_updates_the_action_items_their_administration_owns() {
        let editor = actor(Role::OfficeEditor, Some(org(1)));
        let id = Uuid::from_bytes([8; 16]);
        let item = |owner: Uuid, co_owner: Uuid| {
            record(
                RecordKind::ActionItem,
                id,
                json!({"owner": owner.to_string(), "co_owners": [co_owner.to_string()],
                       "text": "Join the fraud awareness course"}),
            )
        };
        let done = mutation(RecordKind::ActionItem, id, json!({"status": "done"}));
        assert!(check(&editor, Some(&item(org(1), org(2))), &done).is_ok());
        // Sharing an action does not make it theirs to mark done.
        let refused = check(&editor, Some(&item(org(2), org(1))), &done).unwrap_err();
        assert!(refused.to_string().contains("another organisation"));
        // Handing one's action to another organisation is refused.
        let hand_over = mutation(
            RecordKind::ActionItem,
            id,
            json!({"owner": org(2).to_string()}),
        );
        let refused = check(&editor, Some(&item(org(1), org(2))), &hand_over).unwrap_err();
        assert_eq!(refused.field.as_deref(), Some("owner"));
        // A meeting belongs to its organiser.
        let meeting = mutation(
            RecordKind::Meeting,
            Uuid::from_bytes([9; 16]),
            json!({"organiser": org(1).to_string(), "title": "National workshop"}),
        );
        assert!(check(&editor, None, &meeting).is_ok());
        assert!(check(&actor(Role::Viewer, Some(org(1))), None, &meeting).is_err());
    }

    #[test]
    fn office_editor_cannot_add_remove_or_reclassify_organisations() {
        let editor = actor(Role::OfficeEditor, Some(org(1)));
        let own = record(
            RecordKind::Organisation,
            org(1),
            json!({"name": "Montserrat Customs"}),
        );
        let create = mutation(RecordKind::Organisation, org(1), json!({"name": "Again"}));
        assert!(check(&editor, None, &create).is_err());
        let delete = mutation(RecordKind::Organisation, org(1), json!({"deleted": true}));
        assert!(check(&editor, Some(&own), &delete).is_err());
        for field in COORDINATOR_ONLY_ORG_FIELDS {
            let m = mutation(RecordKind::Organisation, org(1), json!({ *field: "x" }));
            let denied = check(&editor, Some(&own), &m).unwrap_err();
            assert_eq!(denied.field.as_deref(), Some(*field));
        }
        assert!(!editor.may_create(RecordKind::Organisation));
        assert!(editor.may_create(RecordKind::Contact));
    }

    #[test]
    fn viewers_change_nothing_and_coordinators_everything() {
        let other = record(
            RecordKind::Organisation,
            org(2),
            json!({"name": "Barbados Customs"}),
        );
        let m = mutation(
            RecordKind::Organisation,
            org(2),
            json!({"status": "defunct"}),
        );
        assert!(check(&actor(Role::Viewer, Some(org(2))), Some(&other), &m).is_err());
        assert!(check(&actor(Role::Coordinator, None), Some(&other), &m).is_ok());
        assert!(check(&actor(Role::Admin, None), None, &m).is_ok());
        let editor_without_office = actor(Role::OfficeEditor, None);
        assert!(check(&editor_without_office, Some(&other), &m).is_err());
        assert!(!editor_without_office.may_create(RecordKind::Contact));
    }

    #[test]
    fn may_edit_follows_the_owner() {
        let editor = actor(Role::OfficeEditor, Some(org(1)));
        let tool = |provider: Uuid| {
            record(
                RecordKind::TrainingTool,
                Uuid::from_bytes([5; 16]),
                json!({"title": "Risk", "provider": provider.to_string()}),
            )
        };
        assert!(editor.may_edit(&tool(org(1))));
        assert!(!editor.may_edit(&tool(org(2))));
        assert!(editor.may_add_to(org(1)));
        assert!(!editor.may_add_to(org(2)));
    }
}
