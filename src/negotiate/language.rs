//! `Accept-Language` ([RFC 9110 §12.5.4](https://www.rfc-editor.org/rfc/rfc9110#section-12.5.4),
//! [RFC 4647 §3.4](https://www.rfc-editor.org/rfc/rfc4647#section-3.4) lookup): which of
//! the supported locales a problem speaks.

use http::HeaderMap;

use super::qvalue::{MAX_ELEMENTS, QValue, for_each_element, parameter, split_once_byte, trim_ows};

/// The index in `supported` of the locale to answer in; `supported[0]` is the default.
///
/// Each supported locale takes the highest quality among the ranges that match it — the
/// same tag, or a more specific one that falls back to it (`fr-CA` → `fr`), or a less
/// specific one (`pt` → `pt-BR`) — and `*` gives its quality to the locales no range
/// names. A range with `q=0` naming the locale exactly excludes it; a more or less
/// specific one with `q=0` does not touch it. The highest quality wins; ties go to the
/// range written first, then to the closest match — the same tag, then the longest
/// truncation of the range (as [RFC 4647 §3.4](https://www.rfc-editor.org/rfc/rfc4647#section-3.4)
/// lookup truncates it), then a more specific locale — then to the order of `supported`.
/// When the header is absent or malformed, or excludes or misses every locale, the default
/// wins.
///
/// Reads at most 32 list elements; allocates nothing.
///
/// # Examples
///
/// ```
/// use http::{header::ACCEPT_LANGUAGE, HeaderMap, HeaderValue};
/// use pardon::negotiate::negotiate_language;
///
/// let supported = ["en", "fr", "de", "es", "es-MX"];
/// let mut headers = HeaderMap::new();
/// assert_eq!(negotiate_language(&headers, &supported), 0);
/// headers.insert(ACCEPT_LANGUAGE, HeaderValue::from_static("fr-CA, en;q=0.5"));
/// assert_eq!(negotiate_language(&headers, &supported), 1);
/// headers.insert(ACCEPT_LANGUAGE, HeaderValue::from_static("fr;q=0, de"));
/// assert_eq!(negotiate_language(&headers, &supported), 2);
/// headers.insert(ACCEPT_LANGUAGE, HeaderValue::from_static("es-MX"));
/// assert_eq!(negotiate_language(&headers, &supported), 4);
/// headers.insert(ACCEPT_LANGUAGE, HeaderValue::from_static("tlh, !!garbage"));
/// assert_eq!(negotiate_language(&headers, &supported), 0);
/// ```
pub fn negotiate_language<S: AsRef<str>>(headers: &HeaderMap, supported: &[S]) -> usize {
    if headers.is_empty() {
        return 0;
    }
    let values = headers.get_all(http::header::ACCEPT_LANGUAGE);
    if values.iter().next().is_none() {
        return 0;
    }
    let mut parsed = [("", QValue::ZERO); MAX_ELEMENTS];
    let ranges = parse_ranges(values, &mut parsed);
    let mut best: Option<(Score, usize)> = None;
    for (index, locale) in supported.iter().enumerate() {
        let Some(score) = score(ranges, locale.as_ref()) else {
            continue;
        };
        if score.q > QValue::ZERO && best.is_none_or(|(b, _)| score.beats(&b)) {
            best = Some((score, index));
        }
    }
    best.map_or(0, |(_, index)| index)
}

