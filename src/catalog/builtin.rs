//! The problem types and field-error codes every API meets.
//!
//! Each is registered by [`Registry::with_builtins`](crate::Registry::with_builtins) and
//! has messages in every shipped locale. Choosing between neighbours:
//!
//! - **401 vs 403 vs 404**: 401 when the caller sent no credentials or bad ones; 403 when
//!   the caller is known but not allowed; 404 when the thing is missing, *or* when its
//!   existence must be concealed from this caller.
//! - **400 vs 422**: 400 when the request is malformed or fails validation; 422 when it is
//!   well-formed and valid but breaks a business rule (define your own 422 type).
//! - **500 vs 502/503/504**: 500 for a fault of this service; 502 when an upstream answered
//!   badly or could not be reached; 503 when this service is deliberately unavailable;
//!   504 when an upstream did not answer in time.
//!
//! # Examples
//!
//! ```
//! use pardon::builtin;
//!
//! assert_eq!(builtin::ALL.len(), 16);
//! assert!(builtin::ALL.iter().all(|t| t.status().as_u16() >= 400));
//! ```

use super::{Code, Example, FieldCode, ProblemType, TypeHeader};

/// `VALIDATION_ERROR` 400: the request is well-formed but fails validation; every failing
/// field is listed in `errors`.
///
/// # Examples
///
/// ```
/// assert_eq!(pardon::builtin::VALIDATION_ERROR.status().as_u16(), 400);
/// ```
pub const VALIDATION_ERROR: ProblemType =
    ProblemType::new(Code::from_static("VALIDATION_ERROR"), 400);

/// `MALFORMED_JSON` 400: the body is not parseable JSON. Arguments `line` and `column`
/// locate the fault; the body itself is never echoed.
///
/// # Examples
///
/// ```
/// assert_eq!(pardon::builtin::MALFORMED_JSON.args(), ["line", "column"]);
/// ```
pub const MALFORMED_JSON: ProblemType = ProblemType::new(Code::from_static("MALFORMED_JSON"), 400)
    .with_args(&["line", "column"])
    .with_examples(&[
        ("line", Example::Integer(3)),
        ("column", Example::Integer(14)),
    ]);

/// `AUTH_REQUIRED` 401: the request carries no credentials. Carries a Bearer challenge.
///
/// # Examples
///
/// ```
/// assert_eq!(pardon::builtin::AUTH_REQUIRED.status().as_u16(), 401);
/// ```
pub const AUTH_REQUIRED: ProblemType = ProblemType::new(Code::from_static("AUTH_REQUIRED"), 401);

/// `INVALID_TOKEN` 401: the credentials are present but invalid, expired or revoked.
/// Its challenge adds `error="invalid_token"` ([RFC 6750 §3](https://www.rfc-editor.org/rfc/rfc6750#section-3)).
///
/// # Examples
///
/// ```
/// assert_eq!(pardon::builtin::INVALID_TOKEN.bearer_error(), Some("invalid_token"));
/// ```
pub const INVALID_TOKEN: ProblemType =
    ProblemType::new(Code::from_static("INVALID_TOKEN"), 401).with_bearer_error("invalid_token");

/// `INSUFFICIENT_PERMISSIONS` 403: the caller is known but not allowed to do this.
/// Use 404 instead when even the resource's existence must stay hidden. The member
/// `required_role`, when the application sets it, names the role that would be allowed.
///
/// # Examples
///
/// ```
/// use pardon::catalog::Example;
///
/// assert_eq!(pardon::builtin::INSUFFICIENT_PERMISSIONS.status().as_u16(), 403);
/// assert_eq!(pardon::builtin::INSUFFICIENT_PERMISSIONS.example("required_role"), Some(Example::Text("admin")));
/// ```
pub const INSUFFICIENT_PERMISSIONS: ProblemType =
    ProblemType::new(Code::from_static("INSUFFICIENT_PERMISSIONS"), 403)
        .with_args(&["required_role"])
        .with_examples(&[("required_role", Example::Text("admin"))]);

/// `ROUTE_NOT_FOUND` 404: no endpoint matches the path. A resource that does not exist
/// at an existing endpoint deserves a type of its own (such as `USER_NOT_FOUND`).
///
/// # Examples
///
/// ```
/// assert_eq!(pardon::builtin::ROUTE_NOT_FOUND.status().as_u16(), 404);
/// ```
pub const ROUTE_NOT_FOUND: ProblemType =
    ProblemType::new(Code::from_static("ROUTE_NOT_FOUND"), 404);

