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
use std::fs::{File, OpenOptions};
use std::hash::BuildHasher;
use std::io::{self, BufRead, BufReader, Write};
use std::path::Path;
use std::time::SystemTime;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;
use sha2::{Digest, Sha256};

use crate::whole_file::write_whole_with;

/// The build's own folder below the output folder: never served (the
/// deploy configurations refuse it) and never uploaded (it is no change).
pub const BUILD_FOLDER: &str = ".brnn";
/// Below [`BUILD_FOLDER`]: one line per file, its key in hex, a tab, its path.
pub const MANIFEST_FILE: &str = "manifest.tsv";
/// Below [`BUILD_FOLDER`]: what the builds of a watching process changed
/// in the manifest since it was written whole, one line per file in the
/// order they came: its key and path as in the manifest, or `-`, a tab and
/// its path for a file the manifest no longer knows. At a million articles
/// the manifest takes a second to write; a publish changes a few dozen lines.
pub const JOURNAL_FILE: &str = "manifest-journal.tsv";
/// Below [`BUILD_FOLDER`]: the files the last build added (`+`), changed
/// (`~`) and removed (`-`), one per line after the sign and a space, by path.
pub const CHANGES_FILE: &str = "changes.txt";

/// A hash of what a file is made from (128 bits of SHA-256), in bytes:
/// as a `u128` it would be aligned to 16 bytes, and a manifest's entry
/// with its path would take 32 bytes instead of 24 (at a million articles,
/// 3.5 million entries).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key([u8; 16]);

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
        Key(first)
    }

    pub fn bytes(self) -> [u8; 16] {
        self.0
    }
}

impl std::fmt::LowerHex for Key {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::LowerHex::fmt(&u128::from_le_bytes(self.0), formatter)
    }
}

/// Every path below the output folder that a build names, one after
/// another in strings of [`CHUNK`] bytes, shared by the manifests and the
/// change list: a full build at a million articles names 3.5 million
/// files, which as a string each took some 30 B more apiece, and as many
/// again in the change list. The strings never move: one string grown by
/// doubling holds its old bytes beside the new while it moves them (up to
/// 128 MB at a million articles).
#[derive(Debug, Default)]
pub struct SitePaths(Vec<String>);

/// A path of [`SitePaths`]: its string, where it starts there, and its
/// length in the lowest [`LENGTH_BITS`] bits; the highest [`SPARE_BITS`]
/// are 0 (a [`ChangeList`] says there how the file changed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SitePath(u64);

const LENGTH_BITS: u32 = 16;
const START_BITS: u32 = 20;
const SPARE_BITS: u32 = 2;
/// Strings of [`CHUNK`] bytes: 64 TB of paths.
const CHUNK_BITS: u32 = u64::BITS - SPARE_BITS - START_BITS - LENGTH_BITS;
/// The bytes of each string of [`SitePaths`]: room for 16 of the longest paths.
const CHUNK: usize = 1 << START_BITS;

impl SitePaths {
    /// Keeps `path`; an error if it is longer than any file system's paths.
    pub fn add(&mut self, path: &str) -> io::Result<SitePath> {
        let length = u64::try_from(path.len())
            .ok()
            .filter(|length| *length < 1 << LENGTH_BITS)
            .ok_or_else(|| io::Error::other(format!("a path of {} bytes is too long", path.len())))?;
        if self.0.last().is_none_or(|chunk| chunk.len() + path.len() > CHUNK) {
            if self.0.len() == 1 << CHUNK_BITS {
                return Err(io::Error::other("the site's paths take more than 64 TB"));
            }
            self.0.push(String::with_capacity(CHUNK));
        }
        let chunk = self.0.len() - 1;
        let start = self.0[chunk].len();
        self.0[chunk].push_str(path);
        let at = ((chunk as u64) << START_BITS | start as u64) << LENGTH_BITS;
        Ok(SitePath(at | length))
    }

