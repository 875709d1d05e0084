//! [`ProblemService`]: per request, a request id and what rendering a problem needs kept;
//! then the answer ([`ProblemFuture`]): the inner service's response, or every problem
//! response rendered for the request, written into the response it replaces; 5xx causes
//! logged.

use std::rc::Rc;

use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{
    Extensions, Response, Service, ServiceRequest, ServiceResponse, forward_ready,
};
use actix_web::http::header::{ALLOW, HeaderName, HeaderValue, WWW_AUTHENTICATE};
use actix_web::http::{Method, Uri};
use actix_web::{HttpMessage, HttpResponse};

use super::convert::{self, NegotiationLines};
use super::future::ProblemFuture;
use super::layer::Settings;
use super::mapping::{problem_of, problem_of_error};
use super::rendered::Rendered;
use crate::adapter::catch_panic::panic_message;
use crate::adapter::exchange::Exchange;
use crate::adapter::log;
use crate::catalog::builtin;
use crate::render::RenderedProblem;
use crate::request_id::X_REQUEST_ID;
use crate::{Problem, RequestId};

/// The service [`ProblemMiddleware`](super::ProblemMiddleware) wraps around an `App`; actix builds it from the
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
    pub(super) service: S,
    pub(super) settings: Rc<Settings>,
}

impl<S, B> Service<ServiceRequest> for ProblemService<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = actix_web::Error;
    type Future = ProblemFuture<S::Future>;

    forward_ready!(service);

    fn call(&self, mut req: ServiceRequest) -> Self::Future {
        let id =
            RequestId::for_request(req.headers().get(&REQUEST_ID_HEADER).map(|v| v.as_bytes()));
        req.extensions_mut().insert(id.clone());
        let method = req.method().clone();
        if self.settings.head_as_get && method == Method::HEAD {
            req.head_mut().method = Method::GET;
        }
        // Routing needs the request uniquely owned, so keep what rendering needs should
        // the inner service panic or fail without giving the request back: clones that
        // share the request's bytes.
        let exchange = Exchange {
            id,
            method: convert::method(&method),
            path: req.uri().clone(),
            negotiation: NegotiationLines::of(req.headers()),
        };
        let span = tracing::info_span!("request", request_id = %exchange.id);
        let service = &self.service;
        ProblemFuture::new(
            || service.call(req),
            exchange,
            Rc::clone(&self.settings),
            span,
        )
    }
}

/// The response for what the inner service did: its own response, the problem it
/// stands for rendered, or a panic's 500.
pub(super) fn answer<B: MessageBody + 'static>(
    outcome: Result<Result<ServiceResponse<B>, actix_web::Error>, Box<dyn std::any::Any + Send>>,
    context: &Exchange<Uri, NegotiationLines>,
    settings: &Settings,
) -> Result<ServiceResponse<EitherBody<B>>, actix_web::Error> {
    match outcome {
        Ok(Ok(res)) => {
            let Some(problem) = problem_of(res.response()) else {
                let mut res = res.map_into_left_body();
                set_request_id(res.headers_mut(), &context.id);
                context.log_access(settings.access_log, res.status().as_u16(), None);
                return Ok(res);
            };
            let rendered = render(context, settings, &problem, Some(res.headers()));
            drop(problem);
            // The problem is written into the response it replaces: its head (and the
            // headers the handler or an inner middleware set) is reused, not copied.
            // What says "a problem to render" goes, as it would with a new response:
            // going through actix's `Response` drops the response's error, and its
            // extensions (the problem's placeholder put the problem there) are emptied.
            let (request, response) = res.into_parts();
            let mut response = Response::from(response);
            *response.extensions_mut() = Extensions::new();
            let body =
                convert::write_problem(response.head_mut(), rendered, &settings.content_languages);
            set_request_id(response.headers_mut(), &context.id);
            let response = response.set_body(EitherBody::right(BoxBody::new(body)));
            Ok(ServiceResponse::new(request, HttpResponse::from(response)))
        }
        Ok(Err(error)) => {
            let problem = problem_of_error(&error);
            Err(Rendered::new(new_response(context, settings, &problem)).into())
        }
        Err(panic) => {
            log::panicked(&context.id, panic_message(&*panic));
            let problem = Problem::new(&builtin::INTERNAL_ERROR);
            Err(Rendered::new(new_response(context, settings, &problem)).into())
        }
    }
}

