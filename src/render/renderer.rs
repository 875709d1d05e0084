//! [`Renderer`]: request headers in, a complete problem response out.

use std::sync::Arc;

use http::header::{VARY, WWW_AUTHENTICATE};
use http::{HeaderMap, HeaderValue};

use crate::catalog::{Registry, builtin};
use crate::i18n::{Locale, Messages};
use crate::negotiate::language::rank_languages;
use crate::negotiate::{Format, Offer};
use crate::problem::Problem;

use super::heading::Headings;
use super::labels::Labels;
use super::recent;
use super::resolve::{Resolved, resolve};
use super::response::{RenderedParts, RenderedProblem};
use super::{html, json, text, xml};

/// What negotiation decided for one request: the format, and the locale's index among
/// [`Messages::locales`].
///
/// # Examples
///
/// ```
/// use http::{header::ACCEPT, HeaderMap, HeaderValue};
/// use pardon::{negotiate::Format, Registry, Renderer, i18n::Messages};
///
/// let renderer = Renderer::new(
///     Registry::with_builtins("https://example.com/problems/")?,
///     Messages::builder().build()?,
/// );
/// let mut headers = HeaderMap::new();
/// headers.insert(ACCEPT, HeaderValue::from_static("text/plain"));
/// let negotiated = renderer.negotiate(&headers);
/// assert_eq!(negotiated.format(), Some(Format::Text));
/// assert_eq!(negotiated.locale().tag(renderer.messages()), "en");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Negotiated {
    format: Option<Format>,
    locale: Locale,
}

impl Negotiated {
    /// A placeholder outcome, for a table's empty slots.
    pub(crate) const DEFAULT: Negotiated = Negotiated {
        format: None,
        locale: Locale::DEFAULT,
    };

    /// A negotiation's outcome, for documentation made without a request.
    #[cfg(any(test, feature = "utoipa"))]
    pub(crate) fn new(format: Option<Format>, locale: Locale) -> Negotiated {
        Negotiated { format, locale }
    }

    /// The format, or `None` when a strict offer found nothing acceptable.
    ///
    /// # Examples
    ///
    /// ```
    /// # let renderer = pardon::Renderer::new(pardon::Registry::new("https://x.test/")?, pardon::i18n::Messages::builder().build()?);
    /// let negotiated = renderer.negotiate(&http::HeaderMap::new());
    /// assert_eq!(negotiated.format(), Some(pardon::negotiate::Format::ProblemJson));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn format(&self) -> Option<Format> {
        self.format
    }

    /// The locale, with the client's next acceptable choices behind it.
    ///
    /// # Examples
    ///
    /// ```
    /// # let renderer = pardon::Renderer::new(pardon::Registry::new("https://x.test/")?, pardon::i18n::Messages::builder().build()?);
    /// let mut headers = http::HeaderMap::new();
    /// headers.insert(http::header::ACCEPT_LANGUAGE, "es-MX".parse()?);
    /// let negotiated = renderer.negotiate(&headers);
    /// assert_eq!(negotiated.locale().tag(renderer.messages()), "es");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn locale(&self) -> Locale {
        self.locale
    }
}

/// Turns a [`Problem`] into a complete HTTP response for a request: format from
/// `Accept`, language from `Accept-Language`, title and details localized, type URI from
/// the registry, and the headers `Content-Type`, `Content-Language`,
/// `Vary: Accept, Accept-Language` and the problem's own.
///
/// Built once at start-up and shared: the registry and the parsed messages live here.
/// Rendering never panics and never fails.
///
/// # Examples
///
/// ```
/// use http::{header, HeaderMap, HeaderValue};
/// use pardon::{builtin, i18n::Messages, Problem, Registry, Renderer};
///
/// let renderer = Renderer::new(
///     Registry::with_builtins("https://example.com/problems/")?,
///     Messages::builder().build()?,
/// );
/// let mut request = HeaderMap::new();
/// request.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_static("fr-CA"));
/// let response = renderer.render(&Problem::new(&builtin::ROUTE_NOT_FOUND), &request).into_response();
///
/// assert_eq!(response.status(), 404);
/// assert_eq!(response.headers()["content-type"], "application/problem+json");
/// assert_eq!(response.headers()["content-language"], "fr");
/// assert_eq!(response.headers()["vary"], "Accept, Accept-Language");
/// let body: serde_json::Value = serde_json::from_slice(response.body())?;
/// assert_eq!(body["type"], "https://example.com/problems/route-not-found");
/// assert_ne!(body["title"], "Route not found");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Renderer {
    registry: Registry,
    messages: Arc<Messages>,
    offer: Offer,
    locale_tags: Vec<String>,
    /// Per locale: its `Content-Language` value and its HTML labels.
    content_languages: Vec<HeaderValue>,
    labels: Vec<Labels>,
    /// What each registered type says in each locale, made once.
    headings: Headings,
    /// This renderer's key in each thread's table of recent negotiations.
    id: u64,
}

