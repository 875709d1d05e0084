//! [`ProblemType`]: what one kind of problem is, independent of any occurrence.

use http::StatusCode;

use super::{Code, Example};

/// A response header that a problem type carries.
///
/// # Examples
///
/// ```
/// use pardon::catalog::TypeHeader;
///
/// assert_eq!(TypeHeader::RetryAfter.name(), http::header::RETRY_AFTER);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TypeHeader {
    /// `Retry-After` ([RFC 9110 §10.2.3](https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3)),
    /// mirrored in the body as `retry_after` (seconds).
    RetryAfter,
    /// `WWW-Authenticate` ([RFC 9110 §11.6.1](https://www.rfc-editor.org/rfc/rfc9110#section-11.6.1)):
    /// every 401 carries a challenge.
    WwwAuthenticate,
    /// `Allow` ([RFC 9110 §10.2.1](https://www.rfc-editor.org/rfc/rfc9110#section-10.2.1)), on 405.
    Allow,
}

impl TypeHeader {
    /// The header's name.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::catalog::TypeHeader::Allow.name().as_str(), "allow");
    /// ```
    #[must_use]
    pub fn name(self) -> http::HeaderName {
        match self {
            TypeHeader::RetryAfter => http::header::RETRY_AFTER,
            TypeHeader::WwwAuthenticate => http::header::WWW_AUTHENTICATE,
            TypeHeader::Allow => http::header::ALLOW,
        }
    }
}

/// One kind of problem: its stable [`Code`], its HTTP status, the arguments its messages
/// use and the headers it carries.
///
/// Its `type` URI is the registry's base URI plus [`Code::slug`]; its Fluent message id is
/// the code itself (the message value is the title, the `.detail` attribute the detail).
/// A 401 type always carries a `WWW-Authenticate` challenge
/// ([RFC 9110 §15.5.2](https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2)).
///
/// # Examples
///
/// ```
/// use http::StatusCode;
/// use pardon::{Code, ProblemType};
///
/// const USER_NOT_FOUND: ProblemType =
///     ProblemType::new(Code::from_static("USER_NOT_FOUND"), 404)
///         .with_args(&["id"]);
///
/// assert_eq!(USER_NOT_FOUND.status(), StatusCode::NOT_FOUND);
/// assert_eq!(USER_NOT_FOUND.args(), ["id"]);
/// assert_eq!(USER_NOT_FOUND.slug(), "user-not-found");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProblemType {
    code: Code,
    status: StatusCode,
    args: &'static [&'static str],
    examples: &'static [(&'static str, Example)],
    headers: &'static [TypeHeader],
    bearer_error: Option<&'static str>,
}

impl ProblemType {
    /// A problem type with no arguments and no headers beyond what its status requires.
    ///
    /// # Panics
    ///
    /// When `status` is not a client or server error (400–599); in a `const`, that is a
    /// compile error. [`ProblemType::try_new`] returns an error instead. (An
    /// `http::StatusCode` gives its number with the `const` `as_u16()`.)
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{Code, ProblemType};
    ///
    /// const DUPLICATE_EMAIL: ProblemType = ProblemType::new(Code::from_static("DUPLICATE_EMAIL"), 409);
    /// assert_eq!(DUPLICATE_EMAIL.status(), pardon::http::StatusCode::CONFLICT);
    /// assert!(std::panic::catch_unwind(|| {
    ///     ProblemType::new(Code::from_static("FINE"), 200)
    /// }).is_err());
    /// ```
    #[must_use]
    pub const fn new(code: Code, status: u16) -> ProblemType {
        assert!(
            status >= 400 && status <= 599,
            "a problem type's status is 400..=599"
        );
        let status = match StatusCode::from_u16(status) {
            Ok(status) => status,
            Err(_) => panic!("a problem type's status is 400..=599"),
        };
        ProblemType {
            code,
            status,
            args: &[],
            examples: &[],
            headers: &[],
            bearer_error: None,
        }
    }

    /// A problem type, or an error when `status` is not 400–599.
    ///
    /// # Errors
    ///
    /// [`StatusError`] when `status` is not a client or server error.
    ///
    /// # Examples
    ///
    /// ```
    /// use http::StatusCode;
    /// use pardon::{Code, ProblemType};
    ///
    /// assert!(ProblemType::try_new(Code::from_static("GONE"), StatusCode::GONE).is_ok());
    /// let err = ProblemType::try_new(Code::from_static("MOVED"), StatusCode::FOUND).unwrap_err();
    /// assert_eq!(err.to_string(), "problem type MOVED has status 302, not 400..=599");
    /// ```
    pub fn try_new(code: Code, status: StatusCode) -> Result<ProblemType, StatusError> {
        if is_error_status(status) {
            Ok(ProblemType::new(code, status.as_u16()))
        } else {
            Err(StatusError { code, status })
        }
    }

