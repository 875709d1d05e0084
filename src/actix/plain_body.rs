//! The body `Problem::error_response` gives a problem: rendered only if it is ever sent,
//! which happens only where no `ProblemMiddleware` replaced the response.

use std::pin::Pin;
use std::task::{Context, Poll};

use actix_web::body::{BodySize, MessageBody};
use actix_web::web::Bytes;

use crate::Problem;
use crate::adapter::plain;

/// A problem's plain `application/problem+json`, written when first polled.
pub(crate) struct PlainBody {
    problem: Option<Problem>,
}

impl PlainBody {
    pub(crate) fn new(problem: Problem) -> PlainBody {
        PlainBody {
            problem: Some(problem),
        }
    }
}

impl MessageBody for PlainBody {
    type Error = std::convert::Infallible;

    fn size(&self) -> BodySize {
        BodySize::Stream
    }

    fn poll_next(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Bytes, Self::Error>>> {
        let Some(problem) = self.get_mut().problem.take() else {
            return Poll::Ready(None);
        };
        plain::warn_unrendered("wrap the App in pardon::actix::ProblemMiddleware");
        Poll::Ready(Some(Ok(Bytes::from(plain::plain_json(&problem)))))
    }
}
