//! [`RequestId`](crate::RequestId) as an actix extractor.

use std::future::{Ready, ready};

use actix_web::{FromRequest, HttpMessage, HttpRequest, dev::Payload};

use crate::RequestId;

/// The id the middleware assigned; a fresh one when the middleware is not installed.
///
/// # Examples
///
/// ```
/// use actix_web::{test, web, App};
/// use pardon::{actix::ProblemMiddleware, RequestId};
///
/// # actix_web::rt::System::new().block_on(async {
/// # let renderer = std::sync::Arc::new(pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/").unwrap(), pardon::i18n::Messages::builder().build().unwrap()));
/// let app = test::init_service(
///     App::new()
///         .route("/id", web::get().to(|id: RequestId| async move { id.to_string() }))
///         .wrap(ProblemMiddleware::new(renderer)),
/// )
/// .await;
/// let request = test::TestRequest::get().uri("/id").insert_header(("X-Request-ID", "r-1")).to_request();
/// assert_eq!(test::call_and_read_body(&app, request).await, "r-1");
/// # });
/// ```
impl FromRequest for RequestId {
    type Error = actix_web::Error;
    type Future = Ready<Result<RequestId, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let id = req.extensions().get::<RequestId>().cloned();
        ready(Ok(id.unwrap_or_else(RequestId::fresh)))
    }
}
