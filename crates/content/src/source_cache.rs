//! The sources the last build parsed, kept in the build's own folder
//! ([`FILE`] below `<out>/.brnn/`), so that a build reads and parses again
//! only the sources that changed. `build` alone keeps one; `check` parses
//! everything.
//!
//! A source is taken from the cache when its size and modification time
//! (nanoseconds) are those recorded, without reading it; otherwise it is
//! read, and when its text hashes (SHA-256) as recorded, its parse is still
//! taken (a file touched, or copied with new times) and its new time
//! recorded; otherwise it is parsed. As git does with its index, a time is
//! only trusted when it is older than the cache itself: in an earlier
//! second than the one the build that wrote the cache began in (before it
//! read any time). A file changed in that second or later could have
//! changed again since with the same size and time, so it is hashed.
//!
//! Only sources that parse without a problem are kept, so a source with
//! problems is parsed and reported by every build, the same problems. The
//! cache is only ever a shortcut: one that is missing, unreadable, damaged,
//! written by another build of this tool or for another content folder is
//! ignored, and everything is parsed.
//!
//! The cache is [`SHARDS`] files (`sources/<xx>.bin`), a source in the one
//! its path's hash picks, so that a changed source rewrites a 256th of it,
//! not all of it (at a million articles, some 1.6 MB instead of 400 MB). Each
//! file: one line of text, what wrote it (this format, this tool's own
//! build, the content folder), the second its build began (8 bytes), then
//! one record per source, sorted by path:
//! its path below the content folder, what its parse depends on besides
//! the text (the edition's language), size, time, hash and the parse as
//! the library keeps it, without its body (`stored.rs`, MessagePack), each
//! with its length. A file is written whole
//! or not at all, last, and only when something in it changed.
//!
//! No parse waits in memory: each file is read once for its records'
//! places, and a kept parse is read from its place when it is asked for;
//! a new parse waits in a file beside them ([`NEW_PARSES`]) until the
//! files are written. At a million articles that is 400 MB of memory less,
//! for a few seconds of system calls.

mod stored;

use std::fs::{self, File, Metadata};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use rustc_hash::FxHashMap;
use sha2::{Digest, Sha256};

use crate::article_source::ParsedSource;
use crate::file_time::modified_ns;
use crate::problem::Problem;
use crate::this_build::this_build;
use crate::whole_file::write_whole;
use stored::StoredSource;

/// The cache's folder below the build's folder.
pub const FOLDER: &str = "sources";
/// The first word of its files' first line, with the version of their format.
const FORMAT: &str = "brnn-content-sources 4";
/// How many files the cache is split into, each named by its number in hex.
pub const SHARDS: usize = 256;
/// Where a build's new parses wait, in the cache's folder, until its files are written.
const NEW_PARSES: &str = "new-parses.tmp";

/// A source's parse, and the SHA-256 of the text it was parsed from.
pub type Parsed = (ParsedSource, [u8; 32]);

/// A source file's size and modification time, in nanoseconds since the
/// epoch (0 when the system does not tell it: never trusted then).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    size: u64,
    modified: u64,
}

impl Stamp {
    fn of(metadata: &Metadata) -> Self {
        Stamp {
            size: metadata.len(),
            modified: modified_ns(metadata),
        }
    }
}

/// One source as the cache records it.
#[derive(Clone)]
struct Entry {
    context: String,
    stamp: Stamp,
    hash: [u8; 32],
    payload: Payload,
}

#[derive(Clone)]
enum Payload {
    /// The encoded parse, at this range of the file the cache was read from.
    Kept(Range<u64>),
    /// The encoded parse of a source parsed by this build, at this range of [`NewParses`].
    New(Range<u64>),
}

/// The parses of this build, encoded one after another in a file of
/// their own ([`NEW_PARSES`]), made when the first is put.
struct NewParses {
    path: PathBuf,
    file: Option<io::BufWriter<File>>,
    length: u64,
    /// A put failed: the file may hold part of its bytes, so no later
    /// parse is put after them (its range would be off).
    failed: bool,
}

impl NewParses {
    /// Appends `bytes`; their range, or `None` when the file cannot be
    /// made or written (that parse and every later one are then not kept:
    /// the cache is only a shortcut).
    fn put(&mut self, bytes: &[u8]) -> Option<Range<u64>> {
        if self.failed {
            return None;
        }
        let range = self.append(bytes);
        self.failed = range.is_none();
        range
    }

