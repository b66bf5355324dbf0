//! The reader's JSON endpoint: the documents of `brnn_model::format`; and,
//! with [`Pages`], the HTML page that shows each list page (front page,
//! sections, authors) and article.

use std::collections::HashMap;
use std::io;

use brnn_model::format::{paths, Article, ArticleLink, ArticlePage, Author, ListPage, FORMAT_VERSION};
use brnn_model::paging::Paging;
use brnn_model::site::Site;
use brnn_model::slug::SectionPath;

use super::pages::Pages;
use super::{AuthorListing, Listing, Output};
use crate::library::EditionContent;

/// Writes the edition document, every page of every listing and of every
/// author's list, and one page per article; with `pages`, the HTML page of
/// each as well.
pub(super) fn write(
    content: &EditionContent,
    listings: &[Listing],
    authors: &[AuthorListing],
    pages: Option<&Pages>,
    output: &mut Output,
) -> io::Result<()> {
    let edition = &content.edition;
    let edition_path = paths::edition(&edition.id);
    let edition_json = output.write_json(&edition_path, edition)?;
    let carried_edition = (edition_path.as_str(), edition_json.as_str());

    for listing in listings {
        let section = listing.section.as_ref();
        let list = List {
            articles: &listing.articles,
            author: None,
            document: &|page| paths::list_page(&edition.id, section, page),
            address: &|site, page| site.listing(&edition.id, section, page),
        };
        list.write(edition.page_size, carried_edition, pages, output)?;
    }
    for listing in authors {
        let slug = &listing.author.slug;
        let list = List {
            articles: &listing.articles,
            author: Some(listing.author),
            document: &|page| paths::author_page(&edition.id, slug, page),
            address: &|site, page| site.author(&edition.id, slug, page),
        };
        list.write(edition.page_size, carried_edition, pages, output)?;
    }

    let neighbours = neighbours_in_section(&content.articles);
    for article in &content.articles {
        let (newer, older) = neighbours.get(article.id.as_str()).cloned().unwrap_or_default();
        let page = ArticlePage {
            format: FORMAT_VERSION,
            article: article.clone(),
            newer,
            older,
            translations: content.translations_of(&article.id).to_vec(),
        };
        let path = paths::article(&edition.id, &article.id);
        let json = output.write_json(&path, &page)?;
        if let Some(pages) = pages {
            let address = pages.site().article(&edition.id, &article.id);
            pages.write(&address, &[carried_edition, (&path, &json)], output)?;
        }
        output.progress.inc(1);
    }
    if let Some(pages) = pages {
        // The search page (the app searches; without it, the page says it
        // needs it) and the edition's own not-found page, in its language.
        let site = pages.site();
        pages.write(&site.search(&edition.id, ""), &[carried_edition], output)?;
        pages.write(&site.not_found(&edition.id), &[carried_edition], output)?;
    }
    Ok(())
}

/// One date-sorted list of the site: where each of its pages' document
/// and address is.
struct List<'a> {
    /// Newest first.
    articles: &'a [&'a Article],
    /// Whose articles these are, on an author's list.
    author: Option<&'a Author>,
    /// The path of page n's document below the endpoint.
    document: &'a dyn Fn(u32) -> String,
    /// Page n's address.
    address: &'a dyn Fn(&Site, u32) -> String,
}

impl List<'_> {
    /// Writes the document of every page of the list; with `pages`, the
    /// HTML page of each, which carries the edition and its own document.
    fn write(
        &self,
        page_size: u32,
        carried_edition: (&str, &str),
        pages: Option<&Pages>,
        output: &mut Output,
    ) -> io::Result<()> {
        let paging = Paging::new(self.articles.len(), page_size as usize);
        for page in 1..=paging.pages() {
            let items = paging.items_on(page).expect("pages counted by the same paging");
            let document = ListPage {
                format: FORMAT_VERSION,
                page: page as u32,
                pages: paging.pages() as u32,
                total: self.articles.len() as u32,
                articles: self.articles[items]
                    .iter()
                    .map(|article| article.summary())
                    .collect(),
                author: self.author.cloned(),
            };
            let path = (self.document)(page as u32);
            let json = output.write_json(&path, &document)?;
            if let Some(pages) = pages {
                let address = (self.address)(pages.site(), page as u32);
                pages.write(&address, &[carried_edition, (&path, &json)], output)?;
            }
        }
        Ok(())
    }
}

type Neighbours = (Option<ArticleLink>, Option<ArticleLink>);

/// For each article id, the next newer and next older article of its own section.
fn neighbours_in_section(newest_first: &[Article]) -> HashMap<&str, Neighbours> {
    let mut by_section: HashMap<&SectionPath, Vec<&Article>> = HashMap::new();
    for article in newest_first {
        by_section.entry(&article.section).or_default().push(article);
    }
    let link = |article: &Article| ArticleLink {
        id: article.id.clone(),
        headline: article.headline.clone(),
    };
    let mut neighbours = HashMap::new();
    for list in by_section.values() {
        for (index, article) in list.iter().enumerate() {
            let newer = index.checked_sub(1).map(|i| link(list[i]));
            let older = list.get(index + 1).map(|a| link(a));
            neighbours.insert(article.id.as_str(), (newer, older));
        }
    }
    neighbours
}
