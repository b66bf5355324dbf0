//! The incremental build: after every kind of edit, a build into the last
//! build's folder leaves exactly the site a build from nothing makes, while
//! rendering only what changed, and lists exactly the files it added,
//! changed and removed; and parsing again only the sources that changed
//! (the others come from the cache of parsed sources, `source_cache`).

mod common;

use std::fs;
use std::path::Path;

use brnn_content::build::{BuildReport, BUILD_FOLDER, CHANGES_FILE};
use common::{assert_same_files, content_copy, differences, edit, forget_last_build, now, page_shell, tree};
use tempfile::{NamedTempFile, TempDir};

fn build(content: &Path, out: &Path, shell: &NamedTempFile) -> BuildReport {
    common::build_with_pages(content, out, shell, now()).unwrap()
}

const NEW_ARTICLE: &str = "+++\nheadline = \"Beispiel: Ein neuer Artikel\"\nsection = \"bri-nachrichten/aktuelles\"\npublished = 2025-11-05T09:00:00+08:00\nsource = \"\"\n+++\n\nEin neuer Beispielartikel.\n";
const TRANSLATION: &str = "+++\nheadline = \"Sample: A chronicle of the first years\"\nsection = \"documents\"\npublished = 2025-09-01T08:00:00-03:00\nsource = \"\"\ntranslations = { de = \"beispiel-chronik\" }\n+++\n\nA sample article, translated.\n";

#[test]
fn after_every_kind_of_edit_an_incremental_build_equals_a_build_from_nothing_and_lists_its_changes() {
    let content = content_copy();
    let shell = page_shell();
    let out = TempDir::new().unwrap();
    let first = build(content.path(), out.path(), &shell);
    assert_eq!(first.not_rendered, 0, "nothing to go on in an empty folder");
    assert_eq!((first.sources_parsed, first.sources_reused), (first.articles, 0));
    // Built, not skipped as up to date (tests/up_to_date.rs): the manifest
    // and the sources' cache are what spare the work here.
    forget_last_build(out.path());
    let unchanged = build(content.path(), out.path(), &shell);
    assert_eq!((unchanged.written, unchanged.removed), (0, 0));
    assert_eq!(
        (unchanged.sources_parsed, unchanged.sources_reused),
        (0, first.articles),
        "every source's parse from the cache"
    );
    let pages = tree(out.path())
        .keys()
        .filter(|path| path.ends_with(".html"))
        .count();
    assert!(
        unchanged.not_rendered > pages,
        "{} files not rendered again, of which {pages} pages",
        unchanged.not_rendered
    );
    assert_eq!(
        fs::read_to_string(out.path().join(BUILD_FOLDER).join(CHANGES_FILE)).unwrap(),
        ""
    );

    let de = content.path().join("de");
    let chronicle = de.join("beispiel-chronik.txt");
    // Each edit, and how many sources it has parsed again.
    let steps: [(&str, usize, &dyn Fn()); 6] = [
        ("add", 1, &|| {
            fs::write(de.join("beispiel-neu.txt"), NEW_ARTICLE).unwrap()
        }),
        ("edit", 1, &|| {
            edit(&chronicle, "Umlaute wie", "Sonderzeichen wie")
        }),
        ("retitle", 1, &|| {
            edit(&chronicle, "Chronik der ersten Jahre", "Chronik der Gründerjahre")
        }),
        ("move to another section", 1, &|| {
            edit(
                &chronicle,
                "section = \"dokumente\"",
                "section = \"bri-nachrichten/aktuelles\"",
            )
        }),
        ("delete", 0, &|| {
            fs::remove_file(de.join("beispiel-neu.txt")).unwrap()
        }),
        ("translate", 2, &|| {
            fs::write(content.path().join("en/sample-chronicle.txt"), TRANSLATION).unwrap();
            edit(
                &chronicle,
                "source = \"\"",
                "source = \"\"\ntranslations = { en = \"sample-chronicle\" }",
            );
        }),
    ];
    for (step, parsed, apply) in steps {
        let before = tree(out.path());
        apply();
        let report = build(content.path(), out.path(), &shell);
        let after = tree(out.path());
        assert_eq!(
            (report.sources_parsed, report.sources_reused),
            (parsed, report.articles - parsed),
            "{step}: sources parsed and reused"
        );

        let fresh = TempDir::new().unwrap();
        build(content.path(), fresh.path(), &shell);
        assert_same_files(&after, &tree(fresh.path()), step);

        let listed = fs::read_to_string(out.path().join(BUILD_FOLDER).join(CHANGES_FILE)).unwrap();
        assert_eq!(listed, differences(&before, &after), "{step}: the change list");
        assert!(!listed.is_empty(), "{step} changed something");
        assert_eq!(
            report.written + report.removed,
            listed.lines().count(),
            "{step}: written and removed"
        );
        assert!(
            report.not_rendered * 2 > after.len(),
            "{step}: only {} of {} files not rendered again",
            report.not_rendered,
            after.len()
        );
    }
}

