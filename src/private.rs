//! Support for the expansion of `#[derive(Problem)]`; not a public API.

use std::fmt;

use std::error::Error;

use serde::Serialize;

use crate::Problem;
pub use crate::RetryAfter;
use crate::catalog::{FieldCode, ProblemType, builtin};

/// The built-in types, in a static that `const fn`s can read without a destructor.
static BUILT_IN_TYPES: [ProblemType; 16] = builtin::ALL;

/// The built-in field-error codes, likewise.
static BUILT_IN_FIELD_CODES: [FieldCode; 7] = builtin::field::ALL;

/// Fails compilation when `code` is a built-in code and `status` is not its status, or
/// when `code` is a built-in field-error code.
pub const fn check_builtin(code: &str, status: u16) {
    let mut i = 0;
    while i < BUILT_IN_FIELD_CODES.len() {
        if eq(BUILT_IN_FIELD_CODES[i].code().as_static(), code) {
            panic!("#[derive(Problem)] uses a built-in field-error code as a problem code");
        }
        i += 1;
    }
    let mut i = 0;
    while i < BUILT_IN_TYPES.len() {
        let t = &BUILT_IN_TYPES[i];
        if eq(t.code().as_static(), code) && t.status().as_u16() != status {
            panic!("#[derive(Problem)] redefines a built-in problem code with another status");
        }
        i += 1;
    }
}

const fn eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Adds the member `name`; a value that does not serialize is left out and logged, so
/// that the problem keeps its type and status.
pub fn with_member(mut problem: Problem, name: &'static str, value: &impl Serialize) -> Problem {
    match serde_json::to_value(value) {
        Ok(value) => problem.set_member(name, value),
        Err(error) => {
            tracing::warn!(member = name, %error, "problem member left out: it does not serialize");
        }
    }
    problem
}

/// A `#[source]` field as `&dyn Error`, whether it is an error type or a boxed trait
/// object.
pub trait AsDynError {
    /// The field as a trait object.
    fn as_dyn_error(&self) -> &(dyn Error + 'static);
}

impl<T: Error + 'static> AsDynError for T {
    fn as_dyn_error(&self) -> &(dyn Error + 'static) {
        self
    }
}

impl AsDynError for dyn Error + Send + Sync + 'static {
    fn as_dyn_error(&self) -> &(dyn Error + 'static) {
        self
    }
}

impl AsDynError for dyn Error + Send + 'static {
    fn as_dyn_error(&self) -> &(dyn Error + 'static) {
        self
    }
}

impl AsDynError for dyn Error + 'static {
    fn as_dyn_error(&self) -> &(dyn Error + 'static) {
        self
    }
}

/// What a derived `Display` writes: the code and status, as `Problem`'s own `Display`
/// does — the same whatever renderers exist, and never a source's text.
pub fn display(problem_type: &ProblemType, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    write!(
        f,
        "{} ({})",
        problem_type.code(),
        problem_type.status().as_u16()
    )
}

/// The text of an error and its causes, kept as a problem's source when the error itself
/// cannot be moved (a derived type's `ResponseError::error_response` has only `&self`).
#[derive(Debug)]
pub struct SourceText(String);

impl SourceText {
    /// `error`'s message and its causes', joined as the 5xx log joins them.
    pub fn of(error: &(dyn Error + 'static)) -> SourceText {
        let mut text = error.to_string();
        let mut cause = error.source();
        while let Some(next) = cause {
            text.push_str(": ");
            text.push_str(&next.to_string());
            cause = next.source();
        }
        SourceText(text)
    }
}

impl fmt::Display for SourceText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Error for SourceText {}

#[cfg(feature = "actix")]
pub use actix_web;

/// A derived problem type as actix's `ResponseError` (feature `actix`): its status, and
/// the response `Problem`'s own `error_response` makes, which `ProblemMiddleware` renders.
#[cfg(feature = "actix")]
#[doc(hidden)]
#[macro_export]
macro_rules! __pardon_response_error {
    ($name:ty, $to_problem:expr) => {
        #[automatically_derived]
        impl $crate::__private::actix_web::ResponseError for $name {
            fn status_code(&self) -> $crate::__private::actix_web::http::StatusCode {
                $crate::__private::actix_status(
                    $crate::ProblemSet::problem_type(self).status().as_u16(),
                )
            }

            fn error_response(
                &self,
            ) -> $crate::__private::actix_web::HttpResponse<
                $crate::__private::actix_web::body::BoxBody,
            > {
                let __pardon_to_problem: fn(&$name) -> $crate::Problem = $to_problem;
                $crate::__private::actix_web::ResponseError::error_response(&__pardon_to_problem(
                    self,
                ))
            }
        }
    };
}

/// Without the `actix` feature a derived type is no `ResponseError`.
#[cfg(not(feature = "actix"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __pardon_response_error {
    ($($tokens:tt)*) => {};
}

