//! [`RenderedProblem`]: a rendered problem — status, body and the headers that go with it —
//! kept as what it is rather than as a finished header map, so that each adapter writes it
//! straight into its own response type and nothing is hashed twice.

use http::header::{CONTENT_LANGUAGE, CONTENT_TYPE, VARY};
use http::{HeaderMap, HeaderValue, Response, StatusCode};

use crate::negotiate::Format;

/// The `Vary` of every problem response that no inner response or problem added to.
pub(crate) const DEFAULT_VARY: &str = "Accept, Accept-Language";

/// A problem rendered for one request, from [`Renderer::render`](crate::Renderer::render).
///
/// Its headers are `Content-Type`, `Content-Language`, `Vary` (naming `Accept` and
/// `Accept-Language` beside any other the problem or a replaced response named, or `*`),
/// and those the problem carries (`Allow`, `Retry-After`, `WWW-Authenticate`…) or an
/// adapter kept of the response the problem replaces. [`RenderedProblem::into_response`]
/// (or `From`) makes it an [`http::Response`].
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
pub struct RenderedProblem {
    parts: RenderedParts,
}

/// What a [`RenderedProblem`] holds, for the adapters.
#[derive(Debug, Clone)]
pub(crate) struct RenderedParts {
    pub(crate) status: StatusCode,
    pub(crate) format: Format,
    /// `None` when no text was localized (then a `Content-Language` in `headers`, if any,
    /// stays).
    pub(crate) content_language: Option<HeaderValue>,
    /// The locale whose tag alone `content_language` is, if it is.
    #[cfg_attr(not(feature = "actix"), allow(dead_code))]
    pub(crate) single_locale: Option<usize>,
    /// The problem's own headers and those kept of a replaced response, in that order,
    /// with the challenge of a 401 and their `Vary` merged into one (`None` when there
    /// are none); `Content-Type` and `Content-Language` are replaced when the response
    /// is made, and `Vary` added if there is none.
    pub(crate) headers: Option<HeaderMap>,
    pub(crate) body: Vec<u8>,
}

impl RenderedProblem {
    pub(super) fn new(parts: RenderedParts) -> RenderedProblem {
        RenderedProblem { parts }
    }

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
        self.parts.status
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
        self.parts.format
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
        self.parts.format.content_type()
    }

    /// Every header of the response, in a map made on each call (an adapter writes them
    /// into its own response type instead).
    ///
    /// # Examples
    ///
    /// ```
    /// # let renderer = pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/")?, pardon::i18n::Messages::builder().build()?);
    /// let rendered = renderer.render(&pardon::Problem::new(&pardon::builtin::CONFLICT), &http::HeaderMap::new());
    /// let headers = rendered.to_headers();
    /// assert_eq!(headers["content-language"], "en");
    /// assert_eq!(headers.len(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn to_headers(&self) -> HeaderMap {
        let parts = &self.parts;
        complete_headers(
            parts.headers.clone().unwrap_or_default(),
            parts.format,
            parts.content_language.clone(),
        )
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
        &self.parts.body
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
        self.parts.body
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
        let RenderedParts {
            status,
            format,
            content_language,
            headers,
            body,
            ..
        } = self.parts;
        let mut response = Response::new(body);
        *response.status_mut() = status;
        *response.headers_mut() =
            complete_headers(headers.unwrap_or_default(), format, content_language);
        response
    }

    /// The parts, for an adapter to write into its own response type.
    #[cfg_attr(not(feature = "actix"), allow(dead_code))]
    pub(crate) fn into_parts(self) -> RenderedParts {
        self.parts
    }
}

impl From<RenderedProblem> for Response<Vec<u8>> {
    fn from(rendered: RenderedProblem) -> Response<Vec<u8>> {
        rendered.into_response()
    }
}

/// `headers` with the body's `Content-Type` and `Content-Language` in place of any they
/// hold, and the default `Vary` when they have none.
fn complete_headers(
    mut headers: HeaderMap,
    format: Format,
    content_language: Option<HeaderValue>,
) -> HeaderMap {
    headers.reserve(3);
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static(format.content_type()),
    );
    if let Some(language) = content_language {
        headers.insert(CONTENT_LANGUAGE, language);
    }
    if !headers.contains_key(VARY) {
        headers.insert(VARY, HeaderValue::from_static(DEFAULT_VARY));
    }
    headers
}
