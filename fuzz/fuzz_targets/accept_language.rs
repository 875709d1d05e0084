//! `Accept-Language` against a locale set: never a panic, and the answer is always one of
//! the supported locales (the default when nothing matches).
#![no_main]

use http::{HeaderMap, HeaderValue, header::ACCEPT_LANGUAGE};
use libfuzzer_sys::fuzz_target;
use pardon::negotiate::negotiate_language;

const LOCALES: [&str; 8] = ["en", "fr", "de", "es", "ar", "fr-CA", "zh-Hant-TW", "pt-BR"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, header)) = data.split_first() else {
        return;
    };
    let supported: Vec<&str> = LOCALES
        .iter()
        .enumerate()
        .filter(|(i, _)| pick & (1 << i) != 0)
        .map(|(_, l)| *l)
        .collect();
    if supported.is_empty() {
        return;
    }
    let Ok(value) = HeaderValue::from_bytes(header) else {
        return;
    };
    let mut headers = HeaderMap::new();
    headers.insert(ACCEPT_LANGUAGE, value);
    let chosen = negotiate_language(&headers, &supported);
    assert!(chosen < supported.len(), "{chosen} of {}", supported.len());
    // A header that names exactly one supported locale, alone (HTTP white space around
    // it), gets it.
    if let Ok(text) = std::str::from_utf8(header)
        && let Some(exact) = supported
            .iter()
            .position(|l| l.eq_ignore_ascii_case(text.trim_matches([' ', '\t'])))
    {
        assert_eq!(chosen, exact, "{text:?} against {supported:?}");
    }
});
