//! Typed extractors whose every fault is a problem.

use axum::extract::rejection::RawPathParamsRejection;
use axum::extract::{FromRequest, FromRequestParts, RawPathParams, Request};
use http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use http::request::Parts;
use http_body_util::{BodyExt, LengthLimitError, Limited};
use serde::de::DeserializeOwned;

use crate::adapter::extract;
use crate::catalog::{builtin, builtin::field};
use crate::decode::Check;
use crate::tower::layer::BodyLimit;
use crate::{FieldError, Problem};

/// A JSON request body read into `T`, every fault of its shape reported at once, each at
/// its JSON Pointer (`REQUIRED`, `INVALID_TYPE`, `OUT_OF_RANGE`, `UNKNOWN_VALUE`). A body
/// that is not JSON is `MALFORMED_JSON` with `line` and `column`, one over the layer's
/// [`body_limit`](crate::tower::ProblemLayer::body_limit) `PAYLOAD_TOO_LARGE`, one without a JSON
/// `Content-Type` `UNSUPPORTED_MEDIA_TYPE`.
///
/// # Examples
///
/// ```
/// use axum::{routing::post, Router};
/// use pardon::axum::Json;
/// use tower::ServiceExt;
///
/// #[derive(serde::Deserialize)]
/// struct NewUser { name: String, age: u8 }
///
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// let app: Router = Router::new().route("/users", post(|Json(user): Json<NewUser>| async move { user.name }));
/// let request = axum::http::Request::post("/users")
///     .header("Content-Type", "application/json")
///     .body(axum::body::Body::from(r#"{"age": 300}"#))
///     .unwrap();
/// let response = app.oneshot(request).await.unwrap();
/// assert_eq!(response.status(), 400); // name REQUIRED, age OUT_OF_RANGE
/// # });
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub struct Json<T>(pub T);

/// A JSON request body read into `T` and [checked](Check) by its own rules (with the
/// `validator` feature, its `#[validate(...)]` rules): every fault of its shape and of its
/// rules at once.
///
/// # Examples
///
/// ```
/// use axum::{routing::post, Router};
/// use pardon::axum::ValidJson;
/// use tower::ServiceExt;
/// use validator::Validate;
///
/// #[derive(serde::Deserialize, Validate)]
/// struct NewUser {
///     #[validate(length(min = 8))]
///     password: String,
/// }
///
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// let app: Router = Router::new().route("/users", post(|ValidJson(_): ValidJson<NewUser>| async { "ok" }));
/// let request = axum::http::Request::post("/users")
///     .header("Content-Type", "application/json")
///     .body(axum::body::Body::from(r#"{"password": "short"}"#))
///     .unwrap();
/// assert_eq!(app.oneshot(request).await.unwrap().status(), 400);
/// # });
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub struct ValidJson<T>(pub T);

/// A route's parameters read into `T` (a struct by name, a tuple in order, or one value),
/// every parameter that does not read reported at once, each with `parameter` naming it.
///
/// # Examples
///
/// ```
/// use axum::{routing::get, Router};
/// use pardon::axum::Path;
/// use tower::ServiceExt;
///
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// let app: Router = Router::new().route("/items/{id}", get(|Path(id): Path<u32>| async move { id.to_string() }));
/// let request = axum::http::Request::get("/items/abc").body(axum::body::Body::empty()).unwrap();
/// assert_eq!(app.oneshot(request).await.unwrap().status(), 400);
/// # });
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub struct Path<T>(pub T);

/// A query string read into `T` (a struct of its parameters), every parameter that is
/// missing or does not read reported at once, each with `parameter` naming it.
///
/// # Examples
///
/// ```
/// use axum::{routing::get, Router};
/// use pardon::axum::Query;
/// use tower::ServiceExt;
///
/// #[derive(serde::Deserialize)]
/// struct Page { page: u32 }
///
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// let app: Router = Router::new().route("/", get(|Query(p): Query<Page>| async move { p.page.to_string() }));
/// let request = axum::http::Request::get("/?page=x").body(axum::body::Body::empty()).unwrap();
/// assert_eq!(app.oneshot(request).await.unwrap().status(), 400);
/// # });
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub struct Query<T>(pub T);

/// The problem for route parameters axum could not give: a parameter that is not UTF-8
/// is the client's fault in it; a route without parameters, the application's.
fn raw_path_problem(rejection: RawPathParamsRejection) -> Problem {
    match rejection {
        RawPathParamsRejection::InvalidUtf8InPathParam(error) => {
            let text = error.body_text();
            let name = text
                .split('`')
                .nth(1)
                .filter(|name| !name.is_empty())
                .map(str::to_owned);
            let problem = Problem::new(&builtin::VALIDATION_ERROR);
            match name {
                Some(name) => {
                    problem.with_field_error(FieldError::parameter(name, &field::INVALID_TYPE))
                }
                None => problem,
            }
        }
        other => Problem::internal(ReadError(other.body_text())),
    }
}

/// The body's bytes, after the checks every JSON body gets: its declared length against
/// the limit (first, as a body too large is the first fault), its type, then its length
/// as read.
async fn json_bytes(req: Request) -> Result<bytes::Bytes, Problem> {
    let limit = BodyLimit::of(req.extensions());
    let declared = req
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit) {
        return Err(extract::too_large(limit));
    }
    let content_type = req.headers().get(CONTENT_TYPE).map(|v| v.as_bytes());
    if !extract::is_json(content_type) {
        return Err(Problem::new(&builtin::UNSUPPORTED_MEDIA_TYPE));
    }
    match Limited::new(req.into_body(), limit).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(error) if error.downcast_ref::<LengthLimitError>().is_some() => {
            Err(extract::too_large(limit))
        }
        Err(error) => Err(Problem::from_status(http::StatusCode::BAD_REQUEST)
            .with_source(ReadError(error.to_string()))),
    }
}

/// Why a request could not be read, for the log.
#[derive(Debug)]
pub(super) struct ReadError(pub(super) String);

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the request could not be read: {}", self.0)
    }
}

impl std::error::Error for ReadError {}

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Json<T> {
    type Rejection = Problem;

    async fn from_request(req: Request, _: &S) -> Result<Json<T>, Problem> {
        let bytes = json_bytes(req).await?;
        extract::json_body(&bytes).map(Json)
    }
}

impl<T: DeserializeOwned + Check, S: Send + Sync> FromRequest<S> for ValidJson<T> {
    type Rejection = Problem;

    async fn from_request(req: Request, _: &S) -> Result<ValidJson<T>, Problem> {
        let bytes = json_bytes(req).await?;
        extract::checked_json_body(&bytes).map(ValidJson)
    }
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Path<T> {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Path<T>, Problem> {
        let params = RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(raw_path_problem)?;
        let segments: Vec<(&str, &str)> = params.iter().collect();
        extract::path(&segments).map(Path)
    }
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Query<T>, Problem> {
        let pairs = axum::extract::Query::<Vec<(String, String)>>::try_from_uri(&parts.uri)
            .map_err(|_| Problem::new(&builtin::VALIDATION_ERROR))?;
        extract::query(pairs.0).map(Query)
    }
}
