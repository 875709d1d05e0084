//! A problem document from arbitrary bytes: reading never panics, accepts exactly the
//! JSON objects, and writing it back loses no member (RFC 9457 §3.1: only a standard
//! member of the wrong type is ignored); a second round trip changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pardon::Problem;
use pardon::catalog::TypeUri;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let as_value = serde_json::from_slice::<Value>(data);
    let as_problem = serde_json::from_slice::<Problem>(data);
    let object = match (as_value, as_problem) {
        (Ok(Value::Object(object)), Ok(problem)) => (object, problem),
        (Ok(Value::Object(_)), Err(e)) => panic!("an object was refused: {e}"),
        (Ok(other), Ok(_)) => panic!("not an object, yet read: {other}"),
        (Err(_), Ok(_)) => panic!("invalid JSON was read"),
        _ => return,
    };
    let (input, problem) = object;
    let Value::Object(output) = serde_json::to_value(&problem).expect("a problem writes") else {
        panic!("a problem writes an object");
    };
    for (name, value) in &input {
        if is_ignored(name, value) {
            assert!(
                !output.contains_key(name),
                "{name}: {value} should be ignored"
            );
        } else {
            assert_eq!(
                output.get(name),
                Some(value),
                "member {name} lost or changed"
            );
        }
    }
    for name in output.keys() {
        assert!(input.contains_key(name), "{name} appeared from nowhere");
    }
    let again: Problem = serde_json::from_value(Value::Object(output.clone())).expect("reads back");
    let again = serde_json::to_value(&again).expect("writes again");
    assert_eq!(
        again,
        Value::Object(output),
        "a second round trip changed the document"
    );
});

/// A standard member whose value is not of its type.
fn is_ignored(name: &str, value: &Value) -> bool {
    match name {
        "title" | "detail" | "instance" => !value.is_string(),
        "type" => !value
            .as_str()
            .is_some_and(|s| TypeUri::try_from(s.to_owned()).is_ok()),
        "status" => !value
            .as_u64()
            .and_then(|n| u16::try_from(n).ok())
            .is_some_and(|n| http::StatusCode::from_u16(n).is_ok()),
        _ => false,
    }
}
