//! A parsed source as the cache holds it, shelved as the library keeps it
//! ([`ParsedSource::shelve`]: no body): plain data of this crate's own,
//! written and read by serde, so that the model's types keep the endpoint's
//! serde (whose reading is lenient, `brnn_model::body::decode`, and would
//! not give back an image before its photo is read) and the reader's wasm
//! gets no code for the cache.
//!
//! Every field a shelved [`ParsedSource`] has is kept as it is, none
//! derived again: [`StoredSource::from_parsed`] of a shelved parse and
//! [`StoredSource::into_parsed`] give back an equal value (`source_cache`'s
//! tests check it on every shipped source and on generated ones). The
//! conversions name every field and variant, so a field added to the model
//! does not compile until it is kept here too, or let go of by `shelve`.

use std::collections::BTreeMap;

use brnn_model::body::{ArticleRef, Href, Image, ImageSource, Inline, LinkTarget};
use brnn_model::date::Published;
use brnn_model::format::{Article, Author};
use brnn_model::front::{FrontChoice, Placement};
use brnn_model::slug::{SectionPath, Slug};
use serde::{Deserialize, Serialize};

use crate::article_source::{ArticleSource, ParsedSource};

/// Why a stored source cannot be a parsed one again: a damaged cache.
#[derive(Debug)]
pub(super) struct Damaged;

#[derive(Serialize, Deserialize)]
pub(super) struct StoredSource {
    // `ArticleSource::article`.
    id: Slug,
    section: SectionPath,
    headline: String,
    published: Published,
    /// As shelved: the first, as far as the lead reads it.
    paragraphs: Vec<String>,
    authors: Vec<(Slug, String, Option<String>)>,
    updated: Option<Published>,
    image: Option<StoredImage>,
    // The rest of `ArticleSource`.
    dateline: Option<String>,
    translations: BTreeMap<Slug, Slug>,
    author_slugs: Vec<Slug>,
    /// `lead` or not, the article, the end.
    front: Option<(bool, Slug, Option<Published>)>,
    // The rest of `ParsedSource`.
    section_line: usize,
    translation_lines: BTreeMap<Slug, usize>,
    authors_line: usize,
    /// Edition, id, line.
    article_links: Vec<(Slug, Slug, usize)>,
    photos: Vec<(String, usize)>,
}

#[derive(Serialize, Deserialize)]
enum StoredInline {
    Text(String),
    Emphasis(Vec<StoredInline>),
    Strong(Vec<StoredInline>),
    LineBreak,
    /// Edition, id, content.
    ArticleLink(Slug, Slug, Vec<StoredInline>),
    ExternalLink(String, Vec<StoredInline>),
}

#[derive(Serialize, Deserialize)]
struct StoredImage {
    src: String,
    width: u32,
    height: u32,
    alt: String,
    caption: Vec<StoredInline>,
    credit: Option<String>,
    /// Address, width, media type.
    sources: Vec<(String, u32, String)>,
}

impl StoredSource {
    /// What `parsed` has once shelved: its body, source and correction are not kept.
    pub(super) fn from_parsed(parsed: &ParsedSource) -> Self {
        let ParsedSource {
            source:
                ArticleSource {
                    article,
                    dateline,
                    translations,
                    authors: author_slugs,
                    body: _,
                    front,
                },
            section_line,
            translation_lines,
            authors_line,
            article_links,
            photos,
        } = parsed;
        let Article {
            id,
            section,
            headline,
            published,
            source: _,
            paragraphs,
            body: _,
            authors,
            updated,
            correction: _,
            image,
        } = article;
        StoredSource {
            id: id.clone(),
            section: section.clone(),
            headline: headline.clone(),
            published: *published,
            paragraphs: paragraphs.clone(),
            authors: authors
                .iter()
                .map(
                    |Author {
                         slug,
                         name,
                         description,
                     }| (slug.clone(), name.clone(), description.clone()),
                )
                .collect(),
            updated: *updated,
            image: image.as_ref().map(StoredImage::from_image),
            dateline: dateline.clone(),
            translations: translations.clone(),
            author_slugs: author_slugs.clone(),
            front: front.as_ref().map(
                |FrontChoice {
                     placement,
                     article,
                     until,
                 }| (*placement == Placement::Lead, article.clone(), *until),
            ),
            section_line: *section_line,
            translation_lines: translation_lines.clone(),
            authors_line: *authors_line,
            article_links: article_links
                .iter()
                .map(|(ArticleRef { edition, id }, line)| (edition.clone(), id.clone(), *line))
                .collect(),
            photos: photos.clone(),
        }
    }

