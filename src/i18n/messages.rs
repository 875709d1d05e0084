//! [`Messages`]: the Fluent bundles of every locale, parsed once and shared by all threads.

use std::fmt;
use std::path::{Path, PathBuf};

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use unic_langid::LanguageIdentifier;

use super::Locale;

/// One embedded file of the crate's own messages: locale, name, text.
macro_rules! builtin_file {
    ($locale:literal, $file:literal) => {
        (
            $locale,
            concat!("locales/", $locale, "/", $file, ".ftl"),
            include_str!(concat!("../../locales/", $locale, "/", $file, ".ftl")),
        )
    };
}

/// The crate's own messages, embedded so that nothing depends on the working directory:
/// per locale, the problem types and field codes (`pardon.ftl`), the HTTP reason phrases
/// (`http.ftl`) and the labels of HTML pages (`page.ftl`).
const BUILT_IN: [(&str, &str, &str); 15] = [
    builtin_file!("en", "pardon"),
    builtin_file!("en", "http"),
    builtin_file!("en", "page"),
    builtin_file!("fr", "pardon"),
    builtin_file!("fr", "http"),
    builtin_file!("fr", "page"),
    builtin_file!("de", "pardon"),
    builtin_file!("de", "http"),
    builtin_file!("de", "page"),
    builtin_file!("es", "pardon"),
    builtin_file!("es", "http"),
    builtin_file!("es", "page"),
    builtin_file!("ar", "pardon"),
    builtin_file!("ar", "http"),
    builtin_file!("ar", "page"),
];

/// One `.ftl` file as given, kept for the catalogue check's report.
#[derive(Debug, Clone)]
pub(crate) struct SourceFile {
    pub(crate) name: String,
    pub(crate) text: String,
    /// One of the crate's own files, not the application's.
    pub(crate) built_in: bool,
}

pub(crate) struct LocaleBundle {
    pub(crate) tag: String,
    pub(crate) bundle: FluentBundle<FluentResource>,
    pub(crate) files: Vec<SourceFile>,
}

/// The localized messages of every supported locale: Fluent bundles parsed once per
/// process, shared by every worker thread, with the default locale first.
///
/// The crate's own messages for `en`, `fr`, `de`, `es` and `ar` are embedded; an
/// application adds its own `.ftl` text (embedded with `include_str!`, or loaded from a
/// directory at start-up) and may override built-in messages. Bidi isolation marks are
/// off: no output format wants them.
///
/// # Examples
///
/// ```
/// use pardon::i18n::Messages;
///
/// let messages = Messages::builder()
///     .add_ftl("en", "app.ftl", "USER_NOT_FOUND = User not found\n    .detail = No user { $id }.\n")
///     .build()?;
/// assert_eq!(messages.locales().collect::<Vec<_>>(), ["en", "fr", "de", "es", "ar"]);
/// assert_eq!(messages.locale("fr").unwrap().tag(&messages), "fr");
/// # Ok::<(), pardon::i18n::MessagesError>(())
/// ```
pub struct Messages {
    pub(crate) locales: Vec<LocaleBundle>,
}

impl fmt::Debug for Messages {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Messages")
            .field("locales", &self.locales().collect::<Vec<_>>())
            .finish_non_exhaustive()
    }
}

impl Messages {
    /// A builder that starts from the crate's own messages.
    ///
    /// # Examples
    ///
    /// ```
    /// let messages = pardon::i18n::Messages::builder().build()?;
    /// assert_eq!(messages.default_locale(), "en");
    /// # Ok::<(), pardon::i18n::MessagesError>(())
    /// ```
    pub fn builder() -> MessagesBuilder {
        MessagesBuilder {
            default_locale: "en".to_owned(),
            built_in: None,
            files: Vec::new(),
            errors: Vec::new(),
        }
    }

