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
use crate::platform;

/// Where the endpoint lives when no `brnn-endpoint` tag says otherwise:
/// the static JSON next to the app.
pub const DEFAULT_ENDPOINT: &str = "api/v2/";
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

    /// A file the endpoint's documents name (an image's `src`) as an
    /// absolute address, for link previews and structured data.
    pub fn absolute_file(&self, src: &str) -> String {
        platform::resolve_url(&self.endpoint.file(src), &self.absolute(&self.site.home()))
    }

    /// The default edition, or the one an operator named.
    pub fn edition_or_default(named: Option<&str>) -> Slug {
        named
            .and_then(|edition| edition.parse().ok())
            .unwrap_or_else(|| DEFAULT_EDITION.parse().expect("the default edition is a slug"))
    }

    /// The settings a page's head holds: `base_href` is its `<base href>`
    /// (a path such as `/news/`, or the absolute address the browser makes
    /// of it), `meta` reads the content of its `<meta name>` tags. The
    /// browser (`main.rs`) and the native renderer (`prerender.rs`) both
    /// read a page's settings here.
    pub fn from_head(base_href: &str, meta: impl Fn(&str) -> Option<String>) -> Self {
        let meta = |name: &str| {
            meta(name)
                .map(|content| content.trim().to_owned())
                .filter(|content| !content.is_empty())
        };
        // Relative endpoints resolve against the deployment's base, like the app's own assets.
        let resolve = |endpoint: &str| platform::resolve_url(endpoint, base_href);
        let endpoint_setting = meta("brnn-endpoint").unwrap_or_else(|| DEFAULT_ENDPOINT.to_owned());
        let endpoint = resolve(&endpoint_setting);
        let own_endpoint = endpoint == resolve(DEFAULT_ENDPOINT);
        let (origin, base_path) = split_origin(base_href);
        Self {
            endpoint: Endpoint::new(&endpoint, &endpoint_setting),
            default_edition: Self::edition_or_default(meta("brnn-edition").as_deref()),
            site: Site::new(base_path),
            origin: meta("brnn-origin").unwrap_or_else(|| origin.to_owned()),
            own_endpoint,
        }
    }
}

/// An address as its origin and the rest: `https://news.example.org/news/`
/// is `https://news.example.org` and `/news/`; a path has no origin.
fn split_origin(address: &str) -> (&str, &str) {
    let Some((scheme, rest)) = address.split_once("://") else {
        return ("", address);
    };
    let origin_length = scheme.len() + 3 + rest.find('/').unwrap_or(rest.len());
    address.split_at(origin_length)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_base_path_is_the_same_from_a_path_or_an_absolute_address() {
        let from_path = Config::from_head("/news/", |_| None);
        let from_url = Config::from_head("https://news.example.org/news/", |_| None);
        assert_eq!(from_path.site, Site::new("/news/"));
        assert_eq!(from_url.site, Site::new("/news/"));
        assert_eq!(from_url.origin, "https://news.example.org");
        assert_eq!(
            Config::from_head("https://news.example.org", |_| None).site,
            Site::new("/")
        );
    }

    #[test]
    fn meta_tags_name_the_origin_and_the_default_edition() {
        let config = Config::from_head("/", |name| match name {
            "brnn-origin" => Some("https://brnn.example".to_owned()),
            "brnn-edition" => Some(" en ".to_owned()),
            _ => None,
        });
        assert_eq!(config.origin, "https://brnn.example");
        assert_eq!(config.default_edition.as_str(), "en");
        assert!(config.own_endpoint);
    }

    #[test]
    fn a_bad_edition_setting_falls_back_to_the_default() {
        let config = Config::from_head("/", |name| (name == "brnn-edition").then(|| "../x".to_owned()));
        assert_eq!(config.default_edition.as_str(), DEFAULT_EDITION);
    }
}
