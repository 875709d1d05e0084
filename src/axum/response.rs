//! `Problem` as an axum response, so that handlers return `Result<T, Problem>`; the
//! [`ProblemLayer`](super::ProblemLayer) renders it for the request.

use std::pin::Pin;
use std::task::{Context, Poll};

use axum::body::Body;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use http::HeaderValue;
use http::header::CONTENT_TYPE;
use http_body::{Frame, SizeHint};

use crate::Problem;
use crate::adapter::plain;

/// The problem travels in the response's extensions, for the layer to render with the
/// request's negotiation. Without the layer, the body is the problem's plain
/// `application/problem+json` (its own members; a 5xx only its status and code), and a
/// warning is logged once.
///
/// # Examples
///
/// ```
/// use axum::response::IntoResponse;
/// use pardon::{builtin, Problem};
///
/// let response = Problem::new(&builtin::CONFLICT).into_response();
/// assert_eq!(response.status(), 409);
/// assert_eq!(response.headers()["content-type"], "application/problem+json");
/// assert!(response.extensions().get::<Problem>().is_some());
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = self.response_status();
        let headers = self.headers().clone();
        let mut response = Response::new(Body::new(PlainBody {
            problem: Some(self.clone()),
        }));
        *response.status_mut() = status;
        let out = response.headers_mut();
        for (name, value) in &headers {
            out.append(name.clone(), value.clone());
        }
        out.insert(
            CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        response.extensions_mut().insert(self);
        response
    }
}

/// A problem's plain JSON, written only if the body is ever read: where no layer replaced
/// the response.
struct PlainBody {
    problem: Option<Problem>,
}

impl http_body::Body for PlainBody {
    type Data = Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        let Some(problem) = self.get_mut().problem.take() else {
            return Poll::Ready(None);
        };
        plain::warn_unrendered("add pardon::axum::ProblemLayer to the Router");
        Poll::Ready(Some(Ok(Frame::data(Bytes::from(plain::plain_json(
            &problem,
        ))))))
    }

    fn is_end_stream(&self) -> bool {
        self.problem.is_none()
    }

    fn size_hint(&self) -> SizeHint {
        // Unknown until written, and never empty: the layer must not take it for a bare
        // status.
        let mut hint = SizeHint::new();
        hint.set_lower(1);
        hint
    }
}
