//! `Accept` ([RFC 9110 §12.5.1](https://www.rfc-editor.org/rfc/rfc9110#section-12.5.1)):
//! which format a problem is rendered in.

use std::fmt;

use http::HeaderMap;

use super::qvalue::{QValue, for_each_element, is_token, parameter, split_once_byte, trim_ows};

/// A format a problem can be rendered in.
///
/// # Examples
///
/// ```
/// use pardon::negotiate::Format;
///
/// assert_eq!(Format::ProblemJson.content_type(), "application/problem+json");
/// assert_eq!(Format::Text.content_type(), "text/plain; charset=utf-8");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// `application/problem+json` ([RFC 9457 §3](https://www.rfc-editor.org/rfc/rfc9457#section-3)).
    ProblemJson,
    /// `application/json`: the same bytes, for clients that know only plain JSON.
    Json,
    /// `application/problem+xml` ([RFC 9457 Appendix B](https://www.rfc-editor.org/rfc/rfc9457#appendix-B)).
    ProblemXml,
    /// `text/plain; charset=utf-8`, for people and `curl`.
    Text,
    /// `text/html; charset=utf-8`, a small self-contained page.
    Html,
}

impl Format {
    /// Every format, in the default order of preference.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::negotiate::Format;
    ///
    /// assert_eq!(Format::ALL[0], Format::ProblemJson);
    /// assert_eq!(Format::ALL.len(), 5);
    /// ```
    pub const ALL: [Format; 5] = [
        Format::ProblemJson,
        Format::Json,
        Format::ProblemXml,
        Format::Text,
        Format::Html,
    ];

    /// The `Content-Type` it is sent with. JSON goes out bare: it is always UTF-8.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::negotiate::Format::Html.content_type(), "text/html; charset=utf-8");
    /// ```
    #[must_use]
    pub const fn content_type(self) -> &'static str {
        match self {
            Format::ProblemJson => "application/problem+json",
            Format::Json => "application/json",
            Format::ProblemXml => "application/problem+xml",
            Format::Text => "text/plain; charset=utf-8",
            Format::Html => "text/html; charset=utf-8",
        }
    }

    /// Type and subtype, lower case.
    fn essence(self) -> (&'static str, &'static str) {
        match self {
            Format::ProblemJson => ("application", "problem+json"),
            Format::Json => ("application", "json"),
            Format::ProblemXml => ("application", "problem+xml"),
            Format::Text => ("text", "plain"),
            Format::Html => ("text", "html"),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.content_type())
    }
}

/// The formats a server offers for problems, in its order of preference, and what to do
/// when the client accepts none of them.
///
/// By default every [`Format`] is offered and a client that accepts none still gets
/// `application/problem+json`: [RFC 9110 §15.5.7](https://www.rfc-editor.org/rfc/rfc9110#section-15.5.7)
/// lets an error response disregard `Accept`, and a 406 would hide the real error.
///
/// # Examples
///
/// ```
/// use http::{header::ACCEPT, HeaderMap, HeaderValue};
/// use pardon::negotiate::{Format, Offer};
///
/// let mut headers = HeaderMap::new();
/// headers.insert(ACCEPT, HeaderValue::from_static("text/*;q=0.3, text/html;q=0.7"));
/// assert_eq!(Offer::default().negotiate(&headers), Ok(Format::Html));
///
/// let json_only = Offer::new([Format::Json]);
/// assert_eq!(json_only.negotiate(&headers), Ok(Format::Json));
/// assert!(json_only.strict().negotiate(&headers).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    formats: Vec<Format>,
    strict: bool,
}

impl Default for Offer {
    fn default() -> Offer {
        Offer::new(Format::ALL)
    }
}

impl Offer {
    /// An offer of `formats`, in this order of preference (duplicates dropped). An empty
    /// offer means `application/problem+json` alone.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::negotiate::{Format, Offer};
    ///
    /// let offer = Offer::new([Format::Json, Format::ProblemJson, Format::Json]);
    /// assert_eq!(offer.formats(), [Format::Json, Format::ProblemJson]);
    /// assert_eq!(Offer::new([]).formats(), [Format::ProblemJson]);
    /// ```
    #[must_use]
    pub fn new(formats: impl IntoIterator<Item = Format>) -> Offer {
        let mut unique = Vec::new();
        for f in formats {
            if !unique.contains(&f) {
                unique.push(f);
            }
        }
        if unique.is_empty() {
            unique.push(Format::ProblemJson);
        }
        Offer {
            formats: unique,
            strict: false,
        }
    }

