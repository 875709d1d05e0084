//! Formatting one message in one locale, falling back to the default locale for that
//! message alone, never failing, and never sending a `{$placeholder}`.

use std::borrow::Cow;

use fluent_bundle::resolver::errors::{ReferenceKind, ResolverError};
use fluent_bundle::{FluentArgs, FluentError, FluentValue};
use serde_json::Value;

use super::{Locale, Messages};

/// Integers beyond this lose digits as `f64`, so they are passed to Fluent as text.
const MAX_EXACT_INTEGER: u64 = 1 << 53;

/// A formatted message, borrowed from the bundle when it needed no formatting, and the
/// index of the locale it came from.
pub(crate) struct Localized<'m> {
    pub(crate) text: Cow<'m, str>,
    pub(crate) locale: usize,
}

impl Messages {
    /// Formats message `id` (or its `attribute`) in `locale`, with `args`.
    ///
    /// When that locale lacks the message or attribute, the client's next choices that
    /// `locale` carries are tried, then the default locale — for this one message only.
    /// `None` when none has it.
    ///
    /// When an argument the pattern uses is missing, its argument-free twin is used
    /// instead — the attribute `<attribute>-generic`, or `generic` for the message's
    /// value — and without one the message counts as absent: Fluent's `{$name}`
    /// placeholder never reaches a client. Fluent errors are logged as warnings, never
    /// returned.
    ///
    /// # Examples
    ///
    /// ```
    /// use serde_json::json;
    ///
    /// let messages = pardon::i18n::Messages::builder().build()?;
    /// let fr = messages.locale("fr").unwrap();
    /// let detail = messages.format(fr, "RATE_LIMITED", Some("detail"), &[("retry_after", &json!(1))]);
    /// assert!(detail.unwrap().contains('1'));
    /// let en = messages.locale("en").unwrap();
    /// let generic = messages.format(en, "RATE_LIMITED", Some("detail"), &[]).unwrap();
    /// assert_eq!(generic, "You have sent too many requests. Retry later.");
    /// assert_eq!(messages.format(fr, "NO_SUCH_MESSAGE", None, &[]), None);
    /// # Ok::<(), pardon::i18n::MessagesError>(())
    /// ```
    #[must_use]
    pub fn format(
        &self,
        locale: Locale,
        id: &str,
        attribute: Option<&str>,
        args: &[(&str, &Value)],
    ) -> Option<String> {
        let args = fluent_args(args);
        let args = args.iter().next().is_some().then_some(&args);
        self.localize(locale, id, attribute, args)
            .map(|localized| localized.text.into_owned())
    }

    /// [`Messages::format`] with Fluent arguments, saying which locale the text came from.
    pub(crate) fn localize<'m>(
        &'m self,
        locale: Locale,
        id: &str,
        attribute: Option<&str>,
        args: Option<&FluentArgs<'_>>,
    ) -> Option<Localized<'m>> {
        locale.lookup_order().find_map(|i| {
            let text = self
                .format_in(i, id, attribute, args)
                .or_else(|| self.format_in(i, id, Some(&generic_name(attribute)), args))?;
            Some(Localized { text, locale: i })
        })
    }

    /// The pattern formatted in one locale; `None` when it is absent there or an argument
    /// it uses is missing.
    fn format_in<'m>(
        &'m self,
        locale: usize,
        id: &str,
        attribute: Option<&str>,
        args: Option<&FluentArgs<'_>>,
    ) -> Option<Cow<'m, str>> {
        let entry = self.locales.get(locale)?;
        let message = entry.bundle.get_message(id)?;
        let pattern = match attribute {
            Some(name) => message.get_attribute(name)?.value(),
            None => message.value()?,
        };
        let mut errors = Vec::new();
        let text = entry.bundle.format_pattern(pattern, args, &mut errors);
        // A missing argument that only selects a variant falls to the default variant,
        // which is fine; one written out shows as Fluent's `{$name}`, which is not.
        let complete = !(errors.iter().any(is_missing_argument) && text.contains("{$"));
        for error in &errors {
            if is_missing_argument(error) {
                tracing::debug!(locale = %entry.tag, message = id, ?attribute, %error, "argument missing");
            } else {
                tracing::warn!(locale = %entry.tag, message = id, ?attribute, %error, "localization fault");
            }
        }
        complete.then_some(text)
    }
}

/// The attribute holding the argument-free twin of `attribute` (or of the value).
fn generic_name(attribute: Option<&str>) -> Cow<'static, str> {
    match attribute {
        Some(name) => Cow::Owned(format!("{name}-generic")),
        None => Cow::Borrowed("generic"),
    }
}

fn is_missing_argument(error: &FluentError) -> bool {
    matches!(
        error,
        FluentError::ResolverError(ResolverError::Reference(ReferenceKind::Variable { .. }))
    )
}

