//! The plain rendering of a problem that leaves without the middleware (an app that
//! forgot it): the document's own members as JSON, a 5xx only its status and code, and a
//! warning, once.

use serde_json::{Value, json};

use crate::Problem;
use crate::render::is_bidi_control;

/// Said once per process: a problem went out without the adapter's middleware, which
/// `how` names.
#[cfg(any(feature = "actix", feature = "axum"))]
pub(crate) fn warn_unrendered(how: &str) {
    use std::sync::atomic::{AtomicBool, Ordering};
    static WARNED: AtomicBool = AtomicBool::new(false);
    if !WARNED.swap(true, Ordering::Relaxed) {
        tracing::warn!(
            "a problem was sent without pardon's middleware: its plain JSON is not \
             negotiated, localized, given a request id or a type URI; {how}"
        );
    }
}

/// The plain rendering: a 4xx problem's own members as it holds them (no title or
/// detail it was not given), with `status` the status sent; a 5xx only its `status` and,
/// when its type is of that status, its `code` — never a member that could carry an
/// internal text.
pub(crate) fn plain_json(problem: &Problem) -> Vec<u8> {
    let status = problem.response_status();
    let document = if status.is_server_error() {
        let code = problem
            .problem_type()
            .filter(|t| t.status() == status)
            .map(|t| t.code().as_str());
        match code {
            Some(code) => json!({"status": status.as_u16(), "code": code}),
            None => json!({"status": status.as_u16()}),
        }
    } else {
        let mut document =
            serde_json::to_value(problem).unwrap_or_else(|_| json!({"status": status.as_u16()}));
        strip_bidi(&mut document);
        document
    };
    serde_json::to_vec(&document).unwrap_or_else(|_| Value::Null.to_string().into_bytes())
}

/// Drops bidi controls from every string value, as every rendered format does.
fn strip_bidi(value: &mut Value) {
    match value {
        Value::String(text) => text.retain(|c| !is_bidi_control(c)),
        Value::Array(items) => items.iter_mut().for_each(strip_bidi),
        Value::Object(members) => members.values_mut().for_each(strip_bidi),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;

    #[test]
    fn a_server_error_says_only_its_status_and_code() {
        let problem = Problem::new(&builtin::INTERNAL_ERROR)
            .with_detail("postgres://secret")
            .with_extension("dsn", "secret")
            .unwrap();
        assert_eq!(
            String::from_utf8(plain_json(&problem)).unwrap(),
            r#"{"code":"INTERNAL_ERROR","status":500}"#
        );
        let odd = Problem::from_status(http::StatusCode::FOUND).with_detail("secret");
        assert_eq!(
            String::from_utf8(plain_json(&odd)).unwrap(),
            r#"{"status":500}"#
        );
    }

    #[test]
    fn no_bidi_control_goes_out_plain() {
        let problem = Problem::new(&builtin::CONFLICT)
            .with_detail("a\u{202E}b")
            .with_extension("x", json!(["c\u{2066}d"]))
            .unwrap();
        let text = String::from_utf8(plain_json(&problem)).unwrap();
        assert!(text.contains("\"ab\"") && text.contains("\"cd\""), "{text}");
    }

    #[test]
    fn a_client_error_is_its_own_members() {
        let problem = Problem::new(&builtin::CONFLICT).with_detail("Seat taken.");
        let value: Value = serde_json::from_slice(&plain_json(&problem)).unwrap();
        assert_eq!(
            value,
            json!({"status": 409, "detail": "Seat taken.", "code": "CONFLICT"})
        );
    }
}
