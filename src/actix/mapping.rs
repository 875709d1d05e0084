//! What an inner response or error stands for: the problem it carries, or the built-in
//! problem for a status actix produced without one.

use std::borrow::Cow;

use actix_web::HttpResponse;
use actix_web::body::{BodySize, MessageBody};

use crate::Problem;
use crate::adapter::mapping::problem_for_status;

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
        .then(|| Cow::Owned(problem_for_status(status.as_u16())))
}

/// The problem an error stands for: borrowed when it is one.
pub(super) fn problem_of_error(error: &actix_web::Error) -> Cow<'_, Problem> {
    if let Some(problem) = error.as_error::<Problem>() {
        return Cow::Borrowed(problem);
    }
    let status = error.as_response_error().status_code().as_u16();
    Cow::Owned(problem_for_status(status).with_source(super::Cause::new(error.to_string())))
}
