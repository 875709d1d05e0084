//! `#[derive(Problem)]` for [pardon](https://docs.rs/pardon): an application's problem
//! types declared as a Rust enum (one type per variant) or struct.
//!
//! Use it through `pardon`, which re-exports it behind its default `derive` feature; the
//! expansion names `::pardon`.
//!
//! ```
//! use pardon::{Problem, ProblemSet};
//!
//! #[derive(Debug, Problem)]
//! enum ShopProblem {
//!     #[problem(status = 404, code = "USER_NOT_FOUND")]
//!     UserNotFound { id: u64 },
//!     #[problem(status = 500, code = "INTERNAL_ERROR")]
//!     Database(#[source] std::io::Error),
//! }
//!
//! let problem: pardon::Problem = ShopProblem::UserNotFound { id: 7 }.into();
//! assert_eq!(problem.code().unwrap().as_str(), "USER_NOT_FOUND");
//! assert_eq!(problem.extension("id"), Some(&serde_json::json!(7)));
//! assert_eq!(ShopProblem::problem_types().len(), 2);
//! ```

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as TokenStream2};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{parse_macro_input, Attribute, Data, DeriveInput, Error, Fields, Ident, LitInt, LitStr};

/// Derives `pardon::ProblemSet`, `Display`, `std::error::Error` and
/// `From<Self> for pardon::Problem`.
///
/// - On each variant (or the struct): `#[problem(status = 404, code = "USER_NOT_FOUND")]`.
/// - On fields: `#[problem(skip)]` leaves one out, `#[problem(rename = "name")]` renames
///   it, `#[problem(retry_after)]` sends it as `Retry-After` (and the `retry_after`
///   member); `#[source]` keeps it as the cause, for the log only.
///
/// Every other field is an extension member and a Fluent argument.
#[proc_macro_derive(Problem, attributes(problem, source))]
pub fn derive_problem(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand(&input)
        .unwrap_or_else(Error::into_compile_error)
        .into()
}

/// Member names that a field can never take: the standard members, `code`, `errors`.
const RESERVED: [&str; 7] = [
    "type", "title", "status", "detail", "instance", "code", "errors",
];

struct Kind {
    /// `Type::Variant` or `Type`, for patterns.
    path: TokenStream2,
    code: LitStr,
    status: LitInt,
    fields: Vec<Field>,
    named: bool,
    /// The code literal's, for errors about the type as a whole.
    span: Span,
}

struct Field {
    binding: Ident,
    /// The member's name; `None` when skipped.
    member: Option<String>,
    role: Role,
    span: Span,
    /// `a` or `0`, for patterns.
    accessor: TokenStream2,
}

#[derive(PartialEq)]
enum Role {
    Member,
    Source,
    RetryAfter,
    Skipped,
}

