//! The reader's JSON endpoint: the documents of `brnn_model::format`; and,
//! with [`Pages`], the HTML page that shows each list page and article.

use std::collections::HashMap;
use std::io;

use brnn_model::format::{paths, Article, ArticleLink, ArticlePage, ListPage, FORMAT_VERSION};
use brnn_model::paging::Paging;
use brnn_model::slug::SectionPath;

use super::pages::Pages;
use super::{Listing, Output};
use crate::library::EditionContent;

/// Writes the edition document, every page of every listing, and one page
/// per article; with `pages`, the HTML page of each as well.
pub(super) fn write(
    content: &EditionContent,
    listings: &[Listing],
    pages: Option<&Pages>,
    output: &mut Output,
) -> io::Result<()> {
    let edition = &content.edition;
    let edition_path = paths::edition(&edition.id);
    let edition_json = output.write_json(&edition_path, edition)?;

    for listing in listings {
        let paging = Paging::new(listing.articles.len(), edition.page_size as usize);
        for page in 1..=paging.pages() {
            let items = paging.items_on(page).expect("pages counted by the same paging");
            let document = ListPage {
                format: FORMAT_VERSION,
                page: page as u32,
                pages: paging.pages() as u32,
                total: listing.articles.len() as u32,
                articles: listing.articles[items]
                    .iter()
                    .map(|article| article.summary())
                    .collect(),
            };
            let path = paths::list_page(&edition.id, listing.section.as_ref(), page as u32);
            let json = output.write_json(&path, &document)?;
            if let Some(pages) = pages {
                let address = pages
                    .site()
                    .listing(&edition.id, listing.section.as_ref(), page as u32);
                // Each HTML page carries the edition and its own document.
                pages.write(
                    &address,
                    &[(&edition_path, &edition_json), (&path, &json)],
                    output,
                )?;
            }
        }
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
            pages.write(
                &address,
                &[(&edition_path, &edition_json), (&path, &json)],
                output,
            )?;
        }
        output.progress.inc(1);
    }
    if let Some(pages) = pages {
        // The search page (the app searches; without it, the page says it
        // needs it) and the edition's own not-found page, in its language.
        let site = pages.site();
        let carried = [(edition_path.as_str(), edition_json.as_str())];
        pages.write(&site.search(&edition.id, ""), &carried, output)?;
        pages.write(&site.not_found(&edition.id), &carried, output)?;
    }
    Ok(())
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
