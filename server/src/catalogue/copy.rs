//! `GET /api/v1/catalogue`: the whole catalogue as one JSON file (`shared::backup`), for a
//! person or a script to keep; `POST /api/v1/import?format=json` reads it back. Every
//! signed-in person may take it, as every one of them may read every record.

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use tradewinds_shared::backup;
use tradewinds_shared::RecordKind;

use crate::accounts::Signed;
use crate::{AppState, Error};

pub async fn catalogue(
    State(app): State<AppState>,
    _signed: Signed,
) -> Result<impl IntoResponse, Error> {
    let mut records = Vec::new();
    for &k in RecordKind::ALL {
        records.extend(app.store.list(k).await?);
    }
    Ok((
        [
            (header::CONTENT_TYPE, "application/json"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"tradewinds-catalogue.json\"",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        backup::write(&records),
    ))
}
