//! The native renderer's side of [`crate::platform`]: one address drawn
//! once into HTML, so there is no history, no scrolling, no focus and no
//! network. The head is read off [`crate::head::HeadInView`] by the
//! renderer (`prerender.rs`), not written here.

use brnn_model::load::{Document, LoadError};
use brnn_model::search::SearchPage;
use brnn_model::site::Site;
use brnn_model::slug::Slug;

use super::{HistoryEntry, SearchError};
use crate::head::DocumentHead;

/// The pages the renderer writes are what crawlers read: they carry JSON-LD.
pub const WRITES_STRUCTURED_DATA: bool = true;

/// `view`, followed by `extra`, a part only the built page carries (what a
/// script draws from before the app runs): drawn here.
pub fn with_prerendered<V, E>(view: V, extra: impl FnOnce() -> E) -> (V, E) {
    (view, extra())
}

/// Natively a page is drawn once, and its views are dropped as soon as
/// they are written: nothing replaces them, so nothing need be undone.
pub fn on_state_gone(_undo: impl FnOnce() + Send + Sync + 'static) {}

pub fn address_in_view() -> Option<String> {
    None
}

/// `address` made absolute against `base`, for the relative and absolute
/// addresses a page's settings hold (the native renderer only compares
/// the endpoint named with its own).
pub fn resolve_url(address: &str, base: &str) -> String {
    if address.contains("://") {
        address.to_owned()
    } else {
        format!(
            "{}/{}",
            base.trim_end_matches('/'),
            address.trim_start_matches('/')
        )
    }
}

pub fn show_in_history(_href: &str, _entry: HistoryEntry) {}

pub fn follow_history(_on_move: impl Fn() + 'static) {}

pub fn follow_link_clicks(_site: Site, _follow: impl Fn(String) + 'static) {}

pub fn on_restored(_restored: impl Fn() + 'static) {}

pub fn follow_link_intents(_site: Site, _intend: impl Fn(String) + Clone + 'static) {}

/// Natively nothing is fetched, ahead or otherwise.
pub fn prefetch_allowed() -> bool {
    false
}

pub fn when_in_view(_element: &web_sys::Element, _reached: impl FnOnce() + 'static) {}

pub fn watch_leaving(_remember: impl Fn(bool) + Clone + 'static) {}

pub fn after_paint(_then: impl FnOnce() + 'static) {}

pub fn scroll_position() -> f64 {
    0.0
}

pub fn scroll_to(_top: f64) {}

pub fn scroll_to_fragment() -> bool {
    false
}

pub fn focus_by_id(_id: &str) {}

pub fn focus_first(_selectors: &[&str]) {}

pub fn document_title() -> String {
    String::new()
}

pub fn write_head(_head: &DocumentHead) {}

/// What would abort a fetch; natively nothing is fetched.
#[derive(Default)]
pub struct Cancel;

impl Cancel {
    pub fn new() -> Self {
        Self
    }

    pub fn abort(&self) {}
}

pub async fn fetch_text(_url: &str, _cancel: &Cancel) -> Result<String, LoadError> {
    Err(LoadError::Network(
        "the native renderer fetches nothing".to_owned(),
    ))
}

/// Decodes a document with the model's own decoder (serde_json).
pub fn decode_text<T: Document>(text: &str) -> Result<T, LoadError> {
    brnn_model::load::decode(text)
}

pub fn warm_search(_site: &Site, _edition: &Slug) {}

pub async fn search(
    _site: &Site,
    _edition: &Slug,
    _term: &str,
    _offset: usize,
    _limit: usize,
) -> Result<SearchPage, SearchError> {
    Err(SearchError::Unavailable(
        "the native renderer searches nothing".to_owned(),
    ))
}
