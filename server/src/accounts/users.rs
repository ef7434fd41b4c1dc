//! Accounts in the database. Emails are unique lower-cased; the last active administrator
//! can be neither demoted nor disabled, so the server never locks its admins out.

use sqlx::Row;

use crate::db::{self, Exclusive, Pool};
use tradewinds_shared::access::Role;
use tradewinds_shared::accounts::{normalise_email, NewUser, User, UserChanges};
use tradewinds_shared::api::ErrorCode;
use tradewinds_shared::i18n::{problem::key, Lang, Problem};
use tradewinds_shared::{RecordKind, ValidationErrors};
use uuid::Uuid;

use super::password;
use crate::store::{self, now_ms};
use crate::Error;

const COLUMNS: &str = "id, email, name, role, organisation, disabled, language";

pub(super) fn row_to_user(row: &db::Row) -> Result<User, Error> {
    let id: String = row.try_get("id")?;
    let role: String = row.try_get("role")?;
    let organisation: Option<String> = row.try_get("organisation")?;
    let bad = |what: &str| Error::Internal(anyhow::anyhow!("stored user {id} has a bad {what}"));
    Ok(User {
        id: id.parse().map_err(|_| bad("id"))?,
        email: row.try_get("email")?,
        name: row.try_get("name")?,
        role: Role::from_code(&role).ok_or_else(|| bad("role"))?,
        organisation: organisation
            .map(|o| o.parse().map_err(|_| bad("organisation")))
            .transpose()?,
        disabled: row.try_get::<i64, _>("disabled")? != 0,
        language: row
            .try_get::<Option<String>, _>("language")?
            .and_then(|code| Lang::from_tag(&code)),
    })
}

/// Keeps the language `id` chose for the interface.
pub async fn set_language(pool: &Pool, id: Uuid, language: Lang) -> Result<User, Error> {
    sqlx::query("UPDATE users SET language = $1, updated = $2 WHERE id = $3")
        .bind(language.code())
        .bind(now_ms())
        .bind(id.to_string())
        .execute(pool)
        .await?;
    existing(pool, id).await
}

pub async fn list(pool: &Pool) -> Result<Vec<User>, Error> {
    let rows = sqlx::query(&format!("SELECT {COLUMNS} FROM users ORDER BY email"))
        .fetch_all(pool)
        .await?;
    rows.iter().map(row_to_user).collect()
}

pub async fn get(
    db: impl sqlx::Executor<'_, Database = sqlx::Any>,
    id: Uuid,
) -> Result<Option<User>, Error> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM users WHERE id = $1"))
        .bind(id.to_string())
        .fetch_optional(db)
        .await?;
    row.as_ref().map(row_to_user).transpose()
}

/// The account with this id, or "not found".
async fn existing(
    db: impl sqlx::Executor<'_, Database = sqlx::Any>,
    id: Uuid,
) -> Result<User, Error> {
    get(db, id)
        .await?
        .ok_or_else(|| Error::NotFound(Problem::new(key::NO_USER).with("id", id.to_string())))
}

/// The account with this email and its password hash.
pub async fn by_email(pool: &Pool, email: &str) -> Result<Option<(User, String)>, Error> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS}, password_hash FROM users WHERE email = $1"
    ))
    .bind(normalise_email(email))
    .fetch_optional(pool)
    .await?;
    match row {
        Some(row) => Ok(Some((row_to_user(&row)?, row.try_get("password_hash")?))),
        None => Ok(None),
    }
}

pub async fn count(pool: &Pool) -> Result<i64, Error> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(pool)
        .await?)
}

/// An office editor's organisation must be an organisation in the catalogue.
async fn check_organisation(
    db: impl sqlx::Executor<'_, Database = sqlx::Any>,
    organisation: Option<Uuid>,
    errors: &mut ValidationErrors,
) -> Result<(), Error> {
    if let Some(org) = organisation {
        if !store::live_record_exists(db, RecordKind::Organisation, org).await? {
            errors.add_problem(
                "organisation",
                Problem::new(key::NO_ORGANISATION).with("id", org.to_string()),
            );
        }
    }
    Ok(())
}

