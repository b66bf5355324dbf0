//! `import feed`: the items of an RSS 2.0, Atom or JSON Feed 1.1 feed as
//! imported articles (read by `feed-rs`), from a URL or a file.
//!
//! | article | from the item |
//! | --- | --- |
//! | id | [`super::stable_id`] of its `guid` / `id`: the same item, the same file |
//! | headline | its title, as text |
//! | published, updated | its dates, at the edition's `utc_offset` (feed-rs gives instants, not the feed's own offsets); an item without any date is left out |
//! | section | `--section`, else the first of its categories that `[editions.wordpress]` in `network.toml` maps (by the category's term, its label or the term as a slug), else that table's `default_section`; an item none of whose categories is mapped is left out and reported, never guessed |
//! | authors | its authors' names (`author`, `dc:creator`, Atom and JSON Feed authors) |
//! | lead image | its `enclosure` or `media:content` image, an Atom `link rel="enclosure"` to an image, or JSON Feed's `image` |
//! | body | `content:encoded` / `content` / `content_html` (else the summary) through [`html::body_blocks`] |
//!
//! The body's figures and the lead image are then downloaded by
//! [`write::write_articles`], with the same client as the feed.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use brnn_model::body::Image;
use brnn_model::slug::{SectionPath, Slug};
use feed_rs::model::{Entry, Feed, FeedType, Person, Text};
use serde::Deserialize;

use crate::network::{self, EditionConfig};
use crate::problem::Problem;

use super::http::{Client, Patience, MAX_IMAGE_BYTES, MAX_JSON_BYTES};
use super::write::{self, WriteReport};
use super::{html, instant_at, slugify, stable_id, ImportedArticle, ImportedAuthor};

/// A feed's items read as articles, and those left out.
#[derive(Debug, Default)]
pub struct FeedItems {
    /// The feed's title: the credit of photos whose item names none.
    pub site_name: String,
    /// The items read, in the feed's order.
    pub articles: Vec<ImportedArticle>,
    /// Each item left out, as `<item>: why`.
    pub left_out: Vec<String>,
}

/// What `import feed` read and wrote.
#[derive(Debug)]
pub struct FeedImport {
    /// What the feed held.
    pub items: FeedItems,
    /// What became of each file.
    pub written: WriteReport,
}

/// Reads the feed `bytes` (from `origin`, a URL or a file, for messages)
/// into articles of the edition `config`, all in `section` when given.
pub fn read(
    bytes: &[u8],
    origin: &str,
    config: &EditionConfig,
    section: Option<&SectionPath>,
) -> Result<FeedItems, String> {
    let feed =
        feed_rs::parser::parse(bytes).map_err(|error| format!("is no RSS, Atom or JSON feed: {error}"))?;
    let reading = Reading {
        config,
        section,
        html_titles: matches!(feed.feed_type, FeedType::RSS0 | FeedType::RSS1 | FeedType::RSS2),
        feed_authors: names(&feed.authors),
        json_images: json_feed_images(&feed, bytes),
    };
    let mut items = FeedItems {
        site_name: feed
            .title
            .as_ref()
            .map(|title| reading.text(title))
            .unwrap_or_default(),
        ..FeedItems::default()
    };
    for entry in &feed.entries {
        let key = if entry.id.trim().is_empty() {
            entry
                .links
                .first()
                .map(|link| link.href.clone())
                .unwrap_or_default()
        } else {
            entry.id.clone()
        };
        let name = format!("{origin}#{key}");
        match reading.article(entry, &key, &name) {
            Ok(article) => items.articles.push(article),
            Err(why) => items.left_out.push(format!("{name}: {why}")),
        }
    }
    Ok(items)
}

/// What every item of one feed is read with.
struct Reading<'a> {
    config: &'a EditionConfig,
    section: Option<&'a SectionPath>,
    /// RSS titles are HTML in practice (WordPress escapes its markup into them).
    html_titles: bool,
    /// The feed's own authors, which feed-rs gives to items without their
    /// own: a publisher is no byline.
    feed_authors: Vec<String>,
    json_images: HashMap<String, String>,
}

