//! The human-readable documentation page of a problem type, which its `type` URI
//! resolves to ([RFC 9457 §3.1.1](https://www.rfc-editor.org/rfc/rfc9457#section-3.1.1)).

use std::fmt::Write as _;

use super::Renderer;
use super::html::{escape, lang_attribute, ltr, page_end, page_start};
use super::json;
use super::renderer::RequestContext;
use super::resolve::{Resolved, resolve};
use crate::catalog::ProblemType;
use crate::i18n::Locale;

impl Renderer {
    /// An HTML page documenting `problem_type` in `locale`: its title,
    /// status, when it happens (the message's `.description` attribute), its extension
    /// members and headers, and an example document with typed example values.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{builtin, i18n::Messages, Registry, Renderer};
    ///
    /// let renderer = Renderer::new(
    ///     Registry::with_builtins("https://example.com/problems/")?,
    ///     Messages::builder().build()?,
    /// );
    /// let en = renderer.messages().locale("en").unwrap();
    /// let page = renderer.type_page(&builtin::RATE_LIMITED, en);
    /// assert!(page.html().contains("<h1>429 Too many requests</h1>"));
    /// assert!(page.html().contains("Retry-After"));
    /// assert!(page.html().contains("&quot;retry_after&quot;: 30"));
    /// assert_eq!(page.content_language(), "en");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn type_page(&self, problem_type: &ProblemType, locale: Locale) -> TypePage {
        let messages = self.messages();
        let code = problem_type.code().as_str();
        let example = self.example_problem(problem_type);
        let no_context = RequestContext::default();
        let Resolved {
            view,
            mut languages,
            title_locale,
            challenge,
            ..
        } = resolve(
            &example,
            &no_context,
            self.registry(),
            messages,
            self.headings(),
            locale,
            problem_type.status(),
        );
        let labels = self.labels(locale.index());
        languages.merge(&labels.languages);
        let description =
            languages.record(messages.localize(locale, code, Some("description"), None));
        let primary = languages.primary(locale.index());
        let other = |l: usize| (l != primary).then(|| messages.locale_tag(l));
        let title = view.title.as_deref().unwrap_or(code);
        let heading = format!("{} {title}", problem_type.status().as_u16());
        let mut page = page_start(
            messages.locale_tag(primary),
            &heading,
            title_locale.and_then(other),
        );
        if let Some(description) = description {
            let _ = writeln!(
                page,
                "<p{}>{}</p>",
                lang_attribute(other(description.locale)),
                escape(&description.text)
            );
        }
        let _ = writeln!(
            page,
            "<dl>\n<dt>{}</dt><dd>{}</dd>\n<dt>{}</dt><dd>{}</dd>\n<dt>{}</dt><dd>{}</dd>",
            escape(&labels.type_),
            ltr(view.type_uri.as_deref().unwrap_or("about:blank")),
            escape(&labels.code),
            ltr(code),
            escape(&labels.status),
            problem_type.status().as_u16(),
        );
        if !problem_type.args().is_empty() {
            let members: Vec<String> = problem_type.args().iter().map(|a| ltr(a)).collect();
            let _ = writeln!(
                page,
                "<dt>{}</dt><dd>{}</dd>",
                escape(&labels.members),
                members.join(", ")
            );
        }
        let challenge = challenge.is_some().then_some("www-authenticate");
        let headers: Vec<String> = example
            .headers()
            .keys()
            .map(http::HeaderName::as_str)
            .chain(challenge)
            .map(header_case)
            .chain(
                problem_type
                    .headers()
                    .iter()
                    .map(|h| header_case(h.name().as_str())),
            )
            .fold(Vec::new(), |mut all, h| {
                if !all.contains(&h) {
                    all.push(h);
                }
                all
            });
        if !headers.is_empty() {
            let headers: Vec<String> = headers.iter().map(|h| ltr(h)).collect();
            let _ = writeln!(
                page,
                "<dt>{}</dt><dd>{}</dd>",
                escape(&labels.headers),
                headers.join(", ")
            );
        }
        page.push_str("</dl>\n");
        let mut pretty = Vec::new();
        json::write_pretty(&view, &mut pretty);
        let _ = writeln!(
            page,
            "<h2>{}</h2>\n<pre dir=\"ltr\"><code>{}</code></pre>",
            escape(&labels.example),
            escape(&String::from_utf8_lossy(&pretty))
        );
        page.push_str(page_end());
        TypePage {
            content_language: languages.header_value(messages, locale.index()),
            html: page,
        }
    }
}

/// A problem type's documentation page, from [`Renderer::type_page`]: the HTML and the
/// `Content-Language` to send it with (every language its text is in).
///
/// # Examples
///
/// ```
/// # let renderer = pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/")?, pardon::i18n::Messages::builder().build()?);
/// let de = renderer.messages().locale("de").unwrap();
/// let page = renderer.type_page(&pardon::builtin::CONFLICT, de);
/// assert_eq!(page.content_language(), "de");
/// assert!(page.into_html().starts_with("<!DOCTYPE html>"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypePage {
    html: String,
    content_language: String,
}

impl TypePage {
    /// The page.
    ///
    /// # Examples
    ///
    /// ```
    /// # let renderer = pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/")?, pardon::i18n::Messages::builder().build()?);
    /// let page = renderer.type_page(&pardon::builtin::CONFLICT, renderer.messages().locale("en").unwrap());
    /// assert!(page.html().contains("CONFLICT"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn html(&self) -> &str {
        &self.html
    }

    /// The `Content-Language` value: the page's language first, then any its messages
    /// fell back to.
    ///
    /// # Examples
    ///
    /// ```
    /// # let renderer = pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/")?, pardon::i18n::Messages::builder().build()?);
    /// assert_eq!(renderer.type_page(&pardon::builtin::CONFLICT, renderer.messages().locale("en").unwrap()).content_language(), "en");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn content_language(&self) -> &str {
        &self.content_language
    }

    /// The page, owned.
    ///
    /// # Examples
    ///
    /// ```
    /// # let renderer = pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/")?, pardon::i18n::Messages::builder().build()?);
    /// let html: String = renderer.type_page(&pardon::builtin::CONFLICT, renderer.messages().locale("en").unwrap()).into_html();
    /// assert!(html.ends_with("</html>\n"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn into_html(self) -> String {
        self.html
    }
}

/// `retry-after` → `Retry-After`, for display.
fn header_case(name: &str) -> String {
    name.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect::<Vec<_>>()
        .join("-")
        .replace("Www", "WWW")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Registry, builtin};
    use crate::i18n::Messages;

    #[test]
    fn header_names_are_shown_in_their_usual_case() {
        assert_eq!(header_case("www-authenticate"), "WWW-Authenticate");
        assert_eq!(header_case("retry-after"), "Retry-After");
        assert_eq!(header_case("allow"), "Allow");
    }

    #[test]
    fn pages_are_localized_and_describe_the_type() {
        let renderer = Renderer::new(
            Registry::with_builtins("https://x.test/problems/").unwrap(),
            Messages::builder().build().unwrap(),
        );
        let fr = renderer.messages().locale("fr").unwrap();
        let page = renderer.type_page(&builtin::INVALID_TOKEN, fr).into_html();
        assert!(page.contains("<html lang=\"fr\""));
        assert!(page.contains("WWW-Authenticate"));
        assert!(page.contains("https://x.test/problems/invalid-token"));
        assert!(!page.contains("Invalid token"), "French title expected");
    }
}
