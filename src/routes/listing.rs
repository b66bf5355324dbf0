//! The list screens: the older pages of the edition's front page (its
//! newest is `front`'s), each section's pages and each author's. All are
//! one screen, [`ListScreen`], told which list it shows; an older address
//! of a list's page moves on to the page that now holds its articles.

use brnn_model::alternates::Alternate;
use brnn_model::format::{Author, ListPage, Section};
use brnn_model::paging::Paging;
use brnn_model::site::{Crumb, FeedKind, ListPosition, PageNumber};
use brnn_model::slug::{SectionPath, Slug};
use brnn_model::structured_data::{breadcrumb_list, collection_page};
use leptos::prelude::*;

use crate::api::Loaded;
use crate::components::article_list::ArticleList;
use crate::components::breadcrumb::Breadcrumb;
use crate::components::load_state::load_state;
use crate::components::not_found::NotFound;
use crate::components::page_head::{PageHead, PageKind};
use crate::context::{use_config, use_edition, use_locale};
use crate::head::HeadTag;
use crate::router::use_location;

/// `/{edition}/pages/{n}`: an older page of the newest articles across all
/// sections; `/{edition}/section/{path}/`, `…/pages/{n}`: one section's
/// articles, its subsections' included, the newest leading on its newest
/// page. Pages are counted from the oldest (`brnn_model::paging`).
#[component]
pub fn Listing(section: Option<SectionPath>, position: ListPosition) -> impl IntoView {
    let edition = use_edition();
    // A section the edition lacks is not asked of the endpoint.
    if edition.listing_name(section.as_ref()).is_none() {
        return view! { <NotFound/> }.into_any();
    }
    view! { <ListScreen list=List::Edition(section) position/> }.into_any()
}

/// `/{edition}/author/{slug}/`, `…/pages/{n}`: an author's articles.
#[component]
pub fn AuthorListing(slug: Slug, position: ListPosition) -> impl IntoView {
    view! { <ListScreen list=List::Author(slug) position/> }
}

/// Which list a list screen shows.
#[derive(Clone)]
pub(super) enum List {
    /// The front page (`None`) or a section's page.
    Edition(Option<SectionPath>),
    Author(Slug),
}

impl List {
    /// The list's own address, at its newest page.
    fn address(&self) -> String {
        let edition = use_edition();
        let site = use_config().site;
        match self {
            List::Edition(section) => site.listing(&edition.id, section.as_ref()),
            List::Author(slug) => site.author(&edition.id, slug),
        }
    }

    /// The address of page `page`, counted from the oldest.
    fn page_address(&self, page: u32) -> String {
        let edition = use_edition();
        let site = use_config().site;
        match self {
            List::Edition(section) => site.listing_page(&edition.id, section.as_ref(), page),
            List::Author(slug) => site.author_page(&edition.id, slug, page),
        }
    }

    /// The document of page `page`, counted from the oldest.
    fn page_document(&self, page: PageNumber) -> Loaded<ListPage> {
        let edition = use_edition();
        let endpoint = use_config().endpoint;
        match self {
            List::Edition(section) => endpoint.list_page(&edition.id, section.as_ref(), page.get()),
            List::Author(slug) => endpoint.author_page(&edition.id, slug, page.get()),
        }
    }

    /// The document of the newest page; `None` for the front page, whose
    /// newest page is `front.json`'s `latest`, shown by `front`.
    fn newest_document(&self) -> Option<Loaded<ListPage>> {
        let edition = use_edition();
        let endpoint = use_config().endpoint;
        match self {
            List::Edition(Some(section)) => Some(endpoint.newest_list_page(&edition.id, section)),
            List::Author(slug) => Some(endpoint.newest_author_page(&edition.id, slug)),
            List::Edition(None) => None,
        }
    }
}

/// A page of `list`: breadcrumb, heading, the entries and the pager.
#[component]
fn ListScreen(list: List, position: ListPosition) -> impl IntoView {
    let document = match position {
        ListPosition::Page(page) => list.page_document(page),
        ListPosition::Legacy(page) => {
            return match list.newest_document() {
                Some(newest) => load_state(newest, move |newest| {
                    move_on(&list, page, newest.total.unwrap_or_default())
                })
                .into_any(),
                None => {
                    let front = use_config().endpoint.front(&use_edition().id);
                    load_state(front, move |front| {
                        move_on(&List::Edition(None), page, front.total)
                    })
                    .into_any()
                }
            };
        }
        ListPosition::Newest => match list.newest_document() {
            Some(newest) => newest,
            // The routes show the front page's newest page with `front`.
            None => return view! { <NotFound/> }.into_any(),
        },
    };
    load_state(document, move |document| {
        let newest = position == ListPosition::Newest;
        let facts = ListFacts::of(&list, newest, document.author.as_ref());
        // A section's newest page leads with its newest article.
        let lead_first = matches!(list, List::Edition(Some(_))) && newest;
        let path = match newest {
            true => list.address(),
            false => list.page_address(document.page),
        };
        facts.show_head(path, (!newest).then_some(document.page));
        let older = (document.page > 1).then(|| list.page_address(document.page - 1));
        let newer = (!newest).then(|| match document.newer {
            Some(page) => list.page_address(page),
            None => list.address(),
        });
        let subsections = facts.subsections.filter(|_| newest);
        view! {
            <Breadcrumb crumbs=facts.crumbs/>
            <h1>{facts.name}</h1>
            {subsections}
            <ArticleList list=document newer older lead_first/>
        }
    })
    .into_any()
}

/// An older address's page `page` (counted from the newest) of `list`,
/// which has `total` articles: the address is replaced by that of the
/// page that now holds the page's first article.
fn move_on(list: &List, page: PageNumber, total: u32) -> impl IntoView {
    let paging = Paging::new(total as usize, use_edition().page_size as usize);
    let holding = paging.holding_legacy_page(page.get());
    let address = match holding == paging.newest() {
        true => list.address(),
        false => list.page_address(holding),
    };
    use_location().replace(&address);
    view! { <p class="loading" role="status">{use_locale().loading}</p> }
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
    /// The `newest` or an older page of `list`, whose document names
    /// `author` on an author's list.
    pub fn of(list: &List, newest: bool, author: Option<&Author>) -> Self {
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
                let alternates = if section.is_none() && newest {
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
                    href: site.author(&edition.id, slug),
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

    /// Shows the head of the list's page at `path`: its newest, or `page`
    /// (counted from the oldest).
    pub fn show_head(&self, path: String, page: Option<u32>) {
        let edition = use_edition();
        let config = use_config();
        let title = match page {
            Some(page) => format!("{} – {}", self.title, use_locale().page_number(page)),
            None => self.title.clone(),
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
            let href = site.listing(&edition.id, Some(&parent.child(child.slug)));
            view! { <li><a href=href>{child.name}</a></li> }
        })
        .collect_view();
    view! {
        <nav class="subsections" aria-label=use_locale().subsections_label>
            <ul>{links}</ul>
        </nav>
    }
}