    /// The supported locale tags, the default first.
    ///
    /// # Examples
    ///
    /// ```
    /// let messages = pardon::i18n::Messages::builder().default_locale("fr").build()?;
    /// assert_eq!(messages.locales().next(), Some("fr"));
    /// # Ok::<(), pardon::i18n::MessagesError>(())
    /// ```
    pub fn locales(&self) -> impl Iterator<Item = &str> {
        self.locales.iter().map(|l| l.tag.as_str())
    }

    /// The default locale's tag, used when negotiation finds nothing better.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::i18n::Messages::builder().build()?.default_locale(), "en");
    /// # Ok::<(), pardon::i18n::MessagesError>(())
    /// ```
    #[must_use]
    pub fn default_locale(&self) -> &str {
        self.locales.first().map_or("en", |l| l.tag.as_str())
    }

    /// The locale whose tag is `tag` (case-insensitive), if these messages have it.
    ///
    /// # Examples
    ///
    /// ```
    /// let messages = pardon::i18n::Messages::builder().build()?;
    /// assert_eq!(messages.locale("AR").unwrap().tag(&messages), "ar");
    /// assert_eq!(messages.locale("tlh"), None);
    /// # Ok::<(), pardon::i18n::MessagesError>(())
    /// ```
    #[must_use]
    pub fn locale(&self, tag: &str) -> Option<Locale> {
        self.locales
            .iter()
            .position(|l| l.tag.eq_ignore_ascii_case(tag))
            .map(Locale::at)
    }

    /// The Fluent source of `locale` as these messages use it: the crate's files and the
    /// application's, each message or term once — its last definition, the one the bundle
    /// keeps — without comments. A frontend loads it into its own Fluent bundle
    /// (`@fluent/bundle`) to word problems itself, as the server would. A message the
    /// locale lacks is not in it (the server falls back to the client's next choices and
    /// then the default locale): for a locale that is not complete, load the default
    /// locale's source too, behind it.
    ///
    /// # Examples
    ///
    /// ```
    /// let messages = pardon::i18n::Messages::builder()
    ///     .add_ftl("fr", "app.ftl", "CONFLICT = Conflit !\n    .detail = Autre chose.\n")
    ///     .build()?;
    /// let ftl = messages.ftl(messages.locale("fr").unwrap());
    /// assert!(ftl.contains("CONFLICT = Conflit !\n    .detail = Autre chose.\n"));
    /// assert_eq!(ftl.matches("\nCONFLICT =").count() + usize::from(ftl.starts_with("CONFLICT =")), 1);
    /// # Ok::<(), pardon::i18n::MessagesError>(())
    /// ```
    #[must_use]
    pub fn ftl(&self, locale: Locale) -> String {
        let Some(bundle) = self.locales.get(locale.index()) else {
            return String::new();
        };
        let mut order: Vec<String> = Vec::new();
        let mut entries: std::collections::HashMap<String, String> =
            std::collections::HashMap::new();
        for file in &bundle.files {
            for (id, text) in ftl_entries(&file.text) {
                if !entries.contains_key(&id) {
                    order.push(id.clone());
                }
                entries.insert(id, text);
            }
        }
        let mut out = String::new();
        for id in order {
            if let Some(text) = entries.get(&id) {
                out.push_str(text);
            }
        }
        out
    }

    /// The index of `tag` among [`Messages::locales`] (case-insensitive).
    pub(crate) fn locale_index(&self, tag: &str) -> Option<usize> {
        self.locales
            .iter()
            .position(|l| l.tag.eq_ignore_ascii_case(tag))
    }

    /// The tag of the locale at `index` (the default locale when out of range).
    pub(crate) fn locale_tag(&self, index: usize) -> &str {
        self.locales
            .get(index)
            .map_or_else(|| self.default_locale(), |l| l.tag.as_str())
    }
}

