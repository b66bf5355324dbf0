//! The edition's search index, asked through Pagefind's browser script
//! (`search_index.js`). Results come typed (`brnn_model::search`), or as a
//! failure; the view never sees JavaScript.

use brnn_model::search::SearchPage;
use brnn_model::site::{Site, SEARCH_BUNDLES_FILE};
use brnn_model::slug::Slug;
use wasm_bindgen::prelude::*;

use crate::platform::SearchError;

// Trunk copies the module to the site's root (`index.html`), beside the
// glue, where `public/boot.js` imports it too: one module, shared.
#[wasm_bindgen(raw_module = "./search_index.js")]
extern "C" {
    #[wasm_bindgen(js_name = searchIndex, catch)]
    async fn search_index(
        folder: &str,
        bundles_file: &str,
        base_url: &str,
        term: &str,
        offset: u32,
        limit: u32,
    ) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_name = warmIndex)]
    fn warm_index(folder: &str, bundles_file: &str, base_url: &str);
}

/// The absolute address of `edition`'s index folder (Pagefind loads its
/// files relative to it).
fn folder(site: &Site, edition: &Slug) -> String {
    let origin = leptos::prelude::window().location().origin().unwrap_or_default();
    format!("{origin}{}", site.search_index(edition))
}

/// Loads `edition`'s index ahead of a search the reader is about to make.
pub fn warm_search(site: &Site, edition: &Slug) {
    warm_index(&folder(site, edition), SEARCH_BUNDLES_FILE, &site.home());
}

/// Hits `offset` to `offset + limit` for `term` in `edition`'s index, newest year first.
pub async fn search(
    site: &Site,
    edition: &Slug,
    term: &str,
    offset: usize,
    limit: usize,
) -> Result<SearchPage, SearchError> {
    let answer = search_index(
        &folder(site, edition),
        SEARCH_BUNDLES_FILE,
        &site.home(),
        term,
        u32::try_from(offset).unwrap_or(u32::MAX),
        u32::try_from(limit).unwrap_or(u32::MAX),
    )
    .await
    .map_err(|error| SearchError::Unavailable(super::js_error_text(error)))?;
    if answer.is_null() {
        return Err(SearchError::Superseded);
    }
    serde_wasm_bindgen::from_value(answer).map_err(|error| SearchError::Unavailable(error.to_string()))
}
