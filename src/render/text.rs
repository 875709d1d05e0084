//! `text/plain; charset=utf-8`, for people and `curl`.

use std::fmt::Write as _;

use serde_json::Value;

use crate::problem::{Member, Problem};

/// The status and title on the first line, then the detail, then `code: …`,
/// `request_id: …` and the other members as `name: value`, then one line per field
/// error. Line breaks and other control characters inside values are shown as spaces, so
/// that no value can forge a line.
pub(crate) fn write(problem: &Problem, out: &mut Vec<u8>) {
    let mut text = String::new();
    let status = problem.status().map(|s| s.as_u16().to_string());
    let heading: Vec<&str> = [status.as_deref(), problem.title()]
        .into_iter()
        .flatten()
        .collect();
    line(&mut text, "", &heading.join(" "));
    if let Some(detail) = problem.detail() {
        line(&mut text, "", detail);
    }
    let first = ["code", "request_id"];
    let ordered =
        first
            .iter()
            .filter_map(|name| problem.members().find(|(n, _)| n == name))
            .chain(problem.members().filter(|(n, _)| {
                !first.contains(n) && !matches!(*n, "status" | "title" | "detail")
            }));
    for (name, member) in ordered {
        match member {
            Member::Text(value) => line(&mut text, &format!("{name}: "), value),
            Member::Status(status) => line(&mut text, &format!("{name}: "), &status.to_string()),
            Member::Json(Value::String(value)) => line(&mut text, &format!("{name}: "), value),
            Member::Json(value) => line(&mut text, &format!("{name}: "), &value.to_string()),
            Member::Errors(errors) => {
                for error in errors {
                    let location = error.location();
                    let code = error.code().map_or(String::new(), |c| format!(" {c}"));
                    let detail = error.detail().map_or(String::new(), |d| format!(": {d}"));
                    let entry = format!("{} {}{code}{detail}", location.member(), location.value());
                    line(&mut text, "- ", &entry);
                }
            }
        }
    }
    out.extend_from_slice(text.as_bytes());
}

fn line(text: &mut String, prefix: &str, value: &str) {
    // Controls, and the line and paragraph separators some readers break lines at.
    let breaks = |c: char| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}');
    let value: String = value
        .chars()
        .map(|c| if breaks(c) { ' ' } else { c })
        .collect();
    let _ = writeln!(text, "{prefix}{value}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::builtin;
    use crate::{FieldError, JsonPointer};

    #[test]
    fn layout_is_heading_detail_code_request_id_then_errors() {
        let p = Problem::new(&builtin::VALIDATION_ERROR)
            .with_title("Validation failed")
            .with_detail("Bad.")
            .with_instance("/users")
            .with_request_id("r-1")
            .with_field_error(
                FieldError::pointer(JsonPointer::root().push("email"), &builtin::field::REQUIRED)
                    .with_detail("Needed."),
            );
        let mut out = Vec::new();
        write(&p, &mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "400 Validation failed\nBad.\ncode: VALIDATION_ERROR\nrequest_id: r-1\ninstance: /users\n\
             - pointer #/email REQUIRED: Needed.\n"
        );
    }

    #[test]
    fn values_cannot_forge_lines() {
        let p =
            Problem::default().with_detail("a\nstatus: 200\r\nx\u{2028}y\u{2029}z\u{85}w\u{b}v");
        let mut out = Vec::new();
        write(&p, &mut out);
        assert_eq!(String::from_utf8(out).unwrap().lines().count(), 2);
    }
}
