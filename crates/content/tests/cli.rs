//! The content tool as editors and operators run it: the real binary on
//! copies of the shipped content in temporary folders.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

const TOOL: &str = env!("CARGO_BIN_EXE_brnn-content");

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seed_page() -> PathBuf {
    repo().join("tests/fixtures/000_ecf15130d4b083e2.txt")
}

fn run(args: &[&str]) -> Output {
    Command::new(TOOL).args(args).output().expect("the tool runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A copy of the shipped content folder (network.toml and every source).
fn content_copy() -> TempDir {
    let dir = TempDir::new().unwrap();
    copy_tree(&repo().join("content"), dir.path());
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            if entry.file_name() != "generated" {
                copy_tree(&entry.path(), &target);
            }
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every file below `root`, by relative path, with its bytes.
fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut folders = vec![root.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(folder).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                folders.push(p);
            } else {
                let relative = p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
                files.insert(relative, fs::read(&p).unwrap());
            }
        }
    }
    files
}

fn build(content: &Path, out: &Path) -> Output {
    let output = run(&["build", "--content", path(content), "--out", path(out)]);
    assert!(output.status.success(), "{}", stderr(&output));
    output
}

#[test]
fn every_subcommand_has_help() {
    for command in ["import", "check", "build", "generate"] {
        let output = run(&[command, "--help"]);
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success() && text.contains("Usage: brnn-content"),
            "{command}: {text}"
        );
    }
}

#[test]
fn importing_the_seed_page_gives_the_shipped_seed_source() {
    let content = content_copy();
    let target = content.path().join("de/ecf15130d4b083e2.txt");
    fs::remove_file(&target).unwrap();
    let output = run(&["import", "--content", path(content.path()), path(&seed_page())]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        fs::read(&target).unwrap(),
        fs::read(repo().join("content/de/ecf15130d4b083e2.txt")).unwrap()
    );
}

#[test]
fn a_page_it_cannot_understand_is_reported_by_line_and_nothing_is_written() {
    let content = content_copy();
    let pages = TempDir::new().unwrap();
    let good = pages.path().join("001_guter-artikel.txt");
    fs::copy(seed_page(), &good).unwrap();
    let bad = pages.path().join("002_kaputt.txt");
    let text = fs::read_to_string(seed_page())
        .unwrap()
        .replace("Dienstag, 04.", "Freitag, 04.");
    fs::write(&bad, text).unwrap();

    let output = run(&[
        "import",
        "--content",
        path(content.path()),
        path(&good),
        path(&bad),
    ]);
    assert!(!output.status.success());
    let message = stderr(&output);
    assert!(
        message.contains(
            "002_kaputt.txt:7: `Freitag, 04. November 2025` says Freitag, but that day is a Dienstag"
        ),
        "{message}"
    );
    assert!(message.contains("nothing imported"), "{message}");
    assert!(!content.path().join("de/guter-artikel.txt").exists());
}

