//! [`ProblemResponse`]: a rendered problem — status, body and the headers that go with it —
//! kept as what it is rather than as a header map, so that each adapter writes it straight
//! into its own response type and nothing is hashed twice.

use http::header::{CONTENT_LANGUAGE, CONTENT_TYPE, VARY};
use http::{HeaderMap, HeaderValue, Response, StatusCode};

use crate::negotiate::Format;

/// The `Vary` of every problem response that no inner response added to.
pub(crate) const DEFAULT_VARY: &str = "Accept, Accept-Language";

/// A problem rendered for one request, from [`Renderer::render`](crate::Renderer::render).
///
/// Its headers are `Content-Type`, `Content-Language`, `Vary` (always naming `Accept` and
/// `Accept-Language`), and those the problem carries (`Allow`, `Retry-After`,
/// `WWW-Authenticate`…) or an adapter kept of the response the problem replaces. Turn it
/// into an [`http::Response`] with [`ProblemResponse::into_response`] (or `From`), or take
/// the parts.
///
/// # Examples
///
/// ```
/// # let renderer = pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/")?, pardon::i18n::Messages::builder().build()?);
/// let rendered = renderer.render(&pardon::Problem::new(&pardon::builtin::CONFLICT), &http::HeaderMap::new());
/// assert_eq!(rendered.status(), 409);
/// assert_eq!(rendered.content_type(), "application/problem+json");
/// let response: http::Response<Vec<u8>> = rendered.into();
/// assert_eq!(response.headers()["vary"], "Accept, Accept-Language");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct ProblemResponse {
    pub(super) status: StatusCode,
    pub(super) format: Format,
    pub(super) content_language: Option<HeaderValue>,
    /// The locale whose tag `content_language` is, when it is one locale's alone.
    pub(super) locale: Option<usize>,
    /// `None`: [`DEFAULT_VARY`].
    pub(super) vary: Option<HeaderValue>,
    /// The problem's own headers and those kept of a replaced response: never
    /// `Content-Type`, `Content-Language` or `Vary`.
    pub(super) headers: HeaderMap,
    pub(super) body: Vec<u8>,
}

impl ProblemResponse {
    /// The status sent.
    ///
    /// # Examples
    ///
    /// ```
    /// # let renderer = pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/")?, pardon::i18n::Messages::builder().build()?);
    /// let rendered = renderer.render(&pardon::Problem::new(&pardon::builtin::RATE_LIMITED), &http::HeaderMap::new());
    /// assert_eq!(rendered.status(), http::StatusCode::TOO_MANY_REQUESTS);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The format negotiated; its media type is the `Content-Type`.
    ///
    /// # Examples
    ///
    /// ```
    /// # let renderer = pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/")?, pardon::i18n::Messages::builder().build()?);
    /// let mut request = http::HeaderMap::new();
    /// request.insert(http::header::ACCEPT, "text/plain".parse()?);
    /// let rendered = renderer.render(&pardon::Problem::new(&pardon::builtin::CONFLICT), &request);
    /// assert_eq!(rendered.format(), pardon::negotiate::Format::Text);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn format(&self) -> Format {
        self.format
    }

    /// The `Content-Type`.
    ///
    /// # Examples
    ///
    /// ```
    /// # let renderer = pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/")?, pardon::i18n::Messages::builder().build()?);
    /// let rendered = renderer.render(&pardon::Problem::new(&pardon::builtin::CONFLICT), &http::HeaderMap::new());
    /// assert_eq!(rendered.content_type(), "application/problem+json");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn content_type(&self) -> &'static str {
        self.format.content_type()
    }

    /// Every header of the response, in a map made for the asking (an adapter writes them
    /// into its own type instead; see [`ProblemResponse::into_response`]).
    ///
    /// # Examples
    ///
    /// ```
    /// # let renderer = pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/")?, pardon::i18n::Messages::builder().build()?);
    /// let rendered = renderer.render(&pardon::Problem::new(&pardon::builtin::CONFLICT), &http::HeaderMap::new());
    /// let headers = rendered.headers();
    /// assert_eq!(headers["content-language"], "en");
    /// assert_eq!(headers.len(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn headers(&self) -> HeaderMap {
        self.clone().into_response().into_parts().0.headers
    }

    /// The `Content-Language`, if any text was localized.
    #[cfg_attr(not(feature = "actix"), allow(dead_code))]
    pub(crate) fn content_language(&self) -> Option<&HeaderValue> {
        self.content_language.as_ref()
    }

    /// The locale whose tag alone the `Content-Language` is, if it is.
    #[cfg_attr(not(feature = "actix"), allow(dead_code))]
    pub(crate) fn single_locale(&self) -> Option<usize> {
        self.locale
    }

    /// The `Vary`, when it is not [`DEFAULT_VARY`].
    #[cfg_attr(not(feature = "actix"), allow(dead_code))]
    pub(crate) fn vary(&self) -> Option<&HeaderValue> {
        self.vary.as_ref()
    }

    /// The headers besides `Content-Type`, `Content-Language` and `Vary`.
    #[cfg_attr(not(feature = "actix"), allow(dead_code))]
    pub(crate) fn other_headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The body.
    ///
    /// # Examples
    ///
    /// ```
    /// # let renderer = pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/")?, pardon::i18n::Messages::builder().build()?);
    /// let rendered = renderer.render(&pardon::Problem::new(&pardon::builtin::CONFLICT), &http::HeaderMap::new());
    /// assert!(rendered.body().starts_with(b"{\"type\":"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// The body, taken.
    ///
    /// # Examples
    ///
    /// ```
    /// # let renderer = pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/")?, pardon::i18n::Messages::builder().build()?);
    /// let body = renderer.render(&pardon::Problem::new(&pardon::builtin::CONFLICT), &http::HeaderMap::new()).into_body();
    /// let document: serde_json::Value = serde_json::from_slice(&body)?;
    /// assert_eq!(document["status"], 409);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn into_body(self) -> Vec<u8> {
        self.body
    }

    /// An [`http::Response`] with the status, every header and the body.
    ///
    /// # Examples
    ///
    /// ```
    /// # let renderer = pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/")?, pardon::i18n::Messages::builder().build()?);
    /// let problem = pardon::Problem::new(&pardon::builtin::RATE_LIMITED)
    ///     .with_retry_after(pardon::RetryAfter::seconds(30));
    /// let response = renderer.render(&problem, &http::HeaderMap::new()).into_response();
    /// assert_eq!(response.headers()["retry-after"], "30");
    /// assert_eq!(response.headers()["content-type"], "application/problem+json");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn into_response(self) -> Response<Vec<u8>> {
        let mut headers = self.headers;
        headers.reserve(3);
        headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static(self.format.content_type()),
        );
        if let Some(language) = self.content_language {
            headers.insert(CONTENT_LANGUAGE, language);
        }
        headers.insert(
            VARY,
            self.vary.unwrap_or(HeaderValue::from_static(DEFAULT_VARY)),
        );
        let mut response = Response::new(self.body);
        *response.status_mut() = self.status;
        *response.headers_mut() = headers;
        response
    }
}

impl From<ProblemResponse> for Response<Vec<u8>> {
    fn from(rendered: ProblemResponse) -> Response<Vec<u8>> {
        rendered.into_response()
    }
}