/// Builds [`Messages`]: the crate's messages, then the application's, later files
/// overriding earlier ones message by message.
///
/// # Examples
///
/// ```
/// use pardon::i18n::Messages;
///
/// let err = Messages::builder()
///     .add_ftl("fr", "broken.ftl", "OK = fine\nBROKEN = {\n")
///     .build()
///     .unwrap_err();
/// assert!(err.to_string().starts_with("broken.ftl:2:"), "{err}");
/// ```
#[derive(Debug)]
#[must_use]
pub struct MessagesBuilder {
    default_locale: String,
    /// The crate's locales to include; all when `None`.
    built_in: Option<Vec<String>>,
    files: Vec<(String, SourceFile)>,
    errors: Vec<String>,
}

impl MessagesBuilder {
    /// Adds Fluent text for `locale`; `name` names it in error reports (a file name).
    ///
    /// # Examples
    ///
    /// ```
    /// let messages = pardon::i18n::Messages::builder()
    ///     .add_ftl("pt-BR", "pt.ftl", "REQUIRED = Campo obrigatório.\n")
    ///     .build()?;
    /// assert!(messages.locale("pt-BR").is_some());
    /// # Ok::<(), pardon::i18n::MessagesError>(())
    /// ```
    pub fn add_ftl(mut self, locale: &str, name: &str, text: &str) -> MessagesBuilder {
        self.files.push((
            locale.to_owned(),
            SourceFile {
                name: name.to_owned(),
                text: text.to_owned(),
                built_in: false,
            },
        ));
        self
    }

    /// Adds every `<dir>/<locale>/*.ftl` file, in name order.
    ///
    /// A directory that cannot be read is reported by [`MessagesBuilder::build`], with
    /// its path.
    ///
    /// # Examples
    ///
    /// ```
    /// let err = pardon::i18n::Messages::builder().load_dir("no/such/dir").build().unwrap_err();
    /// assert!(err.to_string().contains("no/such/dir"));
    /// ```
    pub fn load_dir(mut self, dir: impl AsRef<Path>) -> MessagesBuilder {
        let dir = dir.as_ref();
        match ftl_files(dir) {
            Ok(files) => {
                for (locale, path) in files {
                    match std::fs::read_to_string(&path) {
                        Ok(text) => {
                            self = self.add_ftl(&locale, &path.display().to_string(), &text);
                        }
                        Err(err) => self.errors.push(format!("{}: {err}", path.display())),
                    }
                }
            }
            Err(err) => self.errors.push(format!("{}: {err}", dir.display())),
        }
        self
    }

    /// Chooses which of the crate's own locales (`en`, `fr`, `de`, `es`, `ar`) to
    /// include; all unless called. Only the chosen ones and those the application adds
    /// are ever negotiated, and the [catalogue check](crate::i18n::check) asks for
    /// messages in exactly those.
    ///
    /// A tag the crate has no messages for is reported by [`MessagesBuilder::build`].
    ///
    /// # Examples
    ///
    /// ```
    /// let messages = pardon::i18n::Messages::builder()
    ///     .built_in_locales(&["en", "fr"])
    ///     .add_ftl("en", "app.ftl", "ORDER_LOST = Order lost\n")
    ///     .add_ftl("fr", "app.ftl", "ORDER_LOST = Commande perdue\n")
    ///     .build()?;
    /// assert_eq!(messages.locales().collect::<Vec<_>>(), ["en", "fr"]);
    /// assert!(pardon::i18n::Messages::builder().built_in_locales(&["tlh"]).build().is_err());
    /// # Ok::<(), pardon::i18n::MessagesError>(())
    /// ```
    pub fn built_in_locales(mut self, locales: &[&str]) -> MessagesBuilder {
        self.built_in = Some(locales.iter().map(|&l| l.to_owned()).collect());
        self
    }

    /// Sets the default locale (`en` unless set), which must have messages.
    ///
    /// # Examples
    ///
    /// ```
    /// let messages = pardon::i18n::Messages::builder().default_locale("de").build()?;
    /// assert_eq!(messages.default_locale(), "de");
    /// assert!(pardon::i18n::Messages::builder().default_locale("tlh").build().is_err());
    /// # Ok::<(), pardon::i18n::MessagesError>(())
    /// ```
    pub fn default_locale(mut self, locale: &str) -> MessagesBuilder {
        locale.clone_into(&mut self.default_locale);
        self
    }

