//! [`JsonPointer`]: where in a JSON body a field error is, in URI-fragment form.

use std::fmt;
use std::str::FromStr;

/// A JSON Pointer ([RFC 6901](https://www.rfc-editor.org/rfc/rfc6901)) in its
/// URI-fragment form ([§6](https://www.rfc-editor.org/rfc/rfc6901#section-6)), such as
/// `#/items/0/quantity`.
///
/// Tokens are escaped as the RFC says (`~` as `~0`, `/` as `~1`), then percent-encoded
/// where a URI fragment needs it.
///
/// # Examples
///
/// ```
/// use pardon::JsonPointer;
///
/// let p = JsonPointer::root().push("items").push_index(0).push("quantity");
/// assert_eq!(p.as_str(), "#/items/0/quantity");
/// assert_eq!(JsonPointer::root().push("a/b~c").as_str(), "#/a~1b~0c");
///
/// let parsed: JsonPointer = "#/a~1b~0c/caf%C3%A9".parse()?;
/// assert_eq!(parsed.tokens(), ["a/b~c", "café"]);
/// assert!("#/bad~2escape".parse::<JsonPointer>().is_err());
///
/// // Equality compares locations, not spellings.
/// assert_eq!("#/%61".parse::<JsonPointer>()?, JsonPointer::root().push("a"));
/// assert_ne!("#/a~1b".parse::<JsonPointer>()?, JsonPointer::root().push("a").push("b"));
/// # Ok::<(), pardon::problem::PointerError>(())
/// ```
#[derive(Clone)]
pub struct JsonPointer(String);

/// Two pointers are equal when they point at the same location (`#/%61` is `#/a`),
/// however each is spelled.
impl PartialEq for JsonPointer {
    fn eq(&self, other: &JsonPointer) -> bool {
        self.0 == other.0 || self.tokens() == other.tokens()
    }
}

impl Eq for JsonPointer {}

impl std::hash::Hash for JsonPointer {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.tokens().hash(state);
    }
}

impl JsonPointer {
    /// The pointer to the whole document, `#`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::JsonPointer::root().as_str(), "#");
    /// ```
    #[must_use]
    pub fn root() -> JsonPointer {
        // Room for a few tokens: a pointer is mostly built by pushing onto the root.
        let mut pointer = String::with_capacity(32);
        pointer.push('#');
        JsonPointer(pointer)
    }

    /// This pointer with one more reference token, escaped.
    ///
    /// # Examples
    ///
    /// ```
    /// let p = pardon::JsonPointer::root().push("address").push("zip code");
    /// assert_eq!(p.as_str(), "#/address/zip%20code");
    /// ```
    #[must_use]
    pub fn push(mut self, token: &str) -> JsonPointer {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        self.0.reserve(token.len() + 1);
        self.0.push('/');
        // Most tokens are plain names or indexes: written as they are, in one copy.
        if token.bytes().all(|b| b != b'~' && is_fragment_char(b)) {
            self.0.push_str(token);
            return self;
        }
        for c in token.chars() {
            match c {
                '~' => self.0.push_str("~0"),
                '/' => self.0.push_str("~1"),
                c if c.is_ascii() && is_fragment_char(c as u8) => self.0.push(c),
                c => {
                    let mut buf = [0; 4];
                    for &b in c.encode_utf8(&mut buf).as_bytes() {
                        self.0.push('%');
                        self.0.push(char::from(HEX[usize::from(b >> 4)]));
                        self.0.push(char::from(HEX[usize::from(b & 0xF)]));
                    }
                }
            }
        }
        self
    }

    /// This pointer with an array index appended.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::JsonPointer::root().push_index(3).as_str(), "#/3");
    /// ```
    #[must_use]
    pub fn push_index(mut self, index: usize) -> JsonPointer {
        use std::fmt::Write as _;
        self.0.push('/');
        // Writing an integer into a String cannot fail.
        let _ = write!(self.0, "{index}");
        self
    }

    /// The pointer in URI-fragment form.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::JsonPointer::root().push("a").as_str(), "#/a");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The unescaped reference tokens.
    ///
    /// # Examples
    ///
    /// ```
    /// let p: pardon::JsonPointer = "#/a~1b/0".parse().unwrap();
    /// assert_eq!(p.tokens(), ["a/b", "0"]);
    /// ```
    #[must_use]
    pub fn tokens(&self) -> Vec<String> {
        // Checked when built, so decoding cannot fail here.
        decode(&self.0).unwrap_or_default()
    }
}

fn is_fragment_char(b: u8) -> bool {
    FRAGMENT[usize::from(b)]
}

/// Which bytes a URI fragment holds as they are ([RFC 3986 §3.5](https://www.rfc-editor.org/rfc/rfc3986#section-3.5):
/// unreserved, sub-delims, `:`, `@` and `?`; `/` separates tokens and `%` escapes).
const FRAGMENT: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric()
            || matches!(
                c,
                b'-' | b'.'
                    | b'_'
                    | b'~'
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
                    | b':'
                    | b'@'
                    | b'?'
            );
        b += 1;
    }
    table
};

