//! [`RequestId`] as an axum extractor.

use crate::RequestId;

/// A request's id, as [`ProblemLayer`](super::ProblemLayer) assigned it (a fresh one
/// without the layer).
///
/// # Examples
///
/// ```
/// use axum::{routing::get, Router};
/// use pardon::{axum::ProblemLayer, RequestId};
/// use tower::ServiceExt;
///
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// # let renderer = std::sync::Arc::new(pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/").unwrap(), pardon::i18n::Messages::builder().build().unwrap()));
/// let app = Router::new()
///     .route("/id", get(|id: RequestId| async move { id.to_string() }))
///     .layer(ProblemLayer::new(renderer));
/// let request = axum::http::Request::get("/id").header("X-Request-ID", "r-7").body(axum::body::Body::empty()).unwrap();
/// let body = axum::body::to_bytes(app.oneshot(request).await.unwrap().into_body(), 100).await.unwrap();
/// assert_eq!(body, "r-7");
/// # });
/// ```
impl<S: Send + Sync> axum::extract::FromRequestParts<S> for RequestId {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut http::request::Parts,
        _: &S,
    ) -> Result<RequestId, std::convert::Infallible> {
        Ok(parts
            .extensions
            .get::<RequestId>()
            .cloned()
            .unwrap_or_else(RequestId::fresh))
    }
}
