//! Data access for search: the edition's search index, asked through
//! Pagefind's browser script (`search_index.js`). Results come typed
//! (`brnn_model::search`), or as a failure; the view never sees JavaScript.

use brnn_model::search::SearchPage;
use brnn_model::slug::Slug;

/// Why a search has no results to show.
#[derive(Debug, Clone, PartialEq)]
pub enum SearchError {
    /// A newer search replaced this one before it ended.
    Superseded,
    /// The index could not be loaded or read.
    Unavailable(String),
}

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/search_index.js")]
extern "C" {
    #[wasm_bindgen(js_name = searchIndex, catch)]
    async fn search_index(
        folder: &str,
        base_url: &str,
        term: &str,
        offset: u32,
        limit: u32,
    ) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_name = warmIndex)]
    fn warm_index(folder: &str, base_url: &str);
}

/// The folder of `edition`'s index, below the site's base path `base`
/// (empty at the domain's root).
fn folder(base: &str, edition: &Slug) -> String {
    let origin = leptos::prelude::window().location().origin().unwrap_or_default();
    format!("{origin}{base}/pagefind/{edition}/")
}

/// Loads `edition`'s index ahead of a search the reader is about to make.
pub fn warm(base: &str, edition: &Slug) {
    warm_index(&folder(base, edition), &format!("{base}/"));
}

/// Hits `offset` to `offset + limit` for `term` in `edition`'s index, newest year first.
pub async fn search(
    base: &str,
    edition: &Slug,
    term: &str,
    offset: usize,
    limit: usize,
) -> Result<SearchPage, SearchError> {
    let answer = search_index(
        &folder(base, edition),
        &format!("{base}/"),
        term,
        u32::try_from(offset).unwrap_or(u32::MAX),
        u32::try_from(limit).unwrap_or(u32::MAX),
    )
    .await
    .map_err(|error| SearchError::Unavailable(String::from(js_sys::Object::from(error).to_string())))?;
    if answer.is_null() {
        return Err(SearchError::Superseded);
    }
    serde_wasm_bindgen::from_value(answer).map_err(|error| SearchError::Unavailable(error.to_string()))
}
