//! A watching build's publish (`commands::publish`): the sources an editor
//! saved, put into the library the process keeps, and only the files they
//! reach gone through. After every kind of edit the site is exactly what a
//! build from nothing makes, its change list exactly the differences, and
//! the manifest it leaves (written whole or journaled) lets the next build
//! of everything find every file as it is. What a publish cannot take (a
//! move to another section, a deletion, a translation) is built whole.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use brnn_content::build::BuildReport;
use brnn_content::build::{BUILD_FOLDER, CHANGES_FILE, JOURNAL_FILE};
use brnn_content::commands::{self, Failure, KeptBuild};
use brnn_content::up_to_date;
use brnn_content::ProgressBar;
use brnn_model::site::SEARCH_BUNDLES_FILE;
use common::{
    assert_same_files, build_with_pages, content_copy, differences, edit, image_cache, now, page_shell, tree,
};
use tempfile::{NamedTempFile, TempDir};

/// Builds `content` into `out` with its pages in `shell`, keeping what a watching build keeps.
fn build_keeping(
    content: &Path,
    out: &Path,
    shell: &NamedTempFile,
) -> Result<(BuildReport, Option<KeptBuild>), Failure> {
    commands::build_keeping(
        content,
        out,
        &image_cache(),
        None,
        Some(shell.path()),
        now(),
        &ProgressBar::hidden(),
    )
}

fn kept(built: Result<(BuildReport, Option<KeptBuild>), Failure>) -> KeptBuild {
    built.unwrap().1.expect("built, not found up to date")
}

fn article(headline: &str, section: &str, published: &str) -> String {
    format!(
        "+++\nheadline = \"{headline}\"\nsection = \"{section}\"\npublished = {published}\nsource = \"\"\n+++\n\nEin Beispielartikel, als Redaktion veröffentlicht.\n"
    )
}

