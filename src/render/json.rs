//! `application/problem+json` and `application/json`: the same bytes, written straight
//! into the buffer — strings escaped and cleaned of bidi controls in one pass.

use serde_json::Value;

use super::view::{Entry, View};
use crate::problem::Location;

/// The compact document, as sent.
pub(crate) fn write(view: &View<'_>, out: &mut Vec<u8>) {
    Writer::new(out, false).view(view);
}

/// The document indented by two spaces, for people (a type page's example).
pub(crate) fn write_pretty(view: &View<'_>, out: &mut Vec<u8>) {
    Writer::new(out, true).view(view);
}

/// The compact document's first members, `type`, `title` and `status`, as
/// [`write`] writes them after the opening brace: what every problem of one registered
/// type says in one locale, written once (see [`View::heading`]).
pub(crate) fn heading(type_uri: &str, title: &str, status: Option<u16>) -> Vec<u8> {
    let mut out = Vec::with_capacity(type_uri.len() + title.len() + 40);
    Writer::new(&mut out, false).heading(&mut true, Some(type_uri), Some(title), status);
    out
}

struct Writer<'o> {
    out: &'o mut Vec<u8>,
    pretty: bool,
    depth: usize,
}

impl<'o> Writer<'o> {
    fn new(out: &'o mut Vec<u8>, pretty: bool) -> Writer<'o> {
        Writer {
            out,
            pretty,
            depth: 0,
        }
    }

    fn view(&mut self, view: &View<'_>) {
        self.open(b'{');
        let mut first = true;
        // The members in `View::members` order, written field by field: this is the path
        // every JSON problem takes.
        match view.heading {
            // The same bytes as the three members below, written when the type was registered.
            Some(heading) if !self.pretty => {
                self.out.extend_from_slice(&heading.json);
                first = false;
            }
            _ => self.heading(
                &mut first,
                view.type_uri.as_deref(),
                view.title.as_deref(),
                view.status,
            ),
        }
        if let Some(detail) = view.detail.as_deref() {
            self.known_key(&mut first, key::DETAIL);
            string(self.out, detail);
        }
        if let Some(instance) = view.instance {
            self.known_key(&mut first, key::INSTANCE);
            string(self.out, instance);
        }
        if let Some(code) = view.code {
            // A code is UPPER_SNAKE_CASE: as it is.
            self.known_key(&mut first, key::CODE);
            plain_string(self.out, code);
        }
        for (name, value) in view.extensions() {
            self.key(&mut first, name);
            self.value(value);
        }
        if let Some(id) = view.request_id {
            self.known_key(&mut first, key::REQUEST_ID);
            string(self.out, id);
        }
        if !view.errors.is_empty() {
            self.known_key(&mut first, key::ERRORS);
            self.entries(&view.errors);
        }
        self.close(b'}', first);
    }

    /// `type`, `title` and `status`, those given.
    fn heading(
        &mut self,
        first: &mut bool,
        type_uri: Option<&str>,
        title: Option<&str>,
        status: Option<u16>,
    ) {
        if let Some(type_uri) = type_uri {
            // A type URI is validated ASCII without quotes or backslashes: as it is.
            self.known_key(first, key::TYPE);
            plain_string(self.out, type_uri);
        }
        if let Some(title) = title {
            self.known_key(first, key::TITLE);
            string(self.out, title);
        }
        if let Some(status) = status {
            self.known_key(first, key::STATUS);
            number(self.out, status);
        }
    }

    fn entries(&mut self, entries: &[Entry<'_>]) {
        self.open(b'[');
        let mut first = true;
        for entry in entries {
            self.item(&mut first);
            self.open(b'{');
            let mut first_member = true;
            if let Some(code) = entry.code {
                // A code is UPPER_SNAKE_CASE: as it is.
                self.known_key(&mut first_member, key::CODE);
                plain_string(self.out, code);
            }
            if let Some(detail) = &entry.detail {
                self.known_key(&mut first_member, key::DETAIL);
                string(self.out, detail);
            }
            match entry.location {
                Location::Pointer(pointer) => {
                    // A pointer is kept in URI-fragment form: nothing to escape.
                    self.known_key(&mut first_member, key::POINTER);
                    plain_string(self.out, pointer.as_str());
                }
                Location::Parameter(name) => {
                    self.known_key(&mut first_member, key::PARAMETER);
                    string(self.out, name);
                }
                Location::Header(name) => {
                    self.known_key(&mut first_member, key::HEADER);
                    string(self.out, name);
                }
            }
            for &(name, value) in &entry.args {
                self.key(&mut first_member, name);
                self.value(value);
            }
            self.close(b'}', first_member);
        }
        self.close(b']', first);
    }

    fn value(&mut self, value: &Value) {
        match value {
            Value::Null => self.out.extend_from_slice(b"null"),
            Value::Bool(true) => self.out.extend_from_slice(b"true"),
            Value::Bool(false) => self.out.extend_from_slice(b"false"),
            Value::Number(n) => {
                // Writing a number into a Vec cannot fail.
                let _ = serde_json::to_writer(&mut *self.out, n);
            }
            Value::String(text) => string(self.out, text),
            Value::Array(items) => {
                self.open(b'[');
                let mut first = true;
                for item in items {
                    self.item(&mut first);
                    self.value(item);
                }
                self.close(b']', first);
            }
            Value::Object(members) => {
                self.open(b'{');
                let mut first = true;
                for (name, item) in members {
                    self.key(&mut first, name);
                    self.value(item);
                }
                self.close(b'}', first);
            }
        }
    }

    fn open(&mut self, bracket: u8) {
        self.out.push(bracket);
        self.depth += 1;
    }

    /// Closes a container; `empty` when nothing was written in it.
    fn close(&mut self, bracket: u8, empty: bool) {
        self.depth -= 1;
        if !empty {
            self.newline();
        }
        self.out.push(bracket);
    }

    fn item(&mut self, first: &mut bool) {
        if !std::mem::take(first) {
            self.out.push(b',');
        }
        self.newline();
    }

    fn key(&mut self, first: &mut bool, name: &str) {
        // The common case, a name needing no escape (every extension name added with
        // `with_extension`), written without looking at it character by character.
        if !self.pretty && plain_run(name.as_bytes()) == name.len() {
            self.out.reserve(name.len() + 4);
            if !std::mem::take(first) {
                self.out.push(b',');
            }
            self.out.push(b'"');
            self.out.extend_from_slice(name.as_bytes());
            self.out.extend_from_slice(b"\":");
            return;
        }
        self.item(first);
        string(self.out, name);
        self.out.push(b':');
        if self.pretty {
            self.out.push(b' ');
        }
    }

    /// The key of a member the writer names itself: `literal` is one of [`key`]'s.
    fn known_key(&mut self, first: &mut bool, literal: &'static [u8]) {
        if self.pretty {
            // `,"name":` holds the name between its first two and last two bytes.
            let name = std::str::from_utf8(&literal[2..literal.len() - 2]).unwrap_or_default();
            self.key(first, name);
        } else {
            let literal = if std::mem::take(first) {
                &literal[1..]
            } else {
                literal
            };
            self.out.extend_from_slice(literal);
        }
    }

    fn newline(&mut self) {
        if self.pretty {
            self.out.push(b'\n');
            self.out.resize(self.out.len() + 2 * self.depth, b' ');
        }
    }
}

/// How each byte is written inside a JSON string: `0` as it is, `u` as `\u00XX`, another
/// letter as that escape, `B` for the first byte of a possible bidi control.
const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0A] = b'n';
    table[0x0C] = b'f';
    table[0x0D] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table[0xE2] = b'B';
    table
};

