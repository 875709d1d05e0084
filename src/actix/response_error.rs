//! `Problem` as an actix-web `ResponseError`, so that handlers return
//! `Result<T, Problem>` and use `?`.

use actix_web::body::BoxBody;
use actix_web::http::StatusCode;
use actix_web::http::header::{CONTENT_TYPE, HeaderName, HeaderValue};
use actix_web::{HttpResponse, ResponseError};

use super::convert;
use super::plain_body::PlainBody;
use crate::Problem;

/// A problem is an actix error response. Its status is the problem's (500 unless it is
/// 4xx or 5xx). Under a [`ProblemMiddleware`](super::ProblemMiddleware), the middleware
/// renders it for the request — negotiated, localized, with its type URI and request id —
/// and the response this returns is never sent.
///
/// Without the middleware, its body is a plain `application/problem+json`: a 4xx
/// problem's own members as it holds them, a 5xx only its `status` and `code`, with the
/// headers the problem carries (`Retry-After`, `Allow`, …); a warning is logged once per
/// process. The response carries the problem in its extensions, so
/// that a middleware further out renders it as it is.
///
/// # Examples
///
/// ```
/// use actix_web::{body, ResponseError};
/// use pardon::{builtin, Problem};
///
/// # actix_web::rt::System::new().block_on(async {
/// let problem = Problem::new(&builtin::CONFLICT).with_detail("Seat taken.");
/// assert_eq!(problem.status_code().as_u16(), 409);
/// let response = problem.error_response();
/// assert_eq!(response.headers().get("content-type").unwrap(), "application/problem+json");
/// assert!(response.extensions().get::<Problem>().is_some());
/// let bytes = body::to_bytes(response.into_body()).await.unwrap();
/// let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
/// assert_eq!(json["detail"], "Seat taken.");
/// # });
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "actix")))]
impl ResponseError for Problem {
    fn status_code(&self) -> StatusCode {
        convert::status(self.response_status())
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::with_body(
            self.status_code(),
            BoxBody::new(PlainBody::new(self.clone())),
        );
        let headers = response.headers_mut();
        for (name, value) in self.headers() {
            if let (Ok(name), Ok(value)) = (
                HeaderName::from_bytes(name.as_str().as_bytes()),
                HeaderValue::from_bytes(value.as_bytes()),
            ) {
                headers.append(name, value);
            }
        }
        const PROBLEM_JSON: HeaderValue = HeaderValue::from_static("application/problem+json");
        headers.insert(CONTENT_TYPE, PROBLEM_JSON);
        // The problem travels with the response, so that a middleware further out renders
        // it as it is, whoever called `error_response`.
        response.extensions_mut().insert(self.clone());
        response
    }
}
