//! `application/problem+json` and `application/json`: the same bytes, serialized straight
//! into the buffer.

use crate::problem::Problem;

pub(crate) fn write(problem: &Problem, out: &mut Vec<u8>) {
    // Serializing strings, numbers and `Value`s into a Vec cannot fail; if it ever did,
    // an empty object is still a valid problem document.
    if serde_json::to_writer(&mut *out, problem).is_err() {
        out.clear();
        out.extend_from_slice(b"{}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::builtin;

    #[test]
    fn writes_the_members_in_rfc_order() {
        let p = Problem::new(&builtin::CONFLICT)
            .with_title("T")
            .with_extension("a", 1)
            .unwrap();
        let mut out = Vec::new();
        write(&p, &mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"{"title":"T","status":409,"code":"CONFLICT","a":1}"#
        );
    }
}
