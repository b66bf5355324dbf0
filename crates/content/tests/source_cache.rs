//! The cache of parsed sources (`source_cache`): a build reads and parses
//! only the sources that changed, picks up every change, also one that
//! keeps a file's size or its time, and makes the same site as without it.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use brnn_content::build::{BuildReport, BUILD_FOLDER};
use brnn_content::{commands, source_cache};
use common::{an_hour_ago, build, content_copy, forget_last_build, set_modified, tree};
use indicatif::ProgressBar;
use tempfile::TempDir;

/// (parsed, reused, of them read to compare)
fn counts(report: &BuildReport) -> (usize, usize, usize) {
    (
        report.sources_parsed,
        report.sources_reused,
        report.sources_compared,
    )
}

/// Every article source below `content`, last changed an hour ago: older
/// than any cache a test's build writes, so their times are trusted.
fn age_every_source(content: &Path) -> Vec<PathBuf> {
    let mut sources = Vec::new();
    let mut folders = vec![content.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|extension| extension == "txt") {
                set_modified(&path, an_hour_ago());
                sources.push(path);
            }
        }
    }
    sources
}

/// Replaces `from` with `to` of the same length in `file`.
fn edit_keeping_the_size(file: &Path, from: &str, to: &str) {
    assert_eq!(from.len(), to.len());
    let text = fs::read_to_string(file).unwrap();
    assert!(text.contains(from), "{}: no `{from}`", file.display());
    fs::write(file, text.replacen(from, to, 1)).unwrap();
}

/// The site a build from nothing makes of `content`.
fn from_nothing(content: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let fresh = TempDir::new().unwrap();
    let report = build(content, fresh.path()).unwrap();
    assert_eq!(report.sources_reused, 0);
    tree(fresh.path())
}

fn chronicle(content: &Path) -> PathBuf {
    content.join("de/beispiel-chronik.txt")
}

#[test]
fn a_build_with_nothing_changed_reads_no_source_again() {
    let content = content_copy();
    let out = TempDir::new().unwrap();
    let sources = age_every_source(content.path()).len();
    let first = build(content.path(), out.path()).unwrap();
    assert_eq!(counts(&first), (first.articles, 0, 0));
    assert!(
        sources > first.articles,
        "pages of the house are sources too, not cached"
    );
    let site = tree(out.path());

    // Built, not skipped as up to date (tests/up_to_date.rs).
    forget_last_build(out.path());
    let again = build(content.path(), out.path()).unwrap();
    assert_eq!(counts(&again), (0, first.articles, 0), "not one source read");
    assert_eq!(tree(out.path()), site);
}

/// The cache's files below `out`, by name.
fn cache_files(out: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let folder = out.join(BUILD_FOLDER).join(source_cache::FOLDER);
    fs::read_dir(folder)
        .unwrap()
        .map(|entry| {
            let entry = entry.unwrap();
            let name = entry.file_name().into_string().unwrap();
            (name, fs::read(entry.path()).unwrap())
        })
        .collect()
}

#[test]
fn an_edited_source_rewrites_only_the_cache_file_that_holds_it() {
    let content = content_copy();
    let out = TempDir::new().unwrap();
    age_every_source(content.path());
    build(content.path(), out.path()).unwrap();
    let before = cache_files(out.path());
    assert!(before.len() > 10, "split into files: {}", before.len());

    edit_keeping_the_size(&chronicle(content.path()), "ersten", "achten");
    let edited = build(content.path(), out.path()).unwrap();
    assert_eq!(edited.sources_parsed, 1);
    let after = cache_files(out.path());
    let rewritten: Vec<&String> = after
        .iter()
        .filter(|(name, bytes)| before.get(*name) != Some(*bytes))
        .map(|(name, _)| name)
        .collect();
    assert_eq!(rewritten.len(), 1, "rewritten: {rewritten:?}");
    assert_eq!(after.len(), before.len());
}

#[test]
fn an_edit_that_keeps_the_size_but_not_the_time_is_parsed() {
    let content = content_copy();
    let out = TempDir::new().unwrap();
    age_every_source(content.path());
    let first = build(content.path(), out.path()).unwrap();

    edit_keeping_the_size(&chronicle(content.path()), "der ersten Jahre", "der achten Jahre");
    set_modified(
        &chronicle(content.path()),
        an_hour_ago() + Duration::from_secs(60),
    );
    let report = build(content.path(), out.path()).unwrap();
    assert_eq!(counts(&report), (1, first.articles - 1, 0));
    assert_eq!(tree(out.path()), from_nothing(content.path()));
    let article = fs::read_to_string(out.path().join("api/v2/de/articles/beispiel-chronik.json")).unwrap();
    assert!(article.contains("der achten Jahre"), "{article}");
}

