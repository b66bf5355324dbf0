//! Data access: the endpoint's documents, typed, as the view sees them.
//!
//! A screen asks for a document with [`Endpoint::load`] and gets a
//! [`Loaded`]: not there yet, the document, or a [`LoadError`] with a
//! message and a retry. A document the page already carries (a prerendered
//! page holds the data of its first view) is taken from the page instead of
//! fetched. Either way the text is decoded by the same rules
//! (`platform::decode_text`); the view never sees JSON.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use brnn_model::format::{paths, ArticlePage, Edition, ListPage};
use brnn_model::load::{Document, LoadError};
use brnn_model::slug::{SectionPath, Slug};
use leptos::prelude::*;

use crate::platform;

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

    pub fn author_page(&self, edition: &Slug, author: &Slug, page: u32) -> Loaded<ListPage> {
        self.load(paths::author_page(edition, author, page))
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
            .and_then(|text| platform::decode_text::<T>(&text).ok());
        let loaded = Loaded {
            state: RwSignal::new(carried.map(Ok)),
            reload: Trigger::new(),
        };
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

impl<T: Document + Clone + Send + Sync + 'static> Loaded<T> {
    /// Fetches `url` at once, unless the page carried the document, and
    /// again on every retry. A newer request wins: the older one is
    /// aborted, and its answer, if any, ignored. (An effect: natively, where
    /// no effect runs, nothing is fetched.)
    fn fetch_when_asked(self, url: String) {
        let generation = StoredValue::new(0u64);
        Effect::new(move |ran_before: Option<()>| {
            self.reload.track();
            if ran_before.is_none() && self.state.with_untracked(Option::is_some) {
                return;
            }
            generation.update_value(|count| *count += 1);
            let current = generation.get_value();
            self.state.set(None);
            let cancel = Arc::new(platform::Cancel::new());
            on_cleanup({
                let cancel = Arc::clone(&cancel);
                move || cancel.abort()
            });
            let url = url.clone();
            leptos::task::spawn_local(async move {
                let result = platform::fetch_text(&url, &cancel)
                    .await
                    .and_then(|text| platform::decode_text::<T>(&text));
                if generation.try_get_value() == Some(current) {
                    self.state.try_set(Some(result));
                }
            });
        });
    }
}
