//! What an inner response or error stands for: the problem it carries, or the built-in
//! problem for a status actix produced without one; and which of its headers describe a
//! body the rendered problem replaces.

use std::borrow::Cow;

use actix_web::HttpResponse;
use actix_web::body::{BodySize, MessageBody};
use actix_web::http::header::{
    CONTENT_DISPOSITION, CONTENT_ENCODING, CONTENT_LANGUAGE, CONTENT_LENGTH, CONTENT_LOCATION,
    CONTENT_RANGE, CONTENT_TYPE, ETAG, HeaderName, LAST_MODIFIED, TRANSFER_ENCODING,
};

use crate::Problem;
use crate::catalog::builtin;

/// The problem an inner response stands for: a handler's `Problem`, an actix error, or
/// an empty error response (such as a resource's bare 405).
pub(super) fn problem_of<B: MessageBody>(response: &HttpResponse<B>) -> Option<Cow<'_, Problem>> {
    if let Some(problem) = response.extensions().get::<Problem>() {
        return Some(Cow::Owned(problem.clone()));
    }
    if let Some(error) = response.error() {
        return Some(problem_of_error(error));
    }
    let status = response.status();
    let empty = matches!(response.body().size(), BodySize::None | BodySize::Sized(0));
    (empty && (status.is_client_error() || status.is_server_error()))
        .then(|| Cow::Owned(for_status(status.as_u16())))
}

/// The problem an error stands for: borrowed when it is one.
pub(super) fn problem_of_error(error: &actix_web::Error) -> Cow<'_, Problem> {
    if let Some(problem) = error.as_error::<Problem>() {
        return Cow::Borrowed(problem);
    }
    let status = error.as_response_error().status_code().as_u16();
    Cow::Owned(for_status(status).with_source(super::Cause::new(error.to_string())))
}

/// The built-in problem for a status that actix produced without one. A bare 404 is an
/// `about:blank` problem: it may be a missing resource as well as a missing route.
fn for_status(status: u16) -> Problem {
    let builtin = match status {
        401 => &builtin::AUTH_REQUIRED,
        403 => &builtin::INSUFFICIENT_PERMISSIONS,
        405 => &builtin::METHOD_NOT_ALLOWED,
        406 => &builtin::NOT_ACCEPTABLE,
        409 => &builtin::CONFLICT,
        413 => &builtin::PAYLOAD_TOO_LARGE,
        415 => &builtin::UNSUPPORTED_MEDIA_TYPE,
        429 => &builtin::RATE_LIMITED,
        502 => &builtin::UPSTREAM_ERROR,
        503 => &builtin::SERVICE_UNAVAILABLE,
        504 => &builtin::UPSTREAM_TIMEOUT,
        500..=599 => &builtin::INTERNAL_ERROR,
        _ => {
            return http::StatusCode::from_u16(status).map_or_else(
                |_| Problem::new(&builtin::INTERNAL_ERROR),
                Problem::from_status,
            );
        }
    };
    Problem::new(builtin)
}

/// A header that describes the inner response's body, which the rendered problem
/// replaces: it would lie about the new body (a `Content-Encoding: gzip` on plain JSON).
pub(super) fn is_body_header(name: &HeaderName) -> bool {
    [
        CONTENT_TYPE,
        CONTENT_LENGTH,
        CONTENT_LANGUAGE,
        CONTENT_ENCODING,
        CONTENT_RANGE,
        CONTENT_LOCATION,
        CONTENT_DISPOSITION,
        TRANSFER_ENCODING,
        ETAG,
        LAST_MODIFIED,
    ]
    .contains(name)
        || name.as_str() == "content-digest"
        || name.as_str() == "digest"
}