#[test]
fn a_touched_source_is_read_once_and_its_parse_reused() {
    let content = content_copy();
    let out = TempDir::new().unwrap();
    age_every_source(content.path());
    let first = build(content.path(), out.path()).unwrap();
    let site = tree(out.path());

    set_modified(
        &chronicle(content.path()),
        an_hour_ago() + Duration::from_secs(60),
    );
    let touched = build(content.path(), out.path()).unwrap();
    assert_eq!(
        counts(&touched),
        (0, first.articles, 1),
        "read to compare, not parsed"
    );
    assert_eq!(tree(out.path()), site);

    forget_last_build(out.path());
    let again = build(content.path(), out.path()).unwrap();
    assert_eq!(counts(&again), (0, first.articles, 0), "its new time was kept");
}

#[test]
fn a_source_changed_in_the_second_the_cache_was_written_is_not_trusted_by_its_time() {
    let content = content_copy();
    let out = TempDir::new().unwrap();
    age_every_source(content.path());
    // As if it had been written in the same second as the cache (or later).
    let racy = SystemTime::now() + Duration::from_secs(3600);
    set_modified(&chronicle(content.path()), racy);
    let first = build(content.path(), out.path()).unwrap();

    let again = build(content.path(), out.path()).unwrap();
    assert_eq!(counts(&again), (0, first.articles, 1), "read to compare");

    // Same size, same time, other text: only its hash tells.
    edit_keeping_the_size(&chronicle(content.path()), "der ersten Jahre", "der achten Jahre");
    set_modified(&chronicle(content.path()), racy);
    let edited = build(content.path(), out.path()).unwrap();
    assert_eq!(counts(&edited), (1, first.articles - 1, 0));
    assert_eq!(tree(out.path()), from_nothing(content.path()));
}

#[test]
fn a_damaged_cache_is_ignored_and_the_site_is_the_same() {
    let content = content_copy();
    let out = TempDir::new().unwrap();
    age_every_source(content.path());
    let first = build(content.path(), out.path()).unwrap();
    let folder = out.path().join(BUILD_FOLDER).join(source_cache::FOLDER);
    let files = cache_files(out.path());
    assert!(files.len() > 1, "the cache is split: {} files", files.len());

    for half in [true, false] {
        for (name, bytes) in &files {
            let damaged = if half {
                &bytes[..bytes.len() / 2]
            } else {
                b"not a cache".as_slice()
            };
            fs::write(folder.join(name), damaged).unwrap();
        }
        edit_keeping_the_size(&chronicle(content.path()), "ersten", "achten");
        let report = build(content.path(), out.path()).unwrap();
        assert_eq!(counts(&report), (first.articles, 0, 0), "everything parsed");
        assert_eq!(tree(out.path()), from_nothing(content.path()));
        edit_keeping_the_size(&chronicle(content.path()), "achten", "ersten");
    }
    let again = build(content.path(), out.path()).unwrap();
    assert_eq!(again.sources_parsed, 1, "a cache was written again");
}

#[test]
fn a_source_with_problems_is_reported_again_by_every_build() {
    let content = content_copy();
    let out = TempDir::new().unwrap();
    age_every_source(content.path());
    build(content.path(), out.path()).unwrap();

    // A source the cache has, broken, and a new one that never parsed.
    edit_keeping_the_size(
        &chronicle(content.path()),
        "published = 2025-09-01",
        "published = 2025-19-01",
    );
    fs::write(
        content.path().join("de/kaputt.txt"),
        "+++\nheadline = \"Kaputt\"\n+++\n\nText.\n",
    )
    .unwrap();
    let problems = build(content.path(), out.path()).unwrap_err().problems;
    let files: Vec<String> = problems.iter().map(|problem| problem.to_string()).collect();
    assert!(
        files
            .iter()
            .any(|problem| problem.contains("beispiel-chronik.txt")),
        "{files:?}"
    );
    assert!(
        files.iter().any(|problem| problem.contains("kaputt.txt")),
        "{files:?}"
    );
    for _ in 0..2 {
        assert_eq!(build(content.path(), out.path()).unwrap_err().problems, problems);
    }
}

#[test]
fn the_library_keeps_what_lists_show_and_reads_an_article_whole_from_the_text_it_read() {
    let content = content_copy();
    let library = commands::check(content.path(), &ProgressBar::hidden()).unwrap();
    let german = &library.editions[0];
    let file = chronicle(content.path());
    let text = fs::read_to_string(&file).unwrap();
    let headline = text
        .lines()
        .find_map(|line| line.strip_prefix("headline = \""))
        .unwrap()
        .trim_end_matches('"');
    let kept = german
        .articles
        .iter()
        .find(|article| *article.headline == *headline)
        .unwrap();
    let whole = library.whole(german, kept).unwrap();
    assert!(whole.paragraphs.len() > 1, "{:?}", whole.paragraphs);
    assert_eq!(kept.summary(&library.leads).unwrap(), whole.summary());
    assert_eq!(kept.file(), file);

    // Changed after the library read it: refused, never a page of two texts.
    fs::write(&file, text.replacen("\n+++\n", "\n+++\n\nNeu.\n", 1)).unwrap();
    let message = library.whole(german, kept).unwrap_err().to_string();
    assert!(
        message.ends_with("changed while the build read it; build again"),
        "{message}"
    );
}
