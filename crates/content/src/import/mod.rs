//! `import`: articles from elsewhere into article sources.
//!
//! | module | what |
//! | --- | --- |
//! | [`page`] | a plain-text page of the network's site (the seed's shape), read as a source |
//! | [`feed`] | the items of an RSS 2.0, Atom or JSON Feed 1.1 feed (a URL or a file) as imported articles |
//! | [`html`] | sanitized HTML mapped tag by tag onto the body's blocks, with a [`html::Report`] of what was dropped |
//! | [`http`] | the HTTP client of every importer: timeouts, retries on 429 and 5xx, a size limit, errors naming the URL |
//! | [`wordpress`] | the published posts of a WordPress site (its REST API, or saved answers) as imported articles |
//! | [`write`] | imported articles written as sources, with their photos: all or nothing, new / updated / unchanged |
//!
//! Every importer of another system (a feed, WordPress) turns what it reads
//! into [`ImportedArticle`]s and hands them to [`write::write_articles`],
//! which does the rest alike for all of them: a stable file per article,
//! photos downloaded into `photos/` with a credit file, authors checked
//! against `network.toml`, and nothing written unless everything can be.
//!
//! The contract between an importer and the writer:
//!
//! - [`ImportedArticle::id`] is stable across imports of the same item
//!   (`wp-123` for a WordPress post, [`stable_id`] of a feed item's guid),
//!   so a second import finds the file of the first and reports it as
//!   updated or unchanged instead of writing a second article.
//! - Images (the lead image and the body's figures) carry the URL they
//!   were found at in `src`; the writer downloads each through the fetch
//!   function it is given and rewrites `src` to the photo's path
//!   (`photos/…`), so the site serves only its own images.
//! - The body is already sanitized: an importer reads HTML with
//!   [`html::body_blocks`], and keeps its [`html::Report`] in
//!   [`ImportedArticle::report`] for the editor.

pub mod feed;
pub mod html;
pub mod http;
pub mod page;
pub mod wordpress;
pub mod write;

use std::path::Path;

use brnn_model::body::{Block, Image};
use brnn_model::date::{CivilDate, Published, UtcOffset};
use brnn_model::slug::{SectionPath, Slug};
use sha2::{Digest, Sha256};

use crate::network::{self, EditionConfig, NetworkConfig};
use crate::problem::Problem;

/// One article read from another system, before it is written as a source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedArticle {
    /// The article's id and file name: stable across imports of the same
    /// item (see the module's documentation).
    pub id: Slug,
    /// Where it came from, a URL or a file and the item's key: named in
    /// every message about it.
    pub origin: String,
    /// The edition it belongs to, an id of `network.toml`.
    pub edition: Slug,
    /// A section path of the edition's tree.
    pub section: SectionPath,
    /// The title, as text.
    pub headline: String,
    /// When it was first published, at the edition's offset.
    pub published: Published,
    /// When it last changed, if after `published`.
    pub updated: Option<Published>,
    /// The byline, in its order.
    pub authors: Vec<ImportedAuthor>,
    /// The lead photo, `src` its URL.
    pub lead_image: Option<Image>,
    /// The body: figures' `src` are the images' URLs.
    pub body: Vec<Block>,
    /// The `source` line (`Quelle : …`), empty when none is named.
    pub source: String,
    /// What sanitizing dropped or unwrapped, for the editor.
    pub report: html::Report,
}

/// An author as the other system names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedAuthor {
    /// The name shown in the byline.
    pub name: String,
    /// The other system's short name for them (WordPress's user slug), if
    /// it has one; else one is made from the name.
    pub slug: Option<String>,
    /// A line about them (WordPress's biographical info), if the other
    /// system has one: an author the edition does not list yet is added
    /// with it.
    pub description: Option<String>,
}

