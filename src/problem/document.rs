//! [`Problem`]: one occurrence of a problem, and the builder that reads well at the call site.

use std::borrow::Cow;
use std::error::Error;
use std::fmt;
use std::sync::{Arc, LazyLock};
use std::time::SystemTime;

use http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use serde::Serialize;
use serde_json::Value;

use super::FieldError;
use super::args::Args;
use super::extension::{ExtensionError, Extensions, MemberName};
use super::headers::{Challenge, RetryAfter, allow_value};
use super::texts::{Text, Texts};
use crate::catalog::{Code, ProblemType, TypeUri, builtin};

/// A cause kept for the log, shared so that a problem can be cloned.
type Source = Arc<dyn Error + Send + Sync + 'static>;

/// A problem details document ([RFC 9457](https://www.rfc-editor.org/rfc/rfc9457)): the
/// standard members, a stable `code`, extension members, field errors, the headers the
/// response needs, and a source error kept for the log.
///
/// Build one from its [`ProblemType`] plus its arguments; the title and detail come from
/// the type's Fluent messages when it is rendered, in the client's language. Serializing a
/// `Problem` directly writes the members it holds; deserializing reads any RFC 9457
/// document and loses no extension member.
///
/// # Examples
///
/// ```
/// use pardon::{builtin, Problem};
///
/// let problem = Problem::new(&builtin::RATE_LIMITED)
///     .with_retry_after(pardon::RetryAfter::seconds(30))
///     .with_extension("limit", 5)?;
/// assert_eq!(problem.status().map(|s| s.as_u16()), Some(429));
/// assert_eq!(problem.extension("retry_after"), Some(&serde_json::json!(30)));
/// assert_eq!(problem.headers()["retry-after"], "30");
/// # Ok::<(), pardon::problem::ExtensionError>(())
/// ```
#[derive(Clone, Default)]
pub struct Problem(pub(super) Arc<Parts>);

/// A problem's members, behind an `Arc` so that `Result<T, Problem>` stays small and a
/// clone (a middleware keeping the problem on a response) copies nothing; the builder
/// writes in place while the problem is not shared.
#[derive(Clone, Default)]
pub(super) struct Parts {
    pub(super) problem_type: Option<ProblemType>,
    pub(super) type_uri: Option<TypeUri>,
    pub(super) title: Option<String>,
    pub(super) status: Option<StatusCode>,
    /// `detail`, `instance` and `request_id`.
    pub(super) texts: Texts,
    pub(super) code: Option<Code>,
    pub(super) extensions: Extensions,
    pub(super) errors: Vec<FieldError>,
    /// Message arguments; a name the type declares is kept without a copy.
    pub(super) args: Args,
    /// `None` until the first header: most problems carry none.
    pub(super) headers: Option<Box<HeaderMap>>,
    pub(super) source: Option<Source>,
}

impl Parts {
    fn headers_mut(&mut self) -> &mut HeaderMap {
        self.headers.get_or_insert_default()
    }
}

impl Problem {
    /// A problem of `problem_type`: its code and status, and nothing else yet.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{builtin, Problem};
    ///
    /// let p = Problem::new(&builtin::ROUTE_NOT_FOUND);
    /// assert_eq!(p.code().unwrap().as_str(), "ROUTE_NOT_FOUND");
    /// assert_eq!(p.status().unwrap().as_u16(), 404);
    /// ```
    #[must_use]
    pub fn new(problem_type: &ProblemType) -> Problem {
        Problem(Arc::new(Parts {
            problem_type: Some(problem_type.clone()),
            status: Some(problem_type.status()),
            code: Some(problem_type.code().clone()),
            ..Parts::default()
        }))
    }

