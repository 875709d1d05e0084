//! The demo's request and response bodies: typed, with derive-based validation (`ValidJson`
//! reports every fault of shape — missing, wrong type — and of these rules at once, each at
//! its JSON Pointer) and their OpenAPI schemas, which state the same rules.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::{Validate, ValidationError};

/// The products the shop sells (the store's stock starts with these).
pub(crate) const PRODUCTS: [i64; 2] = [1, 2];

/// A user as the API shows it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub(crate) struct User {
    #[schema(minimum = 1)]
    pub(crate) id: u64,
    pub(crate) name: String,
    pub(crate) email: String,
    /// Only an admin sees a private user.
    #[serde(skip)]
    #[schema(ignore)]
    pub(crate) private: bool,
}

/// The body of `POST /users`. A blank (empty or all-space) string counts as missing.
#[derive(Debug, Deserialize, Validate, ToSchema)]
pub(crate) struct NewUser {
    #[validate(custom(function = "not_blank"))]
    #[schema(min_length = 1, pattern = "\\S")]
    pub(crate) name: String,
    #[validate(custom(function = "plausible_email"))]
    #[schema(format = Email)]
    pub(crate) email: String,
    #[validate(custom(function = "not_blank"), length(min = 8))]
    #[schema(min_length = 8, pattern = "\\S")]
    pub(crate) password: String,
    #[validate(range(min = 18, max = 150))]
    #[schema(minimum = 18, maximum = 150)]
    pub(crate) age: i64,
    #[validate(nested)]
    pub(crate) address: Option<Address>,
}

/// A postal address.
#[derive(Debug, Deserialize, Validate, ToSchema)]
pub(crate) struct Address {
    #[validate(custom(function = "five_digits"))]
    #[schema(pattern = "^[0-9]{5}$")]
    pub(crate) zip_code: Option<String>,
}

/// The body of `POST /orders`.
#[derive(Debug, Deserialize, Validate, ToSchema)]
pub(crate) struct NewOrder {
    #[validate(custom(function = "not_empty"), nested)]
    #[schema(min_items = 1)]
    pub(crate) items: Vec<OrderItem>,
}

/// One line of an order.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
pub(crate) struct OrderItem {
    /// One of the products the shop sells.
    #[validate(custom(function = "known_product"))]
    #[schema(minimum = 1, maximum = 2)]
    pub(crate) product_id: i64,
    #[validate(range(min = 1, max = 1000))]
    #[schema(minimum = 1, maximum = 1000)]
    pub(crate) quantity: i64,
}

/// An order as the API shows it once placed.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Order {
    pub(crate) id: u64,
    pub(crate) items: Vec<OrderItem>,
}

/// The reports `GET /reports` lists.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Reports {
    pub(crate) reports: Vec<Report>,
}

/// One report.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Report {
    pub(crate) id: u64,
    pub(crate) name: String,
}

/// A rule's failure under one of pardon's field codes (a validator code in
/// UPPER_SNAKE_CASE is kept as the field code).
fn fails(code: &'static str) -> Result<(), ValidationError> {
    Err(ValidationError::new(code))
}

/// Blank (empty or all spaces) is the same as missing.
fn not_blank(text: &str) -> Result<(), ValidationError> {
    if text.trim().is_empty() {
        return fails("REQUIRED");
    }
    Ok(())
}

fn plausible_email(email: &str) -> Result<(), ValidationError> {
    not_blank(email)?;
    let Some((local, domain)) = email.split_once('@') else {
        return fails("INVALID_FORMAT");
    };
    let plausible = !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(|c| {
            // No spaces, and no invisible or direction-changing characters.
            c.is_whitespace()
                || c.is_control()
                || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
        });
    if plausible {
        Ok(())
    } else {
        fails("INVALID_FORMAT")
    }
}

fn five_digits(zip: &str) -> Result<(), ValidationError> {
    if zip.len() == 5 && zip.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        fails("INVALID_FORMAT")
    }
}

fn not_empty(items: &[OrderItem]) -> Result<(), ValidationError> {
    if items.is_empty() {
        return fails("REQUIRED");
    }
    Ok(())
}

fn known_product(product_id: i64) -> Result<(), ValidationError> {
    if PRODUCTS.contains(&product_id) {
        Ok(())
    } else {
        fails("UNKNOWN_VALUE")
    }
}