    /// The parse as shelved.
    pub(super) fn into_parsed(self) -> Result<ParsedSource, Damaged> {
        let article = Article {
            id: self.id,
            section: self.section,
            headline: self.headline,
            published: self.published,
            source: String::new(),
            paragraphs: self.paragraphs,
            body: Vec::new(),
            authors: self
                .authors
                .into_iter()
                .map(|(slug, name, description)| Author {
                    slug,
                    name,
                    description,
                })
                .collect(),
            updated: self.updated,
            correction: None,
            image: self.image.map(StoredImage::into_image).transpose()?,
        };
        Ok(ParsedSource {
            source: ArticleSource {
                article,
                dateline: self.dateline,
                translations: self.translations,
                authors: self.author_slugs,
                body: String::new(),
                front: self.front.map(|(lead, article, until)| FrontChoice {
                    placement: if lead { Placement::Lead } else { Placement::Top },
                    article,
                    until,
                }),
            },
            section_line: self.section_line,
            translation_lines: self.translation_lines,
            authors_line: self.authors_line,
            article_links: self
                .article_links
                .into_iter()
                .map(|(edition, id, line)| (ArticleRef { edition, id }, line))
                .collect(),
            photos: self.photos,
        })
    }
}

fn inlines(stored: Vec<StoredInline>) -> Result<Vec<Inline>, Damaged> {
    stored.into_iter().map(StoredInline::into_inline).collect()
}

fn stored_inlines(inlines: &[Inline]) -> Vec<StoredInline> {
    inlines.iter().map(StoredInline::from_inline).collect()
}

impl StoredInline {
    fn from_inline(inline: &Inline) -> Self {
        match inline {
            Inline::Text(text) => StoredInline::Text(text.clone()),
            Inline::Emphasis(content) => StoredInline::Emphasis(stored_inlines(content)),
            Inline::Strong(content) => StoredInline::Strong(stored_inlines(content)),
            Inline::LineBreak => StoredInline::LineBreak,
            Inline::Link {
                target: LinkTarget::Article(ArticleRef { edition, id }),
                content,
            } => StoredInline::ArticleLink(edition.clone(), id.clone(), stored_inlines(content)),
            Inline::Link {
                target: LinkTarget::External(href),
                content,
            } => StoredInline::ExternalLink(href.as_str().to_owned(), stored_inlines(content)),
        }
    }

    fn into_inline(self) -> Result<Inline, Damaged> {
        Ok(match self {
            StoredInline::Text(text) => Inline::Text(text),
            StoredInline::Emphasis(content) => Inline::Emphasis(inlines(content)?),
            StoredInline::Strong(content) => Inline::Strong(inlines(content)?),
            StoredInline::LineBreak => Inline::LineBreak,
            StoredInline::ArticleLink(edition, id, content) => Inline::Link {
                target: LinkTarget::Article(ArticleRef { edition, id }),
                content: inlines(content)?,
            },
            StoredInline::ExternalLink(href, content) => Inline::Link {
                target: LinkTarget::External(Href::parse(&href).ok_or(Damaged)?),
                content: inlines(content)?,
            },
        })
    }
}

impl StoredImage {
    fn from_image(image: &Image) -> Self {
        let Image {
            src,
            width,
            height,
            alt,
            caption,
            credit,
            sources,
        } = image;
        StoredImage {
            src: src.clone(),
            width: *width,
            height: *height,
            alt: alt.clone(),
            caption: stored_inlines(caption),
            credit: credit.clone(),
            sources: sources
                .iter()
                .map(
                    |ImageSource {
                         src,
                         width,
                         media_type,
                     }| (src.clone(), *width, media_type.clone()),
                )
                .collect(),
        }
    }

    fn into_image(self) -> Result<Image, Damaged> {
        Ok(Image {
            src: self.src,
            width: self.width,
            height: self.height,
            alt: self.alt,
            caption: inlines(self.caption)?,
            credit: self.credit,
            sources: self
                .sources
                .into_iter()
                .map(|(src, width, media_type)| ImageSource {
                    src,
                    width,
                    media_type,
                })
                .collect(),
        })
    }
}
