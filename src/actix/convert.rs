//! The boundary between `http` 1 (this crate) and actix-web's own `http` 0.2 types.

use std::borrow::Cow;

use actix_web::HttpResponse;
use actix_web::dev::ResponseHead;
use actix_web::http::StatusCode as ActixStatus;
use actix_web::http::header::{
    HeaderMap as ActixMap, HeaderName as ActixName, HeaderValue as ActixValue,
};

use crate::Renderer;
use crate::adapter::exchange::{Exchange, KeptNegotiation};
use crate::negotiate::Format;
use crate::render::{DEFAULT_VARY, RenderedParts, RenderedProblem, add_vary};

/// The request's `Accept` and `Accept-Language` lines, kept while the inner service has
/// the request. A clone of actix's header value shares the request's bytes, so keeping
/// them costs no allocation: they become an `http` 1 map only when a problem is rendered,
/// which most requests never need.
pub(crate) struct NegotiationLines {
    /// The first line of each name, at its index in `NEGOTIATION`: inline, since a
    /// request seldom has more than one of each.
    first: [Option<ActixValue>; 2],
    /// Any further lines, with the index of their name.
    more: Vec<(usize, ActixValue)>,
}

/// The names of the lines kept, at their index in [`NegotiationLines`].
const NEGOTIATION: [(actix_web::http::header::HeaderName, http::HeaderName); 2] = [
    (actix_web::http::header::ACCEPT, http::header::ACCEPT),
    (
        actix_web::http::header::ACCEPT_LANGUAGE,
        http::header::ACCEPT_LANGUAGE,
    ),
];

impl NegotiationLines {
    /// The lines of `headers`.
    pub(crate) fn of(headers: &ActixMap) -> NegotiationLines {
        let mut lines = NegotiationLines {
            first: [None, None],
            more: Vec::new(),
        };
        for (index, (name, _)) in NEGOTIATION.iter().enumerate() {
            let mut values = headers.get_all(name);
            if let Some(first) = values.next() {
                lines.first[index] = Some(first.clone());
                for value in values {
                    lines.more.push((index, value.clone()));
                }
            }
        }
        lines
    }
}

impl KeptNegotiation for NegotiationLines {
    fn headers(&self) -> Option<Cow<'_, http::HeaderMap>> {
        if self.first.iter().all(Option::is_none) {
            return None;
        }
        let mut out = http::HeaderMap::new();
        let firsts = self.first.iter().enumerate();
        let lines = firsts.filter_map(|(index, value)| Some((index, value.as_ref()?)));
        let mores = self.more.iter().map(|(index, value)| (*index, value));
        for (index, value) in lines.chain(mores) {
            if let Ok(value) = http::HeaderValue::from_bytes(value.as_bytes()) {
                out.append(NEGOTIATION[index].1.clone(), value);
            }
        }
        Some(Cow::Owned(out))
    }
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

/// Writes the rendered problem's status and headers onto `head` and gives back its body.
///
/// `head` is the response the problem replaces (or a new, empty one). Of its headers,
/// those [`Exchange::keeps`] keeps stay; the problem's own headers replace any of the
/// same name; `Vary` merges the two and gains `Accept` and `Accept-Language`;
/// `Content-Type` and `Content-Language` are the rendered body's. `content_languages`
/// holds each locale's `Content-Language`, made once.
pub(crate) fn write_problem(
    head: &mut ResponseHead,
    rendered: RenderedProblem,
    content_languages: &[Option<ActixValue>],
) -> Vec<u8> {
    use actix_web::http::header::{CONTENT_LANGUAGE, CONTENT_TYPE, VARY};
    let RenderedParts {
        status: rendered_status,
        format,
        content_language,
        single_locale,
        headers: own,
        body,
    } = rendered.into_parts();
    head.status = status(rendered_status);
    // A reason phrase the replaced response set would not fit the problem's status.
    head.reason = None;
    let headers = &mut head.headers;
    // What described the replaced body, and any earlier request id, go (seldom any);
    // `Content-Type` is replaced below, where the one there is often the right one.
    let stale: Vec<ActixName> = headers
        .keys()
        .filter(|name| **name != CONTENT_TYPE && !Exchange::keeps(name.as_str()))
        .cloned()
        .collect();
    for name in &stale {
        headers.remove(name);
    }
    let mut vary_merges = headers.contains_key(VARY);
    if let Some(own) = &own {
        for name in own.keys() {
            let Some(actix_name) = header_name(name) else {
                continue;
            };
            if actix_name == VARY {
                vary_merges = true;
            } else {
                headers.remove(&actix_name);
            }
            for value in own.get_all(name) {
                if let Ok(value) = ActixValue::from_bytes(value.as_bytes()) {
                    headers.append(actix_name.clone(), value);
                }
            }
        }
    }
    if vary_merges {
        merge_vary(headers);
    } else {
        headers.insert(VARY, ActixValue::from_static(DEFAULT_VARY));
    }
    // A problem's own placeholder response has the JSON one already.
    let content_type = content_type(format);
    let mut present = headers.get_all(CONTENT_TYPE);
    if present.next() != Some(&content_type) || present.next().is_some() {
        headers.insert(CONTENT_TYPE, content_type);
    }
    let content_language = single_locale
        .and_then(|locale| content_languages.get(locale).cloned().flatten())
        .or_else(|| {
            content_language.and_then(|value| ActixValue::from_bytes(value.as_bytes()).ok())
        });
    if let Some(value) = content_language {
        headers.insert(CONTENT_LANGUAGE, value);
    }
    body
}