/// The supported locales the client accepts, best first, as [`negotiate_language`] ranks
/// them: at most `N` indexes into `supported` (the rest of `out` is left as it was), and
/// how many were written. Nothing acceptable writes nothing.
pub(crate) fn rank_languages<S: AsRef<str>, const N: usize>(
    headers: &HeaderMap,
    supported: &[S],
    out: &mut [usize; N],
) -> usize {
    if headers.is_empty() {
        return 0;
    }
    let values = headers.get_all(http::header::ACCEPT_LANGUAGE);
    if values.iter().next().is_none() {
        return 0;
    }
    let mut parsed = [("", QValue::ZERO); MAX_ELEMENTS];
    let ranges = parse_ranges(values, &mut parsed);
    // Insertion into a short sorted list: `N` is small.
    let mut best: [Option<(Score, usize)>; N] = [None; N];
    for (index, locale) in supported.iter().enumerate() {
        let Some(score) = score(ranges, locale.as_ref()).filter(|s| s.q > QValue::ZERO) else {
            continue;
        };
        let Some(at) = best
            .iter()
            .position(|slot| slot.is_none_or(|(b, _)| score.beats(&b)))
        else {
            continue;
        };
        // Shift the worse ones down one place; the last falls off.
        for i in (at + 1..N).rev() {
            best[i] = best[i - 1];
        }
        best[at] = Some((score, index));
    }
    let mut written = 0;
    for (slot, (_, index)) in out.iter_mut().zip(best.iter().flatten()) {
        *slot = *index;
        written += 1;
    }
    written
}

/// How well the ranges match one locale.
#[derive(Clone, Copy)]
struct Score {
    q: QValue,
    /// The position of the range that matched; earlier is better.
    position: usize,
    closeness: Closeness,
}

/// How close a range is to a locale, worst first: `*`, a range less specific than the
/// locale (`pt` for `pt-BR`), a truncation of the range (`fr` for `fr-CA`; a longer
/// truncation is closer), the same tag.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Closeness {
    Wildcard,
    Broader,
    Truncation(usize),
    Exact,
}

impl Score {
    fn beats(&self, other: &Score) -> bool {
        (self.q, std::cmp::Reverse(self.position), self.closeness)
            > (other.q, std::cmp::Reverse(other.position), other.closeness)
    }
}

/// How well `ranges` match `locale`; `None` when no range (not even `*`) matches it, or
/// it is excluded.
fn score(ranges: &[(&str, QValue)], locale: &str) -> Option<Score> {
    use std::cmp::Ordering::{Equal, Greater, Less};
    let mut matched: Option<Score> = None;
    let mut wildcard: Option<Score> = None;
    for (position, &(range, q)) in ranges.iter().enumerate() {
        // The lengths say which single comparison can match.
        let closeness = if is_wildcard(range) {
            if wildcard.is_none() {
                wildcard = Some(Score {
                    q,
                    position,
                    closeness: Closeness::Wildcard,
                });
            }
            continue;
        } else if !first_letters_match(range, locale) {
            // An exact match, a truncation and a broader range all start alike.
            continue;
        } else {
            match range.len().cmp(&locale.len()) {
                Equal if range.eq_ignore_ascii_case(locale) => {
                    if q == QValue::ZERO {
                        return None;
                    }
                    Closeness::Exact
                }
                // `fr-CA;q=0` refuses fr-CA alone, not fr: only a weight counts by prefix.
                _ if q == QValue::ZERO => continue,
                Greater if prefixes(locale, range) => Closeness::Truncation(locale.len()),
                Less if prefixes(range, locale) => Closeness::Broader,
                _ => continue,
            }
        };
        let candidate = Score {
            q,
            position,
            closeness,
        };
        if matched.is_none_or(|m| candidate.beats(&m)) {
            matched = Some(candidate);
        }
    }
    matched.or(wildcard)
}

/// Whether `a` and `b` start with the same letter, whatever its case.
fn first_letters_match(a: &str, b: &str) -> bool {
    match (a.as_bytes().first(), b.as_bytes().first()) {
        (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
        _ => false,
    }
}

/// Whether `range` is `*`: a byte compared, not a string.
fn is_wildcard(range: &str) -> bool {
    range.as_bytes() == [b'*']
}

/// Whether `short` is `long` truncated at a subtag boundary (`fr` of `fr-CA`).
fn prefixes(short: &str, long: &str) -> bool {
    long.len() > short.len()
        && long.as_bytes()[short.len()] == b'-'
        && long[..short.len()].eq_ignore_ascii_case(short)
}

/// The valid ranges of the request's `Accept-Language`, parsed once onto the stack: of at
/// most [`MAX_ELEMENTS`] elements.
fn parse_ranges<'h, 'p>(
    values: http::header::GetAll<'h, http::HeaderValue>,
    parsed: &'p mut [(&'h str, QValue); MAX_ELEMENTS],
) -> &'p [(&'h str, QValue)] {
    let mut count = 0;
    for_each_element(values, |element| {
        if let Some(range) = parse_range(element) {
            parsed[count] = range;
            count += 1;
        }
    });
    &parsed[..count]
}

