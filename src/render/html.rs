//! `text/html; charset=utf-8`: a small self-contained page, every value escaped.

use std::fmt::Write as _;

use serde_json::Value;

use super::labels::Labels;
use super::view::{Member, View, is_bidi_control};

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;\
padding:0 1rem;color:#222}h1{font-size:1.5rem}dt{font-weight:600;margin-top:.5rem}\
dd{margin-left:1rem;word-break:break-word}table{border-collapse:collapse;width:100%}\
td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:start}code{font-size:.9em}\
h2{font-size:1.1rem}pre{overflow-x:auto;background:#f6f6f6;padding:.5rem}";

/// Scripts written right to left, for the page's `dir`.
const RTL: [&str; 6] = ["ar", "he", "fa", "ur", "ps", "yi"];

/// The language of a page, and of its title and detail when they are in another one (a
/// message that fell back to the default locale).
pub(crate) struct Langs<'a> {
    pub(crate) page: &'a str,
    pub(crate) title: Option<&'a str>,
    pub(crate) detail: Option<&'a str>,
}

pub(crate) fn write(view: &View<'_>, labels: &Labels, langs: &Langs<'_>, out: &mut Vec<u8>) {
    let status = view.status.map(|s| s.to_string());
    let heading: Vec<&str> = [status.as_deref(), view.title.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let heading = heading.join(" ");
    let mut page = page_start(langs.page, &heading, langs.title);
    if let Some(detail) = &view.detail {
        let _ = writeln!(
            page,
            "<p{}>{}</p>",
            lang_attribute(langs.detail),
            escape(detail)
        );
    }
    page.push_str("<dl>\n");
    let mut errors_table = String::new();
    for (name, member) in view.members() {
        if matches!(name, "title" | "detail" | "status") {
            continue;
        }
        let value = match member {
            Member::Text(uri) if name == "type" => link(uri),
            Member::Text(text) => ltr(text),
            Member::Status(status) => status.to_string(),
            Member::Json(Value::String(text)) if name == "request_id" => ltr(text),
            // Free text of either direction, isolated from the page's.
            Member::Json(Value::String(text)) => format!("<bdi>{}</bdi>", escape(text)),
            Member::Json(value) => ltr(&value.to_string()),
            Member::Errors(entries) => {
                for entry in entries {
                    let location = entry.location;
                    let _ = writeln!(
                        errors_table,
                        "<tr><td>{} {}</td><td>{}</td><td>{}</td></tr>",
                        escape(labels.location(location.member())),
                        ltr(location.value()),
                        ltr(entry.code.unwrap_or("")),
                        escape(entry.detail.as_deref().unwrap_or("")),
                    );
                }
                continue;
            }
        };
        let label = labels.member(name).map_or_else(|| ltr(name), escape);
        let _ = writeln!(page, "<dt>{label}</dt><dd>{value}</dd>");
    }
    page.push_str("</dl>\n");
    if !errors_table.is_empty() {
        let _ = write!(
            page,
            "<h2>{}</h2>\n<table>\n<thead>\n<tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
             <th scope=\"col\">{}</th></tr>\n</thead>\n<tbody>\n{errors_table}</tbody>\n</table>\n",
            escape(&labels.errors),
            escape(&labels.error_location),
            escape(&labels.error_code),
            escape(&labels.error_detail),
        );
    }
    page.push_str(page_end());
    out.extend_from_slice(page.as_bytes());
}

/// A left-to-right run (a URI, path, code, id or JSON) as `code`, isolated so that a
/// right-to-left page does not reorder its characters.
pub(crate) fn ltr(text: &str) -> String {
    format!("<code dir=\"ltr\">{}</code>", escape(text))
}

/// ` lang="…" dir="…"` for an element in another language than its page, or nothing.
pub(crate) fn lang_attribute(locale: Option<&str>) -> String {
    locale.map_or_else(String::new, |tag| {
        format!(" lang=\"{}\" dir=\"{}\"", escape(tag), direction(tag))
    })
}

fn direction(locale: &str) -> &'static str {
    let language = locale.split('-').next().unwrap_or(locale);
    if RTL.iter().any(|l| l.eq_ignore_ascii_case(language)) {
        "rtl"
    } else {
        "ltr"
    }
}

/// The start of a page, up to and including its `h1`; `heading` is escaped here, and
/// carries `heading_locale` when it is in another language than the page.
pub(crate) fn page_start(locale: &str, heading: &str, heading_locale: Option<&str>) -> String {
    let dir = direction(locale);
    let heading_lang = lang_attribute(heading_locale);
    let heading = escape(heading);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width\">\n<title>{heading}</title>\n\
         <style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1{heading_lang}>{heading}</h1>\n",
        escape(locale)
    )
}

/// The end of every page.
pub(crate) const fn page_end() -> &'static str {
    "</main>\n</body>\n</html>\n"
}

/// A link for http(s) and relative references; any other scheme (`javascript:`) is text.
fn link(uri: &str) -> String {
    let scheme = uri.split_once(':').map(|(s, _)| s);
    let safe = match scheme {
        Some(s) if !s.contains(['/', '?', '#']) => {
            s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https")
        }
        _ => true,
    };
    let text = escape(uri);
    if safe {
        format!("<a href=\"{text}\" dir=\"ltr\">{text}</a>")
    } else {
        ltr(uri)
    }
}

/// Escapes text for HTML content and quoted attribute values; bidi controls are dropped,
/// as in every format.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter(|&c| !is_bidi_control(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_five_characters() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn only_web_and_relative_uris_become_links() {
        assert!(link("https://x.test/p").starts_with("<a href"));
        assert!(link("/problems/x").starts_with("<a href"));
        assert!(link("javascript:alert(1)").starts_with("<code"));
        assert!(link("urn:x:y").starts_with("<code"));
    }

    #[test]
    fn arabic_pages_are_right_to_left_and_mark_an_english_title() {
        let messages = crate::i18n::Messages::builder().build().unwrap();
        let labels = Labels::new(&messages, 0);
        let problem = crate::Problem::new(&crate::builtin::CONFLICT).with_title("T");
        let langs = Langs {
            page: "ar",
            title: Some("en"),
            detail: None,
        };
        let mut out = Vec::new();
        super::super::view::with_view(&problem, |view| write(view, &labels, &langs, &mut out));
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("<html lang=\"ar\" dir=\"rtl\">"), "{text}");
        assert!(
            text.contains("<h1 lang=\"en\" dir=\"ltr\">409 T</h1>"),
            "{text}"
        );
    }
}
