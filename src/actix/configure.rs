//! [`configure`]: everything but the middleware, in one call.

use std::sync::Arc;

use actix_web::web::{self, ServiceConfig};

use super::{extractor_errors, route_not_found, type_docs};
use crate::Renderer;

/// Sets up an `App` for problems, all but the middleware: the extractor configs
/// ([`extractor_errors`] with `body_limit`), the type documentation pages
/// ([`type_docs`]) and `ROUTE_NOT_FOUND` for every unknown path ([`route_not_found`]).
/// Wrap the `App` in [`ProblemMiddleware`](super::ProblemMiddleware) with the same
/// renderer.
///
/// # Examples
///
/// ```
/// use std::sync::Arc;
/// use actix_web::{test, web, App};
/// use pardon::actix::{configure, ProblemMiddleware};
/// use pardon::{i18n::Messages, Registry, Renderer};
///
/// # actix_web::rt::System::new().block_on(async {
/// let renderer = Arc::new(Renderer::new(
///     Registry::with_builtins("http://localhost:8080/problems/").unwrap(),
///     Messages::builder().build().unwrap(),
/// ));
/// let app = test::init_service(
///     App::new()
///         .configure(configure(&renderer, 16 * 1024))
///         .route("/hello", web::get().to(|| async { "hello" }))
///         .wrap(ProblemMiddleware::new(renderer)),
/// )
/// .await;
/// let page = test::TestRequest::get().uri("/problems/rate-limited").to_request();
/// assert_eq!(test::call_service(&app, page).await.status(), 200);
/// let missing = test::TestRequest::get().uri("/nowhere").to_request();
/// let body: serde_json::Value = test::call_and_read_body_json(&app, missing).await;
/// assert_eq!(body["code"], "ROUTE_NOT_FOUND");
/// # });
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "actix")))]
pub fn configure(renderer: &Arc<Renderer>, body_limit: usize) -> impl FnOnce(&mut ServiceConfig) {
    let renderer = Arc::clone(renderer);
    move |config| {
        config
            .configure(extractor_errors(body_limit))
            .service(type_docs(renderer))
            .default_service(web::to(route_not_found));
    }
}