impl Renderer {
    /// A renderer offering every format.
    ///
    /// # Examples
    ///
    /// ```
    /// let renderer = pardon::Renderer::new(
    ///     pardon::Registry::new("https://example.com/p/")?,
    ///     pardon::i18n::Messages::builder().build()?,
    /// );
    /// assert_eq!(renderer.offer().formats().len(), 5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(registry: Registry, messages: Messages) -> Renderer {
        let locale_tags: Vec<String> = messages.locales().map(str::to_owned).collect();
        // What every response in a locale repeats, made once.
        let content_languages = locale_tags
            .iter()
            .map(|tag| HeaderValue::from_str(tag).unwrap_or(HeaderValue::from_static("en")))
            .collect();
        let labels = (0..locale_tags.len())
            .map(|locale| Labels::new(&messages, locale))
            .collect();
        let headings = Headings::new(&registry, &messages);
        let messages = Arc::new(messages);
        Renderer {
            registry,
            messages,
            headings,
            id: recent::renderer_id(),
            offer: Offer::default(),
            locale_tags,
            content_languages,
            labels,
        }
    }

    /// What each registered type says in each locale.
    pub(crate) fn headings(&self) -> &Headings {
        &self.headings
    }

    /// The HTML labels of the locale at `locale`.
    pub(crate) fn labels(&self, locale: usize) -> &Labels {
        &self.labels[locale.min(self.labels.len().saturating_sub(1))]
    }

    /// Narrows or reorders the formats offered, or makes the offer strict.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::negotiate::{Format, Offer};
    ///
    /// let renderer = pardon::Renderer::new(
    ///     pardon::Registry::new("https://example.com/p/")?,
    ///     pardon::i18n::Messages::builder().build()?,
    /// )
    /// .with_offer(Offer::new([Format::Json]));
    /// assert_eq!(renderer.offer().formats(), [Format::Json]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_offer(mut self, offer: Offer) -> Renderer {
        self.offer = offer;
        // Another offer negotiates otherwise: the recent outcomes are not this one's.
        self.id = recent::renderer_id();
        self
    }

    /// The registry of problem types.
    ///
    /// # Examples
    ///
    /// ```
    /// # let renderer = pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/")?, pardon::i18n::Messages::builder().build()?);
    /// assert!(renderer.registry().get("RATE_LIMITED").is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// The localized messages.
    ///
    /// # Examples
    ///
    /// ```
    /// # let renderer = pardon::Renderer::new(pardon::Registry::new("https://x.test/")?, pardon::i18n::Messages::builder().build()?);
    /// assert_eq!(renderer.messages().default_locale(), "en");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn messages(&self) -> &Messages {
        &self.messages
    }

    /// The formats offered.
    ///
    /// # Examples
    ///
    /// ```
    /// # let renderer = pardon::Renderer::new(pardon::Registry::new("https://x.test/")?, pardon::i18n::Messages::builder().build()?);
    /// assert_eq!(renderer.offer().formats()[0], pardon::negotiate::Format::ProblemJson);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn offer(&self) -> &Offer {
        &self.offer
    }

    /// Negotiates format and locale for a request's headers, once per request.
    ///
    /// # Examples
    ///
    /// ```
    /// # let renderer = pardon::Renderer::new(pardon::Registry::new("https://x.test/")?, pardon::i18n::Messages::builder().build()?);
    /// let mut headers = http::HeaderMap::new();
    /// headers.insert(http::header::ACCEPT_LANGUAGE, "*;q=0".parse()?);
    /// assert_eq!(renderer.negotiate(&headers).locale().tag(renderer.messages()), "en");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn negotiate(&self, request: &HeaderMap) -> Negotiated {
        if request.is_empty() {
            return self.negotiated_by_default();
        }
        recent::negotiated(self.id, request, || self.negotiate_afresh(request))
    }

    /// What negotiation gives a request without `Accept` and `Accept-Language`.
    pub(crate) fn negotiated_by_default(&self) -> Negotiated {
        Negotiated {
            format: Some(self.offer.formats()[0]),
            locale: Locale::DEFAULT,
        }
    }

    /// [`Renderer::negotiate`], reading the headers.
    fn negotiate_afresh(&self, request: &HeaderMap) -> Negotiated {
        let mut ranked = [0; 4];
        let count = rank_languages(request, &self.locale_tags, &mut ranked);
        Negotiated {
            format: self.offer.negotiate(request).ok(),
            locale: Locale::ranked(&ranked[..count]),
        }
    }

    /// The response for `problem`, negotiated from the request's headers.
    ///
    /// # Examples
    ///
    /// ```
    /// # let renderer = pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/")?, pardon::i18n::Messages::builder().build()?);
    /// let rendered = renderer.render(&pardon::Problem::new(&pardon::builtin::CONFLICT), &http::HeaderMap::new());
    /// assert_eq!(rendered.status(), 409);
    /// assert_eq!(rendered.to_headers()["content-language"], "en");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn render(&self, problem: &Problem, request: &HeaderMap) -> RenderedProblem {
        self.render_negotiated(problem, self.negotiate(request))
    }

    /// The response for `problem` with negotiation already done. When a strict offer found
    /// nothing acceptable, the response is `NOT_ACCEPTABLE` 406 (listing what is
    /// offered) in the first offered format.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::negotiate::{Format, Offer};
    ///
    /// # let renderer = pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/")?, pardon::i18n::Messages::builder().build()?);
    /// let renderer = renderer.with_offer(Offer::default().strict());
    /// let mut headers = http::HeaderMap::new();
    /// headers.insert(http::header::ACCEPT, "image/png".parse()?);
    /// let negotiated = renderer.negotiate(&headers);
    /// let response = renderer.render_negotiated(&pardon::Problem::new(&pardon::builtin::CONFLICT), negotiated);
    /// assert_eq!(response.status(), 406);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn render_negotiated(&self, problem: &Problem, negotiated: Negotiated) -> RenderedProblem {
        self.render_in_context(problem, negotiated, &RequestContext::default())
    }

    /// [`Renderer::render_negotiated`] with what an adapter knows of the request: the
    /// defaults it gives the problem without copying it.
    pub(crate) fn render_in_context(
        &self,
        problem: &Problem,
        negotiated: Negotiated,
        context: &RequestContext<'_>,
    ) -> RenderedProblem {
        let first = self.offer.formats()[0];
        let (format, not_acceptable);
        let problem = match negotiated.format {
            Some(f) => {
                format = f;
                problem
            }
            None => {
                format = first;
                let offered: Vec<&str> = self
                    .offer
                    .formats()
                    .iter()
                    .map(|f| f.content_type())
                    .collect();
                not_acceptable = Problem::new(&builtin::NOT_ACCEPTABLE)
                    .with_extension("acceptable", offered)
                    .unwrap_or_else(|_| Problem::new(&builtin::NOT_ACCEPTABLE));
                &not_acceptable
            }
        };
        let status = problem.response_status();
        let locale = negotiated.locale;
        let Resolved {
            view,
            mut languages,
            title_locale,
            detail_locale,
            challenge,
        } = resolve(
            problem,
            context,
            &self.registry,
            &self.messages,
            &self.headings,
            locale,
            status,
        );
        // A document is a few hundred bytes, and each field error adds a line of its own:
        // room for both, so that the writers seldom grow the buffer.
        let mut body = Vec::with_capacity(256 + 192 * view.errors.len());
        match format {
            Format::ProblemJson | Format::Json => json::write(&view, &mut body),
            Format::ProblemXml => xml::write(&view, &mut body),
            Format::Text => text::write(&view, &mut body),
            Format::Html => {
                let labels = self.labels(locale.index());
                languages.merge(&labels.languages);
                let page = languages.primary(locale.index());
                let tag = |other: Option<usize>| {
                    other
                        .filter(|&l| l != page)
                        .map(|l| self.messages.locale_tag(l))
                };
                let langs = html::Langs {
                    page: self.messages.locale_tag(page),
                    title: tag(title_locale),
                    detail: tag(detail_locale),
                };
                html::write(&view, labels, &langs, &mut body);
            }
        }
        let single = languages.only(locale.index());
        let content_language = if single {
            self.content_languages.get(locale.index()).cloned()
        } else {
            HeaderValue::from_str(&languages.header_value(&self.messages, locale.index())).ok()
        };
        let own = problem.headers();
        // Most problems carry no header of their own: then there is no map at all.
        let headers = (!(own.is_empty() && context.headers.is_empty()) || challenge.is_some())
            .then(|| {
                let mut headers = HeaderMap::with_capacity(own.len() + context.headers.len() + 4);
                // The problem's own headers win; the inner response's fill the rest (a
                // `Vary` of each merges below).
                let inner = context
                    .headers
                    .iter()
                    .filter(|(name, _)| *name == VARY || !own.contains_key(*name));
                for (name, value) in inner.chain(own) {
                    headers.append(name, value.clone());
                }
                if let Some(challenge) = challenge {
                    headers.insert(WWW_AUTHENTICATE, challenge);
                }
                if headers.contains_key(VARY) {
                    add_vary(&mut headers);
                }
                headers
            });
        RenderedProblem::new(RenderedParts {
            status,
            format,
            single_locale: (single && content_language.is_some()).then_some(locale.index()),
            content_language,
            headers,
            body,
        })
    }

    /// Each locale's `Content-Language`, made once.
    #[cfg_attr(not(feature = "actix"), allow(dead_code))]
    pub(crate) fn content_languages(&self) -> &[HeaderValue] {
        &self.content_languages
    }
}

