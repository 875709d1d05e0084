//! The tower adapter (feature `tower`; the `axum` feature includes it): [`ProblemLayer`]
//! does for any tower HTTP service what `pardon::actix::ProblemMiddleware` does for
//! actix-web. A service answers a problem with [`problem_response`], or with any response
//! that carries the [`Problem`](struct@crate::Problem) in its extensions; the layer
//! renders it for the request, in the negotiated format and language.
//!
//! # Examples
//!
//! ```
//! use std::sync::Arc;
//! use http::Request;
//! use pardon::{builtin, i18n::Messages, tower::{problem_response, ProblemLayer}, Problem, Registry, Renderer};
//! use tower::{Layer, ServiceExt};
//!
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! let renderer = Arc::new(Renderer::new(
//!     Registry::with_builtins("https://api.example/problems/").unwrap(),
//!     Messages::builder().build().unwrap(),
//! ));
//! let service = tower::service_fn(|_: Request<()>| async {
//!     Ok::<_, std::convert::Infallible>(problem_response(Problem::new(&builtin::CONFLICT)))
//! });
//! let service = ProblemLayer::new(renderer).layer(service);
//! let request = Request::get("/orders/7").header("Accept-Language", "es").body(()).unwrap();
//! let response = service.oneshot(request).await.unwrap();
//! assert_eq!(response.status(), 409);
//! assert_eq!(response.headers()["content-language"], "es");
//! # });
//! ```

pub(crate) mod layer;
mod service;

pub use layer::ProblemLayer;
pub use service::{ProblemBody, ProblemService};

use bytes::Bytes;
use http::{HeaderValue, Response, header::CONTENT_TYPE};
use http_body_util::Full;

use crate::Problem;
use crate::adapter::plain;

/// A response that stands for `problem`: its status and headers, the problem in its
/// extensions for [`ProblemLayer`] to render, and for a client reached without the layer,
/// the problem's plain JSON (a 5xx only its status and code).
///
/// # Examples
///
/// ```
/// let response = pardon::tower::problem_response(pardon::Problem::new(&pardon::builtin::CONFLICT));
/// assert_eq!(response.status(), 409);
/// assert_eq!(response.headers()["content-type"], "application/problem+json");
/// assert!(response.extensions().get::<pardon::Problem>().is_some());
/// ```
#[must_use]
pub fn problem_response(problem: Problem) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(plain::plain_json(&problem))));
    *response.status_mut() = problem.response_status();
    let headers = response.headers_mut();
    for (name, value) in problem.headers() {
        headers.append(name.clone(), value.clone());
    }
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    response.extensions_mut().insert(problem);
    response
}
