//! What the library keeps of an article: its card, as a library's
//! catalogue keeps one per book. It says what a list, a feed's header, the
//! sitemap and the build's keys need, in some 170 bytes beside its id and
//! headline (an [`Article`] without its body took some 400 bytes, and a
//! section path of its own); its lead waits in a file (`leads.rs`). A file
//! that shows the article whole reads its source again (`Library::whole`).

mod leads;

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use brnn_model::body::Image;
use brnn_model::date::Published;
use brnn_model::format::{Article, ArticleLink, ArticleSummary, Author, THUMBNAIL_MAX_WIDTH};
use brnn_model::front::Candidate;
use brnn_model::slug::{SectionPath, Slug};
use brnn_model::sorting::Listed;

pub use leads::{LeadAt, Leads, LeadsWriter};

#[derive(Debug)]
pub struct ArticleCard {
    pub id: Slug,
    /// One for all the edition's articles of the section.
    pub section: Arc<SectionPath>,
    pub headline: Box<str>,
    pub published: Published,
    pub updated: Option<Published>,
    /// The opening of its first paragraph ([`Article::lead`]).
    pub lead: LeadAt,
    pub authors: Box<[Author]>,
    /// The lead image as the library shows it: with its size, credit and renditions.
    pub image: Option<Box<Image>>,
    /// What it is made from, hashed: the build keys the files that show it by it.
    pub made_from: ShortHash,
    /// The folder of its source, `<id>.txt` (one for all the articles in it).
    folder: Arc<Path>,
    /// The source's text, hashed: it must still be the one the library read.
    text: ShortHash,
}

/// The first 128 bits of a SHA-256: as sure to tell two inputs apart as
/// the build's keys are, in half the room (a card's two hashes took 64 MB
/// at a million articles).
pub type ShortHash = [u8; 16];

fn short(hash: &[u8; 32]) -> ShortHash {
    let mut short = [0; 16];
    short.copy_from_slice(&hash[..16]);
    short
}

impl ArticleCard {
    /// The card of `article` as the library read it from its source in
    /// `folder`, in `section`, its lead put in the library's leads at
    /// `lead`; `made_from` and `text` are SHA-256 hashes.
    pub fn new(
        article: Article,
        section: Arc<SectionPath>,
        made_from: [u8; 32],
        folder: Arc<Path>,
        text: [u8; 32],
        lead: LeadAt,
    ) -> Self {
        ArticleCard {
            lead,
            id: article.id,
            section,
            headline: article.headline.into_boxed_str(),
            published: article.published,
            updated: article.updated,
            authors: article.authors.into_boxed_slice(),
            image: article.image.map(Box::new),
            made_from: short(&made_from),
            folder,
            text: short(&text),
        }
    }

    /// Whether `text`, the SHA-256 of its source's text, is still the text it was made from.
    pub fn is_made_from(&self, text: &[u8; 32]) -> bool {
        short(text) == self.text
    }

    /// The folder of its source, one for all the articles in it.
    pub fn folder(&self) -> &Arc<Path> {
        &self.folder
    }

    /// Its source.
    pub fn file(&self) -> PathBuf {
        self.folder.join(format!("{}.txt", self.id))
    }

    /// The whole article: what its card lacks (body, source, correction)
    /// taken from `read`, its source read again.
    pub fn whole(&self, read: Article) -> Article {
        Article {
            id: self.id.clone(),
            section: SectionPath::clone(&self.section),
            headline: self.headline.to_string(),
            published: self.published,
            source: read.source,
            paragraphs: read.paragraphs,
            body: read.body,
            authors: self.authors.to_vec(),
            updated: self.updated,
            correction: read.correction,
            image: self.image.as_deref().cloned(),
        }
    }

    /// When the article last changed: its update, or its publication.
    pub fn last_modified(&self) -> Published {
        self.updated.unwrap_or(self.published)
    }

    /// An article page's link to it.
    pub fn link(&self) -> ArticleLink {
        ArticleLink {
            id: self.id.clone(),
            headline: self.headline.to_string(),
        }
    }

    /// What a list shows of it, its lead read from `leads`: as its
    /// article's ([`Article::summary`]).
    pub fn summary(&self, leads: &Leads) -> io::Result<ArticleSummary> {
        Ok(ArticleSummary {
            id: self.id.clone(),
            section: SectionPath::clone(&self.section),
            headline: self.headline.to_string(),
            published: self.published,
            lead: leads.get(self.lead)?,
            image: self
                .image
                .as_ref()
                .map(|image| image.thumbnail(THUMBNAIL_MAX_WIDTH)),
        })
    }

    /// A card of `article` for a test, its lead put in `leads`; no source, no keys.
    #[cfg(test)]
    pub fn of(article: Article, leads: &mut LeadsWriter) -> Self {
        let section = Arc::new(article.section.clone());
        let lead = leads.put(&article.lead()).unwrap();
        ArticleCard::new(article, section, [0; 32], Arc::from(Path::new("")), [0; 32], lead)
    }
}

impl Listed for ArticleCard {
    fn published(&self) -> Published {
        self.published
    }
    fn id(&self) -> &Slug {
        &self.id
    }
}

impl Candidate for ArticleCard {
    fn section(&self) -> &SectionPath {
        &self.section
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use brnn_model::body::ImageSource;

    #[test]
    fn a_card_summarises_and_makes_whole_what_its_article_does() {
        let mut article: Article = serde_json::from_value(serde_json::json!({
            "id": "a", "section": "politik/inland", "headline": "Überschrift",
            "published": "2025-03-14T09:30:00+01:00", "updated": "2025-03-15T10:00:00+01:00",
            "paragraphs": [],
            "authors": [{"slug": "eva", "name": "Eva"}],
        }))
        .unwrap();
        article.set_body(vec![brnn_model::body::Block::plain_paragraph("Wort ".repeat(80))]);
        article.image = Some(Image {
            src: "media/a.jpg".to_owned(),
            width: 1600,
            height: 900,
            alt: "Ein Bild".to_owned(),
            caption: Vec::new(),
            credit: Some("Foto: Eva".to_owned()),
            sources: [320, 640, 1600]
                .map(|width| ImageSource {
                    src: format!("media/a-{width}.jpg"),
                    width,
                    media_type: "image/jpeg".to_owned(),
                })
                .to_vec(),
        });
        let folder = tempfile::TempDir::new().unwrap();
        let mut leads = LeadsWriter::new(folder.path()).unwrap();
        let card = ArticleCard::of(article.clone(), &mut leads);
        let leads = leads.finish().unwrap();
        assert_eq!(card.summary(&leads).unwrap(), article.summary());
        assert!(card.summary(&leads).unwrap().lead.ends_with('…'), "cut");
        assert_eq!(card.last_modified(), article.last_modified());
        assert_eq!(card.whole(article.clone()), article);
    }
}
