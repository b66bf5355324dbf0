//! Run-time configuration, read once when the app starts.
//!
//! It lives in the page's head, so an operator points one build at staging
//! or production by editing `<meta>` tags in the HTML files of `dist/`:
//!
//! ```html
//! <meta name="brnn-endpoint" content="https://api.example.org/brnn/v1/">
//! <meta name="brnn-edition" content="de">
//! ```
//!
//! `brnn-origin` is written by the build from `[site] url`: the origin of
//! canonical addresses, which the page's own origin need not be.

use brnn_model::site::Site;
use brnn_model::slug::Slug;

use crate::api::Endpoint;

/// Where the endpoint lives when no `brnn-endpoint` tag says otherwise:
/// the static JSON next to the app.
pub const DEFAULT_ENDPOINT: &str = "api/v1/";
const DEFAULT_EDITION: &str = "de";

#[derive(Debug, Clone)]
pub struct Config {
    pub endpoint: Endpoint,
    /// The edition `/` leads to.
    pub default_edition: Slug,
    /// Builds every in-site link from the deployment's base path.
    pub site: Site,
    /// `https://news.example.org`: with a path from `site`, an absolute address.
    pub origin: String,
    /// Whether `endpoint` is the one built with the site, whose documents
    /// its prerendered pages carry (and not a remote one).
    pub own_endpoint: bool,
}

impl Config {
    /// A path of this site as an absolute address, for canonical links and structured data.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{path}", self.origin)
    }

    /// The default edition, or the one an operator named.
    pub fn edition_or_default(named: Option<&str>) -> Slug {
        named
            .and_then(|edition| edition.parse().ok())
            .unwrap_or_else(|| DEFAULT_EDITION.parse().expect("the default edition is a slug"))
    }

    #[cfg(feature = "csr")]
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
        // Relative endpoints resolve against the deployment's base, like the app's own assets.
        let resolve = |endpoint: String| {
            web_sys::Url::new_with_base(&endpoint, &base_uri)
                .map(|url| url.href())
                .unwrap_or(endpoint)
        };
        let endpoint = resolve(meta("brnn-endpoint").unwrap_or_else(|| DEFAULT_ENDPOINT.to_owned()));
        let own_endpoint = endpoint == resolve(DEFAULT_ENDPOINT.to_owned());
        let base = web_sys::Url::new(&base_uri).ok();
        let origin = meta("brnn-origin")
            .or_else(|| base.as_ref().map(web_sys::Url::origin))
            .unwrap_or_default();
        Self {
            endpoint: Endpoint::new(endpoint),
            default_edition: Self::edition_or_default(meta("brnn-edition").as_deref()),
            site: Site::new(&base.map(|url| url.pathname()).unwrap_or_default()),
            origin,
            own_endpoint,
        }
    }
}
