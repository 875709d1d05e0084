//! Polling the inner service: a panic becomes an error value, and while it is polled the
//! thread is marked as inside a `ProblemMiddleware`.

use std::any::Any;
use std::cell::Cell;
use std::future::Future;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::pin::Pin;
use std::task::{Context, Poll};

/// Polls the inner future; a panic becomes `Err` with the panic's payload.
pub(crate) struct CatchPanic<F> {
    inner: Pin<Box<F>>,
}

impl<F: Future> CatchPanic<F> {
    pub(crate) fn new(inner: F) -> Self {
        CatchPanic {
            inner: Box::pin(inner),
        }
    }
}

impl<F: Future> Future for CatchPanic<F> {
    type Output = Result<F::Output, Box<dyn Any + Send>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        // The handler's state is dropped after a panic, never polled again, so observing
        // it half-updated is not possible.
        let inner = self.inner.as_mut();
        let _inside = Inside::enter();
        match catch_unwind(AssertUnwindSafe(|| inner.poll(cx))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(output)) => Poll::Ready(Ok(output)),
            Err(payload) => Poll::Ready(Err(payload)),
        }
    }
}

/// The panic message, for the log only.
pub(crate) fn panic_message(payload: &(dyn Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)")
}

thread_local! {
    /// How many `ProblemMiddleware`s are polling their inner service on this thread.
    static DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// Marks the current thread as inside a `ProblemMiddleware` until dropped (also when
/// the inner service panics).
struct Inside;

impl Inside {
    fn enter() -> Inside {
        DEPTH.with(|d| d.set(d.get() + 1));
        Inside
    }
}

impl Drop for Inside {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    }
}

/// Whether a `ProblemMiddleware` is polling on this thread, and so will render any
/// problem response for its request: `error_response` can then skip rendering.
pub(crate) fn inside_middleware() -> bool {
    DEPTH.with(Cell::get) > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn poll_once<F: Future>(future: F) -> Poll<F::Output> {
        let mut future = std::pin::pin!(future);
        future
            .as_mut()
            .poll(&mut Context::from_waker(std::task::Waker::noop()))
    }

    #[test]
    fn the_inner_future_knows_it_is_inside() {
        assert!(!inside_middleware());
        let seen = poll_once(CatchPanic::new(async { inside_middleware() }));
        assert!(matches!(seen, Poll::Ready(Ok(true))));
        assert!(!inside_middleware());
    }

    #[test]
    fn a_panic_becomes_its_message_and_leaves_the_depth_balanced() {
        let outcome = poll_once(CatchPanic::new(async { panic!("boom") }));
        match outcome {
            Poll::Ready(Err(payload)) => assert_eq!(panic_message(&*payload), "boom"),
            _ => panic!("the panic was not caught"),
        }
        assert!(!inside_middleware());
    }
}
