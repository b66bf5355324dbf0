//! Every listing as RSS 2.0, Atom (RFC 4287) and JSON Feed 1.1, with the
//! newest [`FEED_ITEMS`] articles: a feed's size does not grow with the archive.
//!
//! Items carry the lead as summary and the whole article as HTML content,
//! drawn by the reader's own components (`brnn_news::prerender::article_html`,
//! escaped as the page is, every address absolute), the lead image, the
//! authors' names and the time of the last update: all that `import feed`
//! needs to read an article back (a round trip the content tests make).
//! Dates are the articles' own, never the build's clock, so the same sources
//! give the same bytes.

use std::io;

use atom_syndication as atom;
use brnn_model::body::Image;
use brnn_model::date::Published;
use brnn_model::locale::Locale;
use brnn_model::site::{FeedKind, Site};
use brnn_news::api::Endpoint;
use brnn_news::prerender::article_html;
use chrono::{DateTime, FixedOffset};
use rss::extension::dublincore::DublinCoreExtension;
use serde::Serialize;

use super::{EditionLists, Listing, Output, ENDPOINT_FOLDER};
use crate::article_card::ArticleCard;
use crate::network::SiteUrl;

/// How many of the newest articles a feed holds.
pub const FEED_ITEMS: usize = 30;

/// The one version of JSON Feed written, as its `version` field names it.
const JSON_FEED_VERSION: &str = "https://jsonfeed.org/version/1.1";

/// What all three formats say about one listing.
struct FeedFacts<'a> {
    title: String,
    description: String,
    lang: &'a str,
    publisher: &'a str,
    /// The listing's page in the reader.
    home: String,
    /// Each format's own address, for `rel="self"` and `feed_url`.
    feed_urls: [String; 3],
    /// When the newest article was published; the Unix epoch for an empty listing.
    updated: DateTime<FixedOffset>,
    items: Vec<Item<'a>>,
}

struct Item<'a> {
    article: &'a ArticleCard,
    url: String,
    section_name: &'a str,
    published: DateTime<FixedOffset>,
    /// When it last changed: its update, else its publication.
    updated: DateTime<FixedOffset>,
    lead: String,
    /// The lead image's absolute URL.
    image: Option<String>,
    /// The body as HTML, as its page draws it.
    html: String,
}

pub(super) fn write(
    lists: &EditionLists,
    listing: &Listing,
    site_url: &SiteUrl,
    output: &mut Output,
) -> io::Result<()> {
    let facts = FeedFacts::of(lists, listing, site_url)?;
    // The feed's path at a root site is its file's path below the output folder.
    let root = Site::new("/");
    for kind in FeedKind::ALL {
        let bytes = match kind {
            FeedKind::Rss => rss(&facts)?,
            FeedKind::Atom => atom(&facts)?,
            FeedKind::Json => json_feed(&facts)?,
        };
        let relative = root.feed(&listing.edition.id, listing.section.as_ref(), kind);
        output.write(relative.trim_start_matches('/'), &bytes)?;
    }
    Ok(())
}

impl<'a> FeedFacts<'a> {
    fn of(lists: &EditionLists, listing: &'a Listing, site_url: &SiteUrl) -> io::Result<Self> {
        let edition = listing.edition;
        let site = site_url.site();
        let locale = Locale::for_lang(&edition.lang);
        let items: Vec<Item> = listing
            .articles
            .iter()
            .take(FEED_ITEMS)
            .map(|article| {
                Ok(Item {
                    article,
                    url: site_url.absolute(&site.article(&edition.id, &article.id)),
                    section_name: edition.section_name(&article.section).unwrap_or_default(),
                    published: chrono_time(article.published),
                    updated: chrono_time(article.updated.unwrap_or(article.published)),
                    lead: lists.library.leads.get(article.lead)?,
                    image: article.image.as_ref().map(|image| image_url(image, site_url)),
                    html: article_html(&lists.whole(article)?, &site_url.absolute(site.base())),
                })
            })
            .collect::<io::Result<_>>()?;
        Ok(Self {
            description: locale.feed_description(listing.name),
            lang: &edition.lang,
            publisher: &edition.network.name,
            home: site_url.absolute(&site.listing(&edition.id, listing.section.as_ref())),
            feed_urls: FeedKind::ALL
                .map(|kind| site_url.absolute(&site.feed(&edition.id, listing.section.as_ref(), kind))),
            updated: items
                .first()
                .map_or_else(|| DateTime::UNIX_EPOCH.fixed_offset(), |item| item.published),
            title: listing.title.clone(),
            items,
        })
    }

