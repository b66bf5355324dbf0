//! Data access: the endpoint's documents, typed, as the view sees them.
//!
//! A screen asks for a document with [`Endpoint::load`] and gets a
//! [`Loaded`]: not there yet, the document, or a [`LoadError`] with a
//! message and a retry. A document the page already carries (a prerendered
//! page holds the data of its first view) is taken from the page instead of
//! fetched. Either way the text is decoded by the same rules
//! (`platform::decode_text`); the view never sees JSON.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use brnn_model::date::{CivilDate, YearMonth};
use brnn_model::format::{
    paths, ArchiveIndex, ArticlePage, DayArchive, Edition, FrontPage, HousePage, ListPage, MonthArchive,
};
use brnn_model::load::{Document, LoadError};
use brnn_model::prefetch;
use brnn_model::site::Route;
use brnn_model::slug::{SectionPath, Slug};
use leptos::prelude::*;

use crate::platform;

/// The endpoint's base URL (absolute, ending in `/`), and one method per document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    url: String,
    /// The base as the page's settings write it (`api/v2/`, or a remote
    /// URL), ending in `/`: what the files it names are written below.
    as_written: String,
}

impl Endpoint {
    /// `base_url` resolved against the page's base, and `as_written`, as the settings give it.
    pub fn new(base_url: &str, as_written: &str) -> Self {
        let with_slash = |url: &str| {
            if url.ends_with('/') {
                url.to_owned()
            } else {
                format!("{url}/")
            }
        };
        Self {
            url: with_slash(base_url),
            as_written: with_slash(as_written),
        }
    }

    /// The address of a file a document names, such as an image's `src`:
    /// an `https:` URL as it is, anything else as a path below the
    /// endpoint. Below a relative endpoint it stays relative, for the
    /// page's `<base href>` to resolve, so that the built page and the app
    /// write the same address; and no other scheme can enter.
    pub fn file(&self, src: &str) -> String {
        const HTTPS: &str = "https://";
        let absolute = src
            .get(..HTTPS.len())
            .is_some_and(|scheme| scheme.eq_ignore_ascii_case(HTTPS));
        if absolute {
            src.to_owned()
        } else {
            format!("{}{}", self.as_written, src.trim_start_matches('/'))
        }
    }

    pub fn edition(&self, edition: &Slug) -> Loaded<Edition> {
        self.load(paths::edition(edition))
    }

    pub fn list_page(&self, edition: &Slug, section: Option<&SectionPath>, page: u32) -> Loaded<ListPage> {
        self.load(paths::list_page(edition, section, page))
    }

    pub fn newest_list_page(&self, edition: &Slug, section: &SectionPath) -> Loaded<ListPage> {
        self.load(paths::newest_list_page(edition, section))
    }

    pub fn author_page(&self, edition: &Slug, author: &Slug, page: u32) -> Loaded<ListPage> {
        self.load(paths::author_page(edition, author, page))
    }

    pub fn newest_author_page(&self, edition: &Slug, author: &Slug) -> Loaded<ListPage> {
        self.load(paths::newest_author_page(edition, author))
    }

    pub fn article(&self, edition: &Slug, id: &Slug) -> Loaded<ArticlePage> {
        self.load(paths::article(edition, id))
    }

    pub fn front(&self, edition: &Slug) -> Loaded<FrontPage> {
        self.load(paths::front(edition))
    }

    pub fn house_page(&self, edition: &Slug, slug: &Slug) -> Loaded<HousePage> {
        self.load(paths::house_page(edition, slug))
    }

    pub fn archive_index(&self, edition: &Slug) -> Loaded<ArchiveIndex> {
        self.load(paths::archive_index(edition))
    }

    pub fn archive_month(&self, edition: &Slug, month: YearMonth) -> Loaded<MonthArchive> {
        self.load(paths::archive_month(edition, month))
    }

    pub fn archive_day(&self, edition: &Slug, date: CivilDate) -> Loaded<DayArchive> {
        self.load(paths::archive_day(edition, date))
    }

    /// The document at `path` below the endpoint: the one the page carries,
    /// or fetched.
    fn load<T>(&self, path: String) -> Loaded<T>
    where
        T: Document + Clone + PartialEq + Send + Sync + 'static,
    {
        let carried = use_context::<Preloaded>()
            .and_then(|preloaded| preloaded.take(&path))
            // Broken or of another format: the page stays readable, the app fetches instead.
            .and_then(|text| platform::decode_text::<T>(&text).ok());
        let loaded = Loaded {
            state: RwSignal::new(carried.map(Ok)),
            reload: Trigger::new(),
        };
        loaded.fetch_when_asked(format!("{}{path}", self.url));
        loaded
    }
}

