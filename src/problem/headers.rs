//! Header values that belong to a problem: `Retry-After` and `WWW-Authenticate`.

use std::fmt::Write as _;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use http::HeaderValue;

/// When to retry: a `Retry-After` value
/// ([RFC 9110 §10.2.3](https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3)), as
/// delay-seconds or as an HTTP-date. The body mirrors it as `retry_after`, in seconds.
///
/// # Examples
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use pardon::RetryAfter;
///
/// assert_eq!(RetryAfter::seconds(120).header_value(), "120");
/// let date = RetryAfter::at(UNIX_EPOCH + Duration::from_secs(784111777));
/// assert_eq!(date.header_value(), "Sun, 06 Nov 1994 08:49:37 GMT");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryAfter(When);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    Seconds(u64),
    Date(SystemTime),
}

impl RetryAfter {
    /// Retry after `seconds`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::RetryAfter::seconds(5).header_value(), "5");
    /// ```
    #[must_use]
    pub const fn seconds(seconds: u64) -> RetryAfter {
        RetryAfter(When::Seconds(seconds))
    }

    /// Retry at `time`, sent as an IMF-fixdate (whole seconds).
    ///
    /// # Examples
    ///
    /// ```
    /// use std::time::{Duration, SystemTime};
    ///
    /// let later = SystemTime::now() + Duration::from_secs(90);
    /// let r = pardon::RetryAfter::at(later);
    /// assert!(r.header_value().ends_with(" GMT"));
    /// assert!((88..=90).contains(&r.delay_seconds(SystemTime::now())));
    /// ```
    #[must_use]
    pub const fn at(time: SystemTime) -> RetryAfter {
        RetryAfter(When::Date(time))
    }

    /// The delay in whole seconds from `now` (zero for a date in the past).
    ///
    /// # Examples
    ///
    /// ```
    /// use std::time::SystemTime;
    ///
    /// assert_eq!(pardon::RetryAfter::seconds(7).delay_seconds(SystemTime::now()), 7);
    /// ```
    #[must_use]
    pub fn delay_seconds(&self, now: SystemTime) -> u64 {
        match self.0 {
            When::Seconds(s) => s,
            When::Date(t) => t.duration_since(now).map_or(0, |d| d.as_secs()),
        }
    }

    /// The header's value.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::RetryAfter::seconds(0).header_value(), "0");
    /// ```
    #[must_use]
    pub fn header_value(&self) -> String {
        match self.0 {
            When::Seconds(s) => s.to_string(),
            When::Date(t) => http_date(t),
        }
    }
}

/// Delay-seconds.
///
/// # Examples
///
/// ```
/// assert_eq!(pardon::RetryAfter::from(30_u64).header_value(), "30");
/// ```
impl From<u64> for RetryAfter {
    fn from(seconds: u64) -> RetryAfter {
        RetryAfter::seconds(seconds)
    }
}

/// Delay-seconds.
///
/// # Examples
///
/// ```
/// assert_eq!(pardon::RetryAfter::from(30_u32).header_value(), "30");
/// ```
impl From<u32> for RetryAfter {
    fn from(seconds: u32) -> RetryAfter {
        RetryAfter::seconds(u64::from(seconds))
    }
}

/// Delay-seconds, rounded up to a whole second.
///
/// # Examples
///
/// ```
/// use std::time::Duration;
///
/// assert_eq!(pardon::RetryAfter::from(Duration::from_millis(1500)).header_value(), "2");
/// ```
impl From<Duration> for RetryAfter {
    fn from(delay: Duration) -> RetryAfter {
        RetryAfter::seconds(delay.as_secs() + u64::from(delay.subsec_nanos() > 0))
    }
}

/// An HTTP-date.
///
/// # Examples
///
/// ```
/// let at = std::time::UNIX_EPOCH;
/// assert_eq!(pardon::RetryAfter::from(at).header_value(), "Thu, 01 Jan 1970 00:00:00 GMT");
/// ```
impl From<SystemTime> for RetryAfter {
    fn from(time: SystemTime) -> RetryAfter {
        RetryAfter::at(time)
    }
}

