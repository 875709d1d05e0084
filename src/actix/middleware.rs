//! [`ProblemMiddleware`]: request ids, negotiated rendering of every problem response,
//! panics caught, 5xx causes logged and never sent.

use std::borrow::Cow;
use std::future::{ready, Future, Ready};
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;

use actix_web::body::{BodySize, EitherBody, MessageBody};
use actix_web::dev::{forward_ready, Service, ServiceRequest, ServiceResponse, Transform};
use actix_web::http::header::{
    HeaderName, HeaderValue, CONTENT_DISPOSITION, CONTENT_ENCODING, CONTENT_LANGUAGE,
    CONTENT_LENGTH, CONTENT_LOCATION, CONTENT_RANGE, CONTENT_TYPE, ETAG, LAST_MODIFIED,
    TRANSFER_ENCODING,
};
use actix_web::http::Method;
use actix_web::{HttpMessage, HttpResponse};
use tracing::Instrument;

use super::catch_panic::{panic_message, CatchPanic};
use super::{convert, RequestId};
use crate::catalog::builtin;
use crate::render::RequestContext;
use crate::{Problem, Renderer};

/// The request id header, on every response.
const X_REQUEST_ID: &str = "x-request-id";

/// The middleware that makes every error response of an actix-web `App` a negotiated,
/// localized problem. Wrap it once around the whole `App` (last, so that it is outermost).
///
/// For every request it:
/// - assigns a [`RequestId`] (the incoming `X-Request-ID` when acceptable, else a fresh
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
struct Settings {
    renderer: Arc<Renderer>,
    head_as_get: bool,
    access_log: bool,
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
                renderer,
                head_as_get: false,
                access_log: false,
            }),
        }
    }

    /// Routes `HEAD` requests as `GET`, so that `HEAD` works wherever `GET` does (the
    /// server sends the headers without the body).
    ///
    /// # Examples
    ///
    /// ```
    /// # let renderer = std::sync::Arc::new(pardon::Renderer::new(pardon::Registry::new("https://x.test/")?, pardon::i18n::Messages::builder().build()?));
    /// let middleware = pardon::actix::ProblemMiddleware::new(renderer).head_as_get(true);
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
            service: Rc::new(service),
            settings: Rc::clone(&self.settings),
        }))
    }
}

/// The service [`ProblemMiddleware`] wraps around an `App`; actix builds it from the
/// middleware, no one names it.
///
/// # Examples
///
/// ```
/// use actix_web::{test, App};
/// use pardon::actix::ProblemMiddleware;
///
/// # actix_web::rt::System::new().block_on(async {
/// # let renderer = std::sync::Arc::new(pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/").unwrap(), pardon::i18n::Messages::builder().build().unwrap()));
/// // `init_service` returns the `ProblemService` wrapped around the App.
/// let app = test::init_service(App::new().wrap(ProblemMiddleware::new(renderer))).await;
/// let response = test::call_service(&app, test::TestRequest::get().uri("/").to_request()).await;
/// assert_eq!(response.status(), 404);
/// # });
/// ```
#[derive(Debug)]
#[cfg_attr(docsrs, doc(cfg(feature = "actix")))]
pub struct ProblemService<S> {
    service: Rc<S>,
    settings: Rc<Settings>,
}

type LocalBoxFuture<T> = Pin<Box<dyn Future<Output = T>>>;