/// `METHOD_NOT_ALLOWED` 405: the endpoint exists but not for this method. Carries `Allow`.
///
/// # Examples
///
/// ```
/// assert_eq!(pardon::builtin::METHOD_NOT_ALLOWED.status().as_u16(), 405);
/// ```
pub const METHOD_NOT_ALLOWED: ProblemType =
    ProblemType::new(Code::from_static("METHOD_NOT_ALLOWED"), 405)
        .with_headers(&[TypeHeader::Allow]);

/// `NOT_ACCEPTABLE` 406: only where an application opts in to strict negotiation; by
/// default a problem is sent as `application/problem+json` whatever `Accept` says.
///
/// # Examples
///
/// ```
/// assert_eq!(pardon::builtin::NOT_ACCEPTABLE.status().as_u16(), 406);
/// ```
pub const NOT_ACCEPTABLE: ProblemType = ProblemType::new(Code::from_static("NOT_ACCEPTABLE"), 406);

/// `CONFLICT` 409: the request conflicts with the current state of the resource. Prefer a
/// type of your own that names the conflict (such as `DUPLICATE_EMAIL`).
///
/// # Examples
///
/// ```
/// assert_eq!(pardon::builtin::CONFLICT.status().as_u16(), 409);
/// ```
pub const CONFLICT: ProblemType = ProblemType::new(Code::from_static("CONFLICT"), 409);

/// `PAYLOAD_TOO_LARGE` 413: the body is larger than the endpoint accepts.
///
/// # Examples
///
/// ```
/// assert_eq!(pardon::builtin::PAYLOAD_TOO_LARGE.status().as_u16(), 413);
/// ```
pub const PAYLOAD_TOO_LARGE: ProblemType =
    ProblemType::new(Code::from_static("PAYLOAD_TOO_LARGE"), 413);

/// `UNSUPPORTED_MEDIA_TYPE` 415: the body's `Content-Type` is not one the endpoint reads.
///
/// # Examples
///
/// ```
/// assert_eq!(pardon::builtin::UNSUPPORTED_MEDIA_TYPE.status().as_u16(), 415);
/// ```
pub const UNSUPPORTED_MEDIA_TYPE: ProblemType =
    ProblemType::new(Code::from_static("UNSUPPORTED_MEDIA_TYPE"), 415);

/// `RATE_LIMITED` 429: the caller sent too many requests. Carries `Retry-After`, mirrored
/// as the `retry_after` member and message argument.
///
/// # Examples
///
/// ```
/// assert_eq!(pardon::builtin::RATE_LIMITED.args(), ["retry_after"]);
/// ```
pub const RATE_LIMITED: ProblemType = ProblemType::new(Code::from_static("RATE_LIMITED"), 429)
    .with_args(&["retry_after"])
    .with_examples(&[("retry_after", Example::Integer(30))])
    .with_headers(&[TypeHeader::RetryAfter]);

/// `INTERNAL_ERROR` 500: a fault of this service. Attach the cause with
/// [`Problem::with_source`](crate::Problem::with_source): it is logged, never sent.
///
/// # Examples
///
/// ```
/// assert_eq!(pardon::builtin::INTERNAL_ERROR.status().as_u16(), 500);
/// ```
pub const INTERNAL_ERROR: ProblemType = ProblemType::new(Code::from_static("INTERNAL_ERROR"), 500);

/// `UPSTREAM_ERROR` 502: a service this one depends on failed or could not be reached.
///
/// # Examples
///
/// ```
/// assert_eq!(pardon::builtin::UPSTREAM_ERROR.status().as_u16(), 502);
/// ```
pub const UPSTREAM_ERROR: ProblemType = ProblemType::new(Code::from_static("UPSTREAM_ERROR"), 502);

/// `SERVICE_UNAVAILABLE` 503: this service is deliberately unavailable (maintenance,
/// overload). May carry `Retry-After`.
///
/// # Examples
///
/// ```
/// assert_eq!(pardon::builtin::SERVICE_UNAVAILABLE.status().as_u16(), 503);
/// ```
pub const SERVICE_UNAVAILABLE: ProblemType =
    ProblemType::new(Code::from_static("SERVICE_UNAVAILABLE"), 503)
        .with_args(&["retry_after"])
        .with_examples(&[("retry_after", Example::Integer(300))])
        .with_headers(&[TypeHeader::RetryAfter]);

