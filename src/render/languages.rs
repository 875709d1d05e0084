//! Which languages a response's text is in: its `Content-Language`, and the `lang` of an
//! HTML page and of the parts that fell back to another locale.

use std::borrow::Cow;

use crate::i18n::{Localized, Messages};

/// The indexes of the locales a response's text came from, in order of first use. A
/// response holds at most six (the negotiated locale, the client's three next choices,
/// the default one, English for a reason phrase), so they live inline.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Languages {
    seen: [usize; 6],
    len: usize,
}

impl Languages {
    pub(crate) fn add(&mut self, locale: usize) {
        if !self.all().contains(&locale) && self.len < self.seen.len() {
            self.seen[self.len] = locale;
            self.len += 1;
        }
    }

    /// Adds every locale of `other`.
    pub(crate) fn merge(&mut self, other: &Languages) {
        for &locale in other.all() {
            self.add(locale);
        }
    }

    fn all(&self) -> &[usize] {
        &self.seen[..self.len]
    }

    /// Notes the locale of a localized text, and passes it on.
    pub(crate) fn record<'m>(&mut self, localized: Option<Localized<'m>>) -> Option<Localized<'m>> {
        if let Some(localized) = &localized {
            self.add(localized.locale);
        }
        localized
    }

    /// Notes the locale of a localized text, and gives its text.
    pub(crate) fn text<'m>(&mut self, localized: Option<Localized<'m>>) -> Option<Cow<'m, str>> {
        self.record(localized).map(|localized| localized.text)
    }

    /// Whether the text is all in `locale` (or nothing was localized): the common case,
    /// whose `Content-Language` is made once per locale.
    pub(crate) fn only(&self, locale: usize) -> bool {
        self.all().iter().all(|&l| l == locale)
    }

    /// The `Content-Language` value: every language present, the negotiated one first,
    /// or the negotiated one alone when no text was localized at all.
    pub(crate) fn header_value(&self, messages: &Messages, negotiated: usize) -> String {
        let mut tags = vec![messages.locale_tag(self.primary(negotiated))];
        for &i in self.all() {
            let tag = messages.locale_tag(i);
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        tags.join(", ")
    }

    /// The language of most of the text: the negotiated one when present (or nothing was
    /// localized), else the first fallback.
    pub(crate) fn primary(&self, negotiated: usize) -> usize {
        if self.len == 0 || self.all().contains(&negotiated) {
            negotiated
        } else {
            self.seen[0]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_negotiated_language_comes_first_and_each_once() {
        let messages = Messages::builder().build().unwrap();
        let (en, fr) = (0, messages.locale_index("fr").unwrap());
        let mut languages = Languages::default();
        assert_eq!(languages.header_value(&messages, fr), "fr");
        languages.add(en);
        assert_eq!(languages.header_value(&messages, fr), "en");
        languages.add(fr);
        languages.add(en);
        assert_eq!(languages.header_value(&messages, fr), "fr, en");
        assert_eq!(languages.primary(fr), fr);
    }
}
