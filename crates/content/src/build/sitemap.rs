//! `sitemap.xml`, its sitemaps and `robots.txt` (<https://www.sitemaps.org/protocol.html>).
//!
//! `sitemap.xml` is always a sitemap index, of each edition's sitemap of
//! its own pages (`sitemaps/de-pages.xml`: front page, section pages,
//! author pages and pages of the house, with the date of the newest
//! article each shows, a page of the house its `updated`) and a sitemap of
//! its articles per month (`sitemaps/de-2025-11.xml`, each article in the
//! month its dateline shows, oldest first): a new article changes the
//! index, its edition's pages and its month, never the sitemaps of other
//! months. One sitemap holds at most 50,000 addresses; a larger one goes on
//! in `…-2.xml` and so on. Front pages and translated articles carry their
//! `hreflang` alternates as `xhtml:link` elements
//! (<https://developers.google.com/search/docs/specialty/international/localized-versions#sitemap>),
//! the same set the page's head names (`brnn_model::alternates`).

use std::io;

use std::collections::BTreeMap;

use brnn_model::alternates::Alternate;
use brnn_model::date::{Published, YearMonth};
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;

use super::{EditionLists, Output, SITEMAPS_FOLDER};
use crate::article_card::ArticleCard;
use crate::network::SiteUrl;

/// The protocol's limit of addresses per sitemap.
const URLS_PER_SITEMAP: usize = 50_000;
const NAMESPACE: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
/// Of the `xhtml:link` elements that name a page's language versions.
const XHTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

struct Entry {
    location: String,
    last_modified: Option<Published>,
    /// The page's language versions, with absolute addresses.
    alternates: Vec<Alternate>,
}

/// Writes the sitemaps of every edition, given with its lists, and the index of them all.
pub(super) fn write(editions: &[EditionLists], site_url: &SiteUrl, output: &mut Output) -> io::Result<()> {
    let site = site_url.site();
    let absolute = |alternates: Vec<Alternate>| -> Vec<Alternate> {
        alternates
            .into_iter()
            .map(|alternate| Alternate {
                href: site_url.absolute(&alternate.href),
                ..alternate
            })
            .collect()
    };
    let mut sitemaps = Vec::new();
    let scope = output.scope.clone();
    for EditionLists {
        content,
        listings,
        authors,
        ..
    } in editions
    {
        let edition = &content.edition;
        let id = &edition.id;
        // A list changes when any of its articles does.
        let last_change =
            |articles: &[&ArticleCard]| articles.iter().map(|article| article.last_modified()).max();
        let pages = listings.iter().map(|listing| Entry {
            location: site_url.absolute(&site.listing(id, listing.section.as_ref())),
            last_modified: last_change(&listing.articles),
            alternates: match listing.section {
                None => absolute(site.front_page_alternates(edition)),
                Some(_) => Vec::new(),
            },
        });
        let author_pages = authors.iter().map(|listing| Entry {
            location: site_url.absolute(&site.author(id, &listing.author.slug)),
            last_modified: last_change(&listing.articles),
            alternates: Vec::new(),
        });
        let house_pages = content.house_pages.iter().map(|page| Entry {
            location: site_url.absolute(&site.house_page(id, &page.slug)),
            last_modified: page.updated,
            alternates: Vec::new(),
        });
        let own_pages: Vec<Entry> = pages.chain(author_pages).chain(house_pages).collect();
        // With `write` false, a publish's (`scope.rs`): the sitemaps are
        // as the last build wrote them, and only named in the index.
        let mut write_named = |name: String, entries: Vec<Entry>, write: bool| -> io::Result<()> {
            for (index, chunk) in entries.chunks(URLS_PER_SITEMAP).enumerate() {
                let relative = match index {
                    0 => format!("{SITEMAPS_FOLDER}/{name}.xml"),
                    _ => format!("{SITEMAPS_FOLDER}/{name}-{}.xml", index + 1),
                };
                if write {
                    output.write(&relative, &document("urlset", "url", chunk)?)?;
                }
                sitemaps.push(Entry {
                    location: site_url.file(&relative),
                    last_modified: chunk.iter().filter_map(|entry| entry.last_modified).max(),
                    alternates: Vec::new(),
                });
            }
            Ok(())
        };
        write_named(format!("{id}-pages"), own_pages, true)?;
        // Oldest first, so that a month's new articles go to its last
        // sitemap; a month's entries made only when it is written (an
        // edition's addresses at once took some 40 MB at a million articles).
        let mut months: BTreeMap<YearMonth, Vec<&ArticleCard>> = BTreeMap::new();
        for article in content.articles.iter().rev() {
            months
                .entry(article.published.local_date().year_month())
                .or_default()
                .push(article);
        }
        for (month, articles) in months {
            let name = format!("{id}-{:04}-{:02}", month.year, month.month);
            if !articles.iter().any(|article| scope.reaches(id, article)) {
                let entries = articles
                    .iter()
                    .map(|article| Entry {
                        location: String::new(),
                        last_modified: Some(article.last_modified()),
                        alternates: Vec::new(),
                    })
                    .collect();
                write_named(name, entries, false)?;
                continue;
            }
            let entries = articles
                .into_iter()
                .map(|article| Entry {
                    location: site_url.absolute(&site.article(id, &article.id)),
                    last_modified: Some(article.last_modified()),
                    alternates: absolute(site.article_alternates(
                        edition,
                        &article.id,
                        content.translations_of(&article.id),
                    )),
                })
                .collect();
            write_named(name, entries, true)?;
        }
    }
    output.write("sitemap.xml", &document("sitemapindex", "sitemap", &sitemaps)?)?;
    let robots = format!(
        "# Everything may be crawled; the app renders its pages from api/v2/.\n\
         User-agent: *\n\
         Allow: /\n\
         \n\
         Sitemap: {}\n",
        site_url.file("sitemap.xml")
    );
    output.write("robots.txt", robots.as_bytes())
}

/// A `<urlset>` of `<url>`s or a `<sitemapindex>` of `<sitemap>`s: the same shape.
fn document(root: &str, element: &str, entries: &[Entry]) -> io::Result<Vec<u8>> {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 1);
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let start = writer.create_element(root).with_attribute(("xmlns", NAMESPACE));
    let start = if entries.iter().any(|entry| !entry.alternates.is_empty()) {
        start.with_attribute(("xmlns:xhtml", XHTML_NAMESPACE))
    } else {
        start
    };
    start.write_inner_content(|writer| {
        for entry in entries {
            writer.create_element(element).write_inner_content(|writer| {
                writer
                    .create_element("loc")
                    .write_text_content(BytesText::new(&entry.location))?;
                if let Some(published) = entry.last_modified {
                    writer
                        .create_element("lastmod")
                        .write_text_content(BytesText::new(&published.to_string()))?;
                }
                for alternate in &entry.alternates {
                    writer
                        .create_element("xhtml:link")
                        .with_attribute(("rel", "alternate"))
                        .with_attribute(("hreflang", alternate.hreflang.as_str()))
                        .with_attribute(("href", alternate.href.as_str()))
                        .write_empty()?;
                }
                Ok(())
            })?;
        }
        Ok(())
    })?;
    let mut bytes = writer.into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}
