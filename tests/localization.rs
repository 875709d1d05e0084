//! `Accept-Language` negotiation and localized, pluralized messages.

use http::{HeaderMap, HeaderValue, header::ACCEPT_LANGUAGE};
use pardon::{
    Problem, Registry, Renderer, RetryAfter, builtin, i18n::Messages, negotiate::negotiate_language,
};
use serde_json::{Value, json};

const SUPPORTED: [&str; 5] = ["en", "fr", "de", "es", "ar"];

fn headers(values: &[&[u8]]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for v in values {
        map.append(
            ACCEPT_LANGUAGE,
            HeaderValue::from_bytes(v).expect("a header value"),
        );
    }
    map
}

#[rustfmt::skip]
const CASES: &[(&str, &str, &str)] = &[
    ("no_preference_gives_default", "", "en"),
    ("exact_match", "de", "de"),
    ("region_falls_back_to_language", "fr-CA", "fr"),
    ("q_values_decide", "de;q=0.1, fr;q=0.9", "fr"),
    ("wildcard_gives_default", "*", "en"),
    ("q_zero_excludes", "fr;q=0, de", "de"),
    ("unsupported_tag_gives_default", "tlh", "en"),
    ("unsupported_then_supported", "tlh, es;q=0.5", "es"),
    ("case_insensitive", "AR", "ar"),
    ("region_case_insensitive", "ES-mx", "es"),
    ("garbage_gives_default", "!!!, ;;;, =", "en"),
    ("malformed_q_ignores_the_element", "fr;q=abc, de;q=0.5", "de"),
    ("q_above_one_ignores_the_element", "fr;q=2, es;q=0.1", "es"),
    ("tie_goes_to_the_first_written", "es, de", "es"),
    ("wildcard_excluded_with_nothing_else", "*;q=0", "en"),
    ("everything_excluded_still_en", "en;q=0, fr;q=0, de;q=0, es;q=0, ar;q=0", "en"),
    ("wildcard_picks_default_unless_excluded", "en;q=0, *", "fr"),
    ("named_beats_wildcard", "*;q=0.5, ar;q=0.6", "ar"),
    ("wildcard_beats_lower_named", "*;q=0.9, ar;q=0.6", "en"),
    ("region_q_zero_does_not_exclude_language", "fr-CA;q=0, fr;q=0.5, de;q=0.4", "fr"),
    ("more_specific_range_lifts_language", "fr;q=0.1, fr-CA;q=0.9, de;q=0.5", "fr"),
    ("long_tags_are_fine", "zh-Hant-TW, de-DE-1996", "de"),
    ("underscore_is_not_a_tag", "fr_FR, de;q=0.1", "de"),
    ("language_prefix_is_not_a_match", "fra", "en"),
    ("region_q_zero_leaves_the_wildcard_weight", "fr-CA;q=0, *;q=0.5, en;q=0.1", "fr"),
    ("whitespace_tolerated", "  es-AR ; q=0.8 ,  de ; q=0.7 ", "es"),
];

/// An application that ships `es-MX` beside the built-in `es`.
const WITH_ES_MX: [&str; 6] = ["en", "fr", "de", "es", "ar", "es-MX"];

#[rustfmt::skip]
const SPECIFIC_CASES: &[(&str, &str, &str)] = &[
    ("exact_regional_tag_beats_its_truncation", "es-MX", "es-MX"),
    ("exact_language_beats_a_regional_locale", "es", "es"),
    ("a_written_first_regional_tag_wins_the_tie", "es-MX, es", "es-MX"),
    ("a_written_first_language_wins_the_tie", "es, es-MX", "es"),
    ("sibling_region_truncates_to_the_language", "es-AR", "es"),
    ("higher_q_beats_exactness", "es-MX;q=0.5, es", "es"),
    ("longer_range_still_finds_the_regional_locale", "es-MX-x-custom", "es-MX"),
    ("excluded_regional_tag_leaves_the_language", "es-MX;q=0, es;q=0.5", "es"),
];

#[test]
fn the_most_specific_locale_wins_at_equal_quality() {
    for (name, header, expected) in SPECIFIC_CASES {
        let chosen = WITH_ES_MX[negotiate_language(&headers(&[header.as_bytes()]), &WITH_ES_MX)];
        assert_eq!(chosen, *expected, "{name}: {header:?}");
    }
}

