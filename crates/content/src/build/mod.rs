//! `build`: everything the site serves that comes from content, written into
//! the site's root folder (Trunk's staging folder, so it ends up in `dist/`):
//!
//! | path | what |
//! | --- | --- |
//! | `api/v2/` | the reader's JSON endpoint (docs/FORMAT.md): per edition its document, the top of its front page, its lists, articles, pages of the house and date archive (`endpoint.rs`, `archive.rs`) |
//! | `feeds/<edition>/` | RSS 2.0, Atom and JSON Feed of the front page, and of each section below `section/<path>/` |
//! | `sitemap.xml`, `sitemaps/` | a sitemap index and its sitemaps |
//! | `robots.txt` | points crawlers at the sitemap |
//! | `pagefind/<edition>/` | the edition's search index (`search.rs`) |
//! | `api/v2/media/` | the photos' renditions, made by `images` (`media.rs`) |
//! | `<edition>/offline.html` | with pages, the page the service worker shows offline for an address it has not saved (`offline.rs`) |
//!
//! | `.brnn/` | the build's own: what each file was made from and what the last build changed (`manifest.rs`, with the journal of a watching build's publishes), the site's folders with their times (`folders.rs`), the sources it parsed (`source_cache`); never served |
//!
//! Output is a function of the sources and of the build's clock (`now`,
//! which only decides whether an editor's front page choice has expired),
//! never of hash order. A file is only rendered when what it is made from
//! changed (a list page's key is made from what its articles are made from, without
//! its JSON), and only rewritten when its bytes change (`manifest.rs`); every
//! build lists the files it added, changed and removed. No file is ever
//! half-written: new bytes go to a temporary file beside their file
//! ([`PARTIAL_SUFFIX`]), and only once every file is written are they
//! renamed into place, one by one, and leftovers removed. What a failure
//! leaves:
//!
//! - while writing (the usual case: a full disk, a folder that cannot be
//!   made): every file of the previous site as it was, and no temporary file;
//! - while renaming (which fails only if something changes the folder under
//!   the build, or the file system fails): the files renamed so far are this
//!   build's, the others the previous build's, and no temporary file; the
//!   error names the file that failed and those already replaced. The site
//!   is whole again after the next build that succeeds;
//! - while removing leftovers: this build's site, with some leftovers.

mod archive;
mod article_keys;
mod endpoint;
mod feeds;
mod folders;
mod manifest;
mod media;
mod offline;
mod pages;
mod scope;
mod search;
mod sitemap;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ffi::{OsStr, OsString};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use brnn_model::date::Published;
use brnn_model::format::{paths, Article, Author, Edition};
use brnn_model::site::Site;
use brnn_model::slug::{SectionPath, Slug};
use indicatif::ProgressBar;
use serde::Serialize;

use article_keys::ArticleKeys;
pub use folders::FolderTimes;
use manifest::{Change, ChangeList, Key, Manifest, ManifestStamp, SitePath, SitePaths};
pub use manifest::{BUILD_FOLDER, CHANGES_FILE, JOURNAL_FILE, MANIFEST_FILE};
pub use scope::Scope;

use crate::article_card::ArticleCard;
use crate::images::{Prepared, MEDIA_FOLDER};
use crate::library::{EditionContent, Library};
use crate::network::SiteUrl;
use crate::problem::Problem;

/// Where the endpoint goes below the site's root: the reader's default `api/v2/`.
pub const ENDPOINT_FOLDER: &str = "api/v2";
pub const FEEDS_FOLDER: &str = "feeds";
pub const SITEMAPS_FOLDER: &str = "sitemaps";

