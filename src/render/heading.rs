//! What every problem of one registered type says in one locale, made once when the
//! [`Renderer`](super::Renderer) is built: its title, the JSON document's first members,
//! the text document's first line, and the pattern of its detail. A problem that adds nothing to them is rendered without looking its title up
//! or writing them again.

use http::StatusCode;

use super::{json, text};
use crate::catalog::Registry;
use crate::i18n::{Messages, SimplePattern};

/// The headings of every registered type in every locale.
#[derive(Debug, Default)]
pub(crate) struct Headings {
    locales: usize,
    /// Type by type in registration order, locale by locale within a type; `None` where
    /// the title is not plain text in that locale (it takes arguments, or falls back).
    headings: Vec<Option<Heading>>,
}

/// One type's heading in one locale.
#[derive(Debug)]
pub(crate) struct Heading {
    /// The status the heading states.
    pub(crate) status: StatusCode,
    /// The title's text, in this very locale.
    pub(crate) title: Box<str>,
    /// `"type":…,"title":…,"status":…` as the compact JSON document writes them.
    pub(crate) json: Box<[u8]>,
    /// The first line of the text/plain document: status and title.
    pub(crate) text: Box<[u8]>,
    /// The detail's pattern in this very locale, when it is text and variables alone.
    pub(crate) detail: Option<SimplePattern>,
}

impl Headings {
    /// No heading at all: every problem is resolved member by member.
    #[cfg(test)]
    pub(crate) const NONE: Headings = Headings {
        locales: 0,
        headings: Vec::new(),
    };

    pub(crate) fn new(registry: &Registry, messages: &Messages) -> Headings {
        let locales = messages.locales().count();
        let headings = registry
            .types_with_uris()
            .flat_map(|(problem_type, uri)| {
                let status = problem_type.status();
                (0..locales).map(move |locale| {
                    let title = messages.plain_text(locale, problem_type.code().as_str())?;
                    let status_member = registry.status_member().then_some(status.as_u16());
                    let mut text = Vec::new();
                    text::heading_line(status_member, Some(title), &mut text);
                    Some(Heading {
                        status,
                        title: title.into(),
                        json: json::heading(uri.as_str(), title, status_member).into(),
                        text: text.into(),
                        detail: messages.simple_pattern(
                            locale,
                            problem_type.code().as_str(),
                            "detail",
                        ),
                    })
                })
            })
            .collect();
        Headings { locales, headings }
    }

    /// The heading of the type registered at `type_index` in the locale at `locale`.
    pub(crate) fn get(&self, type_index: usize, locale: usize) -> Option<&Heading> {
        if locale >= self.locales {
            return None;
        }
        self.headings
            .get(type_index * self.locales + locale)?
            .as_ref()
    }
}