    /// Parses everything once and builds the bundles.
    ///
    /// # Errors
    ///
    /// [`MessagesError`] listing every fault: an unreadable file or directory, an
    /// invalid locale tag, a Fluent syntax error (with file and line), a default locale
    /// without messages.
    ///
    /// # Examples
    ///
    /// ```
    /// let err = pardon::i18n::Messages::builder().add_ftl("not a tag", "x.ftl", "").build();
    /// assert!(err.is_err());
    /// ```
    pub fn build(self) -> Result<Messages, MessagesError> {
        let mut errors = self.errors;
        // The crate's files first, so that the application's override them.
        let mut files = Vec::with_capacity(BUILT_IN.len() + self.files.len());
        if let Some(chosen) = &self.built_in {
            for tag in chosen {
                if !BUILT_IN.iter().any(|(l, _, _)| l.eq_ignore_ascii_case(tag)) {
                    errors.push(format!("the crate has no messages in `{tag}`"));
                }
            }
        }
        for (locale, name, text) in BUILT_IN {
            let wanted = self
                .built_in
                .as_ref()
                .is_none_or(|chosen| chosen.iter().any(|t| t.eq_ignore_ascii_case(locale)));
            if wanted {
                let file = SourceFile {
                    name: name.to_owned(),
                    text: text.to_owned(),
                    built_in: true,
                };
                files.push((locale.to_owned(), file));
            }
        }
        files.extend(self.files);
        let mut locales: Vec<LocaleBundle> = Vec::new();
        for (tag, file) in files {
            let Ok(langid) = tag.parse::<LanguageIdentifier>() else {
                errors.push(format!("{}: `{tag}` is not a language tag", file.name));
                continue;
            };
            let resource = match FluentResource::try_new(file.text.clone()) {
                Ok(resource) => resource,
                Err((_, parse_errors)) => {
                    for e in parse_errors {
                        // The junk entry's start points at the faulty message itself.
                        let at = e.slice.as_ref().map_or(e.pos.start, |s| s.start);
                        let line = line_of(&file.text, at);
                        errors.push(format!("{}:{line}: {}", file.name, e.kind));
                    }
                    continue;
                }
            };
            let i = match locales
                .iter()
                .position(|l| l.tag.eq_ignore_ascii_case(&tag))
            {
                Some(i) => i,
                None => {
                    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
                    bundle.set_use_isolating(false);
                    #[cfg(feature = "icu")]
                    bundle.set_formatter(Some(super::number::format_number));
                    // NUMBER() for messages that format numbers, as Fluent defines it.
                    if let Err(error) = bundle.add_builtins() {
                        errors.push(format!("{}: {error}", file.name));
                    }
                    locales.push(LocaleBundle {
                        tag: tag.clone(),
                        bundle,
                        files: Vec::new(),
                    });
                    locales.len() - 1
                }
            };
            locales[i].bundle.add_resource_overriding(resource);
            locales[i].files.push(file);
        }
        match locales
            .iter()
            .position(|l| l.tag.eq_ignore_ascii_case(&self.default_locale))
        {
            Some(i) => {
                let default = locales.remove(i);
                locales.insert(0, default);
            }
            None => errors.push(format!(
                "the default locale `{}` has no messages",
                self.default_locale
            )),
        }
        if errors.is_empty() {
            Ok(Messages { locales })
        } else {
            Err(MessagesError { errors })
        }
    }
}

fn ftl_files(dir: &Path) -> std::io::Result<Vec<(String, PathBuf)>> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if !entry.file_type()?.is_dir() {
            continue;
        }
        let locale = entry.file_name().to_string_lossy().into_owned();
        for file in std::fs::read_dir(entry.path())? {
            let path = file?.path();
            if path.extension().is_some_and(|e| e == "ftl") {
                found.push((locale.clone(), path));
            }
        }
    }
    found.sort();
    Ok(found)
}