#[test]
fn publishing_one_article_changes_only_the_newest_page_of_each_of_its_lists() {
    let content = content_copy();
    let shell = page_shell();
    let out = TempDir::new().unwrap();
    build(content.path(), out.path(), &shell);
    fs::write(content.path().join("de/beispiel-neu.txt"), NEW_ARTICLE).unwrap();
    build(content.path(), out.path(), &shell);
    let listed = fs::read_to_string(out.path().join(BUILD_FOLDER).join(CHANGES_FILE)).unwrap();
    let pages: Vec<&str> = listed
        .lines()
        .filter(|line| {
            line.contains("/pages/") || line.contains("de/index.html") || line.contains("section/")
        })
        .filter(|line| line.contains("de/"))
        .collect();
    // Of the lists, only the newest pages: the front page's (front.json,
    // de/index.html) and its sections', each a document and its page; no
    // numbered page moves unless the newest page split off a full one.
    for line in &pages {
        let numbered = line
            .rsplit('/')
            .next()
            .unwrap()
            .trim_end_matches(".json")
            .trim_end_matches(".html");
        assert!(
            numbered.parse::<u32>().is_err() || line.starts_with("+ "),
            "an older page changed: {line}\n{listed}"
        );
    }
    assert!(listed.contains("~ api/v2/de/front.json\n"), "{listed}");
    assert!(
        listed.contains("~ api/v2/de/sections/bri-nachrichten/aktuelles/pages/newest.json\n"),
        "{listed}"
    );
    assert!(listed.contains("+ de/article/beispiel-neu.html\n"), "{listed}");
    let sitemaps: Vec<&str> = listed.lines().filter(|line| line.contains("sitemap")).collect();
    assert_eq!(
        sitemaps,
        [
            "~ sitemap.xml",
            "~ sitemaps/de-2025-11.xml",
            "~ sitemaps/de-pages.xml"
        ],
        "the index, the edition's own pages and the article's month"
    );
    let count = listed.lines().count();
    assert!(count <= 50, "{count} files changed:\n{listed}");
}

/// A build trusts a folder of the site whose time is the one the last build
/// left it with (`build/folders.rs`) instead of looking at each of its
/// files; a file put into a folder since, or taken out of it, changes the
/// folder's time, and the build then looks. (A file still there is taken
/// to hold what the last build wrote, as before.)
#[test]
fn a_file_put_into_the_site_or_taken_out_of_it_since_the_last_build_is_removed_or_made_again() {
    let content = content_copy();
    let shell = page_shell();
    let out = TempDir::new().unwrap();
    build(content.path(), out.path(), &shell);
    let site = tree(out.path());
    let page = "de/article/ecf15130d4b083e2.html";
    for step in ["a stray file", "a file taken out"] {
        forget_last_build(out.path());
        match step {
            "a stray file" => fs::write(out.path().join("de/article/stray.html"), "not the build's").unwrap(),
            _ => fs::remove_file(out.path().join(page)).unwrap(),
        }
        let report = build(content.path(), out.path(), &shell);
        assert_eq!(tree(out.path()), site, "{step}: the site as the build makes it");
        let listed = fs::read_to_string(out.path().join(BUILD_FOLDER).join(CHANGES_FILE)).unwrap();
        let expected = match step {
            "a stray file" => "- de/article/stray.html\n".to_owned(),
            _ => format!("+ {page}\n"),
        };
        assert_eq!(listed, expected, "{step}: {report:?}");
    }
}
