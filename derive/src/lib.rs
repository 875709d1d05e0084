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
//! // Each type is also an associated constant, named by its code.
//! assert_eq!(ShopProblem::USER_NOT_FOUND.status().as_u16(), 404);
//! ```

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as TokenStream2};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{
    Attribute, Data, DeriveInput, Error, Fields, Ident, LitInt, LitStr, Path, Type,
    parse_macro_input,
};

/// Derives `pardon::ProblemSet`, `Display` (the code and status, as `CODE (404)`: never a
/// source's text), `std::error::Error`, `From<Self> for pardon::Problem`, with pardon's
/// `actix` feature actix's `ResponseError`, and with its `axum` feature axum's
/// `IntoResponse`. Each problem type is also an associated constant of the type, named by
/// its code (`ShopProblem::USER_NOT_FOUND`; not where a variant has that name), which
/// `pardon::problem_responses!` can name.
///
/// - On each variant (or the struct): `#[problem(status = 404, code = "USER_NOT_FOUND")]`.
/// - On the enum or struct: `#[problem(crate = "path::to::pardon")]` when pardon is not
///   reachable as `::pardon`; `#[problem(decode)]` also derives
///   `TryFrom<&pardon::Problem>`, which reads a document back into the type (for clients;
///   its members must be `Deserialize` and its skipped fields `Default`);
///   `#[problem(openapi)]` also derives `utoipa::IntoResponses` (pardon's `utoipa`
///   feature): every type of the set, for `#[utoipa::path(responses(...))]`.
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

/// The longest code, as `pardon::Code` accepts it.
const MAX_CODE_LEN: usize = 64;

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
    /// The member's name; `None` when skipped or the source.
    member: Option<String>,
    role: Role,
    span: Span,
    /// The field type's span, so that a type error points at the field.
    ty_span: Span,
    /// A `Box<dyn Error …>` source, kept as it is.
    boxed_source: bool,
    /// `a` or `0`, for patterns.
    accessor: TokenStream2,
    /// A typed example value for the type's documentation, when the field's type is a
    /// plain integer, string or boolean.
    example: Option<TokenStream2>,
    /// The field's type, to read it back from a document.
    ty: Type,
}

#[derive(Clone, Copy, PartialEq)]
enum Role {
    Member,
    Source,
    RetryAfter,
    Skipped,
}

impl Role {
    fn name(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Source => "#[source]",
            Role::RetryAfter => "retry_after",
            Role::Skipped => "skip",
        }
    }
}