/// The 1-based line of byte `offset` in `text`.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The error for messages that cannot be built: every fault, one per line.
///
/// # Examples
///
/// ```
/// let err = pardon::i18n::Messages::builder()
///     .add_ftl("en", "a.ftl", "X = {")
///     .build()
///     .unwrap_err();
/// assert_eq!(err.faults().len(), 1);
/// assert!(err.faults()[0].starts_with("a.ftl:1:"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessagesError {
    errors: Vec<String>,
}

impl MessagesError {
    /// Each fault, as `file:line: what`.
    ///
    /// # Examples
    ///
    /// ```
    /// let err = pardon::i18n::Messages::builder().load_dir("/nonexistent").build().unwrap_err();
    /// assert!(err.faults()[0].starts_with("/nonexistent"));
    /// ```
    #[must_use]
    pub fn faults(&self) -> &[String] {
        &self.errors
    }
}

impl fmt::Display for MessagesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.errors.join("\n"))
    }
}

impl std::error::Error for MessagesError {}

/// The messages and terms of a Fluent file, each with its text (its value and attribute
/// lines, ending in a newline); comments and blank lines between entries are left out.
fn ftl_entries(text: &str) -> Vec<(String, String)> {
    let mut entries: Vec<(String, String)> = Vec::new();
    let mut blank = String::new();
    for line in text.split_inclusive('\n') {
        let starts_entry = line.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-');
        if starts_entry {
            let id = line.split('=').next().unwrap_or("").trim().to_owned();
            let mut body = line.to_owned();
            if !body.ends_with('\n') {
                body.push('\n');
            }
            entries.push((id, body));
            blank.clear();
        } else if !line.starts_with('#') && !line.trim().is_empty() {
            // A continuation of the current entry: an indented line, or a select
            // expression's `}`, `[variant]` or `*[default]` at the start of the line
            // (blank lines inside it kept).
            if let Some((_, body)) = entries.last_mut() {
                body.push_str(&blank);
                body.push_str(line);
                if !body.ends_with('\n') {
                    body.push('\n');
                }
            }
            blank.clear();
        } else if line.trim().is_empty() {
            blank.push('\n');
        } else {
            // A comment: it ends the entry.
            blank.clear();
            entries.push((String::new(), String::new()));
        }
    }
    entries.retain(|(id, _)| !id.is_empty());
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_files_override_built_in_messages() {
        let messages = Messages::builder()
            .add_ftl("en", "app.ftl", "CONFLICT = Clash\n    .detail = Nope.\n")
            .build()
            .unwrap();
        let bundle = &messages.locales[0].bundle;
        let msg = bundle.get_message("CONFLICT").unwrap();
        let mut errors = vec![];
        let title = bundle.format_pattern(msg.value().unwrap(), None, &mut errors);
        assert_eq!(title, "Clash");
    }

    #[test]
    fn every_syntax_error_is_reported_with_its_line() {
        let err = Messages::builder()
            .add_ftl("en", "bad.ftl", "A = ok\n\nB = {\n\nC = fine\nD = }\n")
            .build()
            .unwrap_err();
        assert_eq!(err.faults().len(), 2, "{err}");
        assert!(err.faults()[0].starts_with("bad.ftl:3:"), "{err}");
        assert!(err.faults()[1].starts_with("bad.ftl:6:"), "{err}");
    }

    #[test]
    fn loads_a_directory_of_locales() {
        let dir = std::env::temp_dir().join(format!("pardon-ftl-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("fr")).unwrap();
        std::fs::write(dir.join("fr/app.ftl"), "HELLO = Bonjour\n").unwrap();
        std::fs::write(dir.join("fr/notes.txt"), "ignored").unwrap();
        let messages = Messages::builder().load_dir(&dir).build().unwrap();
        let fr = &messages.locales[messages.locale_index("fr").unwrap()];
        assert!(fr.bundle.has_message("HELLO"));
        assert!(fr.files.iter().any(|f| f.name.ends_with("app.ftl")));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn line_numbers_count_from_one() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 99), 3);
    }
}
