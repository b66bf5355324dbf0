//! The edition's front page: the lead story, the row below it, a block per
//! section and the newest articles, from the edition's `front.json`. Its
//! later pages are the date-sorted list's (`listing`).

use brnn_model::body::HeadingLevel;
use brnn_model::format::{ArticleSummary, FrontPage, SectionFront};
use leptos::prelude::*;

use crate::components::article_entry::EntryStyle;
use crate::components::article_list::SummaryEntry;
use crate::components::load_state::load_state;
use crate::context::{use_config, use_edition, use_locale};
use crate::routes::listing::{List, ListFacts};

/// `/{edition}/`.
#[component]
pub fn FrontScreen() -> impl IntoView {
    let front = use_config().endpoint.front(&use_edition().id);
    load_state(front, |front| view! { <FrontView front/> })
}

#[component]
fn FrontView(front: FrontPage) -> impl IntoView {
    let edition = use_edition();
    let site = use_config().site;
    let locale = use_locale();
    let facts = ListFacts::of(&List::Edition(None), true, None);
    facts.show_head(site.listing(&edition.id, None), None);
    let lead = front.lead.map(|summary| {
        view! {
            <div class="front-block front-lead">
                <SummaryEntry summary style=EntryStyle::Lead/>
            </div>
        }
    });
    let top = (!front.top.is_empty()).then(|| {
        view! {
            <div class="front-block front-top">
                <ul class="article-list">{entries(front.top, EntryStyle::Standard, HeadingLevel::Two)}</ul>
            </div>
        }
    });
    let sections = front
        .sections
        .into_iter()
        .filter_map(|block| {
            Some(view! { <SectionBlock name=edition.section_name(&block.section)?.to_owned() block/> })
        })
        .collect_view();
    let older = (front.page > 1).then(|| {
        let href = site.listing_page(&edition.id, None, front.page - 1);
        view! { <p class="more"><a href=href rel="next">{locale.older_page}</a></p> }
    });
    view! {
        // The masthead names the edition; the heading is for the page's outline.
        <h1 class="visually-hidden">{facts.name}</h1>
        <div class="front">
            {lead}
            {top}
            {sections}
            <section class="front-block front-latest">
                <h2>{locale.latest}</h2>
                <ol class="article-list">{entries(front.latest, EntryStyle::Brief, HeadingLevel::Three)}</ol>
                {older}
            </section>
        </div>
    }
    .into_any()
}

/// A top-level section's newest articles and the link to its page.
#[component]
fn SectionBlock(name: String, block: SectionFront) -> impl IntoView {
    let edition = use_edition();
    let href = use_config().site.listing(&edition.id, Some(&block.section));
    let (first, rest) = split_first(block.articles);
    view! {
        <section class="front-block front-section">
            <h2><a href=href>{name}</a></h2>
            <ol class="article-list">
                {entries(first, EntryStyle::Standard, HeadingLevel::Three)}
                {entries(rest, EntryStyle::Brief, HeadingLevel::Three)}
            </ol>
        </section>
    }
}

/// The first of `articles` and the others.
fn split_first(mut articles: Vec<ArticleSummary>) -> (Vec<ArticleSummary>, Vec<ArticleSummary>) {
    let rest = articles.split_off(articles.len().min(1));
    (articles, rest)
}

/// Each of `articles` as a list item.
fn entries(articles: Vec<ArticleSummary>, style: EntryStyle, level: HeadingLevel) -> impl IntoView {
    articles
        .into_iter()
        .map(|summary| view! { <li><SummaryEntry summary style level/></li> })
        .collect_view()
}