/// A string known to need no escape (a validated type URI or code), between quotes.
fn plain_string(out: &mut Vec<u8>, text: &str) {
    debug_assert!(
        text.bytes()
            .all(|b| b.is_ascii() && b >= 0x20 && b != b'"' && b != b'\\')
    );
    out.reserve(text.len() + 2);
    out.push(b'"');
    out.extend_from_slice(text.as_bytes());
    out.push(b'"');
}

/// `text` as a JSON string, without bidi embedding, override or isolate controls.
pub(crate) fn string(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut start = 0;
    let mut i = 0;
    loop {
        i += plain_run(&bytes[i..]);
        let Some(&b) = bytes.get(i) else {
            break;
        };
        let escape = ESCAPE[usize::from(b)];
        if escape == b'B' && !is_bidi_control_at(bytes, i) {
            // Another character starting with 0xE2 (a dash, an ellipsis): as it is.
            i += 1;
            continue;
        }
        out.extend_from_slice(&bytes[start..i]);
        match escape {
            // U+202A–U+202E and U+2066–U+2069 are three bytes long: drop them.
            b'B' => i += 3,
            b'u' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(b >> 4)],
                    HEX[usize::from(b & 0xF)],
                ]);
                i += 1;
            }
            letter => {
                out.extend_from_slice(&[b'\\', letter]);
                i += 1;
            }
        }
        start = i;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// The length of the longest prefix of `bytes` that is written as it is: eight bytes at