    pub fn get(&self, path: SitePath) -> &str {
        let length = (path.0 & ((1 << LENGTH_BITS) - 1)) as usize;
        let start = ((path.0 >> LENGTH_BITS) & ((1 << START_BITS) - 1)) as usize;
        let chunk = (path.0 >> (LENGTH_BITS + START_BITS)) as usize;
        &self.0[chunk][start..start + length]
    }
}

fn hash(path: &str) -> u64 {
    FxBuildHasher.hash_one(path)
}

/// The keys of the files a build left, by path below the output folder
/// (in [`SitePaths`], which every call names).
#[derive(Debug, Default)]
pub struct Manifest(HashTable<(SitePath, Key)>);

impl Manifest {
    /// The manifest the last build below `out` left, with its journal
    /// ([`JOURNAL_FILE`]) applied; empty when there is none or it cannot
    /// be read (every file is then compared instead). Read a line at a
    /// time: at a million articles the file has 270 MB.
    pub fn read(out: &Path, paths: &mut SitePaths) -> Self {
        let folder = out.join(BUILD_FOLDER);
        let mut manifest = Self::default();
        let read = manifest.read_lines(&folder.join(MANIFEST_FILE), paths, false)
            && match File::open(folder.join(JOURNAL_FILE)) {
                Ok(_) => manifest.read_lines(&folder.join(JOURNAL_FILE), paths, true),
                Err(error) => error.kind() == io::ErrorKind::NotFound,
            };
        match read {
            true => manifest,
            false => Self::default(),
        }
    }

    /// Reads the lines of `file` into the manifest, as [`MANIFEST_FILE`]
    /// has them, or as a `journal`, whose lines replace and remove
    /// entries; false when a line does not read (or, but in a journal,
    /// lists a path twice), which makes the whole manifest untrusted.
    fn read_lines(&mut self, file: &Path, paths: &mut SitePaths, journal: bool) -> bool {
        let Ok(file) = File::open(file) else {
            return false;
        };
        let mut reader = BufReader::with_capacity(1 << 20, file);
        let mut line = String::new();
        loop {
            line.clear();
            match reader.read_line(&mut line) {
                Ok(0) => return true,
                Ok(_) => {}
                Err(_) => return false,
            }
            let Some((key, path)) = line.strip_suffix('\n').and_then(|line| line.split_once('\t')) else {
                return false;
            };
            let replaced = self.take(paths, path);
            if replaced.is_some() && !journal {
                return false;
            }
            if journal && key == "-" {
                continue;
            }
            let Ok(key) = u128::from_str_radix(key, 16) else {
                return false;
            };
            let path = match replaced {
                Some((kept, _)) => kept,
                None => match paths.add(path) {
                    Ok(path) => path,
                    Err(_) => return false,
                },
            };
            self.insert(paths, path, Key(key.to_le_bytes()));
        }
    }

    pub fn get(&self, paths: &SitePaths, path: &str) -> Option<Key> {
        self.0
            .find(hash(path), |(kept, _)| paths.get(*kept) == path)
            .map(|(_, key)| *key)
    }

    /// Takes the entry of `path` out: its path and key.
    pub fn take(&mut self, paths: &SitePaths, path: &str) -> Option<(SitePath, Key)> {
        let found = self
            .0
            .find_entry(hash(path), |(kept, _)| paths.get(*kept) == path);
        found.ok().map(|entry| entry.remove().0)
    }

    /// Adds `path`'s key; `path` must not be in the manifest yet.
    pub fn insert(&mut self, paths: &SitePaths, path: SitePath, key: Key) {
        self.0
            .insert_unique(hash(paths.get(path)), (path, key), |(kept, _)| {
                hash(paths.get(*kept))
            });
    }

