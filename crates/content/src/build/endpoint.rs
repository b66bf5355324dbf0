//! The reader's JSON endpoint: the documents of `brnn_model::format` (the
//! date archive's are `archive.rs`'s), each with the HTML page that shows
//! it when the build makes pages ([`Publisher`]).

use std::collections::BTreeSet;
use std::io;

use brnn_model::date::Published;
use brnn_model::format::{paths, ArticlePage, Author, ListPage, FORMAT_VERSION};
use brnn_model::front;
use brnn_model::paging::Paging;
use brnn_model::site::Site;
use brnn_model::slug::{SectionPath, Slug};
use rustc_hash::FxHashMap;

use super::article_keys::ArticleKeys;
use super::pages::{Json, Publisher};
use super::{EditionLists, Output, Scope};
use crate::article_card::{ArticleCard, Leads};

/// Writes the top of the front page (as the editors chose it at `now`),
/// every page of every listing and of every author's list, one page per
/// article and one per page of the house; with pages, the HTML page of
/// each as well, and the edition's search page and not-found page. The
/// front page's newest list page is `front.json`'s `latest`.
pub(super) fn write(
    lists: &EditionLists,
    now: Published,
    publisher: &Publisher,
    output: &mut Output,
) -> io::Result<()> {
    let EditionLists {
        content,
        keys,
        listings,
        authors,
        ..
    } = lists;
    let edition = &content.edition;
    let leads = &lists.library.leads;
    let places =
        front::select(edition, &content.articles, &content.front_choices, now).map_err(io::Error::other)?;
    let front = places.page(
        |place| content.articles[place].summary(leads),
        |place| content.articles[place].image.as_deref().cloned(),
    )?;
    publisher.document(output, &paths::front(&edition.id), &front, |site| {
        site.listing(&edition.id, None)
    })?;

    for listing in listings {
        let section = listing.section.as_ref();
        let list = List {
            articles: &listing.articles,
            leads,
            author: None,
            newest: section.map(|section| paths::newest_list_page(&edition.id, section)),
            document: &|page| paths::list_page(&edition.id, section, page),
            address: &|site, page| match page {
                Some(page) => site.listing_page(&edition.id, section, page),
                None => site.listing(&edition.id, section),
            },
        };
        list.write(&edition.id, edition.page_size, keys, publisher, output)?;
    }
    for listing in authors {
        let slug = &listing.author.slug;
        let list = List {
            articles: &listing.articles,
            leads,
            author: Some(listing.author),
            newest: Some(paths::newest_author_page(&edition.id, slug)),
            document: &|page| paths::author_page(&edition.id, slug, page),
            address: &|site, page| match page {
                Some(page) => site.author_page(&edition.id, slug, page),
                None => site.author(&edition.id, slug),
            },
        };
        list.write(&edition.id, edition.page_size, keys, publisher, output)?;
    }

    for (article, newer, older) in article_pages(&edition.id, &content.articles, &output.scope) {
        let (newer, older) = (newer.map(ArticleCard::link), older.map(ArticleCard::link));
        let translations = content.translations_of(&article.id);
        // Made from the page's parts: the page itself (a copy of the
        // article) is only made when it must be written.
        let links = serde_json::to_vec(&(&newer, &older, translations)).map_err(io::Error::other)?;
        let key = keys.document("article page", &[links.as_slice()], &[article]);
        let json = Json::later(|| {
            let page = ArticlePage {
                format: FORMAT_VERSION,
                article: lists.whole(article)?,
                newer: newer.clone(),
                older: older.clone(),
                translations: translations.to_vec(),
            };
            serde_json::to_string(&page).map_err(io::Error::other)
        });
        let path = paths::article(&edition.id, &article.id);
        publisher.keyed_document(output, &path, key, &json, |site| {
            site.article(&edition.id, &article.id)
        })?;
        output.article_written()?;
    }
    for page in &content.house_pages {
        publisher.document(
            output,
            &paths::house_page(&edition.id, &page.slug),
            page,
            |site| site.house_page(&edition.id, &page.slug),
        )?;
    }
    // The search page (the app searches; without it, the page says it
    // needs it) and the edition's own not-found page, in its language.
    publisher.page(output, |site| site.search(&edition.id, ""), None)?;
    publisher.page(output, |site| site.not_found(&edition.id), None)
}

/// One date-sorted list of the site: where each of its pages' document
/// and address is.
struct List<'a> {
    /// Newest first.
    articles: &'a [&'a ArticleCard],
    /// Where their leads are.
    leads: &'a Leads,
    /// Whose articles these are, on an author's list.
    author: Option<&'a Author>,
    /// The path of the newest page's document below the endpoint; `None`
    /// for the front page, whose newest page `front.json` carries.
    newest: Option<String>,
    /// The path of an older page n's document below the endpoint.
    document: &'a dyn Fn(u32) -> String,
    /// The address of page n, or of the newest page (`None`).
    address: &'a dyn Fn(&Site, Option<u32>) -> String,
}