    /// An `about:blank` problem: no more semantics than its status. When rendered, its
    /// title is the status's reason phrase in the client's language
    /// ([RFC 9457 §4.2.1](https://www.rfc-editor.org/rfc/rfc9457#section-4.2.1)).
    ///
    /// # Examples
    ///
    /// ```
    /// use http::StatusCode;
    ///
    /// let p = pardon::Problem::from_status(StatusCode::GONE);
    /// assert_eq!(p.title(), None);
    /// assert!(p.type_uri().is_about_blank());
    /// assert!(p.code().is_none());
    /// ```
    #[must_use]
    pub fn from_status(status: StatusCode) -> Problem {
        Problem(Arc::new(Parts {
            status: Some(status),
            ..Parts::default()
        }))
    }

    /// An `INTERNAL_ERROR` caused by `source`, which is logged and never sent.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::error::Error as _;
    ///
    /// let io = std::io::Error::other("disk on fire");
    /// let p = pardon::Problem::internal(io);
    /// assert_eq!(p.status().unwrap().as_u16(), 500);
    /// assert_eq!(p.internal_cause().unwrap().to_string(), "disk on fire");
    /// assert!(!serde_json::to_string(&p).unwrap().contains("fire"));
    /// ```
    #[must_use]
    pub fn internal(source: impl Error + Send + Sync + 'static) -> Problem {
        Problem::new(&builtin::INTERNAL_ERROR).with_source(source)
    }

    /// Sets the title, instead of the type's localized message.
    ///
    /// # Examples
    ///
    /// ```
    /// let p = pardon::Problem::new(&pardon::builtin::CONFLICT).with_title("Seat taken");
    /// assert_eq!(p.title(), Some("Seat taken"));
    /// ```
    #[must_use]
    pub fn with_title(mut self, title: impl Into<String>) -> Problem {
        self.parts().title = Some(title.into());
        self
    }

    /// Sets the detail, instead of the type's localized message. A 5xx problem is
    /// rendered with its catalogue title and detail only, so that no internal text
    /// escapes.
    ///
    /// # Examples
    ///
    /// ```
    /// let p = pardon::Problem::new(&pardon::builtin::CONFLICT).with_detail("Seat 12A is taken.");
    /// assert_eq!(p.detail(), Some("Seat 12A is taken."));
    /// ```
    #[must_use]
    pub fn with_detail(mut self, detail: impl AsRef<str>) -> Problem {
        self.parts().texts.set(Text::Detail, detail.as_ref());
        self
    }

    /// Sets the `instance`: a URI reference for this occurrence (the request path by
    /// default in the actix adapter).
    ///
    /// # Examples
    ///
    /// ```
    /// let p = pardon::Problem::new(&pardon::builtin::CONFLICT).with_instance("/orders/7");
    /// assert_eq!(p.instance(), Some("/orders/7"));
    /// ```
    #[must_use]
    pub fn with_instance(mut self, instance: impl AsRef<str>) -> Problem {
        self.parts().texts.set(Text::Instance, instance.as_ref());
        self
    }

    /// Sets the `type` URI, instead of the one the registry gives the problem's type.
    ///
    /// # Examples
    ///
    /// ```
    /// let uri: pardon::catalog::TypeUri = "https://example.com/probs/out-of-credit".parse().unwrap();
    /// let p = pardon::Problem::from_status(http::StatusCode::FORBIDDEN).with_type_uri(uri.clone());
    /// assert_eq!(p.type_uri(), &uri);
    /// ```
    #[must_use]
    pub fn with_type_uri(mut self, type_uri: TypeUri) -> Problem {
        self.parts().type_uri = Some(type_uri);
        self
    }

    /// Adds an extension member, which is also an argument of the type's messages.
    ///
    /// # Errors
    ///
    /// [`ExtensionError`] when `name` is not a letter followed by letters, digits or `_`
    /// ([RFC 9457 §3.2](https://www.rfc-editor.org/rfc/rfc9457#section-3.2)), when it
    /// names a standard member, `code` or `errors`, or when `value` does not serialize.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{builtin, Problem};
    ///
    /// let p = Problem::new(&builtin::CONFLICT).with_extension("id", 7)?;
    /// assert_eq!(p.extension("id"), Some(&serde_json::json!(7)));
    /// assert!(Problem::new(&builtin::CONFLICT).with_extension("status", 200).is_err());
    /// # Ok::<(), pardon::problem::ExtensionError>(())
    /// ```
    pub fn with_extension(
        mut self,
        name: &str,
        value: impl Serialize,
    ) -> Result<Problem, ExtensionError> {
        ExtensionError::check_name(name)?;
        let value =
            serde_json::to_value(value).map_err(|_| ExtensionError::not_serializable(name))?;
        self.parts().extensions.set(name, value);
        Ok(self)
    }