/// Decodes a fragment-form pointer into its tokens; `None` when it is not one.
fn decode(fragment: &str) -> Option<Vec<String>> {
    let rest = fragment.strip_prefix('#')?;
    let bytes = rest.as_bytes();
    let mut raw = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = rest.get(i + 1..i + 3)?;
                raw.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'/' => {
                raw.push(b'/');
                i += 1;
            }
            b if is_fragment_char(b) => {
                raw.push(b);
                i += 1;
            }
            _ => return None,
        }
    }
    let text = String::from_utf8(raw).ok()?;
    if text.is_empty() {
        return Some(Vec::new());
    }
    let text = text.strip_prefix('/')?;
    text.split('/').map(unescape).collect()
}

fn unescape(token: &str) -> Option<String> {
    let mut out = String::with_capacity(token.len());
    let mut chars = token.chars();
    while let Some(c) = chars.next() {
        if c == '~' {
            match chars.next()? {
                '0' => out.push('~'),
                '1' => out.push('/'),
                _ => return None,
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// The error for text that is not a JSON Pointer.
///
/// # Examples
///
/// ```
/// let err = "no-slash".parse::<pardon::JsonPointer>().unwrap_err();
/// assert_eq!(err.to_string(), "`no-slash` is not a JSON Pointer");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointerError {
    input: String,
}

impl fmt::Display for PointerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown: String = self.input.chars().take(200).collect();
        write!(f, "`{shown}` is not a JSON Pointer")
    }
}

impl std::error::Error for PointerError {}

impl FromStr for JsonPointer {
    type Err = PointerError;

    /// Parses the URI-fragment form (`#/a/b`) or the plain string form (`/a/b`, `""`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.starts_with('#') {
            if decode(s).is_some() {
                return Ok(JsonPointer(s.to_owned()));
            }
        } else if s.is_empty() || s.starts_with('/') {
            let tokens: Option<Vec<String>> = s.split('/').skip(1).map(unescape).collect();
            if let Some(tokens) = tokens {
                return Ok(tokens.iter().fold(JsonPointer::root(), |p, t| p.push(t)));
            }
        }
        Err(PointerError {
            input: s.to_owned(),
        })
    }
}

impl fmt::Display for JsonPointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for JsonPointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escapes_tilde_before_slash() {
        // `~1` must not be produced from a literal "~1" token and read back as "/".
        let p = JsonPointer::root().push("~1");
        assert_eq!(p.as_str(), "#/~01");
        assert_eq!(p.tokens(), ["~1"]);
    }

    #[test]
    fn plain_form_converts_to_fragment_form() {
        let p: JsonPointer = "/a b/~0".parse().unwrap();
        assert_eq!(p.as_str(), "#/a%20b/~0");
        assert_eq!("".parse::<JsonPointer>().unwrap(), JsonPointer::root());
    }

    #[test]
    fn rejects_malformed_pointers() {
        for bad in ["#a", "#/%zz", "#/%FF", "#/~", "#/a b", "a/b", "#/\"", "/~9"] {
            assert!(bad.parse::<JsonPointer>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn rfc_6901_fragment_examples() {
        for (fragment, tokens) in [
            ("#", vec![]),
            ("#/foo", vec!["foo"]),
            ("#/foo/0", vec!["foo", "0"]),
            ("#/", vec![""]),
            ("#/a~1b", vec!["a/b"]),
            ("#/c%25d", vec!["c%d"]),
            ("#/e%5Ef", vec!["e^f"]),
            ("#/g%7Ch", vec!["g|h"]),
            ("#/i%5Cj", vec!["i\\j"]),
            ("#/k%22l", vec!["k\"l"]),
            ("#/%20", vec![" "]),
            ("#/m~0n", vec!["m~n"]),
        ] {
            let p: JsonPointer = fragment.parse().unwrap();
            assert_eq!(p.tokens(), tokens, "{fragment}");
            let rebuilt = tokens.iter().fold(JsonPointer::root(), |p, t| p.push(t));
            assert_eq!(rebuilt.tokens(), tokens, "{fragment}");
            assert_eq!(rebuilt, p, "{fragment}");
        }
    }

    #[test]
    fn equality_and_hash_compare_locations_not_spellings() {
        use std::collections::HashSet;
        let parse = |s: &str| s.parse::<JsonPointer>().unwrap();
        for (a, b, same) in [
            ("#/%61", "#/a", true),
            ("#/a%2Fb", "#/a/b", true),
            ("#/%7E0", "#/~0", true),
            ("/a b", "#/a%20b", true),
            ("#/a~1b", "#/a/b", false),
            ("#/a", "#/A", false),
            ("#", "#/", false),
        ] {
            assert_eq!(parse(a) == parse(b), same, "{a} {b}");
            let set: HashSet<JsonPointer> = [parse(a), parse(b)].into_iter().collect();
            assert_eq!(set.len(), if same { 1 } else { 2 }, "{a} {b}");
        }
    }

    proptest! {
        #[test]
        fn tokens_round_trip(tokens in proptest::collection::vec(".*", 0..5)) {
            let p = tokens.iter().fold(JsonPointer::root(), |p, t| p.push(t));
            prop_assert_eq!(p.tokens(), tokens.clone());
            let reparsed: JsonPointer = p.as_str().parse().unwrap();
            prop_assert_eq!(reparsed, p);
        }

        #[test]
        fn whatever_parses_is_canonical_fragment_form(s in ".*") {
            if let Ok(p) = s.parse::<JsonPointer>() {
                prop_assert!(p.as_str().starts_with('#'));
                let again: JsonPointer = p.as_str().parse().unwrap();
                prop_assert_eq!(again, p);
            }
        }
    }
}
