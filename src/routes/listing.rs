//! The list screens: the edition's front page and each section's page.
//! Both are one screen with or without a section.

use brnn_model::load::LoadError;
use brnn_model::site::{FeedKind, PageNumber};
use brnn_model::slug::SectionPath;
use brnn_model::structured_data::{breadcrumb_list, collection_page};
use leptos::prelude::*;
use leptos_meta::Link;
use leptos_router::hooks::{use_params, use_query};

use crate::components::article_list::ArticleList;
use crate::components::breadcrumb::Breadcrumb;
use crate::components::load_state::load_state;
use crate::components::page_head::{PageHead, PageKind};
use crate::context::{use_config, use_edition, use_locale, LegacyPageQuery, PageParams, SectionParams};

/// A list's section (`None` for the front page) and page, as its address
/// says; an error for an address that does not parse.
type ListAddress = Result<(Option<SectionPath>, PageNumber), LoadError>;

/// `/{edition}/`, `/{edition}/page/{n}`: the newest articles across all sections.
#[component]
pub fn FrontPage() -> impl IntoView {
    let params = use_params::<PageParams>();
    let address = Signal::derive(move || {
        let page = params.get().map_err(|_| LoadError::NotFound)?.page;
        Ok((None, page.unwrap_or(PageNumber::FIRST)))
    });
    view! { <Listing address/> }
}

/// `/{edition}/section/{path}/`, `…/page/{n}`: one section's articles, its subsections' included.
#[component]
pub fn SectionPage() -> impl IntoView {
    let params = use_params::<SectionParams>();
    let address = Signal::derive(move || {
        let address = params.get().map_err(|_| LoadError::NotFound)?.path;
        Ok((Some(address.section), address.page))
    });
    view! { <Listing address/> }
}

#[component]
fn Listing(address: Signal<ListAddress>) -> impl IntoView {
    let edition = use_edition();
    let legacy = use_query::<LegacyPageQuery>();
    // What to show, or that the address leads nowhere: a section the edition
    // lacks or an unreadable page number is not asked of the endpoint.
    let request = {
        let edition = edition.clone();
        Memo::new(move |_| {
            let (section, page) = address.get()?;
            edition
                .listing_name(section.as_ref())
                .ok_or(LoadError::NotFound)?;
            let legacy_page = legacy.get().map_err(|_| LoadError::NotFound)?.page;
            Ok((section, legacy_page.unwrap_or(page)))
        })
    };
    let list = use_config().endpoint.list_page(move || {
        let (section, page) = request.get()?;
        Ok((edition.id.clone(), section, page.get()))
    });
    load_state(list, move |list| {
        // The request this list answers: the document is asked for by it.
        let section = request.get_untracked().ok().and_then(|(section, _)| section);
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
        let data = vec![
            collection_page(&edition, &name, &config.absolute(&path)),
            breadcrumb_list(&crumbs, |path| config.absolute(path)),
        ];
        // Feed readers find this list's feeds from its page.
        let feeds = FeedKind::ALL.map(|kind| {
            view! {
                <Link
                    rel="alternate"
                    type_=kind.media_type()
                    title=format!("{name} ({})", kind.label())
                    href=site.feed(&edition.id, section.as_ref(), kind)
                />
            }
        });
        let link = move |page| site.listing(&edition.id, section.as_ref(), page);
        view! {
            <PageHead title description=name.clone() path kind=PageKind::Website data/>
            {feeds}
            <Breadcrumb crumbs/>
            <h1>{name}</h1>
            <ArticleList list link/>
        }
    })
}
