//! The search index: Pagefind bundles per edition and span of days, in
//! `pagefind/<edition>/<span>/` (`2025-day`, `2025-month`, `2025`,
//! `2024`), which the reader's search page loads on demand (Pagefind's own
//! browser script, its wasm per language, and the index in chunks). Every
//! article is a record: its headline, section, date and text, in the
//! edition's language (stemmed, and for Chinese segmented into words).
//!
//! The spans ([`Span`]) follow the newest article's day: that day has a
//! bundle of its own, the rest of its month one, the rest of its year one,
//! and every earlier year one. Publishing into the newest day, what a
//! newsroom does all day, indexes that day's few articles again, not the
//! year's thousands (some 4 s for a year of 8,400 articles); the month's
//! bundle is indexed again once a day, the year's once a month. A month or
//! year of more than [`MOST_RECORDS`] articles is split into parts along the
//! calendar (half-years, quarters, months, …), so that the memory a bundle
//! takes to build is bounded whatever the archive's size (`2024-07-01`: a
//! part named by its first day). The reader
//! searches a year's bundles as one (`search_index.js`: Pagefind's
//! `mergeIndex`, one script and wasm), and sets aside the hits of a bundle
//! that holds no form of a searched word, which Pagefind answers with the
//! longest word of the bundle that the searched word starts with (`zu` for
//! `zusätzlichen`).
//!
//! Pagefind names its index files by their content, and builds the same
//! bytes from the same records in the same order; the files go through
//! [`Output`] like every other, so a rebuild with nothing changed writes
//! nothing and a removed article's files are removed. Building a bundle
//! touches nothing of the site ([`BundleIndex::build`]): the build runs it
//! on a thread of its own.

use std::collections::BTreeMap;
use std::fmt::Display;
use std::io;
use std::time::{Duration, Instant};

use brnn_model::date::{CivilDate, YearMonth};
use brnn_model::format::Article;
use brnn_model::locale::Locale;
use brnn_model::search::{META_DATE, META_PUBLISHED, META_SECTION, META_TITLE};
use brnn_model::site::{Site, SEARCH_BUNDLES_FILE};
use brnn_model::slug::Slug;
use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use super::article_keys::ArticleKeys;
use super::manifest::Key;
use super::{EditionLists, Output};
use crate::article_card::ArticleCard;
use crate::library::EditionContent;

/// The days one bundle holds the articles of, by their newsroom's calendar
/// date. Its name is its folder's, and starts with its year; the newest
/// day's and month's keep theirs from day to day (`2025-day`,
/// `2025-month`), so that a new day rewrites the files of their index that
/// changed, not every file of two bundles (Pagefind's script, worker and
/// wasm stay as they are).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Span {
    /// The newest article's day.
    Day(CivilDate),
    /// The newest day's month before it.
    Month(YearMonth),
    /// A year; the newest year before the newest day's month.
    Year(i32),
    /// A part of a month or year too large for one bundle: from this day
    /// up to the next part's first day.
    Days(CivilDate),
}

/// The most records a bundle of more than one day holds. Pagefind keeps
/// some 50 KB per record in memory while it builds a bundle (480 MB for a
/// year of 10,000 generated articles), so at a million articles a year
/// took 5 GB; a part of 6,000 takes some 300 MB.
const MOST_RECORDS: usize = 6_000;

/// The ways to cut a month or year into parts, coarsest first: each gives
/// the first day of the part a date is in (half-years, quarters, months,
/// halves of a month, days).
const CUTS: [fn(CivilDate) -> CivilDate; 5] = [
    |date| CivilDate {
        month: if date.month < 7 { 1 } else { 7 },
        day: 1,
        ..date
    },
    |date| CivilDate {
        month: (date.month - 1) / 3 * 3 + 1,
        day: 1,
        ..date
    },
    |date| CivilDate { day: 1, ..date },
    |date| CivilDate {
        day: if date.day < 16 { 1 } else { 16 },
        ..date
    },
    |date| date,
];

impl Span {
    /// The span of an article of `date`, with `newest` the edition's newest day.
    fn of(date: CivilDate, newest: CivilDate) -> Self {
        if date == newest {
            Span::Day(date)
        } else if date.year_month() == newest.year_month() {
            Span::Month(date.year_month())
        } else {
            Span::Year(date.year)
        }
    }