    /// Adds the extension member `name` (checked when it was made) with `value`: the
    /// infallible form of [`Problem::with_extension`], for names known at compile time.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{builtin, problem::MemberName, Problem};
    ///
    /// const BALANCE: MemberName = MemberName::new("balance");
    /// let p = Problem::new(&builtin::CONFLICT).with_member(BALANCE, 30).with_detail("Too little credit.");
    /// assert_eq!(p.extension("balance"), Some(&serde_json::json!(30)));
    /// ```
    #[must_use]
    pub fn with_member(mut self, name: MemberName, value: impl Into<Value>) -> Problem {
        self.parts()
            .extensions
            .set_static(name.as_str(), value.into());
        self
    }

    /// Adds every member of `members`, which must serialize to a JSON object: typed
    /// extension members from a struct of your own.
    ///
    /// # Errors
    ///
    /// [`ExtensionError`] when `members` is not an object or any member is refused; then
    /// nothing is added.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{builtin, Problem};
    ///
    /// #[derive(serde::Serialize)]
    /// struct Shortage { product_id: String, requested: u32, available: u32 }
    ///
    /// let p = Problem::new(&builtin::CONFLICT)
    ///     .with_extensions(Shortage { product_id: "1".into(), requested: 5, available: 3 })?;
    /// assert_eq!(p.extension("available"), Some(&serde_json::json!(3)));
    /// assert!(Problem::new(&builtin::CONFLICT).with_extensions(5).is_err());
    /// # Ok::<(), pardon::problem::ExtensionError>(())
    /// ```
    pub fn with_extensions(mut self, members: impl Serialize) -> Result<Problem, ExtensionError> {
        let Ok(Value::Object(map)) = serde_json::to_value(members) else {
            return Err(ExtensionError::not_an_object());
        };
        for name in map.keys() {
            ExtensionError::check_name(name)?;
        }
        for (name, value) in map {
            self.parts().extensions.set(&name, value);
        }
        Ok(self)
    }

    /// Adds an argument for the type's messages that is not sent as a member. Pass
    /// identifiers as strings: Fluent numbers are `f64` and lose digits past 2^53.
    ///
    /// # Examples
    ///
    /// ```
    /// let p = pardon::Problem::new(&pardon::builtin::CONFLICT).with_arg("name", "Alice");
    /// assert_eq!(p.arg("name"), Some(&serde_json::json!("Alice")));
    /// assert!(p.extension("name").is_none());
    /// ```
    #[must_use]
    pub fn with_arg(mut self, name: &str, value: impl Into<Value>) -> Problem {
        let value = value.into();
        let parts = self.parts();
        match parts.args.get_mut(name) {
            Some(v) => *v = value,
            None => {
                let declared = (parts.problem_type.as_ref())
                    .and_then(|t| t.args().iter().find(|&&declared| declared == name).copied());
                let name = declared.map_or_else(|| Cow::Owned(name.to_owned()), Cow::Borrowed);
                parts.args.push((name, value));
            }
        }
        self
    }

    /// Adds one entry to the `errors` member.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{builtin, FieldError, Problem};
    ///
    /// let p = Problem::new(&builtin::VALIDATION_ERROR)
    ///     .with_field_error(FieldError::parameter("id", &builtin::field::INVALID_TYPE));
    /// assert_eq!(p.field_errors()[0].location().value(), "id");
    /// ```
    #[must_use]
    pub fn with_field_error(self, error: FieldError) -> Problem {
        self.with_field_errors([error])
    }

