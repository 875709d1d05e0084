//! Formatting one message in one locale, falling back to the default locale for that
//! message alone, never failing, and never sending a `{$placeholder}`.

use std::borrow::Cow;

use fluent_bundle::resolver::errors::{ReferenceKind, ResolverError};
use fluent_bundle::{FluentArgs, FluentError, FluentValue};
use fluent_syntax::ast;
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
        self.localize_with(locale, id, attribute, &args)
    }

    /// [`Messages::localize`] with the arguments wherever they live.
    pub(crate) fn localize_with<'m, A: MessageArgs + ?Sized>(
        &'m self,
        locale: Locale,
        id: &str,
        attribute: Option<&str>,
        args: &A,
    ) -> Option<Localized<'m>> {
        locale.lookup_order().find_map(|i| {
            let text = self
                .format_in(i, id, attribute, args)
                .or_else(|| self.format_in(i, id, Some(&generic_name(attribute)), args))?;
            Some(Localized { text, locale: i })
        })
    }

    /// The value of message `id` in the locale at `locale` when it is plain text, with no
    /// placeable: what [`Messages::localize`] gives for it there, whatever the arguments.
    pub(crate) fn plain_text(&self, locale: usize, id: &str) -> Option<&str> {
        let pattern = self.locales.get(locale)?.bundle.get_message(id)?.value()?;
        match pattern.elements.as_slice() {
            [ast::PatternElement::TextElement { value }] => Some(value),
            _ => None,
        }
    }

    /// The pattern formatted in one locale; `None` when it is absent there or an argument
    /// it uses is missing.
    fn format_in<'m, A: MessageArgs + ?Sized>(
        &'m self,
        locale: usize,
        id: &str,
        attribute: Option<&str>,
        args: &A,
    ) -> Option<Cow<'m, str>> {
        let entry = self.locales.get(locale)?;
        let message = entry.bundle.get_message(id)?;
        let pattern = match attribute {
            Some(name) => message.get_attribute(name)?.value(),
            None => message.value()?,
        };
        if let Some(text) = format_simple(pattern, args) {
            return Some(text);
        }
        args.with_fluent(|args| {
            let mut errors = Vec::new();
            let text = entry.bundle.format_pattern(pattern, args, &mut errors);
            // A missing argument that only selects a variant falls to the default
            // variant, which is fine; one written out shows as Fluent's `{$name}`, which
            // is not.
            let complete = !(errors.iter().any(is_missing_argument) && text.contains("{$"));
            for error in &errors {
                if is_missing_argument(error) {
                    tracing::debug!(locale = %entry.tag, message = id, ?attribute, %error, "argument missing");
                } else {
                    tracing::warn!(locale = %entry.tag, message = id, ?attribute, %error, "localization fault");
                }
            }
            complete.then_some(text)
        })
    }
}

/// The arguments of a message, wherever they live: read one by one where a simple pattern
/// is written directly, gathered into Fluent's own map only when Fluent formats.
pub(crate) trait MessageArgs {
    /// The argument `name` as Fluent would see it, if given.
    fn value(&self, name: &str) -> Option<FluentValue<'_>>;

    /// `format` called with every argument in Fluent's map (`None` for none).
    fn with_fluent<'m>(
        &self,
        format: impl FnOnce(Option<&FluentArgs<'_>>) -> Option<Cow<'m, str>>,
    ) -> Option<Cow<'m, str>>;
}

impl MessageArgs for Option<&FluentArgs<'_>> {
    fn value(&self, name: &str) -> Option<FluentValue<'_>> {
        let (_, value) = (*self)?.iter().find(|(key, _)| *key == name)?;
        match value {
            FluentValue::String(text) => Some(FluentValue::String(Cow::Borrowed(text.as_ref()))),
            FluentValue::Number(number) => Some(FluentValue::Number(number.clone())),
            // Anything else is Fluent's to write.
            _ => None,
        }
    }

    fn with_fluent<'m>(
        &self,
        format: impl FnOnce(Option<&FluentArgs<'_>>) -> Option<Cow<'m, str>>,
    ) -> Option<Cow<'m, str>> {
        format(*self)
    }
}