/// One broken source per kind of problem `check` knows, with the line it must name.
#[test]
fn check_reports_every_problem_with_file_line_and_sentence() {
    let content = content_copy();
    let de = content.path().join("de");
    let seed = fs::read_to_string(de.join("ecf15130d4b083e2.txt")).unwrap();
    let headline = "headline = \"China und Russland streben engere Zusammenarbeit in allen Bereichen an\"\n";
    let broken = [
        ("ohne-titel", seed.replace(headline, "")),
        (
            "falsches-datum",
            seed.replace("2025-11-04T00:00:00+08:00", "\"4. November 2025\""),
        ),
        (
            "unmoeglich",
            seed.replace("2025-11-04T00:00:00+08:00", "\"2025-02-30T08:00:00+08:00\""),
        ),
        (
            "rubrik",
            seed.replace("bri-nachrichten/aktuelles", "bri-nachrichten/sport"),
        ),
        ("leer", seed[..seed.rfind("+++").unwrap() + 4].to_owned()),
        ("wochentag", seed.replace("Dienstag, 04.", "Sonntag, 04.")),
    ];
    for (id, text) in &broken {
        fs::write(de.join(format!("{id}.txt")), text).unwrap();
    }
    fs::create_dir_all(de.join("archiv")).unwrap();
    fs::write(de.join("archiv/ecf15130d4b083e2.txt"), &seed).unwrap();
    let network = content.path().join("network.toml");
    let toml = fs::read_to_string(&network).unwrap();
    fs::write(
        &network,
        format!("{toml}\n[[editions.sections]]\npath = \"dokumente\"\nname = \"Nochmal\"\n"),
    )
    .unwrap();

    let output = run(&["check", "--content", path(content.path())]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    let toml_lines = toml.lines().count();
    let expected = [format!(
        "network.toml:{}: edition `de`: section `dokumente` is listed twice",
        toml_lines + 3
    )];
    // network.toml comes first: without a valid section tree no source can be checked.
    assert!(message.contains(&expected[0]), "{message}");

    fs::write(&network, &toml).unwrap();
    let output = run(&["check", "--content", path(content.path())]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    let expected = [
        "de/ohne-titel.txt:1: the header has no `headline`",
        "de/falsches-datum.txt:4: published: `4. November 2025` is not a timestamp",
        "de/unmoeglich.txt:4: published: `2025-02-30T08:00:00+08:00` names a day that does not exist",
        "de/rubrik.txt:3: unknown section `bri-nachrichten/sport`",
        "de/leer.txt:8: the body is empty",
        "de/wochentag.txt:5: the dateline `Sonntag, 04. November 2025` contradicts published 2025-11-04T00:00:00+08:00",
        "de/ecf15130d4b083e2.txt:1: duplicate article id `ecf15130d4b083e2`",
        "7 problem(s); fix them and check again",
    ];
    for line in expected {
        assert!(message.contains(line), "missing `{line}` in:\n{message}");
    }
}

#[test]
fn check_passes_the_shipped_content() {
    let output = run(&["check", "--content", path(&repo().join("content"))]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("no problems"));
}

#[test]
fn build_is_deterministic_and_rewrites_only_what_changed() {
    let content = content_copy();
    let (first, second) = (TempDir::new().unwrap(), TempDir::new().unwrap());
    build(content.path(), first.path());
    build(content.path(), second.path());
    let files = tree(first.path());
    assert_eq!(files, tree(second.path()));
    for expected in [
        "api/v1/de/edition.json",
        "feeds/de/rss.xml",
        "sitemap.xml",
        "robots.txt",
    ] {
        assert!(files.contains_key(expected), "{expected} missing");
    }

    let again = build(content.path(), first.path());
    assert!(
        stderr(&again).contains(&format!("0 files written, {} unchanged, 0 removed", files.len())),
        "{}",
        stderr(&again)
    );

    // An edited dokumente article changes its own page, its section's and the
    // front page's lists and feeds, the sitemap, and its neighbours' links.
    let edited = content.path().join("de/beispiel-chronik.txt");
    let text = fs::read_to_string(&edited).unwrap();
    fs::write(&edited, text.replacen("headline = \"", "headline = \"Neu: ", 1)).unwrap();
    let after_edit = build(content.path(), first.path());
    let written: usize = stderr(&after_edit)
        .split(" files written")
        .next()
        .and_then(|head| head.rsplit(' ').next())
        .and_then(|count| count.parse().ok())
        .unwrap();
    assert!((1..files.len() / 2).contains(&written), "{}", stderr(&after_edit));

    fs::remove_file(&edited).unwrap();
    let after_delete = build(content.path(), first.path());
    assert!(!first
        .path()
        .join("api/v1/de/articles/beispiel-chronik.json")
        .exists());
    assert!(
        stderr(&after_delete).contains(" removed"),
        "{}",
        stderr(&after_delete)
    );
}

#[test]
fn generate_is_deterministic_marks_its_articles_and_passes_check() {
    let runs: Vec<TempDir> = (0..2).map(|_| TempDir::new().unwrap()).collect();
    for dir in &runs {
        fs::copy(
            repo().join("content/network.toml"),
            dir.path().join("network.toml"),
        )
        .unwrap();
        let output = run(&["generate", "250", "--seed", "42", "--content", path(dir.path())]);
        assert!(output.status.success(), "{}", stderr(&output));
    }
    let files = tree(runs[0].path());
    assert_eq!(files, tree(runs[1].path()));
    let sources: Vec<String> = files
        .iter()
        .filter(|(name, _)| name.ends_with(".txt"))
        .map(|(_, bytes)| String::from_utf8(bytes.clone()).unwrap())
        .collect();
    assert_eq!(sources.len(), 250);
    assert!(sources
        .iter()
        .all(|text| text.contains("headline = \"Beispiel: ") && text.contains("Beispielartikel")));

    let output = run(&["check", "--content", path(runs[0].path())]);
    assert!(
        stderr(&output).contains("250 articles in 1 edition(s), no problems"),
        "{}",
        stderr(&output)
    );

    let other_seed = TempDir::new().unwrap();
    fs::copy(
        repo().join("content/network.toml"),
        other_seed.path().join("network.toml"),
    )
    .unwrap();
    run(&[
        "generate",
        "250",
        "--seed",
        "43",
        "--content",
        path(other_seed.path()),
    ]);
    assert_ne!(tree(other_seed.path()), files);
}