/// What a build did, for the line the tool prints.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct BuildReport {
    /// Articles of every edition.
    pub articles: usize,
    /// Article sources read and parsed: new or changed since the last build.
    pub sources_parsed: usize,
    /// Article sources whose parse the last build's cache had (`source_cache`).
    pub sources_reused: usize,
    /// Of those, the sources read to compare their text: their time had
    /// changed, or was too recent to trust. The others were not read at all.
    pub sources_compared: usize,
    /// Files below the output folder, counted once each.
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
    /// Of the unchanged files, those not even rendered: what they are made
    /// from is what the last build made them from.
    pub not_rendered: usize,
    /// Spent building the search index, the build's largest single part,
    /// on a thread of its own beside the rest of the build.
    pub search_index: Duration,
    /// Of that, how long the rest of the build waited for it at the end.
    pub search_waited: Duration,
    /// Search bundles (an edition's span of days) built anew; the others' records were as before.
    pub bundles_indexed: usize,
    /// Photos whose renditions were made anew; the others' came from the cache.
    pub images_processed: usize,
    /// What `check` warns of in the content built (`Library::warnings`).
    pub warnings: Vec<Problem>,
    /// Nothing was built: nothing changed since the last build (`up_to_date`).
    pub up_to_date: bool,
}

/// One list the site shows: an edition's front page (`section` `None`) or a
/// section's page, which also holds the articles of its subsections.
pub struct Listing<'a> {
    pub edition: &'a Edition,
    pub section: Option<SectionPath>,
    /// As [`Edition::listing_name`] and [`Edition::listing_title`] give them.
    pub name: &'a str,
    pub title: String,
    /// Newest first.
    pub articles: Vec<&'a ArticleCard>,
}

impl EditionLists<'_> {
    /// One of its articles whole, as an article's page and a feed show it.
    fn whole(&self, article: &ArticleCard) -> io::Result<Article> {
        self.library.whole(self.content, article)
    }
}

impl<'a> Listing<'a> {
    /// The front page and every section's page of one edition.
    fn all_of(content: &'a EditionContent) -> Vec<Self> {
        let edition = &content.edition;
        let sections = edition.section_paths().into_iter().map(Some);
        std::iter::once(None)
            .chain(sections)
            .filter_map(|section| {
                Some(Listing {
                    edition,
                    name: edition.listing_name(section.as_ref())?,
                    title: edition.listing_title(section.as_ref())?,
                    articles: content
                        .articles
                        .iter()
                        .filter(|article| {
                            section
                                .as_ref()
                                .is_none_or(|within| article.section.is_within(within))
                        })
                        .collect(),
                    section,
                })
            })
            .collect()
    }
}

/// An edition with every list it shows.
pub struct EditionLists<'a> {
    /// What it is part of, which reads its articles whole ([`Library::whole`]).
    library: &'a Library,
    pub content: &'a EditionContent,
    /// The keys of the files that show its articles.
    keys: ArticleKeys,
    pub listings: Vec<Listing<'a>>,
    pub authors: Vec<AuthorListing<'a>>,
}

/// The list of one author's articles, for their page.
pub struct AuthorListing<'a> {
    pub author: &'a Author,
    /// Newest first.
    pub articles: Vec<&'a ArticleCard>,
}

impl<'a> AuthorListing<'a> {
    /// Every author some article of the edition names, by slug.
    fn all_of(content: &'a EditionContent) -> Vec<Self> {
        let mut by_slug: BTreeMap<&Slug, AuthorListing> = BTreeMap::new();
        for article in &content.articles {
            for author in &article.authors {
                by_slug
                    .entry(&author.slug)
                    .or_insert_with(|| AuthorListing {
                        author,
                        articles: Vec::new(),
                    })
                    .articles
                    .push(article);
            }
        }
        by_slug.into_values().collect()
    }
}

pub use pages::Pages;
use pages::{Carried, Json, Publisher};

/// What a build leaves known of the site's files: what each was made
/// from, as its manifest says. A watching build keeps it for the next.
#[derive(Debug, Default)]
pub struct SiteFiles {
    paths: SitePaths,
    manifest: Manifest,
    /// The manifest's file as this process last saw it: another build of
    /// the site (Trunk's hook, with a new page shell, say) writes it anew.
    written: Option<ManifestStamp>,
}

/// What a publish wrote, and the site's files after it; `None` when the
/// articles reach further than a publish goes (the search index's bundles
/// change) or another build wrote the site since: a build of everything
/// is needed, and nothing was written.
pub type Publication = Option<(BuildReport, SiteFiles)>;

