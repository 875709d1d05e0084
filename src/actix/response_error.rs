//! `Problem` as an actix-web `ResponseError`, so that handlers return
//! `Result<T, Problem>` and use `?`.

use std::sync::OnceLock;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};

use super::convert;
use crate::i18n::Messages;
use crate::{Problem, Registry, Renderer};

/// The renderer used when no [`ProblemMiddleware`](super::ProblemMiddleware) is installed:
/// built-in types and messages, `urn:pardon:problem:` type URIs.
fn fallback_renderer() -> Option<&'static Renderer> {
    static FALLBACK: OnceLock<Option<Renderer>> = OnceLock::new();
    FALLBACK
        .get_or_init(|| {
            let registry = Registry::with_builtins("urn:pardon:problem:").ok()?;
            let messages = Messages::builder().build().ok()?;
            Some(Renderer::new(registry, messages))
        })
        .as_ref()
}

/// A problem is an actix error response. Its status is the problem's. Under a
/// [`ProblemMiddleware`](super::ProblemMiddleware), the middleware renders it for the
/// request; elsewhere its body is `application/problem+json` in the default locale.
///
/// # Examples
///
/// ```
/// use actix_web::ResponseError;
/// use pardon::{builtin, Problem};
///
/// let problem = Problem::new(&builtin::CONFLICT);
/// assert_eq!(problem.status_code().as_u16(), 409);
/// let response = problem.error_response();
/// assert_eq!(response.headers().get("content-type").unwrap(), "application/problem+json");
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "actix")))]
impl ResponseError for Problem {
    fn status_code(&self) -> StatusCode {
        convert::status(self.response_status())
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = if super::catch_panic::inside_middleware() {
            // The middleware renders this problem for its request; rendering it here too
            // would be work thrown away.
            HttpResponse::build(self.status_code()).finish()
        } else {
            match fallback_renderer() {
                Some(renderer) => convert::response(renderer.render(self, &http::HeaderMap::new())),
                None => HttpResponse::build(self.status_code()).finish(),
            }
        };
        // The problem travels with the response, so that a middleware further out renders
        // it as it is, whoever called `error_response`.
        response.extensions_mut().insert(self.clone());
        response
    }
}
