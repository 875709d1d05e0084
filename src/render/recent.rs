//! What negotiation decided for the header values a thread saw last. Clients repeat
//! their `Accept` and `Accept-Language` exactly, request after request, so each worker
//! thread keeps a few outcomes, keyed by the renderer and the two headers' bytes, and
//! reads `Accept` and `Accept-Language` once per distinct pair.
//!
//! The table is small, fixed and per thread: no lock, no allocation, no growth, whatever
//! clients send. A header with more than one line, or longer than [`LONGEST`] bytes, is
//! negotiated each time. An entry answers only for the very bytes it was made from, so an
//! answer from the table is the answer negotiation gives.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use http::header::{ACCEPT, ACCEPT_LANGUAGE};
use http::{HeaderMap, HeaderName};

use super::renderer::Negotiated;
use crate::word_hash;

/// Entries per thread.
const SLOTS: usize = 32;
/// The longest header value kept: browsers' `Accept-Language` and every API client's
/// `Accept` fit, as does Firefox's navigation `Accept`.
const LONGEST: usize = 96;

/// A new renderer's id: entries of one renderer never answer for another.
pub(crate) fn renderer_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The negotiation for `request` by the renderer `renderer`, from the thread's table when
/// it holds the same headers, else `negotiate()`'s, then kept.
pub(crate) fn negotiated(
    renderer: u64,
    request: &HeaderMap,
    negotiate: impl FnOnce() -> Negotiated,
) -> Negotiated {
    let Some((accept, language)) = negotiation_lines(request) else {
        return negotiate();
    };
    let slot = slot(renderer, accept, language);
    // `try_with`: while the thread's storage is being torn down, nothing is kept.
    let kept = RECENT
        .try_with(|recent| {
            let recent = recent.borrow();
            let entry = &recent[slot];
            (entry.renderer == renderer && entry.accept.is(accept) && entry.language.is(language))
                .then_some(entry.negotiated)
        })
        .ok()
        .flatten();
    if let Some(negotiated) = kept {
        return negotiated;
    }
    let negotiated = negotiate();
    if let (Some(accept), Some(language)) = (Value::new(accept), Value::new(language)) {
        let _ = RECENT.try_with(|recent| {
            recent.borrow_mut()[slot] = Entry {
                renderer,
                accept,
                language,
                negotiated,
            };
        });
    }
    negotiated
}

/// Where the entry for these lines of this renderer goes.
fn slot(renderer: u64, accept: Line<'_>, language: Line<'_>) -> usize {
    let hash = word_hash::mix_ends(
        word_hash::mix_ends(word_hash::mix(0, renderer), accept.unwrap_or_default()),
        language.unwrap_or_default(),
    );
    (hash % SLOTS as u64) as usize
}

thread_local! {
    static RECENT: RefCell<[Entry; SLOTS]> = const { RefCell::new([Entry::EMPTY; SLOTS]) };
}

#[derive(Clone, Copy)]
struct Entry {
    /// 0 for none: ids start at 1.
    renderer: u64,
    accept: Value,
    language: Value,
    negotiated: Negotiated,
}

impl Entry {
    const EMPTY: Entry = Entry {
        renderer: 0,
        accept: Value::ABSENT,
        language: Value::ABSENT,
        negotiated: Negotiated::DEFAULT,
    };
}

/// One header's value, or its absence, as kept.
#[derive(Clone, Copy)]
struct Value {
    /// The length, or [`Value::ABSENT_LEN`].
    len: u8,
    bytes: [u8; LONGEST],
}

impl Value {
    const ABSENT_LEN: u8 = u8::MAX;
    const ABSENT: Value = Value {
        len: Value::ABSENT_LEN,
        bytes: [0; LONGEST],
    };

    /// `line` (or its absence) as kept; `None` when it is too long.
    fn new(line: Line<'_>) -> Option<Value> {
        let Some(line) = line else {
            return Some(Value::ABSENT);
        };
        let len = u8::try_from(line.len())
            .ok()
            .filter(|&len| usize::from(len) <= LONGEST)?;
        let mut value = Value {
            len,
            bytes: [0; LONGEST],
        };
        value.bytes[..line.len()].copy_from_slice(line);
        Some(value)
    }

    /// Whether this is `line`, or its absence.
    fn is(&self, line: Line<'_>) -> bool {
        match line {
            None => self.len == Value::ABSENT_LEN,
            Some(line) => {
                usize::from(self.len) == line.len() && self.bytes.get(..line.len()) == Some(line)
            }
        }
    }
}

/// A header's only line, or `None` when the header is absent.
type Line<'r> = Option<&'r [u8]>;

