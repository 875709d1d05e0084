//! [`Locale`]: the language a response speaks, and the client's next choices.

use super::Messages;

/// How many of the client's choices a [`Locale`] keeps, the first included.
const CHOICES: usize = 4;

/// A locale of a [`Messages`], as negotiated for a request: the one it speaks, then the
/// client's next acceptable choices, in its order. A message missing in the first
/// falls back along these before the default locale.
///
/// Get one from [`Messages::locale`] (by tag) or from negotiation
/// ([`Negotiated::locale`](crate::render::Negotiated::locale)).
///
/// # Examples
///
/// ```
/// let messages = pardon::i18n::Messages::builder().build()?;
/// let fr = messages.locale("fr").unwrap();
/// assert_eq!(fr.tag(&messages), "fr");
/// assert_eq!(messages.locale("tlh"), None);
/// # Ok::<(), pardon::i18n::MessagesError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Locale {
    choices: [u16; CHOICES],
    len: u8,
}

impl Locale {
    /// The default locale alone.
    pub(crate) const DEFAULT: Locale = Locale {
        choices: [0; CHOICES],
        len: 1,
    };

    /// The locale at `index`, alone.
    pub(crate) fn at(index: usize) -> Locale {
        Locale::ranked(&[index])
    }

    /// The locales at `indexes`, best first (the default locale when empty; indexes past
    /// `u16` are dropped, and only the first few are kept).
    pub(crate) fn ranked(indexes: &[usize]) -> Locale {
        let mut locale = Locale {
            choices: [0; CHOICES],
            len: 0,
        };
        for &index in indexes {
            let Ok(index) = u16::try_from(index) else {
                continue;
            };
            if usize::from(locale.len) == CHOICES {
                break;
            }
            locale.choices[usize::from(locale.len)] = index;
            locale.len += 1;
        }
        if locale.len == 0 {
            return Locale::DEFAULT;
        }
        locale
    }

    /// The index of the locale spoken, among [`Messages::locales`].
    pub(crate) fn index(self) -> usize {
        usize::from(self.choices[0])
    }

    /// The locales to look a message up in, in order: the client's choices, then the
    /// default locale (each once).
    pub(crate) fn lookup_order(self) -> impl Iterator<Item = usize> {
        let choices = &self.choices[..usize::from(self.len)];
        let default = (!choices.contains(&0)).then_some(0);
        let choices = self.choices;
        (0..usize::from(self.len))
            .map(move |i| usize::from(choices[i]))
            .chain(default)
    }

    /// The locale's tag in `messages` (the messages it was negotiated or looked up with).
    ///
    /// # Examples
    ///
    /// ```
    /// let messages = pardon::i18n::Messages::builder().build()?;
    /// assert_eq!(messages.locale("AR").unwrap().tag(&messages), "ar");
    /// # Ok::<(), pardon::i18n::MessagesError>(())
    /// ```
    #[must_use]
    pub fn tag(self, messages: &Messages) -> &str {
        messages.locale_tag(self.index())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lookup_order_ends_with_the_default_once() {
        let order = |l: Locale| l.lookup_order().collect::<Vec<_>>();
        assert_eq!(order(Locale::ranked(&[2, 1])), [2, 1, 0]);
        assert_eq!(order(Locale::ranked(&[2, 0, 1])), [2, 0, 1]);
        assert_eq!(order(Locale::ranked(&[])), [0]);
        assert_eq!(order(Locale::ranked(&[5, 4, 3, 2, 1])), [5, 4, 3, 2, 0]);
        assert_eq!(Locale::at(3).index(), 3);
    }
}
