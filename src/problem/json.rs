//! Serde for [`Problem`]: the JSON members, in RFC 9457 order, losing nothing on the way
//! back in.

use std::fmt;

use http::StatusCode;
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use super::texts::Text;
use super::{FieldError, Problem};
use crate::catalog::{Code, TypeUri};

/// One member of a problem, borrowed, in the order every format writes them.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Member<'a> {
    Text(&'a str),
    Status(u16),
    Json(&'a Value),
    Errors(&'a [FieldError]),
}

impl Problem {
    /// The members to write, in RFC 9457 order: the standard members, `code`, the
    /// extensions, then `errors`; each key once.
    pub(crate) fn members(&self) -> impl Iterator<Item = (&str, Member<'_>)> {
        let parts = &self.0;
        let standard = [
            (
                "type",
                parts.type_uri.as_ref().map(|t| Member::Text(t.as_str())),
            ),
            ("title", parts.title.as_deref().map(Member::Text)),
            ("status", parts.status.map(|s| Member::Status(s.as_u16()))),
            ("detail", self.detail().map(Member::Text)),
            ("instance", self.instance().map(Member::Text)),
            (
                "code",
                parts.code.as_ref().map(|c| Member::Text(c.as_str())),
            ),
        ];
        let standard = standard
            .into_iter()
            .filter_map(|(name, member)| Some((name, member?)));
        // A raw `code`, `request_id` or `errors` yields to the typed member.
        let request_id = self.request_id();
        let extensions = parts.extensions.iter().filter(move |(name, _)| {
            !((*name == "code" && parts.code.is_some())
                || (*name == "request_id" && request_id.is_some())
                || (*name == "errors" && !parts.errors.is_empty()))
        });
        let errors =
            (!parts.errors.is_empty()).then_some(("errors", Member::Errors(&parts.errors)));
        standard
            .chain(extensions.map(|(name, value)| (name, Member::Json(value))))
            .chain(request_id.map(|id| ("request_id", Member::Text(id))))
            .chain(errors)
    }
}

impl Serialize for Member<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Member::Text(text) => serializer.serialize_str(text),
            Member::Status(status) => serializer.serialize_u16(*status),
            Member::Json(value) => value.serialize(serializer),
            Member::Errors(errors) => errors.serialize(serializer),
        }
    }
}

impl Serialize for Problem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for (name, member) in self.members() {
            map.serialize_entry(name, &member)?;
        }
        map.end()
    }
}

/// Reads any RFC 9457 document.
///
/// A standard member whose value has the wrong JSON type is ignored, as
/// [RFC 9457 §3.1](https://www.rfc-editor.org/rfc/rfc9457#section-3.1) says. `code` and
/// `errors` are typed when they fit this crate's model and otherwise kept, unchanged, as
/// extension members; every other member is kept as an extension. A key that appears
/// twice keeps its last value.
impl<'de> Deserialize<'de> for Problem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ProblemVisitor)
    }
}

struct ProblemVisitor;

impl<'de> Visitor<'de> for ProblemVisitor {
    type Value = Problem;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a problem details object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Problem, A::Error> {
        let mut problem = Problem::default();
        while let Some(key) = access.next_key::<String>()? {
            let value: Value = access.next_value()?;
            read_member(&mut problem, key, value);
        }
        Ok(problem)
    }
}

