//! The head of a page: title, description, canonical address, Open Graph
//! and Twitter card, and its JSON-LD. Prerendered pages carry it in their
//! HTML; in the app, leptos_meta replaces it on every navigation.

use brnn_model::date::Published;
use brnn_model::structured_data::{og_locale, script_text};
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use serde_json::Value;

use crate::context::{use_config, use_edition};

/// What kind of page, for `og:type`: an article (with its date and
/// section's name) or any other page of the site.
pub enum PageKind {
    Article { published: Published, section: String },
    Website,
}

/// `path` is the page's own address (from `Site`); `data` its JSON-LD.
#[component]
pub fn PageHead(
    title: String,
    description: String,
    path: String,
    kind: PageKind,
    data: Vec<Value>,
) -> impl IntoView {
    let edition = use_edition();
    let url = use_config().absolute(&path);
    let article_facts = match kind {
        PageKind::Article { published, section } => Some(view! {
            <Meta property="og:type" content="article"/>
            <Meta property="article:published_time" content=published.to_string()/>
            <Meta property="article:section" content=section/>
        }),
        PageKind::Website => None,
    };
    let og_type = article_facts
        .is_none()
        .then(|| view! { <Meta property="og:type" content="website"/> });
    let data = data
        .iter()
        .map(|data| view! { <script type="application/ld+json" inner_html=script_text(data)></script> })
        .collect_view();
    view! {
        <Title text=title.clone()/>
        <Meta name="description" content=description.clone()/>
        <Link rel="canonical" href=url.clone()/>
        <Meta property="og:title" content=title/>
        <Meta property="og:description" content=description/>
        <Meta property="og:url" content=url/>
        <Meta property="og:site_name" content=edition.network.name.clone()/>
        <Meta property="og:locale" content=og_locale(&edition.lang)/>
        {og_type}
        {article_facts}
        <Meta name="twitter:card" content="summary"/>
        {data}
    }
}
