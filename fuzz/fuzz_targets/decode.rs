//! Typed bodies: `pardon::decode` takes exactly what serde_json takes, into the same
//! value, and a refused body always has at least one field error, each at a pointer.
#![no_main]

use std::collections::BTreeMap;

use libfuzzer_sys::fuzz_target;
use serde::Deserialize;
use serde_json::Value;

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "snake_case")]
enum Size {
    Small,
    Large,
    Custom(u16),
    Box { width: u8, height: u8 },
}

/// An enum whose first variant holds the enum: stand-ins must stay bounded.
#[derive(Debug, Deserialize, PartialEq)]
enum Expr {
    Neg(Box<Expr>),
    Lit(i64),
}

#[derive(Debug, Deserialize, PartialEq)]
struct Everything {
    text: String,
    small: i8,
    big: u64,
    ratio: f64,
    flag: bool,
    letter: char,
    list: Vec<u16>,
    pair: (bool, String),
    map: BTreeMap<String, i32>,
    maybe: Option<Box<Everything>>,
    size: Option<Size>,
    #[serde(default)]
    sizes: Vec<Size>,
    any: Value,
    expr: Option<Expr>,
    keyed: BTreeMap<u16, bool>,
}

fuzz_target!(|data: &[u8]| {
    let Ok(body) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    let reference = serde_json::from_value::<Everything>(body.clone());
    let ours = pardon::decode::from_json::<Everything>(&body);
    match (reference, ours) {
        (Ok(a), Ok(b)) => assert_eq!(a, b),
        (Err(_), Err(errors)) => {
            assert!(!errors.is_empty());
            for error in errors.iter() {
                assert_eq!(error.location().member(), "pointer");
                assert!(error.location().value().starts_with('#'));
            }
        }
        (Ok(_), Err(errors)) => panic!("refused what serde takes: {errors:?}"),
        // A number without a fraction is an integer (as JSON Schema counts it), which
        // serde_json reads only when it is written without one.
        (Err(e), Ok(_)) => assert!(
            serde_json::from_value::<Everything>(integral_floats_as_integers(body)).is_ok(),
            "took what serde refuses: {e}"
        ),
    }
});

/// `body` with every number that has no fraction written as an integer (where it fits).
fn integral_floats_as_integers(body: Value) -> Value {
    match body {
        Value::Number(n) if n.is_f64() => {
            let f = n.as_f64().unwrap_or(0.5);
            if f.fract() == 0.0 && (-9.2e18..=1.8e19).contains(&f) {
                if f < 0.0 { Value::from(f as i64) } else { Value::from(f as u64) }
            } else {
                Value::Number(n)
            }
        }
        Value::Array(items) => items.into_iter().map(integral_floats_as_integers).collect(),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, integral_floats_as_integers(v)))
                .collect(),
        ),
        other => other,
    }
}
