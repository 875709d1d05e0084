//! `Accept`: any header value is parsed and a format chosen, never a panic; the choice is
//! one the offer makes, and a lenient offer always chooses.
#![no_main]

use http::{HeaderMap, HeaderValue, header::ACCEPT};
use libfuzzer_sys::fuzz_target;
use pardon::negotiate::{Format, Offer};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, header)) = data.split_first() else {
        return;
    };
    let Ok(value) = HeaderValue::from_bytes(header) else {
        return;
    };
    let mut headers = HeaderMap::new();
    headers.append(ACCEPT, value.clone());
    if pick & 1 == 1 {
        // A second Accept line: the lists are one list.
        headers.append(ACCEPT, value);
    }
    // A subset of the formats, in an order chosen by the input.
    let mut formats: Vec<Format> = Format::ALL
        .iter()
        .copied()
        .enumerate()
        .filter(|(i, _)| pick & (2 << i) != 0)
        .map(|(_, f)| f)
        .collect();
    if formats.is_empty() {
        formats = Format::ALL.to_vec();
    }
    if pick & 0x80 != 0 {
        formats.reverse();
    }
    let lenient = Offer::new(formats.iter().copied());
    let chosen = lenient
        .negotiate(&headers)
        .expect("a lenient offer always chooses");
    assert!(formats.contains(&chosen), "{chosen:?} is not offered");
    match lenient.clone().strict().negotiate(&headers) {
        Ok(strict) => {
            assert!(formats.contains(&strict));
            assert_eq!(
                strict, chosen,
                "strictness only refuses, never changes the choice"
            );
        }
        Err(_) => {}
    }
    assert_eq!(
        lenient.negotiate(&headers).ok(),
        Some(chosen),
        "deterministic"
    );
});
