//! Imported articles written as sources, with their photos and authors:
//! what every importer ends with ([`write_articles`]).
//!
//! - **Files.** An article is `<content>/<edition>/<id>.txt` (or wherever
//!   below its edition's folder a file of that id already is, so an editor
//!   may sort imported files into folders), rendered by
//!   `article_source::render` with its body written as CommonMark
//!   (`markdown::write`), and read back by `article_source::parse` before
//!   anything is written: what an import writes passes `check`.
//! - **Idempotent.** Each file is compared with what is there: new,
//!   updated or unchanged, and only new and updated files are written. A
//!   second import of the same items writes nothing. An imported file
//!   edited by hand is replaced by the next import of its item: edit the
//!   other system, or stop importing the item.
//! - **Photos.** Every image (lead image and figures) is downloaded once
//!   per URL with the `fetch` function the importer passes, checked (JPEG,
//!   PNG or WebP, its size readable, at most `images::MAX_SIDE` px) and
//!   written as `photos/<name>-<hash of its URL>.<jpg|png|webp>`, so the
//!   build makes its renditions and the site shows only its own images.
//!   Beside it goes its credit file, written only when missing (an editor's
//!   corrected credit stays): the credit the source gave, else the source
//!   site's name, and `licence = "unknown"`, shown as such until an editor
//!   sets the real one. An image that is no photo the pipeline reads is left
//!   out, its caption kept as a paragraph, and noted; one that cannot be
//!   downloaded stops the import.
//! - **Authors.** An imported author is the edition's author (in
//!   `network.toml`) of the same slug or, else, of the same name. One the
//!   edition does not have is added to `network.toml` under its edition,
//!   after a comment saying it was imported, and reported: the byline keeps
//!   every name, and the editors see whom to describe.
//! - **All or nothing.** Every file is first written beside its target as
//!   `<name>.import-partial`; only when all are written are they renamed into
//!   place. Any problem (an unknown edition or section, a download that
//!   fails, a source that would not read back) leaves the content folder as
//!   it was, and every problem is reported at once.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use brnn_model::body::{Block, Image, Inline};
use brnn_model::format::{Article, Author};
use brnn_model::locale::Locale;
use brnn_model::slug::Slug;
use image::ImageFormat;
use percent_encoding::percent_decode_str;
use sha2::{Digest, Sha256};

use crate::article_source::{self, ArticleSource};
use crate::images;
use crate::markdown;
use crate::network::NetworkConfig;
use crate::network::NETWORK_FILE;
use crate::problem::Problem;

use super::{slugify, ImportedArticle};

mod authors;
mod staging;

use authors::{with_authors, Authors};
use staging::Staging;

/// Downloads one image: its bytes, or why not (naming the URL).
pub type Fetch<'a> = dyn FnMut(&str) -> Result<Vec<u8>, String> + 'a;

/// What became of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    New,
    Updated,
    Unchanged,
}

impl Outcome {
    /// `new`, `updated` or `unchanged`, as the tool prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::New => "new",
            Outcome::Updated => "updated",
            Outcome::Unchanged => "unchanged",
        }
    }
}

/// Every file an import wrote or left as it was, and what an editor should look at.
#[derive(Debug, Default)]
pub struct WriteReport {
    /// Each article's source file, in the order given.
    pub articles: Vec<(PathBuf, Outcome)>,
    /// Each photo, once per URL (its credit file beside it is written only when missing).
    pub photos: Vec<(PathBuf, Outcome)>,
    /// Authors added to `network.toml`, by edition.
    pub authors_added: Vec<(Slug, Author)>,
    /// What was given up on the way, each naming the article's origin:
    /// images left out, blocks written as their text.
    pub notes: Vec<String>,
}

impl WriteReport {
    /// How many articles became `outcome`.
    pub fn count(&self, outcome: Outcome) -> usize {
        self.articles
            .iter()
            .filter(|(_, found)| *found == outcome)
            .count()
    }
}

/// The folder of photos in the content folder, as sources name it.
const PHOTOS: &str = "photos";

