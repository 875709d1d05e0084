//! Negotiation allocates nothing on the common paths: counted by dhat's heap profiler,
//! the only test in this binary, since the profiler is global.

use http::{HeaderMap, HeaderValue, header};
use pardon::negotiate::{Offer, negotiate_language};

#[global_allocator]
static ALLOCATOR: dhat::Alloc = dhat::Alloc;

#[test]
fn common_accept_headers_allocate_nothing() {
    let _profiler = dhat::Profiler::builder().testing().build();
    let offer = Offer::default();
    let locales = ["en", "fr", "de", "es", "ar"];
    for accept in [
        None,
        Some("*/*"),
        Some("application/json"),
        Some("text/html,application/xml;q=0.9,*/*;q=0.8"),
    ] {
        let mut headers = HeaderMap::new();
        if let Some(accept) = accept {
            headers.insert(header::ACCEPT, HeaderValue::from_static(accept));
        }
        headers.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_static("fr-CA,fr;q=0.9,en;q=0.8"),
        );
        let before = dhat::HeapStats::get().total_blocks;
        let format = offer.negotiate(&headers);
        let locale = negotiate_language(&headers, &locales);
        let after = dhat::HeapStats::get().total_blocks;
        assert_eq!(after - before, 0, "{accept:?}");
        assert!(format.is_ok());
        assert_eq!(locale, 1, "fr-CA negotiates fr");
    }
    // The counter does count: a header map with an entry allocates.
    let before = dhat::HeapStats::get().total_blocks;
    let mut headers = HeaderMap::new();
    headers.insert(header::ACCEPT, HeaderValue::from_static("*/*"));
    assert!(dhat::HeapStats::get().total_blocks > before);
}
