//! [`QValue`]: a weight from 0 to 1 in integer thousandths, and the header-list splitter.

use std::fmt;
use std::str::FromStr;

/// A quality value ([RFC 9110 §12.4.2](https://www.rfc-editor.org/rfc/rfc9110#section-12.4.2)),
/// held as integer thousandths so that comparisons are exact.
///
/// # Examples
///
/// ```
/// use pardon::negotiate::QValue;
///
/// assert_eq!("0.5".parse::<QValue>()?, QValue::from_thousandths(500)?);
/// assert_eq!("1".parse::<QValue>()?, QValue::ONE);
/// assert!("1.001".parse::<QValue>().is_err());
/// assert!("0.1234".parse::<QValue>().is_err());
/// # Ok::<(), pardon::negotiate::QValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QValue(u16);

impl QValue {
    /// Weight 0: not acceptable.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!("0.000".parse(), Ok(pardon::negotiate::QValue::ZERO));
    /// ```
    pub const ZERO: QValue = QValue(0);
    /// Weight 1, the default.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::negotiate::QValue::ONE.thousandths(), 1000);
    /// ```
    pub const ONE: QValue = QValue(1000);

    /// A weight of `n` thousandths.
    ///
    /// # Errors
    ///
    /// [`QValueError`] when `n` is over 1000.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::negotiate::QValue;
    ///
    /// assert_eq!(QValue::from_thousandths(1000)?, QValue::ONE);
    /// assert!(QValue::from_thousandths(1001).is_err());
    /// # Ok::<(), pardon::negotiate::QValueError>(())
    /// ```
    pub const fn from_thousandths(n: u16) -> Result<QValue, QValueError> {
        if n <= 1000 {
            Ok(QValue(n))
        } else {
            Err(QValueError)
        }
    }

    /// The weight in thousandths.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!("0.25".parse::<pardon::negotiate::QValue>().unwrap().thousandths(), 250);
    /// ```
    #[must_use]
    pub const fn thousandths(self) -> u16 {
        self.0
    }
}

impl FromStr for QValue {
    type Err = QValueError;

    /// `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bytes = s.as_bytes();
        let (whole, fraction) = match bytes {
            [w] => (*w, &[][..]),
            [w, b'.', rest @ ..] if rest.len() <= 3 => (*w, rest),
            _ => return Err(QValueError),
        };
        if !fraction.iter().all(u8::is_ascii_digit) {
            return Err(QValueError);
        }
        let mut thousandths: u16 = 0;
        for (i, d) in fraction.iter().enumerate() {
            thousandths += u16::from(d - b'0') * [100, 10, 1][i];
        }
        match whole {
            b'0' => Ok(QValue(thousandths)),
            b'1' if thousandths == 0 => Ok(QValue::ONE),
            _ => Err(QValueError),
        }
    }
}

impl fmt::Display for QValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == 1000 {
            f.write_str("1")
        } else {
            let digits = format!("{:03}", self.0);
            write!(f, "0.{}", digits.trim_end_matches('0')).map(|()| ())
        }
    }
}

/// The error for text that is not a quality value.
///
/// # Examples
///
/// ```
/// let err = "2".parse::<pardon::negotiate::QValue>().unwrap_err();
/// assert_eq!(err.to_string(), "a quality value is a number from 0 to 1 with at most three decimals");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QValueError;

impl fmt::Display for QValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a quality value is a number from 0 to 1 with at most three decimals")
    }
}

impl std::error::Error for QValueError {}

/// The most list elements read from one request's header lines: enough for any real
/// client, and a bound on the work a hostile header can cause.
pub(crate) const MAX_ELEMENTS: usize = 32;

/// Calls `visit` with each element of a comma-separated header list, across every line of
/// the header (`values`), trimmed, empty ones skipped, commas inside quoted strings
/// respected; at most [`MAX_ELEMENTS`]. Lines that are not visible ASCII are skipped.
pub(crate) fn for_each_element<'a>(
    values: http::header::GetAll<'a, http::HeaderValue>,
    mut visit: impl FnMut(&'a str),
) {
    let mut seen = 0;
    for value in values {
        let Ok(line) = value.to_str() else {
            continue;
        };
        let mut rest = line;
        while !rest.is_empty() {
            let end = element_end(rest);
            let element = trim_ows(&rest[..end]);
            rest = rest.get(end + 1..).unwrap_or("");
            if element.is_empty() {
                continue;
            }
            if seen == MAX_ELEMENTS {
                return;
            }
            seen += 1;
            visit(element);
        }
    }
}

