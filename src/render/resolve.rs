//! Completing a problem for one response: its type URI, localized title and details,
//! redaction by the status sent, the header its status requires, and the locales its
//! text came from. The result is a borrowed [`View`]; nothing of the problem is copied.

use std::borrow::Cow;

use fluent_bundle::{FluentArgs, FluentValue};
use http::header::{ALLOW, WWW_AUTHENTICATE};
use http::{HeaderValue, StatusCode};

use super::heading::Headings;
use super::languages::Languages;
use super::renderer::RequestContext;
use super::view::{Entry, View, is_request_id};
use crate::catalog::{ProblemType, Registry};
use crate::i18n::{Locale, Localized, MessageArgs, Messages, fluent_value};
use crate::problem::{Challenge, FieldError, Problem};

/// A view of a problem for one response, and what else the response needs.
pub(crate) struct Resolved<'a> {
    pub(crate) view: View<'a>,
    pub(crate) languages: Languages,
    /// The locale of the title and of the detail, when localized.
    pub(crate) title_locale: Option<usize>,
    pub(crate) detail_locale: Option<usize>,
    /// The registry's Bearer challenge, for a 401 that carries none of its own.
    pub(crate) challenge: Option<HeaderValue>,
}

/// The problem as it goes on the wire with HTTP status `status` (decided by the caller,
/// see [`Problem::response_status`]), in `locale` (then the client's next choices).
///
/// - A 5xx says only what its catalogue entry says — its type's title and detail, its
///   declared members, `retry_after`, `request_id`, its `instance` and headers — so that no
///   internal text escapes; a 5xx whose type the catalogue does not know for that status
///   is an `about:blank` problem of that status.
/// - `status` is the member `status`, unless the registry leaves the member out.
/// - `type`: the registry's URI for its type, unless set explicitly.
/// - `title` and `detail`: from the type's messages unless set explicitly; an
///   `about:blank` problem's title is the status's localized reason phrase.
/// - each field error's `detail`: from its code's message unless set explicitly.
/// - a 401 gets the registry's Bearer challenge if it has none.
pub(crate) fn resolve<'a>(
    problem: &'a Problem,
    context: &'a RequestContext<'a>,
    registry: &'a Registry,
    messages: &'a Messages,
    headings: &'a Headings,
    locale: Locale,
    status: StatusCode,
) -> Resolved<'a> {
    let mut languages = Languages::default();
    let known = catalogue_type(problem, registry);
    let redacted = status.is_server_error();
    // On a 5xx, only a type the catalogue knows for this very status says anything.
    let known = known.filter(|t| !redacted || t.status() == status);
    let args = ProblemArgs {
        problem,
        known,
        redacted,
    };
    let code = if redacted {
        known.map(|t| t.code().as_str())
    } else {
        problem.code().map(|c| c.as_str())
    };

    let registered = known.and_then(|t| registry.registered(t));
    let explicit_uri = problem.explicit_type_uri().filter(|_| !redacted);
    let explicit_title = problem.title().filter(|_| !redacted);
    // What the type says in this locale, made once, when the problem changes none of it.
    let heading = registered
        .filter(|_| explicit_uri.is_none() && explicit_title.is_none())
        .and_then(|(index, _)| headings.get(index, locale.index()))
        .filter(|heading| {
            heading.status == status && code.is_some() && code == known.map(|t| t.code().as_str())
        });
    let type_uri = match (explicit_uri, known) {
        (Some(uri), _) => Some(Cow::Borrowed(uri.as_str())),
        (None, Some(t)) => Some(match registered {
            Some((_, uri)) => Cow::Borrowed(uri.as_str()),
            None => Cow::Owned(registry.type_uri(t).as_str().to_owned()),
        }),
        (None, None) => None,
    };

    let (mut title_locale, mut detail_locale) = (None, None);
    let title = match (explicit_title, heading) {
        (Some(title), _) => Some(Cow::Borrowed(title)),
        (None, Some(heading)) => {
            languages.add(locale.index());
            title_locale = Some(locale.index());
            Some(Cow::Borrowed(&*heading.title))
        }
        (None, None) => {
            let localized = code
                .and_then(|c| messages.localize_with(locale, c, None, &args))
                .or_else(|| {
                    messages.localize(locale, &format!("http-{}", status.as_u16()), None, None)
                })
                .or_else(|| {
                    // The reason phrase of `http`, in English.
                    Some(Localized {
                        text: Cow::Borrowed(status.canonical_reason()?),
                        locale: messages.locale_index("en")?,
                    })
                });
            let localized = languages.record(localized);
            title_locale = localized.as_ref().map(|l| l.locale);
            localized.map(|l| l.text)
        }
    };
    let detail = match problem.detail().filter(|_| !redacted) {
        Some(detail) => Some(Cow::Borrowed(detail)),
        None => {
            // The type's detail pattern in this locale, found once; else the messages.
            let formatted = heading
                .and_then(|heading| heading.detail.as_ref()?.format(&args))
                .map(|text| Localized {
                    text: Cow::Owned(text),
                    locale: locale.index(),
                });
            let localized = languages.record(formatted.or_else(|| {
                code.and_then(|c| messages.localize_with(locale, c, Some("detail"), &args))
            }));
            detail_locale = localized.as_ref().map(|l| l.locale);
            localized.map(|l| l.text)
        }
    };
    let errors = if redacted {
        Vec::new()
    } else {
        problem
            .field_errors()
            .iter()
            .map(|error| Entry {
                code: error.code().map(|c| c.as_str()),
                detail: match error.detail() {
                    Some(detail) => Some(Cow::Borrowed(detail)),
                    None => languages.text(error.code().and_then(|c| {
                        messages.localize_with(locale, c.as_str(), None, &ErrorArgs(error))
                    })),
                },
                location: error.location(),
                args: error
                    .code()
                    // Nothing to send without arguments: no catalogue lookup.
                    .filter(|_| error.args().next().is_some())
                    .and_then(|c| registry.field_code(c.as_str()))
                    .map(|declared| {
                        declared
                            .args()
                            .iter()
                            .filter_map(|&name| Some((name, error.arg(name)?)))
                            .collect()
                    })
                    .unwrap_or_default(),
            })
            .collect()
    };

    let carries =
        |name| problem.headers().contains_key(&name) || context.headers.contains_key(&name);
    let challenge = (status == StatusCode::UNAUTHORIZED && !carries(WWW_AUTHENTICATE))
        .then(|| {
            let mut challenge = Challenge::bearer(registry.realm());
            if let Some(error) = known.and_then(ProblemType::bearer_error) {
                challenge = challenge.with_error(error);
            }
            challenge.header_value()
        })
        .flatten();
    if status == StatusCode::METHOD_NOT_ALLOWED && !carries(ALLOW) {
        // An empty Allow would say that no method is allowed: better none, and a warning.
        tracing::warn!(code, "a 405 problem without Allow: use Problem::with_allow");
    }

    let view = View {
        heading,
        type_uri,
        title,
        status: registry.status_member().then_some(status.as_u16()),
        detail,
        instance: problem.instance().or(context.instance),
        code,
        problem,
        // The request's own id, else the problem's (on a 5xx, only if it looks like one).
        request_id: context.request_id.or_else(|| {
            problem
                .request_id()
                .filter(|id| !redacted || is_request_id(id))
        }),
        declared: redacted.then(|| known.map_or(&[][..], ProblemType::args)),
        errors,
    };
    Resolved {
        view,
        languages,
        title_locale,
        detail_locale,
        challenge,
    }
}

