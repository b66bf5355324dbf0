//! `sitemap.xml`, its sitemaps and `robots.txt` (<https://www.sitemaps.org/protocol.html>).
//!
//! `sitemap.xml` is always a sitemap index: one sitemap holds at most
//! 50,000 addresses, which a ten-year archive passes. Each edition's front
//! page, section pages and articles are listed, with the date of the newest
//! article each shows.

use std::io;

use brnn_model::date::Published;
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;

use super::{Listing, Output, SITEMAPS_FOLDER};
use crate::library::EditionContent;
use crate::network::SiteUrl;

/// The protocol's limit of addresses per sitemap.
const URLS_PER_SITEMAP: usize = 50_000;
const NAMESPACE: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

struct Entry {
    location: String,
    last_modified: Option<Published>,
}

/// Writes the sitemaps of every edition, given with its listings, and the index of them all.
pub(super) fn write(
    editions: &[(&EditionContent, Vec<Listing>)],
    site_url: &SiteUrl,
    output: &mut Output,
) -> io::Result<()> {
    let site = site_url.site();
    let mut sitemaps = Vec::new();
    for (content, listings) in editions {
        let id = &content.edition.id;
        let pages = listings.iter().map(|listing| Entry {
            location: site_url.absolute(&site.listing(id, listing.section.as_ref(), 1)),
            last_modified: listing.articles.first().map(|article| article.published),
        });
        let articles = content.articles.iter().map(|article| Entry {
            location: site_url.absolute(&site.article(id, &article.id)),
            last_modified: Some(article.published),
        });
        let entries: Vec<Entry> = pages.chain(articles).collect();
        for (index, chunk) in entries.chunks(URLS_PER_SITEMAP).enumerate() {
            let relative = format!("{SITEMAPS_FOLDER}/{id}-{}.xml", index + 1);
            output.write(&relative, &document("urlset", "url", chunk)?)?;
            sitemaps.push(Entry {
                location: site_url.file(&relative),
                last_modified: chunk.iter().filter_map(|entry| entry.last_modified).max(),
            });
        }
    }
    output.write("sitemap.xml", &document("sitemapindex", "sitemap", &sitemaps)?)?;
    let robots = format!(
        "# Everything may be crawled; the app renders its pages from api/v1/.\n\
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
    writer
        .create_element(root)
        .with_attribute(("xmlns", NAMESPACE))
        .write_inner_content(|writer| {
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
                    Ok(())
                })?;
            }
            Ok(())
        })?;
    let mut bytes = writer.into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}
