//! All content of the network, read from the content folder and checked as
//! a whole, translations across editions included.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use brnn_model::body::{Block, Image};
use brnn_model::format::{Article, Edition, Translation};
use brnn_model::locale::Locale;
use brnn_model::slug::Slug;
use brnn_model::sorting::newest_first;
use indicatif::ProgressBar;

use crate::article_links::ArticleLinks;
use crate::article_source::{self, ParsedSource};
use crate::images::{Photo, Photos};
use crate::network::{self, NetworkConfig, SiteUrl};
use crate::problem::Problem;
use crate::translations::Claims;

/// Every edition's articles, checked against the network description.
#[derive(Debug)]
pub struct Library {
    pub site_url: SiteUrl,
    pub editions: Vec<EditionContent>,
    /// Every photo an article shows, once each.
    pub photos: Vec<Photo>,
}

/// One edition and its articles, newest first.
#[derive(Debug)]
pub struct EditionContent {
    pub edition: Edition,
    pub articles: Vec<Article>,
    /// The versions in other editions of the articles that have some, by article id.
    pub translations: HashMap<Slug, Vec<Translation>>,
}

impl EditionContent {
    /// The article's versions in other editions, in the network's order; empty if it has none.
    pub fn translations_of(&self, id: &Slug) -> &[Translation] {
        self.translations.get(id).map_or(&[], Vec::as_slice)
    }
}

impl Library {
    pub fn article_count(&self) -> usize {
        self.editions.iter().map(|content| content.articles.len()).sum()
    }
}

/// The file that describes the network, inside the content folder.
pub const NETWORK_FILE: &str = "network.toml";

/// Reads `content/network.toml` alone.
pub fn load_network(content: &Path) -> Result<NetworkConfig, Vec<Problem>> {
    let network_file = content.join(NETWORK_FILE);
    let text = fs::read_to_string(&network_file).map_err(|error| {
        vec![Problem::in_file(
            &network_file,
            format!("cannot read it: {error}"),
        )]
    })?;
    network::parse(&network_file, &text)
}

/// Reads `content/network.toml` and every `content/<edition>/**/*.txt`,
/// reporting every problem found in any file; `progress` counts the files read.
pub fn load(content: &Path, progress: &ProgressBar) -> Result<Library, Vec<Problem>> {
    let network = load_network(content)?;
    let mut problems = Vec::new();
    let mut editions = Vec::new();
    let mut claims = Claims::default();
    let mut article_links = ArticleLinks::default();
    let mut photos = Photos::new(content);
    for config in network.editions {
        let edition = config.edition;
        let authors = config.authors;
        let locale = Locale::for_lang(&edition.lang);
        let mut articles = Vec::new();
        let mut first_seen: HashMap<String, PathBuf> = HashMap::new();
        let files = source_files(&content.join(edition.id.as_str()), &mut problems);
        progress.set_message("reading");
        progress.inc_length(files.len() as u64);
        claims.add_edition(&files);
        article_links.add_edition(&edition.id, &files);
        for file in files {
            progress.inc(1);
            let source = match fs::read_to_string(&file) {
                Ok(text) => article_source::parse(&file, &text, locale),
                Err(error) => Err(vec![Problem::in_file(&file, format!("cannot read it: {error}"))]),
            };
            let mut parsed = match source {
                Ok(parsed) => parsed,
                Err(found) => {
                    problems.extend(found);
                    continue;
                }
            };
            if let Err(found) = show_photos(&mut parsed, &file, &mut photos) {
                problems.extend(found);
                continue;
            }
            match network::authors_named(&authors, &edition.id, &parsed.source.authors) {
                Ok(named) => parsed.source.article.authors = named,
                Err(message) => {
                    problems.push(Problem::at(&file, parsed.authors_line, message));
                    continue;
                }
            }
            let article = &parsed.source.article;
            if edition.section_trail(&article.section).is_none() {
                problems.push(Problem::at(
                    &file,
                    parsed.section_line,
                    format!(
                        "unknown section `{}`: edition `{}` in {NETWORK_FILE} has no such section",
                        article.section, edition.id
                    ),
                ));
                continue;
            }
            if let Some(earlier) = first_seen.get(article.id.as_str()) {
                problems.push(Problem::at(
                    &file,
                    1,
                    format!(
                        "duplicate article id `{}`: {} has it too",
                        article.id,
                        earlier.display()
                    ),
                ));
                continue;
            }
            first_seen.insert(article.id.to_string(), file.clone());
            claims.add(&file, &parsed);
            article_links.add(&file, &parsed);
            articles.push(parsed.source.article);
        }
        articles.sort_by(newest_first);
        editions.push((edition, articles));
    }
    problems.extend(claims.check(&editions));
    problems.extend(article_links.check());
    if !problems.is_empty() {
        return Err(problems);
    }
    let translations = claims.resolve(&editions);
    Ok(Library {
        site_url: network.site_url,
        photos: photos.into_used(),
        editions: editions
            .into_iter()
            .zip(translations)
            .map(|((edition, articles), translations)| EditionContent {
                edition,
                articles,
                translations,
            })
            .collect(),
    })
}

