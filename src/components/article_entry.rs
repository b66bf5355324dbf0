//! One article in a list: the front page's and sections' lists, and search
//! results. One component for both, so that they look and read the same.

use brnn_model::date::Published;
use brnn_model::search::ExcerptRun;
use leptos::either::Either;
use leptos::prelude::*;

use crate::components::published_date::PublishedDate;

/// An entry of an article list: date and section, the linked headline, and
/// the lead as text runs (a search hit's matched words `Marked`).
#[component]
pub fn ArticleEntry(
    published: Option<Published>,
    section: Option<String>,
    href: Option<String>,
    headline: String,
    lead: Vec<ExcerptRun>,
) -> impl IntoView {
    let lead = lead
        .into_iter()
        .map(|run| match run {
            ExcerptRun::Text(text) => Either::Left(text),
            ExcerptRun::Marked(text) => Either::Right(view! { <mark>{text}</mark> }),
        })
        .collect_view();
    view! {
        <li>
            <article class="entry">
                <p class="entry-meta">
                    {published.map(|published| view! { <PublishedDate published/> })}
                    {section.map(|name| view! { <span class="entry-section">{name}</span> })}
                </p>
                <h2><a href=href>{headline}</a></h2>
                <p class="lead">{lead}</p>
            </article>
        </li>
    }
}