/// The licence of a photo whose source named none (see `images::credit`).
const UNKNOWN_LICENCE: &str = "unknown";

/// Writes `articles` into `content` (whose `network.toml` is `network`):
/// `<content>/<edition>/<id>.txt` each, their images downloaded with
/// `fetch` into `<content>/photos/` and credited to the image's credit or
/// else `site_name`. Nothing is written unless everything can be.
pub fn write_articles(
    content: &Path,
    network: &NetworkConfig,
    articles: &[ImportedArticle],
    site_name: &str,
    fetch: &mut Fetch,
) -> Result<WriteReport, Vec<Problem>> {
    let mut writer = Writer {
        content,
        network,
        site_name,
        fetch,
        staging: Staging::default(),
        report: WriteReport::default(),
        problems: Vec::new(),
        photos: HashMap::new(),
        authors: Authors::of(network),
        existing: existing_sources(content, network),
        targets: HashSet::new(),
    };
    for article in articles {
        writer.article(article);
    }
    writer.added_authors();
    let Writer {
        mut staging,
        mut report,
        problems,
        ..
    } = writer;
    if !problems.is_empty() {
        staging.discard();
        return Err(problems);
    }
    staging.commit().map_err(|problem| vec![problem])?;
    report
        .authors_added
        .sort_by(|a, b| (&a.0, &a.1.slug).cmp(&(&b.0, &b.1.slug)));
    Ok(report)
}

struct Writer<'a, 'f> {
    content: &'a Path,
    network: &'a NetworkConfig,
    site_name: &'a str,
    fetch: &'a mut Fetch<'f>,
    staging: Staging,
    report: WriteReport,
    problems: Vec<Problem>,
    /// Each image URL met, and the path its photo got (`None`: left out).
    photos: HashMap<String, Option<String>>,
    authors: Authors,
    /// The source files there are, by edition and id.
    existing: HashMap<(Slug, Slug), PathBuf>,
    /// The files this import writes, to refuse two items of one id.
    targets: HashSet<PathBuf>,
}

impl Writer<'_, '_> {
    fn article(&mut self, imported: &ImportedArticle) {
        let origin = &imported.origin;
        let Some(config) = self
            .network
            .editions
            .iter()
            .find(|config| config.edition.id == imported.edition)
        else {
            self.problems.push(Problem::in_file(
                Path::new(origin),
                format!(
                    "goes to the edition `{}`, which network.toml does not have",
                    imported.edition
                ),
            ));
            return;
        };
        if config.edition.section_trail(&imported.section).is_none() {
            self.problems.push(Problem::in_file(
                Path::new(origin),
                format!(
                    "goes to the section `{}`, which the edition `{}` does not have in network.toml",
                    imported.section, imported.edition
                ),
            ));
            return;
        }
        let target = self
            .existing
            .get(&(imported.edition.clone(), imported.id.clone()))
            .cloned()
            .unwrap_or_else(|| {
                self.content
                    .join(imported.edition.as_str())
                    .join(format!("{}.txt", imported.id))
            });
        if !self.targets.insert(target.clone()) {
            self.problems.push(Problem::in_file(
                Path::new(origin),
                format!("has the id `{}` of an item before it in this import", imported.id),
            ));
            return;
        }
        let authors = imported
            .authors
            .iter()
            .map(|author| self.authors.slug_of(config, author, origin))
            .collect();
        let Ok(lead_image) = imported
            .lead_image
            .as_ref()
            .map(|image| self.lead_image(image, &imported.headline, origin))
            .transpose()
        else {
            return;
        };
        let body = self.photos_in(&imported.body, origin);
        let written = markdown::write::body(&body);
        if written.as_text > 0 {
            self.report.notes.push(format!(
                "{origin}: {} block(s) written as their text, as Markdown could not say them",
                written.as_text
            ));
        }
        let mut article = Article::plain(
            imported.id.clone(),
            imported.section.clone(),
            imported.headline.trim().to_owned(),
            imported.published,
            imported.source.trim().to_owned(),
            Vec::new(),
        );
        article.updated = imported.updated.filter(|updated| *updated > imported.published);
        article.image = lead_image.flatten();
        article.set_body(written.blocks);
        let source = ArticleSource {
            article,
            dateline: None,
            translations: BTreeMap::new(),
            authors,
            body: written.markdown,
            front: None,
        };
        let text = article_source::render(&source);
        // What is written must pass `check`: read it back as `check` will.
        if let Err(problems) = article_source::parse(&target, &text, Locale::for_lang(&config.edition.lang)) {
            self.problems.extend(problems.into_iter().map(|problem| Problem {
                message: format!("{} (imported from {origin})", problem.message),
                ..problem
            }));
            return;
        }
        match self.staging.stage(&target, text.as_bytes()) {
            Ok(outcome) => self.report.articles.push((target, outcome)),
            Err(problem) => self.problems.push(problem),
        }
    }