/// `language-range [ weight ]`; `None` when malformed.
fn parse_range(element: &str) -> Option<(&str, QValue)> {
    let (range, params) = split_once_byte(element, b';').unwrap_or((element, ""));
    let range = trim_ows(range);
    if !is_language_range(range) {
        return None;
    }
    let params = trim_ows(params);
    if params.is_empty() {
        return Some((range, QValue::ONE));
    }
    // `q=0.5`, the form browsers send, read at once; any other form by the general rule.
    if let [b'q' | b'Q', b'=', ..] = params.as_bytes()
        && let Ok(q) = params[2..].parse()
    {
        return Some((range, q));
    }
    let (name, value) = parameter(params)?;
    if !name.eq_ignore_ascii_case("q") {
        return None;
    }
    Some((range, value.parse().ok()?))
}

/// `language-range = (1*8ALPHA *("-" 1*8alphanum)) / "*"` (RFC 4647 §2.1).
fn is_language_range(range: &str) -> bool {
    if is_wildcard(range) {
        return true;
    }
    // 1*8ALPHA *("-" 1*8alphanum), byte by byte.
    let mut first = true;
    let mut length = 0;
    for b in range.bytes() {
        if b == b'-' {
            if length == 0 {
                return false;
            }
            first = false;
            length = 0;
        } else if b.is_ascii_alphabetic() || (!first && b.is_ascii_digit()) {
            length += 1;
            if length > 8 {
                return false;
            }
        } else {
            return false;
        }
    }
    length > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranked(header: &str, supported: &[&str]) -> Vec<usize> {
        let mut headers = HeaderMap::new();
        headers.insert(
            http::header::ACCEPT_LANGUAGE,
            http::HeaderValue::from_str(header).unwrap(),
        );
        let mut out = [0; 4];
        let n = rank_languages(&headers, supported, &mut out);
        out[..n].to_vec()
    }

    #[test]
    fn acceptable_locales_are_ranked_as_the_best_is_chosen() {
        let supported = ["en", "fr", "de", "es", "ar"];
        assert_eq!(ranked("de, fr;q=0.9", &supported), [2, 1]);
        assert_eq!(ranked("fr-CA, en;q=0.5", &supported), [1, 0]);
        assert_eq!(ranked("*;q=0.1, ar", &supported), [4, 0, 1, 2]);
        assert_eq!(ranked("tlh, *;q=0", &supported), Vec::<usize>::new());
        for header in [
            "de, fr;q=0.9",
            "es;q=0.2, ar;q=0.3",
            "*",
            "fr-CA",
            "x, en-GB",
        ] {
            let mut headers = HeaderMap::new();
            headers.insert(
                http::header::ACCEPT_LANGUAGE,
                http::HeaderValue::from_str(header).unwrap(),
            );
            let best = negotiate_language(&headers, &supported);
            let ranking = ranked(header, &supported);
            assert_eq!(ranking.first().copied().unwrap_or(0), best, "{header}");
        }
    }

    #[test]
    fn ranges_are_checked() {
        assert_eq!(
            parse_range("fr-CA;q=0.5").map(|(r, q)| (r, q.thousandths())),
            Some(("fr-CA", 500))
        );
        assert_eq!(parse_range(" * ").map(|(r, _)| r), Some("*"));
        for bad in [
            "",
            "fr_CA",
            "123",
            "toolongtag",
            "fr;q=2",
            "fr;level=1",
            "fr-",
            "-fr",
            "*-x",
        ] {
            assert!(parse_range(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn prefix_means_subtag_boundary() {
        assert!(prefixes("fr", "fr-CA"));
        assert!(prefixes("FR", "fr-ca"));
        assert!(!prefixes("fr", "fra"));
        assert!(!prefixes("fr", "fr"));
    }
}