pub use crate::__pardon_response_error as response_error;

/// A derived problem type as `utoipa`'s `IntoResponses` (feature `utoipa`): the responses
/// of every problem type of the set, completed by `pardon::openapi::add_problems`.
#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __pardon_into_responses {
    ($name:ty) => {
        #[automatically_derived]
        impl $crate::openapi::utoipa::IntoResponses for $name {
            fn responses() -> ::std::collections::BTreeMap<
                ::std::string::String,
                $crate::openapi::utoipa::openapi::RefOr<
                    $crate::openapi::utoipa::openapi::response::Response,
                >,
            > {
                $crate::openapi::responses_of(<$name as $crate::ProblemSet>::problem_types())
            }
        }
    };
}

/// Without the `utoipa` feature a derived type is no `IntoResponses`.
#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __pardon_into_responses {
    ($($tokens:tt)*) => {};
}

pub use crate::__pardon_into_responses as into_responses;

/// A derived problem type as axum's `IntoResponse` (feature `axum`): the problem it
/// stands for, which `ProblemLayer` renders.
#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __pardon_into_response {
    ($name:ty) => {
        #[automatically_derived]
        impl $crate::__private::axum::response::IntoResponse for $name {
            fn into_response(self) -> $crate::__private::axum::response::Response {
                $crate::__private::axum::response::IntoResponse::into_response(
                    <$crate::Problem as ::core::convert::From<$name>>::from(self),
                )
            }
        }
    };
}

/// Without the `axum` feature a derived type is no `IntoResponse`.
#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __pardon_into_response {
    ($($tokens:tt)*) => {};
}

pub use crate::__pardon_into_response as into_response;

#[cfg(feature = "axum")]
pub use axum;

/// actix's status for a status the derive has checked to be 400..=599.
#[cfg(feature = "actix")]
pub fn actix_status(n: u16) -> actix_web::http::StatusCode {
    actix_web::http::StatusCode::from_u16(n)
        .unwrap_or(actix_web::http::StatusCode::INTERNAL_SERVER_ERROR)
}

/// A member read back as `T` (an absent member reads as JSON `null`, which an `Option`
/// takes).
pub fn decode_member<T: serde::de::DeserializeOwned>(
    problem: &Problem,
    name: &str,
) -> Result<T, crate::problem::DecodeError> {
    use crate::problem::DecodeError;
    // A document's text `request_id` is read into the member of that name, not an extension.
    let request_id = (name == "request_id")
        .then(|| problem.request_id())
        .flatten()
        .map(|id| serde_json::Value::String(id.to_owned()));
    match problem.extension(name).or(request_id.as_ref()) {
        Some(value) => {
            T::deserialize(value).map_err(|e| DecodeError::invalid(name, &e.to_string()))
        }
        None => T::deserialize(&serde_json::Value::Null).map_err(|_| DecodeError::missing(name)),
    }
}

/// A `retry_after` field read back from the member's seconds.
pub fn decode_retry_after<T: FromSeconds>(
    problem: &Problem,
) -> Result<T, crate::problem::DecodeError> {
    use crate::problem::DecodeError;
    let seconds = problem
        .extension("retry_after")
        .ok_or_else(|| DecodeError::missing("retry_after"))?
        .as_u64()
        .ok_or_else(|| DecodeError::invalid("retry_after", "not a number of seconds"))?;
    T::from_seconds(seconds).ok_or_else(|| DecodeError::invalid("retry_after", "out of range"))
}

/// The types a `retry_after` field may have, made from seconds.
pub trait FromSeconds: Sized {
    /// The value for a delay of `seconds`.
    fn from_seconds(seconds: u64) -> Option<Self>;
}

impl FromSeconds for u64 {
    fn from_seconds(seconds: u64) -> Option<u64> {
        Some(seconds)
    }
}

impl FromSeconds for u32 {
    fn from_seconds(seconds: u64) -> Option<u32> {
        u32::try_from(seconds).ok()
    }
}

impl FromSeconds for std::time::Duration {
    fn from_seconds(seconds: u64) -> Option<std::time::Duration> {
        Some(std::time::Duration::from_secs(seconds))
    }
}

impl FromSeconds for std::time::SystemTime {
    fn from_seconds(seconds: u64) -> Option<std::time::SystemTime> {
        std::time::SystemTime::now().checked_add(std::time::Duration::from_secs(seconds))
    }
}

impl FromSeconds for RetryAfter {
    fn from_seconds(seconds: u64) -> Option<RetryAfter> {
        Some(RetryAfter::seconds(seconds))
    }
}