#[test]
fn accept_language_table() {
    for (name, header, expected) in CASES {
        let map = if header.is_empty() {
            HeaderMap::new()
        } else {
            headers(&[header.as_bytes()])
        };
        let chosen = SUPPORTED[negotiate_language(&map, &SUPPORTED)];
        assert_eq!(chosen, *expected, "{name}: {header:?}");
    }
}

#[test]
fn non_ascii_and_huge_headers_are_harmless() {
    assert_eq!(negotiate_language(&headers(&[b"fr\xe9"]), &SUPPORTED), 0);
    let huge = format!("{}de", "xx;q=0.1,".repeat(10_000));
    assert_eq!(
        negotiate_language(&headers(&[huge.as_bytes()]), &SUPPORTED),
        0
    );
    let mut first_32 = "xx;q=0.1,".repeat(31);
    first_32.push_str("de");
    assert_eq!(
        negotiate_language(&headers(&[first_32.as_bytes()]), &SUPPORTED),
        2
    );
}

fn renderer() -> Renderer {
    Renderer::new(
        Registry::with_builtins("https://example.com/problems/").unwrap(),
        Messages::builder().build().unwrap(),
    )
}

fn render_json(problem: &Problem, language: &str) -> (String, Value) {
    let response = renderer().render(problem, &headers(&[language.as_bytes()]));
    let lang = response.to_headers()["content-language"]
        .to_str()
        .unwrap()
        .to_owned();
    (lang, serde_json::from_slice(response.body()).unwrap())
}

#[test]
fn titles_and_details_are_translated_in_every_locale() {
    let (_, english) = render_json(&Problem::new(&builtin::ROUTE_NOT_FOUND), "en");
    for language in ["fr", "de", "es", "ar"] {
        let (content_language, body) =
            render_json(&Problem::new(&builtin::ROUTE_NOT_FOUND), language);
        assert_eq!(content_language, language);
        assert_ne!(body["title"], english["title"], "{language}");
        assert_ne!(body["detail"], english["detail"], "{language}");
    }
}

#[test]
fn english_plurals() {
    let one = Problem::new(&builtin::RATE_LIMITED).with_retry_after(RetryAfter::seconds(1));
    let many = Problem::new(&builtin::RATE_LIMITED).with_retry_after(RetryAfter::seconds(60));
    assert_eq!(
        render_json(&one, "en").1["detail"],
        "You have sent too many requests. Retry in 1 second."
    );
    assert_eq!(
        render_json(&many, "en").1["detail"],
        "You have sent too many requests. Retry in 60 seconds."
    );
}

#[test]
fn arabic_has_all_six_plural_forms() {
    let messages = Messages::builder().build().unwrap();
    let ar = messages.locale("ar").unwrap();
    // CLDR: 0 zero, 1 one, 2 two, 3..=10 few, 11..=99 many, 100 other.
    let forms: Vec<String> = [0, 1, 2, 3, 11, 100]
        .iter()
        .map(|n| {
            messages
                .format(
                    ar,
                    "RATE_LIMITED",
                    Some("detail"),
                    &[("retry_after", &json!(n))],
                )
                .unwrap()
        })
        .collect();
    // Each category has its own wording: the noun's number and case change with the count.
    let markers = [
        "الآن",
        "ثانية واحدة",
        "ثانيتين",
        "3 ثوانٍ",
        "11 ثانيةً",
        "100 ثانية.",
    ];
    for (form, marker) in forms.iter().zip(markers) {
        assert!(form.contains(marker), "{form:?} lacks {marker:?}");
        assert!(!form.contains("{$"), "{form}");
    }
    assert!(
        !forms[5].contains("ثانيةً"),
        "other must not take the accusative of many"
    );
}

#[test]
fn a_missing_argument_takes_the_generic_detail_never_a_placeholder() {
    let (_, body) = render_json(&Problem::new(&builtin::MALFORMED_JSON), "en");
    assert_eq!(body["detail"], "The request body is not valid JSON.");
    let (_, body) = render_json(&Problem::new(&builtin::RATE_LIMITED), "de");
    let detail = body["detail"].as_str().unwrap();
    assert!(!detail.contains('{') && !detail.is_empty(), "{detail}");
}