impl List<'_> {
    /// Writes the document of every page of the list, numbered from the
    /// oldest (`brnn_model::paging`); with pages, the HTML page of each,
    /// which carries the edition and its own document. A page's document
    /// is only made when its key (`ArticleKeys`) changed.
    ///
    /// A publish (`scope.rs`) starts at the page below the one where the
    /// oldest article it added falls, counted as if every page were full:
    /// the pages before it, in both the last build and this one, are full
    /// pages of articles that did not move, with the same next page; of
    /// those, it goes through the pages of the articles it changed in place.
    fn write(
        &self,
        edition: &Slug,
        page_size: u32,
        keys: &ArticleKeys,
        publisher: &Publisher,
        output: &mut Output,
    ) -> io::Result<()> {
        let paging = Paging::new(self.articles.len(), page_size as usize);
        let newest = paging.newest();
        let author = serde_json::to_string(&self.author).map_err(io::Error::other)?;
        let unmoved = output.scope.unmoved(edition, self.articles);
        let first = (unmoved / (page_size.max(1) as usize)).saturating_sub(1).max(1) as u32;
        // And those of the articles it changed in place, further down.
        let changed: BTreeSet<u32> = output
            .scope
            .changed_in_place(edition, self.articles)
            .map(|index| paging.page_holding(index))
            .filter(|page| *page < first)
            .collect();
        for page in changed.into_iter().chain(first..=newest) {
            let items = paging.items_on(page).expect("pages counted by the same paging");
            let articles = &self.articles[items];
            let newer = (page + 1 < newest).then_some(page + 1);
            let total = (page == newest).then_some(self.articles.len() as u32);
            let [number, newer_number, total_count] = [Some(page), newer, total]
                .map(|number| number.map_or(vec![], |number| number.to_le_bytes().to_vec()));
            let fields: [&[u8]; 4] = [&number, &newer_number, &total_count, author.as_bytes()];
            let key = keys.document("list page", &fields, articles);
            let json = Json::later(|| {
                let document = ListPage {
                    format: FORMAT_VERSION,
                    page,
                    newer,
                    total,
                    articles: articles
                        .iter()
                        .map(|article| article.summary(self.leads))
                        .collect::<io::Result<_>>()?,
                    author: self.author.cloned(),
                };
                serde_json::to_string(&document).map_err(io::Error::other)
            });
            if page < newest {
                publisher.keyed_document(output, &(self.document)(page), key, &json, |site| {
                    (self.address)(site, Some(page))
                })?;
            } else if let Some(path) = &self.newest {
                publisher.keyed_document(output, path, key, &json, |site| (self.address)(site, None))?;
            }
        }
        Ok(())
    }
}

/// An article, with the next newer and the next older article of its own section.
type WithNeighbours<'a> = (&'a ArticleCard, Option<&'a ArticleCard>, Option<&'a ArticleCard>);

/// The articles of `edition` whose pages the build goes through, section
/// by section, each with its neighbours (the articles themselves: links to
/// a million articles' neighbours made at once took some 300 MB). A
/// publish (`scope.rs`) goes through the articles that may have moved and
/// the next older one of each section (its newer neighbour may be new),
/// and each article changed in place with its two neighbours (their links
/// show its headline).
fn article_pages<'a>(
    edition: &Slug,
    newest_first: &'a [ArticleCard],
    scope: &Scope,
) -> Vec<WithNeighbours<'a>> {
    let mut places: FxHashMap<&SectionPath, usize> = FxHashMap::default();
    let mut sections: Vec<Vec<&ArticleCard>> = Vec::new();
    for article in newest_first {
        let place = *places.entry(&article.section).or_insert_with(|| {
            sections.push(Vec::new());
            sections.len() - 1
        });
        sections[place].push(article);
    }
    let mut pages = Vec::new();
    for list in &sections {
        let moved = list.partition_point(|article| scope.moves(edition, article));
        let mut further: Vec<usize> = scope
            .changed_in_place(edition, list)
            .flat_map(|changed| changed.saturating_sub(1)..=changed + 1)
            .filter(|index| *index > moved)
            .collect();
        further.sort_unstable();
        further.dedup();
        let shown = (0..=moved).chain(further).take_while(|index| *index < list.len());
        pages.extend(shown.map(|index| {
            let newer = index.checked_sub(1).map(|newer| list[newer]);
            (list[index], newer, list.get(index + 1).copied())
        }));
    }
    pages
}