/// Reads the photos `parsed` shows, and puts each in its place (the lead
/// image, the figures) with its size, credit and renditions.
fn show_photos(parsed: &mut ParsedSource, file: &Path, photos: &mut Photos) -> Result<(), Vec<Problem>> {
    let mut read = HashMap::new();
    let mut problems = Vec::new();
    for (written, line) in &parsed.photos {
        match photos.resolve(written) {
            Ok(photo) => {
                read.insert(written.clone(), photo);
            }
            Err(message) => problems.push(Problem::at(file, *line, message)),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let shown = |image: &mut Image| {
        let photo = &read[&image.src];
        *image = photo.image(std::mem::take(&mut image.alt), std::mem::take(&mut image.caption));
    };
    let article = &mut parsed.source.article;
    if let Some(image) = article.image.as_mut() {
        shown(image);
    }
    for_each_figure(&mut article.body, &shown);
    Ok(())
}

/// Calls `visit` with the image of every figure of `blocks`, in lists and quotes too.
fn for_each_figure(blocks: &mut [Block], visit: &impl Fn(&mut Image)) {
    for block in blocks {
        match block {
            Block::Figure { image } => visit(image),
            Block::List { items, .. } => items.iter_mut().for_each(|item| for_each_figure(item, visit)),
            Block::Quote { blocks, .. } => for_each_figure(blocks, visit),
            _ => {}
        }
    }
}

/// Every `.txt` file below `folder`, in a stable order: the one walk over
/// sources, for the tool and its tests alike.
fn source_files(folder: &Path, problems: &mut Vec<Problem>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![folder.to_owned()];
    while let Some(folder) = folders.pop() {
        let entries = match fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(error) => {
                problems.push(Problem::in_file(
                    &folder,
                    format!("cannot read the folder: {error}"),
                ));
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            // The entry's own type, read with the listing: no extra call per file.
            if entry.file_type().is_ok_and(|kind| kind.is_dir()) {
                folders.push(path);
            } else if path.extension().is_some_and(|ext| ext == "txt") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[cfg(test)]
mod tests {
    use super::*;
    use brnn_model::locale::GERMAN;

    // A test of `article_source`'s `render`, kept here because it walks the
    // shipped content folder the way the library does (and `article_source`
    // is read by the library, never the other way round).
    #[test]
    fn every_shipped_source_round_trips_through_render() {
        let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/de");
        let mut problems = Vec::new();
        let mut count = 0;
        for file in source_files(&content, &mut problems) {
            let text = fs::read_to_string(&file).unwrap();
            let source = article_source::parse(&file, &text, &GERMAN).ok().unwrap().source;
            let rendered = article_source::render(&source);
            let again = article_source::parse(&file, &rendered, &GERMAN)
                .ok()
                .unwrap()
                .source;
            assert_eq!(again, source, "{}", file.display());
            assert_eq!(article_source::render(&again), rendered, "{}", file.display());
            count += 1;
        }
        assert_eq!(problems, []);
        assert!(count >= 32, "only {count} sources found");
    }
}
