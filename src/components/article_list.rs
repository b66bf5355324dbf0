//! The date-sorted list of the front page and of every section.

use brnn_model::format::ListPage;
use leptos::prelude::*;

use crate::components::pager::Pager;
use crate::components::published_date::PublishedDate;
use crate::context::{use_config, use_edition, use_locale};

/// One page of a list, in the order the endpoint gives (newest first), and
/// the pager; `link(n)` is the address of page n of this list.
#[component]
pub fn ArticleList(list: ListPage, link: impl Fn(u32) -> String) -> impl IntoView {
    let edition = use_edition();
    let site = use_config().site;
    let locale = use_locale();
    let entries = list
        .articles
        .into_iter()
        .map(|summary| {
            let section = edition.section_name(&summary.section).map(str::to_owned);
            view! {
                <li>
                    <article class="entry">
                        <p class="entry-meta">
                            <PublishedDate published=summary.published/>
                            {section.map(|name| view! { <span class="entry-section">{name}</span> })}
                        </p>
                        <h2><a href=site.article(&edition.id, &summary.id)>{summary.headline}</a></h2>
                        <p class="lead">{summary.lead}</p>
                    </article>
                </li>
            }
        })
        .collect_view();
    view! {
        {(list.total == 0).then(|| view! { <p class="empty">{locale.empty_list}</p> })}
        <ol class="article-list">{entries}</ol>
        <Pager page=list.page pages=list.pages link/>
    }
}