fn expand(input: &DeriveInput) -> syn::Result<TokenStream2> {
    if !input.generics.params.is_empty() {
        return Err(Error::new(
            input.generics.span(),
            "#[derive(Problem)] does not support generic types",
        ));
    }
    let kinds = match &input.data {
        Data::Enum(data) => {
            if data.variants.is_empty() {
                return Err(Error::new(
                    input.ident.span(),
                    "#[derive(Problem)] needs at least one variant",
                ));
            }
            data.variants
                .iter()
                .map(|v| {
                    let ident = &v.ident;
                    let name = &input.ident;
                    kind(quote!(#name::#ident), &v.attrs, &v.fields, v.span())
                })
                .collect::<syn::Result<Vec<_>>>()?
        }
        Data::Struct(data) => {
            let name = &input.ident;
            vec![kind(
                quote!(#name),
                &input.attrs,
                &data.fields,
                name.span(),
            )?]
        }
        Data::Union(_) => {
            return Err(Error::new(
                input.ident.span(),
                "#[derive(Problem)] does not support unions",
            ))
        }
    };
    for (i, a) in kinds.iter().enumerate() {
        if let Some(b) = kinds[..i].iter().find(|b| b.code.value() == a.code.value()) {
            let mut error = Error::new(
                a.code.span(),
                format!("problem code {} is used twice", a.code.value()),
            );
            error.combine(Error::new(b.code.span(), "first used here"));
            return Err(error);
        }
    }
    Ok(generate(&input.ident, &kinds))
}

fn kind(path: TokenStream2, attrs: &[Attribute], fields: &Fields, span: Span) -> syn::Result<Kind> {
    let mut code: Option<LitStr> = None;
    let mut status: Option<LitInt> = None;
    for attr in attrs.iter().filter(|a| a.path().is_ident("problem")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("code") {
                let lit: LitStr = meta.value()?.parse()?;
                if !is_upper_snake(&lit.value()) {
                    return Err(Error::new(
                        lit.span(),
                        format!("problem code `{}` is not UPPER_SNAKE_CASE", lit.value()),
                    ));
                }
                code = Some(lit);
            } else if meta.path.is_ident("status") {
                let lit: LitInt = meta.value()?.parse()?;
                let n: u16 = lit.base10_parse()?;
                if !(400..=599).contains(&n) {
                    return Err(Error::new(
                        lit.span(),
                        format!("problem status {n} is not a client or server error (400..=599)"),
                    ));
                }
                status = Some(lit);
            } else {
                return Err(meta.error("expected `status = …` or `code = …`"));
            }
            Ok(())
        })?;
    }
    let Some(attr) = attrs.iter().find(|a| a.path().is_ident("problem")) else {
        return Err(Error::new(
            span,
            "missing #[problem(status = …, code = \"…\")]",
        ));
    };
    let code = code.ok_or_else(|| {
        Error::new_spanned(
            attr,
            "missing `code = \"UPPER_SNAKE_CASE\"` in #[problem(…)]",
        )
    })?;
    let status = status.ok_or_else(|| {
        Error::new_spanned(attr, "missing `status = 4xx or 5xx` in #[problem(…)]")
    })?;
    let code_span = code.span();
    let (named, fields) = match fields {
        Fields::Named(named) => (true, named.named.iter().collect::<Vec<_>>()),
        Fields::Unnamed(unnamed) => (false, unnamed.unnamed.iter().collect()),
        Fields::Unit => (true, Vec::new()),
    };
    let mut out = Vec::new();
    for (i, f) in fields.into_iter().enumerate() {
        out.push(field(i, f)?);
    }
    let members: Vec<&Field> = out.iter().filter(|f| f.member.is_some()).collect();
    for (i, a) in members.iter().enumerate() {
        if members[..i].iter().any(|b| b.member == a.member) {
            return Err(Error::new(a.span, "two fields have the same member name"));
        }
    }
    if out.iter().filter(|f| f.role == Role::Source).count() > 1 {
        return Err(Error::new(span, "at most one #[source] field"));
    }
    Ok(Kind {
        path,
        code,
        status,
        fields: out,
        named,
        span: code_span,
    })
}

fn field(index: usize, f: &syn::Field) -> syn::Result<Field> {
    let mut role = Role::Member;
    let mut rename: Option<LitStr> = None;
    for attr in &f.attrs {
        if attr.path().is_ident("source") {
            role = Role::Source;
        } else if attr.path().is_ident("problem") {
            attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("skip") {
                    role = Role::Skipped;
                } else if meta.path.is_ident("retry_after") {
                    role = Role::RetryAfter;
                } else if meta.path.is_ident("rename") {
                    rename = Some(meta.value()?.parse()?);
                } else {
                    return Err(meta.error("expected `skip`, `rename = \"…\"` or `retry_after`"));
                }
                Ok(())
            })?;
        }
    }
    let (binding, accessor) = match &f.ident {
        Some(ident) => (format_ident!("field_{}", ident), quote!(#ident)),
        None => {
            let i = syn::Index::from(index);
            (format_ident!("field_{}", index), quote!(#i))
        }
    };
    let member = match role {
        Role::Skipped | Role::Source => None,
        Role::RetryAfter => Some("retry_after".to_owned()),
        Role::Member => {
            let name = match (&rename, &f.ident) {
                (Some(lit), _) => lit.value(),
                (None, Some(ident)) => ident.to_string().trim_start_matches("r#").to_owned(),
                (None, None) => {
                    return Err(Error::new(
                        f.span(),
                        "a tuple field needs #[problem(rename = \"name\")], #[problem(skip)] or #[source]",
                    ))
                }
            };
            let span = rename.as_ref().map_or_else(|| f.span(), LitStr::span);
            if RESERVED.contains(&name.as_str()) {
                return Err(Error::new(span, format!("field `{name}` would overwrite the standard member `{name}`; rename or skip it")));
            }
            if !is_member_name(&name) {
                return Err(Error::new(
                    span,
                    format!(
                        "member name `{name}` must be a letter followed by letters, digits or `_`"
                    ),
                ));
            }
            Some(name)
        }
    };
    Ok(Field {
        binding,
        member,
        role,
        span: f.span(),
        accessor,
    })
}

fn is_upper_snake(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && b[0].is_ascii_uppercase()
        && !s.ends_with('_')
        && !s.contains("__")
        && b.iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b'_')
}

fn is_member_name(s: &str) -> bool {
    let mut b = s.bytes();
    b.next().is_some_and(|c| c.is_ascii_alphabetic())
        && b.all(|c| c.is_ascii_alphanumeric() || c == b'_')
}

fn generate(name: &Ident, kinds: &[Kind]) -> TokenStream2 {
    let count = kinds.len();
    let types = kinds.iter().map(|k| {
        let code = &k.code;
        let status = &k.status;
        let args: Vec<&String> = k.fields.iter().filter_map(|f| f.member.as_ref()).collect();
        let headers = if k.fields.iter().any(|f| f.role == Role::RetryAfter) {
            quote!(.with_headers(&[::pardon::catalog::TypeHeader::RetryAfter]))
        } else {
            quote!()
        };
        quote_spanned! {k.span=>
            ::pardon::ProblemType::new(
                ::pardon::Code::from_static(#code),
                ::pardon::__private::status(#status),
            )
            .with_args(&[#(#args),*])
            #headers
        }
    });
    let builtin_checks = kinds.iter().map(|k| {
        let code = &k.code;
        let status = &k.status;
        quote_spanned! {k.span=>
            const _: () = ::pardon::__private::check_builtin(#code, #status);
        }
    });
    let patterns: Vec<TokenStream2> = kinds.iter().map(|k| pattern(k, false)).collect();
    let indices = 0..count;
    let sources = kinds.iter().map(|k| {
        let pattern = pattern(k, true);
        match k.fields.iter().find(|f| f.role == Role::Source) {
            Some(f) => {
                let binding = &f.binding;
                quote!(#pattern => ::core::option::Option::Some(#binding as &(dyn ::std::error::Error + 'static)),)
            }
            None => quote!(#pattern => ::core::option::Option::None,),
        }
    });
    let conversions = kinds.iter().enumerate().map(|(i, k)| {
        let pattern = pattern(k, true);
        let members = k.fields.iter().filter(|f| f.role == Role::Member).map(|f| {
            let binding = &f.binding;
            let member = f.member.as_deref().unwrap_or_default();
            quote!(let problem = problem.with_extension(#member, &#binding)?;)
        });
        let retry = k.fields.iter().filter(|f| f.role == Role::RetryAfter).map(|f| {
            let binding = &f.binding;
            quote!(let problem = problem.with_retry_after(::pardon::RetryAfter::from(#binding));)
        });
        let source = k.fields.iter().filter(|f| f.role == Role::Source).map(|f| {
            let binding = &f.binding;
            quote!(let problem = problem.with_source(#binding);)
        });
        quote! {
            #pattern => {
                let problem_type = &<#name as ::pardon::ProblemSet>::problem_types()[#i];
                let built = (|| -> ::core::result::Result<::pardon::Problem, ::pardon::problem::ExtensionError> {
                    let problem = ::pardon::Problem::new(problem_type);
                    #(#members)*
                    ::core::result::Result::Ok(problem)
                })();
                let problem = match built {
                    ::core::result::Result::Ok(problem) => problem,
                    ::core::result::Result::Err(error) => ::pardon::Problem::internal(error),
                };
                #(#retry)*
                #(#source)*
                problem
            }
        }
    });
    quote! {
        #(#builtin_checks)*

        #[automatically_derived]
        impl ::pardon::ProblemSet for #name {
            fn problem_types() -> &'static [::pardon::ProblemType] {
                static TYPES: [::pardon::ProblemType; #count] = [#(#types),*];
                &TYPES
            }

            fn problem_type(&self) -> &'static ::pardon::ProblemType {
                let index = match self {
                    #(#patterns => #indices,)*
                };
                &<#name as ::pardon::ProblemSet>::problem_types()[index]
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::pardon::__private::display_title(::pardon::ProblemSet::problem_type(self), f)
            }
        }

        #[automatically_derived]
        impl ::std::error::Error for #name {
            fn source(&self) -> ::core::option::Option<&(dyn ::std::error::Error + 'static)> {
                #[allow(unused_variables)]
                match self {
                    #(#sources)*
                }
            }
        }

        #[automatically_derived]
        impl ::core::convert::From<#name> for ::pardon::Problem {
            fn from(value: #name) -> ::pardon::Problem {
                #[allow(unused_variables)]
                match value {
                    #(#conversions)*
                }
            }
        }
    }
}

/// `Self::Variant { a: field_a, .. }`, binding every field when `bind` is set.
fn pattern(k: &Kind, bind: bool) -> TokenStream2 {
    let path = &k.path;
    if !bind {
        return if k.named {
            quote!(#path { .. })
        } else {
            quote!(#path(..))
        };
    }
    let bindings = k.fields.iter().map(|f| {
        let accessor = &f.accessor;
        let binding = &f.binding;
        quote!(#accessor: #binding)
    });
    quote!(#path { #(#bindings),* })
}