/// `problem` rendered for the request. Of the headers the response it replaces carries
/// (`original`), rendering reads only whether a 401 has its challenge and a 405 its
/// `Allow`; they stay where they are (`write_problem`).
fn render(
    context: &Exchange<Uri, NegotiationLines>,
    settings: &Settings,
    problem: &Problem,
    original: Option<&actix_web::http::header::HeaderMap>,
) -> RenderedProblem {
    let mut carried = http::HeaderMap::new();
    let status = problem.response_status();
    if let Some(original) = original.filter(|_| status == 401 || status == 405) {
        convert::append_headers(&mut carried, original, |name| {
            name == WWW_AUTHENTICATE || name == ALLOW
        });
    }
    context.render(&settings.renderer, settings.access_log, problem, carried)
}

/// `problem` rendered for the request, as a response of its own (when there is none to
/// reuse).
fn new_response(
    context: &Exchange<Uri, NegotiationLines>,
    settings: &Settings,
    problem: &Problem,
) -> HttpResponse {
    let rendered = render(context, settings, problem, None);
    let mut response = HttpResponse::new(actix_web::http::StatusCode::INTERNAL_SERVER_ERROR);
    let body = convert::write_problem(response.head_mut(), rendered, &settings.content_languages);
    set_request_id(response.headers_mut(), &context.id);
    response.set_body(BoxBody::new(body))
}

/// `X-Request-ID`, made at compile time: a name looked up by string is parsed each time.
const REQUEST_ID_HEADER: HeaderName = HeaderName::from_static(X_REQUEST_ID);

/// Sets `X-Request-ID` on a response of the inner service's own.
fn set_request_id(headers: &mut actix_web::http::header::HeaderMap, id: &RequestId) {
    if let Ok(value) = HeaderValue::from_str(id.as_str()) {
        headers.insert(REQUEST_ID_HEADER, value);
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::sync::{Arc, Mutex};
    use std::task::{Context as TaskContext, Waker};

    use actix_web::{App, test, web};

    use super::*;
    use crate::actix::ProblemMiddleware;

    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl Write for Captured {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[actix_web::test]
    async fn a_request_dropped_unanswered_writes_one_access_line() {
        let captured = Captured::default();
        let writer = captured.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .finish();
        let _guard = tracing::subscriber::set_default(subscriber);
        let renderer = Arc::new(crate::Renderer::new(
            crate::Registry::with_builtins("https://x.test/").unwrap(),
            crate::i18n::Messages::builder().build().unwrap(),
        ));
        let app = test::init_service(
            App::new()
                .route(
                    "/never",
                    web::get().to(std::future::pending::<HttpResponse>),
                )
                .wrap(ProblemMiddleware::new(renderer).access_log(true)),
        )
        .await;
        let request = test::TestRequest::get()
            .uri("/never")
            .insert_header(("x-request-id", "dropped-1"))
            .to_request();
        let mut call = Box::pin(app.call(request));
        let mut context = TaskContext::from_waker(Waker::noop());
        assert!(call.as_mut().poll(&mut context).is_pending());
        drop(call);
        let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
        let lines: Vec<_> = log.lines().filter(|l| l.contains("dropped-1")).collect();
        assert_eq!(lines.len(), 1, "{log}");
        assert!(
            lines[0].contains("client went away before the response"),
            "{log}"
        );
        assert!(lines[0].contains("path=/never"), "{log}");
    }
}
