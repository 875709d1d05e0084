//! JSON Pointers: parsing never panics; a parsed pointer's text parses to the same
//! location, and rebuilding it from its tokens does too; any token survives a push.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pardon::JsonPointer;

fuzz_target!(|data: &str| {
    if let Ok(pointer) = data.parse::<JsonPointer>() {
        let again: JsonPointer = pointer.as_str().parse().expect("its own text parses");
        assert_eq!(again, pointer);
        let tokens = pointer.tokens();
        let rebuilt = tokens.iter().fold(JsonPointer::root(), |p, t| p.push(t));
        assert_eq!(rebuilt.tokens(), tokens);
        assert_eq!(rebuilt, pointer);
        // The built form is canonical: parsing it keeps it as it is.
        assert_eq!(
            rebuilt.as_str().parse::<JsonPointer>().unwrap().as_str(),
            rebuilt.as_str()
        );
    }
    let pushed = JsonPointer::root().push(data).push("tail");
    assert_eq!(pushed.tokens(), [data, "tail"]);
    let parsed: JsonPointer = pushed.as_str().parse().expect("a built pointer parses");
    assert_eq!(parsed.tokens(), [data, "tail"]);
});
