//! Every address as an HTML document, rendered natively (feature `ssr`)
//! from the same components the browser renders: the content tool makes
//! one [`Renderer`] per site and asks it for each page it writes.
//!
//! A page is Trunk's `index.html` (the shell) with the screen in its body,
//! the screen's head tags between `<!--HEAD-->` and `<!--/HEAD-->`, and the
//! documents of its first view as JSON data blocks, which the app reads
//! instead of fetching them (`api::Preloaded`). `main.rs` takes the page
//! over by the same markers.

use brnn_model::format::Article;
use brnn_model::site::Site;
use brnn_model::structured_data::script_safe;
use leptos::prelude::*;

use crate::api::{Endpoint, Preloaded};
use crate::components::body::{article_correction, ArticleBody};
use crate::config::{Config, DEFAULT_ENDPOINT};
use crate::head::{escape_attribute, escape_text, HeadInView};
use crate::page_markers::{DOCUMENT_ATTRIBUTE, HEAD_END, HEAD_START, PAGE_END};
use crate::router::{Address, Location};
use crate::App;

/// Renders the pages of one site into its shell.
#[derive(Debug, Clone)]
pub struct Renderer {
    /// The shell before `<html>`.
    doctype: String,
    /// After `<html>` up to the head's markers, with the site's `brnn-origin`.
    head_start: String,
    /// From the head's end marker to `<body>`.
    head_end: String,
    /// The shell from `</body>` on.
    tail: String,
    config: Config,
}

impl Renderer {
    /// `shell` is Trunk's `index.html`, or any page rendered into it (its
    /// own parts are dropped). As the app does, the renderer takes the
    /// site's base path from its `<base href>` and the edition of `/` from
    /// its `brnn-edition`; canonical addresses take `origin`
    /// (`https://news.example.org`).
    pub fn new(shell: &str, origin: &str) -> Result<Self, String> {
        let missing = |what: &str| {
            format!("the page shell has no {what}; is it brnn-news' index.html as Trunk built it?")
        };
        let (before, rest) = shell
            .split_once(HEAD_START)
            .ok_or_else(|| missing("`<!--HEAD-->` in its head"))?;
        let (_, after) = rest
            .split_once(HEAD_END)
            .ok_or_else(|| missing("`<!--/HEAD-->` in its head"))?;
        let (before_html, html_tag) = before.split_once("<html").ok_or_else(|| missing("`<html>`"))?;
        let (_, after_html_tag) = html_tag.split_once('>').ok_or_else(|| missing("`<html>`"))?;
        let (head_rest, _) = after.split_once("<body>").ok_or_else(|| missing("`<body>`"))?;
        let (_, tail) = after.rsplit_once("</body>").ok_or_else(|| missing("`</body>`"))?;
        // A rendered page's head tags and `<html>` attributes go; each page
        // brings its own. The origin, for the app's canonical addresses, is
        // the site's (any earlier one is dropped).
        let origin_tag = format!(
            r#"<meta name="brnn-origin" content="{}">"#,
            escape_attribute(origin)
        );
        let after_html_tag = match after_html_tag.split_once(r#"<meta name="brnn-origin""#) {
            Some((before, rest)) => format!("{before}{}", rest.split_once('>').map_or("", |(_, rest)| rest)),
            None => after_html_tag.to_owned(),
        };
        let head_start = format!("{after_html_tag}{origin_tag}{HEAD_START}");
        let head = format!("{head_start}{head_rest}");
        let meta = |name: &str| {
            let (_, rest) = head.split_once(&format!(r#"<meta name="{name}" content=""#))?;
            rest.split_once('"').map(|(content, _)| content.to_owned())
        };
        let (base, _) = head
            .split_once(r#"<base href=""#)
            .and_then(|(_, rest)| rest.split_once('"'))
            .ok_or_else(|| missing("`<base href>` (Trunk writes it from `--public-url`)"))?;
        let config = Config::from_head(base, meta);
        Ok(Self {
            doctype: before_html.to_owned(),
            head_start,
            head_end: format!("{HEAD_END}{head_rest}<body>"),
            tail: format!("</body>{tail}"),
            config,
        })
    }

    /// The site's addresses, with the base the shell names.
    pub fn site(&self) -> &Site {
        &self.config.site
    }

    /// The page at `path` (with the site's base, as the browser asks for
    /// it) as a whole HTML document, carrying `documents` (path below the
    /// endpoint, JSON), the documents its first view shows.
    pub fn render(&self, path: &str, documents: &[(&str, &str)]) -> String {
        let owner = Owner::new();
        let (body, head) = owner.with(|| {
            let head = HeadInView::provide();
            provide_context(self.config.clone());
            provide_context(Preloaded::new(
                documents
                    .iter()
                    .map(|(path, json)| ((*path).to_owned(), (*json).to_owned())),
            ));
            Location::provide(Address::new(path));
            // `<!>` marks where a view may later put nodes; the app draws its
            // own DOM, and in a document the marker is a bogus comment.
            let body = App().to_html().replace("<!>", "");
            (body, head.get())
        });
        owner.unset();
        let mut page = String::with_capacity(self.head_start.len() + body.len() + self.tail.len() + 4096);
        page.push_str(&self.doctype);
        page.push_str(&format!(
            r#"<html lang="{}" dir="{}">"#,
            escape_attribute(&head.lang),
            head.dir
        ));
        page.push_str(&self.head_start);
        page.push_str(&format!("<title>{}</title>", escape_text(&head.title)));
        for tag in &head.tags {
            page.push_str(&tag.to_html());
        }
        page.push_str(&self.head_end);
        page.push_str(&body);
        page.push_str(PAGE_END);
        for (path, json) in documents {
            page.push_str(&format!(
                r#"<script type="application/json" {DOCUMENT_ATTRIBUTE}="{path}">{}</script>"#,
                script_safe(json)
            ));
        }
        page.push_str(&self.tail);
        page
    }
}

/// An article's body and correction as HTML for a feed reader, drawn by the
/// same components as its page, every address absolute below `site_url`
/// (`https://news.example.org/news`: a base with its origin, so that a
/// reader outside the site can follow links and load photos).
pub fn article_html(article: &Article, site_url: &str) -> String {
    let owner = Owner::new();
    let html = owner.with(|| {
        let site_url = site_url.trim_end_matches('/');
        let endpoint = format!("{site_url}/{DEFAULT_ENDPOINT}");
        provide_context(Config {
            endpoint: Endpoint::new(&endpoint, &endpoint),
            default_edition: Config::edition_or_default(None),
            site: Site::new(site_url),
            origin: String::new(),
            own_endpoint: true,
        });
        let blocks = article.blocks().into_owned();
        let correction = article_correction(article.correction.clone());
        view! { <ArticleBody blocks/>{correction} }
            .to_html()
            .replace("<!>", "")
    });
    owner.unset();
    html
}