    /// The lead image with its photo's path and an alt text (its caption's,
    /// else the headline, when the source gave none); `Ok(None)` if it was
    /// left out, `Err` if it stopped the import.
    fn lead_image(&mut self, image: &Image, headline: &str, origin: &str) -> Result<Option<Image>, ()> {
        let Some(path) = self.photo(&image.src, image.credit.as_deref(), origin)? else {
            return Ok(None);
        };
        let caption = plain(&image.caption);
        let alt = [image.alt.trim(), caption.as_str(), headline.trim()]
            .into_iter()
            .find(|alt| !alt.is_empty())
            .unwrap_or_default()
            .to_owned();
        Ok(Some(markdown::written_image(&path, alt, image.caption.clone())))
    }

    /// `blocks` with each figure's `src` its photo's path; a figure whose
    /// photo was left out gives its caption as a paragraph.
    fn photos_in(&mut self, blocks: &[Block], origin: &str) -> Vec<Block> {
        let mut out = Vec::new();
        for block in blocks {
            match block {
                Block::Figure { image } => match self.photo(&image.src, image.credit.as_deref(), origin) {
                    Ok(Some(path)) => out.push(Block::Figure {
                        image: Image {
                            src: path,
                            ..image.clone()
                        },
                    }),
                    Ok(None) | Err(()) if !image.caption.is_empty() => out.push(Block::Paragraph {
                        content: image.caption.clone(),
                    }),
                    _ => {}
                },
                Block::List { ordered, items } => out.push(Block::List {
                    ordered: *ordered,
                    items: items.iter().map(|item| self.photos_in(item, origin)).collect(),
                }),
                Block::Quote { blocks, attribution } => out.push(Block::Quote {
                    blocks: self.photos_in(blocks, origin),
                    attribution: attribution.clone(),
                }),
                other => out.push(other.clone()),
            }
        }
        out
    }

    /// The path (`photos/…`) of the photo at `url`, downloaded and staged
    /// the first time it is met; `Ok(None)` if it is no photo the site can
    /// show (noted), `Err` if it could not be downloaded (a problem).
    fn photo(&mut self, url: &str, credit: Option<&str>, origin: &str) -> Result<Option<String>, ()> {
        if let Some(known) = self.photos.get(url) {
            return Ok(known.clone());
        }
        let bytes = match (self.fetch)(url) {
            Ok(bytes) => bytes,
            Err(message) => {
                self.problems.push(Problem::in_file(
                    Path::new(url),
                    format!("cannot download this image of {origin}: {message}"),
                ));
                return Err(());
            }
        };
        let extension = match image::guess_format(&bytes) {
            Ok(ImageFormat::Jpeg) => Ok("jpg"),
            Ok(ImageFormat::Png) => Ok("png"),
            Ok(ImageFormat::WebP) => Ok("webp"),
            _ => Err("is no JPEG, PNG or WebP image".to_owned()),
        }
        .and_then(|extension| images::shown_size(&bytes).map(|_| extension));
        let extension = match extension {
            Ok(extension) => extension,
            Err(why) => {
                self.report
                    .notes
                    .push(format!("{origin}: the image {url} {why}: left out"));
                self.photos.insert(url.to_owned(), None);
                return Ok(None);
            }
        };
        let written = format!("{PHOTOS}/{}.{extension}", photo_name(url));
        let file = self.content.join(&written);
        match self.staging.stage(&file, &bytes) {
            Ok(outcome) => self.report.photos.push((file.clone(), outcome)),
            Err(problem) => {
                self.problems.push(problem);
                return Err(());
            }
        }
        let mut sidecar = file.into_os_string();
        sidecar.push(".toml");
        let sidecar = PathBuf::from(sidecar);
        if !sidecar.exists() {
            let credit = credit
                .map(str::trim)
                .filter(|credit| !credit.is_empty())
                .unwrap_or(self.site_name.trim());
            let text = credit_file(url, origin, credit);
            if let Err(problem) = self.staging.stage(&sidecar, text.as_bytes()) {
                self.problems.push(problem);
            }
        }
        self.photos.insert(url.to_owned(), Some(written.clone()));
        Ok(Some(written))
    }