    fn feed_url(&self, kind: FeedKind) -> &str {
        let index = FeedKind::ALL
            .iter()
            .position(|k| *k == kind)
            .expect("every kind is in ALL");
        &self.feed_urls[index]
    }
}

/// The same instant at the same offset, as the feed libraries take it.
fn chrono_time(published: Published) -> DateTime<FixedOffset> {
    let offset = FixedOffset::east_opt(published.offset().seconds()).expect("a UtcOffset lies within ±23:59");
    DateTime::from_timestamp(published.unix_seconds(), 0)
        .expect("a Published lies within chrono's years")
        .with_timezone(&offset)
}

/// An image's absolute URL, by the reader's own rule for the files a
/// document names (`Endpoint::file`): below the site's endpoint, or an
/// `https:` address as it is.
fn image_url(image: &Image, site_url: &SiteUrl) -> String {
    let endpoint = site_url.file(ENDPOINT_FOLDER);
    Endpoint::new(&endpoint, &endpoint).file(&image.src)
}

fn rss(facts: &FeedFacts) -> io::Result<Vec<u8>> {
    let items = facts
        .items
        .iter()
        .map(|item| rss::Item {
            title: Some(item.article.headline.to_string()),
            link: Some(item.url.clone()),
            description: Some(item.lead.clone()),
            content: Some(item.html.clone()),
            // The lead image, as RSS readers show a picture. Its size in
            // bytes is not known where the feed is written; RSS Best
            // Practices ask for 0 then.
            enclosure: item.image.as_ref().map(|url| rss::Enclosure {
                url: url.clone(),
                length: "0".to_owned(),
                mime_type: "image/jpeg".to_owned(),
            }),
            guid: Some(rss::Guid {
                value: item.url.clone(),
                permalink: true,
            }),
            pub_date: Some(item.published.to_rfc2822()),
            categories: vec![rss::Category {
                name: item.section_name.to_owned(),
                domain: None,
            }],
            // RSS's own `author` is an e-mail address; `dc:creator` is a name.
            dublin_core_ext: (!item.article.authors.is_empty()).then(|| DublinCoreExtension {
                creators: item
                    .article
                    .authors
                    .iter()
                    .map(|author| author.name.clone())
                    .collect(),
                ..Default::default()
            }),
            ..Default::default()
        })
        .collect();
    let channel = rss::Channel {
        title: facts.title.clone(),
        link: facts.home.clone(),
        description: facts.description.clone(),
        language: Some(facts.lang.to_owned()),
        last_build_date: facts.items.first().map(|item| item.published.to_rfc2822()),
        items,
        atom_ext: Some(rss::extension::atom::AtomExtension {
            links: vec![atom::Link {
                href: facts.feed_url(FeedKind::Rss).to_owned(),
                rel: "self".to_owned(),
                mime_type: Some(FeedKind::Rss.media_type().to_owned()),
                ..Default::default()
            }],
        }),
        ..Default::default()
    };
    channel
        .pretty_write_to(Vec::new(), b' ', 1)
        .map_err(io::Error::other)
}

