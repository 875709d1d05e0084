//! Assertions on problem responses for an application's own tests (feature `testing`):
//! one line per expectation.
//!
//! # Examples
//!
//! ```
//! use pardon::testing::ProblemResponse;
//!
//! let mut headers = http::HeaderMap::new();
//! headers.insert("content-type", "application/problem+json".parse().unwrap());
//! headers.insert("content-language", "fr".parse().unwrap());
//! let body = br##"{"status":400,"code":"VALIDATION_ERROR","errors":[{"code":"REQUIRED","pointer":"#/name"}]}"##;
//!
//! ProblemResponse::from_parts(400, &headers, body)
//!     .expect_status(400)
//!     .expect_code("VALIDATION_ERROR")
//!     .expect_language("fr")
//!     .expect_field_error("#/name", "REQUIRED");
//! ```

use serde_json::Value;

/// A response read as a problem document, to assert on. Every `expect_` method panics,
/// naming the expectation and showing the document, when the response is otherwise.
#[derive(Debug, Clone)]
pub struct ProblemResponse {
    status: u16,
    content_type: String,
    content_language: String,
    body: Value,
}

impl ProblemResponse {
    /// Reads a response from its status, headers and body.
    ///
    /// # Panics
    ///
    /// When the body is not a JSON object: the response is not a problem document (ask
    /// for JSON, or leave `Accept` out).
    ///
    /// # Examples
    ///
    /// ```
    /// let body = br#"{"status":404,"code":"ROUTE_NOT_FOUND"}"#;
    /// let problem = pardon::testing::ProblemResponse::from_parts(404, &http::HeaderMap::new(), body);
    /// assert_eq!(problem.body()["code"], "ROUTE_NOT_FOUND");
    /// ```
    #[must_use]
    #[track_caller]
    pub fn from_parts(status: u16, headers: &http::HeaderMap, body: &[u8]) -> ProblemResponse {
        let header = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned()
        };
        let body = match serde_json::from_slice::<Value>(body) {
            Ok(body @ Value::Object(_)) => body,
            _ => panic!(
                "not a problem document (status {status}): {}",
                String::from_utf8_lossy(body)
            ),
        };
        ProblemResponse {
            status,
            content_type: header("content-type"),
            content_language: header("content-language"),
            body,
        }
    }

    /// Reads an actix-web test response (feature `actix`).
    ///
    /// # Panics
    ///
    /// As [`ProblemResponse::from_parts`].
    ///
    /// # Examples
    ///
    /// ```
    /// use actix_web::{test, App};
    /// use pardon::testing::ProblemResponse;
    ///
    /// # actix_web::rt::System::new().block_on(async {
    /// # let renderer = std::sync::Arc::new(pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/").unwrap(), pardon::i18n::Messages::builder().build().unwrap()));
    /// let app = test::init_service(
    ///     App::new()
    ///         .configure(pardon::actix::configure(&renderer, 1024))
    ///         .wrap(pardon::actix::ProblemMiddleware::new(renderer)),
    /// )
    /// .await;
    /// let request = test::TestRequest::get().uri("/nowhere").insert_header(("Accept-Language", "de"));
    /// let response = test::call_service(&app, request.to_request()).await;
    /// ProblemResponse::read(response).await
    ///     .expect_status(404)
    ///     .expect_code("ROUTE_NOT_FOUND")
    ///     .expect_language("de");
    /// # });
    /// ```
    #[cfg(feature = "actix")]
    #[cfg_attr(docsrs, doc(cfg(feature = "actix")))]
    pub async fn read<B: actix_web::body::MessageBody>(
        response: actix_web::dev::ServiceResponse<B>,
    ) -> ProblemResponse {
        let status = response.status().as_u16();
        let mut headers = http::HeaderMap::new();
        for (name, value) in response.headers() {
            if let (Ok(name), Ok(value)) = (
                http::HeaderName::from_bytes(name.as_str().as_bytes()),
                http::HeaderValue::from_bytes(value.as_bytes()),
            ) {
                headers.append(name, value);
            }
        }
        let body = actix_web::test::read_body(response).await;
        ProblemResponse::from_parts(status, &headers, &body)
    }

    /// The document.
    ///
    /// # Examples
    ///
    /// ```
    /// let p = pardon::testing::ProblemResponse::from_parts(409, &http::HeaderMap::new(), br#"{"id":7}"#);
    /// assert_eq!(p.body()["id"], 7);
    /// ```
    #[must_use]
    pub fn body(&self) -> &Value {
        &self.body
    }

    /// Expects the HTTP status, and the same `status` member.
    ///
    /// # Examples
    ///
    /// ```
    /// let p = pardon::testing::ProblemResponse::from_parts(409, &http::HeaderMap::new(), br#"{"status":409}"#);
    /// p.expect_status(409);
    /// ```
    #[track_caller]
    pub fn expect_status(&self, status: u16) -> &ProblemResponse {
        assert_eq!(self.status, status, "HTTP status of {}", self.body);
        assert_eq!(
            self.body["status"], status,
            "status member of {}",
            self.body
        );
        self
    }

    /// Expects the problem's `code`.
    ///
    /// # Examples
    ///
    /// ```
    /// let p = pardon::testing::ProblemResponse::from_parts(409, &http::HeaderMap::new(), br#"{"code":"CONFLICT"}"#);
    /// p.expect_code("CONFLICT");
    /// ```
    #[track_caller]
    pub fn expect_code(&self, code: &str) -> &ProblemResponse {
        assert_eq!(self.body["code"], code, "code of {}", self.body);
        self
    }

    /// Expects `Content-Language` to be `tag` (the language all its text is in).
    ///
    /// # Examples
    ///
    /// ```
    /// let mut headers = http::HeaderMap::new();
    /// headers.insert("content-language", "ar".parse().unwrap());
    /// pardon::testing::ProblemResponse::from_parts(404, &headers, b"{}").expect_language("ar");
    /// ```
    #[track_caller]
    pub fn expect_language(&self, tag: &str) -> &ProblemResponse {
        assert_eq!(
            self.content_language, tag,
            "Content-Language of {}",
            self.body
        );
        self
    }

    /// Expects `Content-Type` to start with `media_type` (`application/problem+json`,
    /// `text/html`, …).
    ///
    /// # Examples
    ///
    /// ```
    /// let mut headers = http::HeaderMap::new();
    /// headers.insert("content-type", "application/problem+json".parse().unwrap());
    /// pardon::testing::ProblemResponse::from_parts(404, &headers, b"{}").expect_media_type("application/problem+json");
    /// ```
    #[track_caller]
    pub fn expect_media_type(&self, media_type: &str) -> &ProblemResponse {
        assert!(
            self.content_type.starts_with(media_type),
            "Content-Type {} is not {media_type}",
            self.content_type
        );
        self
    }

    /// Expects an extension member with this value.
    ///
    /// # Examples
    ///
    /// ```
    /// let p = pardon::testing::ProblemResponse::from_parts(429, &http::HeaderMap::new(), br#"{"retry_after":30}"#);
    /// p.expect_member("retry_after", 30);
    /// ```
    #[track_caller]
    pub fn expect_member(&self, name: &str, value: impl Into<Value>) -> &ProblemResponse {
        let value = value.into();
        assert_eq!(
            self.body.get(name),
            Some(&value),
            "member {name} of {}",
            self.body
        );
        self
    }

    /// Expects a field error with this code at `location`: a JSON Pointer (`#/age`), or
    /// the name of a parameter or header.
    ///
    /// # Examples
    ///
    /// ```
    /// let body = br##"{"errors":[{"code":"INVALID_TYPE","parameter":"id"},{"code":"REQUIRED","pointer":"#/name"}]}"##;
    /// let p = pardon::testing::ProblemResponse::from_parts(400, &http::HeaderMap::new(), body);
    /// p.expect_field_error("id", "INVALID_TYPE").expect_field_error("#/name", "REQUIRED");
    /// ```
    #[track_caller]
    pub fn expect_field_error(&self, location: &str, code: &str) -> &ProblemResponse {
        let found = self
            .field_errors()
            .iter()
            .any(|(at, c)| at == location && c == code);
        assert!(
            found,
            "no field error {code} at {location} among {:?}",
            self.field_errors()
        );
        self
    }

    /// Expects exactly these field errors, in this order, as (location, code).
    ///
    /// # Examples
    ///
    /// ```
    /// let body = br##"{"errors":[{"code":"REQUIRED","pointer":"#/name"},{"code":"TOO_SHORT","pointer":"#/password"}]}"##;
    /// let p = pardon::testing::ProblemResponse::from_parts(400, &http::HeaderMap::new(), body);
    /// p.expect_field_errors(&[("#/name", "REQUIRED"), ("#/password", "TOO_SHORT")]);
    /// ```
    #[track_caller]
    pub fn expect_field_errors(&self, expected: &[(&str, &str)]) -> &ProblemResponse {
        let found = self.field_errors();
        let found: Vec<(&str, &str)> = found
            .iter()
            .map(|(a, c)| (a.as_str(), c.as_str()))
            .collect();
        assert_eq!(found, expected, "field errors of {}", self.body);
        self
    }

    /// Every field error as (location, code).
    fn field_errors(&self) -> Vec<(String, String)> {
        let entries = self.body["errors"].as_array().cloned().unwrap_or_default();
        entries
            .iter()
            .map(|entry| {
                let location = ["pointer", "parameter", "header"]
                    .iter()
                    .find_map(|member| entry[*member].as_str())
                    .unwrap_or_default();
                let code = entry["code"].as_str().unwrap_or_default();
                (location.to_owned(), code.to_owned())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem() -> ProblemResponse {
        let body = br##"{"status":400,"code":"VALIDATION_ERROR","errors":[{"code":"REQUIRED","pointer":"#/name"}]}"##;
        ProblemResponse::from_parts(400, &http::HeaderMap::new(), body)
    }

    #[test]
    #[should_panic(expected = "code of")]
    fn a_wrong_code_fails() {
        problem().expect_code("CONFLICT");
    }

    #[test]
    #[should_panic(expected = "no field error REQUIRED at #/email")]
    fn a_missing_field_error_fails() {
        problem().expect_field_error("#/email", "REQUIRED");
    }

    #[test]
    #[should_panic(expected = "HTTP status")]
    fn a_wrong_status_fails() {
        problem().expect_status(422);
    }

    #[test]
    #[should_panic(expected = "not a problem document")]
    fn a_body_that_is_not_a_document_fails() {
        let _ = ProblemResponse::from_parts(500, &http::HeaderMap::new(), b"<html>");
    }
}