/// a time while no byte of a word may need escaping, then byte by byte.
fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Nonzero when some byte of `word` is zero (or, after a true zero, spuriously so:
    // then the byte loop decides).
    let has_zero = |word: u64| word.wrapping_sub(ONES) & !word & HIGHS;
    let mut i = 0;
    while let Some(chunk) = bytes[i..].first_chunk::<8>() {
        let word = u64::from_le_bytes(*chunk);
        let special = (word.wrapping_sub(ONES * 0x20) & !word & HIGHS)
            | has_zero(word ^ (ONES * u64::from(b'"')))
            | has_zero(word ^ (ONES * u64::from(b'\\')))
            | has_zero(word ^ (ONES * 0xE2));
        if special != 0 {
            break;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(|&b| ESCAPE[usize::from(b)] == 0) {
        i += 1;
    }
    i
}

/// Whether the UTF-8 sequence at `i` (which starts with 0xE2) is a bidi control.
fn is_bidi_control_at(bytes: &[u8], i: usize) -> bool {
    matches!(
        bytes.get(i + 1..i + 3),
        Some([0x80, 0xAA..=0xAE] | [0x81, 0xA6..=0xA9])
    )
}

/// `,"name":` for the members every document may have, each written as one literal.
mod key {
    pub(super) const TYPE: &[u8] = b",\"type\":";
    pub(super) const TITLE: &[u8] = b",\"title\":";
    pub(super) const STATUS: &[u8] = b",\"status\":";
    pub(super) const DETAIL: &[u8] = b",\"detail\":";
    pub(super) const INSTANCE: &[u8] = b",\"instance\":";
    pub(super) const CODE: &[u8] = b",\"code\":";
    pub(super) const REQUEST_ID: &[u8] = b",\"request_id\":";
    pub(super) const ERRORS: &[u8] = b",\"errors\":";
    pub(super) const POINTER: &[u8] = b",\"pointer\":";
    pub(super) const PARAMETER: &[u8] = b",\"parameter\":";
    pub(super) const HEADER: &[u8] = b",\"header\":";
}

/// A status code's digits (the text writer's too).
pub(super) fn number(out: &mut Vec<u8>, n: u16) {
    let mut digits = [0u8; 5];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn escaped(text: &str) -> String {
        let mut out = Vec::new();
        string(&mut out, text);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn strings_are_escaped_like_serde_json_and_lose_bidi_controls() {
        for (text, expected) in [
            ("plain", r#""plain""#),
            ("a\"b\\c", r#""a\"b\\c""#),
            ("\n\t\r\u{8}\u{c}\u{0}\u{1f}", r#""\n\t\r\b\f\u0000\u001f""#),
            ("a\u{202E}b\u{2066}c\u{2069}", r#""abc""#),
            ("\u{2014}\u{2026}\u{20AC}", "\"\u{2014}\u{2026}\u{20AC}\""),
            (
                "a long plain run of text, then \"",
                r#""a long plain run of text, then \"""#,
            ),
            (
                "0123456789abcdef\u{202A}0123456789abcdef",
                r#""0123456789abcdef0123456789abcdef""#,
            ),
        ] {
            assert_eq!(escaped(text), expected, "{text:?}");
        }
    }

    #[test]
    fn members_are_written_in_the_order_every_format_uses() {
        use crate::{FieldError, Problem, builtin};
        let problem = Problem::new(&builtin::CONFLICT)
            .with_detail("d")
            .with_instance("/i")
            .with_extension("zeta", 1)
            .unwrap()
            .with_extension("alpha", 2)
            .unwrap()
            .with_request_id("r")
            .with_field_error(FieldError::parameter("p", &builtin::field::REQUIRED));
        let (text, positions) = super::super::view::with_view(&problem, |view| {
            let mut out = Vec::new();
            write(view, &mut out);
            let text = String::from_utf8(out).unwrap();
            let positions: Vec<usize> = view
                .members()
                .map(|(name, _)| text.find(&format!("\"{name}\":")).unwrap())
                .collect();
            (text, positions)
        });
        assert_eq!(positions.len(), 10, "{text}");
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{text}");
    }

    #[test]
    fn field_errors_read_back_whatever_their_names_and_tokens() {
        use crate::{FieldError, JsonPointer, Problem, builtin};
        let awkward = "a\"b\\c\n\u{202E}é/~";
        let problem = Problem::new(&builtin::VALIDATION_ERROR).with_field_errors([
            FieldError::pointer(JsonPointer::root().push(awkward), &builtin::field::REQUIRED)
                .with_detail(awkward),
            FieldError::parameter(awkward, &builtin::field::REQUIRED),
            FieldError::header(awkward, &builtin::field::REQUIRED),
        ]);
        let text = super::super::view::written(&problem, write);
        let document: Value = serde_json::from_str(&text).unwrap();
        let errors = document["errors"].as_array().unwrap();
        let expected_pointer = JsonPointer::root().push(awkward);
        assert_eq!(errors[0]["pointer"], expected_pointer.as_str());
        assert_eq!(errors[0]["code"], "REQUIRED");
        // Bidi controls are dropped from what is sent; everything else arrives.
        let sent = awkward.replace('\u{202E}', "");
        assert_eq!(errors[0]["detail"], sent.as_str());
        assert_eq!(errors[1]["parameter"], sent.as_str());
        assert_eq!(errors[2]["header"], sent.as_str());
    }

    #[test]
    fn numbers_are_their_digits() {
        for n in [0u16, 7, 42, 404, 599, 65535] {
            let mut out = Vec::new();
            number(&mut out, n);
            assert_eq!(String::from_utf8(out).unwrap(), n.to_string());
        }
    }

    proptest! {
        #[test]
        fn any_string_reads_back_without_its_bidi_controls(chars in proptest::collection::vec(
            prop_oneof![
                any::<char>(),
                proptest::sample::select(vec![
                    'a', ' ', '"', '\\', '\n', '\u{0}', '\u{1f}', '\u{7f}', 'é', '\u{2014}',
                    '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}', '\u{2028}', '\u{FFFF}',
                ]),
            ],
            0..40,
        )) {
            let text: String = chars.into_iter().collect();
            let read: String = serde_json::from_str(&escaped(&text)).unwrap();
            let expected: String = text.chars().filter(|&c| !super::super::view::is_bidi_control(c)).collect();
            prop_assert_eq!(read, expected);
        }
    }
}
