//! axum's own rejections as problems, for an app that keeps axum's extractors.

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};

use super::extract::ReadError;
use crate::adapter::extract;
use crate::catalog::{FieldCode, builtin, builtin::field};
use crate::{FieldError, JsonPointer, Problem};

/// axum's `Json` rejection as a problem: a syntax error is `MALFORMED_JSON` with `line`
/// and `column`; a value of the wrong shape a field error at its pointer; a missing or
/// wrong `Content-Type` `UNSUPPORTED_MEDIA_TYPE`; a body over the limit
/// `PAYLOAD_TOO_LARGE`. For an app that keeps axum's `Json` (with
/// `axum_extra::extract::WithRejection<Json<T>, Problem>`, or by hand).
///
/// # Examples
///
/// ```
/// use axum::extract::{FromRequest, Json};
/// use pardon::Problem;
///
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// let request = axum::http::Request::post("/")
///     .header("Content-Type", "application/json")
///     .body(axum::body::Body::from(r#"{"age": "ten"}"#))
///     .unwrap();
/// #[derive(Debug, serde::Deserialize)]
/// struct Person { age: u8 }
/// let rejection = Json::<Person>::from_request(request, &()).await.unwrap_err();
/// let problem = Problem::from(rejection);
/// assert_eq!(problem.field_errors()[0].location().value(), "#/age");
/// # });
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
impl From<JsonRejection> for Problem {
    fn from(rejection: JsonRejection) -> Problem {
        let text = rejection.body_text();
        let problem = match &rejection {
            JsonRejection::JsonDataError(error) => match path_error(error) {
                Some((pointer, code)) => Problem::new(&builtin::VALIDATION_ERROR)
                    .with_field_error(FieldError::pointer(pointer, &code)),
                None => Problem::new(&builtin::VALIDATION_ERROR),
            },
            JsonRejection::JsonSyntaxError(error) => match json_error(error) {
                Some(error) => extract::json_problem(error),
                None => Problem::new(&builtin::MALFORMED_JSON),
            },
            JsonRejection::MissingJsonContentType(_) => {
                Problem::new(&builtin::UNSUPPORTED_MEDIA_TYPE)
            }
            other if other.status() == http::StatusCode::PAYLOAD_TOO_LARGE => {
                Problem::new(&builtin::PAYLOAD_TOO_LARGE)
            }
            other => Problem::from_status(other.status()),
        };
        problem.with_source(ReadError(text))
    }
}

