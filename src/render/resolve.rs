//! Completing a problem for one response: its type URI, localized title and details,
//! and the headers its status requires.

use http::header::{ALLOW, WWW_AUTHENTICATE};
use http::{HeaderValue, StatusCode};

use crate::catalog::Registry;
use crate::i18n::Messages;
use crate::problem::{Challenge, Problem};

/// The problem as it goes on the wire, in the locale at index `locale`.
///
/// - `type`: the registry's URI for its type, unless set explicitly.
/// - `title` and `detail`: from the type's messages unless set explicitly — except on a
///   5xx, whose detail is only ever the catalogue's, so that no internal text escapes.
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
    if problem.title().is_none() {
        let title = code
            .and_then(|c| messages.format(locale, c, None, &args))
            .or_else(|| status.and_then(|s| s.canonical_reason()).map(str::to_owned));
        out.set_title(title);
    }
    let server_error = status.is_some_and(|s| s.is_server_error());
    if server_error || problem.detail().is_none() {
        out.set_detail(code.and_then(|c| messages.format(locale, c, Some("detail"), &args)));
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
        headers.insert(ALLOW, HeaderValue::from_static(""));
    }
    out
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
        let blank =
            Problem::from_status(StatusCode::BAD_GATEWAY).with_detail("upstream said: secret");
        assert_eq!(resolve(&blank, &registry, &messages, 0).detail(), None);
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
