//! Run-time configuration, read once when the app starts.
//!
//! It lives in `index.html`, which is never cached, so an operator points one
//! build at staging or production by editing a `<meta>` tag in `dist/`:
//!
//! ```html
//! <meta name="brnn-endpoint" content="https://api.example.org/brnn/v1/">
//! <meta name="brnn-edition" content="de">
//! ```

use brnn_model::site::Site;

use crate::api::Endpoint;
use brnn_model::slug::Slug;

/// Where the endpoint lives when no `brnn-endpoint` tag says otherwise:
/// the static JSON next to the app.
const DEFAULT_ENDPOINT: &str = "api/v1/";
const DEFAULT_EDITION: &str = "de";

#[derive(Debug, Clone)]
pub struct Config {
    pub endpoint: Endpoint,
    /// The edition `/` leads to.
    pub default_edition: Slug,
    /// Builds every in-site link from the deployment's base path.
    pub site: Site,
}

impl Config {
    pub fn from_document() -> Self {
        let document = leptos::prelude::document();
        let base_uri = document
            .base_uri()
            .ok()
            .flatten()
            .unwrap_or_else(|| "/".to_owned());
        let meta = |name: &str| {
            document
                .query_selector(&format!("meta[name='{name}']"))
                .ok()
                .flatten()
                .and_then(|tag| tag.get_attribute("content"))
                .map(|content| content.trim().to_owned())
                .filter(|content| !content.is_empty())
        };
        let endpoint = meta("brnn-endpoint").unwrap_or_else(|| DEFAULT_ENDPOINT.to_owned());
        // Relative endpoints resolve against the deployment's base, like the app's own assets.
        let endpoint = web_sys::Url::new_with_base(&endpoint, &base_uri)
            .map(|url| url.href())
            .unwrap_or(endpoint);
        let default_edition = meta("brnn-edition")
            .and_then(|edition| edition.parse().ok())
            .unwrap_or_else(|| DEFAULT_EDITION.parse().expect("the default edition is a slug"));
        let base_path = web_sys::Url::new(&base_uri)
            .map(|url| url.pathname())
            .unwrap_or_default();
        Self {
            endpoint: Endpoint::new(endpoint),
            default_edition,
            site: Site::new(&base_path),
        }
    }
}