/// The `serde_json` error under a rejection.
fn json_error<'a>(error: &'a (dyn std::error::Error + 'static)) -> Option<&'a serde_json::Error> {
    let mut cause = Some(error);
    while let Some(error) = cause {
        if let Some(found) = error.downcast_ref::<serde_path_to_error::Error<serde_json::Error>>() {
            return Some(found.inner());
        }
        if let Some(found) = error.downcast_ref::<serde_json::Error>() {
            return Some(found);
        }
        cause = error.source();
    }
    None
}

/// Where a data error is, as a JSON Pointer, and its field code.
fn path_error(error: &(dyn std::error::Error + 'static)) -> Option<(JsonPointer, FieldCode)> {
    let mut cause = Some(error);
    while let Some(error) = cause {
        if let Some(found) = error.downcast_ref::<serde_path_to_error::Error<serde_json::Error>>() {
            let mut pointer = JsonPointer::root();
            for segment in found.path().iter() {
                pointer = match segment {
                    serde_path_to_error::Segment::Seq { index } => pointer.push_index(*index),
                    serde_path_to_error::Segment::Map { key } => pointer.push(key),
                    serde_path_to_error::Segment::Enum { variant } => pointer.push(variant),
                    serde_path_to_error::Segment::Unknown => pointer,
                };
            }
            let message = found.inner().to_string();
            let code = if let Some(rest) = message.strip_prefix("missing field `") {
                // The path is the object that lacks it.
                if let Some(name) = rest.split('`').next() {
                    pointer = pointer.push(name);
                }
                field::REQUIRED
            } else if message.starts_with("invalid type") {
                field::INVALID_TYPE
            } else if message.starts_with("unknown variant") {
                field::UNKNOWN_VALUE
            } else if message.starts_with("invalid value: integer") {
                // An integer outside its type, as pardon's own `Json` says.
                field::OUT_OF_RANGE
            } else {
                field::INVALID_FORMAT
            };
            return Some((pointer, code));
        }
        cause = error.source();
    }
    None
}

/// axum's `Path` rejection as a problem: `VALIDATION_ERROR`, with the parameter that did
/// not read (`INVALID_TYPE`) when axum names it; a route and type that do not fit (axum's
/// 500s) an internal error, logged.
///
/// # Examples
///
/// ```
/// use axum::extract::rejection::PathRejection;
///
/// use axum::extract::{FromRequestParts, Path};
///
/// #[derive(Debug, serde::Deserialize)]
/// struct Item { id: u32 }
///
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// let app: axum::Router = axum::Router::new().route("/items/{id}", axum::routing::get(|request: axum::extract::Request| async move {
///     let (mut parts, _) = request.into_parts();
///     let rejection: PathRejection = Path::<Item>::from_request_parts(&mut parts, &()).await.unwrap_err();
///     let problem = pardon::Problem::from(rejection);
///     problem.field_errors()[0].location().value().to_owned()
/// }));
/// # use tower::ServiceExt;
/// let request = axum::http::Request::get("/items/x").body(axum::body::Body::empty()).unwrap();
/// let body = axum::body::to_bytes(app.oneshot(request).await.unwrap().into_body(), 100).await.unwrap();
/// assert_eq!(body, "id");
/// # });
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
impl From<PathRejection> for Problem {
    fn from(rejection: PathRejection) -> Problem {
        let text = rejection.body_text();
        if rejection.status().is_server_error() {
            // The route and the type do not fit: the application's fault, logged as such.
            return Problem::internal(ReadError(text));
        }
        let problem = match &rejection {
            PathRejection::FailedToDeserializePathParams(error) => {
                use axum::extract::path::ErrorKind;
                let name = match error.kind() {
                    ErrorKind::ParseErrorAtKey { key, .. }
                    | ErrorKind::DeserializeError { key, .. }
                    | ErrorKind::InvalidUtf8InPathParam { key } => Some(key.as_str()),
                    _ => None,
                };
                let problem = Problem::new(&builtin::VALIDATION_ERROR);
                match name {
                    // As pardon's own `Path` says.
                    Some(name) => {
                        problem.with_field_error(FieldError::parameter(name, &field::INVALID_TYPE))
                    }
                    None => problem,
                }
            }
            other => Problem::from_status(other.status()),
        };
        problem.with_source(ReadError(text))
    }
}

/// axum's `Query` rejection as a problem: `VALIDATION_ERROR`, with a missing parameter
/// named as `REQUIRED`.
///
/// # Examples
///
/// ```
/// use axum::extract::rejection::QueryRejection;
///
/// use axum::extract::{FromRequestParts, Query};
///
/// #[derive(Debug, serde::Deserialize)]
/// struct Page { page: u32 }
///
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// let (mut parts, _) = axum::http::Request::get("/?size=1").body(()).unwrap().into_parts();
/// let rejection: QueryRejection = Query::<Page>::from_request_parts(&mut parts, &()).await.unwrap_err();
/// let problem = pardon::Problem::from(rejection);
/// assert_eq!(problem.field_errors()[0].location().value(), "page");
/// # });
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
impl From<QueryRejection> for Problem {
    fn from(rejection: QueryRejection) -> Problem {
        let text = rejection.body_text();
        let mut problem = Problem::new(&builtin::VALIDATION_ERROR);
        // Only serde's own "missing field" message names a parameter: any other text may
        // quote the client's value.
        let missing = text
            .strip_prefix("Failed to deserialize query string: missing field `")
            .and_then(|rest| rest.strip_suffix('`'))
            .filter(|name| !name.is_empty() && !name.contains('`'));
        if let Some(name) = missing {
            problem = problem.with_field_error(FieldError::parameter(name, &field::REQUIRED));
        }
        problem.with_source(ReadError(text))
    }
}
