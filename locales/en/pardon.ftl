# pardon's built-in messages, English (the default and fallback locale).
#
# A problem type's message value is its title; its `.detail` attribute is its detail.
# Its `.description` attribute says when it happens, for the type's documentation page.
# A field-error code's message value is the detail of an `errors` entry.
# A pattern that uses arguments may have a `-generic` twin without them (`.detail-generic`
# for `.detail`, `.generic` for the value): it is sent when an argument is missing, so that
# no `{ $placeholder }` ever reaches a client.

## Problem types

VALIDATION_ERROR = Validation failed
    .detail = One or more fields of the request are invalid; see errors for each of them.
    .description = The request is well-formed but some of its fields fail validation. Every failing field is listed in errors, at once.

MALFORMED_JSON = Malformed JSON
    .detail = The request body is not valid JSON (line { $line }, column { $column }).
    .detail-generic = The request body is not valid JSON.
    .description = The request body could not be parsed as JSON. The position of the first fault is given; the body itself is never repeated.

AUTH_REQUIRED = Authentication required
    .detail = This request needs credentials; send an Authorization header.
    .description = The request carries no credentials. The WWW-Authenticate header says how to authenticate.

INVALID_TOKEN = Invalid token
    .detail = The access token is invalid, expired or revoked.
    .description = The request carries credentials that cannot be accepted.

INSUFFICIENT_PERMISSIONS = Insufficient permissions
    .detail = You are authenticated but not allowed to perform this action.
    .description = The caller is known but lacks the permission this action needs.

ROUTE_NOT_FOUND = Route not found
    .detail = No endpoint exists at this path.
    .description = The path matches no endpoint of this API.

METHOD_NOT_ALLOWED = Method not allowed
    .detail = This endpoint does not support the request method; the Allow header lists those it does.
    .description = The endpoint exists but not for this method.

NOT_ACCEPTABLE = Not acceptable
    .detail = None of the formats this API can send is acceptable to the client.
    .description = The Accept header excludes every format this API offers.

CONFLICT = Conflict
    .detail = The request conflicts with the current state of the resource.
    .description = The request cannot be applied to the resource as it is now.

PAYLOAD_TOO_LARGE = Payload too large
    .detail = The request body is larger than this endpoint accepts.
    .description = The request body exceeds the size limit of the endpoint.

UNSUPPORTED_MEDIA_TYPE = Unsupported media type
    .detail = The request body's Content-Type is not one this endpoint reads.
    .description = The request body is in a format the endpoint does not accept.

RATE_LIMITED = Too many requests
    .detail = { $retry_after ->
        [one] You have sent too many requests. Retry in { $retry_after } second.
       *[other] You have sent too many requests. Retry in { $retry_after } seconds.
    }
    .detail-generic = You have sent too many requests. Retry later.
    .description = The caller has sent more requests than its limit allows. The Retry-After header says when to try again.

INTERNAL_ERROR = Internal error
    .detail = An unexpected error occurred. It has been logged; quote the request id when you report it.
    .description = A fault of the service itself. Its cause is logged, never sent.

UPSTREAM_ERROR = Upstream error
    .detail = A service this API depends on failed or could not be reached.
    .description = A service behind this API failed or could not be reached.

SERVICE_UNAVAILABLE = Service unavailable
    .detail = The service is temporarily unavailable. Please try again later.
    .description = The service is deliberately unavailable, for maintenance or under load. The Retry-After header, when present, says when to try again.

UPSTREAM_TIMEOUT = Upstream timeout
    .detail = A service this API depends on did not answer in time.
    .description = A service behind this API did not answer in time.

## Field-error codes

REQUIRED = This field is required.
INVALID_FORMAT = This value does not have the expected format.
TOO_SHORT = { $min ->
    [one] Must be at least { $min } character long.
   *[other] Must be at least { $min } characters long.
}
    .generic = This value is too short.
TOO_LONG = { $max ->
    [one] Must be at most { $max } character long.
   *[other] Must be at most { $max } characters long.
}
    .generic = This value is too long.
OUT_OF_RANGE = Must be between { $min } and { $max }.
    .generic = This value is outside the allowed range.
INVALID_TYPE = This value has the wrong type.
UNKNOWN_VALUE = This value does not refer to anything that exists.