    /// Its first day: spans never overlap, so the newest first sort by it.
    fn first_day(self) -> CivilDate {
        match self {
            Span::Day(day) => day,
            Span::Month(month) => CivilDate {
                year: month.year,
                month: month.month,
                day: 1,
            },
            Span::Year(year) => CivilDate {
                year,
                month: 1,
                day: 1,
            },
            Span::Days(day) => day,
        }
    }

    /// The span's `articles` (newest first) in bundles: as they are, or,
    /// when there are more than `most`, in parts along the calendar, cut
    /// the coarsest way ([`CUTS`]) that leaves no part with more (a single
    /// day may hold more). Parts follow the calendar, not the count, so
    /// that a new month adds a part and leaves the others as they are.
    fn in_parts(self, articles: Vec<&ArticleCard>, most: usize) -> Vec<(Self, Vec<&ArticleCard>)> {
        if articles.len() <= most || matches!(self, Span::Day(_)) {
            return vec![(self, articles)];
        }
        let dates: Vec<CivilDate> = articles
            .iter()
            .map(|article| article.published.local_date())
            .collect();
        let fits = |cut: &fn(CivilDate) -> CivilDate| {
            let mut sizes: BTreeMap<CivilDate, usize> = BTreeMap::new();
            for date in &dates {
                *sizes.entry(cut(*date)).or_default() += 1;
            }
            sizes.values().all(|&size| size <= most)
        };
        let cut = CUTS.iter().find(|cut| fits(cut)).unwrap_or(&CUTS[CUTS.len() - 1]);
        let mut parts: BTreeMap<CivilDate, Vec<&ArticleCard>> = BTreeMap::new();
        for (article, date) in articles.into_iter().zip(dates) {
            parts.entry(cut(date)).or_default().push(article);
        }
        parts
            .into_iter()
            .map(|(first_day, articles)| (Span::Days(first_day), articles))
            .collect()
    }

    fn name(self) -> String {
        match self {
            Span::Day(day) => format!("{:04}-day", day.year),
            Span::Month(month) => format!("{:04}-month", month.year),
            Span::Year(year) => format!("{year:04}"),
            Span::Days(day) => day.to_string(),
        }
    }
}

/// Plans the edition's bundles, one per span of its articles ([`Span`]),
/// and writes `bundles.json`, their names newest first. A first search
/// loads only the newest year's, whatever the archive's size; a past
/// year's bundle never changes again. A bundle whose records are as they
/// were is kept: Pagefind would build the same bytes, at a cost that grows
/// with the bundle. The others are returned, to be built
/// ([`BundleIndex::build`]) while the build writes the rest of the site.
/// An edition without articles has none (Pagefind's script refuses an
/// index without pages).
///
/// A publish (`scope.rs`) keeps a bundle without going through its files,
/// and gives up (`None`) when the bundles themselves change.
pub fn plan<'a>(
    lists: &'a EditionLists<'a>,
    output: &mut Output,
) -> io::Result<Option<Vec<BundleIndex<'a>>>> {
    let content = lists.content;
    let Some(newest) = content
        .articles
        .iter()
        .map(|article| article.published.local_date())
        .max()
    else {
        return Ok(Some(Vec::new()));
    };
    let mut spans: BTreeMap<CivilDate, (Span, Vec<&ArticleCard>)> = BTreeMap::new();
    for article in &content.articles {
        let span = Span::of(article.published.local_date(), newest);
        spans
            .entry(span.first_day())
            .or_insert_with(|| (span, Vec::new()))
            .1
            .push(article);
    }
    let by_span: BTreeMap<CivilDate, (Span, Vec<&ArticleCard>)> = spans
        .into_values()
        .flat_map(|(span, articles)| span.in_parts(articles, MOST_RECORDS))
        .map(|(span, articles)| (span.first_day(), (span, articles)))
        .collect();
    let folder = Site::search_index_folder(&content.edition.id);
    let newest_first: Vec<String> = by_span.values().rev().map(|(span, _)| span.name()).collect();
    let names = serde_json::to_vec(&newest_first).map_err(io::Error::other)?;
    let names_file = format!("{folder}/{SEARCH_BUNDLES_FILE}");
    let everything = output.scope.is_everything();
    if !everything && output.existing(&names_file).as_ref() != Some(&names) {
        return Ok(None);
    }
    let mut to_build = Vec::new();
    for (span, articles) in by_span.into_values() {
        let bundle_folder = format!("{folder}/{}", span.name());
        let fingerprint = format!("{:032x}\n", fingerprint(content, &lists.keys, &articles));
        let kept = output.existing(&format!("{bundle_folder}/{FINGERPRINT_FILE}"))
            == Some(fingerprint.clone().into_bytes())
            && (!everything || output.keep_folder(&bundle_folder)?);
        if !kept {
            to_build.push(BundleIndex {
                lists,
                folder: bundle_folder,
                fingerprint,
                articles,
            });
        }
    }
    output.write(&names_file, &names)?;
    Ok(Some(to_build))
}

