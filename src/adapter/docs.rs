//! The answers of the type documentation, the same under every adapter: the catalogue,
//! each type's page or entry, each locale's Fluent source and the TypeScript declarations,
//! as `http` responses.

use std::sync::Arc;

use http::header::{CACHE_CONTROL, CONTENT_LANGUAGE, CONTENT_TYPE, ETAG, IF_NONE_MATCH, VARY};
use http::{HeaderMap, HeaderValue, Response, StatusCode};

use crate::negotiate::{Format, Offer};
use crate::{Problem, Renderer, builtin};

/// One of the documentation's resources, under the registry's base path.
#[derive(Debug, Clone, Copy)]
pub(crate) enum DocsRequest<'a> {
    /// `{base}`: the catalogue.
    Catalogue,
    /// `{base}messages/{file}`: a locale's Fluent source, `file` as `fr.ftl`.
    Messages(&'a str),
    /// `{base}problems.d.ts`.
    #[cfg(feature = "typescript")]
    Declarations,
    /// `{base}{slug}`: a type's page or entry.
    Type(&'a str),
}

/// What the documentation serves, made once: the renderer, and each locale's source with
/// its entity tag.
#[derive(Debug)]
pub(crate) struct Docs {
    renderer: Arc<Renderer>,
    sources: Vec<FtlSource>,
    #[cfg(feature = "typescript")]
    declarations: String,
}

/// A locale's Fluent source, served as a file: its text and strong entity tag.
#[derive(Debug)]
struct FtlSource {
    file: String,
    text: String,
    etag: String,
}

impl FtlSource {
    fn new(renderer: &Renderer, tag: &str) -> FtlSource {
        let messages = renderer.messages();
        let text = messages
            .locale(tag)
            .map(|locale| messages.ftl(locale))
            .unwrap_or_default();
        // FNV-1a over the text: the tag changes whenever the text does.
        let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        });
        FtlSource {
            file: format!("{tag}.ftl"),
            etag: format!("\"{hash:016x}-{:x}\"", text.len()),
            text,
        }
    }
}

impl Docs {
    pub(crate) fn new(renderer: Arc<Renderer>) -> Docs {
        let sources = renderer
            .messages()
            .locales()
            .map(|tag| FtlSource::new(&renderer, tag))
            .collect();
        Docs {
            #[cfg(feature = "typescript")]
            declarations: crate::typescript::declarations(renderer.registry()),
            sources,
            renderer,
        }
    }

    /// The slug of every registered type: what a mount at the root matches, and nothing
    /// else.
    pub(crate) fn slugs(&self) -> Vec<String> {
        self.renderer.registry().types().map(|t| t.slug()).collect()
    }

    /// The answer to `request`, given the request's `Accept`, `Accept-Language` and
    /// `If-None-Match`; `ROUTE_NOT_FOUND` for an unknown slug or locale.
    pub(crate) fn answer(
        &self,
        request: DocsRequest<'_>,
        headers: &HeaderMap,
    ) -> Result<Response<Vec<u8>>, Problem> {
        let renderer = &*self.renderer;
        let locale = || renderer.negotiate(headers).locale();
        match request {
            DocsRequest::Catalogue => {
                let (content_type, document) = if wants_json(headers) {
                    ("application/json", renderer.catalogue(locale()))
                } else {
                    (
                        "text/html; charset=utf-8",
                        renderer.catalogue_page(locale()),
                    )
                };
                let language = document.content_language().to_owned();
                Ok(localized(content_type, &language, document.into_body()))
            }
            DocsRequest::Type(slug) => {
                let problem_type = renderer
                    .registry()
                    .by_slug(slug)
                    .ok_or_else(|| Problem::new(&builtin::ROUTE_NOT_FOUND))?;
                if wants_json(headers) {
                    let entry = renderer.catalogue_entry(problem_type, locale());
                    let language = entry.content_language().to_owned();
                    return Ok(localized("application/json", &language, entry.into_body()));
                }
                let page = renderer.type_page(problem_type, locale());
                let language = page.content_language().to_owned();
                Ok(localized(
                    "text/html; charset=utf-8",
                    &language,
                    page.into_html().into_bytes(),
                ))
            }
            DocsRequest::Messages(file) => {
                let source = self
                    .sources
                    .iter()
                    .find(|s| s.file.eq_ignore_ascii_case(file))
                    .ok_or_else(|| Problem::new(&builtin::ROUTE_NOT_FOUND))?;
                let not_modified = none_match(headers, &source.etag);
                let (status, body) = if not_modified {
                    (StatusCode::NOT_MODIFIED, Vec::new())
                } else {
                    (StatusCode::OK, source.text.clone().into_bytes())
                };
                let mut response = Response::new(body);
                *response.status_mut() = status;
                let out = response.headers_mut();
                if !not_modified {
                    out.insert(
                        CONTENT_TYPE,
                        HeaderValue::from_static("text/plain; charset=utf-8"),
                    );
                }
                if let Ok(etag) = HeaderValue::from_str(&source.etag) {
                    out.insert(ETAG, etag);
                }
                out.insert(CACHE_CONTROL, HeaderValue::from_static("public, no-cache"));
                Ok(response)
            }
            #[cfg(feature = "typescript")]
            DocsRequest::Declarations => {
                let mut response = Response::new(self.declarations.clone().into_bytes());
                response.headers_mut().insert(
                    CONTENT_TYPE,
                    HeaderValue::from_static("application/typescript; charset=utf-8"),
                );
                Ok(response)
            }
        }
    }
}

