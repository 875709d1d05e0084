//! `text/plain; charset=utf-8`, for people and `curl`.

use serde_json::Value;

use super::view::{Member, View, is_bidi_control};

/// The status and title on the first line, then the detail, then `code: …`,
/// `request_id: …` and the other members as `name: value`, then one line per field
/// error. Line breaks and other control characters inside values are shown as spaces, so
/// that no value can forge a line.
pub(crate) fn write(view: &View<'_>, out: &mut Vec<u8>) {
    match view.heading {
        // The same bytes as `heading_line`, written when the type was registered.
        Some(heading) => out.extend_from_slice(&heading.text),
        None => heading_line(view.status, view.title.as_deref(), out),
    }
    if let Some(detail) = &view.detail {
        Line::start(out).value(detail).end();
    }
    // `code` and `request_id` first, then the other members in document order.
    for (label, name) in [("code: ", "code"), ("request_id: ", "request_id")] {
        if let Some(member) = view.member(name) {
            Line::start(out).text(label).member(member).end();
        }
    }
    if let Some(type_uri) = &view.type_uri {
        Line::start(out).text("type: ").value(type_uri).end();
    }
    if let Some(instance) = view.instance {
        Line::start(out).text("instance: ").value(instance).end();
    }
    for (name, value) in view.extensions() {
        if !matches!(name, "code" | "request_id") {
            Line::start(out)
                .value(name)
                .text(": ")
                .member(Member::Json(value))
                .end();
        }
    }
    for entry in &view.errors {
        let mut line = Line::start(out);
        line.text("- ")
            .text(entry.location.member())
            .text(" ")
            .value(entry.location.value());
        if let Some(code) = entry.code {
            line.text(" ").value(code);
        }
        if let Some(detail) = &entry.detail {
            line.text(": ").value(detail);
        }
        line.end();
    }
}

/// The first line: the status and the title, those given.
pub(crate) fn heading_line(status: Option<u16>, title: Option<&str>, out: &mut Vec<u8>) {
    let mut heading = Line::start(out);
    if let Some(status) = status {
        heading.number(status);
        if title.is_some() {
            heading.text(" ");
        }
    }
    if let Some(title) = title {
        heading.value(title);
    }
    heading.end();
}

/// One line being written.
struct Line<'o> {
    out: &'o mut Vec<u8>,
}

impl<'o> Line<'o> {
    fn start(out: &'o mut Vec<u8>) -> Line<'o> {
        Line { out }
    }

    /// Text of our own, written as it is.
    fn text(&mut self, text: &str) -> &mut Self {
        self.out.extend_from_slice(text.as_bytes());
        self
    }

    fn number(&mut self, n: u16) -> &mut Self {
        super::json::number(self.out, n);
        self
    }

    /// A value: controls and line or paragraph separators as spaces (no value forges a
    /// line), bidi controls dropped.
    fn value(&mut self, value: &str) -> &mut Self {
        // Printable ASCII is written as it is; anything else is looked at as characters.
        if is_printable_ascii(value.as_bytes()) {
            return self.text(value);
        }
        let breaks = |c: char| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}');
        // Most other text (French, Arabic…) has no line break or bidi control either.
        if !value.contains(|c: char| breaks(c) || is_bidi_control(c)) {
            return self.text(value);
        }
        for c in value.chars().filter(|&c| !is_bidi_control(c)) {
            let c = if breaks(c) { ' ' } else { c };
            let mut buffer = [0u8; 4];
            self.out
                .extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
        }
        self
    }

    /// A member's value.
    fn member(&mut self, member: Member<'_>) -> &mut Self {
        match member {
            Member::Text(text) => self.value(text),
            Member::Json(Value::String(text)) => self.value(text),
            Member::Status(status) => self.number(status),
            Member::Json(value) => self.value(&value.to_string()),
            // Written as lines of their own.
            Member::Errors(_) => self,
        }
    }

    fn end(&mut self) {
        self.out.push(b'\n');
    }
}

