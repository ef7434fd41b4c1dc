//! `POST /api/v1/import?kind=…&format=csv[&dry_run=true]`: a CSV file of organisations,
//! contacts, training tools, action items or projects, `kind=projects&format=iati
//! [&country=XX]` an IATI activity file (`shared::import::iati`), or `format=json` a copy
//! of a whole catalogue (`shared::backup`, as `GET /api/v1/catalogue` writes it), for
//! administrators and coordinators who script. The body is the file as saved; the answer is the plan the
//! app's import screen shows (`shared::import::plan`, against the records on the server,
//! for the signed-in person) and, unless `dry_run`, what was applied: every planned row
//! goes through the same path as any REST edit, the server's own device numbering it and
//! the signed-in person as author, so access rules and history hold.

use axum::{
    body::Bytes,
    extract::{rejection::BytesRejection, Query, State},
    Json,
};
use serde::{Deserialize, Serialize};
use tradewinds_shared::api::ErrorCode;
use tradewinds_shared::backup;
use tradewinds_shared::i18n::{problem::key, Problem, Readings, Words};
use tradewinds_shared::import::{self, csv, iati, Names, Plan, Problem as RowProblem, Refused};
use tradewinds_shared::RecordKind;
use uuid::Uuid;

use crate::accounts::Signed;
use crate::{AppState, Error};

/// The largest file an import takes.
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportQuery {
    /// The kind a CSV file holds (projects for IATI; none for a catalogue copy).
    kind: Option<String>,
    format: String,
    /// For IATI: only activities in this country (default: those touching the region).
    country: Option<String>,
    #[serde(default)]
    dry_run: bool,
}

#[derive(Serialize)]
pub struct ImportAnswer {
    plan: Plan,
    /// Whether anything was written (`false` for a dry run).
    applied: bool,
    /// Planned rows refused when applied (someone changed the record meanwhile).
    failed: Vec<Refused>,
}

fn invalid(why: Problem) -> Error {
    Error::Unprocessable {
        code: ErrorCode::InvalidImport,
        message: why,
    }
}

