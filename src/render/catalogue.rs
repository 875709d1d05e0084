//! The catalogue of an API's problems, for programs: every problem type and field code,
//! localized, as JSON (one entry or all) or as an HTML index of the type pages.

use std::fmt::Write as _;

use serde_json::{Map, Value, json};

use super::Renderer;
use super::html::{escape, lang_attribute, page_end, page_start};
use super::languages::Languages;
use crate::catalog::{FieldCode, ProblemType, TypeHeader};
use crate::i18n::Locale;

/// A localized catalogue document: JSON, or an HTML page, with the `Content-Language`
/// of its text.
///
/// # Examples
///
/// ```
/// # let renderer = pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/p/")?, pardon::i18n::Messages::builder().build()?);
/// let fr = renderer.messages().locale("fr").unwrap();
/// let catalogue = renderer.catalogue(fr);
/// assert_eq!(catalogue.content_language(), "fr");
/// assert!(catalogue.body().starts_with(b"{"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Catalogue {
    body: Vec<u8>,
    content_language: String,
}

impl Catalogue {
    /// The document's bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// # let renderer = pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/p/")?, pardon::i18n::Messages::builder().build()?);
    /// let en = renderer.messages().locale("en").unwrap();
    /// let json: serde_json::Value = serde_json::from_slice(renderer.catalogue(en).body())?;
    /// assert_eq!(json["problems"][0]["code"], "VALIDATION_ERROR");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// The document, owned.
    ///
    /// # Examples
    ///
    /// ```
    /// # let renderer = pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/p/")?, pardon::i18n::Messages::builder().build()?);
    /// let en = renderer.messages().locale("en").unwrap();
    /// let html = String::from_utf8(renderer.catalogue_page(en).into_body())?;
    /// assert!(html.contains("https://x.test/p/rate-limited"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn into_body(self) -> Vec<u8> {
        self.body
    }

    /// The languages its text is in, for `Content-Language`.
    ///
    /// # Examples
    ///
    /// ```
    /// # let renderer = pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/p/")?, pardon::i18n::Messages::builder().build()?);
    /// let ar = renderer.messages().locale("ar").unwrap();
    /// assert_eq!(renderer.catalogue(ar).content_language(), "ar");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn content_language(&self) -> &str {
        &self.content_language
    }
}

