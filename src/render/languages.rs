//! Which languages a response's text is in: its `Content-Language`, and the `lang` of an
//! HTML page and of the parts that fell back to another locale.

use crate::i18n::{Localized, Messages};

/// The indexes of the locales a response's text came from, in order of first use.
#[derive(Debug, Default)]
pub(crate) struct Languages(Vec<usize>);

impl Languages {
    pub(crate) fn add(&mut self, locale: usize) {
        if !self.0.contains(&locale) {
            self.0.push(locale);
        }
    }

    /// Notes the locale of a localized text, and passes it on.
    pub(crate) fn record(&mut self, localized: Option<Localized>) -> Option<Localized> {
        if let Some(localized) = &localized {
            self.add(localized.locale);
        }
        localized
    }

    /// Notes the locale of a localized text, and gives its text.
    pub(crate) fn text(&mut self, localized: Option<Localized>) -> Option<String> {
        self.record(localized).map(|localized| localized.text)
    }

    /// The `Content-Language` value: every language present, the negotiated one first,
    /// or the negotiated one alone when no text was localized at all.
    pub(crate) fn header_value(&self, messages: &Messages, negotiated: usize) -> String {
        let mut tags = vec![messages.locale_tag(self.primary(negotiated))];
        for &i in &self.0 {
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
        if self.0.is_empty() || self.0.contains(&negotiated) {
            negotiated
        } else {
            self.0[0]
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
