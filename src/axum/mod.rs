//! The axum adapter (feature `axum`): the same problems as the actix adapter, for axum and
//! any tower HTTP service.
//!
//! - [`ProblemLayer`], added once around the `Router`, assigns request ids and renders
//!   every problem response negotiated and localized — the router's bare 404s and 405s and
//!   panics included — logging 5xx causes without sending them.
//! - [`Problem`](struct@crate::Problem) and `#[derive(Problem)]` types are
//!   `IntoResponse`: handlers return `Result<T, Problem>` or `Result<T, ShopProblem>`.
//! - [`Json`], [`ValidJson`], [`Path`] and [`Query`] read typed requests and report every
//!   fault at once; axum's own `JsonRejection`, `PathRejection` and `QueryRejection`
//!   convert into problems.
//! - [`route_not_found`] is the `Router`'s fallback; [`type_docs`] serves the page each
//!   type URI resolves to.
//!
//! # Examples
//!
//! ```
//! use std::sync::Arc;
//! use axum::{routing::get, Router};
//! use pardon::{axum::{route_not_found, type_docs, ProblemLayer}, i18n::Messages, Registry, Renderer};
//! use tower::ServiceExt;
//!
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! let renderer = Arc::new(Renderer::new(
//!     Registry::with_builtins("http://localhost:8080/problems/").unwrap(),
//!     Messages::builder().build().unwrap(),
//! ));
//! let app = Router::new()
//!     .route("/hello", get(|| async { "hello" }))
//!     .merge(type_docs(Arc::clone(&renderer)))
//!     .fallback(route_not_found)
//!     .layer(ProblemLayer::new(renderer));
//! let request = axum::http::Request::delete("/hello")
//!     .header("Accept", "text/plain")
//!     .body(axum::body::Body::empty())
//!     .unwrap();
//! let response = app.oneshot(request).await.unwrap();
//! assert_eq!(response.status(), 405);
//! assert_eq!(response.headers()["allow"], "GET,HEAD");
//! # });
//! ```

mod docs;
mod extract;
mod fallback;
mod rejection;
mod request_id;
mod response;

pub use crate::RequestId;
pub use crate::adapter::time_limit::time_limit;
pub use crate::tower::{ProblemBody, ProblemLayer, ProblemService};
pub use docs::type_docs;
pub use extract::{Json, Path, Query, ValidJson};
pub use fallback::route_not_found;
