//! [`ProblemService`]: per request, a request id, the inner service polled with panics
//! caught, and every problem response rendered for the request.

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context as TaskContext, Poll};

use bytes::Bytes;
use http::header::{ACCEPT, ACCEPT_LANGUAGE, CONTENT_LENGTH, CONTENT_TYPE};
use http::{HeaderMap, HeaderName, HeaderValue, Request, Response};
use http_body::Body as HttpBody;
use http_body_util::{Either, Full};
use tower_service::Service;
use tracing::Instrument;

use super::layer::{BodyLimit, Settings};
use crate::adapter::catch_panic::{CatchPanic, panic_message};
use crate::adapter::exchange::Exchange;
use crate::adapter::log;
use crate::adapter::mapping::problem_for_status;
use crate::catalog::builtin;
use crate::request_id::X_REQUEST_ID;
use crate::{Problem, RequestId};

/// The body of a response through [`ProblemLayer`](super::ProblemLayer): the inner
/// service's own, or a rendered problem.
///
/// # Examples
///
/// ```
/// use http_body_util::{Either, Full};
///
/// let rendered: pardon::tower::ProblemBody<axum::body::Body> = Either::Right(Full::new("{}".into()));
/// assert!(matches!(rendered, Either::Right(_)));
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "tower")))]
pub type ProblemBody<B> = Either<B, Full<Bytes>>;

/// The service [`ProblemLayer`](super::ProblemLayer) wraps around an inner service.
///
/// # Examples
///
/// ```
/// use pardon::tower::{ProblemLayer, ProblemService};
/// use tower::{Layer, ServiceExt};
///
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// # let renderer = std::sync::Arc::new(pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/").unwrap(), pardon::i18n::Messages::builder().build().unwrap()));
/// let router: axum::Router = axum::Router::new();
/// let service: ProblemService<axum::Router> = ProblemLayer::new(renderer).layer(router);
/// let request = http::Request::get("/nowhere").body(axum::body::Body::empty()).unwrap();
/// let response = service.oneshot(request).await.unwrap();
/// assert_eq!(response.status(), 404); // the router's bare 404, rendered
/// assert_eq!(response.headers()["content-type"], "application/problem+json");
/// # });
/// ```
#[derive(Debug, Clone)]
#[cfg_attr(docsrs, doc(cfg(feature = "tower")))]
pub struct ProblemService<S> {
    inner: S,
    settings: Arc<Settings>,
    /// Why the inner service could not become ready, for the call that follows.
    not_ready: Option<Arc<dyn std::error::Error + Send + Sync>>,
}

impl<S> ProblemService<S> {
    pub(super) fn new(inner: S, settings: Arc<Settings>) -> ProblemService<S> {
        ProblemService {
            inner,
            settings,
            not_ready: None,
        }
    }
}

/// An inner service's failure to become ready, as a problem's source.
#[derive(Debug)]
struct NotReady(Arc<dyn std::error::Error + Send + Sync>);

impl std::fmt::Display for NotReady {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the service was not ready: {}", self.0)
    }
}

impl std::error::Error for NotReady {}

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

/// An inner service's error, of any type.
type BoxError = Box<dyn std::error::Error + Send + Sync>;

impl<S, ReqBody, ResBody> Service<Request<ReqBody>> for ProblemService<S>
where
    S: Service<Request<ReqBody>, Response = Response<ResBody>> + Clone + Send + 'static,
    S::Error: Into<BoxError>,
    S::Future: Send + 'static,
    ReqBody: Send + 'static,
    ResBody: HttpBody + Send + 'static,
{
    type Response = Response<ProblemBody<ResBody>>;
    type Error = Infallible;
    type Future = BoxFuture<Result<Self::Response, Infallible>>;

    fn poll_ready(&mut self, cx: &mut TaskContext<'_>) -> Poll<Result<(), Infallible>> {
        // An inner service that fails to become ready is not called: the request it would
        // have served is answered `INTERNAL_ERROR`, the failure logged.
        match self.inner.poll_ready(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(Ok(())) => Poll::Ready(Ok(())),
            Poll::Ready(Err(error)) => {
                self.not_ready = Some(Arc::from(error.into()));
                Poll::Ready(Ok(()))
            }
        }
    }

    fn call(&mut self, mut req: Request<ReqBody>) -> Self::Future {
        // A layer further out may have assigned the id already: one id per request.
        let id = match req.extensions().get::<RequestId>() {
            Some(id) => id.clone(),
            None => RequestId::for_request(
                req.headers()
                    .get(&REQUEST_ID_HEADER)
                    .map(HeaderValue::as_bytes),
            ),
        };
        req.extensions_mut().insert(id.clone());
        req.extensions_mut()
            .insert(BodyLimit(self.settings.body_limit));
        let context = Exchange {
            id,
            method: req.method().clone(),
            path: original_path(&req).to_owned(),
            negotiation: negotiation_headers(req.headers()),
        };
        let span = tracing::info_span!("request", request_id = %context.id);
        let settings = Arc::clone(&self.settings);
        if let Some(error) = self.not_ready.take() {
            let problem = Problem::new(&builtin::INTERNAL_ERROR).with_source(NotReady(error));
            let response = render(&context, &settings, &problem, HeaderMap::new());
            return Box::pin(std::future::ready(Ok(response)));
        }
        // The service that was made ready answers; a clone takes its place for the next.
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let outcome = CatchPanic::new(async move { inner.call(req).await });
        Box::pin(
            async move {
                let mut waiting = context.unanswered(settings.access_log);
                let outcome = outcome.await;
                waiting.answered();
                Ok(answer(outcome, &context, &settings))
            }
            .instrument(span),
        )
    }
}

