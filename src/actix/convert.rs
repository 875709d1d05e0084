//! The boundary between `http` 1 (this crate) and actix-web's own `http` 0.2 types.

use actix_web::HttpResponse;
use actix_web::http::StatusCode as ActixStatus;
use actix_web::http::header::{HeaderName as ActixName, HeaderValue as ActixValue};

/// The request headers negotiation reads, copied into an `http` 1 map.
pub(crate) fn negotiation_headers(headers: &actix_web::http::header::HeaderMap) -> http::HeaderMap {
    let mut out = http::HeaderMap::new();
    for (name, target) in [
        (actix_web::http::header::ACCEPT, http::header::ACCEPT),
        (
            actix_web::http::header::ACCEPT_LANGUAGE,
            http::header::ACCEPT_LANGUAGE,
        ),
    ] {
        for value in headers.get_all(name) {
            if let Ok(value) = http::HeaderValue::from_bytes(value.as_bytes()) {
                out.append(target.clone(), value);
            }
        }
    }
    out
}

/// The request headers named in `names` (lowercase), in `http`'s types.
pub(crate) fn request_headers(
    headers: &actix_web::http::header::HeaderMap,
    names: &[&str],
) -> http::HeaderMap {
    let mut out = http::HeaderMap::new();
    append_headers(&mut out, headers, |name| names.contains(&name.as_str()));
    out
}

/// Appends each of actix's `headers` for which `keep` holds to an `http` 1 map.
pub(crate) fn append_headers(
    target: &mut http::HeaderMap,
    headers: &actix_web::http::header::HeaderMap,
    keep: impl Fn(&ActixName) -> bool,
) {
    for (name, value) in headers {
        if !keep(name) {
            continue;
        }
        if let (Ok(name), Ok(value)) = (
            http::HeaderName::from_bytes(name.as_str().as_bytes()),
            http::HeaderValue::from_bytes(value.as_bytes()),
        ) {
            target.append(name, value);
        }
    }
}

/// actix's method in `http` 1's type (the standard ones without allocating).
pub(crate) fn method(method: &actix_web::http::Method) -> http::Method {
    http::Method::from_bytes(method.as_str().as_bytes()).unwrap_or_default()
}

pub(crate) fn status(status: http::StatusCode) -> ActixStatus {
    ActixStatus::from_u16(status.as_u16()).unwrap_or(ActixStatus::INTERNAL_SERVER_ERROR)
}

/// An actix response with the rendered problem's status, headers and body.
pub(crate) fn response(rendered: http::Response<Vec<u8>>) -> HttpResponse {
    let (parts, body) = rendered.into_parts();
    let mut response = HttpResponse::with_body(status(parts.status), body).map_into_boxed_body();
    let headers = response.headers_mut();
    headers.reserve(parts.headers.len() + 1);
    for (name, value) in &parts.headers {
        let value = static_value(value.as_bytes())
            .map_or_else(|| ActixValue::from_bytes(value.as_bytes()), Ok);
        if let (Some(name), Ok(value)) = (header_name(name), value) {
            headers.append(name, value);
        }
    }
    response
}

/// The values every problem response repeats, without a copy.
fn static_value(bytes: &[u8]) -> Option<ActixValue> {
    const STATIC: [&str; 6] = [
        "application/problem+json",
        "application/json",
        "application/problem+xml",
        "text/plain; charset=utf-8",
        "text/html; charset=utf-8",
        "Accept, Accept-Language",
    ];
    STATIC
        .iter()
        .find(|v| v.as_bytes() == bytes)
        .map(|v| ActixValue::from_static(v))
}

/// The same header name in actix's `http`: the ones every problem response carries by
/// table, any other parsed.
fn header_name(name: &http::HeaderName) -> Option<ActixName> {
    use actix_web::http::header as actix;
    use http::header as ours;
    let known = [
        (ours::CONTENT_TYPE, actix::CONTENT_TYPE),
        (ours::CONTENT_LANGUAGE, actix::CONTENT_LANGUAGE),
        (ours::VARY, actix::VARY),
        (ours::WWW_AUTHENTICATE, actix::WWW_AUTHENTICATE),
        (ours::RETRY_AFTER, actix::RETRY_AFTER),
        (ours::ALLOW, actix::ALLOW),
    ];
    known
        .into_iter()
        .find(|(n, _)| n == name)
        .map(|(_, actix)| actix)
        .or_else(|| ActixName::from_bytes(name.as_str().as_bytes()).ok())
}