/// Adds an account (`demo`: one of `serve --demo`'s documented demo accounts).
pub async fn create(pool: &Pool, new: &NewUser, demo: bool) -> Result<User, Error> {
    let mut errors = new.validate().err().unwrap_or_default();
    check_organisation(pool, new.organisation, &mut errors).await?;
    errors.into_result()?;
    let email = normalise_email(&new.email);
    if by_email(pool, &email).await?.is_some() {
        return Err(Error::Conflict {
            code: ErrorCode::EmailTaken,
            message: Problem::new(key::EMAIL_TAKEN).with("email", email.as_str()),
        });
    }
    let hash = password::hash_blocking(new.password.clone()).await?;
    let user = User {
        id: Uuid::new_v4(),
        email,
        name: new.name.trim().to_owned(),
        role: new.role,
        organisation: new.organisation,
        disabled: false,
        language: None,
    };
    let now = now_ms();
    let inserted = sqlx::query("INSERT INTO users (id, email, name, role, organisation, password_hash, disabled, demo, created, updated) VALUES ($1, $2, $3, $4, $5, $6, 0, $7, $8, $9)")
        .bind(user.id.to_string())
        .bind(&user.email)
        .bind(&user.name)
        .bind(user.role.code())
        .bind(user.organisation.map(|o| o.to_string()))
        .bind(hash)
        .bind(i64::from(demo))
        .bind(now)
        .bind(now)
        .execute(pool)
        .await;
    match inserted {
        Ok(_) => Ok(user),
        // Two creations of one email at once: the unique index decides.
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Err(Error::Conflict {
            code: ErrorCode::EmailTaken,
            message: Problem::new(key::EMAIL_TAKEN).with("email", user.email.as_str()),
        }),
        Err(e) => Err(e.into()),
    }
}

/// Applies an administrator's changes. Disabling an account or setting its password ends
/// its sessions. Two changes to one account at once apply one after the other, each to the
/// account as the other left it: neither is lost.
pub async fn update(pool: &Pool, id: Uuid, changes: &UserChanges) -> Result<User, Error> {
    // Bad input is refused before the slow password hash.
    changes.validate(&existing(pool, id).await?)?;
    let hash = match &changes.password {
        Some(p) => Some(password::hash_blocking(p.clone()).await?),
        None => None,
    };
    // IMMEDIATE: the write lock from the first read, so the account read here is the one
    // written below.
    let mut tx = db::begin_exclusive(pool, Exclusive::Accounts).await?;
    let current = existing(&mut *tx, id).await?;
    let mut errors = changes.validate(&current).err().unwrap_or_default();
    if let Some(org) = changes.organisation {
        check_organisation(&mut *tx, org, &mut errors).await?;
    }
    errors.into_result()?;
    let next = User {
        name: changes
            .name
            .clone()
            .map_or(current.name.clone(), |n| n.trim().to_owned()),
        role: changes.role.unwrap_or(current.role),
        organisation: changes.organisation.unwrap_or(current.organisation),
        disabled: changes.disabled.unwrap_or(current.disabled),
        ..current.clone()
    };
    let still_admin = next.role == Role::Admin && !next.disabled;
    if current.role == Role::Admin && !current.disabled && !still_admin {
        let others: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0 AND id != $1",
        )
        .bind(id.to_string())
        .fetch_one(&mut *tx)
        .await?;
        if others == 0 {
            return Err(Error::Conflict {
                code: ErrorCode::LastAdmin,
                message: Problem::new(key::LAST_ADMIN),
            });
        }
    }
    sqlx::query("UPDATE users SET name = $1, role = $2, organisation = $3, disabled = $4, password_hash = COALESCE($5, password_hash), updated = $6 WHERE id = $7")
        .bind(&next.name)
        .bind(next.role.code())
        .bind(next.organisation.map(|o| o.to_string()))
        .bind(i64::from(next.disabled))
        .bind(hash.as_ref())
        .bind(now_ms())
        .bind(id.to_string())
        .execute(&mut *tx)
        .await?;
    if next.disabled || hash.is_some() {
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
        withdraw_seal_keys(&mut *tx, id).await?;
    }
    tx.commit().await?;
    Ok(next)
}

