//! The client's side: a problem read back from a response, and the errors of reading one
//! into an application's own type.

use std::fmt;

use http::StatusCode;
use http::header::CONTENT_TYPE;

use super::Problem;

/// How much of a body that is not a problem document an error keeps.
const EXCERPT: usize = 200;

impl Problem {
    /// The problem a response carries: its body read as `application/problem+json` (or
    /// `application/json`) — for a client of an API that speaks RFC 9457.
    ///
    /// # Errors
    ///
    /// [`NotAProblem`] when the body is of another type or not a JSON object: its status
    /// and the start of its text, for the log.
    ///
    /// # Examples
    ///
    /// ```
    /// let response = http::Response::builder()
    ///     .status(404)
    ///     .header("content-type", "application/problem+json")
    ///     .body(r#"{"type":"https://api.example.com/problems/user-not-found","status":404,"code":"USER_NOT_FOUND","id":"42"}"#)?;
    /// let problem = pardon::Problem::from_response(response)?;
    /// assert_eq!(problem.code().unwrap().as_str(), "USER_NOT_FOUND");
    /// assert_eq!(problem.extension("id"), Some(&serde_json::json!("42")));
    ///
    /// let html = http::Response::builder().status(502).header("content-type", "text/html").body("<h1>Bad gateway</h1>")?;
    /// let error = pardon::Problem::from_response(html).unwrap_err();
    /// assert_eq!(error.to_string(), "a 502 response without a problem document (text/html): <h1>Bad gateway</h1>");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_response<B: AsRef<[u8]>>(
        response: http::Response<B>,
    ) -> Result<Problem, NotAProblem> {
        let status = response.status();
        let content_type = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body = response.body().as_ref();
        let media_type = content_type
            .as_deref()
            .and_then(|t| t.split(';').next())
            .map(|t| t.trim().to_ascii_lowercase());
        let is_json = matches!(
            media_type.as_deref(),
            Some("application/problem+json" | "application/json")
        );
        if is_json && let Ok(problem) = serde_json::from_slice::<Problem>(body) {
            return Ok(problem);
        }
        let text = String::from_utf8_lossy(body);
        // Control characters from the network stay out of logs.
        let mut excerpt: String = text
            .chars()
            .take(EXCERPT)
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        if text.chars().nth(EXCERPT).is_some() {
            excerpt.push('…');
        }
        Err(NotAProblem {
            status,
            content_type,
            excerpt,
        })
    }
}

/// A response whose body is not a problem document.
///
/// # Examples
///
/// ```
/// let response = http::Response::builder().status(500).body("oops")?;
/// let error = pardon::Problem::from_response(response).unwrap_err();
/// assert_eq!(error.status(), 500);
/// assert_eq!(error.excerpt(), "oops");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAProblem {
    status: StatusCode,
    content_type: Option<String>,
    excerpt: String,
}

impl NotAProblem {
    /// The response's status.
    ///
    /// # Examples
    ///
    /// ```
    /// let error = pardon::Problem::from_response(http::Response::builder().status(503).body("")?).unwrap_err();
    /// assert_eq!(error.status(), http::StatusCode::SERVICE_UNAVAILABLE);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The start of the body's text (at most 200 characters).
    ///
    /// # Examples
    ///
    /// ```
    /// let body = "x".repeat(1000);
    /// let error = pardon::Problem::from_response(http::Response::builder().status(500).body(body)?).unwrap_err();
    /// assert_eq!(error.excerpt().chars().count(), 201); // and an ellipsis
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn excerpt(&self) -> &str {
        &self.excerpt
    }
}

impl fmt::Display for NotAProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a {} response without a problem document ({}): {}",
            self.status.as_u16(),
            self.content_type.as_deref().unwrap_or("no Content-Type"),
            self.excerpt
        )
    }
}

impl std::error::Error for NotAProblem {}

/// Why a problem document could not be read into an application's own problem type
/// (`ShopProblem::try_from(&problem)`, derived for a type marked `#[problem(decode)]`).
///
/// # Examples
///
/// ```
/// let error = pardon::problem::DecodeError::missing("id");
/// assert_eq!(error.to_string(), "member `id` is missing");
/// assert_eq!(error.member(), Some("id"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    member: Option<String>,
    reason: String,
}

impl DecodeError {
    /// The document's code names none of the type's problems.
    ///
    /// # Examples
    ///
    /// ```
    /// let error = pardon::problem::DecodeError::other_code(Some("CONFLICT"), "ShopProblem");
    /// assert_eq!(error.to_string(), "code CONFLICT is not one of ShopProblem's");
    /// ```
    #[must_use]
    pub fn other_code(code: Option<&str>, type_name: &str) -> DecodeError {
        DecodeError {
            member: None,
            reason: match code {
                Some(code) => format!("code {code} is not one of {type_name}'s"),
                None => format!("a document without a code is not one of {type_name}'s"),
            },
        }
    }

    /// A member the type needs is not in the document.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::problem::DecodeError::missing("available").member(), Some("available"));
    /// ```
    #[must_use]
    pub fn missing(member: &str) -> DecodeError {
        DecodeError {
            member: Some(member.to_owned()),
            reason: format!("member `{member}` is missing"),
        }
    }

    /// A member's value does not read as the field's type.
    ///
    /// # Examples
    ///
    /// ```
    /// let error = pardon::problem::DecodeError::invalid("available", "invalid type: string \"x\", expected u64");
    /// assert_eq!(error.to_string(), "member `available`: invalid type: string \"x\", expected u64");
    /// ```
    #[must_use]
    pub fn invalid(member: &str, why: &str) -> DecodeError {
        DecodeError {
            member: Some(member.to_owned()),
            reason: format!("member `{member}`: {why}"),
        }
    }

    /// A field that is never sent (a `#[source]`): its problem cannot be read back.
    ///
    /// # Examples
    ///
    /// ```
    /// let error = pardon::problem::DecodeError::not_sent("Database");
    /// assert_eq!(error.to_string(), "Database holds a cause that is never sent, so it cannot be read back");
    /// ```
    #[must_use]
    pub fn not_sent(variant: &str) -> DecodeError {
        DecodeError {
            member: None,
            reason: format!(
                "{variant} holds a cause that is never sent, so it cannot be read back"
            ),
        }
    }

    /// The member that failed, if one did.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::problem::DecodeError::not_sent("X").member(), None);
    /// ```
    #[must_use]
    pub fn member(&self) -> Option<&str> {
        self.member.as_deref()
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for DecodeError {}
