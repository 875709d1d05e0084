//! Numbers in messages, formatted for the locale with ICU4X (feature `icu`): CLDR's
//! digits, grouping and decimal separator, so that German reads `1.234,5` and French
//! `1 234,5`.

use fluent_bundle::FluentValue;
use fluent_bundle::memoizer::MemoizerKind;
use fluent_bundle::types::FluentNumberStyle;
use icu_decimal::DecimalFormatter;
use icu_decimal::input::{Decimal, FloatPrecision};
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use intl_memoizer::Memoizable;
use intl_memoizer::concurrent::IntlLangMemoizer;

/// One locale's decimal formatter, built once per bundle and grouping choice.
struct LocaleDecimals(DecimalFormatter);

impl Memoizable for LocaleDecimals {
    /// Whether to group digits (`useGrouping`).
    type Args = (bool,);
    type Error = ();

    fn construct(
        lang: unic_langid::LanguageIdentifier,
        (grouping,): (bool,),
    ) -> Result<LocaleDecimals, ()> {
        let locale: icu_locale_core::Locale = lang.to_string().parse().map_err(|_| ())?;
        let mut options = DecimalFormatterOptions::default();
        options.grouping_strategy = Some(if grouping {
            GroupingStrategy::Auto
        } else {
            GroupingStrategy::Never
        });
        DecimalFormatter::try_new((&locale).into(), options)
            .map(LocaleDecimals)
            .map_err(|_| ())
    }
}

/// The bundle's formatter for numbers: a decimal number in the bundle's locale, honouring
/// `NUMBER()`'s fraction and integer digit options. `None` (Fluent's own plain digits)
/// for currency and percent styles, significant-digit options, and anything ICU4X
/// cannot take.
pub(super) fn format_number(value: &FluentValue<'_>, intls: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let options = &number.options;
    if options.style != FluentNumberStyle::Decimal
        || options.minimum_significant_digits.is_some()
        || options.maximum_significant_digits.is_some()
    {
        return None;
    }
    let mut decimal = Decimal::try_from_f64(number.value, FloatPrecision::RoundTrip).ok()?;
    let position = |digits: usize| i16::try_from(digits).ok().map(|d| d.min(64));
    if let Some(max) = options.maximum_fraction_digits.and_then(position) {
        decimal.round(-max);
    }
    if let Some(min) = options.minimum_fraction_digits.and_then(position) {
        decimal.pad_end(-min);
    }
    if let Some(min) = options.minimum_integer_digits.and_then(position) {
        decimal.pad_start(min);
    }
    intls
        .with_try_get_threadsafe::<LocaleDecimals, _, _>((options.use_grouping,), |f| {
            f.0.format(&decimal).to_string()
        })
        .ok()
}
