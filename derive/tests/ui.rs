//! Compile errors of `#[derive(Problem)]`: clear messages at the right span.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
