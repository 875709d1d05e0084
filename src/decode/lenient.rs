//! A serde `Deserializer` over a `serde_json::Value` that keeps going past a bad value:
//! it writes down where and why, hands the visitor a stand-in of the wanted kind, and
//! goes on to the next value, so one pass finds every value of the wrong kind.
//!
//! What it cannot see before the visitor runs (a field the type requires but the body
//! lacks, a key it refuses, a value a hand-written `Deserialize` rejects) stops the pass
//! with an [`Error`] that says where; the driver in `mod.rs` learns from it and runs again.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::de::{self, DeserializeSeed, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor};
use serde_json::{Map, Number, Value};

use crate::FieldError;
use crate::JsonPointer;
use crate::catalog::{FieldCode, builtin::field};

/// Where a value is: a chain of keys and indexes up to the body, kept on the stack.
#[derive(Clone, Copy)]
pub(super) enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    pub(super) fn pointer(&self) -> JsonPointer {
        match self {
            Path::Root => JsonPointer::root(),
            Path::Key(parent, key) => parent.pointer().push(key),
            Path::Index(parent, index) => parent.pointer().push_index(*index),
        }
    }
}

/// The field code of a fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Code {
    Required,
    InvalidType,
    OutOfRange,
    UnknownValue,
    InvalidFormat,
}

impl Code {
    /// The field error for this fault at `pointer`.
    pub(super) fn at(self, pointer: JsonPointer) -> FieldError {
        FieldError::pointer(pointer, &self.field_code())
    }

    /// The field error for this fault in the parameter `name`.
    pub(super) fn in_parameter(self, name: &str) -> FieldError {
        FieldError::parameter(name, &self.field_code())
    }

    fn field_code(self) -> FieldCode {
        match self {
            Code::Required => field::REQUIRED,
            Code::InvalidType => field::INVALID_TYPE,
            Code::OutOfRange => field::OUT_OF_RANGE,
            Code::UnknownValue => field::UNKNOWN_VALUE,
            Code::InvalidFormat => field::INVALID_FORMAT,
        }
    }
}

/// A fault found in a pass: its field code, place and message arguments.
#[derive(Debug, Clone)]
pub(super) struct Fault {
    pub(super) pointer: JsonPointer,
    pub(super) code: Code,
    pub(super) args: Vec<(&'static str, Value)>,
}

/// A struct type, as serde names it: its name and its fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct StructId(&'static str, usize, usize);

impl StructId {
    fn of(name: &'static str, fields: &'static [&'static str]) -> StructId {
        StructId(name, fields.as_ptr() as usize, fields.len())
    }
}

/// How many faults a pass keeps: a body with more is answered with the first ones.
pub(super) const MAX_FAULTS: usize = 100;

/// What earlier passes learned, and what this pass finds.
#[derive(Default)]
pub(super) struct Pass {
    /// Per struct (by pointer): fields the type requires that the body lacks; a pass
    /// gives them stand-ins and reports each as `REQUIRED`.
    pub(super) required: HashMap<StructId, Vec<&'static str>>,
    /// Per object (by pointer): keys the type refuses; a pass leaves them out and
    /// reports each as `UNKNOWN_VALUE`.
    pub(super) refused: HashMap<StructId, HashSet<String>>,
    /// Which struct type was read where, in this pass: what a stop at a place teaches is
    /// learned for the type, for every place it occurs.
    pub(super) structs: RefCell<HashMap<String, StructId>>,
    pub(super) faults: RefCell<Vec<Fault>>,
    /// Values are text from a URL (path or query parameters): a number or a boolean is
    /// read from its digits or `true`/`false`.
    pub(super) from_text: bool,
    /// Every pointer the pass went through, in order: the order faults are reported in.
    pub(super) visited: RefCell<Vec<String>>,
}

impl Pass {
    fn fault(&self, path: &Path<'_>, code: Code) {
        self.fault_with(path.pointer(), code, Vec::new());
    }

