//! The catalogue check: every registered code has complete messages in every locale,
//! using only the arguments it declares.

use std::fmt;

use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement};

use super::Messages;
use super::messages::{LocaleBundle, line_of};
use crate::catalog::Registry;

/// Checks that every locale of `messages` has, for every problem type in `registry`, a
/// message with a value (the title) and a `.detail` attribute, and for every field-error
/// code a message with a value — each using only the arguments its type or code declares.
///
/// Fluent syntax errors are reported earlier, by [`MessagesBuilder::build`](super::MessagesBuilder::build),
/// so one test line checks the whole catalogue:
/// `pardon::i18n::check(&registry, &messages_builder.build()?)?`.
///
/// # Errors
///
/// A [`CheckReport`] naming file, line and message id for every fault found.
///
/// # Examples
///
/// ```
/// use http::StatusCode;
/// use pardon::{i18n::{check, Messages}, Code, ProblemType, Registry};
///
/// let registry = Registry::with_builtins("https://example.com/problems/")?;
/// let messages = Messages::builder().build()?;
/// assert!(check(&registry, &messages).is_ok());
///
/// let mut registry = registry;
/// registry.register(ProblemType::new(Code::from_static("USER_NOT_FOUND"), 404))?;
/// let report = check(&registry, &messages).unwrap_err();
/// assert!(report.to_string().contains("USER_NOT_FOUND"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check(registry: &Registry, messages: &Messages) -> Result<(), CheckReport> {
    let mut faults = Vec::new();
    for locale in &messages.locales {
        for problem_type in registry.types() {
            let id = problem_type.code().as_str();
            check_message(locale, id, problem_type.args(), true, &mut faults);
        }
        for field_code in registry.field_codes() {
            let id = field_code.code().as_str();
            check_message(locale, id, field_code.args(), false, &mut faults);
        }
    }
    if faults.is_empty() {
        Ok(())
    } else {
        Err(CheckReport { faults })
    }
}

fn check_message(
    locale: &LocaleBundle,
    id: &str,
    declared: &[&str],
    needs_detail: bool,
    faults: &mut Vec<String>,
) {
    let Some(message) = locale.bundle.get_message(id) else {
        // Where the fix goes: the application's files for this locale, not the crate's.
        let own: Vec<&str> = locale
            .files
            .iter()
            .filter(|f| !f.built_in)
            .map(|f| f.name.as_str())
            .collect();
        let at = if own.is_empty() {
            format!("(the application has no file for locale {})", locale.tag)
        } else {
            own.join(", ")
        };
        faults.push(format!("{at}: {id}: no message in locale {}", locale.tag));
        return;
    };
    let at = site(locale, id, None);
    if message.value().is_none() {
        faults.push(format!("{at}: {id}: the message has no value"));
    }
    if needs_detail && message.get_attribute("detail").is_none() {
        faults.push(format!("{at}: {id}: the message has no .detail attribute"));
    }
    let mut parts: Vec<(Option<&str>, Vec<&str>)> = Vec::new();
    if let Some(value) = message.value() {
        let mut found = Vec::new();
        pattern_variables(value, &mut found);
        parts.push((None, found));
    }
    for attribute in message.attributes() {
        let mut found = Vec::new();
        pattern_variables(attribute.value(), &mut found);
        parts.push((Some(attribute.id()), found));
    }
    for (attribute, mut found) in parts {
        found.sort_unstable();
        found.dedup();
        for variable in found {
            if !declared.contains(&variable) {
                let at = site(locale, id, attribute);
                faults.push(format!(
                    "{at}: {id}: uses ${variable}, which is not among its arguments {declared:?}"
                ));
            }
        }
    }
    // A `-generic` twin is what is sent when arguments are missing: it may use none.
    for attribute in message.attributes() {
        let name = attribute.id();
        if name == "generic" || name.ends_with("-generic") {
            let mut found = Vec::new();
            pattern_variables(attribute.value(), &mut found);
            if let Some(variable) = found.first() {
                let at = site(locale, id, Some(name));
                faults.push(format!(
                    "{at}: {id}: .{name} uses ${variable}, but a generic form takes no arguments"
                ));
            }
        }
    }
}

/// `file:line` of the definition of `id` that wins (the last) — of its `attribute`'s
/// line when one is named and found — or the locale's files.
fn site(locale: &LocaleBundle, id: &str, attribute: Option<&str>) -> String {
    for file in locale.files.iter().rev() {
        let mut offset = 0;
        let mut lines = file.text.split_inclusive('\n');
        while let Some(line) = lines.next() {
            let defines = line
                .strip_prefix(id)
                .is_some_and(|rest| rest.trim_start().starts_with('='));
            if defines {
                let mut at = offset;
                if let Some(name) = attribute {
                    // The attribute's own line, among the indented lines that follow.
                    let mut next = offset + line.len();
                    for line in lines.by_ref() {
                        if !line.starts_with([' ', '\t']) && !line.trim().is_empty() {
                            break;
                        }
                        let names_it = line
                            .trim_start()
                            .strip_prefix('.')
                            .and_then(|rest| rest.strip_prefix(name))
                            .is_some_and(|rest| rest.trim_start().starts_with('='));
                        if names_it {
                            at = next;
                            break;
                        }
                        next += line.len();
                    }
                }
                return format!("{}:{}", file.name, line_of(&file.text, at));
            }
            offset += line.len();
        }
    }
    let names: Vec<&str> = locale.files.iter().map(|f| f.name.as_str()).collect();
    names.join(", ")
}