/// Fluent arguments from JSON values.
pub(crate) fn fluent_args<'a>(args: &[(&'a str, &'a Value)]) -> FluentArgs<'a> {
    let mut out = FluentArgs::with_capacity(args.len());
    for &(name, value) in args {
        if let Some(value) = fluent_value(value) {
            out.set(name, value);
        }
    }
    out
}

/// A JSON value as a Fluent argument: numbers stay numbers (for plurals) while they are
/// exact as `f64`; strings, booleans and larger integers become text.
pub(crate) fn fluent_value(value: &Value) -> Option<FluentValue<'_>> {
    match value {
        Value::String(s) => Some(FluentValue::String(Cow::Borrowed(s))),
        Value::Number(n) => {
            let exact = n.as_u64().map_or_else(
                || n.as_i64().map(|i| i.unsigned_abs() <= MAX_EXACT_INTEGER),
                |u| Some(u <= MAX_EXACT_INTEGER),
            );
            match (exact, n.as_f64()) {
                (Some(false), _) | (_, None) => Some(FluentValue::String(n.to_string().into())),
                (_, Some(f)) => Some(FluentValue::from(f)),
            }
        }
        Value::Bool(b) => Some(FluentValue::String(b.to_string().into())),
        Value::Null | Value::Array(_) | Value::Object(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn messages() -> Messages {
        Messages::builder()
            .add_ftl(
                "en",
                "t.ftl",
                "ID = Id { $id }\nONLY_EN = English only\n    .detail = Here.\n",
            )
            .add_ftl("fr", "t.ftl", "ID = Identifiant { $id }\n")
            .build()
            .unwrap()
    }

    #[test]
    fn integers_keep_every_digit() {
        let m = messages();
        let big = json!(9_007_199_254_740_993_u64);
        assert_eq!(
            m.format(Locale::DEFAULT, "ID", None, &[("id", &big)])
                .unwrap(),
            "Id 9007199254740993"
        );
        let as_text = json!("9007199254740993");
        assert_eq!(
            m.format(Locale::DEFAULT, "ID", None, &[("id", &as_text)])
                .unwrap(),
            "Id 9007199254740993"
        );
        let negative = json!(-9_007_199_254_740_993_i64);
        assert_eq!(
            m.format(Locale::DEFAULT, "ID", None, &[("id", &negative)])
                .unwrap(),
            "Id -9007199254740993"
        );
        assert_eq!(
            m.format(Locale::DEFAULT, "ID", None, &[("id", &json!(42))])
                .unwrap(),
            "Id 42"
        );
    }

    #[test]
    fn a_missing_message_falls_back_to_the_default_locale_alone() {
        let m = messages();
        let fr = m.locale("fr").unwrap();
        assert_eq!(
            m.format(fr, "ID", None, &[("id", &json!(1))]).unwrap(),
            "Identifiant 1"
        );
        assert_eq!(m.format(fr, "ONLY_EN", None, &[]).unwrap(), "English only");
        assert_eq!(
            m.format(fr, "ONLY_EN", Some("detail"), &[]).unwrap(),
            "Here."
        );
        assert_eq!(m.format(fr, "ONLY_EN", Some("nope"), &[]), None);
    }

    #[test]
    fn a_missing_argument_takes_the_generic_form_or_nothing() {
        let m = messages();
        assert_eq!(m.format(Locale::DEFAULT, "ID", None, &[]), None);
        let generic = Messages::builder()
            .add_ftl(
                "en",
                "t.ftl",
                "N = { $n } items\n    .generic = Some items\n    .detail = Of { $n }.\n    .detail-generic = Of some.\n",
            )
            .build()
            .unwrap();
        assert_eq!(
            generic.format(Locale::DEFAULT, "N", None, &[]).unwrap(),
            "Some items"
        );
        assert_eq!(
            generic
                .format(Locale::DEFAULT, "N", Some("detail"), &[])
                .unwrap(),
            "Of some."
        );
        assert_eq!(
            generic
                .format(Locale::DEFAULT, "N", None, &[("n", &json!(2))])
                .unwrap(),
            "2 items"
        );
        // An argument that only selects a variant may be missing: the default variant.
        let selector = Messages::builder()
            .add_ftl(
                "en",
                "t.ftl",
                "K = { $kind ->\n    [a] Kind A\n   *[other] Some kind\n}\n",
            )
            .build()
            .unwrap();
        assert_eq!(
            selector.format(Locale::DEFAULT, "K", None, &[]).unwrap(),
            "Some kind"
        );
    }

    #[test]
    fn no_bidi_isolation_marks() {
        let m = messages();
        let text = m
            .format(Locale::DEFAULT, "ID", None, &[("id", &json!("x"))])
            .unwrap();
        assert!(!text.chars().any(|c| ('\u{2066}'..='\u{2069}').contains(&c)));
    }
}