    /// Declares the names of the arguments this type's messages may use.
    ///
    /// # Examples
    ///
    /// ```
    /// use http::StatusCode;
    /// use pardon::{Code, ProblemType};
    ///
    /// let t = ProblemType::new(Code::from_static("OUT_OF_STOCK"), 422)
    ///     .with_args(&["product_id", "available"]);
    /// assert_eq!(t.args(), ["product_id", "available"]);
    /// ```
    #[must_use]
    pub const fn with_args(mut self, args: &'static [&'static str]) -> ProblemType {
        self.args = args;
        self
    }

    /// Gives typed example values of its arguments, for the example document of its
    /// documentation page. An argument without one is left out of that example.
    ///
    /// # Examples
    ///
    /// ```
    /// use http::StatusCode;
    /// use pardon::{catalog::Example, Code, ProblemType};
    ///
    /// let t = ProblemType::new(Code::from_static("SLOW_DOWN"), 429)
    ///     .with_args(&["wait"])
    ///     .with_examples(&[("wait", Example::Integer(30))]);
    /// assert_eq!(t.example("wait"), Some(Example::Integer(30)));
    /// ```
    #[must_use]
    pub const fn with_examples(
        mut self,
        examples: &'static [(&'static str, Example)],
    ) -> ProblemType {
        self.examples = examples;
        self
    }

    /// The example value of argument `name`, if one was given.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{builtin, catalog::Example};
    ///
    /// assert_eq!(builtin::RATE_LIMITED.example("retry_after"), Some(Example::Integer(30)));
    /// assert_eq!(builtin::CONFLICT.example("retry_after"), None);
    /// ```
    #[must_use]
    pub fn example(&self, name: &str) -> Option<Example> {
        self.examples
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, example)| example)
    }

    /// Declares the response headers this type carries.
    ///
    /// # Examples
    ///
    /// ```
    /// use http::StatusCode;
    /// use pardon::{catalog::TypeHeader, Code, ProblemType};
    ///
    /// let t = ProblemType::new(Code::from_static("SLOW_DOWN"), 429)
    ///     .with_headers(&[TypeHeader::RetryAfter]);
    /// assert!(t.carries(TypeHeader::RetryAfter));
    /// assert!(!t.carries(TypeHeader::Allow));
    /// ```
    #[must_use]
    pub const fn with_headers(mut self, headers: &'static [TypeHeader]) -> ProblemType {
        self.headers = headers;
        self
    }

    /// The `error` parameter of this type's Bearer challenge
    /// ([RFC 6750 §3](https://www.rfc-editor.org/rfc/rfc6750#section-3)), such as
    /// `invalid_token`.
    ///
    /// # Examples
    ///
    /// ```
    /// use http::StatusCode;
    /// use pardon::{Code, ProblemType};
    ///
    /// let t = ProblemType::new(Code::from_static("TOKEN_EXPIRED"), 401)
    ///     .with_bearer_error("invalid_token");
    /// assert_eq!(t.bearer_error(), Some("invalid_token"));
    /// ```
    #[must_use]
    pub const fn with_bearer_error(mut self, error: &'static str) -> ProblemType {
        self.bearer_error = Some(error);
        self
    }

    /// The type's stable code, which is also its Fluent message id.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::builtin::RATE_LIMITED.code().as_str(), "RATE_LIMITED");
    /// ```
    #[must_use]
    pub const fn code(&self) -> &Code {
        &self.code
    }

    /// The HTTP status of every problem of this type.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::builtin::RATE_LIMITED.status().as_u16(), 429);
    /// ```
    #[must_use]
    pub const fn status(&self) -> StatusCode {
        self.status
    }

    /// The argument names its messages may use.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::builtin::MALFORMED_JSON.args(), ["line", "column"]);
    /// ```
    #[must_use]
    pub const fn args(&self) -> &'static [&'static str] {
        self.args
    }

    /// Whether problems of this type carry `header`. Every 401 carries `WWW-Authenticate`.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{builtin, catalog::TypeHeader};
    ///
    /// assert!(builtin::AUTH_REQUIRED.carries(TypeHeader::WwwAuthenticate));
    /// assert!(builtin::METHOD_NOT_ALLOWED.carries(TypeHeader::Allow));
    /// ```
    #[must_use]
    pub fn carries(&self, header: TypeHeader) -> bool {
        (header == TypeHeader::WwwAuthenticate && self.status.as_u16() == 401)
            || self.headers.contains(&header)
    }

    /// The headers declared with [`ProblemType::with_headers`].
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{builtin, catalog::TypeHeader};
    ///
    /// assert_eq!(builtin::RATE_LIMITED.headers(), [TypeHeader::RetryAfter]);
    /// ```
    #[must_use]
    pub const fn headers(&self) -> &'static [TypeHeader] {
        self.headers
    }

    /// The `error` parameter of its Bearer challenge, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::builtin::INVALID_TOKEN.bearer_error(), Some("invalid_token"));
    /// assert_eq!(pardon::builtin::AUTH_REQUIRED.bearer_error(), None);
    /// ```
    #[must_use]
    pub const fn bearer_error(&self) -> Option<&'static str> {
        self.bearer_error
    }

    /// The last segment of its `type` URI: the code in kebab case.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::builtin::ROUTE_NOT_FOUND.slug(), "route-not-found");
    /// ```
    #[must_use]
    pub fn slug(&self) -> String {
        self.code.slug()
    }
}

