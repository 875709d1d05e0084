//! The `Router`'s fallback for unknown routes.

use crate::{Problem, builtin};

/// The `Router`'s fallback: every unknown path is `ROUTE_NOT_FOUND` 404.
///
/// # Examples
///
/// ```
/// use axum::Router;
/// use tower::ServiceExt;
///
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// let app: Router = Router::new().fallback(pardon::axum::route_not_found);
/// let request = axum::http::Request::get("/nope").body(axum::body::Body::empty()).unwrap();
/// assert_eq!(app.oneshot(request).await.unwrap().status(), 404);
/// # });
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub async fn route_not_found() -> Problem {
    Problem::new(&builtin::ROUTE_NOT_FOUND)
}