/// A bundle that must be built anew.
pub struct BundleIndex<'a> {
    lists: &'a EditionLists<'a>,
    /// Below the site's root: `pagefind/<edition>/<span>`.
    folder: String,
    /// Of the records (`FINGERPRINT_FILE`'s text).
    fingerprint: String,
    /// Newest first.
    articles: Vec<&'a ArticleCard>,
}

/// A bundle, built, to be written into the site.
pub struct BuiltBundle {
    /// Each file's path below the site's root, and its bytes.
    files: Vec<(String, Vec<u8>)>,
    /// How long Pagefind took.
    took: Duration,
}

impl BundleIndex<'_> {
    /// Below the site's root.
    pub fn folder(&self) -> &str {
        &self.folder
    }

    /// Pagefind's part, the largest of a build: it touches nothing of the
    /// site, so it can run beside the rest of the build.
    pub fn build(self) -> Result<BuiltBundle, String> {
        let started = Instant::now();
        let mut files = Vec::new();
        let records = records(self.lists, &self.articles).map_err(|error| error.to_string())?;
        for (name, bytes) in bundle(self.lists.content, records)? {
            files.push((format!("{}/{name}", self.folder), bytes));
        }
        files.push((
            format!("{}/{FINGERPRINT_FILE}", self.folder),
            self.fingerprint.into_bytes(),
        ));
        Ok(BuiltBundle {
            files,
            took: started.elapsed(),
        })
    }
}

impl BuiltBundle {
    pub fn write(self, output: &mut Output) -> io::Result<()> {
        output.report.bundles_indexed += 1;
        output.report.search_index += self.took;
        for (path, bytes) in self.files {
            output.write(&path, &bytes)?;
        }
        Ok(())
    }
}

/// In each bundle: what its records were built from, as a hash.
const FINGERPRINT_FILE: &str = "records.hash";

/// What one article gives the index.
struct Record {
    url: String,
    text: String,
    meta: BTreeMap<String, String>,
}

/// The records of `articles` (newest first), oldest first: a new article
/// is appended and the older records keep their numbers.
fn records(lists: &EditionLists, articles: &[&ArticleCard]) -> io::Result<Vec<Record>> {
    let content = lists.content;
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
            Ok(Record {
                url: site.article(&content.edition.id, &article.id),
                text: record_text(&lists.whole(article)?, &language),
                meta: BTreeMap::from([
                    (META_TITLE.to_owned(), article.headline.to_string()),
                    (META_SECTION.to_owned(), section),
                    (META_PUBLISHED.to_owned(), article.published.to_string()),
                    (
                        META_DATE.to_owned(),
                        locale.long_date(article.published.local_date()),
                    ),
                ]),
            })
        })
        .collect()
}

