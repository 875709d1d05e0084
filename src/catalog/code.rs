//! [`Code`]: the stable, UPPER_SNAKE_CASE name of a problem type or field error.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// The longest code accepted, in bytes: codes are identifiers, not prose.
const MAX_LEN: usize = 64;

/// A stable UPPER_SNAKE_CASE code such as `USER_NOT_FOUND`.
///
/// It names a problem type (or a field error) for machines: frontends key their UI text
/// on it, and it is the id of the type's Fluent messages. A `Code` can only hold
/// `[A-Z][A-Z0-9]*(_[A-Z0-9]+)*`, at most 64 bytes.
///
/// # Examples
///
/// ```
/// use pardon::Code;
///
/// let code: Code = "USER_NOT_FOUND".parse()?;
/// assert_eq!(code.as_str(), "USER_NOT_FOUND");
/// assert_eq!(code.slug(), "user-not-found");
/// assert!("user_not_found".parse::<Code>().is_err());
/// # Ok::<(), pardon::catalog::CodeError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code(Cow<'static, str>);

impl Code {
    /// A code from a string literal, checked at compile time when used in a `const`.
    ///
    /// # Panics
    ///
    /// When `code` is not UPPER_SNAKE_CASE (in a `const`, that is a compile error).
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::Code;
    ///
    /// const OUT_OF_STOCK: Code = Code::from_static("OUT_OF_STOCK");
    /// assert_eq!(OUT_OF_STOCK.as_str(), "OUT_OF_STOCK");
    /// assert!(std::panic::catch_unwind(|| Code::from_static("out-of-stock")).is_err());
    /// ```
    #[must_use]
    pub const fn from_static(code: &'static str) -> Code {
        assert!(
            is_upper_snake(code.as_bytes()),
            "problem codes are UPPER_SNAKE_CASE"
        );
        Code(Cow::Borrowed(code))
    }

    /// The code as text.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::Code::from_static("RATE_LIMITED").as_str(), "RATE_LIMITED");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The code as text, in a `const` context; `""` for a code built at run time.
    pub(crate) const fn as_static(&self) -> &'static str {
        match &self.0 {
            Cow::Borrowed(s) => s,
            Cow::Owned(_) => "",
        }
    }

    /// The code as a URI path segment: lower case, words joined by `-`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::Code::from_static("USER_NOT_FOUND").slug(), "user-not-found");
    /// ```
    #[must_use]
    pub fn slug(&self) -> String {
        self.0
            .chars()
            .map(|c| {
                if c == '_' {
                    '-'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    }
}

const fn is_upper_snake(bytes: &[u8]) -> bool {
    if bytes.is_empty() || bytes.len() > MAX_LEN || !bytes[0].is_ascii_uppercase() {
        return false;
    }
    let mut after_underscore = false;
    let mut i = 1;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'_' {
            if after_underscore {
                return false;
            }
            after_underscore = true;
        } else if b.is_ascii_uppercase() || b.is_ascii_digit() {
            after_underscore = false;
        } else {
            return false;
        }
        i += 1;
    }
    !after_underscore
}

/// The error for a string that is not an UPPER_SNAKE_CASE code.
///
/// # Examples
///
/// ```
/// let err = "Not-A-Code".parse::<pardon::Code>().unwrap_err();
/// assert_eq!(err.to_string(), "`Not-A-Code` is not an UPPER_SNAKE_CASE code");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeError {
    input: String,
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown: String = self.input.chars().take(MAX_LEN + 8).collect();
        write!(f, "`{shown}` is not an UPPER_SNAKE_CASE code")
    }
}

impl std::error::Error for CodeError {}

impl FromStr for Code {
    type Err = CodeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Code::try_from(s.to_owned())
    }
}

impl TryFrom<String> for Code {
    type Error = CodeError;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        if is_upper_snake(s.as_bytes()) {
            Ok(Code(Cow::Owned(s)))
        } else {
            Err(CodeError { input: s })
        }
    }
}

impl TryFrom<&str> for Code {
    type Error = CodeError;

    fn try_from(s: &str) -> Result<Self, Self::Error> {
        s.parse()
    }
}

/// A `Code` hashes and compares as its text, so maps keyed by codes answer a `&str`.
impl std::borrow::Borrow<str> for Code {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Code {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_upper_snake_case() {
        for ok in ["A", "USER_NOT_FOUND", "E2E_FAILED", "HTTP2", "X_1"] {
            assert!(ok.parse::<Code>().is_ok(), "{ok}");
        }
    }

    #[test]
    fn rejects_everything_else() {
        let too_long = "A".repeat(MAX_LEN + 1);
        for bad in [
            "",
            "_A",
            "A_",
            "A__B",
            "1ABC",
            "user_not_found",
            "User",
            "A-B",
            "A B",
            "É",
            too_long.as_str(),
        ] {
            assert!(bad.parse::<Code>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn slug_is_kebab_case() {
        assert_eq!(Code::from_static("E2E_FAILED").slug(), "e2e-failed");
        assert_eq!(Code::from_static("A").slug(), "a");
    }

    #[test]
    fn error_message_names_the_input() {
        let err = "bad".parse::<Code>().unwrap_err();
        assert_eq!(err.to_string(), "`bad` is not an UPPER_SNAKE_CASE code");
    }
}
