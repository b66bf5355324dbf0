//! The date-sorted lists of the edition: the front page's blocks, every
//! section's, author's and archive day's list.

use brnn_model::body::HeadingLevel;
use brnn_model::format::{ArticleSummary, ListPage};
use brnn_model::search::ExcerptRun;
use leptos::prelude::*;

use crate::components::article_entry::{ArticleEntry, EntryStyle};
use crate::components::pager::Pager;
use crate::context::{use_config, use_edition, use_locale};

/// One page of a list, in the order the endpoint gives (newest first), and
/// the pager to its `newer` and `older` pages' addresses. With
/// `lead_first`, the first entry leads, as on a section's newest page.
#[component]
pub fn ArticleList(
    list: ListPage,
    newer: Option<String>,
    older: Option<String>,
    #[prop(optional)] lead_first: bool,
) -> impl IntoView {
    let locale = use_locale();
    // Only the newest page says how long the list is; the others say their number.
    let page = list.total.is_none().then_some(list.page);
    let empty = list.articles.is_empty();
    let entries = list
        .articles
        .into_iter()
        .enumerate()
        .map(|(index, summary)| {
            let style = if lead_first && index == 0 {
                EntryStyle::Lead
            } else {
                EntryStyle::Standard
            };
            view! { <li><SummaryEntry summary style/></li> }
        })
        .collect_view();
    view! {
        {empty.then(|| view! { <p class="empty">{locale.empty_list}</p> })}
        <ol class="article-list">{entries}</ol>
        <Pager newer page older/>
    }
}

/// An article of the edition as a list shows it: its entry, linked to its page.
#[component]
pub fn SummaryEntry(
    summary: ArticleSummary,
    #[prop(optional)] style: EntryStyle,
    #[prop(default = HeadingLevel::Two)] level: HeadingLevel,
) -> impl IntoView {
    let edition = use_edition();
    let site = use_config().site;
    view! {
        <ArticleEntry
            published=Some(summary.published)
            section=edition.section_name(&summary.section).map(str::to_owned)
            href=Some(site.article(&edition.id, &summary.id))
            headline=summary.headline
            lead=vec![ExcerptRun::Text(summary.lead)]
            image=summary.image
            style
            level
        />
    }
}
