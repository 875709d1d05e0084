//! `application/problem+xml`, as [RFC 9457 Appendix B](https://www.rfc-editor.org/rfc/rfc9457#appendix-B)
//! describes it, written with a real XML writer.

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use serde_json::Value;

use super::view::{Entry, Member, View, is_bidi_control};
use crate::problem::is_extension_name;

/// The namespace of the `problem` element.
const NAMESPACE: &str = "urn:ietf:rfc:7807";

pub(crate) fn write(view: &View<'_>, out: &mut Vec<u8>) {
    let mut writer = Writer::new_with_indent(&mut *out, b' ', 2);
    if write_document(&mut writer, view).is_err() {
        // Writing into a Vec cannot fail; keep the output well-formed regardless.
        out.clear();
        out.extend_from_slice(b"<problem xmlns=\"urn:ietf:rfc:7807\"/>");
    }
}

fn write_document(writer: &mut Writer<&mut Vec<u8>>, view: &View<'_>) -> io::Result<()> {
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let mut root = BytesStart::new("problem");
    root.push_attribute(("xmlns", NAMESPACE));
    writer.write_event(Event::Start(root))?;
    for (name, member) in view.members() {
        match member {
            Member::Text(text) => element_text(writer, name, text)?,
            Member::Status(status) => element_text(writer, name, &status.to_string())?,
            Member::Json(value) => element_value(writer, name, value)?,
            Member::Errors(entries) => {
                writer.write_event(Event::Start(BytesStart::new(name)))?;
                for entry in entries {
                    element_entry(writer, entry)?;
                }
                writer.write_event(Event::End(BytesEnd::new(name)))?;
            }
        }
    }
    writer.write_event(Event::End(BytesEnd::new("problem")))?;
    Ok(())
}

/// One `errors` entry as an `i` element.
fn element_entry(writer: &mut Writer<&mut Vec<u8>>, entry: &Entry<'_>) -> io::Result<()> {
    writer.write_event(Event::Start(BytesStart::new("i")))?;
    if let Some(code) = entry.code {
        element_text(writer, "code", code)?;
    }
    if let Some(detail) = &entry.detail {
        element_text(writer, "detail", detail)?;
    }
    element_text(writer, entry.location.member(), entry.location.value())?;
    for &(name, value) in &entry.args {
        element_value(writer, name, value)?;
    }
    writer.write_event(Event::End(BytesEnd::new("i")))?;
    Ok(())
}

fn element_text(writer: &mut Writer<&mut Vec<u8>>, name: &str, text: &str) -> io::Result<()> {
    writer
        .create_element(name)
        .write_text_content(BytesText::new(&xml_chars(text)))?;
    Ok(())
}

/// Arrays become `i` elements, objects nested elements; a member whose name XML cannot
/// carry is left out (only documents read from elsewhere can have one).
fn element_value(writer: &mut Writer<&mut Vec<u8>>, name: &str, value: &Value) -> io::Result<()> {
    if !is_extension_name(name) {
        tracing::debug!(member = name, "member left out of XML: not an XML name");
        return Ok(());
    }
    match value {
        Value::Null => {
            writer.write_event(Event::Empty(BytesStart::new(name)))?;
        }
        Value::Bool(b) => element_text(writer, name, if *b { "true" } else { "false" })?,
        Value::Number(n) => element_text(writer, name, &n.to_string())?,
        Value::String(s) => element_text(writer, name, s)?,
        Value::Array(items) => {
            writer.write_event(Event::Start(BytesStart::new(name)))?;
            for item in items {
                element_value(writer, "i", item)?;
            }
            writer.write_event(Event::End(BytesEnd::new(name)))?;
        }
        Value::Object(members) => {
            writer.write_event(Event::Start(BytesStart::new(name)))?;
            for (key, item) in members {
                element_value(writer, key, item)?;
            }
            writer.write_event(Event::End(BytesEnd::new(name)))?;
        }
    }
    Ok(())
}

/// A character outside XML 1.0's `Char` production (most C0 controls, U+FFFE, U+FFFF)
/// cannot appear even escaped, and C1 controls are discouraged: they become U+FFFD.
/// Bidi controls are dropped, as in every format.
fn xml_chars(text: &str) -> std::borrow::Cow<'_, str> {
    let allowed = |c: char| {
        (!c.is_control() || matches!(c, '\t' | '\n' | '\r'))
            && !matches!(c, '\u{FFFE}' | '\u{FFFF}')
    };
    if text.chars().all(|c| allowed(c) && !is_bidi_control(c)) {
        text.into()
    } else {
        text.chars()
            .filter(|&c| !is_bidi_control(c))
            .map(|c| if allowed(c) { c } else { '\u{FFFD}' })
            .collect::<String>()
            .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_replacement_characters() {
        assert_eq!(xml_chars("a\u{0}b\u{1b}c\n"), "a\u{FFFD}b\u{FFFD}c\n");
        assert_eq!(
            xml_chars("\u{FFFE}\u{FFFF}\u{85}"),
            "\u{FFFD}\u{FFFD}\u{FFFD}"
        );
    }
}
