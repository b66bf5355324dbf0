//! The list screens: the edition's front page and each section's page.
//! Both are one screen with or without a section.

use brnn_model::format::Edition;
use brnn_model::load::LoadError;
use brnn_model::site::{parse_page, FeedKind, PAGE_PARAMETER};
use brnn_model::slug::SectionPath;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::article_list::ArticleList;
use crate::components::breadcrumb::Breadcrumb;
use crate::components::load_state::{load_state, use_locale};
use crate::config::Config;
use crate::routes::edition::{slug_param, EditionResource};
use crate::routes::not_found::NotFound;

/// `/{edition}/`: the newest articles across all sections.
#[component]
pub fn FrontPage() -> impl IntoView {
    view! { <Listing section=Signal::derive(|| None)/> }
}

/// `/{edition}/section/{path}`: one section's articles, its subsections' included.
#[component]
pub fn SectionPage() -> impl IntoView {
    let params = use_params_map();
    let section = Memo::new(move |_| {
        params
            .read()
            .get("path")
            .map(|path| SectionPath::try_from(path).map_err(|_| LoadError::NotFound))
    });
    view! { <Listing section=Signal::derive(move || section.get())/> }
}

/// `section` is `None` for the front page, `Some(Err)` for an unreadable section path.
#[component]
fn Listing(section: Signal<Option<Result<SectionPath, LoadError>>>) -> impl IntoView {
    let EditionResource(edition) = expect_context();
    let endpoint = expect_context::<Config>().endpoint;
    let params = use_params_map();
    let query = use_query_map();
    let request = Memo::new(move |_| {
        let page = parse_page(query.read().get(PAGE_PARAMETER).as_deref()).ok_or(LoadError::NotFound);
        (params.read().get("edition"), section.get().transpose(), page)
    });
    let list = LocalResource::new(move || {
        let endpoint = endpoint.clone();
        let (edition, section, page) = request.get();
        async move { endpoint.list_page(slug_param(edition)?, section?, page?).await }
    });
    load_state(edition, move |edition| {
        let section = request.get().1.ok().flatten();
        match section_heading(&edition, section.as_ref()) {
            Some(heading) => Either::Left(load_state(list, move |list| {
                let site = expect_context::<Config>().site;
                let crumbs = site.breadcrumb(&edition, section.as_ref()).unwrap_or_default();
                let title = page_title(&edition, &heading, section.is_some(), list.page, list.pages);
                // Feed readers find this list's feeds from its page.
                let feeds = FeedKind::ALL.map(|kind| {
                    view! {
                        <Link
                            rel="alternate"
                            type_=kind.media_type()
                            title=format!("{heading} ({})", kind.label())
                            href=site.feed(&edition.id, section.as_ref(), kind)
                        />
                    }
                });
                let (edition_for_links, section_for_links) = (edition.id.clone(), section.clone());
                let link = move |page| match &section_for_links {
                    Some(section) => site.section(&edition_for_links, section, page),
                    None => site.edition(&edition_for_links, page),
                };
                view! {
                    <Title text=title/>
                    <Meta name="description" content=heading.clone()/>
                    {feeds}
                    <Breadcrumb crumbs/>
                    <h1>{heading.clone()}</h1>
                    <ArticleList edition=edition.clone() list link/>
                }
            })),
            None => Either::Right(view! { <NotFound/> }),
        }
    })
}

/// "Aktuelles – „Belt and Road“-Nachrichtennetzwerk – Seite 2 von 3".
fn page_title(edition: &Edition, heading: &str, in_section: bool, page: u32, pages: u32) -> String {
    let mut title = heading.to_owned();
    if in_section {
        title = format!("{title} – {}", edition.name);
    }
    if page > 1 {
        title = format!("{title} – {}", use_locale().page_of(page, pages));
    }
    title
}

/// The list's heading: the section's name, or the edition's on the front page;
/// `None` for a section the edition does not have.
fn section_heading(edition: &Edition, section: Option<&SectionPath>) -> Option<String> {
    match section {
        None => Some(edition.name.clone()),
        Some(path) => edition
            .section_trail(path)?
            .last()
            .map(|section| section.name.clone()),
    }
}