fn expand(input: &DeriveInput) -> syn::Result<TokenStream2> {
    if !input.generics.params.is_empty() {
        return Err(Error::new(
            input.generics.span(),
            "#[derive(Problem)] does not support generic types",
        ));
    }
    let name = &input.ident;
    let decode = has_flag(&input.attrs, "decode");
    let openapi = has_flag(&input.attrs, "openapi");
    let (krate, kinds) = match &input.data {
        Data::Enum(data) => {
            let krate = crate_path(&input.attrs, true)?;
            if data.variants.is_empty() {
                return Err(Error::new(
                    name.span(),
                    "#[derive(Problem)] needs at least one variant",
                ));
            }
            let kinds = data
                .variants
                .iter()
                .map(|v| {
                    let ident = &v.ident;
                    kind(quote!(#name::#ident), &v.attrs, &v.fields, v.span(), false)
                })
                .collect::<syn::Result<Vec<_>>>()?;
            (krate, kinds)
        }
        Data::Struct(data) => {
            let krate = crate_path(&input.attrs, false)?;
            let kind = kind(quote!(#name), &input.attrs, &data.fields, name.span(), true)?;
            (krate, vec![kind])
        }
        Data::Union(_) => {
            return Err(Error::new(
                name.span(),
                "#[derive(Problem)] does not support unions",
            ));
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
    Ok(generate(name, &krate, &kinds, decode, openapi))
}

/// Whether the type-level attribute holds the flag `name`: `#[problem(decode)]` (read back
/// from documents) or `#[problem(openapi)]` (`utoipa`'s `IntoResponses`).
fn has_flag(attrs: &[Attribute], name: &str) -> bool {
    let mut found = false;
    for attr in attrs.iter().filter(|a| a.path().is_ident("problem")) {
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident(name) {
                found = true;
            } else if meta.input.peek(syn::Token![=]) {
                meta.value()?.parse::<syn::Lit>()?;
            }
            Ok(())
        });
    }
    found
}

/// The path to pardon: `#[problem(crate = "…")]` on the type, else `::pardon`. On an
/// enum, that, `decode` and `openapi` are the only keys the type-level attribute takes.
fn crate_path(attrs: &[Attribute], is_enum: bool) -> syn::Result<Path> {
    let mut krate: Option<Path> = None;
    for attr in attrs.iter().filter(|a| a.path().is_ident("problem")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("crate") {
                if krate.is_some() {
                    return Err(meta.error("`crate` is given twice"));
                }
                let lit: LitStr = meta.value()?.parse()?;
                krate = Some(lit.parse()?);
            } else if meta.path.is_ident("decode") || meta.path.is_ident("openapi") {
                // Read by `has_flag`.
            } else if is_enum {
                return Err(meta.error(
                    "on an enum, #[problem] takes only `crate`, `decode` and `openapi`; put `status` and `code` on each variant",
                ));
            } else {
                // A struct's `status` and `code`: `kind` reads them.
                meta.value()?.parse::<syn::Lit>()?;
            }
            Ok(())
        })?;
    }
    Ok(krate.unwrap_or_else(|| syn::parse_quote!(::pardon)))
}

fn kind(
    path: TokenStream2,
    attrs: &[Attribute],
    fields: &Fields,
    span: Span,
    is_struct: bool,
) -> syn::Result<Kind> {
    let mut code: Option<LitStr> = None;
    let mut status: Option<LitInt> = None;
    for attr in attrs.iter().filter(|a| a.path().is_ident("problem")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("code") {
                if code.is_some() {
                    return Err(meta.error("`code` is given twice"));
                }
                let lit: LitStr = meta.value()?.parse()?;
                check_code(&lit)?;
                code = Some(lit);
            } else if meta.path.is_ident("status") {
                if status.is_some() {
                    return Err(meta.error("`status` is given twice"));
                }
                let lit: LitInt = meta.value()?.parse()?;
                if !lit.suffix().is_empty() {
                    return Err(Error::new(
                        lit.span(),
                        "write the status without a suffix, as `404`",
                    ));
                }
                let n: u16 = lit.base10_parse()?;
                if !(400..=599).contains(&n) {
                    return Err(Error::new(
                        lit.span(),
                        format!("problem status {n} is not a client or server error (400..=599)"),
                    ));
                }
                status = Some(lit);
            } else if meta.path.is_ident("crate") && is_struct {
                let _: LitStr = meta.value()?.parse()?;
            } else if (meta.path.is_ident("decode") || meta.path.is_ident("openapi")) && is_struct {
                // A flag of the type: read by `has_flag`.
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
    for role in [Role::Source, Role::RetryAfter] {
        if let Some(second) = out.iter().filter(|f| f.role == role).nth(1) {
            return Err(Error::new(
                second.span,
                format!("at most one {} field", role.name()),
            ));
        }
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

fn check_code(lit: &LitStr) -> syn::Result<()> {
    let code = lit.value();
    if code.len() > MAX_CODE_LEN {
        return Err(Error::new(
            lit.span(),
            format!(
                "problem code is {} characters long; at most {MAX_CODE_LEN}",
                code.len()
            ),
        ));
    }
    if !is_upper_snake(&code) {
        return Err(Error::new(
            lit.span(),
            format!("problem code `{code}` is not UPPER_SNAKE_CASE"),
        ));
    }
    Ok(())
}

fn field(index: usize, f: &syn::Field) -> syn::Result<Field> {
    let mut role: Option<(Role, Span)> = None;
    let mut rename: Option<LitStr> = None;
    let mut set_role = |new: Role, span: Span| -> syn::Result<()> {
        match role {
            Some((old, _)) => Err(Error::new(
                span,
                format!(
                    "a field is either a member, `skip`, `retry_after` or #[source]; this one is already {}",
                    old.name()
                ),
            )),
            None => {
                role = Some((new, span));
                Ok(())
            }
        }
    };
    for attr in &f.attrs {
        if attr.path().is_ident("source") {
            set_role(Role::Source, attr.span())?;
        } else if attr.path().is_ident("problem") {
            attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("skip") {
                    set_role(Role::Skipped, meta.path.span())
                } else if meta.path.is_ident("retry_after") {
                    set_role(Role::RetryAfter, meta.path.span())
                } else if meta.path.is_ident("rename") {
                    if rename.is_some() {
                        return Err(meta.error("`rename` is given twice"));
                    }
                    rename = Some(meta.value()?.parse()?);
                    Ok(())
                } else {
                    Err(meta.error("expected `skip`, `rename = \"…\"` or `retry_after`"))
                }
            })?;
        }
    }
    let role = role.map_or(Role::Member, |(r, _)| r);
    if let (Some(lit), true) = (&rename, role != Role::Member) {
        return Err(Error::new(
            lit.span(),
            format!(
                "`rename` names a member; a {} field is not one",
                role.name()
            ),
        ));
    }
    let (binding, accessor) = match &f.ident {
        Some(ident) => (
            format_ident!(
                "__pardon_field_{}",
                ident.to_string().trim_start_matches("r#")
            ),
            quote!(#ident),
        ),
        None => {
            let i = syn::Index::from(index);
            (format_ident!("__pardon_field_{}", index), quote!(#i))
        }
    };
    let member = match role {
        Role::Skipped | Role::Source => None,
        Role::RetryAfter => Some("retry_after".to_owned()),
        Role::Member => Some(member_name(f, rename.as_ref())?),
    };
    Ok(Field {
        binding,
        member,
        role,
        span: f.span(),
        ty_span: f.ty.span(),
        boxed_source: role == Role::Source && is_boxed_dyn(&f.ty),
        accessor,
        example: match role {
            Role::RetryAfter => Some(quote!(Integer(30))),
            Role::Member => example_for(&f.ty),
            Role::Skipped | Role::Source => None,
        },
        ty: f.ty.clone(),
    })
}

fn member_name(f: &syn::Field, rename: Option<&LitStr>) -> syn::Result<String> {
    let name = match (rename, &f.ident) {
        (Some(lit), _) => lit.value(),
        (None, Some(ident)) => ident.to_string().trim_start_matches("r#").to_owned(),
        (None, None) => {
            return Err(Error::new(
                f.span(),
                "a tuple field needs #[problem(rename = \"name\")], #[problem(skip)] or #[source]",
            ));
        }
    };
    let span = rename.map_or_else(|| f.span(), LitStr::span);
    if RESERVED.contains(&name.as_str()) {
        return Err(Error::new(
            span,
            format!(
                "field `{name}` would overwrite the standard member `{name}`; rename or skip it"
            ),
        ));
    }
    if !is_member_name(&name) {
        return Err(Error::new(
            span,
            format!("member name `{name}` must be a letter followed by letters, digits or `_`"),
        ));
    }
    Ok(name)
}

/// An `Example` variant for a field written as an integer, a string or `bool` (or an
/// `Option` of one); `None` for any other type, whose example is left out.
fn example_for(ty: &Type) -> Option<TokenStream2> {
    let ty = match ty {
        Type::Reference(r) => &*r.elem,
        other => other,
    };
    let Type::Path(path) = ty else {
        return None;
    };
    let last = path.path.segments.last()?;
    let name = last.ident.to_string();
    match name.as_str() {
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64" | "i128"
        | "isize" => Some(quote!(Integer(42))),
        "String" | "str" | "Cow" => Some(quote!(Text("example"))),
        "bool" => Some(quote!(Bool(true))),
        "Option" => match &last.arguments {
            syn::PathArguments::AngleBracketed(args) => match args.args.first()? {
                syn::GenericArgument::Type(inner) => example_for(inner),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// Whether `ty` is written `Box<dyn …>`.
fn is_boxed_dyn(ty: &Type) -> bool {
    let Type::Path(path) = ty else { return false };
    let Some(last) = path.path.segments.last() else {
        return false;
    };
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return false;
    };
    last.ident == "Box"
        && matches!(
            args.args.first(),
            Some(syn::GenericArgument::Type(Type::TraitObject(_)))
        )
}

fn is_upper_snake(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
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

fn generate(
    name: &Ident,
    krate: &Path,
    kinds: &[Kind],
    decode: bool,
    openapi: bool,
) -> TokenStream2 {
    let count = kinds.len();
    let types = kinds.iter().map(|k| {
        let code = &k.code;
        let status = &k.status;
        let args: Vec<&String> = k.fields.iter().filter_map(|f| f.member.as_ref()).collect();
        let examples = k.fields.iter().filter_map(|f| {
            let (member, example) = (f.member.as_ref()?, f.example.as_ref()?);
            Some(quote!((#member, #krate::catalog::Example::#example)))
        });
        let headers = if k.fields.iter().any(|f| f.role == Role::RetryAfter) {
            quote!(.with_headers(&[#krate::catalog::TypeHeader::RetryAfter]))
        } else {
            quote!()
        };
        quote_spanned! {k.span=>
            #krate::ProblemType::new(
                #krate::Code::from_static(#code),
                #status,
            )
            .with_args(&[#(#args),*])
            .with_examples(&[#(#examples),*])
            #headers
        }
    });
    let types: Vec<TokenStream2> = types.collect();
    // Each type as an associated constant named by its code (`ShopProblem::OUT_OF_STOCK`),
    // but where a variant has that very name: the variant keeps it.
    let variants: Vec<String> = kinds
        .iter()
        .filter_map(|k| k.path.clone().into_iter().last().map(|t| t.to_string()))
        .collect();
    let consts = kinds.iter().zip(&types).filter_map(|(k, problem_type)| {
        let code = k.code.value();
        if variants.contains(&code) {
            return None;
        }
        let const_name = Ident::new(&code, k.code.span());
        let doc = format!("The `{code}` problem type.");
        Some(quote! {
            #[doc = #doc]
            pub const #const_name: #krate::ProblemType = #problem_type;
        })
    });
    let builtin_checks = kinds.iter().map(|k| {
        let code = &k.code;
        let status = &k.status;
        // The call carries the code's span, so that a failure points at the code.
        let check = quote_spanned! {k.span=> __pardon_private::check_builtin(#code, #status)};
        quote! {
            const _: () = {
                use #krate::__private as __pardon_private;
                #check
            };
        }
    });
    let patterns: Vec<TokenStream2> = kinds.iter().map(|k| pattern(k, false)).collect();
    let indices = 0..count;
    let sources = kinds.iter().map(|k| {
        let pattern = pattern(k, true);
        match k.fields.iter().find(|f| f.role == Role::Source) {
            Some(f) => {
                let binding = &f.binding;
                // Method syntax derefs a `Box<dyn Error>` to the trait object.
                let call = quote_spanned! {f.ty_span=> #binding.as_dyn_error()};
                quote!(#pattern => ::core::option::Option::Some(#call),)
            }
            None => quote!(#pattern => ::core::option::Option::None,),
        }
    });
    let conversions = kinds.iter().enumerate().map(|(i, k)| {
        let pattern = pattern(k, true);
        let steps = k.fields.iter().map(|f| {
            // The binding carries the field type's span, so that a type error points there.
            let binding = &Ident::new(&f.binding.to_string(), f.ty_span);
            match f.role {
                Role::Member => {
                    let member = f.member.as_deref().unwrap_or_default();
                    quote_spanned! {f.ty_span=>
                        let __pardon_problem = __pardon_private::with_member(__pardon_problem, #member, &#binding);
                    }
                }
                Role::RetryAfter => quote_spanned! {f.ty_span=>
                    let __pardon_problem = __pardon_problem.with_retry_after(__pardon_private::RetryAfter::from(#binding));
                },
                Role::Source if f.boxed_source => quote_spanned! {f.ty_span=>
                    let __pardon_problem = __pardon_problem.with_boxed_source(#binding);
                },
                Role::Source => quote_spanned! {f.ty_span=>
                    let __pardon_problem = __pardon_problem.with_source(#binding);
                },
                Role::Skipped => quote!(),
            }
        });
        quote! {
            #pattern => {
                let __pardon_problem = #krate::Problem::new(
                    &<#name as #krate::ProblemSet>::problem_types()[#i],
                );
                #(#steps)*
                __pardon_problem
            }
        }
    });
    // The same problem from a borrowed value, for `ResponseError::error_response(&self)`:
    // members serialize by reference, a `retry_after` is copied, a source keeps its text.
    let borrowed_conversions = kinds.iter().enumerate().map(|(i, k)| {
        let pattern = pattern(k, true);
        let steps = k.fields.iter().map(|f| {
            let binding = &Ident::new(&f.binding.to_string(), f.ty_span);
            match f.role {
                Role::Member => {
                    let member = f.member.as_deref().unwrap_or_default();
                    quote_spanned! {f.ty_span=>
                        let __pardon_problem = __pardon_private::with_member(__pardon_problem, #member, #binding);
                    }
                }
                Role::RetryAfter => quote_spanned! {f.ty_span=>
                    let __pardon_problem = __pardon_problem.with_retry_after(
                        __pardon_private::RetryAfter::from(::core::clone::Clone::clone(#binding)),
                    );
                },
                Role::Source => quote_spanned! {f.ty_span=>
                    let __pardon_problem = __pardon_problem.with_source(
                        __pardon_private::SourceText::of(#binding.as_dyn_error()),
                    );
                },
                Role::Skipped => quote!(),
            }
        });
        quote! {
            #pattern => {
                let __pardon_problem = #krate::Problem::new(
                    &<#name as #krate::ProblemSet>::problem_types()[#i],
                );
                #(#steps)*
                __pardon_problem
            }
        }
    });
    // Reading a document back into the type (with pardon's `client` feature): by code,
    // each member from its JSON, `retry_after` from its seconds, skipped fields by default.
    let type_name = name.to_string();
    let decodings = kinds.iter().map(|k| {
        let path = &k.path;
        let code = k.code.value();
        let variant = path.to_string().replace(' ', "");
        let has_source = k.fields.iter().any(|f| f.role == Role::Source);
        if has_source {
            return quote! {
                ::core::option::Option::Some(#code) => ::core::result::Result::Err(
                    #krate::problem::DecodeError::not_sent(#variant),
                ),
            };
        }
        let fields = k.fields.iter().map(|f| {
            let accessor = &f.accessor;
            let ty = &f.ty;
            let value = match f.role {
                Role::Member => {
                    let member = f.member.as_deref().unwrap_or_default();
                    quote_spanned! {f.ty_span=> __pardon_private::decode_member::<#ty>(__pardon_problem, #member)? }
                }
                Role::RetryAfter => quote_spanned! {f.ty_span=>
                    __pardon_private::decode_retry_after::<#ty>(__pardon_problem)?
                },
                Role::Skipped | Role::Source => quote_spanned! {f.ty_span=>
                    <#ty as ::core::default::Default>::default()
                },
            };
            quote!(#accessor: #value)
        });
        quote! {
            ::core::option::Option::Some(#code) => ::core::result::Result::Ok(#path { #(#fields),* }),
        }
    });

    let into_responses = if openapi {
        quote!(#krate::__private::into_responses!(#name);)
    } else {
        quote!()
    };
    let decoding = if decode {
        quote! {
        #[automatically_derived]
        impl ::core::convert::TryFrom<&#krate::Problem> for #name {
            type Error = #krate::problem::DecodeError;

            fn try_from(__pardon_problem: &#krate::Problem) -> ::core::result::Result<#name, #krate::problem::DecodeError> {
            #[allow(unused_imports)]
            use #krate::__private as __pardon_private;
            match __pardon_problem.code().map(|__pardon_code| __pardon_code.as_str()) {
                #(#decodings)*
                __pardon_other => ::core::result::Result::Err(
                    #krate::problem::DecodeError::other_code(__pardon_other, #type_name),
                ),
            }
        }
        }
        }
    } else {
        quote!()
    };
    quote! {
        #(#builtin_checks)*

        #decoding

        #into_responses

        #krate::__private::into_response!(#name);

        #krate::__private::response_error!(#name, |__pardon_value: &#name| -> #krate::Problem {
            #[allow(unused_imports)]
            use #krate::__private as __pardon_private;
            #[allow(unused_imports)]
            use #krate::__private::AsDynError as _;
            #[allow(unused_variables)]
            match __pardon_value {
                #(#borrowed_conversions)*
            }
        });

        #[automatically_derived]
        impl #name {
            #(#consts)*
        }

        #[automatically_derived]
        impl #krate::ProblemSet for #name {
            fn problem_types() -> &'static [#krate::ProblemType] {
                static TYPES: [#krate::ProblemType; #count] = [#(#types),*];
                &TYPES
            }

            fn problem_type(&self) -> &'static #krate::ProblemType {
                let __pardon_index = match self {
                    #(#patterns => #indices,)*
                };
                &<#name as #krate::ProblemSet>::problem_types()[__pardon_index]
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #name {
            fn fmt(&self, __pardon_f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #krate::__private::display(#krate::ProblemSet::problem_type(self), __pardon_f)
            }
        }

        #[automatically_derived]
        impl ::std::error::Error for #name {
            fn source(&self) -> ::core::option::Option<&(dyn ::std::error::Error + 'static)> {
                #[allow(unused_imports)]
                use #krate::__private::AsDynError as _;
                #[allow(unused_variables)]
                match self {
                    #(#sources)*
                }
            }
        }

        #[automatically_derived]
        impl ::core::convert::From<#name> for #krate::Problem {
            fn from(__pardon_value: #name) -> #krate::Problem {
                #[allow(unused_imports)]
                use #krate::__private as __pardon_private;
                #[allow(unused_variables)]
                match __pardon_value {
                    #(#conversions)*
                }
            }
        }
    }
}

/// `Type::Variant { a: __pardon_field_a, .. }`, binding every field when `bind` is set.
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