    fn fault_with(&self, pointer: JsonPointer, code: Code, args: Vec<(&'static str, Value)>) {
        let mut faults = self.faults.borrow_mut();
        if faults.len() >= MAX_FAULTS {
            return;
        }
        faults.push(Fault {
            pointer,
            code,
            args,
        });
    }
}

/// Why a pass stopped.
#[derive(Debug)]
pub(super) struct Error {
    pub(super) kind: Stop,
    /// Where, once the innermost value that saw it has said so.
    pub(super) pointer: Option<JsonPointer>,
}

#[derive(Debug)]
pub(super) enum Stop {
    /// The struct at the pointer lacks this field.
    MissingField(&'static str),
    /// The object at the pointer has this key, which the type refuses.
    UnknownField(String),
    /// The value at the pointer is of the right kind but not acceptable.
    Rejected(Code),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.kind)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Error::stop(Stop::Rejected(Code::InvalidFormat))
    }
    fn invalid_type(_: de::Unexpected<'_>, _: &dyn de::Expected) -> Self {
        Error::stop(Stop::Rejected(Code::InvalidType))
    }
    fn unknown_variant(_: &str, _: &'static [&'static str]) -> Self {
        Error::stop(Stop::Rejected(Code::UnknownValue))
    }
    fn unknown_field(field: &str, _: &'static [&'static str]) -> Self {
        Error::stop(Stop::UnknownField(field.to_owned()))
    }
    fn missing_field(field: &'static str) -> Self {
        Error::stop(Stop::MissingField(field))
    }
}

impl Error {
    fn stop(kind: Stop) -> Error {
        Error {
            kind,
            pointer: None,
        }
    }
}

/// The deserializer for one value (or for a value the body lacks: `value` is `None`).
/// `quiet` inside a stand-in: nothing there is reported, the stand-in's own fault is.
pub(super) struct Lenient<'de, 'p> {
    pub(super) value: Option<&'de Value>,
    pub(super) path: Path<'p>,
    pub(super) pass: &'p Pass,
    pub(super) quiet: bool,
    /// How many stand-ins deep this value is: a type that holds itself (an enum whose
    /// first variant boxes the enum) would otherwise be stood in for without end.
    pub(super) stand_ins: u8,
}

/// The deepest a stand-in may hold stand-ins of its own.
const MAX_STAND_IN_DEPTH: u8 = 16;

impl<'de, 'p> Lenient<'de, 'p> {
    fn child(&self, value: Option<&'de Value>, path: Path<'p>, quiet: bool) -> Lenient<'de, 'p> {
        Lenient {
            value,
            path,
            pass: self.pass,
            quiet,
            stand_ins: self.deeper(value),
        }
    }

    /// The stand-in depth of a child holding `value`.
    fn deeper(&self, value: Option<&Value>) -> u8 {
        match value {
            Some(_) => 0,
            None => self.stand_ins.saturating_add(1),
        }
    }

    /// Stops the pass when stand-ins nest too deep (see `stand_ins`).
    fn bounded(&self) -> Result<(), Error> {
        if self.stand_ins > MAX_STAND_IN_DEPTH {
            return Err(Error {
                kind: Stop::Rejected(Code::InvalidFormat),
                pointer: Some(self.path.pointer()),
            });
        }
        Ok(())
    }

    /// Notes where a stop happened, if no deeper value did.
    fn locate<T>(&self, result: Result<T, Error>) -> Result<T, Error> {
        result.map_err(|mut e| {
            if e.pointer.is_none() {
                e.pointer = Some(self.path.pointer());
            }
            e
        })
    }

    /// A value of the wrong kind, or none where one is needed: reported unless quiet.
    fn wrong_kind(&self) {
        if !self.quiet {
            let code = match self.value {
                None | Some(Value::Null) => Code::Required,
                // Text where a number was wanted: the text is of the wrong form.
                Some(Value::String(_)) if self.pass.from_text => Code::InvalidFormat,
                Some(_) => Code::InvalidType,
            };
            self.pass.fault(&self.path, code);
        }
    }

    fn visit(&self) {
        if !self.quiet {
            self.visit_at(&self.path);
        }
    }

    fn visit_at(&self, path: &Path<'_>) {
        let pointer = path.pointer().as_str().to_owned();
        self.pass.visited.borrow_mut().push(pointer);
    }

