//! Completing a problem for one response: its type URI, localized title and details,
//! the headers its status requires, and the locales its text came from.

use http::header::{ALLOW, WWW_AUTHENTICATE};
use http::StatusCode;

use super::languages::Languages;
use crate::catalog::{ProblemType, Registry};
use crate::i18n::{Localized, Messages};
use crate::problem::{Challenge, Problem};

/// A problem as it goes on the wire, and the locales its localized text came from.
pub(crate) struct Resolved {
    pub(crate) problem: Problem,
    pub(crate) languages: Languages,
    /// The locale of the title and of the detail, when localized.
    pub(crate) title_locale: Option<usize>,
    pub(crate) detail_locale: Option<usize>,
}

/// The problem as it goes on the wire with HTTP status `status` (decided by the caller,
/// see [`Problem::response_status`]), in the locale at index `locale`.
///
/// - A 5xx says only what its catalogue entry says — its type's title and detail, its
///   declared members, `retry_after`, `request_id`, its `instance` and headers — so that no
///   internal text escapes; a 5xx whose type the catalogue does not know for that status
///   is an `about:blank` problem of that status.
/// - `status` is the member `status`, unless the registry leaves the member out.
/// - `type`: the registry's URI for its type, unless set explicitly.
/// - `title` and `detail`: from the type's messages unless set explicitly; an
///   `about:blank` problem's title is the status's localized reason phrase.
/// - every text: without bidi embedding, override or isolate controls.
/// - each field error's `detail`: from its code's message unless set explicitly.
/// - a 401 gets the registry's Bearer challenge if it has none.
pub(crate) fn resolve(
    problem: &Problem,
    registry: &Registry,
    messages: &Messages,
    locale: usize,
    status: StatusCode,
) -> Resolved {
    let mut languages = Languages::default();
    let mut out = if status.is_server_error() {
        redacted(problem, registry, status)
    } else {
        problem.clone()
    };
    let code = out.code().map(|c| c.as_str().to_owned());
    let problem_type = catalogue_type(&out, registry).cloned();
    let args = problem.message_args();
    let localize = |id: &str, attribute: Option<&str>, args: &[(&str, &serde_json::Value)]| {
        messages.localize(locale, id, attribute, args)
    };
    let (mut title_locale, mut detail_locale) = (None, None);

    if let (None, Some(t)) = (out.explicit_type_uri(), &problem_type) {
        out.set_type_uri(registry.type_uri(t));
    }
    if out.title().is_none() {
        let localized = code
            .as_deref()
            .and_then(|c| localize(c, None, &args))
            .or_else(|| localize(&format!("http-{}", status.as_u16()), None, &[]))
            .or_else(|| {
                // The reason phrase of `http`, in English.
                Some(Localized {
                    text: status.canonical_reason()?.to_owned(),
                    locale: messages.locale_index("en")?,
                })
            });
        let localized = languages.record(localized);
        title_locale = localized.as_ref().map(|l| l.locale);
        out.set_title(localized.map(|l| l.text));
    }
    if out.detail().is_none() {
        let localized = languages.record(
            code.as_deref()
                .and_then(|c| localize(c, Some("detail"), &args)),
        );
        detail_locale = localized.as_ref().map(|l| l.locale);
        out.set_detail(localized.map(|l| l.text));
    }
    for error in out.field_errors_mut() {
        if error.detail().is_none() {
            let args: Vec<_> = error.args().collect();
            let detail =
                languages.text(error.code().and_then(|c| localize(c.as_str(), None, &args)));
            if let Some(detail) = detail {
                error.set_detail(detail);
            }
        }
    }
    out.set_status_member(registry.status_member().then_some(status));
    let headers = out.headers_mut();
    if status == StatusCode::UNAUTHORIZED && !headers.contains_key(WWW_AUTHENTICATE) {
        let mut challenge = Challenge::bearer(registry.realm());
        if let Some(error) = problem_type.as_ref().and_then(ProblemType::bearer_error) {
            challenge = challenge.with_error(error);
        }
        if let Some(value) = challenge.header_value() {
            headers.insert(WWW_AUTHENTICATE, value);
        }
    }
    if status == StatusCode::METHOD_NOT_ALLOWED && !headers.contains_key(ALLOW) {
        // An empty Allow would say that no method is allowed: better none, and a warning.
        tracing::warn!(code, "a 405 problem without Allow: use Problem::with_allow");
    }
    out.clean_text(strip_bidi_controls);
    Resolved {
        problem: out,
        languages,
        title_locale,
        detail_locale,
    }
}

