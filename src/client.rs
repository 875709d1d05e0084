//! For Rust clients of an API that answers with problems (feature `client`): a `reqwest`
//! response's problem, read when its status is not a success.

use std::fmt;

use crate::Problem;
use crate::problem::NotAProblem;

/// `problem_for_status()` on a `reqwest::Response`: the response when it succeeded, the
/// [`Problem`](struct@Problem) its body carries when it did not.
///
/// # Examples
///
/// ```no_run
/// use pardon::client::{ClientError, ProblemForStatus};
///
/// # async fn call() -> Result<(), Box<dyn std::error::Error>> {
/// let response = reqwest::Client::new().get("http://127.0.0.1:8080/users/42").send().await?;
/// match response.problem_for_status().await {
///     Ok(found) => println!("{}", found.text().await?),
///     Err(ClientError::Problem(problem)) => {
///         println!("{} ({})", problem.title().unwrap_or(""), problem.code().map_or("", |c| c.as_str()));
///     }
///     Err(other) => return Err(other.into()),
/// }
/// # Ok(())
/// # }
/// ```
pub trait ProblemForStatus: Sized {
    /// The response when its status is 1xx–3xx, else the problem of its body.
    ///
    /// # Errors
    ///
    /// [`ClientError::Problem`] with the document; [`ClientError::NotAProblem`] when an error
    /// response has another body (its status and the start of its text; at most 1 MiB of
    /// an error body is read);
    /// [`ClientError::Transport`] when the body cannot be read.
    fn problem_for_status(
        self,
    ) -> impl Future<Output = Result<reqwest::Response, ClientError>> + Send;
}

impl ProblemForStatus for reqwest::Response {
    async fn problem_for_status(mut self) -> Result<reqwest::Response, ClientError> {
        let status = self.status();
        if !(status.is_client_error() || status.is_server_error()) {
            return Ok(self);
        }
        let content_type = self.headers().get(http::header::CONTENT_TYPE).cloned();
        // An error body is read up to a bound: a problem document is small, and whatever
        // else a server sends is kept only as an excerpt.
        let mut body = Vec::new();
        while let Some(chunk) = self.chunk().await.map_err(ClientError::Transport)? {
            let room = MAX_ERROR_BODY.saturating_sub(body.len());
            body.extend_from_slice(&chunk[..chunk.len().min(room)]);
            if body.len() >= MAX_ERROR_BODY {
                break;
            }
        }
        let mut response = http::Response::new(body);
        *response.status_mut() = status;
        if let Some(content_type) = content_type {
            response
                .headers_mut()
                .insert(http::header::CONTENT_TYPE, content_type);
        }
        match Problem::from_response(response) {
            Ok(problem) => Err(ClientError::Problem(problem)),
            Err(not) => Err(ClientError::NotAProblem(not)),
        }
    }
}

/// The most of an error body read: a problem document is far smaller.
const MAX_ERROR_BODY: usize = 1 << 20;

/// Why a call did not give a successful response.
///
/// # Examples
///
/// ```
/// let error = pardon::client::ClientError::Problem(pardon::Problem::new(&pardon::builtin::CONFLICT));
/// assert_eq!(error.to_string(), "CONFLICT (409)");
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum ClientError {
    /// The server answered with a problem document.
    Problem(Problem),
    /// The server answered an error without a problem document.
    NotAProblem(NotAProblem),
    /// The body could not be read.
    Transport(reqwest::Error),
}

impl fmt::Display for ClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClientError::Problem(problem) => fmt::Display::fmt(problem, f),
            ClientError::NotAProblem(not) => fmt::Display::fmt(not, f),
            ClientError::Transport(error) => fmt::Display::fmt(error, f),
        }
    }
}

impl std::error::Error for ClientError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ClientError::Problem(problem) => Some(problem),
            ClientError::NotAProblem(not) => Some(not),
            ClientError::Transport(error) => Some(error),
        }
    }
}