/// The problem's type: the one it was built from, else the registry's for its code.
fn catalogue_type<'a>(problem: &'a Problem, registry: &'a Registry) -> Option<&'a ProblemType> {
    problem
        .problem_type()
        .or_else(|| problem.code().and_then(|c| registry.get(c.as_str())))
}

/// The arguments of a problem's messages: those its type declares with
/// [`ProblemType::with_args`] (the catalogue check proves its messages use no others),
/// from `with_arg` or the extension members. A 4xx problem whose type the catalogue does
/// not know passes every argument and member it has; a redacted one, none.
struct ProblemArgs<'a> {
    problem: &'a Problem,
    known: Option<&'a ProblemType>,
    redacted: bool,
}

impl ProblemArgs<'_> {
    fn each(&self) -> impl Iterator<Item = (&str, FluentValue<'_>)> {
        let declared = self.known.map(|t| {
            t.args()
                .iter()
                .filter_map(|&name| Some((name, self.problem.arg(name)?)))
        });
        let every = (self.known.is_none() && !self.redacted).then(|| self.problem.message_args());
        declared
            .into_iter()
            .flatten()
            .chain(every.into_iter().flatten())
            .filter_map(|(name, value)| Some((name, fluent_value(value)?)))
    }
}

impl MessageArgs for ProblemArgs<'_> {
    fn value(&self, name: &str) -> Option<FluentValue<'_>> {
        match self.known {
            Some(t) if t.args().contains(&name) => fluent_value(self.problem.arg(name)?),
            Some(_) => None,
            // As in Fluent's map, the last one of a name counts.
            None if !self.redacted => self
                .problem
                .message_args()
                .filter(|(n, _)| *n == name)
                .filter_map(|(_, value)| fluent_value(value))
                .last(),
            None => None,
        }
    }

    fn with_fluent<'m>(
        &self,
        format: impl FnOnce(Option<&FluentArgs<'_>>) -> Option<Cow<'m, str>>,
    ) -> Option<Cow<'m, str>> {
        with_fluent_args(self.each(), format)
    }
}