    /// Answers [`NotAcceptable`] instead of falling back when the client accepts none of
    /// the formats (the application then sends `NOT_ACCEPTABLE` 406).
    ///
    /// # Examples
    ///
    /// ```
    /// use http::{header::ACCEPT, HeaderMap, HeaderValue};
    /// use pardon::negotiate::Offer;
    ///
    /// let mut headers = HeaderMap::new();
    /// headers.insert(ACCEPT, HeaderValue::from_static("image/png"));
    /// assert!(Offer::default().strict().negotiate(&headers).is_err());
    /// assert!(Offer::default().negotiate(&headers).is_ok());
    /// ```
    #[must_use]
    pub fn strict(mut self) -> Offer {
        self.strict = true;
        self
    }

    /// Whether a request that accepts none of the formats is refused (406) rather than
    /// answered in the first.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::negotiate::Offer;
    ///
    /// assert!(Offer::default().strict().is_strict());
    /// assert!(!Offer::default().is_strict());
    /// ```
    #[must_use]
    pub fn is_strict(&self) -> bool {
        self.strict
    }

    /// The offered formats, in order of preference.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::negotiate::Offer::default().formats().len(), 5);
    /// ```
    #[must_use]
    pub fn formats(&self) -> &[Format] {
        &self.formats
    }

    /// The format for a request with these headers: the offered format with the highest
    /// quality, the most specific matching range deciding each format's quality. At equal
    /// quality a format the client names explicitly beats one it reaches through `type/*`,
    /// which beats one reached through `*/*` (`text/plain, */*` is text); remaining ties
    /// go to the earlier in the offer. No `Accept`, a malformed one, or one that
    /// accepts nothing offered gives the first offered format (unless strict).
    ///
    /// Reads at most 32 list elements; allocates nothing.
    ///
    /// # Errors
    ///
    /// [`NotAcceptable`], only for a [strict](Offer::strict) offer that the client
    /// accepts none of.
    ///
    /// # Examples
    ///
    /// ```
    /// use http::{header::ACCEPT, HeaderMap, HeaderValue};
    /// use pardon::negotiate::{Format, Offer};
    ///
    /// let mut headers = HeaderMap::new();
    /// assert_eq!(Offer::default().negotiate(&headers), Ok(Format::ProblemJson));
    /// headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
    /// assert_eq!(Offer::default().negotiate(&headers), Ok(Format::Json));
    /// headers.insert(ACCEPT, HeaderValue::from_static("*/*;q=0"));
    /// assert_eq!(Offer::default().negotiate(&headers), Ok(Format::ProblemJson));
    /// headers.insert(ACCEPT, HeaderValue::from_static("text/plain, */*"));
    /// assert_eq!(Offer::default().negotiate(&headers), Ok(Format::Text));
    /// ```
    pub fn negotiate(&self, headers: &HeaderMap) -> Result<Format, NotAcceptable> {
        // An empty map (an adapter passes only the headers negotiation reads) is answered
        // without hashing a name.
        if headers.is_empty() {
            return Ok(self.formats[0]);
        }
        let values = headers.get_all(http::header::ACCEPT);
        if values.iter().next().is_none() {
            return Ok(self.formats[0]);
        }
        // (quality, specificity) of the most specific range matching each offered format.
        let mut best: [Option<(QValue, u8)>; Format::ALL.len()] = [None; Format::ALL.len()];
        let mut any_valid = false;
        for_each_element(values, |element| {
            let Some(range) = MediaRange::parse(element) else {
                return;
            };
            any_valid = true;
            for (slot, &format) in best.iter_mut().zip(&self.formats) {
                if let Some(specificity) = range.specificity_for(format)
                    && slot.is_none_or(|(_, s)| specificity > s)
                {
                    *slot = Some((range.q, specificity));
                }
            }
        });
        let first = self.formats[0];
        if !any_valid {
            return Ok(first);
        }
        // At equal quality, a format the client names beats one it reaches through
        // `type/*`, which beats one reached through `*/*`; then the offer's order decides.
        let mut chosen: Option<(Format, (QValue, u8))> = None;
        for (slot, &format) in best.iter().zip(&self.formats) {
            let Some((q, specificity)) = *slot else {
                continue;
            };
            let rank = (q, specificity / 2);
            if q > QValue::ZERO && chosen.is_none_or(|(_, best)| rank > best) {
                chosen = Some((format, rank));
            }
        }
        match chosen {
            Some((format, _)) => Ok(format),
            None if self.strict => Err(NotAcceptable),
            None => Ok(first),
        }
    }
}

