//! A build skipped whole (`up_to_date`): only when nothing it is made from
//! changed and its site is still there; any change (a source's time, a
//! file of the site gone, the clock past an editor's choice's expiry,
//! another shell, a time too recent to trust) builds, and the site is then
//! the one a build from nothing makes.

mod common;

use std::fs;
use std::time::{Duration, SystemTime};

use brnn_content::build::{BUILD_FOLDER, CHANGES_FILE};
use brnn_model::date::Published;
use common::{an_hour_ago, build, build_with_pages, content_copy, now, page_shell, set_modified, tree};
use tempfile::TempDir;

const SEED: &str = "de/ecf15130d4b083e2.txt";

fn change_list(out: &std::path::Path) -> String {
    fs::read_to_string(out.join(BUILD_FOLDER).join(CHANGES_FILE)).unwrap()
}

#[test]
fn a_build_with_nothing_changed_is_skipped_and_reports_what_the_last_one_did() {
    let content = content_copy();
    // A German edition without an imprint is warned of.
    fs::remove_file(content.path().join("de/pages/impressum.txt")).unwrap();
    let out = TempDir::new().unwrap();
    let first = build(content.path(), out.path()).unwrap();
    assert!(!first.up_to_date);
    assert!(!first.warnings.is_empty(), "a warning to report again");
    let site = tree(out.path());

    let again = build(content.path(), out.path()).unwrap();
    assert!(again.up_to_date, "nothing changed");
    assert_eq!(again.articles, first.articles);
    assert_eq!(again.warnings, first.warnings, "the same warnings, every build");
    assert_eq!((again.written, again.removed), (0, 0));
    assert_eq!(again.unchanged, site.len());
    assert_eq!(
        again.sources_parsed + again.sources_reused,
        0,
        "not one source looked at"
    );
    assert_eq!(change_list(out.path()), "", "an empty change list");
    assert_eq!(tree(out.path()), site);
}

#[test]
fn a_source_touched_or_edited_is_built_again() {
    let content = content_copy();
    let out = TempDir::new().unwrap();
    build(content.path(), out.path()).unwrap();
    let site = tree(out.path());

    set_modified(&content.path().join(SEED), an_hour_ago() + Duration::from_secs(1));
    let touched = build(content.path(), out.path()).unwrap();
    assert!(!touched.up_to_date, "a new time is looked at");
    assert_eq!((touched.sources_parsed, touched.sources_compared), (0, 1));
    assert_eq!(tree(out.path()), site, "and the site is as it was");

    let seed = content.path().join(SEED);
    let text = fs::read_to_string(&seed).unwrap();
    fs::write(&seed, text.replacen("Zusammenarbeit", "Kooperation", 1)).unwrap();
    set_modified(&seed, an_hour_ago() + Duration::from_secs(2));
    let edited = build(content.path(), out.path()).unwrap();
    assert!(!edited.up_to_date);
    assert!(edited.written > 0);
    assert!(change_list(out.path()).contains("api/v2/de/articles/ecf15130d4b083e2.json"));
}

#[test]
fn a_file_of_the_site_that_went_is_built_again() {
    let content = content_copy();
    let out = TempDir::new().unwrap();
    build(content.path(), out.path()).unwrap();
    let site = tree(out.path());

    fs::remove_file(out.path().join("api/v2/de/front.json")).unwrap();
    let rebuilt = build(content.path(), out.path()).unwrap();
    assert!(!rebuilt.up_to_date, "a file removed changes its folder");
    assert_eq!(rebuilt.written, 1);
    assert_eq!(tree(out.path()), site, "the file is back");
}

#[test]
fn the_clock_past_an_editors_choice_expiry_builds_again() {
    // The shipped English lead choice ends at 2025-11-01T00:00:00+08:00;
    // the tests' clock is after it.
    let expiry = Published::parse("2025-11-01T00:00:00+08:00").unwrap();
    let before = Published::parse("2025-10-31T23:59:59+08:00").unwrap();
    let content = content_copy();
    let out = TempDir::new().unwrap();
    let shell = page_shell();
    build_with_pages(content.path(), out.path(), &shell, now()).unwrap();

    let at_expiry = build_with_pages(content.path(), out.path(), &shell, expiry).unwrap();
    assert!(
        at_expiry.up_to_date,
        "from the expiry on, the front page is the same"
    );
    let earlier = build_with_pages(content.path(), out.path(), &shell, before).unwrap();
    assert!(!earlier.up_to_date, "before it, the choice holds");
    assert!(change_list(out.path()).contains("api/v2/en/front.json"));

    let other_shell = page_shell();
    let shell_text = fs::read_to_string(other_shell.path()).unwrap();
    fs::write(
        other_shell.path(),
        shell_text.replace("</head>", "<meta name=\"x\" content=\"y\"></head>"),
    )
    .unwrap();
    let reshelled = build_with_pages(content.path(), out.path(), &other_shell, before).unwrap();
    assert!(!reshelled.up_to_date, "another shell, other pages");
}

#[test]
fn a_source_changed_in_the_second_of_the_build_is_never_trusted_by_its_time() {
    let content = content_copy();
    let out = TempDir::new().unwrap();
    // Within the second the build begins in (or later): it could change
    // again, unseen, with the same size and time.
    set_modified(
        &content.path().join(SEED),
        SystemTime::now() + Duration::from_secs(2),
    );
    build(content.path(), out.path()).unwrap();
    let again = build(content.path(), out.path()).unwrap();
    assert!(!again.up_to_date, "the first build kept no record");
}
