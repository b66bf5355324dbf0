//! The search index: Pagefind bundles per edition and year, in
//! `pagefind/<edition>/<year>/`, which the reader's search page loads on demand
//! (Pagefind's own browser script, its wasm per language, and the index in
//! chunks). Every article is a record: its headline, section, date and
//! text, in the edition's language (stemmed, and for Chinese segmented
//! into words).
//!
//! Pagefind names its index files by their content, and builds the same
//! bytes from the same records in the same order; the files go through
//! [`Output`] like every other, so a rebuild with nothing changed writes
//! nothing and a removed article's files are removed. Building a bundle
//! touches nothing of the site ([`YearIndex::build`]): the build runs it on
//! a thread of its own.
//!
//! A year stays one bundle, although indexing it again is the largest part
//! of publishing into it (some 4 s for a year of 8,400 articles): when no
//! word of a bundle starts with a word searched for, Pagefind takes the
//! longest word of the bundle that the searched word starts with (`zu` for
//! `zusätzlichen`). A year split into smaller bundles searched as one
//! (Pagefind's `mergeIndex`), say its newest day apart, would answer a word
//! that one of them lacks with that bundle's unrelated articles.

use std::collections::BTreeMap;
use std::fmt::Display;
use std::hash::{Hash, Hasher};
use std::io;
use std::time::{Duration, Instant};

use brnn_model::format::Article;
use brnn_model::locale::Locale;
use brnn_model::search::{META_DATE, META_PUBLISHED, META_SECTION, META_TITLE};
use brnn_model::site::{Site, SEARCH_YEARS_FILE};
use brnn_model::slug::Slug;
use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use super::Output;
use crate::library::EditionContent;

/// Plans the edition's bundles, one per year of its articles (their
/// newsroom's calendar year), and writes `years.json`, the years newest
/// first. A first search loads only the newest year's page list, whatever
/// the archive's size; a past year's bundle never changes again. A year
/// whose records are as they were keeps its bundle: Pagefind would build
/// the same bytes, at a cost that grows with the year. The others are
/// returned, to be built ([`YearIndex::build`]) while the build writes the
/// rest of the site. An edition without articles has none (Pagefind's
/// script refuses an index without pages).
pub fn plan<'a>(content: &'a EditionContent, output: &mut Output) -> io::Result<Vec<YearIndex<'a>>> {
    let mut by_year: BTreeMap<i32, Vec<&Article>> = BTreeMap::new();
    for article in &content.articles {
        by_year
            .entry(article.published.local_date().year)
            .or_default()
            .push(article);
    }
    let folder = Site::search_index_folder(&content.edition.id);
    let newest_first: Vec<i32> = by_year.keys().rev().copied().collect();
    let mut to_build = Vec::new();
    for (year, articles) in by_year {
        let year_folder = format!("{folder}/{year}");
        let fingerprint = format!("{:016x}\n", fingerprint(content, &articles));
        let kept = output.existing(&format!("{year_folder}/{FINGERPRINT_FILE}"))
            == Some(fingerprint.clone().into_bytes())
            && output.keep_folder(&year_folder)?;
        if !kept {
            to_build.push(YearIndex {
                content,
                folder: year_folder,
                fingerprint,
                articles,
            });
        }
    }
    if !newest_first.is_empty() {
        let years = serde_json::to_vec(&newest_first).map_err(io::Error::other)?;
        output.write(&format!("{folder}/{SEARCH_YEARS_FILE}"), &years)?;
    }
    Ok(to_build)
}

/// A year whose bundle must be built anew.
pub struct YearIndex<'a> {
    content: &'a EditionContent,
    /// Below the site's root: `pagefind/<edition>/<year>`.
    folder: String,
    /// Of the records (`FINGERPRINT_FILE`'s text).
    fingerprint: String,
    /// Newest first.
    articles: Vec<&'a Article>,
}

/// A year's bundle, built, to be written into the site.
pub struct YearBundle {
    /// Each file's path below the site's root, and its bytes.
    files: Vec<(String, Vec<u8>)>,
    /// How long Pagefind took.
    took: Duration,
}

impl YearIndex<'_> {
    /// Pagefind's part, the largest of a build: it touches nothing of the
    /// site, so it can run beside the rest of the build.
    pub fn build(self) -> Result<YearBundle, String> {
        let started = Instant::now();
        let mut files = Vec::new();
        for (name, bytes) in bundle(self.content, records(self.content, &self.articles))? {
            files.push((format!("{}/{name}", self.folder), bytes));
        }
        files.push((
            format!("{}/{FINGERPRINT_FILE}", self.folder),
            self.fingerprint.into_bytes(),
        ));
        Ok(YearBundle {
            files,
            took: started.elapsed(),
        })
    }
}

impl YearBundle {
    pub fn write(self, output: &mut Output) -> io::Result<()> {
        output.report.years_indexed += 1;
        output.report.search_index += self.took;
        for (path, bytes) in self.files {
            output.write(&path, &bytes)?;
        }
        Ok(())
    }
}

/// In each year's bundle: what its records were built from, as a hash.
const FINGERPRINT_FILE: &str = "records.hash";

/// What one article gives the index.
struct Record {
    url: String,
    text: String,
    meta: BTreeMap<String, String>,
}