/// The problem's type: the one it was built from, else the registry's for its code.
fn catalogue_type<'a>(problem: &'a Problem, registry: &'a Registry) -> Option<&'a ProblemType> {
    problem
        .problem_type()
        .or_else(|| problem.code().and_then(|c| registry.get(c.as_str())))
}

/// What a 5xx may say: its catalogue entry (when the catalogue knows its type for this
/// status, else `about:blank`), the entry's declared members, `retry_after`,
/// `request_id`, the `instance` and the headers. No title, detail, member or field error
/// of the application's own.
fn redacted(problem: &Problem, registry: &Registry, status: StatusCode) -> Problem {
    let known = catalogue_type(problem, registry).filter(|t| t.status() == status);
    let mut out = match known {
        Some(t) => Problem::new(t),
        None => Problem::from_status(status),
    };
    if let Some(instance) = problem.instance() {
        out = out.with_instance(instance);
    }
    let declared = known.map_or(&[][..], ProblemType::args);
    for (name, value) in problem.extensions() {
        if declared.contains(&name) || name == "retry_after" || name == "request_id" {
            out.set_member(name, value.clone());
        }
    }
    let headers = out.headers_mut();
    for (name, value) in problem.headers() {
        headers.append(name.clone(), value.clone());
    }
    out
}