    fn integer<V: Visitor<'de>>(self, visitor: V, min: i128, max: i128) -> Result<V::Value, Error> {
        self.visit();
        let number = match self.value {
            Some(Value::Number(n)) => n
                .as_i64()
                .map(i128::from)
                .or_else(|| n.as_u64().map(i128::from))
                // JSON has one kind of number: `18.0` is the integer 18, as JSON Schema
                // counts it (the cast saturates, and the range check below catches it).
                .or_else(|| {
                    n.as_f64()
                        .filter(|f| f.is_finite() && f.fract() == 0.0)
                        .map(|f| f as i128)
                }),
            Some(Value::String(s)) if self.pass.from_text => s.parse::<i128>().ok(),
            _ => None,
        };
        let n = match number {
            Some(n) if (min..=max).contains(&n) => n,
            Some(_) => {
                if !self.quiet {
                    // A bound a JavaScript number cannot hold exactly is left out (the
                    // message then takes its generic form).
                    let exact = |n: i128| n.unsigned_abs() <= 1 << 53;
                    let args = if exact(min) && exact(max) {
                        vec![("min", number_value(min)), ("max", number_value(max))]
                    } else {
                        Vec::new()
                    };
                    self.pass
                        .fault_with(self.path.pointer(), Code::OutOfRange, args);
                }
                0
            }
            None => {
                self.wrong_kind();
                0
            }
        };
        let result = if n < 0 {
            visitor.visit_i64(i64::try_from(n).unwrap_or(0))
        } else {
            visitor.visit_u64(u64::try_from(n).unwrap_or(0))
        };
        self.locate(result)
    }
}

fn number_value(n: i128) -> Value {
    i64::try_from(n)
        .map(Value::from)
        .or_else(|_| u64::try_from(n).map(Value::from))
        .unwrap_or(Value::Null)
}

