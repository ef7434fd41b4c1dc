//! The language a request names (`Accept-Language`), in which the server words what it
//! refuses: an error's `message`, the problems of its fields, a push's rejections. Codes
//! never change with it; a request that names none of the interface's languages gets
//! English.

use axum::{
    extract::Request,
    http::{header, HeaderValue},
    middleware::Next,
    response::Response,
};
use tradewinds_shared::i18n::{problem, Catalogue, Lang};

tokio::task_local! {
    static LANG: Lang;
}

/// Middleware: handles the request in the language it names, and says which one its
/// answer is in when the answer is a refusal (`Content-Language`; only refusals are worded,
/// so only they vary with `Accept-Language`, and cached records and pages do not).
pub async fn by_accept_language(req: Request, next: Next) -> Response {
    let lang = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map_or(Lang::En, Lang::from_accept_language);
    let mut response = LANG.scope(lang, next.run(req)).await;
    if response.status().is_client_error() || response.status().is_server_error() {
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_LANGUAGE,
            HeaderValue::from_static(lang.code()),
        );
        headers.append(header::VARY, HeaderValue::from_static("Accept-Language"));
    }
    response
}

/// The messages of the language of the request being answered (English outside one).
pub fn words() -> &'static Catalogue {
    problem::catalogue(LANG.try_with(|l| *l).unwrap_or(Lang::En))
}

/// Runs `work` in `lang`, as a request naming it is handled: what the server words while it
/// runs (a push's rejections, an error's message) is in that language. For the command
/// line, whose language its environment names.
pub async fn speaking<F: std::future::Future>(lang: Lang, work: F) -> F::Output {
    LANG.scope(lang, work).await
}
