//! One article in a list: the front page's blocks, the sections' lists and
//! search results. One component for all, so that they look and read the same.

use brnn_model::body::{HeadingLevel, Image};
use brnn_model::date::Published;
use brnn_model::search::ExcerptRun;
use leptos::either::Either;
use leptos::prelude::*;

use crate::components::picture::{Loading, Picture};
use crate::components::published_date::PublishedDate;

/// A thumbnail is 7.5rem wide (`style/main.css`, `.entry-image`).
const THUMBNAIL_SIZES: &str = "7.5rem";
/// A lead story's picture spans its column: on a wide front page two
/// thirds of 80rem, else the screen (`style/main.css`, `.front-lead`).
const LEAD_SIZES: &str = "(min-width: 64rem) 52rem, 100vw";

/// How much of an article an entry shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EntryStyle {
    /// The story that leads a page: its picture across the column, the
    /// headline large, the lead.
    Lead,
    /// Headline, lead and a thumbnail beside them.
    #[default]
    Standard,
    /// Date and headline only.
    Brief,
}

/// An entry of an article list: date and section, the linked headline at
/// `level`, the lead as text runs (a search hit's matched words `Marked`),
/// and the lead image, if any (without text of its own: the headline says
/// it). The caller puts it in its list's `<li>`.
#[component]
pub fn ArticleEntry(
    published: Option<Published>,
    section: Option<String>,
    href: Option<String>,
    headline: String,
    lead: Vec<ExcerptRun>,
    image: Option<Image>,
    #[prop(optional)] style: EntryStyle,
    #[prop(default = HeadingLevel::Two)] level: HeadingLevel,
) -> impl IntoView {
    let picture = image.filter(|_| style != EntryStyle::Brief).map(|image| {
        let (sizes, loading) = match style {
            EntryStyle::Lead => (LEAD_SIZES, Loading::First),
            _ => (THUMBNAIL_SIZES, Loading::WhenNear),
        };
        view! {
            <div class="entry-image">
                <Picture image sizes alt=String::new() loading/>
            </div>
        }
    });
    let lead = (style != EntryStyle::Brief).then(|| {
        let runs = lead
            .into_iter()
            .map(|run| match run {
                ExcerptRun::Text(text) => Either::Left(text),
                ExcerptRun::Marked(text) => Either::Right(view! { <mark>{text}</mark> }),
            })
            .collect_view();
        view! { <p class="lead">{runs}</p> }
    });
    let title = view! { <a href=href>{headline}</a> };
    let heading = match level {
        HeadingLevel::Two => Either::Left(view! { <h2>{title}</h2> }),
        HeadingLevel::Three => Either::Right(view! { <h3>{title}</h3> }),
    };
    let class = match style {
        EntryStyle::Lead => "entry entry-lead",
        EntryStyle::Standard => "entry",
        EntryStyle::Brief => "entry entry-brief",
    };
    view! {
        <article class=class>
            <p class="entry-meta">
                {published.map(|published| view! { <PublishedDate published/> })}
                {section.map(|name| view! { <span class="entry-section">{name}</span> })}
            </p>
            {heading}
            {picture}
            {lead}
        </article>
    }
}
