//! The runs of text inside a block: text (always a text node), emphasis,
//! strong, line breaks and links.

use brnn_model::body::{Inline, LinkTarget};
use leptos::prelude::*;

use crate::context::use_config;

/// `content` in its order, each run as its element.
#[component]
pub fn Inlines(content: Vec<Inline>) -> impl IntoView {
    content.into_iter().map(inline_view).collect_view()
}

/// Type-erased, so that emphasis may hold a link that holds strong text.
fn inline_view(inline: Inline) -> AnyView {
    match inline {
        Inline::Text(text) => text.into_any(),
        Inline::Emphasis(content) => view! { <em><Inlines content/></em> }.into_any(),
        Inline::Strong(content) => view! { <strong><Inlines content/></strong> }.into_any(),
        Inline::LineBreak => view! { <br/> }.into_any(),
        Inline::Link { target, content } => view! { <Link target content/> }.into_any(),
    }
}

/// A link to an article of the network, at its address under this site's
/// base (so the app follows it itself), or to an external address, which
/// gets no handle on this page (`noopener`). The model accepts only
/// `https:`, `http:` and `mailto:` addresses as external links.
#[component]
fn Link(target: LinkTarget, content: Vec<Inline>) -> impl IntoView {
    let (href, rel) = match target {
        LinkTarget::Article(article) => (use_config().site.article(&article.edition, &article.id), None),
        LinkTarget::External(href) => (href.as_str().to_owned(), Some("noopener")),
    };
    view! { <a href=href rel=rel><Inlines content/></a> }
}