/// The `Accept` and `Accept-Language` lines of `request` (each `None` when absent); `None`
/// when either has several lines (then it is negotiated each time).
fn negotiation_lines(request: &HeaderMap) -> Option<(Line<'_>, Line<'_>)> {
    // A map of a few headers (what the adapters pass) is read in one pass, without
    // hashing a name.
    if request.len() > 4 {
        return Some((
            single_line(request, &ACCEPT)?,
            single_line(request, &ACCEPT_LANGUAGE)?,
        ));
    }
    let (mut accept, mut language) = (None, None);
    for (name, value) in request {
        let line = if name == ACCEPT {
            &mut accept
        } else if name == ACCEPT_LANGUAGE {
            &mut language
        } else {
            continue;
        };
        if line.replace(value.as_bytes()).is_some() {
            return None;
        }
    }
    Some((accept, language))
}

/// The header `name` of `request`: `Some(None)` when absent, `None` when it has several
/// lines.
fn single_line<'r>(request: &'r HeaderMap, name: &HeaderName) -> Option<Line<'r>> {
    let mut lines = request.get_all(name).iter();
    let Some(line) = lines.next() else {
        return Some(None);
    };
    lines.next().is_none().then_some(Some(line.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(accept: &[&str], language: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in accept {
            headers.append(ACCEPT, value.parse().unwrap());
        }
        for value in language {
            headers.append(ACCEPT_LANGUAGE, value.parse().unwrap());
        }
        headers
    }

    #[test]
    fn absent_and_empty_are_told_apart_and_long_or_repeated_headers_are_not_kept() {
        let absent = Value::new(None).unwrap();
        let empty = Value::new(Some(b"")).unwrap();
        assert!(absent.is(None) && !absent.is(Some(b"")));
        assert!(empty.is(Some(b"")) && !empty.is(None));
        assert!(!empty.is(Some(b"\0")));
        let longest = "x".repeat(LONGEST);
        assert!(
            Value::new(Some(longest.as_bytes()))
                .unwrap()
                .is(Some(longest.as_bytes()))
        );
        let long = "x".repeat(LONGEST + 1);
        assert!(Value::new(Some(long.as_bytes())).is_none());
    }

    #[test]
    fn an_entry_answers_only_for_its_own_bytes() {
        use crate::i18n::Locale;
        let renderer = renderer_id();
        let slot_of = |language: &str| slot(renderer, None, Some(language.as_bytes()));
        // Two values of one length that share a slot.
        let letters = (b'a'..=b'z').flat_map(|a| (b'a'..=b'z').map(move |b| [a, b]));
        let pairs: Vec<String> = letters
            .map(|l| String::from_utf8(l.to_vec()).unwrap())
            .collect();
        let (first, other) = pairs
            .iter()
            .flat_map(|a| pairs.iter().map(move |b| (a, b)))
            .find(|(a, b)| a != b && slot_of(a) == slot_of(b))
            .unwrap();
        let answer = |locale| Negotiated::new(None, Locale::at(locale));
        let first_request = request(&[], &[first]);
        assert_eq!(
            negotiated(renderer, &first_request, || answer(1)),
            answer(1)
        );
        assert_eq!(
            negotiated(renderer, &first_request, || answer(9)),
            answer(1)
        );
        let other_request = request(&[], &[other]);
        assert_eq!(
            negotiated(renderer, &other_request, || answer(2)),
            answer(2)
        );
        // Another renderer, the same bytes: its own answer.
        let another = renderer_id();
        assert_eq!(negotiated(another, &other_request, || answer(3)), answer(3));
    }

    #[test]
    fn the_two_lines_are_read_alike_from_small_and_large_maps() {
        let mut large = request(&["a/b"], &["fr"]);
        for name in ["x-a", "x-b", "x-c", "x-d"] {
            large.insert(HeaderName::from_static(name), "1".parse().unwrap());
        }
        for headers in [request(&["a/b"], &["fr"]), large] {
            assert_eq!(
                negotiation_lines(&headers),
                Some((Some(&b"a/b"[..]), Some(&b"fr"[..])))
            );
        }
        assert_eq!(
            negotiation_lines(&request(&[], &["fr"])),
            Some((None, Some(&b"fr"[..])))
        );
        assert_eq!(negotiation_lines(&request(&["a", "b"], &[])), None);
        assert_eq!(negotiation_lines(&request(&[], &["a", "b"])), None);
        let mut large = request(&[], &["a", "b"]);
        for name in ["x-a", "x-b", "x-c", "x-d"] {
            large.insert(HeaderName::from_static(name), "1".parse().unwrap());
        }
        assert_eq!(negotiation_lines(&large), None);
    }
}
