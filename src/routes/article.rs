//! The article screen: breadcrumb, headline, date line, body, neighbours.

use brnn_model::format::{ArticleLink, ArticlePage, Edition};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::components::breadcrumb::Breadcrumb;
use crate::components::load_state::{load_state, use_locale};
use crate::components::published_date::PublishedDate;
use crate::config::Config;
use crate::routes::edition::{slug_param, EditionResource};

/// `/{edition}/article/{id}`.
#[component]
pub fn ArticleScreen() -> impl IntoView {
    let EditionResource(edition) = expect_context();
    let endpoint = expect_context::<Config>().endpoint;
    let params = use_params_map();
    let request = Memo::new(move |_| {
        let params = params.read();
        (params.get("edition"), params.get("id"))
    });
    let article = LocalResource::new(move || {
        let endpoint = endpoint.clone();
        let (edition, id) = request.get();
        async move { endpoint.article(slug_param(edition)?, slug_param(id)?).await }
    });
    load_state(edition, move |edition| {
        load_state(
            article,
            move |page| view! { <ArticleView edition=edition.clone() page/> },
        )
    })
}

#[component]
fn ArticleView(edition: Edition, page: ArticlePage) -> impl IntoView {
    let site = expect_context::<Config>().site;
    let locale = use_locale();
    let ArticlePage {
        article,
        newer,
        older,
        ..
    } = page;
    // An article filed under a section the edition lacks still shows, under the edition.
    let crumbs = site
        .breadcrumb(&edition, Some(&article.section))
        .or_else(|| site.breadcrumb(&edition, None))
        .unwrap_or_default();
    let description = article.lead();
    let source = (!article.source.is_empty()).then(|| {
        view! {
            "\u{2003}"
            <span class="source">{locale.source_label}" "{article.source.clone()}</span>
        }
    });
    let paragraphs = article
        .paragraphs
        .into_iter()
        .map(|text| view! { <p>{text}</p> })
        .collect_view();
    let neighbour = |link: Option<ArticleLink>, label: &'static str, rel: &'static str| {
        link.map(|link| {
            view! {
                <li class=rel>
                    <a href=site.article(&edition.id, &link.id) rel=rel>
                        <span class="neighbour-label">{label}</span>
                        <span class="neighbour-headline">{link.headline}</span>
                    </a>
                </li>
            }
        })
    };
    let neighbours = (newer.is_some() || older.is_some()).then(|| {
        view! {
            <nav class="neighbours" aria-label=locale.neighbours_label>
                <ul>
                    {neighbour(newer, locale.newer_article, "prev")}
                    {neighbour(older, locale.older_article, "next")}
                </ul>
            </nav>
        }
    });
    view! {
        <Title text=format!("{} – {}", article.headline, edition.name)/>
        <Meta name="description" content=description.clone()/>
        <Meta property="og:type" content="article"/>
        <Meta property="og:title" content=article.headline.clone()/>
        <Meta property="og:description" content=description/>
        <Meta property="article:published_time" content=article.published.to_string()/>
        <Breadcrumb crumbs/>
        <article class="article">
            <h1>{article.headline.clone()}</h1>
            <p class="dateline">
                <PublishedDate published=article.published/>
                {source}
            </p>
            <div class="article-body">{paragraphs}</div>
        </article>
        {neighbours}
    }
}