macro_rules! integer {
    ($($method:ident: $ty:ty),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            self.integer(visitor, i128::from(<$ty>::MIN), i128::from(<$ty>::MAX))
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Lenient<'de, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.bounded()?;
        self.visit();
        let result = match self.value {
            None => {
                self.wrong_kind();
                visitor.visit_unit()
            }
            Some(Value::Null) => visitor.visit_unit(),
            Some(Value::Bool(b)) => visitor.visit_bool(*b),
            Some(Value::Number(n)) => visit_number(n, visitor),
            Some(Value::String(s)) => visitor.visit_borrowed_str(s),
            Some(Value::Array(items)) => visitor.visit_seq(Items::new(&self, items)),
            Some(Value::Object(map)) => visitor.visit_map(Members::any(&self, map)),
        };
        self.locate(result)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.visit();
        let b = match self.value {
            Some(Value::Bool(b)) => *b,
            Some(Value::String(s)) if self.pass.from_text && (s == "true" || s == "false") => {
                s == "true"
            }
            _ => {
                self.wrong_kind();
                false
            }
        };
        let result = visitor.visit_bool(b);
        self.locate(result)
    }

    integer!(
        deserialize_i8: i8, deserialize_i16: i16, deserialize_i32: i32, deserialize_i64: i64,
        deserialize_u8: u8, deserialize_u16: u16, deserialize_u32: u32, deserialize_u64: u64
    );

    fn deserialize_i128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.integer(visitor, i128::from(i64::MIN), i128::from(u64::MAX))
    }

    fn deserialize_u128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.integer(visitor, 0, i128::from(u64::MAX))
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.visit();
        let text = match self.value {
            Some(Value::String(s)) if self.pass.from_text => s.parse::<f64>().ok(),
            _ => None,
        };
        let f = match (self.value, text) {
            (_, Some(f)) if f.is_finite() => f,
            (Some(Value::Number(n)), _) => n.as_f64().unwrap_or(0.0),
            _ => {
                self.wrong_kind();
                0.0
            }
        };
        let result = visitor.visit_f64(f);
        self.locate(result)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.visit();
        let mut chars = match self.value {
            Some(Value::String(s)) => s.chars(),
            _ => "".chars(),
        };
        let c = match (chars.next(), chars.next()) {
            (Some(c), None) => c,
            _ => {
                if matches!(self.value, Some(Value::String(_))) {
                    if !self.quiet {
                        self.pass.fault(&self.path, Code::InvalidFormat);
                    }
                } else {
                    self.wrong_kind();
                }
                ' '
            }
        };
        let result = visitor.visit_char(c);
        self.locate(result)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.visit();
        let result = match self.value {
            Some(Value::String(s)) => visitor.visit_borrowed_str(s),
            _ => {
                self.wrong_kind();
                visitor.visit_borrowed_str("")
            }
        };
        self.locate(result)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_any(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_any(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.bounded()?;
        let result = match self.value {
            None | Some(Value::Null) => {
                self.visit();
                visitor.visit_none()
            }
            Some(_) => {
                let path = self.path;
                let inner = self.child(self.value, path, self.quiet);
                visitor.visit_some(inner)
            }
        };
        self.locate(result)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.visit();
        if !matches!(self.value, Some(Value::Null)) {
            self.wrong_kind();
        }
        let result = visitor.visit_unit();
        self.locate(result)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.bounded()?;
        let inner = self.child(self.value, self.path, self.quiet);
        let result = visitor.visit_newtype_struct(inner);
        self.locate(result)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.bounded()?;
        self.visit();
        let result = match self.value {
            Some(Value::Array(items)) => visitor.visit_seq(Items::new(&self, items)),
            _ => {
                self.wrong_kind();
                visitor.visit_seq(Items::new(&self, &[]))
            }
        };
        self.locate(result)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, Error> {
        self.bounded()?;
        self.visit();
        let result = match self.value {
            Some(Value::Array(items)) if items.len() == len => {
                visitor.visit_seq(Items::new(&self, items))
            }
            _ => {
                if let Some(Value::Array(_)) = self.value {
                    if !self.quiet {
                        self.pass.fault(&self.path, Code::InvalidFormat);
                    }
                } else {
                    self.wrong_kind();
                }
                visitor.visit_seq(Items::stand_ins(&self, len))
            }
        };
        self.locate(result)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_tuple(len, visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.bounded()?;
        self.visit();
        let result = match self.value {
            Some(Value::Object(map)) => visitor.visit_map(Members::any(&self, map)),
            _ => {
                self.wrong_kind();
                visitor.visit_map(Members::stand_in(&self, &[]))
            }
        };
        self.locate(result)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.bounded()?;
        self.visit();
        let result = match self.value {
            Some(Value::Object(map)) => {
                let id = StructId::of(name, fields);
                let here = self.path.pointer().as_str().to_owned();
                self.pass.structs.borrow_mut().insert(here, id);
                visitor.visit_map(Members::fields(&self, map, id, fields))
            }
            _ => {
                self.wrong_kind();
                visitor.visit_map(Members::stand_in(&self, fields))
            }
        };
        self.locate(result)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.bounded()?;
        self.visit();
        let first = variants.first().copied().unwrap_or("");
        let result = match self.value {
            Some(Value::String(s)) if variants.contains(&s.as_str()) => {
                visitor.visit_enum(Variant::unit(&self, s))
            }
            Some(Value::Object(map)) if map.len() == 1 => {
                let (name, content) = map
                    .iter()
                    .next()
                    .map_or(("", None), |(k, v)| (k.as_str(), Some(v)));
                if variants.contains(&name) {
                    let path = Path::Key(&self.path, name);
                    let inner = self.child(content, path, self.quiet);
                    let result = visitor.visit_enum(Variant {
                        name,
                        content: inner,
                    });
                    return self.locate(result);
                }
                if !self.quiet {
                    self.pass.fault(&self.path, Code::UnknownValue);
                }
                visitor.visit_enum(Variant::stand_in(&self, first))
            }
            Some(Value::String(_)) => {
                if !self.quiet {
                    self.pass.fault(&self.path, Code::UnknownValue);
                }
                visitor.visit_enum(Variant::stand_in(&self, first))
            }
            _ => {
                self.wrong_kind();
                visitor.visit_enum(Variant::stand_in(&self, first))
            }
        };
        self.locate(result)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
}

/// `result`, its stop placed at `path` unless a deeper value placed it.
fn located<T>(result: Result<T, Error>, path: &Path<'_>) -> Result<T, Error> {
    result.map_err(|mut e| {
        if e.pointer.is_none() {
            e.pointer = Some(path.pointer());
        }
        e
    })
}

fn visit_number<'de, V: Visitor<'de>>(n: &Number, visitor: V) -> Result<V::Value, Error> {
    if let Some(u) = n.as_u64() {
        visitor.visit_u64(u)
    } else if let Some(i) = n.as_i64() {
        visitor.visit_i64(i)
    } else {
        visitor.visit_f64(n.as_f64().unwrap_or(0.0))
    }
}

/// The elements of an array, or `len` stand-ins (quiet) where one of that length was
/// needed.
struct Items<'de, 'p, 'l> {
    parent: &'l Lenient<'de, 'p>,
    items: &'de [Value],
    stand_ins: usize,
    next: usize,
}

impl<'de, 'p, 'l> Items<'de, 'p, 'l> {
    fn new(parent: &'l Lenient<'de, 'p>, items: &'de [Value]) -> Self {
        Items {
            parent,
            items,
            stand_ins: 0,
            next: 0,
        }
    }

    fn stand_ins(parent: &'l Lenient<'de, 'p>, len: usize) -> Self {
        Items {
            parent,
            items: &[],
            stand_ins: len,
            next: 0,
        }
    }
}

impl<'de> SeqAccess<'de> for Items<'de, '_, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let index = self.next;
        let (value, quiet) = if let Some(item) = self.items.get(index) {
            (Some(item), self.parent.quiet)
        } else if index < self.stand_ins {
            (None, true)
        } else {
            return Ok(None);
        };
        self.next += 1;
        let path = Path::Index(&self.parent.path, index);
        let element = Lenient {
            value,
            path,
            pass: self.parent.pass,
            quiet,
            stand_ins: self.parent.deeper(value),
        };
        // A type that refuses what it was given after reading it says so here.
        let result = seed.deserialize(element);
        located(result, &path).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(
            self.items
                .len()
                .max(self.stand_ins)
                .saturating_sub(self.next),
        )
    }
}

