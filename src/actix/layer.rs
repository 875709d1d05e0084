//! [`ProblemMiddleware`], the layer: its settings, and the
//! [`ProblemService`](super::ProblemService) it wraps around an `App`.

use std::future::{Ready, ready};
use std::rc::Rc;
use std::sync::Arc;

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform};

use super::service::ProblemService;
use crate::Renderer;

/// The middleware that makes every error response of an actix-web `App` a negotiated,
/// localized problem. Wrap it once around the whole `App` (last, so that it is outermost).
///
/// For every request it:
/// - assigns a [`RequestId`](super::RequestId) (the incoming `X-Request-ID` when acceptable, else a fresh
///   one), available to handlers and `tracing` spans, set on every response and in every
///   problem body as `request_id`;
/// - renders every problem response — a handler's `Err(Problem)`, an actix error, an
///   empty error response such as a resource's 405 — in the format and language the
///   request negotiates, with `instance` defaulting to the request path;
/// - turns a panic in a handler into `INTERNAL_ERROR` 500 and keeps serving;
/// - logs each 5xx with the request id and the whole cause chain, never sending it.
///
/// # Examples
///
/// ```
/// use std::sync::Arc;
/// use actix_web::{test, web, App};
/// use pardon::{actix::ProblemMiddleware, builtin, i18n::Messages, Problem, Registry, Renderer};
///
/// # actix_web::rt::System::new().block_on(async {
/// let renderer = Arc::new(Renderer::new(
///     Registry::with_builtins("https://example.com/problems/").unwrap(),
///     Messages::builder().build().unwrap(),
/// ));
/// let app = test::init_service(
///     App::new()
///         .route("/", web::get().to(|| async { Err::<String, _>(Problem::new(&builtin::CONFLICT)) }))
///         .wrap(ProblemMiddleware::new(renderer)),
/// )
/// .await;
/// let request = test::TestRequest::get().uri("/").insert_header(("Accept-Language", "de")).to_request();
/// let response = test::call_service(&app, request).await;
/// assert_eq!(response.status(), 409);
/// assert_eq!(response.headers().get("content-language").unwrap(), "de");
/// assert!(response.headers().contains_key("x-request-id"));
/// # });
/// ```
#[derive(Debug, Clone)]
#[cfg_attr(docsrs, doc(cfg(feature = "actix")))]
pub struct ProblemMiddleware {
    settings: Rc<Settings>,
}

#[derive(Debug)]
pub(super) struct Settings {
    pub(super) renderer: Arc<Renderer>,
    /// Each locale's `Content-Language`, in actix's type.
    pub(super) content_languages: Vec<Option<actix_web::http::header::HeaderValue>>,
    pub(super) head_as_get: bool,
    pub(super) access_log: bool,
}

impl ProblemMiddleware {
    /// The middleware, rendering with `renderer`.
    ///
    /// # Examples
    ///
    /// ```
    /// # let renderer = std::sync::Arc::new(pardon::Renderer::new(pardon::Registry::new("https://x.test/")?, pardon::i18n::Messages::builder().build()?));
    /// let middleware = pardon::actix::ProblemMiddleware::new(renderer);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(renderer: Arc<Renderer>) -> ProblemMiddleware {
        ProblemMiddleware {
            settings: Rc::new(Settings {
                content_languages: super::convert::content_languages(&renderer),
                renderer,
                head_as_get: true,
                access_log: false,
            }),
        }
    }

    /// Whether `HEAD` requests are routed as `GET`, so that `HEAD` works wherever `GET`
    /// does (RFC 9110 §9.3.2: the same status and headers, without the body). On by
    /// default; turn it off for an app that routes `HEAD` itself.
    ///
    /// # Examples
    ///
    /// ```
    /// # let renderer = std::sync::Arc::new(pardon::Renderer::new(pardon::Registry::new("https://x.test/")?, pardon::i18n::Messages::builder().build()?));
    /// let middleware = pardon::actix::ProblemMiddleware::new(renderer).head_as_get(false);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn head_as_get(self, enabled: bool) -> ProblemMiddleware {
        self.with(|s| s.head_as_get = enabled)
    }

    /// Logs one `tracing` event per request at target `pardon::access`: method, path,
    /// status, problem code and request id.
    ///
    /// # Examples
    ///
    /// ```
    /// # let renderer = std::sync::Arc::new(pardon::Renderer::new(pardon::Registry::new("https://x.test/")?, pardon::i18n::Messages::builder().build()?));
    /// let middleware = pardon::actix::ProblemMiddleware::new(renderer).access_log(true);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn access_log(self, enabled: bool) -> ProblemMiddleware {
        self.with(|s| s.access_log = enabled)
    }

    fn with(self, change: impl FnOnce(&mut Settings)) -> ProblemMiddleware {
        let mut settings = Settings {
            renderer: Arc::clone(&self.settings.renderer),
            content_languages: self.settings.content_languages.clone(),
            head_as_get: self.settings.head_as_get,
            access_log: self.settings.access_log,
        };
        change(&mut settings);
        ProblemMiddleware {
            settings: Rc::new(settings),
        }
    }
}

impl<S, B> Transform<S, ServiceRequest> for ProblemMiddleware
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = actix_web::Error;
    type Transform = ProblemService<S>;
    type InitError = ();
    type Future = Ready<Result<Self::Transform, Self::InitError>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(ProblemService {
            service,
            settings: Rc::clone(&self.settings),
        }))
    }
}
