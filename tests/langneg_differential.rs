//! `Accept-Language` against the ecosystem's reference: `fluent-langneg`'s
//! `negotiate_languages` with `NegotiationStrategy::Lookup`.
//!
//! The two agree wherever both define an answer. The generator stays inside that domain,
//! and these are the intended differences it leaves out:
//!
//! - **Weights.** fluent-langneg reads a header in written order and ignores `q`; pardon
//!   sorts by `q` (RFC 9110 §12.5.4). Generated headers carry strictly falling weights, so
//!   written order and weight order are the same.
//! - **`q=0` and `*`.** fluent-langneg has neither exclusion nor wildcard; none is generated.
//! - **Sibling regions.** fluent-langneg's likely-subtags step answers `fr-CA` with
//!   `fr-FR` when no `fr` exists; RFC 4647 lookup, and pardon, only truncate (`fr-CA` →
//!   `fr`), so pardon answers with the next range or the default. So a language gets a
//!   regional locale only when its bare tag is supported too, or when no other region of
//!   it is requested.
//! - **Several regions of one language.** For a range less specific than several
//!   locales (`en` against `en-GB` and `en-US`), fluent-langneg picks the likely region;
//!   pardon takes the first supported. The generator gives a language one region at most.

use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use http::{HeaderMap, HeaderValue, header::ACCEPT_LANGUAGE};
use pardon::negotiate::negotiate_language;
use proptest::prelude::*;
use unic_langid::LanguageIdentifier;

const LANGUAGES: [&str; 6] = ["en", "fr", "de", "es", "ar", "pt"];
const REGIONS: [&str; 4] = ["US", "CA", "MX", "BR"];

/// Supported locales: a few languages, each bare and/or with one region.
fn supported() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(
        (
            prop::sample::select(&LANGUAGES[..]),
            prop::option::of(prop::sample::select(&REGIONS[..])),
            any::<bool>(),
        ),
        1..6,
    )
    .prop_map(|picks| {
        let mut tags: Vec<String> = Vec::new();
        for (language, region, with_bare) in picks {
            let has_language = tags.iter().any(|t| t.split('-').next() == Some(language));
            if has_language {
                continue;
            }
            if with_bare || region.is_none() {
                tags.push(language.to_owned());
            }
            if let Some(region) = region {
                tags.push(format!("{language}-{region}"));
            }
        }
        tags
    })
}

/// Requested ranges, in written order, with random case.
fn requested() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(
        (
            prop::sample::select(&LANGUAGES[..]),
            prop::option::of(prop::sample::select(&REGIONS[..])),
            any::<bool>(),
        ),
        0..6,
    )
    .prop_map(|picks| {
        picks
            .into_iter()
            .map(|(language, region, upper)| {
                let tag = match region {
                    Some(region) => format!("{language}-{region}"),
                    None => language.to_owned(),
                };
                if upper { tag.to_uppercase() } else { tag }
            })
            .collect()
    })
}

/// Whether some range asks for a region of a language whose only locale is another
/// region of it (the sibling-region difference above).
fn asks_for_a_sibling(supported: &[String], requested: &[String]) -> bool {
    requested.iter().any(|range| {
        let range = range.to_ascii_lowercase();
        let Some((language, _)) = range.split_once('-') else {
            return false;
        };
        let exact = supported.iter().any(|s| s.eq_ignore_ascii_case(&range));
        let bare = supported.iter().any(|s| s == language);
        let regional = supported
            .iter()
            .any(|s| s.split_once('-').is_some_and(|(l, _)| l == language));
        !exact && !bare && regional
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn lookup_agrees_with_fluent_langneg(
        supported in supported(),
        requested in requested(),
        weighted in any::<bool>(),
    ) {
        prop_assume!(!asks_for_a_sibling(&supported, &requested));
        let header: Vec<String> = requested
            .iter()
            .enumerate()
            .map(|(i, range)| {
                if weighted {
                    format!("{range};q=0.{}", 9 - i)
                } else {
                    range.clone()
                }
            })
            .collect();
        let header = header.join(", ");
        let mut headers = HeaderMap::new();
        if !header.is_empty() {
            headers.insert(ACCEPT_LANGUAGE, HeaderValue::from_str(&header).unwrap());
        }
        let ours = &supported[negotiate_language(&headers, &supported)];

        let available: Vec<LanguageIdentifier> =
            supported.iter().map(|t| t.parse().unwrap()).collect();
        let wanted: Vec<LanguageIdentifier> =
            requested.iter().map(|t| t.parse().unwrap()).collect();
        let theirs = negotiate_languages(
            &wanted,
            &available,
            Some(&available[0]),
            NegotiationStrategy::Lookup,
        );
        prop_assert_eq!(theirs.len(), 1);
        prop_assert_eq!(ours, &theirs[0].to_string(), "header {:?}", header);
    }
}
