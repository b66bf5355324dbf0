//! The list screens: the later pages of the edition's front page (its
//! first is `front`'s), each section's page and each author's page. All are
//! one screen, [`ListScreen`], told which list it shows.

use brnn_model::alternates::Alternate;
use brnn_model::format::{Author, Section};
use brnn_model::site::{Crumb, FeedKind, PageNumber};
use brnn_model::slug::{SectionPath, Slug};
use brnn_model::structured_data::{breadcrumb_list, collection_page};
use leptos::prelude::*;

use crate::components::article_list::ArticleList;
use crate::components::breadcrumb::Breadcrumb;
use crate::components::load_state::load_state;
use crate::components::not_found::NotFound;
use crate::components::page_head::{PageHead, PageKind};
use crate::context::{use_config, use_edition, use_locale};
use crate::head::HeadTag;

/// `/{edition}/`, `/{edition}/page/{n}`: the newest articles across all
/// sections (an endpoint without front page documents shows its first page
/// so too); `/{edition}/section/{path}/`, `…/page/{n}`: one section's
/// articles, its subsections' included, the newest leading on the first page.
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
pub(super) enum List {
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
        let site = use_config().site;
        let facts = ListFacts::of(&list, document.page, document.author.as_ref());
        // A section's first page leads with its newest article.
        let lead_first = matches!(list, List::Edition(Some(_))) && document.page == 1;
        let list = list.clone();
        let edition_id = edition.id.clone();
        let link = move |page| match &list {
            List::Edition(section) => site.listing(&edition_id, section.as_ref(), page),
            List::Author(slug) => site.author(&edition_id, slug, page),
        };
        facts.show_head(link(document.page), document.page, document.pages);
        let subsections = facts.subsections.filter(|_| document.page == 1);
        view! {
            <Breadcrumb crumbs=facts.crumbs/>
            <h1>{facts.name}</h1>
            {subsections}
            <ArticleList list=document link lead_first/>
        }
    })
}

/// What the page of a list says of it besides its entries.
pub(super) struct ListFacts {
    pub name: String,
    /// Without the page number.
    title: String,
    description: String,
    crumbs: Vec<Crumb>,
    /// Where feed readers find the list's feeds.
    feeds: Vec<HeadTag>,
    alternates: Vec<Alternate>,
    /// A section's links to its subsections (empty when it has none).
    subsections: Option<AnyView>,
}

impl ListFacts {
    /// Page `page` of `list`, whose document names `author` on an author's list.
    pub fn of(list: &List, page: u32, author: Option<&Author>) -> Self {
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
                let alternates = if section.is_none() && page == 1 {
                    site.front_page_alternates(&edition)
                } else {
                    Vec::new()
                };
                let subsections = section
                    .and_then(|path| Some((path, edition.section_trail(path)?.last()?.sections.clone())))
                    .filter(|(_, children)| !children.is_empty())
                    .map(|(path, children)| view! { <Subsections parent=path.clone() children/> }.into_any());
                ListFacts {
                    title: edition.listing_title(section).unwrap_or_default(),
                    description: name.clone(),
                    crumbs: site.breadcrumb(&edition, section).unwrap_or_default(),
                    name,
                    feeds,
                    alternates,
                    subsections,
                }
            }
            List::Author(slug) => {
                // A document without its author still lists the articles, under the slug.
                let (name, description) = match author {
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
                    subsections: None,
                }
            }
        }
    }

    /// Shows the head of the list's page `page` of `pages`, at `path`.
    pub fn show_head(&self, path: String, page: u32, pages: u32) {
        let edition = use_edition();
        let config = use_config();
        let title = if page > 1 {
            format!("{} – {}", self.title, use_locale().page_of(page, pages))
        } else {
            self.title.clone()
        };
        PageHead {
            title,
            description: self.description.clone(),
            path,
            kind: PageKind::Website,
            data: |url: &str, _: &str| {
                vec![
                    collection_page(&edition, &self.name, url),
                    breadcrumb_list(&self.crumbs, |path| config.absolute(path)),
                ]
            },
            links: self.feeds.clone(),
            alternates: self.alternates.clone(),
            image: None,
        }
        .show();
    }
}

/// The links to a section's subsections, on its first page.
#[component]
fn Subsections(parent: SectionPath, children: Vec<Section>) -> impl IntoView {
    let edition = use_edition();
    let site = use_config().site;
    let links = children
        .into_iter()
        .map(|child| {
            let href = site.listing(&edition.id, Some(&parent.child(child.slug)), 1);
            view! { <li><a href=href>{child.name}</a></li> }
        })
        .collect_view();
    view! {
        <nav class="subsections" aria-label=use_locale().subsections_label>
            <ul>{links}</ul>
        </nav>
    }
}
