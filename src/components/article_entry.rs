//! One article in a list: the front page's and sections' lists, and search
//! results. One component for both, so that they look and read the same.

use brnn_model::body::Image;
use brnn_model::date::Published;
use brnn_model::search::ExcerptRun;
use leptos::either::Either;
use leptos::prelude::*;

use crate::components::picture::{Loading, Picture};
use crate::components::published_date::PublishedDate;

/// A thumbnail is 7.5rem wide (`style/main.css`, `.entry-image`).
const THUMBNAIL_SIZES: &str = "7.5rem";

/// An entry of an article list: date and section, the linked headline, the
/// lead as text runs (a search hit's matched words `Marked`), and the lead
/// image's thumbnail, if any (without text of its own: the headline says it).
#[component]
pub fn ArticleEntry(
    published: Option<Published>,
    section: Option<String>,
    href: Option<String>,
    headline: String,
    lead: Vec<ExcerptRun>,
    image: Option<Image>,
) -> impl IntoView {
    let thumbnail = image.map(|image| {
        view! {
            <div class="entry-image">
                <Picture image sizes=THUMBNAIL_SIZES alt=String::new() loading=Loading::WhenNear/>
            </div>
        }
    });
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
                {thumbnail}
                <p class="lead">{lead}</p>
            </article>
        </li>
    }
}