const fn is_error_status(status: StatusCode) -> bool {
    let n = status.as_u16();
    n >= 400 && n <= 599
}

/// The error for a problem type whose status is not 400–599.
///
/// # Examples
///
/// ```
/// use http::StatusCode;
/// use pardon::{Code, ProblemType};
///
/// let err = ProblemType::try_new(Code::from_static("OK"), StatusCode::OK).unwrap_err();
/// assert!(err.to_string().contains("200"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusError {
    code: Code,
    status: StatusCode,
}

impl std::fmt::Display for StatusError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "problem type {} has status {}, not 400..=599",
            self.code,
            self.status.as_u16()
        )
    }
}

impl std::error::Error for StatusError {}

/// A field-error code and the arguments its message may use, such as `TOO_SHORT` with
/// `min`.
///
/// Its Fluent message id is the code; the message value is the entry's `detail`.
///
/// # Examples
///
/// ```
/// use pardon::{catalog::FieldCode, Code};
///
/// const TOO_MANY_TAGS: FieldCode = FieldCode::new(Code::from_static("TOO_MANY_TAGS"))
///     .with_args(&["max"]);
/// assert_eq!(TOO_MANY_TAGS.args(), ["max"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldCode {
    code: Code,
    args: &'static [&'static str],
}

impl FieldCode {
    /// A field-error code whose message takes no arguments.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{catalog::FieldCode, Code};
    ///
    /// let c = FieldCode::new(Code::from_static("NOT_A_COLOUR"));
    /// assert!(c.args().is_empty());
    /// ```
    #[must_use]
    pub const fn new(code: Code) -> FieldCode {
        FieldCode { code, args: &[] }
    }

    /// Declares the argument names its message may use.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{catalog::FieldCode, Code};
    ///
    /// let c = FieldCode::new(Code::from_static("TOO_FEW")).with_args(&["min"]);
    /// assert_eq!(c.args(), ["min"]);
    /// ```
    #[must_use]
    pub const fn with_args(mut self, args: &'static [&'static str]) -> FieldCode {
        self.args = args;
        self
    }

    /// The code.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::builtin::field::REQUIRED.code().as_str(), "REQUIRED");
    /// ```
    #[must_use]
    pub const fn code(&self) -> &Code {
        &self.code
    }

    /// The argument names its message may use.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::builtin::field::OUT_OF_RANGE.args(), ["min", "max"]);
    /// ```
    #[must_use]
    pub const fn args(&self) -> &'static [&'static str] {
        self.args
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_must_be_an_error() {
        let code = Code::from_static("X");
        assert!(ProblemType::try_new(code.clone(), StatusCode::BAD_REQUEST).is_ok());
        assert!(ProblemType::try_new(code.clone(), StatusCode::from_u16(599).unwrap()).is_ok());
        assert!(ProblemType::try_new(code.clone(), StatusCode::from_u16(399).unwrap()).is_err());
        assert!(ProblemType::try_new(code, StatusCode::from_u16(600).unwrap()).is_err());
    }

    #[test]
    fn every_401_carries_a_challenge() {
        let t = ProblemType::new(Code::from_static("NOPE"), 401);
        assert!(t.carries(TypeHeader::WwwAuthenticate));
        let t = ProblemType::new(Code::from_static("NOPE"), 403);
        assert!(!t.carries(TypeHeader::WwwAuthenticate));
    }
}