impl Reading<'_> {
    fn article(&self, entry: &Entry, key: &str, origin: &str) -> Result<ImportedArticle, String> {
        let config = self.config;
        if key.trim().is_empty() {
            return Err("has neither an id nor a link to know it by again: left out".to_owned());
        }
        let headline = entry
            .title
            .as_ref()
            .map(|title| self.text(title))
            .unwrap_or_default();
        if headline.is_empty() {
            return Err("has no title: left out".to_owned());
        }
        let published = entry.published.or(entry.updated).ok_or("has no date: left out")?;
        let section = match self.section {
            Some(section) => section.clone(),
            None => section_of(entry, config)?,
        };
        let html_body = entry
            .content
            .as_ref()
            .and_then(|content| content.body.clone())
            .or_else(|| entry.summary.as_ref().map(|summary| summary.content.clone()))
            .unwrap_or_default();
        let (body, report) = html::body_blocks(&html_body);
        if body.is_empty() {
            return Err("has no text: left out".to_owned());
        }
        let offset = config.utc_offset;
        Ok(ImportedArticle {
            id: stable_id(key),
            origin: origin.to_owned(),
            edition: config.edition.id.clone(),
            section,
            headline,
            published: instant_at(published.timestamp(), offset),
            updated: entry
                .updated
                .filter(|updated| *updated > published)
                .map(|updated| instant_at(updated.timestamp(), offset)),
            authors: Some(names(&entry.authors))
                .filter(|names| *names != self.feed_authors)
                .unwrap_or_default()
                .into_iter()
                .map(|name| ImportedAuthor {
                    name,
                    slug: None,
                    description: None,
                })
                .collect(),
            lead_image: lead_image(entry, self.json_images.get(&entry.id)),
            body,
            source: String::new(),
            report,
        })
    }

    /// A title or other text field as plain text: HTML read as such.
    fn text(&self, text: &Text) -> String {
        let media_type: &str = text.content_type.as_ref();
        if self.html_titles || media_type.contains("html") {
            html::plain_text(&text.content)
        } else {
            text.content.split_whitespace().collect::<Vec<_>>().join(" ")
        }
    }
}

/// The names of `people`, each on one line.
fn names(people: &[Person]) -> Vec<String> {
    people
        .iter()
        .filter_map(|person| person.name.as_deref())
        .map(|name| name.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|name| !name.is_empty())
        .collect()
}

/// The section of the first category that network.toml maps.
fn section_of(entry: &Entry, config: &EditionConfig) -> Result<SectionPath, String> {
    let candidates: Vec<String> = entry
        .categories
        .iter()
        .flat_map(|category| {
            [
                Some(category.term.clone()),
                category.label.clone(),
                Some(slugify(&category.term)),
            ]
        })
        .flatten()
        .filter(|candidate| !candidate.is_empty())
        .collect();
    if let Some(section) = config.wordpress.section_of(candidates.iter().map(String::as_str)) {
        return Ok(section.clone());
    }
    let named: Vec<String> = entry
        .categories
        .iter()
        .map(|category| format!("`{}`", category.label.as_deref().unwrap_or(&category.term)))
        .collect();
    Err(if named.is_empty() {
        "has no category, and [editions.wordpress] in network.toml has no default_section: left out; import it with --section".to_owned()
    } else {
        format!(
            "none of its categories ({}) is mapped by [editions.wordpress] in network.toml, which has no default_section: left out; map one, or import it with --section",
            named.join(", ")
        )
    })
}