    /// Stages `network.toml` with the authors this import adds.
    fn added_authors(&mut self) {
        if self.authors.added.is_empty() {
            return;
        }
        let file = self.content.join(NETWORK_FILE);
        let text = match fs::read_to_string(&file) {
            Ok(text) => text,
            Err(error) => {
                self.problems
                    .push(Problem::in_file(&file, format!("cannot read it: {error}")));
                return;
            }
        };
        let text = with_authors(&text, self.network, &self.authors.added);
        match self.staging.stage(&file, text.as_bytes()) {
            Ok(_) => self.report.authors_added = self.authors.added.clone(),
            Err(problem) => self.problems.push(problem),
        }
    }
}

/// The text of a caption or title, on one line.
fn plain(inlines: &[Inline]) -> String {
    Block::Paragraph {
        content: inlines.to_vec(),
    }
    .plain_text()
    .split_whitespace()
    .collect::<Vec<_>>()
    .join(" ")
}

/// A photo's file name without extension: its URL's file name, as a slug
/// (`photo` when nothing of it is Latin), and a short hash of the URL, so
/// two images of one name get two files and one URL always the same.
fn photo_name(url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let file_name = path.rsplit('/').next().unwrap_or_default();
    let decoded = percent_decode_str(file_name).decode_utf8_lossy();
    let stem = decoded
        .rsplit_once('.')
        .map_or(decoded.as_ref(), |(stem, _)| stem);
    let stem: String = slugify(stem).chars().take(48).collect();
    let stem = stem.trim_end_matches('-');
    let stem = if stem.is_empty() { "photo" } else { stem };
    let hash = Sha256::digest(url.as_bytes());
    let short: String = hash[..4].iter().map(|byte| format!("{byte:02x}")).collect();
    format!("{stem}-{short}")
}

/// The credit file of a photo downloaded from `url` for the article from `origin`.
fn credit_file(url: &str, origin: &str, credit: &str) -> String {
    let string = |text: &str| toml::Value::String(text.to_owned()).to_string();
    let credit = if credit.is_empty() { url } else { credit };
    format!(
        "# Imported by brnn-content from {url}\n# for {origin}. The source named no licence: find it and replace `{UNKNOWN_LICENCE}`.\ncredit = {}\nlicence = {}\n",
        string(credit),
        string(UNKNOWN_LICENCE)
    )
}

/// Every article source below each edition's folder, by edition and id.
fn existing_sources(content: &Path, network: &NetworkConfig) -> HashMap<(Slug, Slug), PathBuf> {
    let mut found = HashMap::new();
    for config in &network.editions {
        let edition = &config.edition.id;
        let mut folders = vec![content.join(edition.as_str())];
        while let Some(folder) = folders.pop() {
            let Ok(entries) = fs::read_dir(&folder) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    folders.push(path);
                } else if path.extension().is_some_and(|extension| extension == "txt") {
                    let id = path
                        .file_stem()
                        .and_then(|stem| stem.to_str())
                        .and_then(|stem| stem.parse().ok());
                    if let Some(id) = id {
                        found.insert((edition.clone(), id), path);
                    }
                }
            }
        }
    }
    found
}