fn read_member(problem: &mut Problem, key: String, value: Value) {
    let text = || value.as_str().map(str::to_owned);
    match key.as_str() {
        "type" => problem.parts().type_uri = text().and_then(|s| TypeUri::try_from(s).ok()),
        "title" => problem.parts().title = text(),
        "detail" => problem.set_text(Text::Detail, value.as_str()),
        "instance" => problem.set_text(Text::Instance, value.as_str()),
        "request_id" => match value.as_str() {
            Some(id) => {
                problem.set_text(Text::RequestId, Some(id));
                problem.parts().extensions.remove("request_id");
            }
            None => {
                problem.set_text(Text::RequestId, None);
                problem.parts().extensions.set("request_id", value);
            }
        },
        "status" => {
            problem.parts().status = value
                .as_u64()
                .and_then(|n| u16::try_from(n).ok())
                .and_then(|n| StatusCode::from_u16(n).ok());
        }
        "code" => match text().map(Code::try_from) {
            Some(Ok(code)) => {
                problem.parts().code = Some(code);
                problem.parts().extensions.remove("code");
            }
            _ => {
                problem.parts().code = None;
                problem.parts().extensions.set("code", value);
            }
        },
        "errors" => {
            let typed: Option<Vec<FieldError>> = value
                .as_array()
                .filter(|entries| !entries.is_empty())
                .and_then(|entries| entries.iter().map(FieldError::from_json).collect());
            match typed {
                Some(errors) => {
                    problem.parts().errors = errors;
                    problem.parts().extensions.remove("errors");
                }
                None => {
                    problem.parts().errors.clear();
                    problem.parts().extensions.set("errors", value);
                }
            }
        }
        _ => problem.parts().extensions.set(&key, value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn round_trip(doc: Value) -> Value {
        let problem: Problem = serde_json::from_value(doc).unwrap();
        serde_json::to_value(&problem).unwrap()
    }

    #[test]
    fn an_empty_member_read_before_a_repeated_one_is_kept() {
        let read: Problem =
            serde_json::from_str(r#"{"instance":"/ab","detail":"","instance":"/b"}"#).unwrap();
        assert_eq!(read.detail(), Some(""));
        assert_eq!(read.instance(), Some("/b"));
    }

    #[test]
    fn a_request_id_is_its_own_member_written_once_after_the_extensions() {
        let p = Problem::default()
            .with_request_id("r-1")
            .with_extension("request_id", "raw")
            .unwrap()
            .with_extension("limit", 5)
            .unwrap();
        assert_eq!(p.request_id(), Some("r-1"));
        let text = serde_json::to_string(&p).unwrap();
        assert_eq!(text, r#"{"limit":5,"request_id":"r-1"}"#);

        let read: Problem = serde_json::from_str(r#"{"request_id":"r-2","a":1}"#).unwrap();
        assert_eq!(read.request_id(), Some("r-2"));
        assert_eq!(read.extension("request_id"), None);
        // Not text: kept as it came, as an extension member.
        let odd = json!({"request_id": 42, "a": 1});
        let read: Problem = serde_json::from_value(odd.clone()).unwrap();
        assert_eq!(read.request_id(), None);
        assert_eq!(round_trip(odd.clone()), odd);
        // The last of repeated members wins, as for every other member.
        let read: Problem = serde_json::from_str(r#"{"request_id":7,"request_id":"r-3"}"#).unwrap();
        assert_eq!(
            serde_json::to_value(&read).unwrap(),
            json!({"request_id": "r-3"})
        );
        let read: Problem = serde_json::from_str(r#"{"request_id":"r-3","request_id":7}"#).unwrap();
        assert_eq!(
            serde_json::to_value(&read).unwrap(),
            json!({"request_id": 7})
        );
    }

    #[test]
    fn wrong_typed_standard_members_are_ignored() {
        let p: Problem = serde_json::from_value(json!({
            "type": 5, "title": ["x"], "status": "404", "detail": null, "instance": {}
        }))
        .unwrap();
        assert!(p.type_uri().is_about_blank());
        assert_eq!(p.title(), None);
        assert_eq!(p.status(), None);
        assert_eq!(p.detail(), None);
        assert_eq!(p.instance(), None);
        assert_eq!(serde_json::to_value(&p).unwrap(), json!({}));
    }

    #[test]
    fn out_of_range_and_fractional_statuses_are_ignored() {
        for status in [
            json!(1000),
            json!(99),
            json!(404.5),
            json!(-404),
            json!(70000),
        ] {
            let p: Problem = serde_json::from_value(json!({ "status": status })).unwrap();
            assert_eq!(p.status(), None, "{status}");
        }
    }

    #[test]
    fn untyped_code_and_errors_are_kept_as_they_were() {
        let doc = json!({"code": "not-upper", "errors": [{"weird": true}]});
        assert_eq!(round_trip(doc.clone()), doc);
        let doc = json!({"errors": []});
        assert_eq!(round_trip(doc.clone()), doc);
    }

    #[test]
    fn a_duplicate_key_keeps_its_last_value_once() {
        let p: Problem =
            serde_json::from_str(r#"{"a": 1, "a": 2, "code": "X", "code": "y"}"#).unwrap();
        let text = serde_json::to_string(&p).unwrap();
        assert_eq!(text, r#"{"a":2,"code":"y"}"#);
    }

    #[test]
    fn not_an_object_is_an_error() {
        assert!(serde_json::from_str::<Problem>("[1]").is_err());
        assert!(serde_json::from_str::<Problem>("\"x\"").is_err());
    }
}