fn atom(facts: &FeedFacts) -> io::Result<Vec<u8>> {
    let link = |href: &str, rel: &str, kind: Option<FeedKind>| atom::Link {
        href: href.to_owned(),
        rel: rel.to_owned(),
        mime_type: kind.map(|kind| kind.media_type().to_owned()),
        ..Default::default()
    };
    let entries = facts
        .items
        .iter()
        .map(|item| atom::Entry {
            title: atom::Text::plain(item.article.headline.to_string()),
            id: item.url.clone(),
            updated: item.updated,
            published: Some(item.published),
            // The article, then its lead image as an enclosure.
            links: std::iter::once(link(&item.url, "alternate", None))
                .chain(item.image.iter().map(|image| atom::Link {
                    href: image.clone(),
                    rel: "enclosure".to_owned(),
                    mime_type: Some("image/jpeg".to_owned()),
                    ..Default::default()
                }))
                .collect(),
            authors: item
                .article
                .authors
                .iter()
                .map(|author| atom::Person {
                    name: author.name.clone(),
                    ..Default::default()
                })
                .collect(),
            summary: Some(atom::Text::plain(item.lead.clone())),
            content: Some(atom::Content {
                value: Some(item.html.clone()),
                content_type: Some("html".to_owned()),
                ..Default::default()
            }),
            categories: vec![atom::Category {
                term: item.article.section.to_string(),
                label: Some(item.section_name.to_owned()),
                ..Default::default()
            }],
            ..Default::default()
        })
        .collect();
    let feed = atom::Feed {
        title: atom::Text::plain(facts.title.clone()),
        id: facts.feed_url(FeedKind::Atom).to_owned(),
        updated: facts.updated,
        authors: vec![atom::Person {
            name: facts.publisher.to_owned(),
            ..Default::default()
        }],
        links: vec![
            link(facts.feed_url(FeedKind::Atom), "self", Some(FeedKind::Atom)),
            link(&facts.home, "alternate", None),
        ],
        subtitle: Some(atom::Text::plain(facts.description.clone())),
        lang: Some(facts.lang.to_owned()),
        entries,
        ..Default::default()
    };
    let config = atom::WriteConfig {
        write_document_declaration: true,
        indent_size: Some(1),
    };
    feed.write_with_config(Vec::new(), config)
        .map_err(io::Error::other)
}

/// JSON Feed 1.1 (<https://www.jsonfeed.org/version/1.1/>).
#[derive(Serialize)]
struct JsonFeed<'a> {
    version: &'static str,
    title: &'a str,
    home_page_url: &'a str,
    feed_url: &'a str,
    description: &'a str,
    language: &'a str,
    authors: [JsonAuthor<'a>; 1],
    items: Vec<JsonItem<'a>>,
}

#[derive(Serialize)]
struct JsonAuthor<'a> {
    name: &'a str,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    id: &'a str,
    url: &'a str,
    title: &'a str,
    summary: &'a str,
    content_html: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<&'a str>,
    date_published: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_modified: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    authors: Vec<JsonAuthor<'a>>,
    tags: [&'a str; 1],
}

fn json_feed(facts: &FeedFacts) -> io::Result<Vec<u8>> {
    let feed = JsonFeed {
        version: JSON_FEED_VERSION,
        title: &facts.title,
        home_page_url: &facts.home,
        feed_url: facts.feed_url(FeedKind::Json),
        description: &facts.description,
        language: facts.lang,
        authors: [JsonAuthor {
            name: facts.publisher,
        }],
        items: facts
            .items
            .iter()
            .map(|item| JsonItem {
                id: &item.url,
                url: &item.url,
                title: &item.article.headline,
                summary: &item.lead,
                content_html: &item.html,
                image: item.image.as_deref(),
                date_published: item.article.published.to_string(),
                date_modified: item.article.updated.map(|updated| updated.to_string()),
                authors: item
                    .article
                    .authors
                    .iter()
                    .map(|author| JsonAuthor { name: &author.name })
                    .collect(),
                tags: [item.section_name],
            })
            .collect(),
    };
    serde_json::to_vec_pretty(&feed).map_err(io::Error::other)
}