pub async fn import(
    State(app): State<AppState>,
    signed: Signed,
    query: Result<Query<ImportQuery>, axum::extract::rejection::QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<ImportAnswer>, Error> {
    let Query(q) = query.map_err(|e| Error::BadRequest {
        code: ErrorCode::InvalidQuery,
        message: crate::sync::bad_query(
            e.body_text(),
            "?kind=KIND&format=csv|iati or ?format=json, and &dry_run=true to only see the plan",
        ),
    })?;
    let body = body.map_err(|e| {
        if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            Error::TooLarge(MAX_IMPORT_BYTES)
        } else {
            Error::BadRequest {
                code: ErrorCode::UnreadableBody,
                message: crate::extract::unreadable(e.body_text()),
            }
        }
    })?;
    let actor = signed.user.actor();
    let text = csv::decode(&body);
    let plan = match (q.format.as_str(), q.kind.as_deref()) {
        ("json", None) => {
            let copy = backup::read(&text).map_err(|e| invalid(e.problem()))?;
            let mut records = Vec::new();
            for &k in RecordKind::ALL {
                records.extend(app.store.list_with_removed(k).await?);
            }
            backup::plan(&copy, &records, &actor, Words::of(crate::i18n::words()))
        }
        ("json", Some(_)) => {
            return Err(Error::BadRequest {
                code: ErrorCode::InvalidQuery,
                message: Problem::new(key::COPY_HOLDS_EVERY_KIND),
            })
        }
        (format @ ("csv" | "iati"), kind) => {
            let kind = importable(kind)?;
            let iati = format == "iati";
            if iati && kind != RecordKind::Project {
                return Err(Error::BadRequest {
                    code: ErrorCode::InvalidQuery,
                    message: Problem::new(key::IATI_HOLDS_PROJECTS),
                });
            }
            // The kind imported is read once, removed records too; links name live records.
            let records = app.store.list_with_removed(kind).await?;
            let mut linkable = Vec::new();
            for k in import::LINKED_KINDS.into_iter().filter(|&k| k != kind) {
                linkable.extend(app.store.list(k).await?);
            }
            let names = Names::of_records(
                linkable.iter().chain(
                    records
                        .iter()
                        .filter(|r| !r.is_deleted() && import::LINKED_KINDS.contains(&r.kind)),
                ),
            );
            let (table, notes, identifiers) = if iati {
                let filter = iati::IatiFilter {
                    country: q.country.map(|c| c.to_uppercase()),
                    // The narratives in the language the request names, where given.
                    language: crate::i18n::words().lang().code().into(),
                };
                let rows = iati::read(&text, &filter, &names).map_err(|e| invalid(e.problem()))?;
                let words = crate::i18n::words();
                let notes = rows
                    .notes
                    .iter()
                    .map(|n| words.problem(n).unwrap_or_default());
                (rows.table, notes.collect(), rows.identifiers)
            } else {
                (
                    csv::read(&text).map_err(|e| invalid(e.problem()))?,
                    Vec::new(),
                    Default::default(),
                )
            };
            // A spreadsheet's headers and words may be in any of the app's languages.
            let readings = Readings::all_for(crate::i18n::words().lang());
            let mut plan = import::plan(
                kind,
                &table,
                &records,
                names,
                readings,
                &actor,
                Uuid::new_v4,
            )
            .map_err(|e| invalid(e.problem()))?;
            plan.notes = notes;
            plan.identify_missing(&identifiers);
            plan
        }
        (other, _) => {
            return Err(Error::BadRequest {
                code: ErrorCode::InvalidQuery,
                message: Problem::new(key::UNKNOWN_FORMAT).with("format", other),
            })
        }
    };
    let mut plan = plan;
    plan.word(crate::i18n::words());
    if q.dry_run {
        return Ok(Json(ImportAnswer {
            plan,
            applied: false,
            failed: Vec::new(),
        }));
    }
    let rows: Vec<_> = plan.creates.iter().chain(&plan.updates).collect();
    let outcomes = app
        .store
        .apply_server_edits(
            rows.iter().map(|p| (p.kind, p.id, p.set.clone())).collect(),
            &signed.author(),
        )
        .await?;
    let failed = rows
        .iter()
        .zip(outcomes)
        .filter_map(|(p, outcome)| {
            outcome.err().map(|e| {
                let (what, fields) = e.problem();
                let problems = if fields.is_empty() {
                    vec![RowProblem::at(String::new(), what)]
                } else {
                    let column = |f: &str| p.kind.field(f).map_or(f, |f| f.label).to_owned();
                    fields
                        .into_iter()
                        .map(|f| RowProblem::at(column(&f.field), f.problem))
                        .collect()
                };
                let mut refused = Refused {
                    line: p.line,
                    title: p.title.clone(),
                    problems,
                };
                refused.word(crate::i18n::words());
                refused
            })
        })
        .collect();
    Ok(Json(ImportAnswer {
        plan,
        applied: true,
        failed,
    }))
}

/// The importable kind a CSV or IATI import names.
fn importable(kind: Option<&str>) -> Result<RecordKind, Error> {
    let names = || {
        import::IMPORTABLE
            .iter()
            .map(|k| k.plural())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let Some(kind) = kind else {
        return Err(Error::BadRequest {
            code: ErrorCode::InvalidQuery,
            message: Problem::new(key::IMPORT_KIND_MISSING).with("kinds", names()),
        });
    };
    RecordKind::from_plural(kind)
        .filter(|k| import::IMPORTABLE.contains(k))
        .ok_or_else(|| Error::BadRequest {
            code: ErrorCode::InvalidQuery,
            message: Problem::new(key::IMPORT_KIND_WRONG)
                .with("kind", kind)
                .with("kinds", names()),
        })
}
