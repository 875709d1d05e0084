//! Typed extractors whose every fault is a field error: [`Json`], [`ValidJson`],
//! [`Path`] and [`Query`].

use std::future::{Ready, ready};
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::adapter::extract;
use crate::catalog::builtin;
use crate::decode::{self, Check};
use crate::{FieldErrors, Problem};

type LocalBoxFuture<T> = Pin<Box<dyn std::future::Future<Output = T>>>;

/// A JSON request body read into `T`, every fault of its shape reported at once.
///
/// Like `web::Json`, and configured by the same `JsonConfig` (so
/// [`extractor_errors`](super::extractor_errors) sets its limit, 413, 415 and
/// `MALFORMED_JSON`), but a body of the wrong shape is one `VALIDATION_ERROR` 400 that
/// lists every missing field, value of the wrong type, integer out of its type's range
/// and unknown enum value, each at its JSON Pointer (see [`decode`](crate::decode)).
///
/// # Examples
///
/// ```
/// use actix_web::{test, web, App};
/// use pardon::actix::Json;
///
/// #[derive(serde::Deserialize)]
/// struct NewUser { name: String, age: u8 }
///
/// async fn create(Json(user): Json<NewUser>) -> String {
///     format!("{} ({})", user.name, user.age)
/// }
///
/// # actix_web::rt::System::new().block_on(async {
/// let app = test::init_service(
///     App::new().configure(pardon::actix::extractor_errors(16 * 1024)).route("/", web::post().to(create)),
/// )
/// .await;
/// let request = test::TestRequest::post().uri("/").set_json(serde_json::json!({"age": "old"}));
/// let response = test::call_service(&app, request.to_request()).await;
/// assert_eq!(response.status(), 400);
/// // Both faults at once: `name` missing, `age` of the wrong type.
/// let problem = response.response().error().unwrap().as_error::<pardon::Problem>().unwrap();
/// let codes: Vec<&str> = problem.field_errors().iter().map(|e| e.code().unwrap().as_str()).collect();
/// assert_eq!(codes, ["REQUIRED", "INVALID_TYPE"]);
/// # });
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(docsrs, doc(cfg(feature = "actix")))]
pub struct Json<T>(pub T);

impl<T> Json<T> {
    /// The body.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::actix::Json(5).into_inner(), 5);
    /// ```
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<Result<Json<T>, actix_web::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = web::Json::<Value>::from_request(req, payload);
        Box::pin(async move {
            let web::Json(body) = body.await?;
            decode::from_json(&body).map(Json).map_err(invalid)
        })
    }
}

/// A JSON request body read into `T` and [checked](Check) by its own rules, every fault
/// of its shape and of its rules reported at once.
///
/// With the `validator` feature (on by default), a `T` that derives `validator::Validate`
/// is checked by its `#[validate(...)]` rules.
///
/// # Examples
///
/// ```
/// use actix_web::{test, web, App};
/// use pardon::actix::ValidJson;
/// use validator::Validate;
///
/// #[derive(serde::Deserialize, Validate)]
/// struct NewUser {
///     #[validate(length(min = 1))]
///     name: String,
///     #[validate(range(min = 18, max = 150))]
///     age: u8,
/// }
///
/// async fn create(ValidJson(user): ValidJson<NewUser>) -> String {
///     user.name
/// }
///
/// # actix_web::rt::System::new().block_on(async {
/// let app = test::init_service(
///     App::new()
///         .configure(pardon::actix::extractor_errors(16 * 1024))
///         .route("/", web::post().to(create))
///         .wrap(pardon::actix::ProblemMiddleware::new(std::sync::Arc::new(pardon::Renderer::new(
///             pardon::Registry::with_builtins("https://x.test/").unwrap(),
///             pardon::i18n::Messages::builder().build().unwrap(),
///         )))),
/// )
/// .await;
/// // `name` is of the wrong type and `age` breaks its rule: both, at once.
/// let request = test::TestRequest::post().uri("/").set_json(serde_json::json!({"name": 1, "age": 12}));
/// let body: serde_json::Value = test::call_and_read_body_json(&app, request.to_request()).await;
/// assert_eq!(body["errors"][0]["code"], "INVALID_TYPE");
/// assert_eq!(body["errors"][0]["pointer"], "#/name");
/// assert_eq!(body["errors"][1]["code"], "OUT_OF_RANGE");
/// assert_eq!(body["errors"][1]["pointer"], "#/age");
/// # });
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(docsrs, doc(cfg(feature = "actix")))]
pub struct ValidJson<T>(pub T);