#[test]
fn a_publish_writes_what_a_build_from_nothing_makes_and_falls_back_to_one_when_it_cannot() {
    let content = content_copy();
    // Enough articles for lists of many pages, an archive of many days and
    // a search index of many bundles, most of which a publish does not go through.
    commands::generate(content.path(), 300, 3, None).unwrap();
    let shell = page_shell();
    let out = TempDir::new().unwrap();
    let mut kept_build = Some(kept(build_keeping(content.path(), out.path(), &shell)));

    let de = content.path().join("de");
    let newest = de.join("beispiel-neueste.txt");
    let backdated = de.join("beispiel-rueckblick.txt");
    let added = de.join("beispiel-dazu.txt");
    let chronicle = de.join("beispiel-chronik.txt");
    let mut years: Vec<PathBuf> = fs::read_dir(de.join("generated"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    years.sort();
    let mut old_ones: Vec<PathBuf> = fs::read_dir(&years[1])
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    old_ones.sort();
    let (old, older) = (old_ones[0].clone(), old_ones[1].clone());
    // Each edit, the paths a watch would see change, and whether a publish takes it.
    type Step<'a> = (&'a str, Vec<PathBuf>, bool, Box<dyn Fn() + 'a>);
    let steps: Vec<Step> = vec![
        (
            "add the newest",
            vec![newest.clone()],
            true,
            Box::new(|| {
                fs::write(
                    &newest,
                    article(
                        "Beispiel: Das Neueste",
                        "bri-nachrichten/aktuelles",
                        "2025-11-04T10:00:00+08:00",
                    ),
                )
                .unwrap()
            }),
        ),
        (
            "add one of last month",
            vec![backdated.clone()],
            true,
            Box::new(|| {
                fs::write(
                    &backdated,
                    article(
                        "Beispiel: Ein Rückblick",
                        "dokumente",
                        "2025-10-15T09:00:00+08:00",
                    ),
                )
                .unwrap()
            }),
        ),
        (
            "edit",
            vec![chronicle.clone()],
            true,
            Box::new(|| edit(&chronicle, "Umlaute wie", "Sonderzeichen wie")),
        ),
        (
            "correct an old article",
            vec![old.clone()],
            true,
            Box::new(|| {
                edit(&old, "headline = \"", "headline = \"Korrigiert: ");
                edit(&old, "+++\n\n", "+++\n\nKorrektur: ");
            }),
        ),
        (
            "correct one and add one",
            vec![older.clone(), added.clone()],
            true,
            Box::new(|| {
                edit(&older, "headline = \"", "headline = \"Korrigiert: ");
                fs::write(
                    &added,
                    article(
                        "Beispiel: Das Neueste",
                        "bri-nachrichten/aktuelles",
                        "2025-11-04T11:00:00+08:00",
                    ),
                )
                .unwrap();
            }),
        ),
        (
            "move to another section",
            vec![chronicle.clone()],
            false,
            Box::new(|| {
                edit(
                    &chronicle,
                    "section = \"dokumente\"",
                    "section = \"bri-nachrichten/aktuelles\"",
                )
            }),
        ),
        (
            "delete",
            vec![backdated.clone()],
            false,
            Box::new(|| fs::remove_file(&backdated).unwrap()),
        ),
        (
            "a folder",
            vec![de.join("2025")],
            false,
            Box::new(|| {
                fs::create_dir(de.join("2025")).unwrap();
                fs::write(
                    de.join("2025/beispiel-ordner.txt"),
                    article("Beispiel: Im Ordner", "dokumente", "2025-11-03T09:00:00+08:00"),
                )
                .unwrap();
            }),
        ),
        (
            "a source with a problem",
            vec![newest.clone()],
            false,
            Box::new(|| {
                edit(
                    &newest,
                    "section = \"bri-nachrichten/aktuelles\"",
                    "section = \"nirgends\"",
                )
            }),
        ),
        (
            "after another build of the site, with a new page shell",
            vec![newest.clone()],
            false,
            Box::new(|| {
                let text = fs::read_to_string(shell.path()).unwrap();
                fs::write(
                    shell.path(),
                    text.replace("</head>", "<meta name=\"x-shell\" content=\"2\"></head>"),
                )
                .unwrap();
                // As Trunk's hook builds it beside the watching build.
                build_with_pages(content.path(), out.path(), &shell, now()).unwrap();
                edit(&newest, "Ein Beispielartikel", "Ein neuer Beispielartikel");
            }),
        ),
        (
            "retitle",
            vec![chronicle.clone()],
            true,
            Box::new(|| edit(&chronicle, "Chronik der ersten Jahre", "Chronik der Gründerjahre")),
        ),
        (
            "save through a temporary file",
            vec![
                de.join(".beispiel-neueste.txt.swp"),
                de.join("beispiel-neueste.txt~"),
                newest.clone(),
            ],
            true,
            Box::new(|| {
                fs::write(de.join("beispiel-neueste.txt~"), "").unwrap();
                edit(&newest, "Das Neueste", "Das Allerneueste");
            }),
        ),
    ];
    for (step, paths, published, apply) in steps {
        let before = tree(out.path());
        apply();
        let changed: BTreeSet<PathBuf> = paths.into_iter().collect();
        let publish = commands::publish(
            kept_build.take().unwrap(),
            content.path(),
            out.path(),
            &changed,
            now(),
            &ProgressBar::hidden(),
        )
        .unwrap();
        assert_eq!(publish.is_some(), published, "{step}: published, not built whole");
        kept_build = match publish {
            Some((report, kept)) => {
                let listed = fs::read_to_string(out.path().join(BUILD_FOLDER).join(CHANGES_FILE)).unwrap();
                let removed: Vec<&str> = listed.lines().filter(|line| line.starts_with("- ")).collect();
                assert_eq!(report.removed, removed.len());
                let gone_through = report.written + report.unchanged;
                assert!(
                    gone_through * 2 < before.len(),
                    "{step}: went through {gone_through} of {} files",
                    before.len()
                );
                assert!(
                    removed.iter().all(|line| line.starts_with("- pagefind/")),
                    "{step}: a publish removes only what it builds anew of the search index: {removed:?}"
                );
                Some(kept)
            }
            None => {
                match build_keeping(content.path(), out.path(), &shell) {
                    Ok((_, kept)) => kept,
                    // The problem is the editor's to fix; the site stays as it was.
                    Err(_) => {
                        assert_eq!(tree(out.path()), before, "{step}: the site as it was");
                        edit(
                            &newest,
                            "section = \"nirgends\"",
                            "section = \"bri-nachrichten/aktuelles\"",
                        );
                        Some(kept(build_keeping(content.path(), out.path(), &shell)))
                    }
                }
            }
        };
        let after = tree(out.path());

        let fresh = TempDir::new().unwrap();
        build_keeping(content.path(), fresh.path(), &shell).unwrap();
        assert_same_files(&after, &tree(fresh.path()), step);
        if published {
            let listed = fs::read_to_string(out.path().join(BUILD_FOLDER).join(CHANGES_FILE)).unwrap();
            assert_eq!(listed, differences(&before, &after), "{step}: the change list");
            assert!(
                out.path().join(BUILD_FOLDER).join(JOURNAL_FILE).exists(),
                "{step}: the manifest's changes journaled"
            );
        }
    }

    // The manifest as the publishes left it: the next build of everything
    // finds every file made from what it is made from now.
    kept_build.take();
    let before = tree(out.path());
    assert!(
        !out.path().join(BUILD_FOLDER).join(up_to_date::FILE).exists(),
        "a publish removes the record of the last build's inputs"
    );
    let (report, _) = build_keeping(content.path(), out.path(), &shell).unwrap();
    assert_eq!((report.written, report.removed), (0, 0));
    // The search index's bundles are kept by their fingerprints, not file by file.
    let search_files = before
        .keys()
        .filter(|path| path.starts_with("pagefind/") && !path.ends_with(SEARCH_BUNDLES_FILE))
        .count();
    assert_eq!(
        report.not_rendered + search_files,
        report.unchanged,
        "no file rendered again"
    );
    assert_eq!(tree(out.path()), before);
}