/// Writes everything below `out`; see the module documentation for what
/// goes where. With `pages`, also every HTML page; `media` are the photos'
/// renditions; `now` is the build's clock, at which the editors' front
/// page choices hold or have expired. `progress` counts the articles
/// written. What the build changed is listed in `out/.brnn/changes.txt`.
pub fn build(
    library: &Library,
    out: &Path,
    pages: Option<&Pages>,
    media: &Prepared,
    now: Published,
    progress: &ProgressBar,
) -> io::Result<(BuildReport, SiteFiles)> {
    let output = Output::new(out, progress, library.article_count());
    match write_and_commit(library, pages, media, now, output)? {
        Some(built) => Ok(built),
        None => Err(io::Error::other(
            "a build of everything found it did not go through everything",
        )),
    }
}

/// Writes what the articles a watching build has just put into the library
/// reach (`scope`), as [`build`] would write it, the site's `files` as the
/// last build left them known; the files it does not go through keep their
/// entries, and the manifest's journal takes the changes. An error leaves
/// `files` unknown: build everything next.
#[allow(clippy::too_many_arguments)]
pub fn publish(
    library: &Library,
    out: &Path,
    pages: Option<&Pages>,
    media: &Prepared,
    now: Published,
    scope: Scope,
    files: SiteFiles,
    progress: &ProgressBar,
) -> io::Result<Publication> {
    // What this process knows of the site is behind once another build wrote it.
    if files.written.is_none() || ManifestStamp::of(out) != files.written {
        return Ok(None);
    }
    let output = Output::resuming(out, progress, library.article_count(), files, scope);
    write_and_commit(library, pages, media, now, output)
}

fn write_and_commit(
    library: &Library,
    pages: Option<&Pages>,
    media: &Prepared,
    now: Published,
    mut output: Output,
) -> io::Result<Publication> {
    output.progress.set_message("writing");
    output.progress.set_position(0);
    output.progress.set_length(library.article_count() as u64);
    output.report.images_processed = media.processed;
    output.report.warnings = library.warnings.clone();
    match write_site(library, output.out, pages, media, now, &mut output) {
        Ok(Some(stale_folders)) => {
            output.commit(&stale_folders)?;
            let written = ManifestStamp::of(output.out);
            let files = SiteFiles {
                paths: output.paths,
                manifest: output.next,
                written,
            };
            Ok(Some((output.report, files)))
        }
        Ok(None) => {
            output.discard_from(0);
            Ok(None)
        }
        Err(error) => {
            output.discard_from(0);
            Err(error)
        }
    }
}

/// Writes (stages) every file; returns the folders whose files this build
/// did not write are leftovers. The search bundles that must be built anew
/// are built on a thread of their own meanwhile (Pagefind's part, the
/// largest), which hands each built bundle over before it builds the next,
/// so that one bundle at most waits in memory to be written; each is
/// written as soon as it is handed over,
/// between two articles, so that the thread builds on while the articles
/// are written (a full build takes as long as the longer of the two, not
/// both).
fn write_site(
    library: &Library,
    out: &Path,
    pages: Option<&Pages>,
    media: &Prepared,
    now: Published,
    output: &mut Output,
) -> io::Result<Option<Vec<PathBuf>>> {
    media::write(media, output)?;
    let everything = output.scope.is_everything();
    // A publish removes only what it builds anew of the search index (`scope.rs`).
    let mut stale_folders = match everything {
        true => vec![out.join(ENDPOINT_FOLDER).join(MEDIA_FOLDER)],
        false => Vec::new(),
    };
    let editions: Vec<_> = library
        .editions
        .iter()
        .map(|content| EditionLists {
            library,
            content,
            keys: ArticleKeys::new(),
            listings: Listing::all_of(content),
            authors: AuthorListing::all_of(content),
        })
        .collect();
    let mut search_bundles = Vec::new();
    for lists in &editions {
        match search::plan(lists, output)? {
            Some(bundles) => search_bundles.extend(bundles),
            None => return Ok(None),
        }
    }
    if !everything {
        stale_folders.extend(search_bundles.iter().map(|bundle| out.join(bundle.folder())));
    }
    thread::scope(|scope| {
        // No room for a bundle in the channel: one waiting there while
        // the next was built raised a full build's peak of memory.
        let (sender, built) = mpsc::sync_channel(0);
        scope.spawn(move || {
            for bundle in search_bundles {
                // Stops once the build stopped listening (it failed).
                if sender.send(bundle.build()).is_err() {
                    break;
                }
            }
        });
        output.built_bundles = Some(built);
        let written = write_documents(library, &editions, pages, now, output, &mut stale_folders);
        // Taken back before the scope waits for the thread: when the build
        // failed, it is dropped, which stops the thread.
        let built = output.built_bundles.take();
        written?;
        let waited = Instant::now();
        for bundle in built.into_iter().flatten() {
            bundle.map_err(io::Error::other)?.write(output)?;
        }
        output.report.search_waited = waited.elapsed();
        Ok(Some(stale_folders))
    })
}

