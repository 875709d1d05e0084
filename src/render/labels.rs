//! The labels of HTML pages (`page-*` messages), localized once per page.

use super::languages::Languages;
use crate::i18n::{Locale, Messages};

/// Every label a problem page or a type page shows, in one locale (falling back like any
/// message, to the default locale and then to the English text here).
#[derive(Debug)]
pub(crate) struct Labels {
    pub(crate) type_: String,
    pub(crate) status: String,
    pub(crate) code: String,
    pub(crate) instance: String,
    pub(crate) request_id: String,
    pub(crate) members: String,
    pub(crate) headers: String,
    pub(crate) example: String,
    pub(crate) errors: String,
    pub(crate) error_location: String,
    pub(crate) error_code: String,
    pub(crate) error_detail: String,
    pub(crate) pointer: String,
    pub(crate) parameter: String,
    pub(crate) header: String,
    pub(crate) catalogue: String,
    pub(crate) field_codes: String,
    /// The locales the labels came from.
    pub(crate) languages: Languages,
}

impl Labels {
    /// The labels in the locale at `locale`, made once per locale when the renderer is
    /// built.
    pub(crate) fn new(messages: &Messages, locale: usize) -> Labels {
        let english_index = messages.locale_index("en");
        let mut languages = Languages::default();
        let mut label = |id: &str, english: &str| {
            languages
                .text(messages.localize(Locale::at(locale), id, None, None))
                .map_or_else(
                    || {
                        if let Some(en) = english_index {
                            languages.add(en);
                        }
                        english.to_owned()
                    },
                    std::borrow::Cow::into_owned,
                )
        };
        let mut labels = Labels {
            type_: label("page-type", "Type"),
            status: label("page-status", "Status"),
            code: label("page-code", "Code"),
            instance: label("page-instance", "Instance"),
            request_id: label("page-request-id", "Request ID"),
            members: label("page-members", "Members"),
            headers: label("page-headers", "Headers"),
            example: label("page-example", "Example"),
            errors: label("page-errors", "Errors"),
            error_location: label("page-error-location", "Location"),
            error_code: label("page-error-code", "Code"),
            error_detail: label("page-error-detail", "Detail"),
            pointer: label("page-location-pointer", "JSON pointer"),
            parameter: label("page-location-parameter", "Parameter"),
            header: label("page-location-header", "Header"),
            catalogue: label("page-catalogue", "Problem types"),
            field_codes: label("page-field-codes", "Field error codes"),
            languages: Languages::default(),
        };
        labels.languages = languages;
        labels
    }

    /// The label of a standard member, `None` for an extension member (shown by its name).
    pub(crate) fn member(&self, name: &str) -> Option<&str> {
        match name {
            "type" => Some(&self.type_),
            "status" => Some(&self.status),
            "code" => Some(&self.code),
            "instance" => Some(&self.instance),
            "request_id" => Some(&self.request_id),
            _ => None,
        }
    }

    /// The label of a field error's location kind (`pointer`, `parameter`, `header`).
    pub(crate) fn location(&self, member: &str) -> &str {
        match member {
            "pointer" => &self.pointer,
            "parameter" => &self.parameter,
            _ => &self.header,
        }
    }
}
