//! [`View`]: one problem as one response sends it — localized, redacted, its type URI
//! resolved — borrowed from the problem, the registry and the messages. Every writer
//! reads a view; none of them sees a [`Problem`] or decides what may be sent.

use std::borrow::Cow;

use serde_json::Value;

use super::heading::Heading;
use crate::problem::{Location, Problem};
pub(crate) use crate::request_id::is_request_id;

/// A problem as one response sends it.
pub(crate) struct View<'a> {
    /// `type_uri`, `title` and `status` as the writers write them, when they are the
    /// type's own in this locale, written once (see [`super::heading`]).
    pub(crate) heading: Option<&'a Heading>,
    pub(crate) type_uri: Option<Cow<'a, str>>,
    pub(crate) title: Option<Cow<'a, str>>,
    pub(crate) status: Option<u16>,
    pub(crate) detail: Option<Cow<'a, str>>,
    pub(crate) instance: Option<&'a str>,
    pub(crate) code: Option<&'a str>,
    /// The problem whose extension members are sent.
    pub(crate) problem: &'a Problem,
    /// Which of them: all, or on a 5xx only these (and `retry_after`, `request_id`).
    pub(crate) declared: Option<&'a [&'static str]>,
    /// The request's id (else the problem's own), sent after the extension members in
    /// place of any extension of that name.
    pub(crate) request_id: Option<&'a str>,
    pub(crate) errors: Vec<Entry<'a>>,
}

/// One entry of `errors`, its detail localized.
pub(crate) struct Entry<'a> {
    pub(crate) code: Option<&'a str>,
    pub(crate) detail: Option<Cow<'a, str>>,
    pub(crate) location: &'a Location,
    /// The arguments its code declares, as members: a frontend that words the entry
    /// itself has what the server's message used.
    pub(crate) args: Vec<(&'a str, &'a Value)>,
}

/// One member of a view, in the order every format writes them.
#[derive(Clone, Copy)]
pub(crate) enum Member<'v> {
    Text(&'v str),
    Status(u16),
    Json(&'v Value),
    Errors(&'v [Entry<'v>]),
}

impl View<'_> {
    /// The members to write, in RFC 9457 order: the standard members, `code`, the
    /// extensions, then `errors`; each key once.
    pub(crate) fn members(&self) -> impl Iterator<Item = (&str, Member<'_>)> {
        let standard = [
            ("type", self.type_uri.as_deref().map(Member::Text)),
            ("title", self.title.as_deref().map(Member::Text)),
            ("status", self.status.map(Member::Status)),
            ("detail", self.detail.as_deref().map(Member::Text)),
            ("instance", self.instance.map(Member::Text)),
            ("code", self.code.map(Member::Text)),
        ]
        .into_iter()
        .filter_map(|(name, member)| Some((name, member?)));
        let extensions = self
            .extensions()
            .map(|(name, value)| (name, Member::Json(value)))
            .chain(self.request_id.map(|id| ("request_id", Member::Text(id))));
        let errors = (!self.errors.is_empty()).then_some(("errors", Member::Errors(&self.errors)));
        standard.chain(extensions).chain(errors)
    }

    /// The member `name` of [`View::members`]; `code` and `request_id`, which a standard
    /// field or else an extension gives, are found without walking them all.
    pub(crate) fn member(&self, name: &str) -> Option<Member<'_>> {
        let standard = match name {
            "code" => self.code,
            "request_id" => self.request_id,
            _ => return self.members().find(|(n, _)| *n == name).map(|(_, m)| m),
        };
        match standard {
            Some(text) => Some(Member::Text(text)),
            None => self
                .extensions()
                .find(|(n, _)| *n == name)
                .map(|(_, value)| Member::Json(value)),
        }
    }

    /// The extension members sent, in their order.
    pub(crate) fn extensions(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.problem.extensions().filter(|(name, value)| {
            // On a 5xx, a `request_id` read from elsewhere goes out only if it looks like one.
            self.sends(name) && (self.declared.is_none() || *name != "request_id" || is_id(value))
        })
    }

    /// Whether the extension member `name` is sent. A raw `code` or `errors` read from
    /// elsewhere yields to the typed member.
    fn sends(&self, name: &str) -> bool {
        if name == "request_id" && self.request_id.is_some() {
            return false;
        }
        let allowed = self.declared.is_none_or(|declared| {
            declared.contains(&name) || name == "retry_after" || name == "request_id"
        });
        allowed
            && !((name == "code" && self.code.is_some())
                || (name == "errors" && !self.errors.is_empty()))
    }
}

/// Whether `value` is text that can be a request id.
fn is_id(value: &Value) -> bool {
    value.as_str().is_some_and(is_request_id)
}

/// Whether `c` is a Unicode bidi embedding, override or isolate control (U+202A–U+202E,
/// U+2066–U+2069): no format sends one, since they can make text display other than it
/// reads. Every writer drops them from every value as it writes it.
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Runs `f` on `problem` resolved in English for its own status, against the built-in
/// registry and messages: the writers' tests start here.
#[cfg(test)]
pub(crate) fn with_view<T>(problem: &crate::Problem, f: impl FnOnce(&View<'_>) -> T) -> T {
    let registry = crate::Registry::with_builtins("https://example.com/problems/").unwrap();
    let messages = crate::i18n::Messages::builder().build().unwrap();
    static NO_HEADINGS: super::heading::Headings = super::heading::Headings::NONE;
    let context = super::renderer::RequestContext::default();
    let resolved = super::resolve::resolve(
        problem,
        &context,
        &registry,
        &messages,
        &NO_HEADINGS,
        crate::i18n::Locale::DEFAULT,
        problem.response_status(),
    );
    f(&resolved.view)
}

/// `problem` resolved by [`with_view`] and written by `write`.
#[cfg(test)]
pub(crate) fn written(problem: &crate::Problem, write: fn(&View<'_>, &mut Vec<u8>)) -> String {
    with_view(problem, |view| {
        let mut out = Vec::new();
        write(view, &mut out);
        String::from_utf8(out).unwrap()
    })
}
