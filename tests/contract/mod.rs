//! The demo's contract (`shared/demo-api.md`) as a table: one request per outcome of each
//! route, with what it must answer. Tests run it against the demo and compare it with the
//! demo's OpenAPI document, which must list exactly these outcomes.

/// One request and its answer.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Case {
    pub(crate) method: &'static str,
    /// The request's path.
    pub(crate) path: &'static str,
    /// The route's path template, as the OpenAPI document names it.
    pub(crate) route: &'static str,
    pub(crate) headers: &'static [(&'static str, &'static str)],
    pub(crate) body: Option<&'static str>,
    /// Sent this many times; the last answer counts (the rate limit's sixth request).
    pub(crate) times: usize,
    pub(crate) status: u16,
    /// The problem's code; `None` for a success.
    pub(crate) code: Option<&'static str>,
}

const JSON: (&str, &str) = ("Content-Type", "application/json");
const ADMIN: (&str, &str) = ("Authorization", "Bearer admin-token");
const USER: (&str, &str) = ("Authorization", "Bearer user-token");
const BAD_TOKEN: (&str, &str) = ("Authorization", "Bearer stolen");

const fn case(method: &'static str, path: &'static str, route: &'static str) -> Case {
    Case {
        method,
        path,
        route,
        headers: &[],
        body: None,
        times: 1,
        status: 200,
        code: None,
    }
}

impl Case {
    const fn headers(mut self, headers: &'static [(&'static str, &'static str)]) -> Case {
        self.headers = headers;
        self
    }

    const fn body(mut self, body: &'static str) -> Case {
        self.body = Some(body);
        self
    }

    const fn times(mut self, times: usize) -> Case {
        self.times = times;
        self
    }

    const fn ok(mut self, status: u16) -> Case {
        self.status = status;
        self
    }

    const fn problem(mut self, status: u16, code: &'static str) -> Case {
        self.status = status;
        self.code = Some(code);
        self
    }
}

const NEW_USER: &str =
    r#"{"name":"Dana","email":"dana@example.com","password":"long enough","age":30}"#;
const ORDER: &str = r#"{"items":[{"product_id":2,"quantity":1}]}"#;
/// Stands for a body over the demo's 16 KiB limit.
const HUGE: &str = "HUGE";