/// The members of an object: a struct's declared fields present in the body, in
/// declaration order, then the other keys in the body's order (keys found refused left
/// out), then stand-ins for the fields the body lacks that an earlier pass found required.
struct Members<'de, 'p, 'l> {
    parent: &'l Lenient<'de, 'p>,
    entries: Vec<(&'de str, Option<&'de Value>, bool)>,
    /// Keys left out, reported when the members are all read (in their place in order).
    refused: Vec<&'de str>,
    next: usize,
}

impl<'de, 'p, 'l> Members<'de, 'p, 'l> {
    fn any(parent: &'l Lenient<'de, 'p>, map: &'de Map<String, Value>) -> Self {
        let entries = map
            .iter()
            .map(|(k, v)| (k.as_str(), Some(v), parent.quiet))
            .collect();
        Members {
            parent,
            entries,
            refused: Vec::new(),
            next: 0,
        }
    }

    fn fields(
        parent: &'l Lenient<'de, 'p>,
        map: &'de Map<String, Value>,
        id: StructId,
        fields: &'static [&'static str],
    ) -> Self {
        let pass = parent.pass;
        let required = pass.required.get(&id);
        let refused = pass.refused.get(&id);
        let mut entries = Vec::with_capacity(map.len());
        let mut refused_here = Vec::new();
        let mut missing = Vec::new();
        for &name in fields {
            if !parent.quiet {
                // Faults are reported in declaration order, whatever order they are met in.
                parent.visit_at(&Path::Key(&parent.path, name));
            }
            match map.get(name) {
                Some(value) => entries.push((name, Some(value), parent.quiet)),
                None if required.is_some_and(|r| r.contains(&name)) => missing.push(name),
                None => {}
            }
        }
        // Stand-ins for the missing fields last: a type that refuses its stand-in stops
        // the pass only after every present field was read.
        entries.extend(missing.into_iter().map(|name| (name, None, parent.quiet)));
        for (key, value) in map {
            if fields.contains(&key.as_str()) {
                continue;
            }
            if refused.is_some_and(|r| r.contains(key)) {
                refused_here.push(key.as_str());
                continue;
            }
            entries.push((key.as_str(), Some(value), parent.quiet));
        }
        Members {
            parent,
            entries,
            refused: refused_here,
            next: 0,
        }
    }

    /// Where an object was needed and none is: every field a quiet stand-in.
    fn stand_in(parent: &'l Lenient<'de, 'p>, fields: &'static [&'static str]) -> Self {
        let entries = fields.iter().map(|&name| (name, None, true)).collect();
        Members {
            parent,
            entries,
            refused: Vec::new(),
            next: 0,
        }
    }
}