impl Renderer {
    /// Every registered problem type (`code`, `type`, `status`, `title`, `description`,
    /// `args`, `headers`) and field code (`code`, `title`, `args`) in `locale`, as JSON:
    /// what a frontend that keys its text on `code` needs to know of the API.
    ///
    /// # Examples
    ///
    /// ```
    /// # let renderer = pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/p/")?, pardon::i18n::Messages::builder().build()?);
    /// let de = renderer.messages().locale("de").unwrap();
    /// let json: serde_json::Value = serde_json::from_slice(renderer.catalogue(de).body())?;
    /// let limited = json["problems"].as_array().unwrap().iter().find(|p| p["code"] == "RATE_LIMITED").unwrap();
    /// assert_eq!(limited["status"], 429);
    /// assert_eq!(limited["headers"], serde_json::json!(["Retry-After"]));
    /// assert_eq!(json["field_codes"][0]["code"], "REQUIRED");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn catalogue(&self, locale: Locale) -> Catalogue {
        let mut languages = Languages::default();
        let problems: Vec<Value> = self
            .registry()
            .types()
            .map(|t| self.type_entry(t, locale, &mut languages))
            .collect();
        let field_codes: Vec<Value> = self
            .registry()
            .field_codes()
            .map(|c| self.field_code_entry(c, locale, &mut languages))
            .collect();
        let document = json!({ "problems": problems, "field_codes": field_codes });
        self.catalogue_document(&document, locale, &languages)
    }

    /// One problem type's catalogue entry in `locale`, as JSON.
    ///
    /// # Examples
    ///
    /// ```
    /// # let renderer = pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/p/")?, pardon::i18n::Messages::builder().build()?);
    /// let fr = renderer.messages().locale("fr").unwrap();
    /// let entry = renderer.catalogue_entry(&pardon::builtin::CONFLICT, fr);
    /// let json: serde_json::Value = serde_json::from_slice(entry.body())?;
    /// assert_eq!(json["type"], "https://x.test/p/conflict");
    /// assert_eq!(entry.content_language(), "fr");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn catalogue_entry(&self, problem_type: &ProblemType, locale: Locale) -> Catalogue {
        let mut languages = Languages::default();
        let entry = self.type_entry(problem_type, locale, &mut languages);
        self.catalogue_document(&entry, locale, &languages)
    }

    /// An HTML index of the type pages in `locale`: each type's status, title and code,
    /// linked to its page, then the field codes.
    ///
    /// # Examples
    ///
    /// ```
    /// # let renderer = pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/p/")?, pardon::i18n::Messages::builder().build()?);
    /// let es = renderer.messages().locale("es").unwrap();
    /// let page = renderer.catalogue_page(es);
    /// let html = std::str::from_utf8(page.body())?;
    /// assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"es\""));
    /// assert!(html.contains("<code dir=\"ltr\">RATE_LIMITED</code>"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn catalogue_page(&self, locale: Locale) -> Catalogue {
        let mut languages = Languages::default();
        let labels = self.labels(locale.index());
        languages.merge(&labels.languages);
        let messages = self.messages();
        let primary = locale.index();
        let mut page = page_start(messages.locale_tag(primary), &labels.catalogue, None);
        page.push_str("<ul>\n");
        for problem_type in self.registry().types() {
            let code = problem_type.code().as_str();
            let title = languages.record(messages.localize(locale, code, None, None));
            let title_lang = title
                .as_ref()
                .map(|t| t.locale)
                .filter(|&l| l != primary)
                .map(|l| messages.locale_tag(l));
            let title = title.map_or_else(|| code.to_owned(), |t| t.text.into_owned());
            let uri = self.registry().type_uri(problem_type);
            let _ = writeln!(
                page,
                "<li><a href=\"{}\"{}>{} {}</a> <code dir=\"ltr\">{}</code></li>",
                escape(uri.as_str()),
                lang_attribute(title_lang),
                problem_type.status().as_u16(),
                escape(&title),
                escape(code),
            );
        }
        page.push_str("</ul>\n");
        let _ = writeln!(page, "<h2>{}</h2>\n<ul>", escape(&labels.field_codes));
        for field_code in self.registry().field_codes() {
            let code = field_code.code().as_str();
            let title = languages
                .text(messages.localize(locale, code, None, None))
                .map_or_else(|| code.to_owned(), std::borrow::Cow::into_owned);
            let _ = writeln!(
                page,
                "<li><code dir=\"ltr\">{}</code> {}</li>",
                escape(code),
                escape(&title)
            );
        }
        page.push_str("</ul>\n");
        page.push_str(page_end());
        Catalogue {
            body: page.into_bytes(),
            content_language: languages.header_value(messages, primary),
        }
    }

    fn type_entry(&self, t: &ProblemType, locale: Locale, languages: &mut Languages) -> Value {
        let messages = self.messages();
        let code = t.code().as_str();
        let text = |attribute: Option<&str>, languages: &mut Languages| {
            languages
                .text(messages.localize(locale, code, attribute, None))
                .map_or(Value::Null, |t| Value::String(t.into_owned()))
        };
        let headers: Vec<&str> = [
            (TypeHeader::RetryAfter, "Retry-After"),
            (TypeHeader::WwwAuthenticate, "WWW-Authenticate"),
            (TypeHeader::Allow, "Allow"),
        ]
        .into_iter()
        .filter(|(header, _)| t.carries(*header))
        .map(|(_, name)| name)
        .collect();
        let mut entry = Map::new();
        entry.insert("code".into(), code.into());
        entry.insert(
            "type".into(),
            self.registry().type_uri(t).as_str().to_owned().into(),
        );
        entry.insert("status".into(), t.status().as_u16().into());
        entry.insert("title".into(), text(None, languages));
        entry.insert("description".into(), text(Some("description"), languages));
        entry.insert("args".into(), t.args().into());
        entry.insert("headers".into(), headers.into());
        Value::Object(entry)
    }

    fn field_code_entry(&self, c: &FieldCode, locale: Locale, languages: &mut Languages) -> Value {
        let code = c.code().as_str();
        // A field code's message is its detail: the text a frontend shows for it.
        let title = languages
            .text(self.messages().localize(locale, code, None, None))
            .map_or(Value::Null, |t| Value::String(t.into_owned()));
        json!({ "code": code, "title": title, "args": c.args() })
    }

    fn catalogue_document(
        &self,
        document: &Value,
        locale: Locale,
        languages: &Languages,
    ) -> Catalogue {
        Catalogue {
            body: serde_json::to_vec(document).unwrap_or_default(),
            content_language: languages.header_value(self.messages(), locale.index()),
        }
    }
}
