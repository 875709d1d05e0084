//! Completing a problem for one response: its type URI, localized title and details,
//! and the headers its status requires.

use http::header::{ALLOW, WWW_AUTHENTICATE};
use http::StatusCode;

use crate::catalog::Registry;
use crate::i18n::Messages;
use crate::problem::{Challenge, Problem};

/// The problem as it goes on the wire, in the locale at index `locale`.
///
/// - `type`: the registry's URI for its type, unless set explicitly.
/// - `title` and `detail`: from the type's messages unless set explicitly — except on a
///   5xx, which says only what its catalogue entry says (title, detail, the declared
///   members, `retry_after`, `request_id`), so that no internal text escapes.
/// - every text: without bidi embedding, override or isolate controls.
/// - each field error's `detail`: from its code's message unless set explicitly.
/// - `status`: dropped when the registry says so.
/// - a 401 gets the registry's Bearer challenge if it has none; a 405 gets an `Allow`.
pub(crate) fn resolve(
    problem: &Problem,
    registry: &Registry,
    messages: &Messages,
    locale: usize,
) -> Problem {
    let mut out = problem.clone();
    let status = problem.status();
    let code = problem.code().map(|c| c.as_str());
    let problem_type = problem
        .problem_type()
        .or_else(|| code.and_then(|c| registry.get(c)));
    let args = problem.message_args();

    if let (None, Some(t)) = (problem.explicit_type_uri(), problem_type) {
        out.set_type_uri(registry.type_uri(t));
    }
    let server_error = status.is_some_and(|s| s.is_server_error());
    let catalogue_title = || {
        code.and_then(|c| messages.format(locale, c, None, &args))
            .or_else(|| status.and_then(|s| s.canonical_reason()).map(str::to_owned))
    };
    if server_error {
        // A 5xx says only what its catalogue entry says: no text of the application's
        // own, no members but the declared ones, no field errors.
        out.set_title(catalogue_title());
        out.set_detail(code.and_then(|c| messages.format(locale, c, Some("detail"), &args)));
        let declared = problem_type.map_or(&[][..], |t| t.args());
        out.retain_extensions(|name| {
            declared.contains(&name) || name == "retry_after" || name == "request_id"
        });
        out.clear_field_errors();
    } else {
        if problem.title().is_none() {
            out.set_title(catalogue_title());
        }
        if problem.detail().is_none() {
            out.set_detail(code.and_then(|c| messages.format(locale, c, Some("detail"), &args)));
        }
    }
    for error in out.field_errors_mut() {
        if error.detail().is_none() {
            let args: Vec<_> = error.args().collect();
            let detail = error
                .code()
                .and_then(|c| messages.format(locale, c.as_str(), None, &args));
            if let Some(detail) = detail {
                error.set_detail(detail);
            }
        }
    }
    if !registry.status_member() {
        out.set_status_member(None);
    }
    let headers = out.headers_mut();
    if status == Some(StatusCode::UNAUTHORIZED) && !headers.contains_key(WWW_AUTHENTICATE) {
        let mut challenge = Challenge::bearer(registry.realm());
        if let Some(error) = problem_type.and_then(|t| t.bearer_error()) {
            challenge = challenge.with_error(error);
        }
        if let Some(value) = challenge.header_value() {
            headers.insert(WWW_AUTHENTICATE, value);
        }
    }
    if status == Some(StatusCode::METHOD_NOT_ALLOWED) && !headers.contains_key(ALLOW) {
        // An empty Allow would say that no method is allowed: better none, and a warning.
        tracing::warn!(code, "a 405 problem without Allow: use Problem::with_allow");
    }
    out.clean_text(strip_bidi_controls);
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
    fn about_blank_problems_take_the_reason_phrase() {
        let (registry, messages) = setup();
        let p = resolve(
            &Problem::default().with_detail("x"),
            &registry,
            &messages,
            0,
        );
        assert_eq!(p.title(), None);
        let p = resolve(
            &Problem::from_status(StatusCode::GONE),
            &registry,
            &messages,
            0,
        );
        assert_eq!(p.title(), Some("Gone"));
        assert!(p.type_uri().is_about_blank());
    }
}