/// Formats `time` as an IMF-fixdate ([RFC 9110 §5.6.7](https://www.rfc-editor.org/rfc/rfc9110#section-5.6.7)).
fn http_date(time: SystemTime) -> String {
    let secs = time
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
        .as_secs();
    let days = secs / 86_400;
    let rem = secs % 86_400;
    let (year, month, day) = civil_from_days(days);
    const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let weekday = WEEKDAYS[(days % 7) as usize];
    let month_name = MONTHS[(month - 1) as usize];
    format!(
        "{weekday}, {day:02} {month_name} {year:04} {:02}:{:02}:{:02} GMT",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's
/// `civil_from_days`, for non-negative days).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

/// A `WWW-Authenticate` challenge
/// ([RFC 9110 §11.6.1](https://www.rfc-editor.org/rfc/rfc9110#section-11.6.1)); every 401
/// carries one.
///
/// # Examples
///
/// ```
/// use pardon::Challenge;
///
/// let c = Challenge::bearer("pardon-demo").with_error("invalid_token");
/// assert_eq!(c.to_string(), r#"Bearer realm="pardon-demo", error="invalid_token""#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Challenge {
    scheme: String,
    params: Vec<(String, String)>,
}

impl Challenge {
    /// A Bearer challenge ([RFC 6750 §3](https://www.rfc-editor.org/rfc/rfc6750#section-3)).
    ///
    /// # Examples
    ///
    /// ```
    /// let c = pardon::Challenge::bearer("shop");
    /// assert_eq!(c.to_string(), r#"Bearer realm="shop""#);
    /// ```
    #[must_use]
    pub fn bearer(realm: &str) -> Challenge {
        Challenge {
            scheme: "Bearer".to_owned(),
            params: vec![("realm".to_owned(), realm.to_owned())],
        }
    }

    /// Adds the `error` parameter (`invalid_request`, `invalid_token`, `insufficient_scope`).
    ///
    /// # Examples
    ///
    /// ```
    /// let c = pardon::Challenge::bearer("a").with_error("invalid_token");
    /// assert!(c.to_string().ends_with(r#"error="invalid_token""#));
    /// ```
    #[must_use]
    pub fn with_error(self, error: &str) -> Challenge {
        self.with_param("error", error)
    }

    /// Adds an auth-param; the value is sent as a quoted-string, escaped.
    ///
    /// # Examples
    ///
    /// ```
    /// let c = pardon::Challenge::bearer("a").with_param("scope", r#"say "hi""#);
    /// assert_eq!(c.to_string(), r#"Bearer realm="a", scope="say \"hi\"""#);
    /// ```
    #[must_use]
    pub fn with_param(mut self, name: &str, value: &str) -> Challenge {
        self.params.push((name.to_owned(), value.to_owned()));
        self
    }

    pub(crate) fn header_value(&self) -> Option<HeaderValue> {
        HeaderValue::from_str(&self.to_string()).ok()
    }
}

impl std::fmt::Display for Challenge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.scheme)?;
        for (i, (name, value)) in self.params.iter().enumerate() {
            f.write_str(if i == 0 { " " } else { ", " })?;
            // An auth-param name is a token (RFC 9110 §11.2): keep every token character.
            let name: String = name.chars().filter(|&c| is_tchar(c)).collect();
            let mut quoted = String::with_capacity(value.len() + 2);
            quoted.push('"');
            for c in value.chars().filter(|c| !c.is_control()) {
                if c == '"' || c == '\\' {
                    quoted.push('\\');
                }
                quoted.push(c);
            }
            quoted.push('"');
            write!(f, "{name}={quoted}")?;
        }
        Ok(())
    }
}

/// `tchar` of [RFC 9110 §5.6.2](https://www.rfc-editor.org/rfc/rfc9110#section-5.6.2).
fn is_tchar(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c)
}

/// Formats a list of methods for `Allow`.
pub(crate) fn allow_value(methods: &[http::Method]) -> String {
    let mut out = String::new();
    for (i, m) in methods.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "{m}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_dates_match_known_instants() {
        for (secs, text) in [
            (0, "Thu, 01 Jan 1970 00:00:00 GMT"),
            (784_111_777, "Sun, 06 Nov 1994 08:49:37 GMT"),
            (951_782_400, "Tue, 29 Feb 2000 00:00:00 GMT"),
            (4_133_980_799, "Fri, 31 Dec 2100 23:59:59 GMT"),
        ] {
            assert_eq!(http_date(UNIX_EPOCH + Duration::from_secs(secs)), text);
        }
    }

    #[test]
    fn a_past_date_means_retry_now() {
        let r = RetryAfter::at(UNIX_EPOCH);
        assert_eq!(r.delay_seconds(SystemTime::now()), 0);
    }

    #[test]
    fn challenge_drops_control_characters() {
        let c = Challenge::bearer("a\r\nb");
        assert_eq!(c.to_string(), r#"Bearer realm="ab""#);
        assert!(c.header_value().is_some());
    }

    #[test]
    fn challenge_parameter_names_keep_every_token_character() {
        let c = Challenge::bearer("a")
            .with_param("error_description", "x")
            .with_param("x-b.c~d", "y")
            .with_param("bad name\"=", "z");
        assert_eq!(
            c.to_string(),
            r#"Bearer realm="a", error_description="x", x-b.c~d="y", badname="z""#
        );
    }

    #[test]
    fn allow_lists_methods() {
        assert_eq!(
            allow_value(&[http::Method::GET, http::Method::HEAD]),
            "GET, HEAD"
        );
        assert_eq!(allow_value(&[]), "");
    }
}