    /// Adds entries to the `errors` member.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{builtin::{self, field}, FieldError, Problem};
    ///
    /// let p = Problem::new(&builtin::VALIDATION_ERROR).with_field_errors([
    ///     FieldError::parameter("a", &field::REQUIRED),
    ///     FieldError::parameter("b", &field::REQUIRED),
    /// ]);
    /// assert_eq!(p.field_errors().len(), 2);
    /// ```
    #[must_use]
    pub fn with_field_errors(mut self, errors: impl IntoIterator<Item = FieldError>) -> Problem {
        self.parts().errors.extend(errors);
        if !self.0.errors.is_empty() {
            // Typed entries replace an `errors` member read from elsewhere: never two.
            self.parts().extensions.remove("errors");
        }
        self
    }

    /// Sets `Retry-After` and mirrors it as the `retry_after` member, in seconds.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{builtin, Problem, RetryAfter};
    ///
    /// let p = Problem::new(&builtin::SERVICE_UNAVAILABLE).with_retry_after(RetryAfter::seconds(300));
    /// assert_eq!(p.headers()["retry-after"], "300");
    /// assert_eq!(p.extension("retry_after"), Some(&serde_json::json!(300)));
    /// ```
    #[must_use]
    pub fn with_retry_after(mut self, retry_after: RetryAfter) -> Problem {
        if let Ok(value) = HeaderValue::from_str(&retry_after.header_value()) {
            self.parts()
                .headers_mut()
                .insert(http::header::RETRY_AFTER, value);
        }
        let seconds = retry_after.delay_seconds(SystemTime::now());
        self.parts()
            .extensions
            .set_static("retry_after", Value::from(seconds));
        self
    }

    /// Sets the `WWW-Authenticate` challenge. A 401 rendered without one gets the
    /// registry's Bearer challenge.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{builtin, Challenge, Problem};
    ///
    /// let p = Problem::new(&builtin::AUTH_REQUIRED).with_challenge(Challenge::bearer("shop"));
    /// assert_eq!(p.headers()["www-authenticate"], r#"Bearer realm="shop""#);
    /// ```
    #[must_use]
    pub fn with_challenge(mut self, challenge: Challenge) -> Problem {
        if let Some(value) = challenge.header_value() {
            self.parts()
                .headers_mut()
                .insert(http::header::WWW_AUTHENTICATE, value);
        }
        self
    }

    /// Sets `Allow`: the methods the resource supports.
    ///
    /// # Examples
    ///
    /// ```
    /// use http::Method;
    /// use pardon::{builtin, Problem};
    ///
    /// let p = Problem::new(&builtin::METHOD_NOT_ALLOWED).with_allow([Method::GET, Method::HEAD]);
    /// assert_eq!(p.headers()["allow"], "GET, HEAD");
    /// ```
    #[must_use]
    pub fn with_allow(mut self, methods: impl IntoIterator<Item = http::Method>) -> Problem {
        let methods: Vec<_> = methods.into_iter().collect();
        if let Ok(value) = HeaderValue::from_str(&allow_value(&methods)) {
            self.parts()
                .headers_mut()
                .insert(http::header::ALLOW, value);
        }
        self
    }

    /// Sets any other response header.
    ///
    /// # Examples
    ///
    /// ```
    /// use http::{header::LOCATION, HeaderValue};
    ///
    /// let p = pardon::Problem::new(&pardon::builtin::CONFLICT)
    ///     .with_header(LOCATION, HeaderValue::from_static("/users/1"));
    /// assert_eq!(p.headers()[LOCATION], "/users/1");
    /// ```
    #[must_use]
    pub fn with_header(mut self, name: HeaderName, value: HeaderValue) -> Problem {
        self.parts().headers_mut().insert(name, value);
        self
    }

