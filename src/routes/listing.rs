//! The list screens: the edition's front page and each section's page.
//! Both are one screen with or without a section.

use brnn_model::site::{FeedKind, PageNumber};
use brnn_model::slug::SectionPath;
use brnn_model::structured_data::{breadcrumb_list, collection_page};
use leptos::prelude::*;

use crate::components::article_list::ArticleList;
use crate::components::breadcrumb::Breadcrumb;
use crate::components::language_links::LanguageLinks;
use crate::components::load_state::load_state;
use crate::components::not_found::NotFound;
use crate::components::page_head::{PageHead, PageKind};
use crate::context::{use_config, use_edition, use_locale};
use crate::head::HeadTag;

/// `/{edition}/`, `/{edition}/page/{n}`: the newest articles across all
/// sections; `/{edition}/section/{path}/`, `…/page/{n}`: one section's
/// articles, its subsections' included.
#[component]
pub fn Listing(section: Option<SectionPath>, page: PageNumber) -> impl IntoView {
    let edition = use_edition();
    // A section the edition lacks is not asked of the endpoint.
    if edition.listing_name(section.as_ref()).is_none() {
        return view! { <NotFound/> }.into_any();
    }
    let list = use_config()
        .endpoint
        .list_page(&edition.id, section.as_ref(), page.get());
    load_state(list, move |list| {
        let edition = use_edition();
        let config = use_config();
        let site = config.site.clone();
        let name = edition
            .listing_name(section.as_ref())
            .unwrap_or_default()
            .to_owned();
        let mut title = edition.listing_title(section.as_ref()).unwrap_or_default();
        if list.page > 1 {
            title = format!("{title} – {}", use_locale().page_of(list.page, list.pages));
        }
        let path = site.listing(&edition.id, section.as_ref(), list.page);
        let crumbs = site.breadcrumb(&edition, section.as_ref()).unwrap_or_default();
        // Feed readers find this list's feeds from its page.
        let links = FeedKind::ALL
            .map(|kind| {
                HeadTag::link("alternate", site.feed(&edition.id, section.as_ref(), kind))
                    .with("type", kind.media_type())
                    .with("title", format!("{name} ({})", kind.label()))
            })
            .to_vec();
        // The front page leads to the other editions' front pages, which name it back.
        let front_page = section.is_none();
        let alternates = if front_page && list.page == 1 {
            site.front_page_alternates(&edition)
        } else {
            Vec::new()
        };
        let languages = front_page.then(|| view! { <LanguageLinks links=site.edition_links(&edition)/> });
        PageHead {
            title,
            description: name.clone(),
            path,
            kind: PageKind::Website,
            data: |url: &str, _: &str| {
                vec![
                    collection_page(&edition, &name, url),
                    breadcrumb_list(&crumbs, |path| config.absolute(path)),
                ]
            },
            links,
            alternates,
        }
        .show();
        let section = section.clone();
        let link = move |page| site.listing(&edition.id, section.as_ref(), page);
        view! {
            <Breadcrumb crumbs/>
            <h1>{name}</h1>
            {languages}
            <ArticleList list link/>
        }
    })
    .into_any()
}
