//! [`TypeUri`]: a problem's `type` member, a checked URI reference.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// The `type` member of a problem: a URI reference
/// ([RFC 3986 §4.1](https://www.rfc-editor.org/rfc/rfc3986#section-4.1)) that identifies
/// the problem type ([RFC 9457 §3.1.1](https://www.rfc-editor.org/rfc/rfc9457#section-3.1.1)).
///
/// `https:`, `tag:` and `urn:` URIs and relative references are all accepted and kept
/// exactly as written. A problem without a `type` has type `about:blank`.
///
/// # Examples
///
/// ```
/// use pardon::catalog::TypeUri;
///
/// let uri: TypeUri = "https://example.com/probs/out-of-credit".parse()?;
/// assert!(uri.is_absolute());
/// let tag: TypeUri = "tag:example.com,2024:out-of-credit".parse()?;
/// assert_eq!(tag.as_str(), "tag:example.com,2024:out-of-credit");
/// assert!(!"/probs/out-of-credit".parse::<TypeUri>()?.is_absolute());
/// assert!("https://example.com/a b".parse::<TypeUri>().is_err());
/// assert_eq!(TypeUri::ABOUT_BLANK.as_str(), "about:blank");
/// # Ok::<(), pardon::catalog::TypeUriError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct TypeUri(Cow<'static, str>);

impl TypeUri {
    /// `about:blank`, the type of a problem that has no more semantics than its status
    /// ([RFC 9457 §4.2.1](https://www.rfc-editor.org/rfc/rfc9457#section-4.2.1)).
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(pardon::catalog::TypeUri::ABOUT_BLANK.is_about_blank());
    /// ```
    pub const ABOUT_BLANK: TypeUri = TypeUri(Cow::Borrowed("about:blank"));

    /// The URI as written.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::catalog::TypeUri::ABOUT_BLANK.as_str(), "about:blank");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the URI has a scheme (`https:`, `urn:`, `tag:`…) rather than being relative.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::catalog::TypeUri;
    ///
    /// assert!("urn:example:oops".parse::<TypeUri>().unwrap().is_absolute());
    /// assert!(!"oops".parse::<TypeUri>().unwrap().is_absolute());
    /// ```
    #[must_use]
    pub fn is_absolute(&self) -> bool {
        scheme_end(&self.0).is_some()
    }

    /// Whether this is `about:blank`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(pardon::catalog::TypeUri::ABOUT_BLANK.is_about_blank());
    /// ```
    #[must_use]
    pub fn is_about_blank(&self) -> bool {
        self.0.eq_ignore_ascii_case("about:blank")
    }
}

/// Where the scheme ends (the index of its `:`), if the reference has a valid one.
fn scheme_end(s: &str) -> Option<usize> {
    let colon = s.find(':')?;
    if s[..colon].contains(['/', '?', '#']) {
        return None;
    }
    let scheme = &s.as_bytes()[..colon];
    let valid = scheme.first().is_some_and(u8::is_ascii_alphabetic)
        && scheme
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    valid.then_some(colon)
}

fn is_uri_char(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'-' | b'.'
                | b'_'
                | b'~'
                | b':'
                | b'/'
                | b'?'
                | b'#'
                | b'['
                | b']'
                | b'@'
                | b'!'
                | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
        )
}

/// Checks the characters and structure of a URI reference, without resolving it.
pub(crate) fn is_uri_reference(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_hexdigit);
                if !(hex(i + 1) && hex(i + 2)) {
                    return false;
                }
                i += 3;
                continue;
            }
            b if !is_uri_char(b) => return false,
            _ => i += 1,
        }
    }
    if s.matches('#').count() > 1 {
        return false;
    }
    // A colon in the first segment makes it a scheme, which must then be valid.
    let first_segment_end = s.find(['/', '?', '#']).unwrap_or(s.len());
    !s[..first_segment_end].contains(':') || scheme_end(s).is_some()
}

/// The error for text that is not a URI reference.
///
/// # Examples
///
/// ```
/// let err = "not a uri".parse::<pardon::catalog::TypeUri>().unwrap_err();
/// assert_eq!(err.to_string(), "`not a uri` is not a URI reference");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeUriError {
    input: String,
}

impl fmt::Display for TypeUriError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown: String = self.input.chars().take(200).collect();
        write!(f, "`{shown}` is not a URI reference")
    }
}

impl std::error::Error for TypeUriError {}

impl TryFrom<String> for TypeUri {
    type Error = TypeUriError;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        if is_uri_reference(&s) {
            Ok(TypeUri(Cow::Owned(s)))
        } else {
            Err(TypeUriError { input: s })
        }
    }
}

impl FromStr for TypeUri {
    type Err = TypeUriError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        TypeUri::try_from(s.to_owned())
    }
}

impl fmt::Display for TypeUri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for TypeUri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_uri_references() {
        for ok in [
            "https://example.com/probs/out-of-credit",
            "http://localhost:8080/problems/user-not-found",
            "tag:example.com,2024:out-of-credit",
            "urn:ietf:rfc:7807",
            "about:blank",
            "/probs/out-of-credit",
            "out-of-credit",
            "../x?y=1#frag",
            "https://[::1]:8080/p",
            "https://example.com/caf%C3%A9",
            "",
        ] {
            assert!(ok.parse::<TypeUri>().is_ok(), "{ok:?}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_uri_reference() {
        for bad in [
            "has space",
            "https://example.com/%zz",
            "https://example.com/%2",
            "a#b#c",
            "1http://x",
            "caf\u{e9}",
            "quote\"",
            "<tag>",
            "line\nbreak",
        ] {
            assert!(bad.parse::<TypeUri>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn absolute_means_a_scheme() {
        assert!("tag:x".parse::<TypeUri>().unwrap().is_absolute());
        assert!(!"/a:b".parse::<TypeUri>().unwrap().is_absolute());
        assert!(!"./a:b".parse::<TypeUri>().unwrap().is_absolute());
    }
}