impl<'de> MapAccess<'de> for Members<'de, '_, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some(&(key, _, _)) = self.entries.get(self.next) else {
            if !self.parent.quiet {
                for key in std::mem::take(&mut self.refused) {
                    let path = Path::Key(&self.parent.path, key);
                    self.parent.visit_at(&path);
                    self.parent.pass.fault(&path, Code::UnknownValue);
                }
            }
            return Ok(None);
        };
        seed.deserialize(Key(key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let Some(&(key, value, quiet)) = self.entries.get(self.next) else {
            return Err(de::Error::custom("a value asked for before its key"));
        };
        self.next += 1;
        let path = Path::Key(&self.parent.path, key);
        let member = Lenient {
            value,
            path,
            pass: self.parent.pass,
            quiet,
            stand_ins: self.parent.deeper(value),
        };
        let result = seed.deserialize(member);
        located(result, &path)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len().saturating_sub(self.next))
    }
}

/// An object's key, which JSON writes as text: a map with number or boolean keys reads
/// them from it, as serde_json does.
struct Key<'de>(&'de str);

macro_rules! key_from_text {
    ($($method:ident => $visit:ident: $ty:ty),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            match self.0.parse::<$ty>() {
                Ok(n) => visitor.$visit(n),
                Err(_) => visitor.visit_borrowed_str(self.0),
            }
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Key<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_borrowed_str(self.0)
    }

    key_from_text!(
        deserialize_i8 => visit_i8: i8, deserialize_i16 => visit_i16: i16,
        deserialize_i32 => visit_i32: i32, deserialize_i64 => visit_i64: i64,
        deserialize_i128 => visit_i128: i128, deserialize_u8 => visit_u8: u8,
        deserialize_u16 => visit_u16: u16, deserialize_u32 => visit_u32: u32,
        deserialize_u64 => visit_u64: u64, deserialize_u128 => visit_u128: u128,
        deserialize_f32 => visit_f32: f32, deserialize_f64 => visit_f64: f64,
        deserialize_bool => visit_bool: bool
    );

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        de::value::BorrowedStrDeserializer::<'de, Error>::new(self.0)
            .deserialize_enum(name, variants, visitor)
    }

    serde::forward_to_deserialize_any! {
        char str string bytes byte_buf unit unit_struct seq tuple tuple_struct map struct
        identifier ignored_any
    }
}

/// An enum's variant: by name, with its content (absent for a unit variant).
struct Variant<'de, 'p> {
    name: &'de str,
    content: Lenient<'de, 'p>,
}

impl<'de, 'p> Variant<'de, 'p> {
    /// A variant named by a string: no content, which only a unit variant may lack.
    fn unit(parent: &Lenient<'de, 'p>, name: &'de str) -> Self {
        Variant {
            name,
            content: parent.child(None, parent.path, parent.quiet),
        }
    }

    fn stand_in(parent: &Lenient<'de, 'p>, name: &'static str) -> Self {
        Variant {
            name,
            content: parent.child(None, parent.path, true),
        }
    }
}

impl<'de, 'p> EnumAccess<'de> for Variant<'de, 'p> {
    type Error = Error;
    type Variant = Lenient<'de, 'p>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self::Variant), Error> {
        let name = de::value::BorrowedStrDeserializer::<'de, Error>::new(self.name);
        let value = seed.deserialize(name)?;
        Ok((value, self.content))
    }
}

impl<'de> VariantAccess<'de> for Lenient<'de, '_> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_tuple(self, len, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_struct(self, "", fields, visitor)
    }
}