/// Most messages are text with `{ $variable }`s in it. Such a pattern, with every variable
/// given as a string (or as a number, without a locale-aware number formatter), is written
/// here as Fluent would write it (without isolation marks, as the bundles are set up), at a
/// fraction of the cost; `None` leaves anything else to Fluent, which also reports faults.
fn format_simple<'m, A: MessageArgs + ?Sized>(
    pattern: &'m ast::Pattern<&'m str>,
    args: &A,
) -> Option<Cow<'m, str>> {
    match pattern.elements.as_slice() {
        [ast::PatternElement::TextElement { value }] => Some(Cow::Borrowed(value)),
        elements if elements.len() > MAX_SIMPLE_ELEMENTS => None,
        elements => write_simple(elements.iter().map(Piece::of), args).map(Cow::Owned),
    }
}

/// Far below Fluent's limit of placeables in one pattern.
const MAX_SIMPLE_ELEMENTS: usize = 16;

/// One element of a pattern, as [`write_simple`] sees it.
#[derive(Clone, Copy)]
enum Piece<'p> {
    Text(&'p str),
    Variable(&'p str),
    /// Any other placeable: Fluent's to write.
    Other,
}

impl<'p> Piece<'p> {
    fn of(element: &'p ast::PatternElement<&'p str>) -> Piece<'p> {
        match element {
            ast::PatternElement::TextElement { value } => Piece::Text(value),
            ast::PatternElement::Placeable {
                expression: ast::Expression::Inline(ast::InlineExpression::VariableReference { id }),
            } => Piece::Variable(id.name),
            ast::PatternElement::Placeable { .. } => Piece::Other,
        }
    }
}

/// The text of a simple pattern's `pieces` with `args`; `None` as soon as a piece or an
/// argument is one only Fluent writes, or an argument is missing.
fn write_simple<'p, A: MessageArgs + ?Sized>(
    pieces: impl Iterator<Item = Piece<'p>>,
    args: &A,
) -> Option<String> {
    let mut text = String::with_capacity(64);
    for piece in pieces {
        match piece {
            Piece::Text(value) => text.push_str(value),
            Piece::Variable(name) => match args.value(name)? {
                FluentValue::String(value) => text.push_str(&value),
                #[cfg(not(feature = "icu"))]
                FluentValue::Number(number) => text.push_str(&number.as_string()),
                _ => return None,
            },
            Piece::Other => return None,
        }
    }
    Some(text)
}

/// A message's simple pattern ([`format_simple`]'s kind) copied out of its bundle, for a
/// table made once: formatting it skips finding the message.
#[derive(Debug)]
pub(crate) struct SimplePattern {
    /// Text pieces, with each variable's name between two of them (the first and last
    /// may be empty).
    pieces: Box<[SimplePiece]>,
}

#[derive(Debug)]
enum SimplePiece {
    Text(Box<str>),
    Variable(Box<str>),
}

impl SimplePattern {
    /// The text with `args`, as [`Messages::localize_with`] gives it in the pattern's
    /// locale when it finds the message there; `None` when that would take Fluent (an
    /// argument is missing, or not a string) — then ask `localize_with`.
    pub(crate) fn format<A: MessageArgs + ?Sized>(&self, args: &A) -> Option<String> {
        let pieces = self.pieces.iter().map(|piece| match piece {
            SimplePiece::Text(text) => Piece::Text(text),
            SimplePiece::Variable(name) => Piece::Variable(name),
        });
        write_simple(pieces, args)
    }
}