#[test]
fn identifiers_keep_every_digit() {
    let messages = Messages::builder()
        .add_ftl(
            "en",
            "app.ftl",
            "ORDER_LOST = Lost\n    .detail = Order { $id } is lost.\n",
        )
        .build()
        .unwrap();
    for id in [json!(9_007_199_254_740_993_u64), json!("9007199254740993")] {
        let text = messages
            .format(
                messages.locale("en").unwrap(),
                "ORDER_LOST",
                Some("detail"),
                &[("id", &id)],
            )
            .unwrap();
        assert_eq!(text, "Order 9007199254740993 is lost.");
    }
}

#[test]
fn an_application_overrides_and_adds_messages() {
    let messages = Messages::builder()
        .add_ftl(
            "fr",
            "app.ftl",
            "ROUTE_NOT_FOUND = Rien ici\n    .detail = Vraiment rien.\n",
        )
        .build()
        .unwrap();
    let fr = messages.locale("fr").unwrap();
    assert_eq!(
        messages.format(fr, "ROUTE_NOT_FOUND", None, &[]).unwrap(),
        "Rien ici"
    );
    // Other built-in French messages stay.
    assert_ne!(
        messages.format(fr, "CONFLICT", None, &[]).unwrap(),
        "Conflict"
    );
}

#[test]
fn a_message_missing_in_a_locale_falls_back_to_english_alone() {
    let messages = Messages::builder()
        .add_ftl(
            "en",
            "app.ftl",
            "ONLY_ENGLISH = Only English\n    .detail = English detail.\n",
        )
        .build()
        .unwrap();
    let mut registry = Registry::with_builtins("https://example.com/problems/").unwrap();
    let only = pardon::ProblemType::new(pardon::Code::from_static("ONLY_ENGLISH"), 410);
    registry.register(only.clone()).unwrap();
    let renderer = Renderer::new(registry, messages);
    let response = renderer.render(&Problem::new(&only), &headers(&[b"de"]));
    // Nothing of the response is German: it says so.
    assert_eq!(response.to_headers()["content-language"], "en");
    let body: Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body["title"], "Only English");
    // A German field-error detail beside the English title: both languages, German first.
    let mixed = Problem::new(&only).with_field_error(pardon::FieldError::parameter(
        "x",
        &builtin::field::REQUIRED,
    ));
    let response = renderer.render(&mixed, &headers(&[b"de"]));
    assert_eq!(response.to_headers()["content-language"], "de, en");
    // On a German HTML page, the English title and detail say they are English.
    let mut html = headers(&[b"de"]);
    html.insert(http::header::ACCEPT, HeaderValue::from_static("text/html"));
    let page = renderer.render(&Problem::new(&only), &html);
    let page = std::str::from_utf8(page.body()).unwrap();
    assert!(page.contains("<html lang=\"de\""), "{page}");
    assert!(
        page.contains("<h1 lang=\"en\" dir=\"ltr\">410 Only English</h1>"),
        "{page}"
    );
    assert!(
        page.contains("<p lang=\"en\" dir=\"ltr\">English detail.</p>"),
        "{page}"
    );
}

#[test]
fn the_number_function_formats_numbers() {
    let messages = Messages::builder()
        .add_ftl(
            "en",
            "app.ftl",
            "PRICE = Costs { NUMBER($amount, minimumFractionDigits: 2) }\n",
        )
        .build()
        .unwrap();
    let text = messages
        .format(
            messages.locale("en").unwrap(),
            "PRICE",
            None,
            &[("amount", &json!(3.5))],
        )
        .unwrap();
    assert_eq!(text, "Costs 3.50");
}

/// CLDR's grouping and decimal separators (and digits) in every shipped locale, through
/// `NUMBER()` and through a plain numeric argument.
#[cfg(feature = "icu")]
#[test]
fn numbers_follow_the_locale() {
    let mut builder = Messages::builder();
    for locale in SUPPORTED {
        builder = builder.add_ftl(
            locale,
            "app.ftl",
            "PRICE = { NUMBER($amount, minimumFractionDigits: 2) }\nCOUNT = { $n }\n",
        );
    }
    let messages = builder.build().unwrap();
    #[rustfmt::skip]
    let expected = [
        ("en", "1,234.50", "12,345"),
        ("fr", "1\u{202F}234,50", "12\u{202F}345"),
        ("de", "1.234,50", "12.345"),
        // Spanish groups from five digits on (CLDR's minimumGroupingDigits = 2).
        ("es", "1234,50", "12.345"),
        // CLDR's data as ICU4X 2 ships it: `ar` itself uses Latin digits.
        ("ar", "1,234.50", "12,345"),
    ];
    for (locale, price, count) in expected {
        let i = messages.locale(locale).unwrap();
        let formatted = messages.format(i, "PRICE", None, &[("amount", &json!(1234.5))]);
        assert_eq!(formatted.as_deref(), Some(price), "{locale}");
        let formatted = messages.format(i, "COUNT", None, &[("n", &json!(12345))]);
        assert_eq!(formatted.as_deref(), Some(count), "{locale}");
    }
}