/// `UPSTREAM_TIMEOUT` 504: a service this one depends on did not answer in time.
///
/// # Examples
///
/// ```
/// assert_eq!(pardon::builtin::UPSTREAM_TIMEOUT.status().as_u16(), 504);
/// ```
pub const UPSTREAM_TIMEOUT: ProblemType =
    ProblemType::new(Code::from_static("UPSTREAM_TIMEOUT"), 504);

/// Every built-in problem type, in status order.
///
/// # Examples
///
/// ```
/// assert_eq!(pardon::builtin::ALL[0].code().as_str(), "VALIDATION_ERROR");
/// ```
pub const ALL: [ProblemType; 16] = [
    VALIDATION_ERROR,
    MALFORMED_JSON,
    AUTH_REQUIRED,
    INVALID_TOKEN,
    INSUFFICIENT_PERMISSIONS,
    ROUTE_NOT_FOUND,
    METHOD_NOT_ALLOWED,
    NOT_ACCEPTABLE,
    CONFLICT,
    PAYLOAD_TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    RATE_LIMITED,
    INTERNAL_ERROR,
    UPSTREAM_ERROR,
    SERVICE_UNAVAILABLE,
    UPSTREAM_TIMEOUT,
];

/// The built-in field-error codes, for entries of the `errors` member.
///
/// # Examples
///
/// ```
/// use pardon::builtin::field;
///
/// assert_eq!(field::TOO_SHORT.args(), ["min"]);
/// assert_eq!(field::ALL.len(), 7);
/// ```
pub mod field {
    use super::{Code, FieldCode};

    /// `REQUIRED`: the value is missing, empty or blank.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::builtin::field::REQUIRED.code().as_str(), "REQUIRED");
    /// ```
    pub const REQUIRED: FieldCode = FieldCode::new(Code::from_static("REQUIRED"));

    /// `INVALID_FORMAT`: the value does not have the expected form (an email, a zip code).
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(pardon::builtin::field::INVALID_FORMAT.args().is_empty());
    /// ```
    pub const INVALID_FORMAT: FieldCode = FieldCode::new(Code::from_static("INVALID_FORMAT"));

    /// `TOO_SHORT`: fewer than `min` characters or items.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::builtin::field::TOO_SHORT.args(), ["min"]);
    /// ```
    pub const TOO_SHORT: FieldCode =
        FieldCode::new(Code::from_static("TOO_SHORT")).with_args(&["min"]);

    /// `TOO_LONG`: more than `max` characters or items.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::builtin::field::TOO_LONG.args(), ["max"]);
    /// ```
    pub const TOO_LONG: FieldCode =
        FieldCode::new(Code::from_static("TOO_LONG")).with_args(&["max"]);

    /// `OUT_OF_RANGE`: a number outside `min`..=`max`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::builtin::field::OUT_OF_RANGE.args(), ["min", "max"]);
    /// ```
    pub const OUT_OF_RANGE: FieldCode =
        FieldCode::new(Code::from_static("OUT_OF_RANGE")).with_args(&["min", "max"]);

    /// `INVALID_TYPE`: a JSON value of the wrong type (a string where a number belongs).
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(pardon::builtin::field::INVALID_TYPE.args().is_empty());
    /// ```
    pub const INVALID_TYPE: FieldCode = FieldCode::new(Code::from_static("INVALID_TYPE"));

    /// `UNKNOWN_VALUE`: a reference to something that does not exist (an unknown id).
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(pardon::builtin::field::UNKNOWN_VALUE.args().is_empty());
    /// ```
    pub const UNKNOWN_VALUE: FieldCode = FieldCode::new(Code::from_static("UNKNOWN_VALUE"));

    /// Every built-in field-error code.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(pardon::builtin::field::ALL.iter().any(|c| c.code().as_str() == "REQUIRED"));
    /// ```
    pub const ALL: [FieldCode; 7] = [
        REQUIRED,
        INVALID_FORMAT,
        TOO_SHORT,
        TOO_LONG,
        OUT_OF_RANGE,
        INVALID_TYPE,
        UNKNOWN_VALUE,
    ];
}