/// A stable article id for an item known by `key` (a feed item's guid, an
/// URL): a readable part of the key and a short hash of all of it, so two
/// keys that read alike still get two ids, and the same key always the same.
pub fn stable_id(key: &str) -> Slug {
    let hash = Sha256::digest(key.as_bytes());
    let short: String = hash[..5].iter().map(|byte| format!("{byte:02x}")).collect();
    let readable = key
        .trim_end_matches('/')
        .rsplit(['/', ':', '?', '=', '#'])
        .find(|part| !part.is_empty())
        .map(slugify)
        .unwrap_or_default();
    // A slug is at most 64 characters: the readable part, a hyphen and the 10 of the hash.
    let readable: String = readable.chars().take(Slug::MAX_LEN - short.len() - 1).collect();
    let readable = readable.trim_end_matches('-');
    let id = if readable.is_empty() {
        short
    } else {
        format!("{readable}-{short}")
    };
    id.parse().expect("lower-case letters, digits and inner hyphens")
}

/// `text` as lower-case ASCII letters and digits joined by single hyphens;
/// other characters (non-Latin letters too) separate words. May be empty.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}

/// The edition `edition` of `network` (read from `content`), or the
/// problem that it has none, naming those it has.
pub(crate) fn edition_of<'a>(
    network: &'a NetworkConfig,
    content: &Path,
    edition: &Slug,
) -> Result<&'a EditionConfig, Vec<Problem>> {
    network
        .editions
        .iter()
        .find(|config| config.edition.id == *edition)
        .ok_or_else(|| {
            let listed: Vec<String> = network
                .editions
                .iter()
                .map(|config| format!("`{}`", config.edition.id))
                .collect();
            vec![Problem::in_file(
                &content.join(network::NETWORK_FILE),
                format!("has no edition `{edition}`; it has {}", listed.join(", ")),
            )]
        })
}

/// The instant `unix_seconds` on the clock of `offset`: an imported date
/// (an instant in UTC, as feeds and WordPress's `date_gmt` give it) at the
/// edition's offset.
pub fn instant_at(unix_seconds: i64, offset: UtcOffset) -> Published {
    let local = unix_seconds + i64::from(offset.seconds());
    let time = local.rem_euclid(86_400);
    Published::at(
        CivilDate::from_days_since_epoch(local.div_euclid(86_400)),
        (time / 3600) as u8,
        (time % 3600 / 60) as u8,
        (time % 60) as u8,
        offset,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_id_is_the_same_for_the_same_key_and_differs_for_another() {
        let first = stable_id("https://example.org/de/article/hafen-eroeffnet");
        assert_eq!(first, stable_id("https://example.org/de/article/hafen-eroeffnet"));
        assert!(first.as_str().starts_with("hafen-eroeffnet-"), "{first}");
        assert_ne!(first, stable_id("https://example.org/en/article/hafen-eroeffnet"));
    }

    #[test]
    fn stable_id_of_a_key_without_latin_letters_is_its_hash() {
        let id = stable_id("urn:uuid:北京");
        assert_eq!(id.as_str().len(), 10, "{id}");
        let long = stable_id(&"a".repeat(500));
        assert!(long.as_str().len() <= Slug::MAX_LEN);
    }

    #[test]
    fn instant_at_keeps_the_instant_on_the_editions_clock() {
        let offset: UtcOffset = "+08:00".parse().unwrap();
        let published = instant_at(1_709_863_800, offset);
        assert_eq!(published.to_string(), "2024-03-08T10:10:00+08:00");
        assert_eq!(published.unix_seconds(), 1_709_863_800);
        let before_epoch = instant_at(-1, "-03:00".parse().unwrap());
        assert_eq!(before_epoch.to_string(), "1969-12-31T20:59:59-03:00");
    }

    #[test]
    fn slugify_joins_words_with_single_hyphens() {
        assert_eq!(slugify("Jonas Weber"), "jonas-weber");
        assert_eq!(slugify("  Ça va — 2024!  "), "a-va-2024");
        assert_eq!(slugify("أميرة"), "");
    }
}