impl<S, B> Service<ServiceRequest> for ProblemService<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<Result<Self::Response, Self::Error>>;

    forward_ready!(service);

    fn call(&self, mut req: ServiceRequest) -> Self::Future {
        let id = req
            .headers()
            .get(X_REQUEST_ID)
            .and_then(|v| v.to_str().ok())
            .and_then(RequestId::from_header)
            .unwrap_or_else(RequestId::fresh);
        req.extensions_mut().insert(id.clone());
        let method = req.method().clone();
        if self.settings.head_as_get && method == Method::HEAD {
            req.head_mut().method = Method::GET;
        }
        // Routing needs the request uniquely owned, so keep copies of what rendering
        // needs should the inner service panic or fail without giving the request back.
        let context = Context {
            id,
            method,
            path: req.path().to_owned(),
            negotiation: convert::negotiation_headers(req.headers()),
        };
        let span = tracing::info_span!("request", request_id = %context.id);
        let service = Rc::clone(&self.service);
        let settings = Rc::clone(&self.settings);
        let outcome = CatchPanic::new(async move { service.call(req).await });
        Box::pin(
            async move {
                match outcome.await {
                    Ok(Ok(res)) => {
                        let Some(problem) = problem_of(res.response()) else {
                            let mut res = res.map_into_left_body();
                            set_request_id(res.headers_mut(), &context.id);
                            context.log_access(&settings, res.status().as_u16(), None);
                            return Ok(res);
                        };
                        let response = context.render(&settings, &problem, Some(res.response()));
                        drop(problem);
                        let (http_req, _) = res.into_parts();
                        Ok(ServiceResponse::new(http_req, response).map_into_right_body())
                    }
                    Ok(Err(error)) => {
                        let problem = problem_of_error(&error);
                        Err(Rendered::new(context.render(&settings, &problem, None::<&HttpResponse>)).into())
                    }
                    Err(panic) => {
                        tracing::error!(request_id = %context.id, panic = panic_message(&*panic), "handler panicked");
                        let problem = Problem::new(&builtin::INTERNAL_ERROR);
                        Err(Rendered::new(context.render(&settings, &problem, None::<&HttpResponse>)).into())
                    }
                }
            }
            .instrument(span),
        )
    }
}

/// What the middleware keeps of a request while the inner service has it.
struct Context {
    id: RequestId,
    method: Method,
    path: String,
    negotiation: http::HeaderMap,
}

impl Context {
    /// Renders `problem` for the request; keeps headers the original response carried
    /// (those set by inner middleware) unless the problem sets them.
    fn render<B>(
        &self,
        settings: &Settings,
        problem: &Problem,
        original: Option<&HttpResponse<B>>,
    ) -> HttpResponse {
        let mut request = RequestContext {
            request_id: Some(self.id.as_str()),
            instance: Some(self.path.as_str()),
            headers: http::HeaderMap::new(),
        };
        if let Some(original) = original {
            // Every header the handler or an inner middleware set stays (a `Vary` merges
            // with the problem's own); the body's headers belong to the rendered body.
            convert::append_headers(&mut request.headers, original.headers(), |name| {
                !is_body_header(name)
            });
        }
        if problem.response_status().is_server_error() {
            log_server_error(problem, &self.id);
        }
        let renderer = &settings.renderer;
        let negotiated = renderer.negotiate(&self.negotiation);
        let mut response =
            convert::response(renderer.render_in_context(problem, negotiated, &request));
        set_request_id(response.headers_mut(), &self.id);
        self.log_access(
            settings,
            response.status().as_u16(),
            problem.code().map(|c| c.as_str()),
        );
        response
    }

    fn log_access(&self, settings: &Settings, status: u16, code: Option<&str>) {
        if settings.access_log {
            tracing::info!(
                target: "pardon::access",
                method = %self.method,
                path = %self.path,
                status,
                code = code.unwrap_or("-"),
                request_id = %self.id,
            );
        }
    }
}

/// A response rendered before the request could be given back: sent as an error, which
/// actix turns into exactly this response.
#[derive(Debug)]
struct Rendered {
    status: actix_web::http::StatusCode,
    headers: actix_web::http::header::HeaderMap,
    body: actix_web::web::Bytes,
}

impl Rendered {
    fn new(response: HttpResponse) -> Rendered {
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.into_body().try_into_bytes().unwrap_or_default();
        Rendered {
            status,
            headers,
            body,
        }
    }
}

impl std::fmt::Display for Rendered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "problem response {}", self.status.as_u16())
    }
}

