//! Data access: the endpoint's documents, typed, as the view sees them.
//!
//! A screen asks for a document with [`Endpoint::load`] and gets a
//! [`Loaded`]: not there yet, the document, or a [`LoadError`] with a
//! message and a retry. A document the page already carries (a prerendered
//! page holds the data of its first view) is taken from the page instead of
//! fetched. Either way the text is decoded by the same rules (`decode_text`);
//! the view never sees JSON.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use brnn_model::format::{paths, ArticlePage, Edition, ListPage};
use brnn_model::load::{Document, LoadError};
use brnn_model::slug::{SectionPath, Slug};
use leptos::prelude::*;

/// The endpoint's base URL (absolute, ending in `/`), and one method per document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint(String);

impl Endpoint {
    pub fn new(base_url: String) -> Self {
        if base_url.ends_with('/') {
            Self(base_url)
        } else {
            Self(format!("{base_url}/"))
        }
    }

    pub fn edition(&self, edition: &Slug) -> Loaded<Edition> {
        self.load(paths::edition(edition))
    }

    pub fn list_page(&self, edition: &Slug, section: Option<&SectionPath>, page: u32) -> Loaded<ListPage> {
        self.load(paths::list_page(edition, section, page))
    }

    pub fn article(&self, edition: &Slug, id: &Slug) -> Loaded<ArticlePage> {
        self.load(paths::article(edition, id))
    }

    /// The document at `path` below the endpoint: the one the page carries,
    /// or fetched.
    fn load<T>(&self, path: String) -> Loaded<T>
    where
        T: Document + Clone + Send + Sync + 'static,
    {
        let carried = use_context::<Preloaded>()
            .and_then(|preloaded| preloaded.take(&path))
            // Broken or of another format: the page stays readable, the app fetches instead.
            .and_then(|text| decode_text::<T>(&text).ok());
        let loaded = Loaded {
            state: RwSignal::new(carried.map(Ok)),
            reload: Trigger::new(),
        };
        #[cfg(feature = "csr")]
        loaded.fetch_when_asked(format!("{}{path}", self.0));
        loaded
    }
}

/// Documents the page carries, by their path below the endpoint, each
/// handed out once: a retry or a later visit fetches.
#[derive(Debug, Clone, Default)]
pub struct Preloaded(Arc<Mutex<HashMap<String, String>>>);

impl Preloaded {
    pub fn new(documents: impl IntoIterator<Item = (String, String)>) -> Self {
        Self(Arc::new(Mutex::new(documents.into_iter().collect())))
    }

    fn take(&self, path: &str) -> Option<String> {
        self.0.lock().ok()?.remove(path)
    }
}

/// One document as the view sees it: `None` while on its way.
pub struct Loaded<T: Send + Sync + 'static> {
    state: RwSignal<Option<Result<T, LoadError>>>,
    reload: Trigger,
}

impl<T: Send + Sync + 'static> Clone for Loaded<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Loaded<T> {}

impl<T: Clone + Send + Sync + 'static> Loaded<T> {
    /// The current state, tracked.
    pub fn get(&self) -> Option<Result<T, LoadError>> {
        self.state.get()
    }

    /// Fetches the document again (after a failure).
    pub fn retry(&self) {
        self.reload.notify();
    }
}

#[cfg(feature = "csr")]
impl<T: Document + Clone + Send + Sync + 'static> Loaded<T> {
    /// Fetches `url` at once, unless the page carried the document, and
    /// again on every retry. A newer request wins: the older one is
    /// aborted, and its answer, if any, ignored.
    fn fetch_when_asked(self, url: String) {
        use send_wrapper::SendWrapper;

        let generation = StoredValue::new(0u64);
        Effect::new(move |ran_before: Option<()>| {
            self.reload.track();
            if ran_before.is_none() && self.state.with_untracked(Option::is_some) {
                return;
            }
            generation.update_value(|count| *count += 1);
            let current = generation.get_value();
            self.state.set(None);
            let controller = SendWrapper::new(web_sys::AbortController::new().ok());
            let signal = controller.as_ref().map(|controller| controller.signal());
            on_cleanup(move || {
                if let Some(controller) = controller.take() {
                    controller.abort();
                }
            });
            let url = url.clone();
            leptos::task::spawn_local(async move {
                let result = fetch_text(&url, signal.as_ref())
                    .await
                    .and_then(|text| decode_text::<T>(&text));
                if generation.try_get_value() == Some(current) {
                    self.state.try_set(Some(result));
                }
            });
        });
    }
}

/// Fetches the document at `url` as text; `signal` aborts the request.
/// (One function for every document type: only decoding is per type.)
#[cfg(feature = "csr")]
async fn fetch_text(url: &str, signal: Option<&web_sys::AbortSignal>) -> Result<String, LoadError> {
    let network_error = |error: gloo_net::Error| LoadError::Network(error.to_string());
    let response = gloo_net::http::Request::get(url)
        .abort_signal(signal)
        .send()
        .await
        .map_err(network_error)?;
    match response.status() {
        404 | 410 => return Err(LoadError::NotFound),
        status if !response.ok() => return Err(LoadError::Status(status)),
        _ => {}
    }
    // A development server or CDN that answers unknown paths with the app's
    // own index.html (status 200) means: no such document.
    if response
        .headers()
        .get("content-type")
        .is_some_and(|kind| kind.starts_with("text/html"))
    {
        return Err(LoadError::NotFound);
    }
    response.text().await.map_err(network_error)
}

/// Decodes a document's text with the browser's JSON parser, which the
/// browser has anyway: a JSON parser in the wasm would cost more than the
/// rest of data access. The same rules as `brnn_model::load::decode`, which
/// the native renderer uses.
#[cfg(feature = "csr")]
fn decode_text<T: Document>(text: &str) -> Result<T, LoadError> {
    use brnn_model::load::known_format;

    let value = js_sys::JSON::parse(text).map_err(|error| LoadError::Syntax(js_error_text(error)))?;
    let format = js_sys::Reflect::get(&value, &wasm_bindgen::JsValue::from_str("format"))
        .ok()
        .and_then(|format| format.as_f64())
        .filter(|format| format.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(format))
        .map(|format| format as u32);
    known_format(format)?;
    let document: T =
        serde_wasm_bindgen::from_value(value).map_err(|error| LoadError::Shape(error.to_string()))?;
    known_format(Some(document.format())).map(|()| document)
}

#[cfg(not(feature = "csr"))]
fn decode_text<T: Document>(text: &str) -> Result<T, LoadError> {
    brnn_model::load::decode(text)
}

/// A thrown JS value as text: `TypeError: Failed to fetch`.
#[cfg(feature = "csr")]
fn js_error_text(error: wasm_bindgen::JsValue) -> String {
    String::from(js_sys::Object::from(error).to_string())
}
