//! [`RequestId`]: the id of one request, in its `X-Request-ID` header and problem bodies,
//! by the same rules under every adapter.

use std::cell::Cell;
use std::collections::hash_map::RandomState;
use std::fmt;
use std::hash::BuildHasher;

/// The id of the current request: the incoming `X-Request-ID` when it is 1–64 characters
/// of `A-Z a-z 0-9 . _ -`, otherwise a fresh random id ([`RequestId::fresh`]). Set by the
/// adapters' middleware (`pardon::actix::ProblemMiddleware`, `pardon::axum::ProblemLayer`),
/// in the request's extensions; a handler takes it as an extractor.
///
/// # Examples
///
/// ```
/// use pardon::RequestId;
///
/// assert_eq!(RequestId::from_header("abc-123.x_y").unwrap().as_str(), "abc-123.x_y");
/// assert!(RequestId::from_header("has space").is_none());
/// assert!(RequestId::from_header(&"a".repeat(65)).is_none());
/// assert_ne!(RequestId::fresh(), RequestId::fresh());
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct RequestId {
    /// An id is at most [`RequestId::LONGEST`] ASCII bytes: kept inline, so that making,
    /// cloning and dropping one never allocates. Bytes past `len` are zero.
    len: u8,
    bytes: [u8; RequestId::LONGEST],
}

impl RequestId {
    /// The incoming value, if it is an acceptable id.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(pardon::RequestId::from_header("").is_none());
    /// ```
    #[must_use]
    pub fn from_header(value: &str) -> Option<RequestId> {
        is_request_id(value).then(|| RequestId::of_ascii(value.as_bytes()))
    }

    /// The longest id accepted.
    const LONGEST: usize = 64;

    /// An id of `ascii`, checked by the caller: at most [`RequestId::LONGEST`] ASCII bytes.
    fn of_ascii(ascii: &[u8]) -> RequestId {
        let mut id = RequestId {
            len: 0,
            bytes: [0; RequestId::LONGEST],
        };
        let len = ascii.len().min(RequestId::LONGEST);
        id.bytes[..len].copy_from_slice(&ascii[..len]);
        id.len = len as u8;
        id
    }

    /// A new id: 128 bits that no client can predict, as 32 lowercase hex digits.
    ///
    /// Each thread keeps a secret SipHash key (from the standard library's randomly seeded
    /// `RandomState`) and an even counter; an id is the keyed hashes of the counter and of
    /// the counter plus one, and the counter moves on by two. A client sees neither the
    /// key nor the counter, so ids tell nothing of how many requests were served and
    /// cannot be guessed from earlier ones; two never repeat on one thread, and across
    /// threads and restarts a repeat is a 2^-128 chance.
    ///
    /// # Examples
    ///
    /// ```
    /// let id = pardon::RequestId::fresh();
    /// assert_eq!(id.as_str().len(), 32);
    /// assert!(id.as_str().bytes().all(|b| b.is_ascii_hexdigit()));
    /// assert!(pardon::RequestId::from_header(id.as_str()).is_some());
    /// ```
    #[must_use]
    pub fn fresh() -> RequestId {
        thread_local! {
            static SOURCE: (RandomState, Cell<u64>) = (RandomState::new(), Cell::new(0));
        }
        let bits = SOURCE.with(|(key, counter)| {
            // Two distinct inputs per id, each a single word (the cheapest to hash); the
            // counter is even, so `n + 1` cannot overflow.
            let n = counter.get();
            counter.set(n.wrapping_add(2));
            (u128::from(key.hash_one(n)) << 64) | u128::from(key.hash_one(n + 1))
        });
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut digits = [0u8; 32];
        for (pair, byte) in digits.chunks_exact_mut(2).zip(bits.to_be_bytes()) {
            pair[0] = HEX[usize::from(byte >> 4)];
            pair[1] = HEX[usize::from(byte & 0xF)];
        }
        RequestId::of_ascii(&digits)
    }

    /// The id as text.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::RequestId::from_header("r1").unwrap().as_str(), "r1");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        // ASCII, checked when made: never the empty fallback.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl fmt::Display for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("RequestId").field(&self.as_str()).finish()
    }
}

/// Whether `value` can be a request id: 1–64 of `A-Z a-z 0-9 . _ -`.
pub(crate) fn is_request_id(value: &str) -> bool {
    (1..=64).contains(&value.len())
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// The request id header, on every response.
#[cfg_attr(not(any(feature = "actix", feature = "tower")), allow(dead_code))]
pub(crate) const X_REQUEST_ID: &str = "x-request-id";

impl RequestId {
    /// The request's id: its `X-Request-ID` when acceptable, else a fresh one.
    #[cfg_attr(not(any(feature = "actix", feature = "tower")), allow(dead_code))]
    pub(crate) fn for_request(header: Option<&[u8]>) -> RequestId {
        header
            .and_then(|v| std::str::from_utf8(v).ok())
            .and_then(RequestId::from_header)
            .unwrap_or_else(RequestId::fresh)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_kept_inline_read_back_whole_and_compare_by_their_text() {
        let longest = "a".repeat(64);
        assert_eq!(RequestId::from_header(&longest).unwrap().as_str(), longest);
        let id = RequestId::from_header("r-1.x_Y").unwrap();
        assert_eq!(id.as_str(), "r-1.x_Y");
        assert_eq!(format!("{id:?}"), r#"RequestId("r-1.x_Y")"#);
        assert_eq!(id.to_string(), "r-1.x_Y");
        assert_eq!(id.clone(), RequestId::from_header("r-1.x_Y").unwrap());
        assert_ne!(id, RequestId::from_header("r-1.x_Y0").unwrap());
        let state = std::collections::hash_map::RandomState::new();
        assert_eq!(state.hash_one(&id), state.hash_one(id.clone()));
    }

    #[test]
    fn accepts_exactly_the_allowed_alphabet() {
        assert!(RequestId::from_header(&"a".repeat(64)).is_some());
        for bad in ["a/b", "a b", "ä", "a\nb", "<x>", "a,b"] {
            assert!(RequestId::from_header(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn fresh_ids_are_unique_and_do_not_count() {
        let ids: Vec<RequestId> = (0..1000).map(|_| RequestId::fresh()).collect();
        let unique: std::collections::HashSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), 1000);
        // Consecutive ids share no prefix that a counter would leave.
        let shared = ids
            .windows(2)
            .filter(|w| w[0].as_str()[..8] == w[1].as_str()[..8])
            .count();
        assert!(
            shared < 5,
            "{shared} consecutive ids share their first 8 digits"
        );
        // Every hex digit is used in every position, as random bits would.
        for position in [0, 15, 31] {
            let digits: std::collections::HashSet<u8> = ids
                .iter()
                .map(|id| id.as_str().as_bytes()[position])
                .collect();
            assert_eq!(digits.len(), 16, "position {position}");
        }
    }
}
