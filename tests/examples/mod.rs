//! Building one of the crate's examples for a test that runs it as a process, the way
//! `cargo test` builds them: under a whole `cargo test` the examples are built already,
//! with this test build's features, and the build is a no-op.
//!
//! The build is `cargo test --no-run` with the default targets, not `cargo build
//! --example`: cargo resolves features over the targets it builds (the derive crate's
//! tests add dev-dependencies of their own), so a build of the example alone is a second
//! compile of actix-web and everything above it. `cargo test --example` would not do
//! either: it builds the example as a test harness.

use std::path::PathBuf;
use std::process::Command;

/// The example `name`, built with this test build's features; its binary's path.
pub(crate) fn built(name: &str) -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["test", "--no-run", "--quiet", "--no-default-features"])
        .args(["--features", &features()])
        .status()
        .expect("cargo runs");
    assert!(status.success(), "the tests and examples build");
    let test_binary = std::env::current_exe().expect("the test's own path");
    let deps = test_binary.parent().expect("the deps folder");
    let binary = deps
        .parent()
        .expect("the profile folder")
        .join("examples")
        .join(name);
    assert!(binary.exists(), "example {name} at {}", binary.display());
    binary
}

/// The features of this test build.
fn features() -> String {
    let enabled = [
        ("default", cfg!(feature = "default")),
        ("actix", cfg!(feature = "actix")),
        ("tower", cfg!(feature = "tower")),
        ("axum", cfg!(feature = "axum")),
        ("derive", cfg!(feature = "derive")),
        ("icu", cfg!(feature = "icu")),
        ("validator", cfg!(feature = "validator")),
        ("garde", cfg!(feature = "garde")),
        ("typescript", cfg!(feature = "typescript")),
        ("client", cfg!(feature = "client")),
        ("testing", cfg!(feature = "testing")),
        ("utoipa", cfg!(feature = "utoipa")),
    ];
    let names: Vec<&str> = enabled
        .iter()
        .filter(|(_, on)| *on)
        .map(|(name, _)| *name)
        .collect();
    names.join(",")
}