/// Removes the Unicode bidi embedding, override and isolate controls (U+202A–U+202E,
/// U+2066–U+2069) that user data may carry: no format wants them, and they can make
/// text display other than it reads.
fn strip_bidi_controls(text: &mut String) {
    let is_control = |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if text.contains(is_control) {
        text.retain(|c| !is_control(c));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::builtin;

    fn resolve(p: &Problem, registry: &Registry, messages: &Messages, locale: usize) -> Problem {
        super::resolve(p, registry, messages, locale, p.response_status()).problem
    }

    fn setup() -> (Registry, Messages) {
        (
            Registry::with_builtins("https://example.com/problems/")
                .unwrap()
                .with_realm("demo"),
            Messages::builder().build().unwrap(),
        )
    }

    #[test]
    fn fills_type_title_and_detail() {
        let (registry, messages) = setup();
        let p = resolve(
            &Problem::new(&builtin::ROUTE_NOT_FOUND),
            &registry,
            &messages,
            0,
        );
        assert_eq!(
            p.type_uri().as_str(),
            "https://example.com/problems/route-not-found"
        );
        assert_eq!(p.title(), Some("Route not found"));
        assert_eq!(p.detail(), Some("No endpoint exists at this path."));
    }

    #[test]
    fn a_server_error_says_only_what_the_catalogue_says() {
        let (registry, messages) = setup();
        let leaky =
            Problem::internal(std::io::Error::other("x")).with_detail("db password is hunter2");
        let p = resolve(&leaky, &registry, &messages, 0);
        assert!(!p.detail().unwrap().contains("hunter2"));
        assert!(p
            .detail()
            .unwrap()
            .starts_with("An unexpected error occurred"));
        let blank = Problem::from_status(StatusCode::BAD_GATEWAY)
            .with_title("upstream 10.0.0.5 said secret")
            .with_detail("upstream said: secret");
        let p = resolve(&blank, &registry, &messages, 0);
        assert_eq!(p.detail(), None);
        assert_eq!(p.title(), Some("Bad Gateway"));
    }

    #[test]
    fn a_server_error_keeps_only_declared_members() {
        let (registry, messages) = setup();
        let leaky = Problem::internal(std::io::Error::other("x"))
            .with_title("cannot connect to postgres://admin:hunter2@db")
            .with_extension("dsn", "postgres://admin:hunter2@db")
            .unwrap()
            .with_request_id("r1")
            .with_field_error(crate::FieldError::parameter("x", &builtin::field::REQUIRED));
        let p = resolve(&leaky, &registry, &messages, 0);
        assert_eq!(p.title(), Some("Internal error"));
        let text = serde_json::to_string(&p).unwrap();
        assert!(!text.contains("hunter2"), "{text}");
        assert!(p.field_errors().is_empty());
        assert_eq!(p.extension("request_id"), Some(&serde_json::json!("r1")));
        let unavailable = Problem::new(&builtin::SERVICE_UNAVAILABLE)
            .with_retry_after(crate::RetryAfter::seconds(5));
        let p = resolve(&unavailable, &registry, &messages, 0);
        assert_eq!(p.extension("retry_after"), Some(&serde_json::json!(5)));
    }

    #[test]
    fn bidi_controls_are_stripped_from_every_text() {
        let (registry, messages) = setup();
        let p = Problem::new(&builtin::CONFLICT)
            .with_detail("a\u{2067}b\u{202E}c")
            .with_extension("nested", serde_json::json!({"list": ["x\u{2066}y"]}))
            .unwrap();
        let p = resolve(&p, &registry, &messages, 0);
        assert_eq!(p.detail(), Some("abc"));
        assert_eq!(
            p.extension("nested"),
            Some(&serde_json::json!({"list": ["xy"]}))
        );
    }

    #[test]
    fn no_allow_is_made_up_for_a_405() {
        let (registry, messages) = setup();
        let p = resolve(
            &Problem::new(&builtin::METHOD_NOT_ALLOWED),
            &registry,
            &messages,
            0,
        );
        assert!(!p.headers().contains_key(ALLOW));
    }

    #[test]
    fn every_401_gets_a_challenge() {
        let (registry, messages) = setup();
        let p = resolve(
            &Problem::new(&builtin::INVALID_TOKEN),
            &registry,
            &messages,
            0,
        );
        assert_eq!(
            p.headers()[WWW_AUTHENTICATE],
            r#"Bearer realm="demo", error="invalid_token""#
        );
        let p = resolve(
            &Problem::from_status(StatusCode::UNAUTHORIZED),
            &registry,
            &messages,
            0,
        );
        assert_eq!(p.headers()[WWW_AUTHENTICATE], r#"Bearer realm="demo""#);
    }

    #[test]
    fn the_status_member_can_be_switched_off() {
        let (registry, messages) = setup();
        let registry = registry.with_status_member(false);
        let p = resolve(&Problem::new(&builtin::CONFLICT), &registry, &messages, 0);
        assert_eq!(p.status(), None);
    }

    #[test]
    fn about_blank_problems_take_the_localized_reason_phrase() {
        let (registry, messages) = setup();
        let p = resolve(
            &Problem::from_status(StatusCode::GONE),
            &registry,
            &messages,
            0,
        );
        assert_eq!(p.title(), Some("Gone"));
        assert!(p.type_uri().is_about_blank());
        let de = messages.locale_index("de").unwrap();
        let p = resolve(
            &Problem::from_status(StatusCode::GONE),
            &registry,
            &messages,
            de,
        );
        assert_ne!(p.title(), Some("Gone"));
    }

    #[test]
    fn the_sent_status_decides_redaction_and_the_status_member() {
        let (registry, messages) = setup();
        for problem in [
            Problem::default().with_detail("secret"),
            Problem::from_status(StatusCode::FOUND).with_detail("secret"),
            serde_json::from_str(
                r#"{"status":200,"title":"secret","code":"DB_DOWN","dsn":"secret"}"#,
            )
            .unwrap(),
        ] {
            let p = resolve(&problem, &registry, &messages, 0);
            assert_eq!(p.status(), Some(StatusCode::INTERNAL_SERVER_ERROR));
            assert_eq!(p.title(), Some("Internal Server Error"));
            assert_eq!(p.detail(), None);
            assert!(p.code().is_none());
            let text = serde_json::to_string(&p).unwrap();
            assert!(!text.contains("secret"), "{text}");
        }
    }

    #[test]
    fn the_languages_present_are_tracked() {
        let (registry, _) = setup();
        let messages = Messages::builder()
            .add_ftl(
                "en",
                "app.ftl",
                "ONLY_EN = Only English\n    .detail = Here.\n",
            )
            .build()
            .unwrap();
        let registry = {
            let mut r = registry;
            r.register(crate::ProblemType::new(
                crate::Code::from_static("ONLY_EN"),
                StatusCode::CONFLICT,
            ))
            .unwrap();
            r
        };
        let fr = messages.locale_index("fr").unwrap();
        let problem = Problem::new(registry.get("ONLY_EN").unwrap());
        let resolved = super::resolve(&problem, &registry, &messages, fr, StatusCode::CONFLICT);
        assert_eq!(resolved.languages.header_value(&messages, fr), "en");
        let problem = Problem::new(registry.get("ONLY_EN").unwrap())
            .with_field_error(crate::FieldError::parameter("x", &builtin::field::REQUIRED));
        let resolved = super::resolve(&problem, &registry, &messages, fr, StatusCode::CONFLICT);
        assert_eq!(resolved.languages.header_value(&messages, fr), "fr, en");
    }
}
