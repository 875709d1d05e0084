//! [`time_limit`]: waiting for an upstream, but not forever.

use std::fmt;
use std::future::IntoFuture;
use std::time::Duration;

use crate::Problem;
use crate::catalog::builtin;

/// Awaits `upstream_call`, giving up after `limit` with
/// [`UPSTREAM_TIMEOUT`](builtin::UPSTREAM_TIMEOUT) (504).
///
/// On time, the call's own output comes back unchanged (often a `Result` of its own, for
/// a second `?`). Late, the call is dropped, so whatever it held (a connection, a pool
/// slot) is released at once, and the problem's [internal cause](Problem::internal_cause) names
/// `upstream` and the limit. As for every 5xx, the middleware writes that cause to the
/// log with the request id and never sends it: the client reads only the localized
/// `UPSTREAM_TIMEOUT` document.
///
/// Runs on the server's runtime (tokio's timer), under actix-web and axum alike.
///
/// # Examples
///
/// ```
/// use std::time::Duration;
/// use pardon::actix::time_limit;
///
/// async fn forecast() -> Result<&'static str, std::io::Error> {
///     actix_web::rt::time::sleep(Duration::from_secs(5)).await;
///     Ok("sunny")
/// }
///
/// # actix_web::rt::System::new().block_on(async {
/// let late = time_limit(Duration::from_millis(10), "forecast service", forecast()).await;
/// let problem = late.unwrap_err();
/// assert_eq!(problem.code().unwrap().as_str(), "UPSTREAM_TIMEOUT");
/// assert_eq!(problem.response_status().as_u16(), 504);
/// assert_eq!(
///     problem.internal_cause().unwrap().to_string(),
///     "forecast service did not answer within 10ms"
/// );
///
/// let quick = time_limit(Duration::from_secs(1), "clock", async { 42 }).await;
/// assert_eq!(quick.unwrap(), 42);
/// # });
/// ```
#[cfg_attr(docsrs, doc(cfg(any(feature = "actix", feature = "axum"))))]
pub async fn time_limit<F: IntoFuture>(
    limit: Duration,
    upstream: &str,
    upstream_call: F,
) -> Result<F::Output, Problem> {
    tokio::time::timeout(limit, upstream_call)
        .await
        .map_err(|_| {
            Problem::new(&builtin::UPSTREAM_TIMEOUT).with_source(TimedOut {
                upstream: upstream.to_owned(),
                limit,
            })
        })
}

/// The cause of an [`UPSTREAM_TIMEOUT`](builtin::UPSTREAM_TIMEOUT): who was late, and the
/// limit it missed.
#[derive(Debug)]
struct TimedOut {
    upstream: String,
    limit: Duration,
}

impl fmt::Display for TimedOut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} did not answer within {:?}",
            self.upstream, self.limit
        )
    }
}

impl std::error::Error for TimedOut {}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_late_call_is_dropped_when_the_limit_passes() {
        struct Flag(std::rc::Rc<std::cell::Cell<bool>>);
        impl Drop for Flag {
            fn drop(&mut self) {
                self.0.set(true);
            }
        }
        let dropped = std::rc::Rc::new(std::cell::Cell::new(false));
        let held = Flag(std::rc::Rc::clone(&dropped));
        let call = async move {
            let _held = held;
            std::future::pending::<()>().await;
        };
        let started = std::time::Instant::now();
        let outcome = time_limit(Duration::from_millis(20), "never", call).await;
        assert!(outcome.is_err());
        assert!(dropped.get(), "the late call still holds its resources");
        assert!(started.elapsed() >= Duration::from_millis(20));
    }

    #[test]
    fn the_cause_reads_as_a_sentence() {
        let cause = TimedOut {
            upstream: "billing".to_owned(),
            limit: Duration::from_millis(1500),
        };
        assert_eq!(cause.to_string(), "billing did not answer within 1.5s");
    }
}