/// A key of everything the records of `articles` are made from (their
/// address, text and meta: `records`): the articles (`ArticleKeys`, which
/// holds this tool's build, and so Pagefind's), their sections' names and
/// the edition's language, without making them.
fn fingerprint(content: &EditionContent, keys: &ArticleKeys, articles: &[&ArticleCard]) -> Key {
    let edition = &content.edition;
    let mut sections = String::new();
    for article in articles {
        sections.push_str(edition.section_name(&article.section).unwrap_or_default());
        sections.push('\n');
    }
    let fields: [&[u8]; 3] = [
        edition.id.as_str().as_bytes(),
        edition.lang.as_bytes(),
        sections.as_bytes(),
    ];
    keys.document("search bundle", &fields, articles)
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

    fn date(text: &str) -> CivilDate {
        text.parse().unwrap()
    }

    #[test]
    fn the_newest_day_its_month_and_its_year_each_have_a_bundle_and_every_year_before() {
        let newest = date("2025-11-04");
        let span = |day: &str| Span::of(date(day), newest);
        assert_eq!(span("2025-11-04"), Span::Day(newest));
        assert_eq!(span("2025-11-03"), Span::Month(newest.year_month()));
        assert_eq!(span("2025-11-01").name(), "2025-month");
        assert_eq!(span("2025-10-31").name(), "2025");
        assert_eq!(span("2025-01-01").name(), "2025");
        assert_eq!(span("2024-11-04").name(), "2024");
        assert_eq!(span("0999-12-31").name(), "0999");
        assert_eq!(Span::Day(newest).name(), "2025-day");
        // Newest first by their first day, which no two share.
        let mut spans = ["2024-12-31", "2025-11-03", "2025-02-01", "2025-11-04"].map(span);
        spans.sort_by_key(|span| std::cmp::Reverse(span.first_day()));
        assert_eq!(spans.map(Span::name), ["2025-day", "2025-month", "2025", "2024"]);
    }

    #[test]
    fn on_the_first_of_a_month_the_month_before_is_part_of_its_year() {
        let newest = date("2025-12-01");
        assert_eq!(Span::of(date("2025-11-30"), newest).name(), "2025");
        assert_eq!(Span::of(date("2025-12-01"), newest).name(), "2025-day");
        let new_year = date("2026-01-01");
        assert_eq!(Span::of(date("2025-12-31"), new_year).name(), "2025");
    }

    fn article_of(published: &str) -> ArticleCard {
        let folder = tempfile::TempDir::new().unwrap();
        let mut leads = crate::article_card::LeadsWriter::new(folder.path()).unwrap();
        let article = serde_json::from_value(serde_json::json!({
            "id": "a1", "section": "aktuelles", "headline": "Kopf",
            "published": published, "paragraphs": ["Ein Absatz."]
        }));
        ArticleCard::of(article.unwrap(), &mut leads)
    }

    #[test]
    fn a_large_year_is_cut_along_the_calendar_as_coarsely_as_the_most_allows() {
        // Newest first, as the library has them; two on 2024-03-02 (in
        // Beijing: one is still 1 March in UTC).
        let articles = [
            "2024-08-01T10:00:00+08:00",
            "2024-03-20T10:00:00+08:00",
            "2024-03-02T12:00:00+08:00",
            "2024-03-02T07:00:00+08:00",
            "2024-01-01T10:00:00+08:00",
        ]
        .map(article_of);
        let newest_first: Vec<&ArticleCard> = articles.iter().collect();
        let year = Span::Year(2024);
        let names = |most: usize| {
            year.in_parts(newest_first.clone(), most)
                .into_iter()
                .map(|(span, articles)| format!("{} {}", span.name(), articles.len()))
                .collect::<Vec<_>>()
        };
        assert_eq!(names(5), ["2024 5"]);
        assert_eq!(names(4), ["2024-01-01 4", "2024-07-01 1"], "half-years");
        assert_eq!(
            names(3),
            ["2024-01-01 1", "2024-03-01 3", "2024-08-01 1"],
            "months"
        );
        assert_eq!(
            names(2),
            ["2024-01-01 1", "2024-03-01 2", "2024-03-16 1", "2024-08-01 1"],
            "halves of a month"
        );
        assert_eq!(names(1).len(), 4, "days: a day is never split");
        let parts = year.in_parts(newest_first.clone(), 3);
        assert!(
            parts[1]
                .1
                .windows(2)
                .all(|pair| pair[0].published >= pair[1].published),
            "newest first within a part"
        );
        let day = Span::Day("2024-03-02".parse().unwrap());
        assert_eq!(
            day.in_parts(newest_first, 1).len(),
            1,
            "the newest day is one bundle"
        );
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