/// Every route of the contract, each of its outcomes once; the routes `GET` answers are
/// also answered with `401 INVALID_TOKEN` for a bad token, like every route.
pub(crate) const CASES: &[Case] = &[
    case("GET", "/users/1", "/users/{id}"),
    case("GET", "/users/abc", "/users/{id}").problem(400, "VALIDATION_ERROR"),
    // Not UTF-8 once decoded: still a parameter of the wrong type.
    case("GET", "/users/%FF", "/users/{id}").problem(400, "VALIDATION_ERROR"),
    case("GET", "/users/1", "/users/{id}")
        .headers(&[BAD_TOKEN])
        .problem(401, "INVALID_TOKEN"),
    case("GET", "/users/3", "/users/{id}").problem(404, "USER_NOT_FOUND"),
    case("POST", "/users", "/users")
        .headers(&[JSON])
        .body(NEW_USER)
        .ok(201),
    case("POST", "/users", "/users")
        .headers(&[JSON])
        .body("{\"name\":")
        .problem(400, "MALFORMED_JSON"),
    case("POST", "/users", "/users")
        .headers(&[JSON])
        .body(r#"{"email":"x"}"#)
        .problem(400, "VALIDATION_ERROR"),
    case("POST", "/users", "/users")
        .headers(&[JSON, BAD_TOKEN])
        .body(NEW_USER)
        .problem(401, "INVALID_TOKEN"),
    case("POST", "/users", "/users")
        .headers(&[JSON])
        .body(r#"{"name":"A","email":"alice@example.com","password":"long enough","age":30}"#)
        .problem(409, "DUPLICATE_EMAIL"),
    case("POST", "/users", "/users")
        .headers(&[JSON])
        .body(HUGE)
        .problem(413, "PAYLOAD_TOO_LARGE"),
    case("POST", "/users", "/users")
        .headers(&[("Content-Type", "text/plain")])
        .body(NEW_USER)
        .problem(415, "UNSUPPORTED_MEDIA_TYPE"),
    case("DELETE", "/users/2", "/users/{id}")
        .headers(&[ADMIN])
        .ok(204),
    case("DELETE", "/users/abc", "/users/{id}")
        .headers(&[ADMIN])
        .problem(400, "VALIDATION_ERROR"),
    case("DELETE", "/users/2", "/users/{id}").problem(401, "AUTH_REQUIRED"),
    case("DELETE", "/users/2", "/users/{id}")
        .headers(&[BAD_TOKEN])
        .problem(401, "INVALID_TOKEN"),
    case("DELETE", "/users/2", "/users/{id}")
        .headers(&[USER])
        .problem(403, "INSUFFICIENT_PERMISSIONS"),
    case("DELETE", "/users/42", "/users/{id}")
        .headers(&[ADMIN])
        .problem(404, "USER_NOT_FOUND"),
    case("POST", "/orders", "/orders")
        .headers(&[JSON, USER])
        .body(ORDER)
        .ok(201),
    case("POST", "/orders", "/orders")
        .headers(&[JSON, USER])
        .body("[")
        .problem(400, "MALFORMED_JSON"),
    case("POST", "/orders", "/orders")
        .headers(&[JSON, USER])
        .body(r#"{"items":[{"product_id":1,"quantity":0}]}"#)
        .problem(400, "VALIDATION_ERROR"),
    case("POST", "/orders", "/orders")
        .headers(&[JSON])
        .body(ORDER)
        .problem(401, "AUTH_REQUIRED"),
    case("POST", "/orders", "/orders")
        .headers(&[JSON, BAD_TOKEN])
        .body(ORDER)
        .problem(401, "INVALID_TOKEN"),
    case("POST", "/orders", "/orders")
        .headers(&[JSON, USER])
        .body(HUGE)
        .problem(413, "PAYLOAD_TOO_LARGE"),
    case("POST", "/orders", "/orders")
        .headers(&[("Content-Type", "application/xml"), USER])
        .body(ORDER)
        .problem(415, "UNSUPPORTED_MEDIA_TYPE"),
    case("POST", "/orders", "/orders")
        .headers(&[JSON, USER])
        .body(r#"{"items":[{"product_id":1,"quantity":4}]}"#)
        .problem(422, "INSUFFICIENT_INVENTORY"),
    case("GET", "/reports", "/reports"),
    case("GET", "/reports", "/reports")
        .times(6)
        .problem(429, "RATE_LIMITED"),
    case("GET", "/weather", "/weather").problem(502, "UPSTREAM_ERROR"),
    case("GET", "/weather/slow", "/weather/slow").problem(504, "UPSTREAM_TIMEOUT"),
    case("GET", "/exports", "/exports").problem(503, "SERVICE_UNAVAILABLE"),
    case("GET", "/debug/panic", "/debug/panic").problem(500, "INTERNAL_ERROR"),
    case("GET", "/debug/db", "/debug/db").problem(500, "INTERNAL_ERROR"),
    case("GET", "/openapi.json", "/openapi.json"),
    case("GET", "/problems", "/problems"),
    case("GET", "/problems/user-not-found", "/problems/{slug}"),
    case("GET", "/problems/no-such-type", "/problems/{slug}").problem(404, "ROUTE_NOT_FOUND"),
    case("GET", "/problems/%FF", "/problems/{slug}").problem(404, "ROUTE_NOT_FOUND"),
    case(
        "GET",
        "/problems/messages/fr.ftl",
        "/problems/messages/{locale}.ftl",
    ),
    case(
        "GET",
        "/problems/messages/fr.ftl",
        "/problems/messages/{locale}.ftl",
    )
    .headers(&[("If-None-Match", "*")])
    .ok(304),
    case(
        "GET",
        "/problems/messages/tlh.ftl",
        "/problems/messages/{locale}.ftl",
    )
    .problem(404, "ROUTE_NOT_FOUND"),
    case("GET", "/problems/problems.d.ts", "/problems/problems.d.ts"),
];

/// The routes `GET` answers, for the bad-token case of each.
pub(crate) const GET_ROUTES: &[(&str, &str)] = &[
    ("/reports", "/reports"),
    ("/weather", "/weather"),
    ("/weather/slow", "/weather/slow"),
    ("/exports", "/exports"),
    ("/debug/panic", "/debug/panic"),
    ("/debug/db", "/debug/db"),
    ("/openapi.json", "/openapi.json"),
    ("/problems", "/problems"),
    ("/problems/user-not-found", "/problems/{slug}"),
    (
        "/problems/messages/fr.ftl",
        "/problems/messages/{locale}.ftl",
    ),
    ("/problems/problems.d.ts", "/problems/problems.d.ts"),
];

impl Case {
    /// The body's bytes (`HUGE` is a valid JSON object of 20 KiB).
    pub(crate) fn body_bytes(&self) -> Option<Vec<u8>> {
        let body = self.body?;
        Some(if body == HUGE {
            format!(r#"{{"name":"{}"}}"#, "x".repeat(20 * 1024)).into_bytes()
        } else {
            body.as_bytes().to_vec()
        })
    }
}

/// Every case: the table, and a bad token on each `GET` route.
pub(crate) fn cases() -> Vec<Case> {
    let bad_token = GET_ROUTES.iter().map(|&(path, route)| {
        case("GET", path, route)
            .headers(&[BAD_TOKEN])
            .problem(401, "INVALID_TOKEN")
    });
    CASES.iter().copied().chain(bad_token).collect()
}