/// Documents the app has without asking the endpoint, by their path below
/// it: those the page carries, and those fetched ahead of a click
/// ([`Prefetcher`]). Each is handed out once: a retry or a later visit fetches.
#[derive(Debug, Clone, Default)]
pub struct Preloaded(Arc<Mutex<HashMap<String, String>>>);

impl Preloaded {
    pub fn new(documents: impl IntoIterator<Item = (String, String)>) -> Self {
        Self(Arc::new(Mutex::new(documents.into_iter().collect())))
    }

    fn take(&self, path: &str) -> Option<String> {
        self.0.lock().ok()?.remove(path)
    }

    fn insert(&self, path: String, text: String) {
        if let Ok(mut documents) = self.0.lock() {
            documents.insert(path, text);
        }
    }
}

/// Fetches documents ahead of a click (a pointer resting on a link, an
/// article read to its end) into the app's [`Preloaded`], where the screen
/// that shows them finds them: each at most once a visit, at most
/// [`prefetch::LIMIT`], and none on a connection that should save data.
#[derive(Debug, Clone)]
pub struct Prefetcher {
    endpoint: Endpoint,
    preloaded: Preloaded,
    asked: Arc<Mutex<HashSet<String>>>,
}

impl Prefetcher {
    pub fn new(endpoint: Endpoint, preloaded: Preloaded) -> Self {
        Self {
            endpoint,
            preloaded,
            asked: Arc::default(),
        }
    }

    /// Fetches the document of the screen at `route`.
    pub fn fetch_for(&self, route: &Route) {
        if let Route::Edition { edition, screen } = route {
            if let Some(path) = screen.document(edition) {
                self.fetch(path);
            }
        }
    }

    /// Fetches the document at `path` below the endpoint.
    pub fn fetch(&self, path: String) {
        let first_time = self
            .asked
            .lock()
            .is_ok_and(|mut asked| asked.len() < prefetch::LIMIT && asked.insert(path.clone()));
        if !first_time || !platform::prefetch_allowed() {
            return;
        }
        let url = format!("{}{path}", self.endpoint.url);
        let preloaded = self.preloaded.clone();
        leptos::task::spawn_local(async move {
            // A failure is the click's to meet: it fetches again and shows it.
            if let Ok(text) = platform::fetch_text(&url, &platform::Cancel::new()).await {
                preloaded.insert(path, text);
            }
        });
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

/// Notified when the browser shows the page again from its back/forward
/// cache: the documents on screen may have changed meanwhile.
#[derive(Debug, Clone, Copy)]
pub struct Restored(pub Trigger);

impl<T: Document + Clone + PartialEq + Send + Sync + 'static> Loaded<T> {
    /// Fetches `url` at once, unless the page carried the document, and
    /// again on every retry. A newer request wins: the older one is
    /// aborted, and its answer, if any, ignored. (An effect: natively, where
    /// no effect runs, nothing is fetched.)
    fn fetch_when_asked(self, url: String) {
        self.refresh_when_restored(url.clone());
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

    /// After the page comes back from the back/forward cache, fetches the
    /// document shown again and shows it if it changed; the page stays as
    /// it is meanwhile, and if the fetch fails.
    fn refresh_when_restored(self, url: String) {
        let Some(Restored(restored)) = use_context::<Restored>() else {
            return;
        };
        Effect::new(move |ran_before: Option<()>| {
            restored.track();
            if ran_before.is_none() || !self.state.with_untracked(|state| matches!(state, Some(Ok(_)))) {
                return;
            }
            let url = url.clone();
            leptos::task::spawn_local(async move {
                let fresh = platform::fetch_text(&url, &platform::Cancel::new())
                    .await
                    .and_then(|text| platform::decode_text::<T>(&text));
                if let Ok(fresh) = fresh {
                    let changed = self
                        .state
                        .try_with_untracked(|state| !matches!(state, Some(Ok(shown)) if *shown == fresh))
                        .unwrap_or(false);
                    if changed {
                        self.state.try_set(Some(Ok(fresh)));
                    }
                }
            });
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_below_a_relative_endpoint_stays_relative_and_only_https_leaves_it() {
        let own = Endpoint::new("https://news.example.org/news/api/v2/", "api/v2");
        assert_eq!(own.file("media/a-480.webp"), "api/v2/media/a-480.webp");
        assert_eq!(own.file("/media/a.jpg"), "api/v2/media/a.jpg");
        assert_eq!(
            own.file("//elsewhere.example/a.jpg"),
            "api/v2/elsewhere.example/a.jpg"
        );
        assert_eq!(own.file("javascript:alert(1)"), "api/v2/javascript:alert(1)");
        assert_eq!(own.file("HTTPS://cdn.example/a.jpg"), "HTTPS://cdn.example/a.jpg");
        let remote = Endpoint::new("https://api.example.org/v1", "https://api.example.org/v1");
        assert_eq!(
            remote.file("media/a.jpg"),
            "https://api.example.org/v1/media/a.jpg"
        );
    }
}
