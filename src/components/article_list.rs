//! The date-sorted list of the front page and of every section.

use brnn_model::format::ListPage;
use brnn_model::search::ExcerptRun;
use leptos::prelude::*;

use crate::components::article_entry::ArticleEntry;
use crate::components::pager::Pager;
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
            view! {
                <ArticleEntry
                    published=Some(summary.published)
                    section=edition.section_name(&summary.section).map(str::to_owned)
                    href=Some(site.article(&edition.id, &summary.id))
                    headline=summary.headline
                    lead=vec![ExcerptRun::Text(summary.lead)]
                    image=summary.image
                />
            }
        })
        .collect_view();
    view! {
        {(list.total == 0).then(|| view! { <p class="empty">{locale.empty_list}</p> })}
        <ol class="article-list">{entries}</ol>
        <Pager page=list.page pages=list.pages link/>
    }
}
