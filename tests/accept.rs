//! `Accept` negotiation, table-driven: each case names what it shows.

use http::{HeaderMap, HeaderValue, header::ACCEPT};
use pardon::negotiate::{Format, Offer};
use proptest::prelude::*;

use Format::{Html, Json, ProblemJson, ProblemXml, Text};

/// A weight written as a qvalue: `0.5`, `1`.
struct QValue(u16);

impl std::fmt::Display for QValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0 == 1000 {
            f.write_str("1")
        } else {
            write!(f, "0.{:03}", self.0)
        }
    }
}

fn headers(values: &[&str]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for v in values {
        map.append(ACCEPT, HeaderValue::from_str(v).expect("visible ASCII"));
    }
    map
}

#[rustfmt::skip]
const CASES: &[(&str, &str, Format)] = &[
    ("no_header_gives_problem_json", "", ProblemJson),
    ("any_gives_problem_json", "*/*", ProblemJson),
    ("problem_json_exactly", "application/problem+json", ProblemJson),
    ("plain_json", "application/json", Json),
    ("problem_xml", "application/problem+xml", ProblemXml),
    ("text_plain", "text/plain", Text),
    ("text_html", "text/html", Html),
    ("type_and_subtype_are_case_insensitive", "TEXT/HTML", Html),
    ("mixed_case_json", "Application/JSON", Json),
    ("higher_q_wins", "application/json;q=0.5, text/plain;q=0.8", Text),
    ("order_does_not_beat_q", "text/plain;q=0.1, application/problem+xml", ProblemXml),
    ("tie_goes_to_offer_order", "text/html, application/json", Json),
    ("tie_between_texts_goes_to_plain", "text/html, text/plain", Text),
    ("text_wildcard_prefers_plain", "text/*", Text),
    ("specific_range_overrides_wildcard", "text/*;q=0.3, text/html;q=0.7", Html),
    ("specific_range_overrides_wildcard_downwards", "text/*;q=0.9, text/plain;q=0.2", Html),
    ("application_wildcard", "application/*", ProblemJson),
    ("application_wildcard_with_json_excluded", "application/*, application/problem+json;q=0", Json),
    ("q_zero_excludes", "application/problem+json;q=0, */*", Json),
    ("q_zero_on_everything_falls_back", "*/*;q=0", ProblemJson),
    ("browser_accept_gets_html", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", Html),
    ("curl_default", "*/*", ProblemJson),
    ("unsupported_only_falls_back", "image/png", ProblemJson),
    ("unsupported_with_low_wildcard", "image/png, */*;q=0.1", ProblemJson),
    ("malformed_falls_back", "this is not a media type", ProblemJson),
    ("garbage_elements_are_skipped", "@@@, text/plain", Text),
    ("wildcard_type_with_subtype_is_invalid", "*/json, text/html", Html),
    ("q_above_one_ignores_the_element", "text/plain;q=1.5, application/json;q=0.5", Json),
    ("q_with_four_decimals_ignores_the_element", "text/html;q=0.1234, application/json;q=0.1", Json),
    ("q_not_a_number_ignores_the_element", "text/html;q=high, text/plain;q=0.2", Text),
    ("q_three_decimals_are_exact", "text/plain;q=0.001, text/html;q=0.002", Html),
    ("q_one_point_zero", "text/html;q=1.000, application/json;q=0.999", Html),
    ("uppercase_q_parameter", "text/plain;Q=0.1, text/html;Q=0.2", Html),
    ("whitespace_around_everything", "  text/plain ;  q=0.9 ,\ttext/html ; q=0.3 ", Text),
    ("empty_list_elements_are_tolerated", ",,, text/html ,,", Html),
    ("only_commas_fall_back", ",,,", ProblemJson),
    ("charset_utf8_is_accepted", "text/plain;charset=utf-8", Text),
    ("charset_utf8_on_json", "application/json; charset=UTF-8", Json),
    ("other_charset_does_not_match", "text/plain;charset=iso-8859-1, text/html;q=0.1", Html),
    ("unknown_parameter_does_not_match", "application/json;profile=x, text/html;q=0.5", Html),
    ("parameter_range_is_more_specific", "text/plain;q=0.2, text/plain;charset=utf-8;q=0.9", Text),
    ("quoted_parameter_with_comma", "text/plain;charset=\"utf-8\", text/html;q=0.5", Text),
    ("unbalanced_quote_swallows_the_rest_of_the_line", "text/plain;x=\"a, application/json", ProblemJson),
    ("duplicate_range_first_wins", "text/html;q=0.2, text/html;q=0.9, text/plain;q=0.5", Text),
    ("problem_xml_over_wildcard", "*/*;q=0.5, application/problem+xml", ProblemXml),
    ("json_vs_problem_json_equal_q", "application/json, application/problem+json", ProblemJson),
    ("subtype_suffix_is_not_a_wildcard", "application/xml", ProblemJson),
    ("missing_subtype", "text/", ProblemJson),
    ("trailing_semicolon", "text/html;", Html),
    ("named_text_beats_any_at_equal_q", "text/plain, */*", Text),
    ("named_html_beats_any_at_equal_q", "text/html, */*", Html),
    ("named_xml_beats_any_at_equal_q", "*/*, application/problem+xml", ProblemXml),
    ("named_type_beats_type_wildcard", "application/*, text/plain", Text),
    ("type_wildcard_beats_any", "*/*, text/*", Text),
    ("named_type_beats_type_wildcard_within_text", "text/*, text/html", Html),
    ("higher_q_still_beats_a_named_type", "text/plain;q=0.5, */*", ProblemJson),
    ("two_named_types_tie_to_offer_order", "text/html, text/plain, */*", Text),
    ("any_alone_stays_problem_json", "*/*;q=0.8", ProblemJson),
];

#[test]
fn accept_table() {
    assert!(CASES.len() >= 40);
    let offer = Offer::default();
    for (name, accept, expected) in CASES {
        let map = if accept.is_empty() {
            HeaderMap::new()
        } else {
            headers(&[accept])
        };
        assert_eq!(offer.negotiate(&map), Ok(*expected), "{name}: {accept:?}");
    }
}

#[test]
fn several_header_lines_are_one_list() {
    let map = headers(&["text/plain;q=0.2", "text/html;q=0.4"]);
    assert_eq!(Offer::default().negotiate(&map), Ok(Html));
}

#[test]
fn non_ascii_header_is_ignored() {
    let mut map = HeaderMap::new();
    map.insert(ACCEPT, HeaderValue::from_bytes(b"text/html\xff").unwrap());
    assert_eq!(Offer::default().negotiate(&map), Ok(ProblemJson));
}

#[test]
fn a_narrowed_offer_falls_back_to_its_first_format() {
    let offer = Offer::new([Json, Text]);
    assert_eq!(offer.negotiate(&headers(&["text/html"])), Ok(Json));
    assert_eq!(offer.negotiate(&headers(&["text/*"])), Ok(Text));
    assert_eq!(offer.negotiate(&HeaderMap::new()), Ok(Json));
}

#[test]
fn a_reordered_offer_breaks_ties_its_way() {
    let offer = Offer::new([Html, Text, ProblemJson]);
    assert_eq!(offer.negotiate(&headers(&["*/*"])), Ok(Html));
}

#[test]
fn strict_offer_refuses_what_is_not_acceptable() {
    let offer = Offer::default().strict();
    assert!(offer.negotiate(&headers(&["image/png"])).is_err());
    assert!(offer.negotiate(&headers(&["*/*;q=0"])).is_err());
    assert_eq!(offer.negotiate(&HeaderMap::new()), Ok(ProblemJson));
    assert_eq!(offer.negotiate(&headers(&["garbage"])), Ok(ProblemJson));
}

#[test]
fn only_the_first_32_elements_are_read() {
    let mut long = "image/png,".repeat(32);
    long.push_str("text/html");
    assert_eq!(
        Offer::default().negotiate(&headers(&[&long])),
        Ok(ProblemJson)
    );
    let mut short = "image/png,".repeat(31);
    short.push_str("text/html");
    assert_eq!(Offer::default().negotiate(&headers(&[&short])), Ok(Html));
}

proptest! {
    #[test]
    fn any_header_bytes_negotiate_without_panicking(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        // Any byte a header value may hold, obs-text included.
        let Ok(value) = HeaderValue::from_bytes(&bytes) else {
            return Ok(());
        };
        let mut map = HeaderMap::new();
        map.insert(ACCEPT, value);
        prop_assert!(Offer::new([Text, Json]).negotiate(&map).is_ok());
    }

    #[test]
    fn a_named_format_beats_wildcards_at_equal_q(
        format in prop::sample::select(vec![ProblemJson, Json, ProblemXml, Text, Html]),
        wildcard_first in any::<bool>(),
        q in 1u16..=1000,
    ) {
        let named = format!("{};q={}", format.content_type().split(';').next().unwrap(), QValue(q));
        let wildcard = format!("*/*;q={}, {}/*;q={}", QValue(q), format.content_type().split('/').next().unwrap(), QValue(q));
        let header = if wildcard_first { format!("{wildcard}, {named}") } else { format!("{named}, {wildcard}") };
        prop_assert_eq!(Offer::default().negotiate(&headers(&[&header])), Ok(format), "{}", header);
    }

    #[test]
    fn work_is_bounded_however_long_the_header(element in "[a-z*]{1,8}/[a-z*+]{1,12}(;q=0\\.[0-9]{1,3})?", n in 33usize..2000) {
        // Past 32 elements nothing more is read: a header of n copies decides as 32 do.
        let long = vec![element.as_str(); n].join(",");
        let bounded = vec![element.as_str(); 32].join(",");
        let offer = Offer::default();
        prop_assert_eq!(offer.negotiate(&headers(&[&long])), offer.negotiate(&headers(&[&bounded])));
    }
}