    /// Attaches the cause, for the log only: its text is never serialized, in any format.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::error::Error as _;
    ///
    /// let p = pardon::Problem::new(&pardon::builtin::UPSTREAM_ERROR)
    ///     .with_source(std::io::Error::other("connection refused"));
    /// assert_eq!(p.internal_cause().unwrap().to_string(), "connection refused");
    /// ```
    #[must_use]
    pub fn with_source(mut self, source: impl Error + Send + Sync + 'static) -> Problem {
        self.parts().source = Some(Arc::new(source));
        self
    }

    /// Attaches a boxed cause, for the log only, like [`Problem::with_source`].
    ///
    /// # Examples
    ///
    /// ```
    /// let cause: Box<dyn std::error::Error + Send + Sync> = "pool exhausted".into();
    /// let p = pardon::Problem::new(&pardon::builtin::INTERNAL_ERROR).with_boxed_source(cause);
    /// assert_eq!(p.internal_cause().unwrap().to_string(), "pool exhausted");
    /// ```
    #[must_use]
    pub fn with_boxed_source(mut self, source: Box<dyn Error + Send + Sync + 'static>) -> Problem {
        self.parts().source = Some(Arc::from(source));
        self
    }

    /// Sets the `request_id` member, written after the extension members (the
    /// middleware of each adapter sets the request's own, which takes its place).
    ///
    /// # Examples
    ///
    /// ```
    /// let p = pardon::Problem::new(&pardon::builtin::CONFLICT).with_request_id("abc-1");
    /// assert_eq!(p.request_id(), Some("abc-1"));
    /// assert_eq!(p.extension("request_id"), None);
    /// ```
    #[must_use]
    pub fn with_request_id(mut self, request_id: impl AsRef<str>) -> Problem {
        self.parts().texts.set(Text::RequestId, request_id.as_ref());
        self
    }

    /// The problem type this problem was built from, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{builtin, Problem};
    ///
    /// assert_eq!(Problem::new(&builtin::CONFLICT).problem_type(), Some(&builtin::CONFLICT));
    /// assert_eq!(Problem::from_status(http::StatusCode::GONE).problem_type(), None);
    /// ```
    #[must_use]
    pub fn problem_type(&self) -> Option<&ProblemType> {
        self.0.problem_type.as_ref()
    }

    /// The `type` member; `about:blank` when absent. A problem built from a
    /// [`ProblemType`] gets its URI from the [`Registry`](crate::Registry) when rendered.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(pardon::Problem::default().type_uri().is_about_blank());
    /// ```
    #[must_use]
    pub fn type_uri(&self) -> &TypeUri {
        self.0.type_uri.as_ref().unwrap_or(&TypeUri::ABOUT_BLANK)
    }

    /// The `title` member, when set (it is localized when rendered).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::Problem::new(&pardon::builtin::CONFLICT).title(), None);
    /// ```
    #[must_use]
    pub fn title(&self) -> Option<&str> {
        self.0.title.as_deref()
    }

    /// The HTTP status.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::Problem::new(&pardon::builtin::CONFLICT).status().unwrap().as_u16(), 409);
    /// ```
    #[must_use]
    pub fn status(&self) -> Option<StatusCode> {
        self.0.status
    }

    /// The HTTP status a response for this problem is sent with: its status when that is
    /// a client or server error (4xx, 5xx), else 500 — a problem is never a success. The
    /// rendered `status` member equals it
    /// ([RFC 9457 §3.1.2](https://www.rfc-editor.org/rfc/rfc9457#section-3.1.2)), and a
    /// 5xx is redacted and logged by it.
    ///
    /// # Examples
    ///
    /// ```
    /// use http::StatusCode;
    /// use pardon::{builtin, Problem};
    ///
    /// assert_eq!(Problem::new(&builtin::CONFLICT).response_status(), StatusCode::CONFLICT);
    /// assert_eq!(Problem::default().response_status(), StatusCode::INTERNAL_SERVER_ERROR);
    /// assert_eq!(Problem::from_status(StatusCode::FOUND).response_status(), StatusCode::INTERNAL_SERVER_ERROR);
    /// ```
    #[must_use]
    pub fn response_status(&self) -> StatusCode {
        self.0
            .status
            .filter(|s| s.is_client_error() || s.is_server_error())
            .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// The `detail` member, when set.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::Problem::default().with_detail("d").detail(), Some("d"));
    /// ```
    #[must_use]
    pub fn detail(&self) -> Option<&str> {
        self.0.texts.get(Text::Detail)
    }

    /// The `instance` member, when set.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::Problem::default().instance(), None);
    /// ```
    #[must_use]
    pub fn instance(&self) -> Option<&str> {
        self.0.texts.get(Text::Instance)
    }

    /// The `request_id` member, when set with [`Problem::with_request_id`] or read from a
    /// document as text.
    ///
    /// # Examples
    ///
    /// ```
    /// let p: pardon::Problem = serde_json::from_str(r#"{"status": 404, "request_id": "r-9"}"#)?;
    /// assert_eq!(p.request_id(), Some("r-9"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn request_id(&self) -> Option<&str> {
        self.0.texts.get(Text::RequestId)
    }

