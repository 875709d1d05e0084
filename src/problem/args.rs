//! [`Args`]: a problem's message arguments, the first kept inline.

use std::borrow::Cow;

use serde_json::Value;

/// One message argument: its name (a declared one without a copy) and its value.
pub(super) type Arg = (Cow<'static, str>, Value);

/// A problem's message arguments, in the order they were added, each name once. A
/// problem with arguments mostly has one: it is kept inline, so that adding it allocates
/// nothing beyond its value; more go into a `Vec`. (One slot, not two: each slot makes
/// every problem, with arguments or without, that much larger to build.)
#[derive(Clone, Default)]
pub(super) struct Args {
    /// Filled first, and never emptied: the arguments after it are in `more`.
    inline: [Option<Arg>; 1],
    more: Vec<Arg>,
}

impl Args {
    /// Every argument, in the order added.
    pub(super) fn iter(&self) -> impl Iterator<Item = &Arg> {
        self.inline.iter().flatten().chain(&self.more)
    }

    /// The value of the argument `name`, to replace.
    pub(super) fn get_mut(&mut self, name: &str) -> Option<&mut Value> {
        self.inline
            .iter_mut()
            .flatten()
            .chain(&mut self.more)
            .find(|(n, _)| n == name)
            .map(|(_, value)| value)
    }

    /// Adds an argument, whose name the caller made sure is new.
    pub(super) fn push(&mut self, arg: Arg) {
        match self.inline.iter_mut().find(|slot| slot.is_none()) {
            Some(slot) => *slot = Some(arg),
            None => self.more.push(arg),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_keep_their_order_past_the_inline_ones_and_replace_by_name() {
        let mut args = Args::default();
        for (i, name) in ["a", "b", "c", "d"].into_iter().enumerate() {
            args.push((Cow::Borrowed(name), Value::from(i)));
        }
        *args.get_mut("c").unwrap() = Value::from("three");
        *args.get_mut("a").unwrap() = Value::from("zero");
        assert!(args.get_mut("e").is_none());
        let all: Vec<(&str, &Value)> = args.iter().map(|(n, v)| (n.as_ref(), v)).collect();
        assert_eq!(
            all,
            [
                ("a", &Value::from("zero")),
                ("b", &Value::from(1)),
                ("c", &Value::from("three")),
                ("d", &Value::from(3)),
            ]
        );
    }
}