/// The index of the first comma outside a quoted string, or the length.
fn element_end(s: &str) -> usize {
    // Up to the first quote, only a comma counts: looked for at once.
    let start = match s.bytes().position(|b| b == b',' || b == b'"') {
        None => return s.len(),
        Some(i) if s.as_bytes()[i] == b',' => return i,
        Some(i) => i,
    };
    let mut quoted = false;
    let mut escaped = false;
    for (i, b) in s.bytes().enumerate().skip(start) {
        match b {
            _ if escaped => escaped = false,
            b'\\' if quoted => escaped = true,
            b'"' => quoted = !quoted,
            b',' if !quoted => return i,
            _ => {}
        }
    }
    s.len()
}

/// `s` split around the first `byte` (an ASCII delimiter), which belongs to neither side.
pub(crate) fn split_once_byte(s: &str, byte: u8) -> Option<(&str, &str)> {
    debug_assert!(byte.is_ascii());
    let at = s.bytes().position(|b| b == byte)?;
    // An ASCII byte is a character of its own: both sides are on boundaries.
    Some((&s[..at], &s[at + 1..]))
}

/// `s` without the optional whitespace (spaces and tabs) around it.
pub(crate) fn trim_ows(s: &str) -> &str {
    let bytes = s.as_bytes();
    let is_ows = |b: &u8| matches!(b, b' ' | b'\t');
    let start = bytes.iter().position(|b| !is_ows(b)).unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !is_ows(b))
        .map_or(start, |i| i + 1);
    // Both ends sit next to an ASCII byte: character boundaries.
    &s[start..end]
}

/// Splits `name=value` (value possibly quoted), trimmed; `None` when malformed.
pub(crate) fn parameter(param: &str) -> Option<(&str, &str)> {
    let (name, value) = split_once_byte(param, b'=')?;
    let name = trim_ows(name);
    let value = trim_ows(value);
    if !is_token(name) {
        return None;
    }
    let value = match value.strip_prefix('"') {
        Some(inner) => inner.strip_suffix('"')?,
        None if is_token(value) => value,
        None => return None,
    };
    Some((name, value))
}

/// `token = 1*tchar` ([RFC 9110 §5.6.2](https://www.rfc-editor.org/rfc/rfc9110#section-5.6.2)).
pub(crate) fn is_token(s: &str) -> bool {
    !s.is_empty()
        && s.bytes().all(|b| {
            b.is_ascii_alphanumeric()
                || matches!(
                    b,
                    b'!' | b'#'
                        ..=b'\'' | b'*' | b'+' | b'-' | b'.' | b'^' | b'_' | b'`' | b'|' | b'~'
                )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_every_legal_form() {
        for (text, n) in [
            ("0", 0),
            ("0.", 0),
            ("0.5", 500),
            ("0.05", 50),
            ("0.005", 5),
            ("0.999", 999),
            ("1", 1000),
            ("1.", 1000),
            ("1.0", 1000),
            ("1.000", 1000),
        ] {
            assert_eq!(text.parse::<QValue>().unwrap().thousandths(), n, "{text}");
        }
    }

    #[test]
    fn rejects_everything_else() {
        for text in [
            "", "2", "1.5", "1.0001", "0.1234", "-0", ".5", "0,5", "a", "0.5a", " 1", "1e0",
        ] {
            assert!(text.parse::<QValue>().is_err(), "{text:?}");
        }
    }

    #[test]
    fn splits_lists_respecting_quotes() {
        let mut headers = http::HeaderMap::new();
        headers.append(
            http::header::ACCEPT,
            r#" a , ,b;x="1,2", c "#.parse().unwrap(),
        );
        headers.append(http::header::ACCEPT, "d,".parse().unwrap());
        let mut parts = Vec::new();
        for_each_element(headers.get_all(http::header::ACCEPT), |e| parts.push(e));
        assert_eq!(parts, ["a", r#"b;x="1,2""#, "c", "d"]);
    }

    #[test]
    fn reads_at_most_max_elements() {
        let mut headers = http::HeaderMap::new();
        let long = "a,".repeat(10_000);
        headers.insert(http::header::ACCEPT, long.parse().unwrap());
        let mut count = 0;
        for_each_element(headers.get_all(http::header::ACCEPT), |_| count += 1);
        assert_eq!(count, MAX_ELEMENTS);
    }

    proptest! {
        #[test]
        fn display_round_trips(n in 0u16..=1000) {
            let q = QValue::from_thousandths(n).unwrap();
            prop_assert_eq!(q.to_string().parse::<QValue>().unwrap(), q);
        }
    }
}