    fn append(&mut self, bytes: &[u8]) -> Option<Range<u64>> {
        if self.file.is_none() {
            fs::create_dir_all(self.path.parent()?).ok()?;
            let file = File::options()
                .read(true)
                .write(true)
                .create(true)
                .truncate(true)
                .open(&self.path)
                .ok()?;
            self.file = Some(io::BufWriter::new(file));
        }
        self.file.as_mut()?.write_all(bytes).ok()?;
        let start = self.length;
        self.length += bytes.len() as u64;
        Some(start..self.length)
    }

    /// The file, everything put written into it.
    fn written(&mut self) -> io::Result<Option<&File>> {
        match &mut self.file {
            Some(file) => {
                file.flush()?;
                Ok(Some(file.get_ref()))
            }
            None => Ok(None),
        }
    }

    fn remove(self) {
        if self.file.is_some() {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// The bytes of `file` at `range`.
fn read_range(file: &File, range: &Range<u64>) -> io::Result<Vec<u8>> {
    let mut file = file;
    let mut bytes = vec![0; usize::try_from(range.end - range.start).map_err(io::Error::other)?];
    file.seek(SeekFrom::Start(range.start))?;
    file.read_exact(&mut bytes)?;
    Ok(bytes)
}

/// The cache a build reads sources through.
pub struct SourceCache {
    /// The content folder as the build names it: entries are keyed by the path below it.
    content: PathBuf,
    /// The first line of each file, as this build would write it.
    header: String,
    /// When the cache was opened, in whole seconds since the epoch.
    opened: u64,
    shards: Vec<Shard>,
    new_parses: NewParses,
    /// Sizes and times a look through the content folder took just before
    /// (`up_to_date::Inputs`), by path as entries are keyed: not asked of
    /// the file system again. A source changed since has a newer time than
    /// its entry then records, and is hashed by the next build.
    looked_up: FxHashMap<String, Stamp>,
    parsed: usize,
    reused: usize,
    /// Of the reused, those read to compare their text.
    compared: usize,
}

/// One of the cache's files, as read and as this build leaves it.
struct Shard {
    /// The file as read, which the kept entries' payloads lie in (`None`: none to read).
    file: Option<File>,
    /// The file's entries that no source has asked for yet, by path.
    previous: FxHashMap<String, Entry>,
    /// When the build that wrote the file began, in whole seconds since
    /// the epoch: every time it recorded was read after that.
    written: u64,
    /// The entries this build keeps, by path.
    next: Vec<(String, Entry)>,
    /// Whether the file should be written again.
    changed: bool,
}

impl Shard {
    /// The shard in the file at `path`, if it starts with `header` and
    /// every record reads; else an empty one, which only a source parsed
    /// into it makes worth writing.
    fn read(path: &Path, header: &str) -> Self {
        let read = File::open(path).and_then(|mut file| {
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes)?;
            Ok((file, bytes))
        });
        let found = read
            .ok()
            .and_then(|(file, bytes)| Some((file, entries(&bytes, header.as_bytes())?)));
        match found {
            Some((file, (written, previous))) => Shard {
                file: Some(file),
                previous,
                written,
                next: Vec::new(),
                changed: false,
            },
            None => Shard {
                file: None,
                previous: FxHashMap::default(),
                written: 0,
                next: Vec::new(),
                changed: false,
            },
        }
    }

    fn changed(&self) -> bool {
        self.changed || !self.previous.is_empty()
    }

    /// Whether a source's time tells it unchanged: known, and in a second
    /// before the one the build that wrote this file began in.
    fn trusted(&self, stamp: Stamp) -> bool {
        stamp.modified != 0 && stamp.modified / 1_000_000_000 < self.written
    }

    /// The bytes of the file as read at `range`.
    fn read_kept(&self, range: &Range<u64>) -> io::Result<Vec<u8>> {
        read_range(self.file.as_ref().ok_or(io::ErrorKind::NotFound)?, range)
    }

    /// The parse of an entry of the file as read; `None` if it cannot be
    /// read back (the file changed, or is damaged). A new parse is never
    /// looked up: only the file's entries are.
    fn decode(&self, payload: &Payload) -> Option<ParsedSource> {
        let Payload::Kept(range) = payload else {
            return None;
        };
        let stored: StoredSource = rmp_serde::from_slice(&self.read_kept(range).ok()?).ok()?;
        stored.into_parsed().ok()
    }

    /// The file as this build leaves it, beginning with `header` and
    /// `opened`; the new parses are read from `new_parses`.
    fn encode(&self, header: &str, opened: u64, new_parses: Option<&File>) -> io::Result<Vec<u8>> {
        let mut next: Vec<&(String, Entry)> = self.next.iter().collect();
        next.sort_unstable_by(|(a, _), (b, _)| a.cmp(b));
        // The kept parses, read in one go: the file as read, whole.
        let kept = match &self.file {
            Some(file) => self.read_kept(&(0..file.metadata()?.len()))?,
            None => Vec::new(),
        };
        let changed = || io::Error::other("the cache's file changed while the build read it");
        let mut bytes = Vec::with_capacity(kept.len().max(1024));
        bytes.extend_from_slice(header.as_bytes());
        bytes.extend_from_slice(&opened.to_le_bytes());
        for (path, entry) in next {
            put_bytes(&mut bytes, path.as_bytes());
            put_bytes(&mut bytes, entry.context.as_bytes());
            bytes.extend_from_slice(&entry.stamp.size.to_le_bytes());
            bytes.extend_from_slice(&entry.stamp.modified.to_le_bytes());
            bytes.extend_from_slice(&entry.hash);
            match &entry.payload {
                Payload::Kept(range) => {
                    let payload = usize::try_from(range.start)
                        .ok()
                        .zip(usize::try_from(range.end).ok())
                        .and_then(|(start, end)| kept.get(start..end))
                        .ok_or_else(changed)?;
                    put_bytes(&mut bytes, payload);
                }
                Payload::New(range) => {
                    let payload = read_range(new_parses.ok_or_else(changed)?, range)?;
                    put_bytes(&mut bytes, &payload);
                }
            }
        }
        Ok(bytes)
    }
}

impl SourceCache {
    /// The cache in the folder `folder` for the sources of the folder
    /// `content`; empty (and so every source parsed) where a file is
    /// missing or cannot be used.
    pub fn open(folder: &Path, content: &Path) -> Self {
        let content_folder = content.canonicalize().unwrap_or_else(|_| content.to_owned());
        let identity = Sha256::digest(this_build());
        let header = format!("{FORMAT} {} {}\n", hex(&identity[..16]), content_folder.display());
        let shards = (0..SHARDS)
            .map(|shard| Shard::read(&folder.join(file_name(shard)), &header))
            .collect();
        SourceCache {
            content: content.to_owned(),
            header,
            opened: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |since| since.as_secs()),
            shards,
            new_parses: NewParses {
                path: folder.join(NEW_PARSES),
                file: None,
                length: 0,
                failed: false,
            },
            looked_up: FxHashMap::default(),
            parsed: 0,
            reused: 0,
            compared: 0,
        }
    }

    /// Takes the size and time (ns) of each source by its path below the
    /// content folder (`/` between its parts), as a look just before found them.
    pub fn with_stamps(mut self, stamps: impl IntoIterator<Item = (String, u64, u64)>) -> Self {
        self.looked_up = stamps
            .into_iter()
            .map(|(path, size, modified)| (path, Stamp { size, modified }))
            .collect();
        self
    }

    /// The article source `file`, parsed by `parse` from its text unless
    /// the cache has its parse, shelved as the cache keeps it
    /// ([`ParsedSource::shelve`]), with the SHA-256 of that text; `context`
    /// is what the parse depends on besides the text and the file's path.
    /// An error is the file's that could not be read.
    pub fn read(
        &mut self,
        file: &Path,
        context: &str,
        parse: impl FnOnce(&str) -> Result<ParsedSource, Vec<Problem>>,
    ) -> io::Result<Result<Parsed, Vec<Problem>>> {
        let key = file
            .strip_prefix(&self.content)
            .ok()
            .and_then(|below| below.to_str())
            .map(|below| below.replace(std::path::MAIN_SEPARATOR, "/"));
        let Some(key) = key else {
            // Outside the folder, or a name that is not UTF-8: not kept.
            self.parsed += 1;
            return read_and_parse(file, parse);
        };
        let stamp = match self.looked_up.remove(&key) {
            Some(stamp) => stamp,
            None => Stamp::of(&fs::metadata(file)?),
        };
        let opened = self.opened;
        let shard = &mut self.shards[shard_of(&key)];
        let known = shard
            .previous
            .remove(&key)
            .filter(|entry| entry.context == context);
        if let Some(entry) = known
            .as_ref()
            .filter(|entry| entry.stamp == stamp && shard.trusted(stamp))
        {
            if let Some(parsed) = shard.decode(&entry.payload) {
                self.reused += 1;
                shard.next.push((key, kept(entry, stamp)));
                return Ok(Ok((parsed, entry.hash)));
            }
        }
        let text = fs::read_to_string(file)?;
        let hash: [u8; 32] = Sha256::digest(text.as_bytes()).into();
        if let Some(entry) = known.as_ref().filter(|entry| entry.hash == hash) {
            if let Some(parsed) = shard.decode(&entry.payload) {
                self.reused += 1;
                self.compared += 1;
                // A new time is recorded; a time too recent to trust is
                // written again once a cache written later can trust it
                // (one in the future never can: not written for it).
                let settled = stamp.modified / 1_000_000_000 < opened;
                shard.changed |= entry.stamp != stamp || settled;
                shard.next.push((key, kept(entry, stamp)));
                return Ok(Ok((parsed, hash)));
            }
        }
        shard.changed = true;
        self.parsed += 1;
        let mut parsed = parse(&text);
        if let Ok(parsed) = &mut parsed {
            parsed.shelve();
            let payload = rmp_serde::to_vec(&StoredSource::from_parsed(parsed)).map_err(io::Error::other)?;
            if let Some(range) = self.new_parses.put(&payload) {
                shard.next.push((
                    key,
                    Entry {
                        context: context.to_owned(),
                        stamp,
                        hash,
                        payload: Payload::New(range),
                    },
                ));
            }
        }
        Ok(parsed.map(|parsed| (parsed, hash)))
    }

    /// Sources parsed by this build.
    pub fn parsed(&self) -> usize {
        self.parsed
    }

    /// Sources whose parse came from the cache.
    pub fn reused(&self) -> usize {
        self.reused
    }

    /// Of the sources reused, those read and hashed to compare: a new time,
    /// or one too recent to trust.
    pub fn compared(&self) -> usize {
        self.compared
    }

    /// Writes into `folder` the files that changed: those where a source
    /// was parsed, a new time recorded (or one a new cache can trust), or
    /// a source is gone. One at a time, each shard's memory given back
    /// once written: at a million articles, the files weigh some 400 MB.
    pub fn write_changed(mut self, folder: &Path) -> io::Result<()> {
        let written = self.write_shards(folder);
        self.new_parses.remove();
        written
    }

    fn write_shards(&mut self, folder: &Path) -> io::Result<()> {
        let new_parses = self.new_parses.written()?;
        for (number, shard) in std::mem::take(&mut self.shards).into_iter().enumerate() {
            if shard.changed() {
                let file = folder.join(file_name(number));
                shard
                    .encode(&self.header, self.opened, new_parses)
                    .and_then(|bytes| write_whole(&file, bytes))
                    .map_err(|error| io::Error::new(error.kind(), format!("{}: {error}", file.display())))?;
            }
        }
        Ok(())
    }
}

/// The source `file` read and parsed by `parse`, with the SHA-256 of its
/// text: a source as it is without the cache. An error is the file's that
/// could not be read.
pub fn read_and_parse(
    file: &Path,
    parse: impl FnOnce(&str) -> Result<ParsedSource, Vec<Problem>>,
) -> io::Result<Result<Parsed, Vec<Problem>>> {
    let text = fs::read_to_string(file)?;
    Ok(parse(&text).map(|parsed| (parsed, Sha256::digest(text.as_bytes()).into())))
}

/// The name of the cache's file number `shard`.
fn file_name(shard: usize) -> String {
    format!("{shard:02x}.bin")
}

/// The shard a source's path below the content folder is kept in.
fn shard_of(key: &str) -> usize {
    usize::from(Sha256::digest(key.as_bytes())[0]) % SHARDS
}

/// `entry`, kept at its new `stamp`.
fn kept(entry: &Entry, stamp: Stamp) -> Entry {
    Entry {
        stamp,
        ..entry.clone()
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// `bytes` after their length.
fn put_bytes(into: &mut Vec<u8>, bytes: &[u8]) {
    into.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
    into.extend_from_slice(bytes);
}

/// When the build that wrote a cache file's `bytes` began and their
/// entries by path, if they start with `header` and every record reads.
fn entries(bytes: &[u8], header: &[u8]) -> Option<(u64, FxHashMap<String, Entry>)> {
    bytes.strip_prefix(header)?;
    let mut records = Records {
        bytes,
        at: header.len(),
    };
    let written = records.number()?;
    let mut entries = FxHashMap::default();
    while records.at < bytes.len() {
        let path = records.text()?;
        let entry = Entry {
            context: records.text()?,
            stamp: Stamp {
                size: records.number()?,
                modified: records.number()?,
            },
            hash: bytes[records.take(32)?].try_into().ok()?,
            payload: Payload::Kept(records.sized_at()?),
        };
        entries.insert(path, entry);
    }
    Some((written, entries))
}

/// Reads a cache file's records in turn.
struct Records<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Records<'_> {
    /// The range of the next `count` bytes, if there are as many.
    fn take(&mut self, count: usize) -> Option<Range<usize>> {
        let range = self.at..self.at.checked_add(count)?;
        self.bytes.get(range.clone())?;
        self.at = range.end;
        Some(range)
    }

    fn number(&mut self) -> Option<u64> {
        let range = self.take(8)?;
        Some(u64::from_le_bytes(self.bytes[range].try_into().ok()?))
    }

    /// The range of bytes after their length, as a file's.
    fn sized_at(&mut self) -> Option<Range<u64>> {
        let range = self.sized()?;
        Some(u64::try_from(range.start).ok()?..u64::try_from(range.end).ok()?)
    }

    /// The range of bytes after their length.
    fn sized(&mut self) -> Option<Range<usize>> {
        let length = usize::try_from(self.number()?).ok()?;
        self.take(length)
    }

    fn text(&mut self) -> Option<String> {
        let range = self.sized()?;
        Some(std::str::from_utf8(&self.bytes[range]).ok()?.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{article_source, generate, network};
    use brnn_model::locale::Locale;

    /// Everything a parse gives, offsets of times included (which `Published`'s `==` leaves out).
    fn everything(parsed: &ParsedSource) -> String {
        format!(
            "{:?} {} {:?} {} {:?} {:?}",
            parsed.source,
            parsed.section_line,
            parsed.translation_lines,
            parsed.authors_line,
            parsed.article_links,
            parsed.photos
        )
    }

    /// `parsed`, kept and read back.
    fn round_trip(parsed: &ParsedSource) -> ParsedSource {
        let bytes = rmp_serde::to_vec(&StoredSource::from_parsed(parsed)).unwrap();
        let stored: StoredSource = rmp_serde::from_slice(&bytes).unwrap();
        stored.into_parsed().unwrap()
    }

    #[test]
    fn every_shipped_and_generated_source_comes_back_from_the_cache_as_shelved() {
        let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        let network = network::load(&content).ok().unwrap();
        let mut count = 0;
        for config in &network.editions {
            let locale = Locale::for_lang(&config.edition.lang);
            let mut texts: Vec<(PathBuf, String)> = Vec::new();
            let mut folders = vec![content.join(config.edition.id.as_str())];
            while let Some(folder) = folders.pop() {
                for entry in fs::read_dir(folder).unwrap() {
                    let path = entry.unwrap().path();
                    if path.is_dir()
                        && !path.ends_with("pages")
                        && !path.ends_with(generate::GENERATED_FOLDER)
                    {
                        folders.push(path);
                    } else if path.extension().is_some_and(|extension| extension == "txt") {
                        texts.push((path.clone(), fs::read_to_string(&path).unwrap()));
                    }
                }
            }
            for sample in generate::samples(&config.edition, 300, 7).unwrap() {
                let path = content.join(generate::relative_path(&sample));
                texts.push((path, article_source::render(&sample)));
            }
            for (file, text) in texts {
                let mut parsed = article_source::parse(&file, &text, locale).ok().unwrap();
                parsed.shelve();
                assert_eq!(
                    everything(&round_trip(&parsed)),
                    everything(&parsed),
                    "{}",
                    file.display()
                );
                count += 1;
            }
        }
        assert!(count > 1200, "only {count} sources");
    }

    #[test]
    fn new_parses_read_back_at_their_ranges_and_none_is_put_after_one_that_failed() {
        let folder = tempfile::TempDir::new().unwrap();
        let new_parses = |path: PathBuf| NewParses {
            path,
            file: None,
            length: 0,
            failed: false,
        };
        let mut parses = new_parses(folder.path().join(FOLDER).join(NEW_PARSES));
        let (one, two) = (parses.put(b"one").unwrap(), parses.put(b"two!").unwrap());
        assert_eq!((one.clone(), two.clone()), (0..3, 3..7));
        let file = parses.written().unwrap().unwrap();
        assert_eq!(read_range(file, &two).unwrap(), b"two!");
        assert_eq!(read_range(file, &one).unwrap(), b"one");
        parses.remove();
        assert!(!folder.path().join(FOLDER).join(NEW_PARSES).exists());

        // A folder that cannot be made: where a file is.
        let in_the_way = folder.path().join("in-the-way");
        fs::write(&in_the_way, "").unwrap();
        let mut parses = new_parses(in_the_way.join(NEW_PARSES));
        assert_eq!(parses.put(b"one"), None);
        fs::remove_file(&in_the_way).unwrap();
        assert_eq!(
            parses.put(b"two"),
            None,
            "not after a failed one, whose bytes may be half there"
        );
    }

    #[test]
    fn a_cache_reads_back_what_it_wrote_and_a_damaged_one_has_nothing() {
        let folder = tempfile::TempDir::new().unwrap();
        let source = folder.path().join("beispiel.txt");
        let text = "+++\nheadline = \"Beispiel\"\nsection = \"dokumente\"\npublished = 2025-11-05T09:00:00+08:00\n+++\n\nEin Beispiel.\n";
        fs::write(&source, text).unwrap();
        // Not older than any cache below: a time that cannot be trusted,
        // whichever second each is opened in.
        let ahead = SystemTime::now() + std::time::Duration::from_secs(3600);
        fs::File::options()
            .write(true)
            .open(&source)
            .unwrap()
            .set_modified(ahead)
            .unwrap();
        let parse = |text: &str| article_source::parse(&source, text, Locale::for_lang("de"));
        let cache_folder = folder.path().join(FOLDER);
        // The files `cache` writes, by name, in a folder of their own.
        let written_by = |cache: SourceCache| -> Vec<(String, Vec<u8>)> {
            let into = tempfile::TempDir::new().unwrap();
            cache.write_changed(into.path()).unwrap();
            let mut files: Vec<_> = fs::read_dir(into.path())
                .unwrap()
                .map(|entry| {
                    let entry = entry.unwrap();
                    (
                        entry.file_name().into_string().unwrap(),
                        fs::read(entry.path()).unwrap(),
                    )
                })
                .collect();
            files.sort();
            files
        };
        let mut cache = SourceCache::open(&cache_folder, folder.path());
        assert!(cache.read(&source, "de", parse).unwrap().is_ok());
        assert_eq!((cache.parsed(), cache.reused()), (1, 0));
        cache.write_changed(&cache_folder).unwrap();
        // The one file that holds the source, named by its shard.
        let name = file_name(shard_of("beispiel.txt"));
        let names: Vec<_> = fs::read_dir(&cache_folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names, [name.as_str()]);
        let bytes = fs::read(cache_folder.join(&name)).unwrap();

        let mut again = SourceCache::open(&cache_folder, folder.path());
        assert!(again.read(&source, "de", parse).unwrap().is_ok());
        // Timed as late as the cache or later: the source is hashed, not trusted by its time.
        assert_eq!((again.parsed(), again.reused(), again.compared()), (0, 1, 1));
        // All but the time the build began.
        let timeless = |bytes: &[u8]| {
            let header = bytes.iter().position(|&byte| byte == b'\n').unwrap() + 1;
            [&bytes[..header], &bytes[header + 8..]].concat()
        };
        let shard = &again.shards[shard_of("beispiel.txt")];
        assert_eq!(
            timeless(&shard.encode(&again.header, again.opened, None).unwrap()),
            timeless(&bytes)
        );

        // Another language, another parse.
        let mut other = SourceCache::open(&cache_folder, folder.path());
        assert!(other.read(&source, "en", parse).unwrap().is_ok());
        assert_eq!((other.parsed(), other.reused()), (1, 0));

        // A source gone: its file is written again, without it.
        let gone = SourceCache::open(&cache_folder, folder.path());
        assert_eq!(written_by(gone).len(), 1);

        for damaged in [&bytes[..bytes.len() - 1], b"brnn-content-sources 4 ???\n", b""] {
            fs::write(cache_folder.join(&name), damaged).unwrap();
            let mut cache = SourceCache::open(&cache_folder, folder.path());
            assert!(cache.shards.iter().all(|shard| shard.previous.is_empty()));
            assert!(cache.read(&source, "de", parse).unwrap().is_ok());
            assert_eq!(cache.parsed(), 1);
            assert_eq!(written_by(cache).len(), 1);
        }
    }
}