/// A 200 in the negotiated language.
fn localized(content_type: &'static str, language: &str, body: Vec<u8>) -> Response<Vec<u8>> {
    let mut response = Response::new(body);
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(language) = HeaderValue::from_str(language) {
        headers.insert(CONTENT_LANGUAGE, language);
    }
    headers.insert(VARY, HeaderValue::from_static("Accept, Accept-Language"));
    response
}

/// Whether the client asks for JSON rather than a page (a page unless it prefers JSON).
fn wants_json(headers: &HeaderMap) -> bool {
    Offer::new([Format::Html, Format::Json]).negotiate(headers) == Ok(Format::Json)
}

/// Whether `If-None-Match` names `etag` (or is `*`): RFC 9110 §13.1.2, weak comparison.
fn none_match(headers: &HeaderMap, etag: &str) -> bool {
    let opaque = |tag: &str| tag.trim().trim_start_matches("W/").to_owned();
    headers
        .get_all(IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|tag| tag.trim() == "*" || opaque(tag) == opaque(etag))
}

/// The request headers the documentation reads, by name.
pub(crate) const READ_HEADERS: [&str; 3] = ["accept", "accept-language", "if-none-match"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Registry, i18n::Messages};

    fn docs() -> Docs {
        let renderer = Renderer::new(
            Registry::with_builtins("https://x.test/problems/").unwrap(),
            Messages::builder().build().unwrap(),
        );
        Docs::new(Arc::new(renderer))
    }

    #[test]
    fn a_matching_entity_tag_is_not_modified() {
        let docs = docs();
        let first = docs
            .answer(DocsRequest::Messages("fr.ftl"), &HeaderMap::new())
            .unwrap();
        let etag = first.headers()[ETAG].clone();
        let mut headers = HeaderMap::new();
        headers.insert(IF_NONE_MATCH, etag);
        let again = docs
            .answer(DocsRequest::Messages("FR.ftl"), &headers)
            .unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
        assert!(again.body().is_empty());
        let unknown = docs.answer(DocsRequest::Messages("tlh.ftl"), &HeaderMap::new());
        assert!(unknown.is_err());
    }

    #[test]
    fn a_type_is_a_page_unless_json_is_preferred() {
        let docs = docs();
        let page = docs
            .answer(DocsRequest::Type("rate-limited"), &HeaderMap::new())
            .unwrap();
        assert_eq!(page.headers()[CONTENT_TYPE], "text/html; charset=utf-8");
        let mut headers = HeaderMap::new();
        headers.insert(
            http::header::ACCEPT,
            HeaderValue::from_static("application/json"),
        );
        let entry = docs
            .answer(DocsRequest::Type("rate-limited"), &headers)
            .unwrap();
        assert_eq!(entry.headers()[CONTENT_TYPE], "application/json");
        assert!(docs.answer(DocsRequest::Type("nope"), &headers).is_err());
    }
}