/// An application type with messages in English and French only.
const ORDER_LOST: pardon::ProblemType =
    pardon::ProblemType::new(pardon::Code::from_static("ORDER_LOST"), 410).with_args(&["id"]);
const ORDER_LOST_EN: &str = "ORDER_LOST = Order lost\n    .detail = Order { $id } is gone.\n    .detail-generic = The order is gone.\n    .description = An order that existed is gone.\n";
const ORDER_LOST_FR: &str = "ORDER_LOST = Commande perdue\n    .detail = La commande { $id } a disparu.\n    .detail-generic = La commande a disparu.\n    .description = Une commande qui existait a disparu.\n";

fn order_lost_in(language: &str, messages: Messages) -> (String, Value) {
    let mut registry = Registry::with_builtins("https://x.test/problems/").unwrap();
    registry.register(ORDER_LOST).unwrap();
    let renderer = Renderer::new(registry, messages);
    let mut request = HeaderMap::new();
    request.insert(ACCEPT_LANGUAGE, HeaderValue::from_str(language).unwrap());
    let response = renderer.render(&Problem::new(&ORDER_LOST).with_arg("id", 7), &request);
    let language = response.to_headers()["content-language"]
        .to_str()
        .unwrap()
        .to_owned();
    (language, serde_json::from_slice(response.body()).unwrap())
}

#[test]
fn a_missing_message_falls_back_along_the_clients_choices_first() {
    // Every built-in locale, the application's type only in en and fr: a German-first
    // client who also reads French gets French, not English labelled German.
    let all = Messages::builder()
        .add_ftl("en", "app.ftl", ORDER_LOST_EN)
        .add_ftl("fr", "app.ftl", ORDER_LOST_FR)
        .build()
        .unwrap();
    let (language, body) = order_lost_in("de, fr;q=0.9", all);
    assert_eq!(body["title"], "Commande perdue");
    assert_eq!(body["detail"], "La commande 7 a disparu.");
    assert_eq!(language, "fr");
}

#[test]
fn an_application_chooses_its_locales_and_only_those_are_negotiated() {
    let chosen = || {
        Messages::builder()
            .built_in_locales(&["en", "fr"])
            .add_ftl("en", "app.ftl", ORDER_LOST_EN)
            .add_ftl("fr", "app.ftl", ORDER_LOST_FR)
            .build()
            .unwrap()
    };
    assert_eq!(chosen().locales().collect::<Vec<_>>(), ["en", "fr"]);
    let (language, body) = order_lost_in("de, fr;q=0.9", chosen());
    assert_eq!(
        (language.as_str(), &body["title"]),
        ("fr", &json!("Commande perdue"))
    );
    let (language, _) = order_lost_in("de", chosen());
    assert_eq!(
        language, "en",
        "a locale the app did not choose is never negotiated"
    );
    // The catalogue check asks for exactly the chosen locales.
    let mut registry = Registry::with_builtins("https://x.test/problems/").unwrap();
    registry.register(ORDER_LOST).unwrap();
    let report = pardon::i18n::check(&registry, &chosen());
    assert!(report.is_ok(), "{report:?}");
    let report = pardon::i18n::check(
        &registry,
        &Messages::builder()
            .add_ftl("en", "app.ftl", ORDER_LOST_EN)
            .add_ftl("fr", "app.ftl", ORDER_LOST_FR)
            .build()
            .unwrap(),
    );
    let report = report.unwrap_err().to_string();
    for locale in ["de", "es", "ar"] {
        let fault = format!(
            "(the application has no file for locale {locale}): ORDER_LOST: no message in locale {locale}"
        );
        assert!(report.contains(&fault), "{report}");
    }
}