/// Writes every edition's files, the network's fixed pages and the
/// sitemaps; adds to `stale_folders` the folders they are written in.
fn write_documents(
    library: &Library,
    editions: &[EditionLists],
    pages: Option<&Pages>,
    now: Published,
    output: &mut Output,
    stale_folders: &mut Vec<PathBuf>,
) -> io::Result<()> {
    let out = output.out;
    let everything = output.scope.is_everything();
    for lists in editions {
        write_edition(lists, &library.site_url, pages, now, output)?;
        let content = lists.content;
        let edition = content.edition.id.as_str();
        if everything {
            stale_folders.push(out.join(ENDPOINT_FOLDER).join(edition));
            stale_folders.push(out.join(FEEDS_FOLDER).join(edition));
            stale_folders.push(out.join(Site::search_index_folder(&content.edition.id)));
            if pages.is_some() {
                stale_folders.push(out.join(edition));
            }
        }
    }
    if let Some(pages) = pages {
        pages.write_fixed_pages(output)?;
    }
    sitemap::write(editions, &library.site_url, output)?;
    if everything {
        stale_folders.push(out.join(SITEMAPS_FOLDER));
    }
    Ok(())
}

/// Writes one edition's documents, their pages, its date archive and its feeds.
fn write_edition(
    lists: &EditionLists,
    site_url: &SiteUrl,
    pages: Option<&Pages>,
    now: Published,
    output: &mut Output,
) -> io::Result<()> {
    let content = lists.content;
    let edition_path = paths::edition(&content.edition.id);
    let (edition_json, edition_key) = output.write_json(&edition_path, &content.edition)?;
    let edition_json = Json::made(edition_json);
    let edition_document = Carried {
        path: &edition_path,
        json: &edition_json,
        key: edition_key,
    };
    let publisher = Publisher {
        edition: edition_document,
        pages,
    };
    endpoint::write(lists, now, &publisher, output)?;
    archive::write(content, &lists.library.leads, &lists.keys, &publisher, output)?;
    for listing in &lists.listings {
        feeds::write(lists, listing, site_url, output)?;
    }
    if let Some(pages) = pages {
        offline::write(&content.edition, edition_document, pages, output)?;
    }
    Ok(())
}

/// A document's JSON, and its key: the hash of that JSON.
fn json_and_key(document: &impl Serialize) -> io::Result<(String, Key)> {
    let json = serde_json::to_string(document).map_err(io::Error::other)?;
    let key = Key::of(&[json.as_bytes()]);
    Ok((json, key))
}

/// The names of the entries of `folder`; `None` if it cannot be read (there is none).
fn names_in(folder: &Path) -> Option<HashSet<OsString>> {
    let entries = fs::read_dir(folder).ok()?;
    Some(
        entries
            .filter_map(|entry| Some(entry.ok()?.file_name()))
            .collect(),
    )
}

/// The name new bytes are written under, beside their file, until the build has written everything.
pub const PARTIAL_SUFFIX: &str = ".brnn-partial";

/// Where the new bytes of the file at `path` wait to be put in place.
fn partial(path: &Path) -> PathBuf {
    let mut partial = OsString::from(path.as_os_str());
    partial.push(PARTIAL_SUFFIX);
    PathBuf::from(partial)
}

