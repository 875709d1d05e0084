//! The actix-web adapter (feature `actix`, on by default).
//!
//! - [`Problem`](struct@crate::Problem) is a `ResponseError`: handlers return
//!   `Result<T, Problem>` and use `?`.
//! - [`ProblemMiddleware`], wrapped once around the `App`, assigns request ids and renders
//!   every problem response negotiated and localized — actix's own failures and panics
//!   included — logging 5xx causes without sending them.
//! - [`Json`], [`ValidJson`], [`Path`] and [`Query`] read typed requests and report every
//!   fault at once, each at its pointer or parameter;
//! - [`extractor_errors`] makes `Json`, `Path`, `Query` and payload failures problems;
//!   [`route_not_found`] and [`method_not_allowed`] answer unknown routes and wrong
//!   methods; [`type_docs`] serves the page each type URI resolves to.
//! - [`configure`] sets all of that up in one call, the middleware aside;
//! - [`time_limit`] gives up on a slow upstream with `UPSTREAM_TIMEOUT` 504.
//!
//! Since actix's `ResponseError::error_response` never sees the request, the middleware
//! does the negotiated rendering where the request is known.
//!
//! # An application's own error type
//!
//! `#[derive(Problem)]` makes a type a `ResponseError` that the middleware renders in full
//! (code, members, detail, language), so a handler returns `Result<T, ShopProblem>`. An
//! error type of another kind must hand the middleware a [`Problem`](struct@crate::Problem):
//! implement `ResponseError` by delegating to the problem it stands for,
//!
//! ```
//! # use actix_web::{HttpResponse, ResponseError};
//! # #[derive(Debug)] struct AppError;
//! # impl std::fmt::Display for AppError { fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str("app error") } }
//! # impl From<&AppError> for pardon::Problem { fn from(_: &AppError) -> pardon::Problem { pardon::Problem::new(&pardon::builtin::CONFLICT) } }
//! impl ResponseError for AppError {
//!     fn status_code(&self) -> actix_web::http::StatusCode {
//!         pardon::Problem::from(self).status_code()
//!     }
//!     fn error_response(&self) -> HttpResponse {
//!         pardon::Problem::from(self).error_response()
//!     }
//! }
//! ```
//!
//! A `ResponseError` whose response carries no problem is taken for what its status says:
//! the middleware renders the crate's built-in problem for that status (`CONFLICT` for a
//! 409, `about:blank` where there is none), without the code, members or detail the
//! application meant.
//!
//! # Examples
//!
//! ```
//! use std::sync::Arc;
//! use actix_web::{test, web, App};
//! use pardon::{actix, i18n::Messages, Registry, Renderer};
//!
//! # actix_web::rt::System::new().block_on(async {
//! let renderer = Arc::new(Renderer::new(
//!     Registry::with_builtins("http://localhost:8080/problems/").unwrap(),
//!     Messages::builder().build().unwrap(),
//! ));
//! let app = test::init_service(
//!     App::new()
//!         .configure(actix::extractor_errors(16 * 1024))
//!         .service(actix::type_docs(Arc::clone(&renderer)))
//!         .default_service(web::to(actix::route_not_found))
//!         .wrap(actix::ProblemMiddleware::new(renderer)),
//! )
//! .await;
//! let request = test::TestRequest::get().uri("/missing").insert_header(("Accept", "text/plain")).to_request();
//! let body = test::call_and_read_body(&app, request).await;
//! assert!(std::str::from_utf8(&body).unwrap().starts_with("404 Route not found\n"));
//! # });
//! ```

mod configure;
mod convert;
mod extractors;
mod future;
mod layer;
mod mapping;
mod plain_body;
mod rendered;
mod request_id;
mod response_error;
mod service;
mod services;
mod typed;

pub use crate::RequestId;
pub use crate::adapter::time_limit::time_limit;
pub use configure::configure;
pub use extractors::{extractor_errors, json_problem};
pub use future::ProblemFuture;
pub use layer::ProblemMiddleware;
pub use service::ProblemService;
pub use services::{TypeDocs, method_not_allowed, route_not_found, type_docs};
pub use typed::{Json, Path, Query, ValidJson};

/// An actix error's message, kept as a problem's source for the log.
#[derive(Debug)]
pub(crate) struct Cause(String);

impl Cause {
    pub(crate) fn new(message: String) -> Cause {
        Cause(message)
    }
}

impl std::fmt::Display for Cause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Cause {}