/// Whether every byte is printable ASCII (space to `~`): eight bytes at a time, then one by
/// one.
fn is_printable_ascii(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        // A high bit where a byte is below 0x20, or is 0x7F or above.
        let below_space = word.wrapping_sub(ONES * 0x20) & !word;
        let delete_or_above = word.wrapping_add(ONES) | word;
        if (below_space | delete_or_above) & HIGHS != 0 {
            return false;
        }
    }
    chunks
        .remainder()
        .iter()
        .all(|b| (b' '..b'\x7f').contains(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::builtin;
    use crate::{FieldError, JsonPointer, Problem};

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
        assert_eq!(
            super::super::view::written(&p, write),
            "400 Validation failed\nBad.\ncode: VALIDATION_ERROR\nrequest_id: r-1\n\
             type: https://example.com/problems/validation-error\ninstance: /users\n\
             - pointer #/email REQUIRED: Needed.\n"
        );
    }

    /// The writer as it was, member by member through `View::members`: what the direct
    /// writer must still write.
    fn reference_write(view: &View<'_>, out: &mut Vec<u8>) {
        heading_line(view.status, view.title.as_deref(), out);
        if let Some(detail) = &view.detail {
            Line::start(out).value(detail).end();
        }
        // `code` and `request_id` first, then the other members in document order.
        let first = ["code", "request_id"];
        let ordered = first
            .iter()
            .filter_map(|&name| Some((name, view.member(name)?)))
            .chain(view.members().filter(|(n, _)| {
                !first.contains(n) && !matches!(*n, "status" | "title" | "detail")
            }));
        for (name, member) in ordered {
            match member {
                Member::Errors(entries) => {
                    for entry in entries {
                        let mut line = Line::start(out);
                        line.text("- ")
                            .text(entry.location.member())
                            .text(" ")
                            .value(entry.location.value());
                        if let Some(code) = entry.code {
                            line.text(" ").value(code);
                        }
                        if let Some(detail) = &entry.detail {
                            line.text(": ").value(detail);
                        }
                        line.end();
                    }
                }
                member => {
                    let mut line = Line::start(out);
                    line.value(name).text(": ");
                    match member {
                        Member::Text(text) => {
                            line.value(text);
                        }
                        Member::Json(Value::String(text)) => {
                            line.value(text);
                        }
                        Member::Status(status) => {
                            line.number(status);
                        }
                        Member::Json(value) => {
                            line.value(&value.to_string());
                        }
                        Member::Errors(_) => {}
                    }
                    line.end();
                }
            }
        }
    }

    #[test]
    fn writes_what_the_member_by_member_writer_wrote() {
        let mut problems = vec![
            Problem::new(&builtin::VALIDATION_ERROR)
                .with_request_id("r-2")
                .with_extension("limit", 5)
                .unwrap()
                .with_field_error(FieldError::parameter("q", &builtin::field::REQUIRED)),
            Problem::internal(std::io::Error::other("secret")).with_request_id("r-3"),
            Problem::from_status(http::StatusCode::GONE),
            Problem::default(),
        ];
        for document in [
            r#"{"code":"nope","request_id":{"a":1},"x\ny":"z\u2028","errors":"free","n":[1,2]}"#,
            r#"{"type":"urn:x","title":"T\u202e","status":409,"code":"CONFLICT","request_id":7}"#,
            r#"{"status":500,"code":"INTERNAL_ERROR","request_id":"ok-1","detail":"hidden"}"#,
        ] {
            problems.push(serde_json::from_str(document).unwrap());
        }
        for problem in builtin::ALL {
            problems.push(Problem::new(&problem).with_instance("/a\tb"));
        }
        for problem in &problems {
            let direct = super::super::view::written(problem, write);
            let reference = super::super::view::written(problem, reference_write);
            assert_eq!(direct, reference, "{problem:?}");
        }
    }

    #[test]
    fn values_cannot_forge_lines() {
        let p = Problem::new(&builtin::CONFLICT)
            .with_detail("a\nstatus: 200\r\nx\u{2028}y\u{2029}z\u{85}w\u{b}v\u{202E}");
        let text = super::super::view::written(&p, write);
        assert_eq!(text.lines().count(), 4, "{text}");
        assert!(text.contains("a status: 200  x y z w v\n"), "{text:?}");
    }

    #[test]
    fn printable_ascii_is_told_apart_at_every_position() {
        for byte in 0..=255u8 {
            for at in 0..17 {
                let mut text = vec![b'a'; 17];
                text[at] = byte;
                assert_eq!(
                    is_printable_ascii(&text),
                    (b' '..b'\x7f').contains(&byte),
                    "{byte:#x} at {at}"
                );
            }
        }
    }
}