/// What an adapter knows of one request beyond its negotiation: the defaults it gives a
/// problem, without copying the problem.
#[derive(Debug, Default)]
pub(crate) struct RequestContext<'r> {
    /// The request id, sent as `request_id` in place of any the problem has.
    pub(crate) request_id: Option<&'r str>,
    /// The request path, the `instance` unless the problem has one.
    pub(crate) instance: Option<&'r str>,
    /// Headers the response already carries (set by the handler or an inner middleware)
    /// that the rendering reads: under tower all it keeps, merged into the rendered
    /// headers; under actix only `WWW-Authenticate` and `Allow` (the response is written
    /// into in place, its other headers stay where they are).
    pub(crate) headers: HeaderMap,
}

/// Adds `Accept` and `Accept-Language` to the response's `Vary`, keeping what is there,
/// each name once (compared without case), into a single header line. `Vary: *` stays.
///
/// # Examples
///
/// ```
/// use http::{header::VARY, HeaderMap, HeaderValue};
///
/// let mut headers = HeaderMap::new();
/// headers.insert(VARY, HeaderValue::from_static("Origin, accept"));
/// pardon::render::add_vary(&mut headers);
/// assert_eq!(headers[VARY], "Origin, accept, Accept-Language");
/// ```
pub fn add_vary(headers: &mut HeaderMap) {
    let mut names: Vec<String> = headers
        .get_all(VARY)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
        .collect();
    if names.iter().any(|n| n == "*") {
        headers.insert(VARY, HeaderValue::from_static("*"));
        return;
    }
    for wanted in ["Accept", "Accept-Language"] {
        if !names.iter().any(|n| n.eq_ignore_ascii_case(wanted)) {
            names.push(wanted.to_owned());
        }
    }
    let mut unique: Vec<String> = Vec::with_capacity(names.len());
    for name in names {
        if !unique.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
            unique.push(name);
        }
    }
    if let Ok(value) = HeaderValue::from_str(&unique.join(", ")) {
        headers.insert(VARY, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vary_merges_without_duplicates() {
        for (existing, expected) in [
            (vec![], "Accept, Accept-Language"),
            (vec!["Origin"], "Origin, Accept, Accept-Language"),
            (vec!["accept-language", "Accept"], "accept-language, Accept"),
            (vec!["Origin, Origin"], "Origin, Accept, Accept-Language"),
            (vec!["*"], "*"),
        ] {
            let mut headers = HeaderMap::new();
            for v in existing {
                headers.append(VARY, HeaderValue::from_static(v));
            }
            add_vary(&mut headers);
            assert_eq!(headers.get_all(VARY).iter().count(), 1);
            assert_eq!(headers[VARY], expected);
        }
    }

    #[test]
    fn headers_keep_their_order_and_the_body_sets_its_own() {
        let renderer = Renderer::new(
            Registry::with_builtins("https://x.test/").unwrap(),
            Messages::builder().build().unwrap(),
        );
        let problem = Problem::new(&builtin::RATE_LIMITED)
            .with_retry_after(crate::RetryAfter::seconds(5))
            .with_header(VARY, HeaderValue::from_static("Origin"))
            .with_header(
                http::header::CONTENT_TYPE,
                HeaderValue::from_static("text/x-mine"),
            );
        let response = renderer.render(&problem, &HeaderMap::new()).into_response();
        let names: Vec<&str> = response.headers().keys().map(|n| n.as_str()).collect();
        assert_eq!(
            names,
            ["retry-after", "vary", "content-type", "content-language"]
        );
        assert_eq!(response.headers()[VARY], "Origin, Accept, Accept-Language");
        assert_eq!(
            response.headers()[http::header::CONTENT_TYPE],
            "application/problem+json"
        );
    }

    #[test]
    fn headings_made_once_change_no_byte() {
        let registry = || {
            let mut registry = Registry::with_builtins("https://x.test/p/").unwrap();
            let code = crate::Code::from_static;
            // A title with an argument, and one in English alone.
            registry
                .register(crate::ProblemType::new(code("SEAT_TAKEN"), 409).with_args(&["seat"]))
                .unwrap();
            registry
                .register(crate::ProblemType::new(code("ONLY_EN"), 422))
                .unwrap();
            // A plain title, and a detail of text and variables.
            registry
                .register(
                    crate::ProblemType::new(code("ORDER_LATE"), 409).with_args(&["order", "days"]),
                )
                .unwrap();
            registry
        };
        let messages = || {
            Messages::builder()
                .add_ftl(
                    "en",
                    "app.ftl",
                    "SEAT_TAKEN = Seat { $seat } taken\nONLY_EN = Only \"English\"\n\
                     ORDER_LATE = Order late\n    .detail = Order { $order } is { $days } days late.\n\
                     \x20   .detail-generic = An order is late.\n",
                )
                .add_ftl(
                    "fr",
                    "app.ftl",
                    "SEAT_TAKEN = Place { $seat } prise\n\
                     ORDER_LATE = Commande en retard\n    .detail = { $order } : { $days } jours\n",
                )
                .build()
                .unwrap()
        };
        let with_headings = Renderer::new(registry(), messages());
        let mut without = Renderer::new(registry(), messages());
        without.headings = Headings::NONE;

        let mut problems = Vec::new();
        for problem_type in with_headings.registry().types() {
            let plain = Problem::new(problem_type).with_arg("seat", "12A");
            // Arguments all there, one missing, one a number.
            problems.push(plain.clone().with_arg("order", "A-7").with_arg("days", "3"));
            problems.push(plain.clone().with_arg("order", "A-7"));
            problems.push(plain.clone().with_arg("order", "A-7").with_arg("days", 3));
            problems.push(plain.clone().with_title("Own title"));
            problems.push(plain.clone().with_type_uri("urn:x:own".parse().unwrap()));
            problems.push(
                plain
                    .clone()
                    .with_detail("Own detail")
                    .with_instance("/a/b"),
            );
            problems.push(plain);
            // The same code at another status; the code alone, read from a document.
            let status = if problem_type.status() == 410 {
                409
            } else {
                410
            };
            problems.push(Problem::new(&crate::ProblemType::new(
                problem_type.code().clone(),
                status,
            )));
            let document = format!(
                r#"{{"code":"{}","title":"Read"}}"#,
                problem_type.code().as_str()
            );
            problems.push(serde_json::from_str(&document).unwrap());
        }
        let locales = with_headings.messages().locales().count();
        let mut fast = 0;
        for problem in &problems {
            for format in Format::ALL {
                for first in 0..locales {
                    let negotiated = Negotiated {
                        format: Some(format),
                        locale: Locale::ranked(&[first, 1]),
                    };
                    let a = with_headings.render_negotiated(problem, negotiated);
                    let b = without.render_negotiated(problem, negotiated);
                    let what = format!("{:?} {format:?} in {first}", problem.code());
                    assert_eq!(a.status(), b.status(), "{what}");
                    assert_eq!(a.to_headers(), b.to_headers(), "{what}");
                    assert_eq!(
                        String::from_utf8_lossy(a.body()),
                        String::from_utf8_lossy(b.body()),
                        "{what}"
                    );
                }
            }
            fast += usize::from(problem.code().is_some_and(|code| {
                let index = with_headings
                    .registry()
                    .types()
                    .position(|t| t.code() == code);
                index.is_some_and(|i| with_headings.headings.get(i, 0).is_some())
            }));
        }
        // Most of the cases above could take the headings.
        assert!(fast > problems.len() / 2, "{fast} of {}", problems.len());
        let seat_taken = with_headings
            .registry()
            .types()
            .position(|t| t.code().as_str() == "SEAT_TAKEN");
        assert!(with_headings.headings.get(seat_taken.unwrap(), 0).is_none());
    }

    mod recent_negotiations {
        use super::*;
        use crate::negotiate::Offer;
        use proptest::prelude::*;

        fn renderers() -> &'static [Renderer; 3] {
            static RENDERERS: std::sync::OnceLock<[Renderer; 3]> = std::sync::OnceLock::new();
            RENDERERS.get_or_init(|| {
                let renderer = || {
                    Renderer::new(
                        Registry::with_builtins("https://x.test/").unwrap(),
                        Messages::builder().build().unwrap(),
                    )
                };
                [
                    renderer(),
                    renderer().with_offer(Offer::default().strict()),
                    renderer().with_offer(Offer::new([Format::Text, Format::Html])),
                ]
            })
        }

        /// Few values, so that most requests repeat an earlier one.
        fn line(values: &'static [&'static str]) -> impl Strategy<Value = Vec<&'static str>> {
            proptest::collection::vec(proptest::sample::select(values), 0..3)
        }

        proptest! {
            #[test]
            fn answer_as_negotiation_does(
                requests in proptest::collection::vec((
                    line(&["text/plain", "*/*;q=0", "image/png", "text/html", "text/*, application/json;q=0.5", ""]),
                    line(&["fr-CA, en;q=0.5", "de", "fr", "*;q=0", "ar, fr;q=0.9", "x"]),
                    0..3usize,
                ), 1..40),
            ) {
                for (accept, language, which) in requests {
                    let mut headers = HeaderMap::new();
                    for value in accept {
                        headers.append(http::header::ACCEPT, HeaderValue::from_static(value));
                    }
                    for value in language {
                        headers.append(http::header::ACCEPT_LANGUAGE, HeaderValue::from_static(value));
                    }
                    let renderer = &renderers()[which];
                    prop_assert_eq!(renderer.negotiate(&headers), renderer.negotiate_afresh(&headers));
                }
            }
        }

        #[test]
        fn each_renderer_keeps_its_own() {
            let [open, strict, _] = renderers();
            let mut headers = HeaderMap::new();
            headers.insert(http::header::ACCEPT, HeaderValue::from_static("image/png"));
            for _ in 0..3 {
                assert_eq!(open.negotiate(&headers).format(), Some(Format::ProblemJson));
                assert_eq!(strict.negotiate(&headers).format(), None);
            }
        }
    }
}