    /// The stable code, when the problem has one.
    ///
    /// # Examples
    ///
    /// ```
    /// let p = pardon::Problem::new(&pardon::builtin::RATE_LIMITED);
    /// assert_eq!(p.code().map(|c| c.as_str()), Some("RATE_LIMITED"));
    /// ```
    #[must_use]
    pub fn code(&self) -> Option<&Code> {
        self.0.code.as_ref()
    }

    /// The extension member `name`.
    ///
    /// # Examples
    ///
    /// ```
    /// let p = pardon::Problem::default().with_extension("balance", 30).unwrap();
    /// assert_eq!(p.extension("balance"), Some(&serde_json::json!(30)));
    /// ```
    #[must_use]
    pub fn extension(&self, name: &str) -> Option<&Value> {
        self.0.extensions.get(name)
    }

    /// Every extension member, in the order added.
    ///
    /// # Examples
    ///
    /// ```
    /// let p = pardon::Problem::default().with_extension("a", 1).unwrap().with_extension("b", 2).unwrap();
    /// let names: Vec<&str> = p.extensions().map(|(name, _)| name).collect();
    /// assert_eq!(names, ["a", "b"]);
    /// ```
    pub fn extensions(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.extensions.iter()
    }

    /// The entries of the `errors` member.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(pardon::Problem::default().field_errors().is_empty());
    /// ```
    #[must_use]
    pub fn field_errors(&self) -> &[FieldError] {
        &self.0.errors
    }

    /// The message argument `name`: an argument added with [`Problem::with_arg`], else the
    /// extension member of that name.
    ///
    /// # Examples
    ///
    /// ```
    /// let p = pardon::Problem::default().with_extension("id", 1).unwrap().with_arg("name", "x");
    /// assert_eq!(p.arg("id"), Some(&serde_json::json!(1)));
    /// assert_eq!(p.arg("name"), Some(&serde_json::json!("x")));
    /// ```
    #[must_use]
    pub fn arg(&self, name: &str) -> Option<&Value> {
        self.0
            .args
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
            .or_else(|| self.0.extensions.get(name))
    }

    /// The response headers this problem carries (`Retry-After`, `WWW-Authenticate`,
    /// `Allow`, and any added with [`Problem::with_header`]).
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(pardon::Problem::default().headers().is_empty());
    /// ```
    #[must_use]
    pub fn headers(&self) -> &HeaderMap {
        static NONE: LazyLock<HeaderMap> = LazyLock::new(HeaderMap::new);
        self.0.headers.as_deref().unwrap_or(&NONE)
    }

    /// The cause kept for the log (the middleware logs it for a 5xx; it is never sent).
    ///
    /// The same error as `Error::source`, typed `Send + Sync`.
    ///
    /// # Examples
    ///
    /// ```
    /// let p = pardon::Problem::internal(std::io::Error::other("disk on fire"));
    /// assert_eq!(p.internal_cause().unwrap().to_string(), "disk on fire");
    /// assert!(pardon::Problem::default().internal_cause().is_none());
    /// ```
    #[must_use]
    pub fn internal_cause(&self) -> Option<&(dyn Error + Send + Sync + 'static)> {
        self.0.source.as_deref()
    }

