//! What the content tool's tests share: the repository's content, copied
//! into temporary folders, and file trees to compare.

// Each test file is its own crate and uses only part of this module.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use brnn_content::build::BuildReport;
use brnn_content::{commands, ProgressBar};
use brnn_model::date::Published;
use tempfile::{NamedTempFile, TempDir};

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The photos' renditions, kept across the tests (and their runs) as the
/// tool keeps them across builds: each sample photo is made once.
pub fn image_cache() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("image-cache")
}

/// The builds' clock: after the shipped English lead choice's expiry.
pub fn now() -> Published {
    Published::parse("2025-11-29T12:00:00+08:00").unwrap()
}

/// The app's index.html as a page shell, its base filled in as Trunk does
/// (`<base href="/">`).
pub fn page_shell() -> NamedTempFile {
    let index = fs::read_to_string(repo().join("index.html")).unwrap();
    let shell = NamedTempFile::new().unwrap();
    fs::write(
        shell.path(),
        index.replace("<base data-trunk-public-url>", r#"<base href="/">"#),
    )
    .unwrap();
    shell
}

/// Builds `content` into `out` without pages, at the tests' clock.
pub fn build(content: &Path, out: &Path) -> Result<BuildReport, commands::Failure> {
    commands::build(
        content,
        out,
        &image_cache(),
        None,
        None,
        now(),
        &ProgressBar::hidden(),
    )
}

/// Builds `content` into `out` with every page, in `shell`, at the clock `now`.
pub fn build_with_pages(
    content: &Path,
    out: &Path,
    shell: &NamedTempFile,
    now: Published,
) -> Result<BuildReport, commands::Failure> {
    commands::build(
        content,
        out,
        &image_cache(),
        None,
        Some(shell.path()),
        now,
        &ProgressBar::hidden(),
    )
}

pub fn seed_page() -> PathBuf {
    repo().join("tests/fixtures/000_ecf15130d4b083e2.txt")
}

/// A copy of the shipped content folder (network.toml and every source,
/// without what `generate` wrote), every file last changed an hour ago:
/// older than any build of a test, so a build trusts their times.
pub fn content_copy() -> TempDir {
    let dir = TempDir::new().unwrap();
    copy_tree(&repo().join("content"), dir.path());
    let mut folders = vec![dir.path().to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                set_modified(&path, an_hour_ago());
            }
        }
    }
    dir
}

pub fn set_modified(file: &Path, time: SystemTime) {
    let handle = fs::File::options().write(true).open(file).unwrap();
    handle.set_modified(time).unwrap();
}

pub fn an_hour_ago() -> SystemTime {
    SystemTime::now() - Duration::from_secs(3600)
}

/// Removes the last build's record of what it was made from below `out`,
/// so that the next build builds even when nothing changed, as it does
/// after a build whose sources' times were too recent to trust.
pub fn forget_last_build(out: &Path) {
    fs::remove_file(
        out.join(brnn_content::build::BUILD_FOLDER)
            .join(brnn_content::up_to_date::FILE),
    )
    .unwrap();
}

/// A content folder with the shipped network.toml and an empty folder for
/// each of its editions.
pub fn empty_content() -> TempDir {
    let dir = TempDir::new().unwrap();
    fs::copy(
        repo().join("content/network.toml"),
        dir.path().join("network.toml"),
    )
    .unwrap();
    let network = brnn_content::network::load(dir.path()).ok().unwrap();
    for config in &network.editions {
        fs::create_dir(dir.path().join(config.edition.id.as_str())).unwrap();
    }
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

/// Every file of the site below `root` (not the build's own folder,
/// `.brnn/`), by relative path, with its bytes.
pub fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut folders = vec![root.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(folder).unwrap() {
            let p = entry.unwrap().path();
            if p == root.join(brnn_content::build::BUILD_FOLDER) {
                continue;
            }
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

/// The change list the differences between the trees `before` and `after` make (`build::CHANGES_FILE`).
pub fn differences(before: &BTreeMap<String, Vec<u8>>, after: &BTreeMap<String, Vec<u8>>) -> String {
    let mut lines = Vec::new();
    for (path, bytes) in after {
        match before.get(path) {
            None => lines.push(format!("+ {path}")),
            Some(old) if old != bytes => lines.push(format!("~ {path}")),
            Some(_) => {}
        }
    }
    lines.extend(
        before
            .keys()
            .filter(|path| !after.contains_key(*path))
            .map(|path| format!("- {path}")),
    );
    lines.sort_by(|a, b| a[2..].cmp(&b[2..]));
    lines.iter().map(|line| format!("{line}\n")).collect()
}

/// Replaces the first `from` in `file` with `to`; `from` must be there.
pub fn edit(file: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(file).unwrap();
    assert!(text.contains(from), "{}: no `{from}`", file.display());
    fs::write(file, text.replacen(from, to, 1)).unwrap();
}

/// Asserts that the site `built` has exactly the files, and the bytes, of
/// `from_nothing` (a build from nothing), naming the `step` and the files that differ.
pub fn assert_same_files(
    built: &BTreeMap<String, Vec<u8>>,
    from_nothing: &BTreeMap<String, Vec<u8>>,
    step: &str,
) {
    let differing: Vec<&String> = from_nothing
        .keys()
        .chain(built.keys())
        .filter(|path| built.get(*path) != from_nothing.get(*path))
        .collect();
    assert!(
        differing.is_empty(),
        "{step}: differs from a build from nothing in {differing:?}"
    );
}
