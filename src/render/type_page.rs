//! The human-readable documentation page of a problem type, which its `type` URI
//! resolves to ([RFC 9457 §3.1.1](https://www.rfc-editor.org/rfc/rfc9457#section-3.1.1)).

use std::fmt::Write as _;

use super::html::{escape, page_end, page_start};
use super::resolve::resolve;
use super::Renderer;
use crate::catalog::ProblemType;
use crate::problem::Problem;

impl Renderer {
    /// An HTML page documenting `problem_type` in the locale at index `locale`: its title,
    /// status, when it happens (the message's `.description` attribute), its extension
    /// members and headers, and an example document.
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
    /// let page = renderer.type_page(&builtin::RATE_LIMITED, 0);
    /// assert!(page.contains("<h1>429 Too many requests</h1>"));
    /// assert!(page.contains("Retry-After"));
    /// assert!(page.contains("retry_after"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn type_page(&self, problem_type: &ProblemType, locale: usize) -> String {
        let messages = self.messages();
        let tag = messages.locale_tag(locale);
        let code = problem_type.code().as_str();
        let mut example = Problem::new(problem_type).with_instance("/example");
        for arg in problem_type.args() {
            example = example.with_arg(arg, format!("{{{arg}}}"));
            if let Ok(with_member) = example.clone().with_extension(arg, format!("{{{arg}}}")) {
                example = with_member;
            }
        }
        let resolved = resolve(&example, self.registry(), messages, locale);
        let title = resolved.title().unwrap_or(code);
        let heading = format!("{} {title}", problem_type.status().as_u16());
        let mut page = page_start(tag, &heading);
        if let Some(description) = messages.format(locale, code, Some("description"), &[]) {
            let _ = writeln!(page, "<p>{}</p>", escape(&description));
        }
        let _ = writeln!(
            page,
            "<dl>\n<dt>type</dt><dd><code>{}</code></dd>\n<dt>code</dt><dd><code>{code}</code></dd>\n\
             <dt>status</dt><dd>{}</dd>",
            escape(resolved.type_uri().as_str()),
            problem_type.status().as_u16(),
        );
        if !problem_type.args().is_empty() {
            let members: Vec<String> = problem_type
                .args()
                .iter()
                .map(|a| format!("<code>{}</code>", escape(a)))
                .collect();
            let _ = writeln!(page, "<dt>members</dt><dd>{}</dd>", members.join(", "));
        }
        let headers: Vec<String> = resolved
            .headers()
            .keys()
            .map(|name| header_case(name.as_str()))
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
            let _ = writeln!(
                page,
                "<dt>headers</dt><dd>{}</dd>",
                escape(&headers.join(", "))
            );
        }
        page.push_str("</dl>\n");
        let pretty = serde_json::to_string_pretty(&resolved).unwrap_or_default();
        let _ = writeln!(page, "<pre><code>{}</code></pre>", escape(&pretty));
        page.push_str(page_end());
        page
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
    use crate::catalog::{builtin, Registry};
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
        let fr = renderer.messages().locale_index("fr").unwrap();
        let page = renderer.type_page(&builtin::INVALID_TOKEN, fr);
        assert!(page.contains("<html lang=\"fr\""));
        assert!(page.contains("WWW-Authenticate"));
        assert!(page.contains("https://x.test/problems/invalid-token"));
        assert!(!page.contains("Invalid token"), "French title expected");
    }
}