/// The path the client asked for: under axum's `Router::nest`, not the nested one.
fn original_path<B>(req: &Request<B>) -> &str {
    #[cfg(feature = "axum")]
    if let Some(uri) = req.extensions().get::<axum::extract::OriginalUri>() {
        return uri.path();
    }
    req.uri().path()
}

/// The request's `Accept` and `Accept-Language`, all that negotiation reads.
fn negotiation_headers(headers: &HeaderMap) -> HeaderMap {
    let mut out = HeaderMap::new();
    for name in [ACCEPT, ACCEPT_LANGUAGE] {
        for value in headers.get_all(&name) {
            out.append(name.clone(), value.clone());
        }
    }
    out
}

/// The response for what the inner service did: its own response, the problem it stands
/// for rendered, or a panic's 500.
fn answer<B: HttpBody, E: Into<BoxError>>(
    outcome: Result<Result<Response<B>, E>, Box<dyn std::any::Any + Send>>,
    context: &Exchange,
    settings: &Settings,
) -> Response<ProblemBody<B>> {
    let response = match outcome {
        Ok(Ok(response)) => response,
        Ok(Err(error)) => {
            // An inner layer's failure (a timeout, an overload): logged, never sent.
            let problem = Problem::new(&builtin::INTERNAL_ERROR).with_boxed_source(error.into());
            return render(context, settings, &problem, HeaderMap::new());
        }
        Err(panic) => {
            log::panicked(&context.id, panic_message(&*panic));
            let problem = Problem::new(&builtin::INTERNAL_ERROR);
            return render(context, settings, &problem, HeaderMap::new());
        }
    };
    let (mut parts, body) = response.into_parts();
    let problem = parts
        .extensions
        .remove::<Problem>()
        .or_else(|| is_bare(&parts, &body).then(|| problem_for_status(parts.status.as_u16())));
    match problem {
        Some(problem) => {
            let mut kept = HeaderMap::new();
            for (name, value) in &parts.headers {
                if Exchange::keeps(name.as_str()) {
                    kept.append(name.clone(), value.clone());
                }
            }
            render(context, settings, &problem, kept)
        }
        None => {
            set_request_id(&mut parts.headers, &context.id);
            context.log_access(settings.access_log, parts.status.as_u16(), None);
            Response::from_parts(parts, Either::Left(body))
        }
    }
}

/// Whether a response is a bare error status, as a router makes for an unknown route or a
/// wrong method: 4xx or 5xx with no body, and no header that describes one (the empty body
/// of a `HEAD` still has its `Content-Type`).
fn is_bare<B: HttpBody>(parts: &http::response::Parts, body: &B) -> bool {
    let error = parts.status.is_client_error() || parts.status.is_server_error();
    let empty = body.size_hint().exact() == Some(0) || body.is_end_stream();
    let described = parts.headers.contains_key(CONTENT_TYPE)
        || parts
            .headers
            .get(CONTENT_LENGTH)
            .is_some_and(|length| length.as_bytes() != b"0");
    error && empty && !described
}

/// `problem` rendered for the request, as this service's body.
fn render<B>(
    context: &Exchange,
    settings: &Settings,
    problem: &Problem,
    kept: HeaderMap,
) -> Response<ProblemBody<B>> {
    let rendered = context.render(&settings.renderer, settings.access_log, problem, kept);
    let (mut parts, body) = rendered.into_response().into_parts();
    set_request_id(&mut parts.headers, &context.id);
    Response::from_parts(parts, Either::Right(Full::new(Bytes::from(body))))
}

/// `X-Request-ID`, made at compile time: a name looked up by string is parsed each time.
const REQUEST_ID_HEADER: HeaderName = HeaderName::from_static(X_REQUEST_ID);

fn set_request_id(headers: &mut HeaderMap, id: &RequestId) {
    if let Ok(value) = HeaderValue::from_str(id.as_str()) {
        headers.insert(REQUEST_ID_HEADER, value);
    }
}