impl<T> ValidJson<T> {
    /// The body.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::actix::ValidJson("x").into_inner(), "x");
    /// ```
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T: DeserializeOwned + Check + 'static> FromRequest for ValidJson<T> {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<Result<ValidJson<T>, actix_web::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = web::Json::<Value>::from_request(req, payload);
        Box::pin(async move {
            let web::Json(body) = body.await?;
            decode::from_json_checked(&body, T::check)
                .map(ValidJson)
                .map_err(invalid)
        })
    }
}

/// A route's segments read into `T`: one value, a tuple in the route's order, or a struct
/// by segment name. Each segment that does not read (`abc` for a number) is a field error
/// with `parameter` naming it, whatever the number of segments.
///
/// # Examples
///
/// ```
/// use actix_web::{test, web, App};
/// use pardon::actix::Path;
///
/// async fn item(Path((shop, item)): Path<(String, u32)>) -> String {
///     format!("{shop}/{item}")
/// }
///
/// # actix_web::rt::System::new().block_on(async {
/// let app = test::init_service(App::new().route("/shops/{shop}/items/{item}", web::get().to(item))).await;
/// let ok = test::TestRequest::get().uri("/shops/north/items/7").to_request();
/// assert_eq!(test::call_and_read_body(&app, ok).await, "north/7");
/// let bad = test::TestRequest::get().uri("/shops/north/items/seven").to_request();
/// let response = test::call_service(&app, bad).await;
/// assert_eq!(response.status(), 400);
/// # });
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(docsrs, doc(cfg(feature = "actix")))]
pub struct Path<T>(pub T);

impl<T> Path<T> {
    /// The segments.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::actix::Path(7).into_inner(), 7);
    /// ```
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T: DeserializeOwned> FromRequest for Path<T> {
    type Error = actix_web::Error;
    type Future = Ready<Result<Path<T>, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let segments: Vec<(&str, &str)> = req.match_info().iter().collect();
        ready(extract::path(&segments).map(Path).map_err(Into::into))
    }
}

/// A query string read into `T` (a struct of its parameters), every parameter that is
/// missing or does not read reported at once, each with `parameter` naming it.
///
/// # Examples
///
/// ```
/// use actix_web::{test, web, App};
/// use pardon::actix::Query;
///
/// #[derive(serde::Deserialize)]
/// struct Page { page: u32, size: Option<u8> }
///
/// async fn list(Query(p): Query<Page>) -> String {
///     format!("{} {:?}", p.page, p.size)
/// }
///
/// # actix_web::rt::System::new().block_on(async {
/// let app = test::init_service(App::new().route("/", web::get().to(list))).await;
/// let ok = test::TestRequest::get().uri("/?page=2").to_request();
/// assert_eq!(test::call_and_read_body(&app, ok).await, "2 None");
/// let bad = test::TestRequest::get().uri("/?size=900").to_request(); // page missing, size too big
/// assert_eq!(test::call_service(&app, bad).await.status(), 400);
/// # });
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(docsrs, doc(cfg(feature = "actix")))]
pub struct Query<T>(pub T);

impl<T> Query<T> {
    /// The parameters.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::actix::Query(1).into_inner(), 1);
    /// ```
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T: DeserializeOwned> FromRequest for Query<T> {
    type Error = actix_web::Error;
    type Future = Ready<Result<Query<T>, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let Ok(web::Query(pairs)) =
            web::Query::<Vec<(String, String)>>::from_query(req.query_string())
        else {
            return ready(Err(Problem::new(&builtin::VALIDATION_ERROR).into()));
        };
        ready(extract::query(pairs).map(Query).map_err(Into::into))
    }
}

fn invalid(errors: FieldErrors) -> actix_web::Error {
    extract::invalid(errors).into()
}