    /// An empty manifest with room for `files` without growing: at a
    /// million articles, growing by doubling held the old table beside the new.
    pub fn with_room_for(files: usize) -> Self {
        Manifest(HashTable::with_capacity(files))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn contains(&self, paths: &SitePaths, path: &str) -> bool {
        self.get(paths, path).is_some()
    }

    /// The paths, by the folder they are in (`""`: the output folder).
    pub fn by_folder(self, paths: &SitePaths) -> HashMap<String, Vec<String>> {
        let mut by_folder: HashMap<String, Vec<String>> = HashMap::new();
        for (path, _) in self.0 {
            let path = paths.get(path);
            let folder = path.rsplit_once('/').map_or("", |(folder, _)| folder).to_owned();
            by_folder.entry(folder).or_default().push(path.to_owned());
        }
        by_folder
    }

    /// Writes the manifest whole below the build folder `folder`, in no
    /// particular order (at a million articles it has some 3.5 million
    /// lines, which would take seconds to sort), and removes the journal
    /// it holds.
    pub fn write(&self, paths: &SitePaths, folder: &Path) -> io::Result<()> {
        write_whole_with(&folder.join(MANIFEST_FILE), |file| {
            self.0
                .iter()
                .try_for_each(|(path, key)| writeln!(file, "{key:032x}\t{}", paths.get(*path)))
        })?;
        remove_if_there(&folder.join(JOURNAL_FILE))
    }

    /// Forgets the manifest below the build folder `folder`, journal and
    /// all: before a build replaces files, so that a build stopped midway
    /// leaves no key of a file that has other bytes.
    pub fn forget(folder: &Path) -> io::Result<()> {
        remove_if_there(&folder.join(MANIFEST_FILE))?;
        remove_if_there(&folder.join(JOURNAL_FILE))
    }

    /// Adds to the journal below the build folder `folder` each of
    /// `entries`: the path's key, or (`None`) that it is no longer known.
    pub fn journal(
        folder: &Path,
        paths: &SitePaths,
        entries: impl IntoIterator<Item = (SitePath, Option<Key>)>,
    ) -> io::Result<()> {
        let mut lines = String::new();
        for (path, key) in entries {
            match key {
                Some(key) => lines.push_str(&format!("{key:032x}")),
                None => lines.push('-'),
            }
            lines.push('\t');
            lines.push_str(paths.get(path));
            lines.push('\n');
        }
        let mut journal = OpenOptions::new()
            .create(true)
            .append(true)
            .open(folder.join(JOURNAL_FILE))?;
        journal.write_all(lines.as_bytes())
    }

    /// Its entries, taken out of it.
    pub fn drain(&mut self) -> impl Iterator<Item = (SitePath, Key)> + '_ {
        self.0.drain()
    }
}

/// The manifest's file as a build of everything left it: its time and size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ManifestStamp(SystemTime, u64);

impl ManifestStamp {
    /// That of the site at `out`; `None` without a manifest.
    pub fn of(out: &Path) -> Option<Self> {
        let metadata = std::fs::metadata(out.join(BUILD_FOLDER).join(MANIFEST_FILE)).ok()?;
        Some(ManifestStamp(metadata.modified().ok()?, metadata.len()))
    }
}

fn remove_if_there(file: &Path) -> io::Result<()> {
    match std::fs::remove_file(file) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => Err(error),
        _ => Ok(()),
    }
}

/// How a build changed a file; the number is what a [`ChangeList`] keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    Added = 0,
    Changed = 1,
    Removed = 2,
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

/// What a build added, changed and removed: each file's path (in
/// [`SitePaths`]) and how, in 8 bytes, the change in the path's spare
/// bits. A full build at a million articles lists 3.5 million files,
/// which as pairs took 16 bytes each.
#[derive(Debug, Default)]
pub struct ChangeList(Vec<u64>);

const CHANGE_SHIFT: u32 = u64::BITS - SPARE_BITS;

/// The path of a [`ChangeList`]'s entry: without the change in its spare bits.
fn path_of(packed: u64) -> SitePath {
    SitePath(packed & ((1 << CHANGE_SHIFT) - 1))
}

