//! What each file of the site was made from, kept between builds in
//! [`MANIFEST_FILE`], so that a build renders only the files whose inputs
//! changed; and the list of what a build changed, [`CHANGES_FILE`], for an
//! upload step that copies and purges only those files.
//!
//! A file's [`Key`] is a hash of everything it is made from: a document's
//! JSON, or what the articles it shows are made from and this tool's own
//! build (`article_keys.rs`: an article's page, a list page, a day of the
//! archive), or for an HTML page the renderer (the shell, the site's
//! address, this tool's own build), its address and the documents it
//! carries. Equal keys mean equal bytes, so an unchanged key
//! is never rendered again.
//! Without a manifest (a first build, or an output folder another tool
//! wrote) every file is rendered and compared with what is there, as before.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::sync::Arc;

use rustc_hash::FxHashMap;
use sha2::{Digest, Sha256};

/// The build's own folder below the output folder: never served (the
/// deploy configurations refuse it) and never uploaded (it is no change).
pub const BUILD_FOLDER: &str = ".brnn";
/// Below [`BUILD_FOLDER`]: one line per file, its key in hex, a tab, its path.
pub const MANIFEST_FILE: &str = "manifest.tsv";
/// Below [`BUILD_FOLDER`]: the files the last build added (`+`), changed
/// (`~`) and removed (`-`), one per line after the sign and a space, by path.
pub const CHANGES_FILE: &str = "changes.txt";

/// A hash of what a file is made from (128 bits of SHA-256).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key(u128);

impl Key {
    /// The key of `parts`, each hashed with its length so that no two
    /// different lists of parts run together into the same bytes.
    pub fn of(parts: &[&[u8]]) -> Self {
        let mut hasher = Sha256::new();
        for part in parts {
            hasher.update((part.len() as u64).to_le_bytes());
            hasher.update(part);
        }
        let digest = hasher.finalize();
        let mut first = [0; 16];
        first.copy_from_slice(&digest[..16]);
        Key(u128::from_le_bytes(first))
    }

    pub fn bytes(self) -> [u8; 16] {
        self.0.to_le_bytes()
    }
}

impl std::fmt::LowerHex for Key {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::LowerHex::fmt(&self.0, formatter)
    }
}

/// A file's path below the output folder, shared by the manifest and the
/// change list: a full build at a million articles lists 3.5 million files
/// in both, which as two strings each took another 250 MB.
pub type SitePath = Arc<str>;

/// The keys of the files a build left, by path below the output folder.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Manifest(FxHashMap<SitePath, Key>);

impl Manifest {
    /// The manifest the last build below `out` left; empty when there is
    /// none or it cannot be read (every file is then compared instead).
    /// Read a line at a time: at a million articles the file has 270 MB.
    pub fn read(out: &Path) -> Self {
        let Ok(file) = File::open(out.join(BUILD_FOLDER).join(MANIFEST_FILE)) else {
            return Self::default();
        };
        let mut reader = BufReader::with_capacity(1 << 20, file);
        let mut line = String::new();
        let mut entries = FxHashMap::default();
        loop {
            line.clear();
            match reader.read_line(&mut line) {
                Ok(0) => return Self(entries),
                Ok(_) => {}
                Err(_) => return Self::default(),
            }
            let entry = line.strip_suffix('\n').and_then(|line| line.split_once('\t'));
            let Some((key, path)) = entry else {
                // A line that does not read makes the whole manifest untrusted.
                return Self::default();
            };
            let Ok(key) = u128::from_str_radix(key, 16) else {
                return Self::default();
            };
            entries.insert(SitePath::from(path), Key(key));
        }
    }

    pub fn get(&self, path: &str) -> Option<Key> {
        self.0.get(path).copied()
    }

    /// Takes the entry of `path` out: its path and key.
    pub fn take(&mut self, path: &str) -> Option<(SitePath, Key)> {
        self.0.remove_entry(path)
    }

    pub fn insert(&mut self, path: SitePath, key: Key) {
        self.0.insert(path, key);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn contains(&self, path: &str) -> bool {
        self.0.contains_key(path)
    }

    /// The paths, by the folder they are in (`""`: the output folder).
    pub fn by_folder(self) -> HashMap<String, Vec<String>> {
        let mut by_folder: HashMap<String, Vec<String>> = HashMap::new();
        for path in self.0.into_keys() {
            let folder = path.rsplit_once('/').map_or("", |(folder, _)| folder).to_owned();
            by_folder.entry(folder).or_default().push(path.to_string());
        }
        by_folder
    }

    /// The manifest's text, in no particular order: at a million articles
    /// it has some 3.5 million lines, which would take seconds to sort.
    pub fn text(&self) -> String {
        let mut text = String::with_capacity(self.0.len() * 80);
        for (path, Key(key)) in &self.0 {
            let _ = writeln!(text, "{key:032x}\t{path}");
        }
        text
    }
}

/// How a build changed a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    Added,
    Changed,
    Removed,
}

impl Change {
    fn sign(self) -> char {
        match self {
            Change::Added => '+',
            Change::Changed => '~',
            Change::Removed => '-',
        }
    }
}

/// The text of a change list: one line per file, sorted by path.
pub fn changes_text(changes: &[(Change, SitePath)]) -> String {
    let mut sorted: Vec<&(Change, SitePath)> = changes.iter().collect();
    sorted.sort_by(|(a_change, a), (b_change, b)| (a, a_change).cmp(&(b, b_change)));
    let mut text = String::new();
    for (change, path) in sorted {
        let _ = writeln!(text, "{} {path}", change.sign());
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::whole_file::write_whole;

    #[test]
    fn a_manifest_reads_back_what_it_wrote_and_a_damaged_one_is_not_trusted() {
        let out = tempfile::TempDir::new().unwrap();
        let mut manifest = Manifest::default();
        manifest.insert("de/index.html".into(), Key::of(&[b"page"]));
        manifest.insert("api/v2/de/front.json".into(), Key::of(&[b"{}"]));
        write_whole(
            &out.path().join(BUILD_FOLDER).join(MANIFEST_FILE),
            manifest.text(),
        )
        .unwrap();
        assert_eq!(Manifest::read(out.path()), manifest);

        let damaged = format!("{}not a line\n", manifest.text());
        write_whole(&out.path().join(BUILD_FOLDER).join(MANIFEST_FILE), &damaged).unwrap();
        assert_eq!(Manifest::read(out.path()), Manifest::default());
    }

    #[test]
    fn parts_never_run_together() {
        assert_ne!(Key::of(&[b"ab", b"c"]), Key::of(&[b"a", b"bc"]));
        assert_eq!(Key::of(&[b"ab", b"c"]), Key::of(&[b"ab", b"c"]));
    }

    #[test]
    fn a_change_list_is_sorted_by_path_with_a_sign_each() {
        let text = changes_text(&[
            (Change::Removed, "de/article/alt.html".into()),
            (Change::Added, "de/article/neu.html".into()),
            (Change::Changed, "api/v2/de/front.json".into()),
        ]);
        assert_eq!(
            text,
            "~ api/v2/de/front.json\n- de/article/alt.html\n+ de/article/neu.html\n"
        );
    }
}