fn pattern_variables<'m>(pattern: &Pattern<&'m str>, found: &mut Vec<&'m str>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, found);
        }
    }
}

fn expression_variables<'m>(expression: &Expression<&'m str>, found: &mut Vec<&'m str>) {
    match expression {
        Expression::Inline(inline) => inline_variables(inline, found),
        Expression::Select { selector, variants } => {
            inline_variables(selector, found);
            for variant in variants {
                pattern_variables(&variant.value, found);
            }
        }
    }
}

fn inline_variables<'m>(inline: &InlineExpression<&'m str>, found: &mut Vec<&'m str>) {
    match inline {
        InlineExpression::VariableReference { id } => found.push(id.name),
        InlineExpression::FunctionReference { arguments, .. } => {
            for positional in &arguments.positional {
                inline_variables(positional, found);
            }
            for named in &arguments.named {
                inline_variables(&named.value, found);
            }
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, found),
        _ => {}
    }
}

/// What the catalogue check found: one fault per line, as `file:line: ID: what`.
///
/// # Examples
///
/// ```
/// use pardon::{catalog::FieldCode, i18n::{check, Messages}, Code, Registry};
///
/// let mut registry = Registry::new("https://example.com/p/")?;
/// registry.register_field_code(FieldCode::new(Code::from_static("TOO_SHORT")))?;
/// let report = check(&registry, &Messages::builder().build()?).unwrap_err();
/// // TOO_SHORT's messages use $min, which this code does not declare.
/// assert!(report.faults().iter().all(|f| f.contains("$min")));
/// assert!(report.faults()[0].starts_with("locales/en/pardon.ftl:"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    faults: Vec<String>,
}

impl CheckReport {
    /// Every fault found.
    ///
    /// # Examples
    ///
    /// ```
    /// use http::StatusCode;
    /// use pardon::{i18n::{check, Messages}, Code, ProblemType, Registry};
    ///
    /// let mut registry = Registry::new("https://example.com/p/")?;
    /// registry.register(ProblemType::new(Code::from_static("NEW_THING"), 410))?;
    /// let report = check(&registry, &Messages::builder().build()?).unwrap_err();
    /// assert_eq!(report.faults().len(), 5); // missing in each of the five locales
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn faults(&self) -> &[String] {
        &self.faults
    }
}

impl fmt::Display for CheckReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "the message catalogue has {} fault(s):",
            self.faults.len()
        )?;
        f.write_str(&self.faults.join("\n"))
    }
}

impl std::error::Error for CheckReport {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Code, FieldCode, ProblemType};

    #[test]
    fn the_crate_catalogue_is_complete() {
        let registry = Registry::with_builtins("https://example.com/p/").unwrap();
        let messages = Messages::builder().build().unwrap();
        if let Err(report) = check(&registry, &messages) {
            panic!("{report}");
        }
    }

    #[test]
    fn reports_missing_detail_and_undeclared_arguments_with_lines() {
        let mut registry = Registry::new("https://example.com/p/").unwrap();
        registry
            .register(ProblemType::new(Code::from_static("THING"), 410).with_args(&["a"]))
            .unwrap();
        registry
            .register_field_code(FieldCode::new(Code::from_static("BAD_FIELD")))
            .unwrap();
        let messages = Messages::builder()
            .add_ftl(
                "en",
                "app.ftl",
                "# c\nTHING = T { $a }\nBAD_FIELD = { $b ->\n *[x] X { NUMBER($c) }\n}\n",
            )
            .build()
            .unwrap();
        let report = check(&registry, &messages).unwrap_err();
        let faults = report.faults();
        assert!(
            faults.contains(&"app.ftl:2: THING: the message has no .detail attribute".to_owned()),
            "{report}"
        );
        assert!(
            faults
                .iter()
                .any(|f| f.starts_with("app.ftl:3: BAD_FIELD: uses $b")),
            "{report}"
        );
        assert!(
            faults
                .iter()
                .any(|f| f.starts_with("app.ftl:3: BAD_FIELD: uses $c")),
            "{report}"
        );
        let generic = Messages::builder()
            .add_ftl(
                "en",
                "g.ftl",
                "THING = T\n    .detail = D { $a }\n    .detail-generic = D { $a }\n",
            )
            .build()
            .unwrap();
        let mut only_thing = Registry::new("https://example.com/p/").unwrap();
        only_thing
            .register(ProblemType::new(Code::from_static("THING"), 410).with_args(&["a"]))
            .unwrap();
        let report = check(&only_thing, &generic).unwrap_err();
        assert!(
            report.faults().contains(
                &"g.ftl:3: THING: .detail-generic uses $a, but a generic form takes no arguments"
                    .to_owned()
            ),
            "{report}"
        );
        // The other four locales have neither message, and no file of the application's:
        // the report says so rather than pointing into the crate's own files.
        assert!(
            faults.contains(
                &"(the application has no file for locale ar): THING: no message in locale ar"
                    .to_owned()
            ),
            "{report}"
        );
        assert!(!report.to_string().contains("pardon.ftl"), "{report}");
        // With a file of its own for a locale, that file is named.
        let with_fr = Messages::builder()
            .add_ftl("en", "en/app.ftl", "THING = T\n    .detail = D\n")
            .add_ftl("fr", "fr/app.ftl", "OTHER = O\n")
            .build()
            .unwrap();
        let report = check(&only_thing, &with_fr).unwrap_err();
        assert!(
            report
                .faults()
                .contains(&"fr/app.ftl: THING: no message in locale fr".to_owned()),
            "{report}"
        );
    }
}
