//! What a framework's own error response stands for: the built-in problem for a status it
//! produced without one, and which of its headers describe a body the rendered problem
//! replaces.

use crate::Problem;
use crate::catalog::builtin;

/// The built-in problem for a status a framework produced without one. A bare 404 is an
/// `about:blank` problem: it may be a missing resource as well as a missing route.
pub(crate) fn problem_for_status(status: u16) -> Problem {
    let builtin = match status {
        401 => &builtin::AUTH_REQUIRED,
        403 => &builtin::INSUFFICIENT_PERMISSIONS,
        405 => &builtin::METHOD_NOT_ALLOWED,
        406 => &builtin::NOT_ACCEPTABLE,
        409 => &builtin::CONFLICT,
        413 => &builtin::PAYLOAD_TOO_LARGE,
        415 => &builtin::UNSUPPORTED_MEDIA_TYPE,
        429 => &builtin::RATE_LIMITED,
        502 => &builtin::UPSTREAM_ERROR,
        503 => &builtin::SERVICE_UNAVAILABLE,
        504 => &builtin::UPSTREAM_TIMEOUT,
        500..=599 => &builtin::INTERNAL_ERROR,
        _ => {
            return http::StatusCode::from_u16(status).map_or_else(
                |_| Problem::new(&builtin::INTERNAL_ERROR),
                Problem::from_status,
            );
        }
    };
    Problem::new(builtin)
}

/// Whether a header (by its lowercase name) describes the inner response's body, which
/// the rendered problem replaces: it would lie about the new body (a `Content-Encoding:
/// gzip` on plain JSON).
pub(crate) fn is_body_header(name: &str) -> bool {
    matches!(
        name,
        "content-type"
            | "content-length"
            | "content-language"
            | "content-encoding"
            | "content-range"
            | "content-location"
            | "content-disposition"
            | "transfer-encoding"
            | "etag"
            | "last-modified"
            | "content-digest"
            | "digest"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_status_is_its_built_in_problem_or_about_blank() {
        let code = |status| {
            problem_for_status(status)
                .code()
                .map(|c| c.as_str().to_owned())
        };
        assert_eq!(code(405).as_deref(), Some("METHOD_NOT_ALLOWED"));
        assert_eq!(code(599).as_deref(), Some("INTERNAL_ERROR"));
        assert_eq!(code(404), None);
        assert_eq!(problem_for_status(418).response_status().as_u16(), 418);
    }

    #[test]
    fn body_headers_are_the_bodys_own() {
        assert!(is_body_header("content-encoding"));
        assert!(!is_body_header("vary"));
        assert!(!is_body_header("www-authenticate"));
    }
}