/// Writes files below the site's root, rendering only those whose inputs
/// changed and rewriting only those whose bytes changed, and remembers
/// what it wrote (in `next`) so that leftovers can be removed.
struct Output<'a> {
    out: &'a Path,
    progress: &'a ProgressBar,
    report: BuildReport,
    /// Every path the manifests and the change list name.
    paths: SitePaths,
    /// What the last build made each file from, less the files this build
    /// wrote or kept: once it has written everything, the last build's
    /// files it did not make, which are leftovers.
    previous: Manifest,
    /// What this build made each file from: every file it wrote or kept.
    next: Manifest,
    /// The site's folders as the last build left them.
    recorded_folders: FolderTimes,
    /// Those no file was added to or removed from since (`folders.rs`):
    /// the files in them are the last manifest's, without a look at each.
    unchanged_folders: HashSet<String>,
    /// The names in the other folders, read once each when asked (`None`: no such folder).
    listed: HashMap<String, Option<HashSet<OsString>>>,
    /// What this build added, changed and removed, by path below `out`.
    /// Until [`Self::commit`], the files added and changed are written
    /// under a temporary name beside their own ([`partial`]).
    changes: ChangeList,
    /// The search bundles built beside the build, to write as they come (`write_site`).
    built_bundles: Option<mpsc::Receiver<Result<search::BuiltBundle, String>>>,
    /// The files it goes through: all, or a publish's (`scope.rs`), whose
    /// `previous` is the manifest a watching build keeps, and whose `next`
    /// holds only the files it goes through.
    scope: Scope,
    /// The files whose key is not the last build's: what a publish adds to the manifest's journal.
    rekeyed: Vec<SitePath>,
}

impl<'a> Output<'a> {
    fn new(out: &'a Path, progress: &'a ProgressBar, articles: usize) -> Self {
        let mut paths = SitePaths::default();
        let previous = Manifest::read(out, &mut paths);
        // Without the manifest, a folder's files are not known, whatever its time.
        let recorded_folders = match previous.is_empty() {
            true => FolderTimes::default(),
            false => FolderTimes::read(out),
        };
        Output {
            // A build makes about the files the last one made.
            next: Manifest::with_room_for(previous.len()),
            unchanged_folders: recorded_folders.still_as_recorded(out).into_iter().collect(),
            recorded_folders,
            ..Self::resuming(
                out,
                progress,
                articles,
                SiteFiles {
                    paths,
                    manifest: previous,
                    written: None,
                },
                Scope::everything(),
            )
        }
    }

    /// An output that goes through what `scope` reaches of a site whose
    /// `files` a watching build knows: a file it does not go through is as
    /// that build left it.
    fn resuming(
        out: &'a Path,
        progress: &'a ProgressBar,
        articles: usize,
        files: SiteFiles,
        scope: Scope,
    ) -> Self {
        Output {
            out,
            progress,
            report: BuildReport {
                articles,
                ..BuildReport::default()
            },
            paths: files.paths,
            previous: files.manifest,
            next: Manifest::default(),
            recorded_folders: FolderTimes::default(),
            unchanged_folders: HashSet::new(),
            listed: HashMap::new(),
            changes: ChangeList::default(),
            built_bundles: None,
            scope,
            rekeyed: Vec::new(),
        }
    }

    /// Counts one article written, and writes the search bundle built
    /// since the last one, if any: its thread builds the next once it is taken.
    fn article_written(&mut self) -> io::Result<()> {
        self.progress.inc(1);
        let Some(built) = self.built_bundles.take() else {
            return Ok(());
        };
        let written = built
            .try_iter()
            .try_for_each(|bundle| bundle.map_err(io::Error::other)?.write(self));
        self.built_bundles = Some(built);
        written
    }

    /// Writes `document` at `path` below the endpoint; returns its JSON and its key.
    fn write_json(&mut self, path: &str, document: &impl Serialize) -> io::Result<(String, Key)> {
        let (json, key) = json_and_key(document)?;
        self.write_keyed(&format!("{ENDPOINT_FOLDER}/{path}"), key, || {
            Ok(json.clone().into_bytes())
        })?;
        Ok((json, key))
    }

