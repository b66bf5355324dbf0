//! The article screen: breadcrumb, headline, date line, byline, the line of
//! its last change, the lead image, body, correction, neighbours.

use brnn_model::format::{paths, ArticleLink, ArticlePage};
use brnn_model::site::ArchivePeriod;
use brnn_model::slug::Slug;
use brnn_model::structured_data::{breadcrumb_list, news_article};
use leptos::prelude::*;

use crate::api::Prefetcher;
use crate::components::body::{article_correction, ArticleBody, Figure};
use crate::components::breadcrumb::Breadcrumb;
use crate::components::byline::Byline;
use crate::components::language_links::LanguageLinks;
use crate::components::load_state::load_state;
use crate::components::page_head::{PageHead, PageKind};
use crate::components::published_date::PublishedDate;
use crate::context::{use_config, use_edition, use_locale};
use crate::platform;

/// `/{edition}/article/{id}`.
#[component]
pub fn ArticleScreen(id: Slug) -> impl IntoView {
    let article = use_config().endpoint.article(&use_edition().id, &id);
    load_state(article, |page| view! { <ArticleView page/> })
}

#[component]
fn ArticleView(page: ArticlePage) -> impl IntoView {
    let edition = use_edition();
    let config = use_config();
    let site = config.site.clone();
    let locale = use_locale();
    let ArticlePage {
        article,
        newer,
        older,
        translations,
        ..
    } = page;
    // An article filed under a section the edition lacks still shows, under the edition.
    let crumbs = site
        .breadcrumb(&edition, Some(&article.section))
        .or_else(|| site.breadcrumb(&edition, None))
        .unwrap_or_default();
    let description = article.lead();
    let path = site.article(&edition.id, &article.id);
    let kind = PageKind::Article {
        headline: article.headline.clone(),
        published: article.published,
        updated: article.updated,
        section: edition
            .section_name(&article.section)
            .unwrap_or_default()
            .to_owned(),
    };
    PageHead {
        title: format!("{} – {}", article.headline, edition.name),
        description,
        path,
        kind,
        data: |url: &str, description: &str| {
            vec![
                news_article(
                    &edition,
                    &article,
                    url,
                    description,
                    |author| config.absolute(&site.author(&edition.id, &author.slug)),
                    article
                        .image
                        .as_ref()
                        .map(|image| config.absolute_file(&image.src))
                        .as_deref(),
                ),
                breadcrumb_list(&crumbs, |path| config.absolute(path)),
            ]
        },
        links: Vec::new(),
        // Every version of the article names every other, and itself.
        alternates: site.article_alternates(&edition, &article.id, &translations),
        image: article.image.clone(),
    }
    .show();
    let source = (!article.source.is_empty()).then(|| {
        view! {
            "\u{2003}"
            <span class="source">{locale.source_label}" "{article.source.clone()}</span>
        }
    });
    let blocks = article.blocks().into_owned();
    let byline = (!article.authors.is_empty()).then(|| view! { <Byline authors=article.authors/> });
    let updated = article.updated.map(|updated| {
        view! { <p class="updated">{locale.updated_label()}<PublishedDate published=updated/></p> }
    });
    let lead_image = article.image.map(|image| view! { <Figure image lead=true/> });
    let correction = article_correction(article.correction);
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
    // Read to its end, the article's neighbours are fetched ahead.
    let ahead: Vec<String> = [&newer, &older]
        .into_iter()
        .flatten()
        .map(|link| paths::article(&edition.id, &link.id))
        .collect();
    let neighbours_nav = NodeRef::<leptos::html::Nav>::new();
    let prefetcher = expect_context::<Prefetcher>();
    Effect::new(move |_| {
        if let Some(nav) = neighbours_nav.get() {
            let (ahead, prefetcher) = (ahead.clone(), prefetcher.clone());
            platform::when_in_view(&nav, move || {
                ahead.into_iter().for_each(|path| prefetcher.fetch(path))
            });
        }
    });
    let neighbours = (newer.is_some() || older.is_some()).then(|| {
        view! {
            <nav class="neighbours" aria-label=locale.neighbours_label node_ref=neighbours_nav>
                <ul>
                    {neighbour(newer, locale.newer_article, "prev")}
                    {neighbour(older, locale.older_article, "next")}
                </ul>
            </nav>
        }
    });
    view! {
        <Breadcrumb crumbs/>
        <article class="article">
            <h1>{article.headline.clone()}</h1>
            <p class="dateline">
                <a href=site.archive(&edition.id, ArchivePeriod::Day(article.published.local_date()))>
                    <PublishedDate published=article.published/>
                </a>
                {source}
            </p>
            {byline}
            {updated}
            <LanguageLinks links=site.translation_links(&edition, &article.id, &translations)/>
            {lead_image}
            <ArticleBody blocks/>
            {correction}
        </article>
        {neighbours}
    }
    // Erased: the screen's element tree is deeper than the compiler follows.
    .into_any()
}