/// The item's picture: an enclosure or media object that is an image, an
/// Atom enclosure link to one, or JSON Feed's `image`.
fn lead_image(entry: &Entry, json_image: Option<&String>) -> Option<Image> {
    let is_image = |media_type: Option<&str>, url: &str| match media_type {
        Some(media_type) => media_type.starts_with("image/"),
        None => {
            let path = url.split(['?', '#']).next().unwrap_or(url).to_ascii_lowercase();
            [".jpg", ".jpeg", ".png", ".webp"]
                .iter()
                .any(|extension| path.ends_with(extension))
        }
    };
    let from_media = entry.media.iter().find_map(|media| {
        let alt = media.description.as_ref().map(|text| text.content.clone());
        media.content.iter().find_map(|content| {
            let url = content.url.as_ref()?.as_str();
            let media_type = content.content_type.as_ref().map(ToString::to_string);
            is_image(media_type.as_deref(), url).then(|| (url.to_owned(), alt.clone()))
        })
    });
    let from_link = || {
        entry.links.iter().find_map(|link| {
            (link.rel.as_deref() == Some("enclosure") && is_image(link.media_type.as_deref(), &link.href))
                .then(|| (link.href.clone(), link.title.clone()))
        })
    };
    let (src, alt) = from_media
        .or_else(from_link)
        .or_else(|| json_image.map(|url| (url.clone(), None)))?;
    Some(Image {
        src,
        width: 0,
        height: 0,
        alt: alt.unwrap_or_default(),
        caption: Vec::new(),
        credit: None,
        sources: Vec::new(),
    })
}

/// JSON Feed's `image` of each item, by id: feed-rs does not read it.
fn json_feed_images(feed: &Feed, bytes: &[u8]) -> HashMap<String, String> {
    #[derive(Deserialize)]
    struct JsonFeed {
        #[serde(default)]
        items: Vec<JsonItem>,
    }
    #[derive(Deserialize)]
    struct JsonItem {
        id: Option<serde_json::Value>,
        image: Option<String>,
    }
    if feed.feed_type != FeedType::JSON {
        return Default::default();
    }
    let Ok(json) = serde_json::from_slice::<JsonFeed>(bytes) else {
        return Default::default();
    };
    json.items
        .into_iter()
        .filter_map(|item| {
            let id = match item.id? {
                serde_json::Value::String(id) => id,
                other => other.to_string(),
            };
            Some((id, item.image?))
        })
        .collect()
}

/// Imports the feed at `source` (an `http:`/`https:` URL, else a file)
/// into the edition `edition` of the content folder `content`: every
/// article written, or, on any problem, nothing.
pub fn import(
    content: &Path,
    source: &str,
    edition: &Slug,
    section: Option<&SectionPath>,
) -> Result<FeedImport, Vec<Problem>> {
    let network = network::load(content)?;
    let config = super::edition_of(&network, content, edition)?;
    if let Some(section) = section {
        if config.edition.section_trail(section).is_none() {
            return Err(vec![Problem::in_file(
                &content.join(network::NETWORK_FILE),
                format!("the edition `{edition}` has no section `{section}`"),
            )]);
        }
    }
    let is_url = source.starts_with("https://") || source.starts_with("http://");
    let client = Client::new(&network.site_url.file(""), Patience::default());
    let bytes = if is_url {
        client
            .get(source, MAX_JSON_BYTES)
            .and_then(|answer| answer.success())
            .map(|answer| answer.body)
            .map_err(|error| vec![Problem::in_file(Path::new(&error.url), error.message)])?
    } else {
        fs::read(source).map_err(|error| {
            vec![Problem::in_file(
                Path::new(source),
                format!("cannot read it: {error}"),
            )]
        })?
    };
    let items = read(&bytes, source, config, section)
        .map_err(|message| vec![Problem::in_file(Path::new(source), message)])?;
    let written = write::write_articles(
        content,
        &network,
        &items.articles,
        &items.site_name,
        &mut |url: &str| {
            client
                .get(url, MAX_IMAGE_BYTES)
                .and_then(|answer| answer.success())
                .map(|answer| answer.body)
                .map_err(|error| error.message)
        },
    )?;
    Ok(FeedImport { items, written })
}