/// One parsed element of `Accept`.
struct MediaRange<'a> {
    kind: &'a str,
    subtype: &'a str,
    /// What the parameters before the weight ask of the format, read once: see [`MediaRange::utf8_params`].
    utf8_params: Option<bool>,
    q: QValue,
}

impl<'a> MediaRange<'a> {
    /// `None` when the element is malformed or its weight is not a valid qvalue.
    fn parse(element: &'a str) -> Option<MediaRange<'a>> {
        let (essence, params) = split_once_byte(element, b';').unwrap_or((element, ""));
        let (kind, subtype) = split_once_byte(trim_ows(essence), b'/')?;
        if !is_token(kind) || !is_token(subtype) || (kind == "*" && subtype != "*") {
            return None;
        }
        let mut q = QValue::ONE;
        let mut media_params_end = params.len();
        let mut offset: usize = 0;
        for param in params.split(';') {
            if trim_ows(param).is_empty() {
                offset += param.len() + 1;
                continue;
            }
            let (name, value) = parameter(param)?;
            if name.eq_ignore_ascii_case("q") {
                q = value.parse().ok()?;
                media_params_end = offset.saturating_sub(1);
                break;
            }
            offset += param.len() + 1;
        }
        Some(MediaRange {
            kind,
            subtype,
            utf8_params: MediaRange::utf8_params(&params[..media_params_end]),
            q,
        })
    }

    /// How specifically this range names `format` (higher is more specific), or `None`
    /// when it does not match it.
    fn specificity_for(&self, format: Format) -> Option<u8> {
        let (kind, subtype) = format.essence();
        let base = if self.kind == "*" {
            0
        } else if !self.kind.eq_ignore_ascii_case(kind) {
            return None;
        } else if self.subtype == "*" {
            1
        } else if self.subtype.eq_ignore_ascii_case(subtype) {
            2
        } else {
            return None;
        };
        let has_params = self.utf8_params?;
        Some(base * 2 + u8::from(has_params))
    }

    /// Whether `params` name `charset=utf-8` (`Some(true)`), nothing (`Some(false)`), or
    /// ask for something no format is (`None`): every format is UTF-8.
    fn utf8_params(params: &str) -> Option<bool> {
        let mut has_params = false;
        for param in params.split(';').filter(|p| !trim_ows(p).is_empty()) {
            let (name, value) = parameter(param)?;
            if !(name.eq_ignore_ascii_case("charset") && value.eq_ignore_ascii_case("utf-8")) {
                return None;
            }
            has_params = true;
        }
        Some(has_params)
    }
}

/// The client accepts none of a strict [`Offer`]'s formats.
///
/// # Examples
///
/// ```
/// assert_eq!(
///     pardon::negotiate::NotAcceptable.to_string(),
///     "the client accepts none of the offered formats"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotAcceptable;

impl fmt::Display for NotAcceptable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the client accepts none of the offered formats")
    }
}

impl std::error::Error for NotAcceptable {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_parse_with_parameters_and_weights() {
        let r = MediaRange::parse("Text/HTML ; level=1 ; q=0.5").unwrap();
        assert_eq!(
            (r.kind, r.subtype, r.q.thousandths()),
            ("Text", "HTML", 500)
        );
        assert_eq!(r.utf8_params, None, "level=1 is no format's");
        let r = MediaRange::parse("text/html ; charset=UTF-8 ; q=0.5 ; x=y").unwrap();
        assert_eq!((r.utf8_params, r.q.thousandths()), (Some(true), 500));
        assert!(MediaRange::parse("*/html").is_none());
        assert!(MediaRange::parse("text").is_none());
        assert!(MediaRange::parse("text/html;q=2").is_none());
        assert!(MediaRange::parse("text/html;q").is_none());
    }

    #[test]
    fn charset_utf8_matches_and_is_more_specific() {
        let r = MediaRange::parse("application/json;charset=UTF-8").unwrap();
        assert_eq!(r.specificity_for(Format::Json), Some(5));
        let r = MediaRange::parse("text/plain;charset=iso-8859-1").unwrap();
        assert_eq!(r.specificity_for(Format::Text), None);
    }
}
