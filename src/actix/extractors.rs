//! actix-web's extractor failures as problems: one call configures `Json`, `Path`,
//! `Query` and payload limits.

use actix_web::HttpRequest;
use actix_web::error::{JsonPayloadError, PathError, PayloadError, QueryPayloadError};
use actix_web::web::{self, JsonConfig, PathConfig, PayloadConfig, QueryConfig, ServiceConfig};

use super::Cause;
use crate::adapter::extract;
use crate::builtin::{self, field};
use crate::{FieldError, Problem};

/// Configures the `Json`, `Path`, `Query` and payload extractors so that their failures
/// are problems: a body over `body_limit` bytes is `PAYLOAD_TOO_LARGE` 413 (checked
/// first when `Content-Length` says so), a wrong `Content-Type` is
/// `UNSUPPORTED_MEDIA_TYPE` 415 (not actix's 400), unparseable JSON is
/// `MALFORMED_JSON` with line and column (never echoing the body), JSON of the wrong shape
/// and bad path or query parameters are `VALIDATION_ERROR`. The extractor's own message is
/// kept for the log.
///
/// # Examples
///
/// ```
/// use actix_web::{test, web, App};
///
/// # actix_web::rt::System::new().block_on(async {
/// let app = test::init_service(
///     App::new()
///         .configure(pardon::actix::extractor_errors(16 * 1024))
///         .route("/", web::post().to(|_: web::Json<serde_json::Value>| async { "ok" })),
/// )
/// .await;
/// let request = test::TestRequest::post().uri("/").set_payload("{}").to_request();
/// let response = test::call_service(&app, request).await;
/// assert_eq!(response.status(), 415);
/// # });
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "actix")))]
pub fn extractor_errors(body_limit: usize) -> impl FnOnce(&mut ServiceConfig) {
    move |config| {
        config
            .app_data(
                JsonConfig::default()
                    .limit(body_limit)
                    .error_handler(move |error, req| json_error(error, req, body_limit)),
            )
            .app_data(PathConfig::default().error_handler(path_error))
            .app_data(QueryConfig::default().error_handler(query_error))
            .app_data(PayloadConfig::new(body_limit));
    }
}

fn json_error(error: JsonPayloadError, req: &HttpRequest, limit: usize) -> actix_web::Error {
    let problem = match &error {
        // actix checks the type before the length; a body too large is the first fault.
        JsonPayloadError::ContentType if declared_length(req).is_some_and(|n| n > limit) => {
            extract::too_large(limit)
        }
        JsonPayloadError::ContentType => Problem::new(&builtin::UNSUPPORTED_MEDIA_TYPE),
        JsonPayloadError::Overflow { limit }
        | JsonPayloadError::OverflowKnownLength { limit, .. } => extract::too_large(*limit),
        JsonPayloadError::Payload(PayloadError::Overflow) => {
            Problem::new(&builtin::PAYLOAD_TOO_LARGE)
        }
        JsonPayloadError::Deserialize(e) => json_problem(e),
        _ => Problem::from_status(http::StatusCode::BAD_REQUEST),
    };
    problem.with_source(Cause::new(error.to_string())).into()
}

/// The problem for a JSON body that `serde_json` refused: `MALFORMED_JSON` with the line
/// and column of a syntax fault, or `VALIDATION_ERROR` when the JSON is well-formed but
/// of the wrong shape. Nothing of the body is repeated.
///
/// # Examples
///
/// ```
/// let error = serde_json::from_str::<serde_json::Value>("{\n  \"a\": }").unwrap_err();
/// let problem = pardon::actix::json_problem(&error);
/// assert_eq!(problem.code().unwrap().as_str(), "MALFORMED_JSON");
/// assert_eq!(problem.extension("line"), Some(&serde_json::json!(2)));
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "actix")))]
#[must_use]
pub fn json_problem(error: &serde_json::Error) -> Problem {
    extract::json_problem(error)
}

fn declared_length(req: &HttpRequest) -> Option<usize> {
    req.headers()
        .get(actix_web::http::header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .parse()
        .ok()
}

fn path_error(error: PathError, req: &HttpRequest) -> actix_web::Error {
    // The failing segment is not named by serde; with one segment it can only be that one.
    let segments: Vec<&str> = req.match_info().iter().map(|(name, _)| name).collect();
    let mut problem = Problem::new(&builtin::VALIDATION_ERROR);
    if let [name] = segments[..] {
        problem = problem.with_field_error(FieldError::parameter(name, &field::INVALID_FORMAT));
    }
    problem.with_source(Cause::new(error.to_string())).into()
}

fn query_error(error: QueryPayloadError, req: &HttpRequest) -> actix_web::Error {
    let mut problem = Problem::new(&builtin::VALIDATION_ERROR);
    // serde's own message, without actix's "Query deserialize error: " before it.
    let entry = match &error {
        QueryPayloadError::Deserialize(e) => query_entry(&e.to_string(), req.query_string()),
        _ => None,
    };
    if let Some(entry) = entry {
        problem = problem.with_field_error(entry);
    }
    problem.with_source(Cause::new(error.to_string())).into()
}

/// The parameter a query failure names. serde quotes a *field* in "missing field `page`",
/// but a *value* in "unknown variant `xyz`, expected …": the parameter is then the one
/// holding that value. Other failures do not say which parameter failed.
fn query_entry(message: &str, query: &str) -> Option<FieldError> {
    let quoted = message.split('`').nth(1).filter(|n| !n.is_empty())?;
    if message.starts_with("missing field") {
        return Some(FieldError::parameter(quoted, &field::REQUIRED));
    }
    if message.starts_with("unknown variant") {
        let pairs = web::Query::<Vec<(String, String)>>::from_query(query).ok()?;
        let mut holders = pairs.iter().filter(|(_, value)| value == quoted);
        let (name, _) = holders.next()?;
        // Two parameters with the same value: which one failed is not known.
        return holders
            .next()
            .is_none()
            .then(|| FieldError::parameter(name.as_str(), &field::UNKNOWN_VALUE));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_failure_names_the_parameter_never_the_value() {
        for (message, query, expected) in [
            ("missing field `page`", "", Some(("page", "REQUIRED"))),
            (
                "unknown variant `xyz`, expected `asc` or `desc`",
                "sort=xyz&page=1",
                Some(("sort", "UNKNOWN_VALUE")),
            ),
            (
                "unknown variant `x%20y`, expected `asc`",
                "sort=x%2520y",
                Some(("sort", "UNKNOWN_VALUE")),
            ),
            ("unknown variant `xyz`, expected `a`", "a=xyz&b=xyz", None),
            ("unknown variant `xyz`, expected `a`", "a=other", None),
            ("invalid digit found in string", "page=x", None),
        ] {
            let entry = query_entry(message, query);
            let got = entry.as_ref().map(|e| {
                (
                    e.location().value().to_owned(),
                    e.code().map(|c| c.as_str().to_owned()),
                )
            });
            let expected = expected.map(|(name, code)| (name.to_owned(), Some(code.to_owned())));
            assert_eq!(got, expected, "{message} / {query}");
        }
    }
}