/// A field error's message arguments.
struct ErrorArgs<'a>(&'a FieldError);

impl ErrorArgs<'_> {
    fn each(&self) -> impl Iterator<Item = (&str, FluentValue<'_>)> {
        self.0
            .args()
            .filter_map(|(name, value)| Some((name, fluent_value(value)?)))
    }
}

impl MessageArgs for ErrorArgs<'_> {
    fn value(&self, name: &str) -> Option<FluentValue<'_>> {
        self.each()
            .filter(|(n, _)| *n == name)
            .last()
            .map(|(_, v)| v)
    }

    fn with_fluent<'m>(
        &self,
        format: impl FnOnce(Option<&FluentArgs<'_>>) -> Option<Cow<'m, str>>,
    ) -> Option<Cow<'m, str>> {
        with_fluent_args(self.each(), format)
    }
}

fn with_fluent_args<'a, 'm>(
    each: impl Iterator<Item = (&'a str, FluentValue<'a>)>,
    format: impl FnOnce(Option<&FluentArgs<'_>>) -> Option<Cow<'m, str>>,
) -> Option<Cow<'m, str>> {
    let mut args = FluentArgs::new();
    for (name, value) in each {
        args.set(name, value);
    }
    format(args.iter().next().is_some().then_some(&args))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::builtin;

    fn setup() -> (Registry, Messages) {
        (
            Registry::with_builtins("https://example.com/problems/")
                .unwrap()
                .with_realm("demo"),
            Messages::builder().build().unwrap(),
        )
    }

    static NO_HEADINGS: Headings = Headings::NONE;

    fn no_context() -> &'static RequestContext<'static> {
        static NONE: std::sync::OnceLock<RequestContext<'static>> = std::sync::OnceLock::new();
        NONE.get_or_init(RequestContext::default)
    }

    fn view<'a>(p: &'a Problem, registry: &'a Registry, messages: &'a Messages) -> Resolved<'a> {
        resolve(
            p,
            no_context(),
            registry,
            messages,
            &NO_HEADINGS,
            Locale::DEFAULT,
            p.response_status(),
        )
    }

    fn json(view: &View<'_>) -> String {
        let mut out = Vec::new();
        super::super::json::write(view, &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn fills_type_title_and_detail() {
        let (registry, messages) = setup();
        let p = Problem::new(&builtin::ROUTE_NOT_FOUND);
        let r = view(&p, &registry, &messages);
        assert_eq!(
            r.view.type_uri.as_deref(),
            Some("https://example.com/problems/route-not-found")
        );
        assert_eq!(r.view.title.as_deref(), Some("Route not found"));
        assert_eq!(
            r.view.detail.as_deref(),
            Some("No endpoint exists at this path.")
        );
    }

    #[test]
    fn a_server_error_says_only_what_the_catalogue_says() {
        let (registry, messages) = setup();
        let leaky = Problem::internal(std::io::Error::other("x"))
            .with_title("cannot connect to postgres://admin:hunter2@db")
            .with_detail("db password is hunter2")
            .with_extension("dsn", "postgres://admin:hunter2@db")
            .unwrap()
            .with_request_id("r1")
            .with_field_error(crate::FieldError::parameter("x", &builtin::field::REQUIRED));
        let r = view(&leaky, &registry, &messages);
        assert_eq!(r.view.title.as_deref(), Some("Internal error"));
        assert!(
            r.view
                .detail
                .as_deref()
                .unwrap()
                .starts_with("An unexpected error occurred")
        );
        let text = json(&r.view);
        assert!(!text.contains("hunter2"), "{text}");
        assert!(text.contains("\"request_id\":\"r1\""), "{text}");
        assert!(r.view.errors.is_empty());
        // On a 5xx, a request id of the problem's own goes out only if it looks like one.
        let odd = Problem::internal(std::io::Error::other("x")).with_request_id("hunter2 <id>");
        let text = json(&view(&odd, &registry, &messages).view);
        assert!(!text.contains("request_id"), "{text}");
        let unavailable = Problem::new(&builtin::SERVICE_UNAVAILABLE)
            .with_retry_after(crate::RetryAfter::seconds(5));
        let r = view(&unavailable, &registry, &messages);
        assert!(json(&r.view).contains("\"retry_after\":5"));
    }

    #[test]
    fn the_sent_status_decides_redaction_and_the_status_member() {
        let (registry, messages) = setup();
        for problem in [
            Problem::default().with_detail("secret"),
            Problem::from_status(StatusCode::FOUND).with_detail("secret"),
            Problem::from_status(StatusCode::BAD_GATEWAY)
                .with_title("upstream said secret")
                .with_detail("secret"),
            serde_json::from_str(
                r#"{"status":200,"title":"secret","code":"DB_DOWN","dsn":"secret"}"#,
            )
            .unwrap(),
        ] {
            let r = view(&problem, &registry, &messages);
            assert!(r.view.status.is_some_and(|s| s >= 500));
            assert_eq!(r.view.detail, None);
            assert!(r.view.code.is_none());
            assert!(r.view.type_uri.is_none(), "about:blank");
            let text = json(&r.view);
            assert!(!text.contains("secret"), "{text}");
        }
    }

    #[test]
    fn no_allow_is_made_up_for_a_405() {
        let (registry, messages) = setup();
        let p = Problem::new(&builtin::METHOD_NOT_ALLOWED);
        let r = view(&p, &registry, &messages);
        assert!(r.challenge.is_none());
        assert!(!p.headers().contains_key(ALLOW));
    }

    #[test]
    fn every_401_gets_a_challenge() {
        let (registry, messages) = setup();
        let p = Problem::new(&builtin::INVALID_TOKEN);
        assert_eq!(
            view(&p, &registry, &messages).challenge.unwrap(),
            r#"Bearer realm="demo", error="invalid_token""#
        );
        let p = Problem::from_status(StatusCode::UNAUTHORIZED);
        assert_eq!(
            view(&p, &registry, &messages).challenge.unwrap(),
            r#"Bearer realm="demo""#
        );
        let p = Problem::new(&builtin::AUTH_REQUIRED).with_challenge(Challenge::bearer("own"));
        assert!(view(&p, &registry, &messages).challenge.is_none());
    }

    #[test]
    fn the_status_member_can_be_switched_off() {
        let (registry, messages) = setup();
        let registry = registry.with_status_member(false);
        let p = Problem::new(&builtin::CONFLICT);
        assert_eq!(view(&p, &registry, &messages).view.status, None);
    }

    #[test]
    fn about_blank_problems_take_the_localized_reason_phrase() {
        let (registry, messages) = setup();
        let gone = Problem::from_status(StatusCode::GONE);
        let r = view(&gone, &registry, &messages);
        assert_eq!(r.view.title.as_deref(), Some("Gone"));
        assert!(r.view.type_uri.is_none());
        let de = messages.locale_index("de").unwrap();
        let r = resolve(
            &gone,
            no_context(),
            &registry,
            &messages,
            &NO_HEADINGS,
            Locale::at(de),
            StatusCode::GONE,
        );
        assert_ne!(r.view.title.as_deref(), Some("Gone"));
        assert_eq!(r.title_locale, Some(de));
    }

    #[test]
    fn the_languages_present_are_tracked() {
        let (mut registry, _) = setup();
        let messages = Messages::builder()
            .add_ftl(
                "en",
                "app.ftl",
                "ONLY_EN = Only English\n    .detail = Here.\n",
            )
            .build()
            .unwrap();
        registry
            .register(crate::ProblemType::new(
                crate::Code::from_static("ONLY_EN"),
                409,
            ))
            .unwrap();
        let fr = messages.locale_index("fr").unwrap();
        let only_en = registry.get("ONLY_EN").unwrap().clone();
        let problem = Problem::new(&only_en);
        let r = resolve(
            &problem,
            no_context(),
            &registry,
            &messages,
            &NO_HEADINGS,
            Locale::at(fr),
            StatusCode::CONFLICT,
        );
        assert_eq!(r.languages.header_value(&messages, fr), "en");
        assert_eq!(r.title_locale, Some(0));
        let problem = Problem::new(&only_en)
            .with_field_error(crate::FieldError::parameter("x", &builtin::field::REQUIRED));
        let r = resolve(
            &problem,
            no_context(),
            &registry,
            &messages,
            &NO_HEADINGS,
            Locale::at(fr),
            StatusCode::CONFLICT,
        );
        assert_eq!(r.languages.header_value(&messages, fr), "fr, en");
    }
}
