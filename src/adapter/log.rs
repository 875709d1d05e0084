//! The log lines every adapter writes: one access line per request, and a 5xx's cause.

use crate::{Problem, RequestId};

/// The request's access line (`pardon::access`).
pub(crate) fn access(method: &str, path: &str, id: &RequestId, status: u16, code: Option<&str>) {
    tracing::info!(
        target: "pardon::access",
        method,
        path = %path,
        status,
        code = code.unwrap_or("-"),
        request_id = %id,
    );
}

/// Alive while the inner service works on a request. Dropped unanswered, when the server
/// drops the request's future because its client went away, it writes the request's one
/// access line.
#[cfg(feature = "tower")]
pub(crate) struct Unanswered<'a> {
    method: &'a str,
    path: &'a str,
    id: &'a RequestId,
    access_log: bool,
    answered: bool,
}

#[cfg(feature = "tower")]
impl<'a> Unanswered<'a> {
    pub(crate) fn new(method: &'a str, path: &'a str, id: &'a RequestId, access_log: bool) -> Self {
        Unanswered {
            method,
            path,
            id,
            access_log,
            answered: false,
        }
    }

    /// The request has its answer: no line when dropped.
    pub(crate) fn answered(&mut self) {
        self.answered = true;
    }
}

#[cfg(feature = "tower")]
impl Drop for Unanswered<'_> {
    fn drop(&mut self) {
        if !self.answered && self.access_log {
            went_away(self.method, self.path, self.id);
        }
    }
}

/// The access line of a request dropped unanswered (its client went away).
pub(crate) fn went_away(method: &str, path: &str, id: &RequestId) {
    tracing::info!(
        target: "pardon::access",
        method,
        path = %path,
        request_id = %id,
        "client went away before the response"
    );
}

/// A server error's cause, with its chain and the request id: for the log, never sent.
pub(crate) fn server_error(problem: &Problem, id: &RequestId) {
    let mut chain = Vec::new();
    let mut cause: Option<&(dyn std::error::Error + 'static)> = problem
        .internal_cause()
        .map(|e| e as &(dyn std::error::Error + 'static));
    while let Some(error) = cause {
        chain.push(error.to_string());
        cause = error.source();
    }
    tracing::error!(
        request_id = %id,
        status = problem.response_status().as_u16(),
        code = problem.code().map_or("", |c| c.as_str()),
        cause = %chain.join(": "),
        "server error"
    );
}

/// A panic caught in a handler, with the request id.
pub(crate) fn panicked(id: &RequestId, message: &str) {
    tracing::error!(request_id = %id, panic = message, "handler panicked");
}