impl Messages {
    /// Message `id`'s `attribute` in the locale at `locale`, when it is text and variables
    /// alone with at least one variable.
    pub(crate) fn simple_pattern(
        &self,
        locale: usize,
        id: &str,
        attribute: &str,
    ) -> Option<SimplePattern> {
        let message = self.locales.get(locale)?.bundle.get_message(id)?;
        let elements = &message.get_attribute(attribute)?.value().elements;
        if elements.len() > MAX_SIMPLE_ELEMENTS
            || matches!(
                elements.as_slice(),
                [ast::PatternElement::TextElement { .. }]
            )
        {
            return None;
        }
        let pieces = elements
            .iter()
            .map(|element| match Piece::of(element) {
                Piece::Text(text) => Some(SimplePiece::Text(text.into())),
                Piece::Variable(name) => Some(SimplePiece::Variable(name.into())),
                Piece::Other => None,
            })
            .collect::<Option<_>>()?;
        Some(SimplePattern { pieces })
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

    mod simple_patterns {
        use proptest::prelude::*;

        use super::*;

        /// A message body of text (over several lines, now and then) and `{ $a }`,
        /// `{ $b }` placeables, with now and then a placeable the fast path leaves to
        /// Fluent.
        fn pattern() -> impl Strategy<Value = String> {
            let piece = prop_oneof![
                8 => "[a-zA-Z0-9 .,'!?éüßالعربية中文]{1,8}",
                1 => Just("\n    next line ".to_owned()),
                5 => Just("{ $a }".to_owned()),
                5 => Just("{ $b }".to_owned()),
                1 => Just("{ \"lit\" }".to_owned()),
                1 => Just("{ NUMBER($a) }".to_owned()),
            ];
            proptest::collection::vec(piece, 1..20)
                .prop_map(|pieces| pieces.concat())
                // A blank message is not a message.
                .prop_filter("blank", |body| !body.trim().is_empty())
        }

        /// Mostly text, with controls and bidi marks in it; sometimes a number or nothing.
        fn value() -> impl Strategy<Value = Option<FluentValue<'static>>> {
            prop_oneof![
                1 => Just(None),
                8 => "[a-z0-9 {}$é\u{202E}\u{2066}\n\t\u{0}]{0,8}"
                    .prop_map(|s| Some(FluentValue::from(s))),
                1 => any::<i32>().prop_map(|n| Some(FluentValue::from(n))),
                1 => (-1e6f64..1e6).prop_map(|n| Some(FluentValue::from(n))),
            ]
        }

        proptest! {
            /// Whatever the fast path writes, Fluent writes the same, in a bundle set up
            /// as `Messages` sets its bundles up (the number formatter of feature `icu`
            /// included).
            #[test]
            fn agrees_with_fluent(body in pattern(), a in value(), b in value()) {
                let messages = Messages::builder()
                    .built_in_locales(&["en"])
                    .add_ftl("en", "t.ftl", &format!("m = {body}\n    .detail = {body}\n"))
                    .build()
                    .unwrap();
                let bundle = &messages.locales[0].bundle;
                let mut args = FluentArgs::new();
                if let Some(a) = a {
                    args.set("a", a);
                }
                if let Some(b) = b {
                    args.set("b", b);
                }
                let pattern = bundle.get_message("m").unwrap().value().unwrap();
                // Copied out of the bundle, the same pattern writes the same text.
                let attribute = bundle.get_message("m").unwrap().get_attribute("detail").unwrap();
                let in_place = format_simple(attribute.value(), &Some(&args));
                if let Some(copied) = messages.simple_pattern(0, "m", "detail") {
                    prop_assert_eq!(copied.format(&Some(&args)), in_place.map(Cow::into_owned));
                }
                let fast = format_simple(pattern, &Some(&args));
                // Only the cases the fast path takes say anything.
                prop_assume!(fast.is_some());
                let mut errors = Vec::new();
                let fluent = bundle.format_pattern(pattern, Some(&args), &mut errors);
                prop_assert!(errors.is_empty(), "{errors:?}");
                prop_assert_eq!(fast, Some(fluent));
            }
        }

        #[test]
        fn takes_the_common_messages() {
            let messages = Messages::builder()
                .built_in_locales(&["en"])
                .add_ftl("en", "t.ftl", "m = User { $id } was { $what }.\n")
                .build()
                .unwrap();
            let pattern = messages.locales[0]
                .bundle
                .get_message("m")
                .unwrap()
                .value()
                .unwrap();
            let mut args = FluentArgs::new();
            args.set("id", "7");
            assert_eq!(
                format_simple(pattern, &Some(&args)),
                None,
                "an argument missing"
            );
            args.set("what", "found");
            assert_eq!(
                format_simple(pattern, &Some(&args)).as_deref(),
                Some("User 7 was found.")
            );
        }
    }
}