impl ChangeList {
    pub fn push(&mut self, change: Change, path: SitePath) {
        self.0.push((change as u64) << CHANGE_SHIFT | path.0);
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The path of the `index`th change, in the order they were pushed.
    pub fn path(&self, index: usize) -> SitePath {
        path_of(self.0[index])
    }

    /// The paths of the changes from the `first`th on, in the order they were pushed.
    pub fn paths_from(&self, first: usize) -> impl Iterator<Item = SitePath> + '_ {
        (first..self.len()).map(|index| self.path(index))
    }

    fn change(&self, index: usize) -> Change {
        match self.0[index] >> CHANGE_SHIFT {
            0 => Change::Added,
            1 => Change::Changed,
            _ => Change::Removed,
        }
    }

    /// Writes the list to `file`: one line per file, sorted by path (sorted
    /// where it is, not copied: at a million articles a copy took 85 MB).
    pub fn write(mut self, paths: &SitePaths, file: &Path) -> io::Result<()> {
        self.0
            .sort_unstable_by(|one, other| paths.get(path_of(*one)).cmp(paths.get(path_of(*other))));
        write_whole_with(file, |file| {
            (0..self.len()).try_for_each(|index| {
                let (change, path) = (self.change(index), self.path(index));
                writeln!(file, "{} {}", change.sign(), paths.get(path))
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::whole_file::write_whole;

    /// The manifest's entries, sorted by path.
    fn entries(manifest: &Manifest, paths: &SitePaths) -> Vec<(String, Key)> {
        let mut entries: Vec<_> = manifest
            .0
            .iter()
            .map(|(path, key)| (paths.get(*path).to_owned(), *key))
            .collect();
        entries.sort();
        entries
    }

    #[test]
    fn a_manifest_reads_back_what_it_wrote_and_a_damaged_one_is_not_trusted() {
        let out = tempfile::TempDir::new().unwrap();
        let file = out.path().join(BUILD_FOLDER).join(MANIFEST_FILE);
        let mut paths = SitePaths::default();
        let mut manifest = Manifest::default();
        for (path, made_from) in [
            ("de/index.html", b"page".as_slice()),
            ("api/v2/de/front.json", b"{}".as_slice()),
        ] {
            let path = paths.add(path).unwrap();
            manifest.insert(&paths, path, Key::of(&[made_from]));
        }
        manifest.write(&paths, &out.path().join(BUILD_FOLDER)).unwrap();
        let mut read_paths = SitePaths::default();
        let read = Manifest::read(out.path(), &mut read_paths);
        assert_eq!(entries(&read, &read_paths), entries(&manifest, &paths));
        assert_eq!(read.get(&read_paths, "de/index.html"), Some(Key::of(&[b"page"])));
        assert!(!read.contains(&read_paths, "de/other.html"));

        let text = std::fs::read_to_string(&file).unwrap();
        let first_line = text.lines().next().unwrap();
        for damaged in [format!("{text}not a line\n"), format!("{text}{first_line}\n")] {
            write_whole(&file, &damaged).unwrap();
            assert!(
                Manifest::read(out.path(), &mut SitePaths::default()).is_empty(),
                "{damaged}"
            );
        }
    }

    #[test]
    fn a_journal_replaces_and_removes_entries_and_writing_the_manifest_whole_ends_it() {
        let out = tempfile::TempDir::new().unwrap();
        let folder = out.path().join(BUILD_FOLDER);
        let mut paths = SitePaths::default();
        let mut manifest = Manifest::default();
        let [a, b, c] = ["a.json", "b.json", "c.json"].map(|name| paths.add(name).unwrap());
        for path in [a, b] {
            manifest.insert(&paths, path, Key::of(&[b"old"]));
        }
        manifest.write(&paths, &folder).unwrap();
        Manifest::journal(&folder, &paths, [(a, None), (b, None)]).unwrap();
        Manifest::journal(
            &folder,
            &paths,
            [(a, Some(Key::of(&[b"new"]))), (c, Some(Key::of(&[b"c"])))],
        )
        .unwrap();
        let mut read_paths = SitePaths::default();
        let read = Manifest::read(out.path(), &mut read_paths);
        assert_eq!(
            entries(&read, &read_paths),
            [
                ("a.json".to_owned(), Key::of(&[b"new"])),
                ("c.json".to_owned(), Key::of(&[b"c"]))
            ],
            "b forgotten, a replaced, c added"
        );

        let journal = folder.join(JOURNAL_FILE);
        let text = std::fs::read_to_string(&journal).unwrap();
        write_whole(&journal, &text[..text.len() - 3]).unwrap();
        assert!(
            Manifest::read(out.path(), &mut SitePaths::default()).is_empty(),
            "a line cut short"
        );
        read.write(&read_paths, &folder).unwrap();
        assert!(!journal.exists());
        assert_eq!(Manifest::read(out.path(), &mut SitePaths::default()).len(), 2);
        Manifest::forget(&folder).unwrap();
        assert!(Manifest::read(out.path(), &mut SitePaths::default()).is_empty());
    }

    #[test]
    fn a_path_is_kept_whole_or_refused_when_no_file_system_has_one_that_long() {
        let mut paths = SitePaths::default();
        let first = paths.add("de/index.html").unwrap();
        let second = paths.add("").unwrap();
        let third = paths.add("api/v2/de/front.json").unwrap();
        assert_eq!(
            [paths.get(first), paths.get(second), paths.get(third)],
            ["de/index.html", "", "api/v2/de/front.json"]
        );
        let error = paths.add(&"a/".repeat(40_000)).unwrap_err();
        assert_eq!(error.to_string(), "a path of 80000 bytes is too long");
        // Paths beyond the first string's room go to the next, whole.
        let longest = "x".repeat((1 << LENGTH_BITS) - 1);
        let added: Vec<SitePath> = (0..40).map(|_| paths.add(&longest).unwrap()).collect();
        let last = paths.add("de/article/a/index.html").unwrap();
        assert!(paths.0.len() > 1, "more than one string");
        assert!(added.iter().all(|path| paths.get(*path) == longest));
        assert_eq!(paths.get(first), "de/index.html");
        assert_eq!(paths.get(last), "de/article/a/index.html");
    }

    #[test]
    fn taking_an_entry_leaves_the_others() {
        let mut paths = SitePaths::default();
        let mut manifest = Manifest::default();
        for name in ["a.json", "b.json"] {
            let path = paths.add(name).unwrap();
            manifest.insert(&paths, path, Key::of(&[name.as_bytes()]));
        }
        let (taken, key) = manifest.take(&paths, "a.json").unwrap();
        assert_eq!((paths.get(taken), key), ("a.json", Key::of(&[b"a.json"])));
        assert_eq!(manifest.take(&paths, "a.json"), None);
        assert_eq!(
            entries(&manifest, &paths),
            [("b.json".to_owned(), Key::of(&[b"b.json"]))]
        );
    }

    #[test]
    fn parts_never_run_together() {
        assert_ne!(Key::of(&[b"ab", b"c"]), Key::of(&[b"a", b"bc"]));
        assert_eq!(Key::of(&[b"ab", b"c"]), Key::of(&[b"ab", b"c"]));
    }

    #[test]
    fn a_change_list_is_sorted_by_path_with_a_sign_each() {
        let out = tempfile::TempDir::new().unwrap();
        let file = out.path().join(CHANGES_FILE);
        let mut paths = SitePaths::default();
        let mut changes = ChangeList::default();
        for (change, path) in [
            (Change::Removed, "de/article/alt.html"),
            (Change::Added, "de/article/neu.html"),
            (Change::Changed, "api/v2/de/front.json"),
        ] {
            changes.push(change, paths.add(path).unwrap());
        }
        assert_eq!(paths.get(changes.path(1)), "de/article/neu.html");
        changes.write(&paths, &file).unwrap();
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            "~ api/v2/de/front.json\n- de/article/alt.html\n+ de/article/neu.html\n"
        );
    }
}
