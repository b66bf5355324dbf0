//! The list screens: the edition's front page, each section's page and
//! each author's page. All are one screen, [`ListScreen`], told which list
//! it shows.

use brnn_model::alternates::Alternate;
use brnn_model::format::ListPage;
use brnn_model::site::{Crumb, FeedKind, PageNumber};
use brnn_model::slug::{SectionPath, Slug};
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
    view! { <ListScreen list=List::Edition(section) page/> }.into_any()
}

/// `/{edition}/author/{slug}/`, `…/page/{n}`: an author's articles.
#[component]
pub fn AuthorListing(slug: Slug, page: PageNumber) -> impl IntoView {
    view! { <ListScreen list=List::Author(slug) page/> }
}

/// Which list a list screen shows.
#[derive(Clone)]
enum List {
    /// The front page (`None`) or a section's page.
    Edition(Option<SectionPath>),
    Author(Slug),
}

/// A page of `list`: breadcrumb, heading, the entries and the pager.
#[component]
fn ListScreen(list: List, page: PageNumber) -> impl IntoView {
    let edition = use_edition();
    let endpoint = use_config().endpoint;
    let document = match &list {
        List::Edition(section) => endpoint.list_page(&edition.id, section.as_ref(), page.get()),
        List::Author(slug) => endpoint.author_page(&edition.id, slug, page.get()),
    };
    load_state(document, move |document| {
        let edition = use_edition();
        let config = use_config();
        let site = config.site.clone();
        let facts = ListFacts::of(&list, &document);
        let mut title = facts.title;
        if document.page > 1 {
            title = format!(
                "{title} – {}",
                use_locale().page_of(document.page, document.pages)
            );
        }
        let list = list.clone();
        let edition_id = edition.id.clone();
        let link = move |page| match &list {
            List::Edition(section) => site.listing(&edition_id, section.as_ref(), page),
            List::Author(slug) => site.author(&edition_id, slug, page),
        };
        let name = facts.name;
        let crumbs = facts.crumbs;
        PageHead {
            title,
            description: facts.description,
            path: link(document.page),
            kind: PageKind::Website,
            data: |url: &str, _: &str| {
                vec![
                    collection_page(&edition, &name, url),
                    breadcrumb_list(&crumbs, |path| config.absolute(path)),
                ]
            },
            links: facts.feeds,
            alternates: facts.alternates,
            image: None,
        }
        .show();
        view! {
            <Breadcrumb crumbs/>
            <h1>{name}</h1>
            {facts.languages}
            <ArticleList list=document link/>
        }
    })
}

/// What the page of a list says of it besides its entries.
struct ListFacts {
    name: String,
    /// Without the page number.
    title: String,
    description: String,
    crumbs: Vec<Crumb>,
    /// Where feed readers find the list's feeds.
    feeds: Vec<HeadTag>,
    alternates: Vec<Alternate>,
    languages: Option<AnyView>,
}

impl ListFacts {
    fn of(list: &List, document: &ListPage) -> Self {
        let edition = use_edition();
        let site = use_config().site;
        match list {
            List::Edition(section) => {
                let section = section.as_ref();
                let name = edition.listing_name(section).unwrap_or_default().to_owned();
                let feeds = FeedKind::ALL
                    .map(|kind| {
                        HeadTag::link("alternate", site.feed(&edition.id, section, kind))
                            .with("type", kind.media_type())
                            .with("title", format!("{name} ({})", kind.label()))
                    })
                    .to_vec();
                // The front page leads to the other editions' front pages, which name it back.
                let front_page = section.is_none();
                let alternates = if front_page && document.page == 1 {
                    site.front_page_alternates(&edition)
                } else {
                    Vec::new()
                };
                let languages = front_page
                    .then(|| view! { <LanguageLinks links=site.edition_links(&edition)/> }.into_any());
                ListFacts {
                    title: edition.listing_title(section).unwrap_or_default(),
                    description: name.clone(),
                    crumbs: site.breadcrumb(&edition, section).unwrap_or_default(),
                    name,
                    feeds,
                    alternates,
                    languages,
                }
            }
            List::Author(slug) => {
                // A document without its author still lists the articles, under the slug.
                let (name, description) = match &document.author {
                    Some(author) => (author.name.clone(), author.description.clone()),
                    None => (slug.to_string(), None),
                };
                let mut crumbs = site.breadcrumb(&edition, None).unwrap_or_default();
                crumbs.push(Crumb {
                    label: name.clone(),
                    href: site.author(&edition.id, slug, 1),
                });
                ListFacts {
                    title: format!("{name} – {}", edition.name),
                    description: description.unwrap_or_else(|| name.clone()),
                    crumbs,
                    name,
                    feeds: Vec::new(),
                    alternates: Vec::new(),
                    languages: None,
                }
            }
        }
    }
}