/// The records of `articles` (newest first), oldest first: a new article
/// is appended and the older records keep their numbers.
fn records(content: &EditionContent, articles: &[&Article]) -> Vec<Record> {
    // Site-relative addresses: the reader puts its own base before them.
    let site = Site::new("/");
    let language = content.edition.lang.to_ascii_lowercase();
    let locale = Locale::for_lang(&content.edition.lang);
    articles
        .iter()
        .rev()
        .map(|article| {
            let section = content
                .edition
                .section_name(&article.section)
                .unwrap_or_default()
                .to_owned();
            Record {
                url: site.article(&content.edition.id, &article.id),
                text: record_text(article, &language),
                meta: BTreeMap::from([
                    (META_TITLE.to_owned(), article.headline.clone()),
                    (META_SECTION.to_owned(), section),
                    (META_PUBLISHED.to_owned(), article.published.to_string()),
                    (
                        META_DATE.to_owned(),
                        locale.long_date(article.published.local_date()),
                    ),
                ]),
            }
        })
        .collect()
}

/// A hash of everything the records of `articles` are made from (their
/// address, text and meta: `records`), the language and this tool's
/// version (which pins Pagefind's), without making them. Std's hasher is
/// fixed within one build of the tool; a new build may index once more, no harm.
fn fingerprint(content: &EditionContent, articles: &[&Article]) -> u64 {
    let edition = &content.edition;
    let mut hasher = std::hash::DefaultHasher::new();
    (env!("CARGO_PKG_VERSION"), edition.id.as_str(), &edition.lang).hash(&mut hasher);
    for article in articles {
        let section = edition.section_name(&article.section).unwrap_or_default();
        let published = (article.published.unix_seconds(), article.published.offset());
        (article.id.as_str(), &article.headline, section, published).hash(&mut hasher);
        article.paragraphs.hash(&mut hasher);
        for author in &article.authors {
            author.name.hash(&mut hasher);
        }
        // The number of names, so that no two lists run together.
        article.authors.len().hash(&mut hasher);
    }
    hasher.finish()
}

/// The files of the bundle of `records` that the reader needs, by path within the bundle.
fn bundle(content: &EditionContent, records: Vec<Record>) -> Result<Vec<(String, Vec<u8>)>, String> {
    let edition = &content.edition.id;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|error| error.to_string())?;
    runtime.block_on(async {
        let config = PagefindServiceConfig::builder().build();
        let mut index = PagefindIndex::new(Some(config)).map_err(|error| failed(edition, error))?;
        let language = content.edition.lang.to_ascii_lowercase();
        for record in records {
            index
                .add_custom_record(
                    record.url,
                    record.text,
                    language.clone(),
                    Some(record.meta),
                    None,
                    None,
                )
                .await
                .map_err(|error| failed(edition, error))?;
        }
        let files = index.get_files().await.map_err(|error| failed(edition, error))?;
        Ok(files
            .into_iter()
            .filter_map(|file| {
                let name = file.filename.to_string_lossy().replace('\\', "/");
                read_by_the_reader(&name).then_some((name, file.contents))
            })
            .collect())
    })
}

fn failed(edition: &Slug, error: impl Display) -> String {
    format!("search index of edition `{edition}`: {error:#}")
}

/// The text a record is searched by and its excerpts are cut from: every
/// paragraph. Pagefind splits the title (the headline, searched too) into
/// words at spaces only; in a language written without them the headline
/// is also put first in the text, where it is split into words. Words
/// Pagefind would take for its own instructions are left out.
fn record_text(article: &Article, language: &str) -> String {
    let unspaced = ["zh", "ja", "th"].contains(&language.split('-').next().unwrap_or_default());
    unspaced
        .then_some(&article.headline)
        .into_iter()
        .chain(&article.paragraphs)
        // A search for a byline's name finds the author's articles.
        .chain(article.authors.iter().map(|author| &author.name))
        .map(|text| {
            text.split_whitespace()
                .filter(|word| !word.starts_with("___PAGEFIND_"))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Pagefind also writes its ready-made search interfaces; the reader has
/// its own and loads only the search script, its worker, the wasm and the index.
fn read_by_the_reader(name: &str) -> bool {
    matches!(name, "pagefind.js" | "pagefind-worker.js" | "pagefind-entry.json")
        || name.starts_with("wasm.")
        || name.ends_with(".pf_meta")
        || ["fragment/", "index/", "filter/"]
            .iter()
            .any(|folder| name.starts_with(folder))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_script_the_wasm_and_the_index_are_kept() {
        for kept in [
            "pagefind.js",
            "pagefind-worker.js",
            "pagefind-entry.json",
            "wasm.de.pagefind",
            "pagefind.de_1a2b3c4d5e.pf_meta",
            "fragment/de_1a2b3c4.pf_fragment",
            "index/de_1a2b3c4.pf_index",
        ] {
            assert!(read_by_the_reader(kept), "{kept}");
        }
        for dropped in [
            "pagefind-ui.js",
            "pagefind-ui.css",
            "pagefind-highlight.js",
            "pagefind-modular-ui.js",
        ] {
            assert!(!read_by_the_reader(dropped), "{dropped}");
        }
    }

    #[test]
    fn an_articles_record_holds_its_text_and_its_authors_names() {
        let article: Article = serde_json::from_value(serde_json::json!({
            "id": "a1", "section": "aktuelles", "headline": "Kopf",
            "published": "2025-11-04T00:00:00+08:00", "paragraphs": ["Ein  Absatz.", "Noch einer."],
            "authors": [{ "slug": "li-wei", "name": "Li Wei" }]
        }))
        .unwrap();
        assert_eq!(record_text(&article, "de"), "Ein Absatz.\nNoch einer.\nLi Wei");
        assert_eq!(
            record_text(&article, "zh-Hans"),
            "Kopf\nEin Absatz.\nNoch einer.\nLi Wei"
        );
    }
}