    fn write(&mut self, relative: &str, bytes: &[u8]) -> io::Result<()> {
        self.write_keyed(relative, Key::of(&[bytes]), || Ok(bytes.to_vec()))
    }

    /// Writes the file at `relative`, made from what `key` hashes, with
    /// the bytes `make` gives; `make` is not called when the last build
    /// made the file, still there, from the same.
    fn write_keyed(
        &mut self,
        relative: &str,
        key: Key,
        make: impl FnOnce() -> io::Result<Vec<u8>>,
    ) -> io::Result<()> {
        if self.next.contains(&self.paths, relative) {
            return Err(io::Error::other(format!("{relative} is made twice in one build")));
        }
        let path = self.out.join(relative);
        // The path is the last build's when it had the file: at a million
        // articles, millions of paths not kept twice.
        let (there, relative, rekeyed) = match self.previous.take(&self.paths, relative) {
            Some((kept, known)) => (known == key && self.is_there(relative), kept, known != key),
            None => (false, self.paths.add(relative)?, true),
        };
        if rekeyed && !self.scope.is_everything() {
            self.rekeyed.push(relative);
        }
        if there {
            self.report.unchanged += 1;
            self.report.not_rendered += 1;
        } else {
            let bytes = make()?;
            // New inputs may still give the same bytes (a new build of this tool, say).
            let existing = fs::read(&path).ok();
            if existing.as_deref() == Some(bytes.as_slice()) {
                self.report.unchanged += 1;
            } else {
                let change = match existing {
                    Some(_) => Change::Changed,
                    None => Change::Added,
                };
                self.stage(&path, &bytes)?;
                self.changes.push(change, relative);
                self.report.written += 1;
            }
        }
        self.next.insert(&self.paths, relative, key);
        Ok(())
    }

    /// Whether the file at `relative`, which the last build's manifest
    /// lists, is still there.
    fn is_there(&mut self, relative: &str) -> bool {
        // A publish goes through a few hundred files, in folders of up to a
        // million: each is looked at on its own, not by listing its folder.
        if !self.scope.is_everything() {
            return self.out.join(relative).exists();
        }
        let (folder, name) = relative.rsplit_once('/').unwrap_or(("", relative));
        if self.unchanged_folders.contains(folder) {
            return true;
        }
        let out = self.out;
        self.listed
            .entry(folder.to_owned())
            .or_insert_with(|| names_in(&out.join(folder)))
            .as_ref()
            .is_some_and(|names| names.contains(OsStr::new(name)))
    }

    /// Writes `bytes` beside `path`, to be renamed into place by
    /// [`Self::commit`]. Its folder is made when the file cannot be made
    /// without it: asking for it before each file cost seconds at 100,000
    /// articles, and no list of the folders made is kept to avoid that.
    fn stage(&mut self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        let partial = partial(path);
        let written = match fs::write(&partial, bytes) {
            Err(error) if error.kind() == io::ErrorKind::NotFound => match path.parent() {
                Some(folder) => fs::create_dir_all(folder).and_then(|()| fs::write(&partial, bytes)),
                None => Err(error),
            },
            written => written,
        };
        if written.is_err() {
            let _ = fs::remove_file(&partial);
        }
        written
    }

    /// The bytes of the file at `relative`, as the last build left it.
    fn existing(&self, relative: &str) -> Option<Vec<u8>> {
        fs::read(self.out.join(relative)).ok()
    }

