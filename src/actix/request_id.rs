//! [`RequestId`]: the id of one request, in its `X-Request-ID` header and problem bodies.

use std::collections::hash_map::RandomState;
use std::fmt;
use std::future::{ready, Ready};
use std::hash::BuildHasher;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use actix_web::{dev::Payload, FromRequest, HttpMessage, HttpRequest};

/// The id of the current request: the incoming `X-Request-ID` when it is 1–64 characters
/// of `A-Z a-z 0-9 . _ -`, otherwise a fresh id unique within the process and unlikely to
/// repeat across restarts. Set by [`ProblemMiddleware`](super::ProblemMiddleware); a
/// handler takes it as an extractor.
///
/// # Examples
///
/// ```
/// use pardon::actix::RequestId;
///
/// assert_eq!(RequestId::from_header("abc-123.x_y").unwrap().as_str(), "abc-123.x_y");
/// assert!(RequestId::from_header("has space").is_none());
/// assert!(RequestId::from_header(&"a".repeat(65)).is_none());
/// assert_ne!(RequestId::fresh(), RequestId::fresh());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RequestId(String);

impl RequestId {
    /// The incoming value, if it is an acceptable id.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(pardon::actix::RequestId::from_header("").is_none());
    /// ```
    #[must_use]
    pub fn from_header(value: &str) -> Option<RequestId> {
        let valid = (1..=64).contains(&value.len())
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
        valid.then(|| RequestId(value.to_owned()))
    }

    /// A new id: a per-process random prefix and a counter.
    ///
    /// # Examples
    ///
    /// ```
    /// let id = pardon::actix::RequestId::fresh();
    /// assert!(pardon::actix::RequestId::from_header(id.as_str()).is_some());
    /// ```
    #[must_use]
    pub fn fresh() -> RequestId {
        static PREFIX: OnceLock<u64> = OnceLock::new();
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let prefix = PREFIX.get_or_init(|| RandomState::new().hash_one(std::process::id()));
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        RequestId(format!("{prefix:016x}-{n:x}"))
    }

    /// The id as text.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::actix::RequestId::from_header("r1").unwrap().as_str(), "r1");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The id the middleware assigned; a fresh one when the middleware is not installed.
impl FromRequest for RequestId {
    type Error = actix_web::Error;
    type Future = Ready<Result<RequestId, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let id = req.extensions().get::<RequestId>().cloned();
        ready(Ok(id.unwrap_or_else(RequestId::fresh)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_exactly_the_allowed_alphabet() {
        assert!(RequestId::from_header(&"a".repeat(64)).is_some());
        for bad in ["a/b", "a b", "ä", "a\nb", "<x>", "a,b"] {
            assert!(RequestId::from_header(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn fresh_ids_are_unique() {
        let ids: std::collections::HashSet<_> = (0..1000).map(|_| RequestId::fresh()).collect();
        assert_eq!(ids.len(), 1000);
    }
}
