use std::collections::BTreeMap;

use proptest::prelude::*;
use serde::Deserialize;
use serde_json::{Value, json};

use super::*;

fn faults<T: DeserializeOwned + std::fmt::Debug>(body: Value) -> Vec<(String, String)> {
    from_json::<T>(&body)
        .unwrap_err()
        .iter()
        .map(|e| {
            (
                e.location().value().to_owned(),
                e.code().unwrap().as_str().to_owned(),
            )
        })
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(p, c)| ((*p).to_owned(), (*c).to_owned()))
        .collect()
}

#[derive(Debug, Deserialize, PartialEq)]
struct User {
    name: String,
    email: String,
    age: u8,
    nickname: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    address: Option<Address>,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Address {
    zip_code: String,
    city: String,
}

#[test]
fn every_fault_of_a_body_at_once_in_field_order() {
    let body = json!({"age": "old", "email": [], "address": {"zip_code": 12345}});
    assert_eq!(
        faults::<User>(body),
        pairs(&[
            ("#/name", "REQUIRED"),
            ("#/email", "INVALID_TYPE"),
            ("#/age", "INVALID_TYPE"),
            ("#/address/zip_code", "INVALID_TYPE"),
            ("#/address/city", "REQUIRED"),
        ])
    );
}

#[test]
fn optional_and_defaulted_fields_may_be_missing_and_null_is_none() {
    let user: User =
        from_json(&json!({"name": "Ada", "email": "a@b.c", "age": 36, "nickname": null})).unwrap();
    assert_eq!(user.nickname, None);
    assert!(user.tags.is_empty());
    assert_eq!(user.address, None);
}

#[test]
fn null_where_a_value_is_required_is_required() {
    let body = json!({"name": null, "email": "a@b.c", "age": 3});
    assert_eq!(faults::<User>(body), pairs(&[("#/name", "REQUIRED")]));
}

#[test]
fn integers_out_of_their_type_say_its_range() {
    let errors = from_json::<User>(&json!({"name": "n", "email": "e", "age": 256})).unwrap_err();
    let error = errors.iter().next().unwrap();
    assert_eq!(error.code().unwrap().as_str(), "OUT_OF_RANGE");
    assert_eq!(error.arg("min"), Some(&json!(0)));
    assert_eq!(error.arg("max"), Some(&json!(255)));
    let body = json!({"name": "n", "email": "e", "age": -1});
    assert_eq!(faults::<User>(body), pairs(&[("#/age", "OUT_OF_RANGE")]));
    let body = json!({"name": "n", "email": "e", "age": 1.5});
    assert_eq!(faults::<User>(body), pairs(&[("#/age", "INVALID_TYPE")]));
}

#[test]
fn a_number_without_a_fraction_is_an_integer_whatever_its_spelling() {
    // JSON Schema's `integer`, which an OpenAPI document promises: 30.0 is 30.
    let user = from_json::<User>(&json!({"name": "n", "email": "e", "age": 30.0})).unwrap();
    assert_eq!(user.age, 30);
    let body = json!({"name": "n", "email": "e", "age": 256.0});
    assert_eq!(faults::<User>(body), pairs(&[("#/age", "OUT_OF_RANGE")]));
    let body = json!({"name": "n", "email": "e", "age": 1e300});
    assert_eq!(faults::<User>(body), pairs(&[("#/age", "OUT_OF_RANGE")]));
    let body = json!({"name": "n", "email": "e", "age": -0.0});
    assert_eq!(from_json::<User>(&body).unwrap().age, 0);
}

/// `body` with every number that has no fraction written as an integer (where it fits).
fn integral_floats_as_integers(body: Value) -> Value {
    match body {
        Value::Number(n) if n.is_f64() => {
            let f = n.as_f64().unwrap_or(0.5);
            if f.fract() == 0.0 && (-9.2e18..=1.8e19).contains(&f) {
                if f < 0.0 {
                    json!(f as i64)
                } else {
                    json!(f as u64)
                }
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

#[test]
fn a_body_that_is_not_an_object_is_one_fault_at_the_root() {
    assert_eq!(
        faults::<User>(json!([1, 2])),
        pairs(&[("#", "INVALID_TYPE")])
    );
    assert_eq!(faults::<User>(json!("x")), pairs(&[("#", "INVALID_TYPE")]));
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Size {
    Small,
    Large,
    Custom(u16),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Shirt {
    size: Size,
    count: u32,
}

#[test]
fn unknown_variants_and_refused_keys_are_unknown_values() {
    let body = json!({"size": "huge", "colour": "red", "count": "2", "extra": 1});
    assert_eq!(
        faults::<Shirt>(body),
        pairs(&[
            ("#/size", "UNKNOWN_VALUE"),
            ("#/count", "INVALID_TYPE"),
            ("#/colour", "UNKNOWN_VALUE"),
            ("#/extra", "UNKNOWN_VALUE"),
        ])
    );
    let shirt: Shirt = from_json(&json!({"size": {"custom": 48}, "count": 1})).unwrap();
    assert!(matches!(shirt.size, Size::Custom(48)));
    let body = json!({"size": {"custom": "big"}, "count": 1});
    assert_eq!(
        faults::<Shirt>(body),
        pairs(&[("#/size/custom", "INVALID_TYPE")])
    );
}

/// A type whose own `Deserialize` refuses values serde's types would take.
#[derive(Debug)]
struct Even(#[allow(dead_code)] u32);

impl<'de> Deserialize<'de> for Even {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = u32::deserialize(d)?;
        if n % 2 == 0 {
            Ok(Even(n))
        } else {
            Err(serde::de::Error::custom("odd"))
        }
    }
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Pair {
    first: String,
    even: Even,
    last: String,
}

#[test]
fn a_value_a_hand_written_deserialize_refuses_ends_the_search() {
    let body = json!({"first": 1, "even": 3, "last": 2});
    assert_eq!(
        faults::<Pair>(body),
        pairs(&[("#/first", "INVALID_TYPE"), ("#/even", "INVALID_FORMAT")])
    );
}

#[test]
fn checks_run_on_stand_ins_but_report_only_where_the_shape_is_sound() {
    let check = |user: &User| {
        let mut errors = FieldErrors::new();
        for (field, bad) in [("name", user.name.len() < 2), ("age", user.age < 18)] {
            if bad {
                errors.push(FieldError::pointer(
                    JsonPointer::root().push(field),
                    &crate::builtin::field::TOO_SHORT,
                ));
            }
        }
        errors
    };
    let body = json!({"email": "e", "age": 12});
    let found: Vec<(String, String)> = from_json_checked(&body, check)
        .unwrap_err()
        .iter()
        .map(|e| {
            (
                e.location().value().to_owned(),
                e.code().unwrap().as_str().to_owned(),
            )
        })
        .collect();
    // `name` is missing: REQUIRED, not also too short; `age` is sound and too low.
    assert_eq!(
        found,
        pairs(&[("#/name", "REQUIRED"), ("#/age", "TOO_SHORT")])
    );
    let fine = json!({"name": "Ada", "email": "e", "age": 36});
    assert!(from_json_checked(&fine, check).is_ok());
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
    any: Value,
}

impl PartialEq for Size {
    fn eq(&self, other: &Size) -> bool {
        format!("{self:?}") == format!("{other:?}")
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (0u64..300).prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "[a-z]{0,2}".prop_map(Value::from),
        prop::sample::select(vec!["small", "large", "huge"]).prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(
                prop::sample::select(vec![
                    "text", "small", "big", "ratio", "flag", "letter", "list", "pair", "map",
                    "maybe", "size", "any", "custom", "other",
                ])
                .prop_map(str::to_owned),
                inner,
                0..12
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// serde_json's reading is the reference: the same bodies are accepted (and those
    /// whose integers are written with `.0`), into the same values; a refused body gets at least one field error, each at a place in the body
    /// or at a field the type declares.
    #[test]
    fn accepts_exactly_what_serde_json_accepts(body in json_value()) {
        let reference = serde_json::from_value::<Everything>(body.clone());
        let ours = from_json::<Everything>(&body);
        match (reference, ours) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
            (Err(_), Err(errors)) => prop_assert!(!errors.is_empty()),
            (Ok(_), Err(errors)) => prop_assert!(false, "refused what serde takes: {errors:?}"),
            // A number without a fraction is an integer, which serde_json reads only
            // when it is written without one.
            (Err(e), Ok(_)) => prop_assert!(
                serde_json::from_value::<Everything>(integral_floats_as_integers(body)).is_ok(),
                "took what serde refuses: {e}"
            ),
        }
    }
}

/// An enum whose first variant holds the enum: its stand-in must not nest without end.
#[derive(Debug, Deserialize)]
#[allow(dead_code)]
enum Expr {
    Neg(Box<Expr>),
    Lit(i64),
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Query {
    expr: Expr,
    limit: u8,
}

#[test]
fn a_type_that_holds_itself_is_stood_in_for_a_bounded_depth() {
    for body in [
        json!({"expr": 5, "limit": "x"}),
        json!({}),
        json!({"expr": {"Neg": 1}}),
    ] {
        let errors = from_json::<Query>(&body).unwrap_err();
        assert!(!errors.is_empty(), "{body}");
    }
    let q: Query = from_json(&json!({"expr": {"Neg": {"Lit": 2}}, "limit": 3})).unwrap();
    assert!(matches!(q.expr, Expr::Neg(_)));
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Pairs {
    items: Vec<Pair2>,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Pair2 {
    a: u32,
    b: u32,
}

#[test]
fn what_a_struct_requires_is_learned_once_for_every_place_and_faults_are_capped() {
    // 300 empty items: two missing fields each, learned in two passes, not 600.
    let items: Vec<Value> = (0..300).map(|_| json!({})).collect();
    let errors = from_json::<Pairs>(&json!({ "items": items })).unwrap_err();
    assert_eq!(errors.len(), 100, "capped");
    let first: Vec<(String, &str)> = errors
        .iter()
        .take(3)
        .map(|e| (e.location().value().to_owned(), e.code().unwrap().as_str()))
        .collect();
    assert_eq!(
        first,
        [
            ("#/items/0/a".to_owned(), "REQUIRED"),
            ("#/items/0/b".to_owned(), "REQUIRED"),
            ("#/items/1/a".to_owned(), "REQUIRED"),
        ]
    );
    // Many wrong values: the first hundred, in order.
    let wrong: Vec<Value> = (0..20_000).map(|i| json!(format!("{i}"))).collect();
    let errors = from_json::<Vec<u32>>(&Value::Array(wrong)).unwrap_err();
    assert_eq!(errors.len(), 100);
    assert_eq!(errors.iter().next().unwrap().location().value(), "#/0");
}

#[test]
fn number_and_boolean_map_keys_are_read_from_their_text() {
    let map: std::collections::HashMap<u32, String> =
        from_json(&json!({"1": "a", "22": "b"})).unwrap();
    assert_eq!(map[&22], "b");
    let flags: BTreeMap<bool, u8> = from_json(&json!({"true": 1})).unwrap();
    assert_eq!(flags[&true], 1);
    assert!(from_json::<BTreeMap<u8, u8>>(&json!({"300": 1})).is_err());
}

/// A type that checks its own text, as `Uuid` or a date does.
#[derive(Debug)]
struct Email(#[allow(dead_code)] String);

impl<'de> Deserialize<'de> for Email {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        if text.contains('@') {
            Ok(Email(text))
        } else {
            Err(serde::de::Error::custom("not an email"))
        }
    }
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Account {
    email: Email,
    age: u8,
    nickname: String,
}

#[test]
fn a_missing_field_whose_type_refuses_its_stand_in_is_required_after_the_present_ones() {
    let body = json!({"age": "x", "nickname": 3});
    assert_eq!(
        faults::<Account>(body),
        pairs(&[
            ("#/email", "REQUIRED"),
            ("#/age", "INVALID_TYPE"),
            ("#/nickname", "INVALID_TYPE")
        ])
    );
}

#[test]
fn a_check_that_panics_on_a_stand_in_leaves_the_shape_faults() {
    let check = |user: &User| -> FieldErrors {
        assert!(!user.name.is_empty(), "a check that trusts its input");
        FieldErrors::new()
    };
    let errors = from_json_checked(&json!({"email": "e", "age": 20}), check).unwrap_err();
    assert_eq!(errors.iter().next().unwrap().location().value(), "#/name");
}
