//! [`ProblemFuture`]: one request's answer from [`ProblemService`](super::ProblemService),
//! the inner service's future held in place (no box), polled with panics caught and
//! inside the request's span.

use std::any::Any;
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, ready};

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::ServiceResponse;
use actix_web::http::Uri;

use super::convert::NegotiationLines;
use super::layer::Settings;
use super::service::answer;
use crate::adapter::catch_panic::CatchPanic;
use crate::adapter::exchange::{Exchange, KeptPath};

/// The request's path, from its `Uri`: a clone of it shares the request's bytes, where a
/// copy of the path would allocate.
impl KeptPath for Uri {
    fn path(&self) -> &str {
        Uri::path(self)
    }
}

pin_project_lite::pin_project! {
    /// The future [`ProblemService`](super::ProblemService) returns for one request: the
    /// inner service's response, or the problem it stands for rendered for the request.
    /// actix polls it; no one names it.
    ///
    /// Should it be dropped before it is done (the client went away), the access log
    /// says so.
    ///
    /// # Examples
    ///
    /// ```
    /// use actix_web::{dev::Service, test, App};
    /// use pardon::actix::ProblemMiddleware;
    ///
    /// # actix_web::rt::System::new().block_on(async {
    /// # let renderer = std::sync::Arc::new(pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/").unwrap(), pardon::i18n::Messages::builder().build().unwrap()));
    /// let app = test::init_service(App::new().wrap(ProblemMiddleware::new(renderer))).await;
    /// // `call` returns a `ProblemFuture`.
    /// let response = app.call(test::TestRequest::get().uri("/").to_request()).await.unwrap();
    /// assert_eq!(response.status(), 404);
    /// # });
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "actix")))]
    pub struct ProblemFuture<F> {
        // `None` when the inner service's `call` panicked.
        #[pin]
        inner: Option<CatchPanic<F>>,
        panicked: Option<Box<dyn Any + Send>>,
        // `None` once answered.
        exchange: Option<Exchange<Uri, NegotiationLines>>,
        settings: Rc<Settings>,
        span: tracing::Span,
    }

    impl<F> PinnedDrop for ProblemFuture<F> {
        fn drop(this: Pin<&mut Self>) {
            let this = this.project();
            if let Some(exchange) = this.exchange.take() {
                let _entered = this.span.enter();
                exchange.went_away(this.settings.access_log);
            }
        }
    }
}

impl<F: Future> ProblemFuture<F> {
    /// The answer to the request the inner service's `call` starts, made here, inside the
    /// span and with a panic caught (`call` runs code of its own: routing, a middleware's).
    pub(super) fn new(
        call: impl FnOnce() -> F,
        exchange: Exchange<Uri, NegotiationLines>,
        settings: Rc<Settings>,
        span: tracing::Span,
    ) -> Self {
        let called = {
            let _entered = span.enter();
            catch_unwind(AssertUnwindSafe(call))
        };
        let (inner, panicked) = match called {
            Ok(inner) => (Some(CatchPanic::new(inner)), None),
            Err(payload) => (None, Some(payload)),
        };
        ProblemFuture {
            inner,
            panicked,
            exchange: Some(exchange),
            settings,
            span,
        }
    }
}

impl<F> std::fmt::Debug for ProblemFuture<F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProblemFuture")
            .field("answered", &self.exchange.is_none())
            .finish_non_exhaustive()
    }
}

impl<F, B> Future for ProblemFuture<F>
where
    F: Future<Output = Result<ServiceResponse<B>, actix_web::Error>>,
    B: MessageBody + 'static,
{
    type Output = Result<ServiceResponse<EitherBody<B>>, actix_web::Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let _entered = this.span.enter();
        let outcome = match this.inner.as_pin_mut() {
            Some(inner) => ready!(inner.poll(cx)),
            None => Err(this
                .panicked
                .take()
                .unwrap_or_else(|| Box::new("a ProblemFuture was polled after it completed"))),
        };
        // Polled again after its answer: a caller's mistake, never a request's.
        let Some(exchange) = this.exchange.take() else {
            panic!("a ProblemFuture was polled after it completed");
        };
        Poll::Ready(answer(outcome, &exchange, this.settings))
    }
}
