//! Building one of the crate's examples for a test that runs it as a process, with the
//! features this test build has: `cargo test` has then built it already (with the same
//! features), and the build is a no-op instead of a second compile of everything.

use std::path::PathBuf;
use std::process::Command;

/// The example `name`, built with this test build's features; its binary's path.
pub(crate) fn built(name: &str) -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args([
            "build",
            "--quiet",
            "--example",
            name,
            "--no-default-features",
        ])
        .args(["--features", &features()])
        .status()
        .expect("cargo runs");
    assert!(status.success(), "example {name} builds");
    let test_binary = std::env::current_exe().expect("the test's own path");
    let deps = test_binary.parent().expect("the deps folder");
    deps.parent()
        .expect("the profile folder")
        .join("examples")
        .join(name)
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
