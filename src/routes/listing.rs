//! The list screens: the edition's front page and each section's page.
//! Both are one screen with or without a section.

use brnn_model::load::LoadError;
use brnn_model::site::{FeedKind, PageNumber};
use brnn_model::slug::SectionPath;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::{use_params, use_query};

use crate::components::article_list::ArticleList;
use crate::components::breadcrumb::Breadcrumb;
use crate::components::load_state::load_state;
use crate::context::{use_config, use_edition, use_locale, ListQuery, SectionParams};

/// `/{edition}/`: the newest articles across all sections.
#[component]
pub fn FrontPage() -> impl IntoView {
    view! { <Listing section=Signal::derive(|| Ok(None))/> }
}

/// `/{edition}/section/{path}`: one section's articles, its subsections' included.
#[component]
pub fn SectionPage() -> impl IntoView {
    let params = use_params::<SectionParams>();
    // An unreadable section path is an address that leads nowhere.
    let section = Signal::derive(move || {
        params
            .get()
            .map(|params| Some(params.path))
            .map_err(|_| LoadError::NotFound)
    });
    view! { <Listing section/> }
}

/// `section` is `Ok(None)` for the front page, an error for an unreadable section path.
#[component]
fn Listing(section: Signal<Result<Option<SectionPath>, LoadError>>) -> impl IntoView {
    let edition = use_edition();
    let endpoint = use_config().endpoint;
    let query = use_query::<ListQuery>();
    // What to show, or that the address leads nowhere: a section the edition
    // lacks or an unreadable page number is not asked of the endpoint.
    let request = {
        let edition = edition.clone();
        Memo::new(move |_| {
            let section = section.get()?;
            edition
                .listing_name(section.as_ref())
                .ok_or(LoadError::NotFound)?;
            let page = query.get().map_err(|_| LoadError::NotFound)?.page;
            Ok((section, page.unwrap_or(PageNumber::FIRST)))
        })
    };
    let list = LocalResource::new(move || {
        let (endpoint, edition) = (endpoint.clone(), edition.id.clone());
        let request = request.get();
        async move {
            let (section, page) = request?;
            endpoint.list_page(edition, section, page.get()).await
        }
    });
    load_state(list, move |list| {
        // The request this list answers: the resource reads it before fetching.
        let section = request.get_untracked().ok().and_then(|(section, _)| section);
        let edition = use_edition();
        let site = use_config().site;
        let name = edition
            .listing_name(section.as_ref())
            .unwrap_or_default()
            .to_owned();
        let mut title = edition.listing_title(section.as_ref()).unwrap_or_default();
        if list.page > 1 {
            title = format!("{title} – {}", use_locale().page_of(list.page, list.pages));
        }
        let crumbs = site.breadcrumb(&edition, section.as_ref()).unwrap_or_default();
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
            <Title text=title/>
            <Meta name="description" content=name.clone()/>
            {feeds}
            <Breadcrumb crumbs/>
            <h1>{name}</h1>
            <ArticleList list link/>
        }
    })
}
