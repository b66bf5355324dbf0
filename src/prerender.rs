//! Every address as an HTML document, rendered natively (feature `ssr`)
//! from the same components the browser renders: the content tool calls
//! [`render_page`] for each page it writes.
//!
//! A page is Trunk's `index.html` (the shell) with the screen in its body,
//! the screen's head tags between `<!--HEAD-->` and `<!--/HEAD-->`, and the
//! documents of its first view as JSON data blocks, which the app reads
//! instead of fetching them (`api::Preloaded`). `main.rs` takes the page
//! over by the same markers.

use std::sync::Once;

use brnn_model::structured_data::script_safe;
use futures::StreamExt;
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;

use crate::api::Preloaded;
use crate::config::Config;
use crate::page_markers::{DOCUMENT_ATTRIBUTE, HEAD_END, HEAD_START, PAGE_END};
use crate::App;

/// Trunk's `index.html`, split where a page puts its own parts.
#[derive(Debug, Clone)]
pub struct Shell {
    /// The `<base href>` Trunk wrote (`--public-url`): the site's base path.
    base: String,
    /// Up to `<body>`, with `<html>` bare (each page names its language).
    head: String,
    /// From `</body>` on.
    tail: String,
}

impl Shell {
    /// Checks that `html` is the shell this module fills: Trunk's
    /// `index.html`, or any page rendered into it (its own parts are dropped).
    pub fn new(html: &str) -> Result<Self, String> {
        let missing = |what: &str| {
            format!("the page shell has no {what}; is it brnn-news' index.html as Trunk built it?")
        };
        if !html.contains(HEAD_START) || !html.contains(HEAD_END) {
            return Err(missing("`<!--HEAD--><!--/HEAD-->` in its head"));
        }
        // A rendered page's head tags go; a new page brings its own.
        let (before, rest) = html.split_once(HEAD_START).unwrap_or((html, ""));
        let (_, after) = rest.split_once(HEAD_END).unwrap_or(("", rest));
        let html = &format!("{before}{HEAD_START}{HEAD_END}{after}");
        let body_start = html.find("<body>").ok_or_else(|| missing("`<body>`"))? + "<body>".len();
        let body_end = html.rfind("</body>").ok_or_else(|| missing("`</body>`"))?;
        let html_start = html.find("<html").ok_or_else(|| missing("`<html>`"))?;
        let html_end = html_start + html[html_start..].find('>').ok_or_else(|| missing("`<html>`"))?;
        let base = html
            .split_once("<base href=\"")
            .and_then(|(_, rest)| rest.split_once('"'))
            .map_or("/", |(href, _)| href)
            .to_owned();
        Ok(Self {
            base,
            head: format!("{}<html{}", &html[..html_start], &html[html_end..body_start]),
            tail: html[body_end..].to_owned(),
        })
    }
}

impl Shell {
    pub fn base(&self) -> &str {
        &self.base
    }

    /// The content of `<meta name="{name}" content="…">`, as the app's `Config` reads it.
    pub fn meta(&self, name: &str) -> Option<&str> {
        let (_, rest) = self
            .head
            .split_once(&format!(r#"<meta name="{name}" content=""#))?;
        let (content, _) = rest.split_once('"')?;
        Some(content.trim()).filter(|content| !content.is_empty())
    }
}

/// `text` as HTML text: `&`, `<` and `>` escaped.
pub fn escape_text(text: String) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// One page: its path (with the site's base, as the browser asks for it)
/// and the documents its first view shows, by path below the endpoint.
pub struct PageRequest<'a> {
    pub path: &'a str,
    pub documents: &'a [(&'a str, &'a str)],
}

/// The page at `request.path` as a whole HTML document.
pub fn render_page(shell: &Shell, config: &Config, request: &PageRequest) -> String {
    static EXECUTOR: Once = Once::new();
    EXECUTOR.call_once(|| {
        // leptos_meta hands its tags over through a stream; nothing else runs on it.
        let _ = any_spawner::Executor::init_futures_executor();
    });
    let owner = Owner::new();
    let html = owner.with(|| {
        let (meta, head_tags) = ServerMetaContext::new();
        provide_context(meta);
        provide_context(RequestUrl::new(request.path));
        provide_context(config.clone());
        provide_context(Preloaded::new(
            request
                .documents
                .iter()
                .map(|(path, json)| ((*path).to_owned(), (*json).to_owned())),
        ));
        // `<!>` marks where a view may later put nodes; the app draws its own
        // DOM, and in a document the marker is a bogus comment.
        let body = App().to_html().replace("<!>", "");
        let mut page = String::with_capacity(shell.head.len() + body.len() + shell.tail.len() + 4096);
        // The origin of canonical addresses, for the app's `Config` (read before it takes the head over).
        let origin = format!(
            r#"<meta name="brnn-origin" content="{}">{HEAD_END}"#,
            config.origin
        );
        page.push_str(&shell.head.replacen(HEAD_END, &origin, 1));
        page.push_str(&body);
        page.push_str(PAGE_END);
        for (path, json) in request.documents {
            page.push_str(&format!(
                r#"<script type="application/json" {DOCUMENT_ATTRIBUTE}="{path}">{}</script>"#,
                script_safe(json)
            ));
        }
        page.push_str(&shell.tail);
        futures::executor::block_on(async move {
            let stream = head_tags.inject_meta_context(futures::stream::iter([page])).await;
            Box::pin(stream).collect::<String>().await
        })
    });
    owner.unset();
    html
}