/// The generation of the keys that seal `id`'s changes files (`carried::seal_key`); 0 for
/// an account that does not exist.
pub async fn seal_generation<'e>(
    db: impl sqlx::Executor<'e, Database = sqlx::Any>,
    id: Uuid,
) -> Result<u64, Error> {
    let generation: Option<i64> =
        sqlx::query_scalar("SELECT seal_generation FROM users WHERE id = $1")
            .bind(id.to_string())
            .fetch_optional(db)
            .await?;
    Ok(generation.unwrap_or(0).max(0) as u64)
}

/// Withdraws every key that seals `id`'s changes files: files sealed with them are refused
/// from now on (their changes reach the server when the device next syncs online). Done
/// wherever all of a person's sessions end: a device the person lost can no longer make
/// files in their name.
pub async fn withdraw_seal_keys<'e>(
    db: impl sqlx::Executor<'e, Database = sqlx::Any>,
    id: Uuid,
) -> Result<(), Error> {
    sqlx::query("UPDATE users SET seal_generation = seal_generation + 1 WHERE id = $1")
        .bind(id.to_string())
        .execute(db)
        .await?;
    Ok(())
}

/// Sets a password (the person's own change); ends their other sessions. The keys that
/// seal their changes files stay: the device they are using keeps its own (signing out
/// everywhere withdraws them all).
pub async fn set_password(
    pool: &Pool,
    id: Uuid,
    new: &str,
    keep_session: Option<&str>,
) -> Result<(), Error> {
    let hash = password::hash_blocking(new.to_owned()).await?;
    let mut tx = pool.begin().await?;
    sqlx::query("UPDATE users SET password_hash = $1, updated = $2 WHERE id = $3")
        .bind(hash)
        .bind(now_ms())
        .bind(id.to_string())
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash != $2")
        .bind(id.to_string())
        .bind(keep_session.unwrap_or(""))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// The documented demo accounts (README), one per role, all with password `DEMO_PASSWORD`.
pub const DEMO_PASSWORD: &str = "tradewinds-demo";

pub fn demo_accounts() -> Vec<NewUser> {
    let seed = crate::seed::seed_id;
    let account = |email: &str, name: &str, role, organisation| NewUser {
        email: email.into(),
        name: name.into(),
        role,
        organisation,
        password: DEMO_PASSWORD.into(),
    };
    vec![
        account(
            "admin@demo.tradewinds.org",
            "Demo administrator",
            Role::Admin,
            None,
        ),
        account(
            "coordinator@demo.tradewinds.org",
            "Demo coordinator (CARTAC)",
            Role::Coordinator,
            Some(seed("cartac")),
        ),
        account(
            "editor@demo.tradewinds.org",
            "Demo office editor (Barbados Customs)",
            Role::OfficeEditor,
            Some(seed("customs_bb")),
        ),
        account(
            "viewer@demo.tradewinds.org",
            "Demo viewer",
            Role::Viewer,
            None,
        ),
    ]
}

/// `serve --demo`: adds the demo accounts that are missing and enables them. Without
/// `--demo`, they are disabled and signed out, so a production start has none.
pub async fn set_demo_accounts(pool: &Pool, enabled: bool) -> Result<usize, Error> {
    if !enabled {
        let mut tx = pool.begin().await?;
        sqlx::query("DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE demo = 1)")
            .execute(&mut *tx)
            .await?;
        let disabled = sqlx::query("UPDATE users SET disabled = 1 WHERE demo = 1 AND disabled = 0")
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        return Ok(disabled as usize);
    }
    let mut added = 0;
    for mut account in demo_accounts() {
        // Without the seed (`--no-seed`) the coordinator is added without CARTAC; the
        // office editor cannot be (below).
        if account.role != Role::OfficeEditor {
            let mut missing = ValidationErrors::default();
            check_organisation(pool, account.organisation, &mut missing).await?;
            if !missing.is_empty() {
                account.organisation = None;
            }
        }
        match by_email(pool, &account.email).await? {
            Some(_) => {
                sqlx::query("UPDATE users SET disabled = 0 WHERE email = $1 AND demo = 1")
                    .bind(&account.email)
                    .execute(pool)
                    .await?;
            }
            None => match create(pool, &account, true).await {
                Ok(_) => added += 1,
                // The office editor's organisation is in the seed; `--no-seed` has none.
                Err(Error::Validation(e)) => {
                    tracing::warn!(email = %account.email, problem = %e, "demo account not added");
                }
                Err(e) => return Err(e),
            },
        }
    }
    Ok(added)
}
