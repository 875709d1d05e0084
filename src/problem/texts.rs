//! A problem's own text members — `detail`, `instance` and `request_id` — in one buffer:
//! most problems set two or three of them, and one allocation holds them all.

use std::ops::Range;

/// Which text member.
#[derive(Debug, Clone, Copy)]
pub(super) enum Text {
    Detail,
    Instance,
    RequestId,
}

/// The text members, each a range of one buffer.
#[derive(Clone, Default)]
pub(super) struct Texts {
    buffer: String,
    spans: [Option<Range<usize>>; 3],
}

impl Texts {
    /// Room for a typical detail, instance and request id together.
    const FIRST_CAPACITY: usize = 128;

    pub(super) fn get(&self, text: Text) -> Option<&str> {
        let span = self.spans[text as usize].clone()?;
        self.buffer.get(span)
    }

    /// Sets `text` to `value`. The member's old value is given back to the buffer when
    /// it was the last one written (as when one member is set again and again); otherwise
    /// its bytes stay until the problem is dropped.
    pub(super) fn set(&mut self, text: Text, value: &str) {
        if let Some(old) = self.spans[text as usize].take()
            && old.end == self.buffer.len()
            // Another member may end there too (an empty one, at the very end).
            && self.spans.iter().flatten().all(|other| other.end <= old.start)
        {
            self.buffer.truncate(old.start);
        }
        if self.buffer.capacity() == 0 {
            self.buffer = String::with_capacity(value.len().max(Self::FIRST_CAPACITY));
        }
        let start = self.buffer.len();
        self.buffer.push_str(value);
        self.spans[text as usize] = Some(start..self.buffer.len());
    }

    /// Sets `text` to `value`, or clears it.
    pub(super) fn replace(&mut self, text: Text, value: Option<&str>) {
        match value {
            Some(value) => self.set(text, value),
            None => self.spans[text as usize] = None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_keep_their_own_text_when_set_in_any_order() {
        let mut texts = Texts::default();
        texts.set(Text::Instance, "/users/7");
        texts.set(Text::Detail, "gone");
        texts.set(Text::RequestId, "r-1");
        texts.set(Text::Detail, "really gone");
        assert_eq!(texts.get(Text::Instance), Some("/users/7"));
        assert_eq!(texts.get(Text::Detail), Some("really gone"));
        assert_eq!(texts.get(Text::RequestId), Some("r-1"));
        texts.replace(Text::Instance, None);
        assert_eq!(texts.get(Text::Instance), None);
        assert_eq!(texts.get(Text::Detail), Some("really gone"));
    }

    #[test]
    fn setting_the_last_member_again_reuses_its_bytes() {
        let mut texts = Texts::default();
        texts.set(Text::Detail, "a");
        for n in 0..1000 {
            texts.set(Text::RequestId, &n.to_string());
        }
        assert_eq!(texts.get(Text::RequestId), Some("999"));
        assert_eq!(texts.buffer.len(), 4);
        assert_eq!(texts.get(Text::Detail), Some("a"));
    }

    proptest::proptest! {
        /// Any sequence of sets and clears reads back as three separate strings would.
        #[test]
        fn reads_back_as_three_separate_strings(
            steps in proptest::collection::vec(
                (0..3usize, proptest::option::of("[a-c]{0,3}")),
                0..24,
            ),
        ) {
            let members = [Text::Detail, Text::Instance, Text::RequestId];
            let mut texts = Texts::default();
            let mut model: [Option<String>; 3] = Default::default();
            for (member, value) in steps {
                texts.replace(members[member], value.as_deref());
                model[member] = value;
                for (i, &text) in members.iter().enumerate() {
                    proptest::prop_assert_eq!(texts.get(text), model[i].as_deref());
                }
            }
        }
    }

    #[test]
    fn an_empty_member_at_the_end_keeps_its_place() {
        let mut texts = Texts::default();
        texts.set(Text::Instance, "/ab");
        texts.set(Text::Detail, "");
        texts.set(Text::Instance, "/b");
        assert_eq!(texts.get(Text::Detail), Some(""));
        assert_eq!(texts.get(Text::Instance), Some("/b"));
        texts.set(Text::RequestId, "");
        texts.set(Text::RequestId, "r");
        texts.set(Text::RequestId, "");
        assert_eq!(texts.get(Text::RequestId), Some(""));
        assert_eq!(texts.get(Text::Detail), Some(""));
        assert_eq!(texts.get(Text::Instance), Some("/b"));
    }

    #[test]
    fn one_allocation_holds_the_usual_members() {
        let mut texts = Texts::default();
        texts.set(Text::Detail, "User with ID 99999 was not found");
        let capacity = texts.buffer.capacity();
        texts.set(Text::Instance, "/users/99999");
        texts.set(Text::RequestId, "0123456789abcdef0123456789abcdef");
        assert_eq!(texts.buffer.capacity(), capacity);
    }
}