/// Every `Vary` line of `headers` as one, with `Accept` and `Accept-Language` added (as
/// [`add_vary`] does).
fn merge_vary(headers: &mut ActixMap) {
    use actix_web::http::header::VARY;
    let mut lines = http::HeaderMap::new();
    for value in headers.get_all(VARY) {
        if let Ok(value) = http::HeaderValue::from_bytes(value.as_bytes()) {
            lines.append(http::header::VARY, value);
        }
    }
    add_vary(&mut lines);
    headers.remove(VARY);
    for value in lines.get_all(http::header::VARY) {
        if let Ok(value) = ActixValue::from_bytes(value.as_bytes()) {
            headers.append(VARY, value);
        }
    }
}

/// An actix response with the status, headers and body of an `http` 1 response.
pub(crate) fn response(response: http::Response<Vec<u8>>) -> HttpResponse {
    let (parts, body) = response.into_parts();
    let mut response = HttpResponse::with_body(status(parts.status), body).map_into_boxed_body();
    let headers = response.headers_mut();
    headers.reserve(parts.headers.len());
    for (name, value) in &parts.headers {
        if let (Some(name), Ok(value)) =
            (header_name(name), ActixValue::from_bytes(value.as_bytes()))
        {
            headers.append(name, value);
        }
    }
    response
}

/// Each locale's `Content-Language` (the renderer's), in actix's type, at the locale's
/// index.
pub(crate) fn content_languages(renderer: &Renderer) -> Vec<Option<ActixValue>> {
    renderer
        .content_languages()
        .iter()
        .map(|value| ActixValue::from_bytes(value.as_bytes()).ok())
        .collect()
}

/// The `Content-Type` of `format`, made at compile time.
fn content_type(format: Format) -> ActixValue {
    const TYPES: [ActixValue; 5] = [
        ActixValue::from_static(Format::ProblemJson.content_type()),
        ActixValue::from_static(Format::Json.content_type()),
        ActixValue::from_static(Format::ProblemXml.content_type()),
        ActixValue::from_static(Format::Text.content_type()),
        ActixValue::from_static(Format::Html.content_type()),
    ];
    // Exhaustive: a new format does not compile until it has its value here.
    let index = match format {
        Format::ProblemJson => 0,
        Format::Json => 1,
        Format::ProblemXml => 2,
        Format::Text => 3,
        Format::Html => 4,
    };
    TYPES[index].clone()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_lines_give_every_accept_and_accept_language_line_in_order() {
        let mut request = ActixMap::new();
        let line = |text: &'static str| ActixValue::from_static(text);
        request.append(actix_web::http::header::ACCEPT, line("text/html"));
        request.append(actix_web::http::header::HOST, line("x.test"));
        request.append(actix_web::http::header::ACCEPT, line("*/*;q=0.1"));
        request.append(actix_web::http::header::ACCEPT_LANGUAGE, line("fr-CA"));
        request.append(actix_web::http::header::ACCEPT, line("text/plain"));
        let kept = NegotiationLines::of(&request);
        let headers = kept.headers().unwrap();
        let lines = |name| -> Vec<&str> {
            headers
                .get_all(name)
                .iter()
                .map(|v| v.to_str().unwrap())
                .collect()
        };
        assert_eq!(
            lines(http::header::ACCEPT),
            ["text/html", "*/*;q=0.1", "text/plain"]
        );
        assert_eq!(lines(http::header::ACCEPT_LANGUAGE), ["fr-CA"]);
        assert_eq!(headers.len(), 4);

        let none = NegotiationLines::of(&ActixMap::new());
        assert!(none.headers().is_none());
    }
}
