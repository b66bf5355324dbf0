//! A watching build's publish (`build --watch`): the article sources an
//! editor saved, put into the library the process keeps, instead of a load
//! of every source (some 8 s at a million articles, from the sources'
//! cache). Only what a source can change on its own goes in this way: a
//! new article, or a saved one that keeps its date, section and authors,
//! so that every list keeps its other articles in their places and no file
//! of the site goes away (the build then visits only what the changed
//! articles reach: `build::Scope`). Anything else (translations, front
//! page choices, links to articles the library lacks, a photo it has not
//! read, a problem in the source) is left to a load of every source,
//! which checks the content as a whole and reports every problem.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use brnn_model::date::Published;
use brnn_model::slug::Slug;
use brnn_model::sorting::newest_first;

use super::{read_article, Library, ReadArticle};
use crate::house_page::PAGES_FOLDER;
use crate::network;

/// An article a publish put into the library, where lists place it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangedArticle {
    pub edition: Slug,
    pub published: Published,
    pub id: Slug,
    /// It was in the library before, in the same places: only the files
    /// that show it change, not the places of the articles older than it.
    pub in_place: bool,
}

/// A source read for a publish, and where it goes.
struct Planned {
    edition: usize,
    file: PathBuf,
    read: ReadArticle,
    /// Whether it replaces a card, of the same place in the list order.
    replaces: bool,
}

/// Whether the file at `path` is an editor's own, never the site's: hidden, or a backup (`name~`).
fn is_editors_own(path: &Path) -> bool {
    path.file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| name.starts_with('.') || name.ends_with('~'))
}

impl Library {
    /// Puts the article sources of the `content` folder that a watch saw
    /// `changed`, new or saved, into the library as a load of every source
    /// would read them; returns the articles they are. `None` when one of them is not
    /// a new article or a saved one that keeps its date, section and
    /// authors (see the module documentation), or cannot be read: the library is then
    /// as it was, unless putting a lead in its leads failed, and is to be loaded
    /// anew either way.
    pub fn update(&mut self, content: &Path, changed: &BTreeSet<PathBuf>) -> Option<Vec<ChangedArticle>> {
        let files = self.saved_sources(content, changed)?;
        let network = network::load(content).ok()?;
        let mut planned: Vec<Planned> = Vec::new();
        for file in files {
            let below = file.strip_prefix(content).ok()?;
            let edition_folder = below.components().next()?.as_os_str().to_str()?;
            if below.starts_with(Path::new(edition_folder).join(PAGES_FOLDER)) {
                return None;
            }
            let edition = self
                .editions
                .iter()
                .position(|content| content.edition.id.as_str() == edition_folder)?;
            let config = network
                .editions
                .iter()
                .find(|config| config.edition.id.as_str() == edition_folder)?;
            let of_edition = &self.editions[edition];
            let read = read_article(file, &of_edition.edition, &config.authors, None, |written| {
                self.known_photo(written)
            })
            .ok()?;
            let source = &read.parsed.source;
            let article = &source.article;
            let id = &article.id;
            let stands_alone = source.translations.is_empty()
                && source.front.is_none()
                && !of_edition.translations.contains_key(id)
                && !of_edition
                    .front_choices
                    .iter()
                    .any(|choice| &choice.article == id)
                && read
                    .parsed
                    .article_links
                    .iter()
                    .all(|(link, _)| self.has_article(&link.edition, &link.id));
            let twice = planned
                .iter()
                .any(|other| other.edition == edition && &other.read.parsed.source.article.id == id);
            if !stands_alone || twice {
                return None;
            }
            let old = of_edition.articles.iter().find(|card| &card.id == id);
            if let Some(old) = old {
                // The same instant at the same offset: the offset gives its day in the archive.
                let keeps_its_places = old.file() == *file
                    && old.published.to_string() == article.published.to_string()
                    && *old.section == article.section
                    && *old.authors == *article.authors;
                if !keeps_its_places {
                    return None;
                }
            }
            planned.push(Planned {
                edition,
                file: file.clone(),
                read,
                replaces: old.is_some(),
            });
        }
        let mut changed = Vec::new();
        for Planned {
            edition,
            file,
            read,
            replaces,
        } in planned
        {
            let of_edition = &self.editions[edition];
            let articles = &of_edition.articles;
            let folder = file.parent().unwrap_or(Path::new(""));
            let section = &read.parsed.source.article.section;
            // Shared with the edition's other articles, as a load shares them.
            let section = articles
                .iter()
                .find(|card| *card.section == *section)
                .map_or_else(|| Arc::new(section.clone()), |card| card.section.clone());
            let folder = articles
                .iter()
                .find(|card| card.folder().as_ref() == folder)
                .map_or_else(|| Arc::from(folder), |card| card.folder().clone());
            let lang = of_edition.edition.lang.clone();
            let card = read
                .card(content, &file, &lang, section, folder, |lead| {
                    self.leads.put(lead)
                })
                .ok()?;
            changed.push(ChangedArticle {
                edition: of_edition.edition.id.clone(),
                published: card.published,
                id: card.id.clone(),
                in_place: replaces,
            });
            // Found again: an article put in before it may have moved it.
            let articles = &mut self.editions[edition].articles;
            let place = articles.partition_point(|other| newest_first(other, &card).is_lt());
            match replaces {
                true => articles[place] = card,
                false => articles.insert(place, card),
            }
        }
        Some(changed)
    }

    /// Of the `paths` in the `content` folder that a watch saw change, the
    /// article sources there now; `None` when any other path may change
    /// what the site shows: a source gone, a folder, `network.toml`, a
    /// photo, or a folder that went with what the library read in it. An
    /// editor's own files (hidden, or a backup `~`) and temporary files
    /// gone again change nothing.
    fn saved_sources<'a>(&self, content: &Path, paths: &'a BTreeSet<PathBuf>) -> Option<Vec<&'a PathBuf>> {
        let mut sources = Vec::new();
        for path in paths {
            let is_source = path.extension().is_some_and(|extension| extension == "txt");
            match fs::metadata(path) {
                Ok(metadata) if metadata.is_file() && is_source => sources.push(path),
                Ok(metadata) if metadata.is_file() && is_editors_own(path) => {}
                Ok(_) => return None,
                Err(_) if is_source || self.read_below(content, path) => return None,
                Err(_) => {}
            }
        }
        Some(sources)
    }

    /// Whether the library read anything at or below `path`: a source, a page of the house, a photo.
    fn read_below(&self, content: &Path, path: &Path) -> bool {
        let sources = self.editions.iter().any(|edition| {
            content
                .join(edition.edition.id.as_str())
                .join(PAGES_FOLDER)
                .starts_with(path)
                || edition
                    .articles
                    .iter()
                    .any(|card| card.folder().starts_with(path))
        });
        sources
            || self
                .photos
                .iter()
                .any(|photo| content.join(&photo.written).starts_with(path))
    }

    /// Whether edition `edition` has an article `id`.
    fn has_article(&self, edition: &Slug, id: &Slug) -> bool {
        self.editions
            .iter()
            .find(|content| &content.edition.id == edition)
            .is_some_and(|content| content.articles.iter().any(|card| &card.id == id))
    }
}