impl actix_web::ResponseError for Rendered {
    fn status_code(&self) -> actix_web::http::StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::build(self.status).body(self.body.clone());
        for (name, value) in &self.headers {
            response.headers_mut().append(name.clone(), value.clone());
        }
        response
    }
}

/// The problem an inner response stands for: a handler's `Problem`, an actix error, or
/// an empty error response (such as a resource's bare 405).
fn problem_of<B: MessageBody>(response: &HttpResponse<B>) -> Option<Cow<'_, Problem>> {
    if let Some(problem) = response.extensions().get::<Problem>() {
        return Some(Cow::Owned(problem.clone()));
    }
    if let Some(error) = response.error() {
        return Some(problem_of_error(error));
    }
    let status = response.status();
    let empty = matches!(response.body().size(), BodySize::None | BodySize::Sized(0));
    (empty && (status.is_client_error() || status.is_server_error()))
        .then(|| Cow::Owned(for_status(status.as_u16())))
}

/// The problem an error stands for: borrowed when it is one.
fn problem_of_error(error: &actix_web::Error) -> Cow<'_, Problem> {
    if let Some(problem) = error.as_error::<Problem>() {
        return Cow::Borrowed(problem);
    }
    let status = error.as_response_error().status_code().as_u16();
    Cow::Owned(for_status(status).with_source(super::Cause::new(error.to_string())))
}

/// The built-in problem for a status that actix produced without one. A bare 404 is an
/// `about:blank` problem: it may be a missing resource as well as a missing route.
fn for_status(status: u16) -> Problem {
    let builtin = match status {
        401 => &builtin::AUTH_REQUIRED,
        403 => &builtin::INSUFFICIENT_PERMISSIONS,
        405 => &builtin::METHOD_NOT_ALLOWED,
        406 => &builtin::NOT_ACCEPTABLE,
        409 => &builtin::CONFLICT,
        413 => &builtin::PAYLOAD_TOO_LARGE,
        415 => &builtin::UNSUPPORTED_MEDIA_TYPE,
        429 => &builtin::RATE_LIMITED,
        502 => &builtin::UPSTREAM_ERROR,
        503 => &builtin::SERVICE_UNAVAILABLE,
        504 => &builtin::UPSTREAM_TIMEOUT,
        500..=599 => &builtin::INTERNAL_ERROR,
        _ => {
            return http::StatusCode::from_u16(status).map_or_else(
                |_| Problem::new(&builtin::INTERNAL_ERROR),
                Problem::from_status,
            )
        }
    };
    Problem::new(builtin)
}

/// A header that describes the inner response's body, which the rendered problem
/// replaces: it would lie about the new body (a `Content-Encoding: gzip` on plain JSON).
fn is_body_header(name: &HeaderName) -> bool {
    [
        CONTENT_TYPE,
        CONTENT_LENGTH,
        CONTENT_LANGUAGE,
        CONTENT_ENCODING,
        CONTENT_RANGE,
        CONTENT_LOCATION,
        CONTENT_DISPOSITION,
        TRANSFER_ENCODING,
        ETAG,
        LAST_MODIFIED,
    ]
    .contains(name)
        || name.as_str() == "content-digest"
        || name.as_str() == "digest"
}

fn log_server_error(problem: &Problem, id: &RequestId) {
    let mut chain = Vec::new();
    let mut cause: Option<&(dyn std::error::Error + 'static)> = problem
        .source()
        .map(|e| e as &(dyn std::error::Error + 'static));
    while let Some(error) = cause {
        chain.push(error.to_string());
        cause = error.source();
    }
    tracing::error!(
        request_id = %id,
        status = problem.response_status().as_u16(),
        code = problem.code().map_or("", |c| c.as_str()),
        cause = %chain.join(": "),
        "server error"
    );
}

fn set_request_id(headers: &mut actix_web::http::header::HeaderMap, id: &RequestId) {
    if let Ok(value) = HeaderValue::from_str(id.as_str()) {
        headers.insert(HeaderName::from_static(X_REQUEST_ID), value);
    }
}
