//! Accounts on the wire: signing in, the session the app keeps, users as administrators
//! manage them, and a record's history. Validation here runs in the admin's form and on the
//! server alike.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::access::{Actor, Role};
use crate::i18n::problem::key;
use crate::i18n::Lang;
use crate::i18n::Problem;
use crate::validation::{optional_email, required_text, ValidationErrors};

/// Shortest password accepted for a new account or a reset.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// Longest password accepted (hashing cost is bounded by refusing longer ones).
pub const MAX_PASSWORD_BYTES: usize = 256;

/// `POST /api/v1/session`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignIn {
    pub email: String,
    pub password: String,
}

/// An account as the API shows it (never its password hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: Uuid,
    pub email: String,
    pub name: String,
    pub role: Role,
    #[serde(default)]
    pub organisation: Option<Uuid>,
    #[serde(default)]
    pub disabled: bool,
    /// The language the person last chose for the interface on a device while signed in;
    /// a device they sign in on opens in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Lang>,
}

/// `PATCH /api/v1/session`: what a person sets on their own account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnSettings {
    pub language: Lang,
}

impl User {
    pub fn actor(&self) -> Actor {
        Actor {
            user: self.id,
            role: self.role,
            organisation: self.organisation,
        }
    }

    /// How the person is named in histories and conflicts.
    pub fn display(&self) -> &str {
        if self.name.trim().is_empty() {
            &self.email
        } else {
            &self.name
        }
    }
}

/// The answer to a sign-in: the bearer token (shown once, stored hashed on the server),
/// when it expires if unused, and who it belongs to. The app keeps it in IndexedDB.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub token: String,
    /// Milliseconds since 1970; each use moves it forward.
    pub expires: i64,
    pub user: User,
}

/// `POST /api/v1/users` (administrators).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewUser {
    pub email: String,
    #[serde(default)]
    pub name: String,
    pub role: Role,
    #[serde(default)]
    pub organisation: Option<Uuid>,
    pub password: String,
}

impl NewUser {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut e = ValidationErrors::default();
        check_email(&mut e, &self.email);
        crate::validation::max_len(&mut e, "name", &self.name, 200);
        check_password(&mut e, "password", &self.password);
        check_office(&mut e, self.role, self.organisation);
        e.into_result()
    }
}

/// `PATCH /api/v1/users/{id}` (administrators): only the given fields change.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserChanges {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// `Some(None)` clears it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "double_option"
    )]
    pub organisation: Option<Option<Uuid>>,
    /// Disabling signs the person out everywhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled: Option<bool>,
    /// A new password; the person's sessions end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
}

impl UserChanges {
    /// Checks the changes as they would leave `user`.
    pub fn validate(&self, user: &User) -> Result<(), ValidationErrors> {
        let mut e = ValidationErrors::default();
        if let Some(name) = &self.name {
            crate::validation::max_len(&mut e, "name", name, 200);
        }
        if let Some(password) = &self.password {
            check_password(&mut e, "password", password);
        }
        let role = self.role.unwrap_or(user.role);
        let organisation = self.organisation.unwrap_or(user.organisation);
        check_office(&mut e, role, organisation);
        e.into_result()
    }
}

/// `POST /api/v1/session/password`: a signed-in person changes their own password.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    pub current: String,
    pub new: String,
}

impl PasswordChange {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut e = ValidationErrors::default();
        check_password(&mut e, "new", &self.new);
        e.into_result()
    }
}

/// One change to a record, from the server's change log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// When the author made it (their clock), milliseconds since 1970.
    pub at: i64,
    /// When the server received it.
    pub received: i64,
    /// Who made it, when known (changes from before accounts existed have nobody).
    pub by: Option<String>,
    /// The fields it set and their values.
    pub fields: Map<String, Value>,
}

/// Emails are compared lower-cased and trimmed.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

fn check_email(e: &mut ValidationErrors, email: &str) {
    required_text(e, "email", email, 254);
    if !email.trim().is_empty() {
        optional_email(e, "email", email.trim());
    }
}

fn check_password(e: &mut ValidationErrors, field: &str, password: &str) {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        e.add_problem(
            field,
            Problem::new(key::PASSWORD_SHORT).with("min", MIN_PASSWORD_CHARS),
        );
    } else if password.len() > MAX_PASSWORD_BYTES {
        e.add_problem(
            field,
            Problem::new(key::PASSWORD_LONG).with("max", MAX_PASSWORD_BYTES),
        );
    }
}

fn check_office(e: &mut ValidationErrors, role: Role, organisation: Option<Uuid>) {
    if role == Role::OfficeEditor && organisation.is_none() {
        e.add("organisation", key::OFFICE_EDITOR_ORGANISATION);
    }
}

/// `Option<Option<T>>` where an absent field is `None` and `null` is `Some(None)`.
mod double_option {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<T: Serialize, S: Serializer>(
        value: &Option<Option<T>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(inner) => inner.serialize(s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(d).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_user_rules() {
        let mut u = NewUser {
            email: "officer@customs.gov.ms".into(),
            name: "Officer".into(),
            role: Role::Viewer,
            organisation: None,
            password: "correct horse battery".into(),
        };
        assert!(u.validate().is_ok());
        u.password = "short".into();
        u.role = Role::OfficeEditor;
        u.email = "not-an-email".into();
        let e = u.validate().unwrap_err();
        assert!(e.for_field("password").is_some());
        assert!(e.for_field("organisation").is_some());
        assert!(e.for_field("email").is_some());
    }

    #[test]
    fn organisation_can_be_cleared_or_left_alone() {
        let clear: UserChanges = serde_json::from_str(r#"{"organisation": null}"#).unwrap();
        assert_eq!(clear.organisation, Some(None));
        let keep: UserChanges = serde_json::from_str(r#"{"name": "X"}"#).unwrap();
        assert_eq!(keep.organisation, None);
        assert!(serde_json::from_str::<UserChanges>(r#"{"password_hash": "x"}"#).is_err());
    }
}