    /// Keeps every file below the folder `relative` as it is, as if this
    /// build had written it; false (and nothing kept) if there is no such folder.
    fn keep_folder(&mut self, relative: &str) -> io::Result<bool> {
        // Each file's path below the output folder, made as the walk goes:
        // a search bundle holds a file per article it indexes.
        let mut files = Vec::new();
        let mut folders = vec![relative.to_owned()];
        while let Some(folder) = folders.pop() {
            let Ok(entries) = fs::read_dir(self.out.join(&folder)) else {
                return Ok(false);
            };
            for entry in entries {
                let entry = entry?;
                let below = format!("{folder}/{}", entry.file_name().to_string_lossy());
                if entry.file_type()?.is_dir() {
                    folders.push(below);
                } else {
                    files.push(below);
                }
            }
        }
        self.report.unchanged += files.len();
        for relative in files {
            // A file the last build did not list is hashed as it is.
            let (path, key) = match self.previous.take(&self.paths, &relative) {
                Some(known) => known,
                None => (
                    self.paths.add(&relative)?,
                    Key::of(&[&fs::read(self.out.join(&relative))?]),
                ),
            };
            self.next.insert(&self.paths, path, key);
        }
        Ok(true)
    }

    /// `path` below the output folder, with `/` between its parts.
    fn relative(&self, path: &Path) -> String {
        let below = path.strip_prefix(self.out).unwrap_or(path);
        below
            .components()
            .map(|part| part.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }

    /// Puts every staged file in place, then removes what the build did not
    /// write below `stale_folders`, and writes the manifest and the change
    /// list. A rename that fails stops it: the files
    /// before it stay replaced (there is no undoing them that could not fail
    /// the same way), the other staged files are removed, and the error says
    /// which files were replaced. Before the first rename, the manifest
    /// forgets the files about to be replaced, so that a build stopped
    /// midway leaves no key of a file that has other bytes: a build of
    /// everything removes it (the next build renders every file again), a
    /// publish journals them as unknown (the next renders those again). A publish adds its files' keys to
    /// the journal, and leaves the folders' times as the last build of
    /// everything recorded them: the next such build looks through the
    /// folders the publishes changed.
    fn commit(&mut self, stale_folders: &[PathBuf]) -> io::Result<()> {
        let build_folder = self.out.join(BUILD_FOLDER);
        let everything = self.scope.is_everything();
        // No key may stay known for a file that gets other bytes, should the build stop midway.
        if everything && self.changes.len() > 0 {
            Manifest::forget(&build_folder)?;
        } else if !everything {
            let replaced = self.changes.paths_from(0).map(|path| (path, None));
            Manifest::journal(&build_folder, &self.paths, replaced)?;
        }
        for done in 0..self.changes.len() {
            let path = self.out.join(self.paths.get(self.changes.path(done)));
            if let Err(error) = fs::rename(partial(&path), &path) {
                let replaced: Vec<PathBuf> = (0..done)
                    .map(|index| self.out.join(self.paths.get(self.changes.path(index))))
                    .collect();
                self.discard_from(done);
                return Err(self.mixed_site(&path, &replaced, error));
            }
        }
        let mut leftovers = match everything {
            true => std::mem::take(&mut self.previous).by_folder(&self.paths),
            false => HashMap::new(),
        };
        let written = self.changes.len();
        for folder in stale_folders {
            self.remove_stale(folder, &mut leftovers)?;
        }
        if everything {
            self.next.write(&self.paths, &build_folder)?;
        } else {
            // The files gone through, and those removed, on top of those it did not go through.
            let removed = self.changes.paths_from(written).map(|path| (path, None));
            let rekeyed = self.rekeyed.iter().map(|path| {
                let key = self.next.get(&self.paths, self.paths.get(*path));
                (*path, key)
            });
            Manifest::journal(&build_folder, &self.paths, rekeyed.chain(removed))?;
            for path in self.changes.paths_from(written) {
                self.previous.take(&self.paths, self.paths.get(path));
            }
            for (path, key) in self.next.drain() {
                self.previous.insert(&self.paths, path, key);
            }
            self.next = std::mem::take(&mut self.previous);
        }
        std::mem::take(&mut self.changes).write(&self.paths, &build_folder.join(CHANGES_FILE))?;
        match everything {
            true => FolderTimes::after_writing(self.out, &self.recorded_folders)?.write(self.out),
            // Its folders' times are as the last build of everything recorded them, or newer:
            // the next such build looks through the folders a publish changed.
            false => Ok(()),
        }
    }

    /// The error of a commit that stopped at `failed`, with its `replaced` files named.
    fn mixed_site(&self, failed: &Path, replaced: &[PathBuf], error: io::Error) -> io::Error {
        // Enough to see what happened; a first build may have replaced thousands.
        const NAMED: usize = 10;
        let relative = |path: &Path| path.strip_prefix(self.out).unwrap_or(path).display().to_string();
        let state = match replaced.len() {
            0 => "no file was replaced, the site is as it was".to_owned(),
            count => {
                let mut names: Vec<String> = replaced.iter().take(NAMED).map(|path| relative(path)).collect();
                if count > NAMED {
                    names.push(format!("and {} more", count - NAMED));
                }
                let files = if count == 1 { "file" } else { "files" };
                format!(
                    "this build had already replaced {count} {files} ({}): the site mixes two builds until a build succeeds",
                    names.join(", ")
                )
            }
        };
        io::Error::new(
            error.kind(),
            format!("cannot put {} in place ({error}); {state}", relative(failed)),
        )
    }

    /// Forgets the files written under a temporary name from change
    /// `first` on (all of them: the previous site stays as it was).
    fn discard_from(&self, first: usize) {
        for relative in self.changes.paths_from(first) {
            let _ = fs::remove_file(partial(&self.out.join(self.paths.get(relative))));
        }
    }

    /// Removes the files below `folder` that this build did not write: what
    /// deleted articles or sections left behind. A folder as the last build
    /// left it holds the files it listed there, and of those, this build
    /// did not write its `leftovers` (by folder); any other is looked through.
    fn remove_stale(
        &mut self,
        folder: &Path,
        leftovers: &mut HashMap<String, Vec<String>>,
    ) -> io::Result<()> {
        let relative_folder = self.relative(folder);
        let (files, subfolders) = if self.unchanged_folders.contains(&relative_folder) {
            let files = leftovers.remove(&relative_folder).unwrap_or_default();
            let subfolders = self.recorded_folders.recorded_below(&relative_folder);
            (
                files,
                subfolders.iter().map(|below| self.out.join(below)).collect(),
            )
        } else {
            let Ok(entries) = fs::read_dir(folder) else {
                return Ok(());
            };
            let (mut files, mut subfolders) = (Vec::new(), Vec::new());
            for entry in entries {
                let entry = entry?;
                if entry.file_type()?.is_dir() {
                    subfolders.push(entry.path());
                } else {
                    files.push(self.relative(&entry.path()));
                }
            }
            (files, subfolders)
        };
        for relative in files {
            if !self.next.contains(&self.paths, &relative) {
                fs::remove_file(self.out.join(&relative))?;
                self.report.removed += 1;
                let removed = self.paths.add(&relative)?;
                self.changes.push(Change::Removed, removed);
            }
        }
        for subfolder in subfolders {
            self.remove_stale(&subfolder, leftovers)?;
            // Succeeds only once nothing is left in it.
            let _ = fs::remove_dir(&subfolder);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_commit_stopped_midway_leaves_no_partial_file_and_names_what_it_replaced() {
        let out = tempfile::TempDir::new().unwrap();
        let progress = ProgressBar::hidden();
        let mut output = Output::new(out.path(), &progress, 0);
        fs::write(out.path().join("a.json"), "old").unwrap();
        // A folder where `b.json` goes: writing beside it works, renaming onto it does not.
        fs::create_dir_all(out.path().join("b.json/in-the-way")).unwrap();
        for name in ["a.json", "b.json", "c.json"] {
            output.write(name, b"new").unwrap();
        }
        let message = output.commit(&[]).unwrap_err().to_string();
        assert!(message.starts_with("cannot put b.json in place ("), "{message}");
        assert!(
            message.ends_with(
                "; this build had already replaced 1 file (a.json): the site mixes two builds until a build succeeds"
            ),
            "{message}"
        );
        assert_eq!(fs::read_to_string(out.path().join("a.json")).unwrap(), "new");
        let mut left: Vec<_> = fs::read_dir(out.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        left.sort();
        assert_eq!(left, ["a.json", "b.json"], "no partial file, no c.json");
    }
}