    /// The members, to change; copied first only when the problem is shared.
    pub(super) fn parts(&mut self) -> &mut Parts {
        Arc::make_mut(&mut self.0)
    }

    /// Sets an extension member whose name the caller has checked.
    pub(crate) fn set_member(&mut self, name: &str, value: Value) {
        self.parts().extensions.set(name, value);
    }

    /// Sets or clears a text member, as a document read from elsewhere has it.
    pub(super) fn set_text(&mut self, text: Text, value: Option<&str>) {
        self.parts().texts.replace(text, value);
    }

    /// Every message argument: those added with `with_arg`, then the extension members
    /// of other names.
    pub(crate) fn message_args(&self) -> impl Iterator<Item = (&str, &Value)> {
        let args = self.0.args.iter().map(|(n, v)| (n.as_ref(), v));
        let members = self
            .0
            .extensions
            .iter()
            .filter(|(name, _)| !self.0.args.iter().any(|(n, _)| n == name));
        args.chain(members)
    }

    /// The `type` URI set explicitly or read from a document, if any.
    pub(crate) fn explicit_type_uri(&self) -> Option<&TypeUri> {
        self.0.type_uri.as_ref()
    }
}

impl fmt::Debug for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Problem")
            .field("type", &self.0.type_uri)
            .field("code", &self.0.code)
            .field("status", &self.0.status)
            .field("title", &self.0.title)
            .field("detail", &self.detail())
            .field("instance", &self.instance())
            .field("request_id", &self.request_id())
            .field("extensions", &self.0.extensions)
            .field("errors", &self.0.errors)
            .field("source", &self.0.source)
            .finish_non_exhaustive()
    }
}

/// The code and status, for logs: never the source's text.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let status = self.0.status.map_or(0, |s| s.as_u16());
        match (&self.0.code, &self.0.title) {
            (Some(code), _) => write!(f, "{code} ({status})"),
            (None, Some(title)) => write!(f, "{title} ({status})"),
            (None, None) => write!(f, "problem ({status})"),
        }
    }
}

impl Error for Problem {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.0
            .source
            .as_deref()
            .map(|e| e as &(dyn Error + 'static))
    }
}

/// A refused extension member is a programming fault: it becomes an `INTERNAL_ERROR`
/// whose cause is logged.
impl From<ExtensionError> for Problem {
    fn from(error: ExtensionError) -> Problem {
        Problem::internal(error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::builtin::field;

    #[test]
    fn display_names_code_and_status_but_not_the_source() {
        let p = Problem::internal(std::io::Error::other("secret"));
        assert_eq!(p.to_string(), "INTERNAL_ERROR (500)");
        assert_eq!(Error::source(&p).unwrap().to_string(), "secret");
    }

    #[test]
    fn typed_errors_replace_a_raw_errors_member() {
        let mut p: Problem = serde_json::from_str(r#"{"errors": "free text"}"#).unwrap();
        assert_eq!(p.extension("errors"), Some(&Value::from("free text")));
        p = p.with_field_error(FieldError::parameter("a", &field::REQUIRED));
        assert!(p.extension("errors").is_none());
        let text = serde_json::to_string(&p).unwrap();
        assert_eq!(text.matches("\"errors\"").count(), 1);
    }

    #[test]
    fn with_extensions_is_all_or_nothing() {
        let p = Problem::default();
        let err = p
            .clone()
            .with_extensions(serde_json::json!({"ok": 1, "type": "x"}))
            .unwrap_err();
        assert_eq!(err.name(), "type");
    }

    #[test]
    fn extension_error_converts_to_an_internal_problem() {
        let err = Problem::default()
            .with_extension("bad name", 1)
            .unwrap_err();
        let p = Problem::from(err);
        assert_eq!(p.code().unwrap().as_str(), "INTERNAL_ERROR");
        assert!(p.internal_cause().unwrap().to_string().contains("bad name"));
    }
}
