//! [`Rendered`]: a problem response made before the request could be given back (after
//! a panic, or an inner service's `Err`), sent as an error that actix turns into exactly
//! that response.

use actix_web::HttpResponse;
use actix_web::body::MessageBody;

/// A response rendered before the request could be given back: sent as an error, which
/// actix turns into exactly this response.
#[derive(Debug)]
pub(super) struct Rendered {
    status: actix_web::http::StatusCode,
    headers: actix_web::http::header::HeaderMap,
    body: actix_web::web::Bytes,
}

impl Rendered {
    pub(super) fn new(response: HttpResponse) -> Rendered {
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.into_body().try_into_bytes().unwrap_or_default();
        Rendered {
            status,
            headers,
            body,
        }
    }
}

impl std::fmt::Display for Rendered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "problem response {}", self.status.as_u16())
    }
}

impl actix_web::ResponseError for Rendered {
    fn status_code(&self) -> actix_web::http::StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::build(self.status).body(self.body.clone());
        for (name, value) in &self.headers {
            response.headers_mut().append(name.clone(), value.clone());
        }
        response
    }
}
