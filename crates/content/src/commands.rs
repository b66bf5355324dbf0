//! The tool's commands. Each returns what it did as a value, or every
//! problem found and what it left undone because of them.

use std::collections::BTreeSet;
use std::env;
use std::fs;
use std::path::{Path, PathBuf};

use brnn_model::date::Published;
use brnn_model::slug::Slug;
use indicatif::ProgressBar;

use crate::build::{self, BuildReport, Pages, Scope, SiteFiles};
use crate::images::Prepared;
use crate::library::{self, Library};
use crate::network::{self, NetworkConfig, SiteUrl};
use crate::problem::Problem;
use crate::source_cache::{self, SourceCache};
use crate::up_to_date::{Inputs, Record};
use crate::whole_file::write_whole;
use crate::{article_source, generate, images, import};

/// Every problem found, each a line for the editor, and what the command did not do because of them.
#[derive(Debug)]
pub struct Failure {
    pub problems: Vec<Problem>,
    pub consequence: &'static str,
}

fn failure(consequence: &'static str) -> impl FnOnce(Vec<Problem>) -> Failure {
    move |problems| Failure {
        problems,
        consequence,
    }
}

fn io_failure(path: &Path, error: impl std::fmt::Display) -> Failure {
    Failure {
        problems: vec![Problem::in_file(path, error.to_string())],
        consequence: "stopped there",
    }
}

/// An article source read from a page, and the file it belongs in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedSource {
    pub target: PathBuf,
    pub text: String,
}

/// Reads every page as an article source of `content`'s network. Nothing is
/// returned unless every page could be read; a page whose target exists with
/// other text is a problem unless `force`. `id` names the article of a single page.
pub fn import(
    pages: &[PathBuf],
    content: &Path,
    id: Option<&Slug>,
    force: bool,
) -> Result<Vec<ImportedSource>, Failure> {
    let network = network::load(content).map_err(failure("nothing imported"))?;
    let mut problems = Vec::new();
    let mut sources: Vec<ImportedSource> = Vec::new();
    for page in pages {
        match import_page(page, id, &network, content, force, &sources) {
            Ok(source) => sources.push(source),
            Err(problem) => problems.push(problem),
        }
    }
    if problems.is_empty() {
        Ok(sources)
    } else {
        Err(failure("nothing imported")(problems))
    }
}

/// Writes a source unless the file already holds its text; `Ok(false)` if it did.
pub fn write_source(source: &ImportedSource) -> Result<bool, Failure> {
    let target = &source.target;
    if fs::read_to_string(target).is_ok_and(|existing| existing == source.text) {
        return Ok(false);
    }
    if let Some(folder) = target.parent() {
        fs::create_dir_all(folder).map_err(|error| io_failure(folder, error))?;
    }
    fs::write(target, &source.text).map_err(|error| io_failure(target, error))?;
    Ok(true)
}

/// One page read and rendered as a source, with the file it goes to.
/// `earlier` are the pages of this run already read.
fn import_page(
    page: &Path,
    id: Option<&Slug>,
    network: &NetworkConfig,
    content: &Path,
    force: bool,
    earlier: &[ImportedSource],
) -> Result<ImportedSource, Problem> {
    let text = fs::read_to_string(page)
        .map_err(|error| Problem::in_file(page, format!("cannot read it: {error}")))?;
    let id = match id {
        Some(id) => id.clone(),
        None => id_from_file_name(page)?,
    };
    let (edition, source) = import::page::import(page, &text, id, network)?;
    let id = &source.article.id;
    let target = content
        .join(network.editions[edition].edition.id.as_str())
        .join(format!("{id}.txt"));
    if earlier.iter().any(|before| before.target == target) {
        return Err(Problem::in_file(
            page,
            format!("gives the id of an earlier page, `{id}`"),
        ));
    }
    let text = article_source::render(&source);
    match fs::read_to_string(&target) {
        Ok(existing) if existing != text && !force => Err(Problem::in_file(
            &target,
            format!(
                "exists with other text; --force replaces it with {}",
                page.display()
            ),
        )),
        _ => Ok(ImportedSource { target, text }),
    }
}

/// The last `_`-separated part of the page's file name:
/// `000_ecf15130d4b083e2.txt` gives `ecf15130d4b083e2`.
fn id_from_file_name(page: &Path) -> Result<Slug, Problem> {
    let stem = page
        .file_stem()
        .and_then(|stem| stem.to_str())
        .unwrap_or_default();
    stem.rsplit('_').next().unwrap_or(stem).parse().map_err(|error| {
        Problem::in_file(
            page,
            format!("cannot take an article id from it ({error}); name one with --id"),
        )
    })
}

/// Reads and checks every source and `network.toml`.
pub fn check(content: &Path, progress: &ProgressBar) -> Result<Library, Failure> {
    library::load(content, &env::temp_dir(), progress, None).map_err(failure("fix them and check again"))
}

/// Checks every source, then writes the site's content files below `out`.
/// `site_url` overrides `[site] url` of `network.toml`. With `shell`
/// (Trunk's `index.html`), every address also gets its HTML page. Photos'
/// renditions are made into `cache` where it lacks them, then copied.
/// `now` is the build's clock: the editors' front page choices that have
/// expired by then are ignored. Nothing is built when nothing it is made
/// from changed since the last build and its site is still there
/// (`up_to_date`). Sources are parsed through the cache in `out`'s build
/// folder (`source_cache`), which is written last.
pub fn build(
    content: &Path,
    out: &Path,
    cache: &Path,
    site_url: Option<SiteUrl>,
    shell: Option<&Path>,
    now: Published,
    progress: &ProgressBar,
) -> Result<BuildReport, Failure> {
    build_keeping(content, out, cache, site_url, shell, now, progress).map(|(report, _)| report)
}

/// [`build`], with what a watching build keeps for its next publish
/// ([`publish`]); nothing when the site was up to date.
pub fn build_keeping(
    content: &Path,
    out: &Path,
    cache: &Path,
    site_url: Option<SiteUrl>,
    shell: Option<&Path>,
    now: Published,
    progress: &ProgressBar,
) -> Result<(BuildReport, Option<KeptBuild>), Failure> {
    let shell_text = match shell {
        None => None,
        Some(shell) => Some(
            fs::read_to_string(shell)
                .map_err(|error| io_failure(shell, format!("cannot read it: {error}")))?,
        ),
    };
    let site_address = site_url
        .as_ref()
        .map(|url| format!("{}{}", url.origin(), url.site().home()));
    // A content folder that cannot be looked through is reported by the load below.
    let mut inputs = Inputs::of(
        content,
        site_address.as_deref(),
        shell_text.as_deref().map(str::as_bytes),
    )
    .ok();
    let unchanged = inputs
        .as_ref()
        .and_then(|inputs| Record::read(out).filter(|record| record.holds_for(inputs, now, out)));
    if let Some(record) = unchanged {
        let changes = out.join(build::BUILD_FOLDER).join(build::CHANGES_FILE);
        write_whole(&changes, "").map_err(|error| io_failure(&changes, format!("cannot write: {error}")))?;
        let report = BuildReport {
            articles: record.articles,
            unchanged: record.files,
            not_rendered: record.files,
            warnings: record.problems(),
            up_to_date: true,
            ..BuildReport::default()
        };
        return Ok((report, None));
    }
    Record::remove(out)
        .map_err(|error| io_failure(out, format!("cannot remove the last build's record: {error}")))?;
    let sources_folder = out.join(build::BUILD_FOLDER).join(source_cache::FOLDER);
    let looked_up = inputs.as_mut().map(Inputs::take_files).unwrap_or_default();
    let mut sources = SourceCache::open(&sources_folder, content).with_stamps(looked_up);
    // Beside the site's records, not in a system folder that may be held in memory.
    let build_folder = out.join(build::BUILD_FOLDER);
    fs::create_dir_all(&build_folder)
        .map_err(|error| io_failure(&build_folder, format!("cannot make it: {error}")))?;
    let mut library = library::load(content, &build_folder, progress, Some(&mut sources))
        .map_err(failure("nothing built"))?;
    let (parsed, reused, compared) = (sources.parsed(), sources.reused(), sources.compared());
    // Written now, so that the cache's memory is given back before the
    // build; it holds parses only, which stand whether the build succeeds or not.
    sources.write_changed(&sources_folder).map_err(|error| {
        io_failure(
            &sources_folder,
            format!("cannot write the sources' cache: {error}"),
        )
    })?;
    if let Some(site_url) = site_url {
        library.site_url = site_url;
    }
    let pages = match (shell, &shell_text) {
        (Some(shell), Some(text)) => {
            Some(Pages::new(text, &library.site_url).map_err(|message| io_failure(shell, message))?)
        }
        _ => None,
    };
    let media = images::prepare(&library.photos, cache, progress).map_err(failure("nothing built"))?;
    let (mut report, files) = build::build(&library, out, pages.as_ref(), &media, now, progress)
        .map_err(|error| io_failure(out, format!("cannot write: {error}")))?;
    report.sources_parsed = parsed;
    report.sources_reused = reused;
    report.sources_compared = compared;
    if let Some(inputs) = &inputs {
        let choices: Vec<_> = library
            .editions
            .iter()
            .flat_map(|edition| &edition.front_choices)
            .collect();
        let files = report.written + report.unchanged;
        let record = Record::after_build(inputs, now, &choices, report.articles, files, &report.warnings);
        if let Some(record) = record {
            record
                .write(out)
                .map_err(|error| io_failure(out, format!("cannot write the build's record: {error}")))?;
        }
    }
    let kept = KeptBuild {
        library,
        files,
        pages,
        media,
    };
    Ok((report, Some(kept)))
}

/// What a watching build keeps from one build to the next: the library
/// as it read the sources, the site's files as the build left them, and
/// what it builds with (the pages' renderer, the photos' renditions).
pub struct KeptBuild {
    library: Library,
    files: SiteFiles,
    pages: Option<Pages>,
    media: Prepared,
}

/// Publishes the article sources `changed` of `content` (saved or new,
/// as a watching build was told) into the site at `out` that `kept` was
/// built with: puts them into its library (`Library::update`) and writes
/// only what they reach (`build::Scope`), as [`build`] would write it.
/// `None` when they are more than such a publish can take (a deleted
/// source, a translation, a new month of the search index…): build
/// everything instead. Nothing is kept after an error either.
pub fn publish(
    mut kept: KeptBuild,
    content: &Path,
    out: &Path,
    changed: &BTreeSet<PathBuf>,
    now: Published,
    progress: &ProgressBar,
) -> Result<Option<(BuildReport, KeptBuild)>, Failure> {
    let Some(articles) = kept.library.update(content, changed) else {
        return Ok(None);
    };
    // Its inputs are no longer those it recorded; the next build of everything goes through them.
    Record::remove(out)
        .map_err(|error| io_failure(out, format!("cannot remove the last build's record: {error}")))?;
    let KeptBuild {
        library,
        files,
        pages,
        media,
    } = kept;
    let scope = Scope::since(&articles);
    let published = build::publish(&library, out, pages.as_ref(), &media, now, scope, files, progress)
        .map_err(|error| io_failure(out, format!("cannot write: {error}")))?;
    Ok(published.map(|(mut report, files)| {
        report.sources_parsed = articles.len();
        let kept = KeptBuild {
            library,
            files,
            pages,
            media,
        };
        (report, kept)
    }))
}

/// A site's lock (`<site>/.brnn/lock`), held until dropped: one build at a
/// time writes a site, and its change list is its own until the lock is let
/// go (`trunk serve`'s hook and `build --watch` build the same site).
pub struct SiteLock {
    _file: fs::File,
}

/// Takes the lock of the site at `site`, waiting for another build to let
/// go of it; `waiting` is called before it waits.
pub fn lock_site(site: &Path, waiting: impl FnOnce()) -> Result<SiteLock, Failure> {
    let folder = site.join(build::BUILD_FOLDER);
    fs::create_dir_all(&folder).map_err(|error| io_failure(&folder, format!("cannot make it: {error}")))?;
    let path = folder.join(LOCK_FILE);
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|error| io_failure(&path, format!("cannot open the site's lock: {error}")))?;
    let cannot_lock = |error: std::io::Error| io_failure(&path, format!("cannot lock the site: {error}"));
    match file.try_lock() {
        Ok(()) => {}
        Err(fs::TryLockError::WouldBlock) => {
            waiting();
            file.lock().map_err(cannot_lock)?;
        }
        Err(fs::TryLockError::Error(error)) => return Err(cannot_lock(error)),
    }
    Ok(SiteLock { _file: file })
}

/// The lock's file below the build's own folder.
const LOCK_FILE: &str = "lock";

/// Links every entry of the site built in `folder` (its build's own folder
/// aside) from `out` that is not linked there yet, replacing a file of the
/// same name there: Trunk's shell, which the site's home page replaces.
/// Trunk's server follows the links, and replacing its staging folder
/// removes only them.
pub fn link_site(folder: &Path, out: &Path) -> Result<(), Failure> {
    let folder = fs::canonicalize(folder).map_err(|error| io_failure(folder, error))?;
    let entries =
        fs::read_dir(&folder).map_err(|error| io_failure(&folder, format!("cannot read it: {error}")))?;
    for entry in entries {
        let entry = entry.map_err(|error| io_failure(&folder, format!("cannot read it: {error}")))?;
        let name = entry.file_name();
        if name == build::BUILD_FOLDER {
            continue;
        }
        let link = out.join(&name);
        if fs::read_link(&link).is_ok_and(|target| target == entry.path()) {
            continue;
        }
        let cannot_link =
            |error: std::io::Error| io_failure(&link, format!("cannot link the site's entry here: {error}"));
        match fs::symlink_metadata(&link) {
            Ok(metadata) if metadata.is_dir() => {
                let message = format!(
                    "is a folder, where the site built in {} has an entry of that name to link",
                    folder.display()
                );
                return Err(io_failure(&link, message));
            }
            Ok(_) => fs::remove_file(&link).map_err(cannot_link)?,
            Err(_) => {}
        }
        symlink(&entry.path(), &link).map_err(cannot_link)?;
    }
    Ok(())
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

#[cfg(windows)]
fn symlink(target: &Path, link: &Path) -> std::io::Result<()> {
    if target.is_dir() {
        std::os::windows::fs::symlink_dir(target, link)
    } else {
        std::os::windows::fs::symlink_file(target, link)
    }
}

/// Copies the list of what the last build below `out` changed to `to`.
pub fn copy_changes(out: &Path, to: &Path) -> Result<(), Failure> {
    let list = out.join(build::BUILD_FOLDER).join(build::CHANGES_FILE);
    fs::copy(&list, to)
        .map(|_| ())
        .map_err(|error| io_failure(to, format!("cannot copy {} here: {error}", list.display())))
}

/// Replaces the generated folder of `edition` (the network's first by
/// default) with `count` sample articles; returns that folder.
pub fn generate(content: &Path, count: usize, seed: u64, edition: Option<&Slug>) -> Result<PathBuf, Failure> {
    generate_with(content, count, seed, edition, false)
}

/// [`generate`], and with `lead_photos` each sample gets a lead photo, the
/// photos of `<content>/photos/` (JPEG, PNG or WebP) in turn, in the order
/// of their names.
pub fn generate_with(
    content: &Path,
    count: usize,
    seed: u64,
    edition: Option<&Slug>,
    lead_photos: bool,
) -> Result<PathBuf, Failure> {
    let network = network::load(content).map_err(failure("nothing generated"))?;
    let in_network = |message: String| {
        failure("nothing generated")(vec![Problem::in_file(
            &content.join(network::NETWORK_FILE),
            message,
        )])
    };
    let config = match edition {
        None => network.editions.first(),
        Some(id) => network.editions.iter().find(|config| config.edition.id == *id),
    }
    .ok_or_else(|| {
        in_network(match edition {
            Some(id) => format!("has no edition `{id}`"),
            None => "has no edition".to_owned(),
        })
    })?;
    let samples = generate::samples(&config.edition, count, seed).map_err(in_network)?;
    let samples: Box<dyn Iterator<Item = _>> = if lead_photos {
        Box::new(generate::with_lead_photos(samples, photo_files(content)?))
    } else {
        Box::new(samples)
    };
    let folder = content.join(config.edition.id.as_str());
    let generated = folder.join(generate::GENERATED_FOLDER);
    if generated.exists() {
        fs::remove_dir_all(&generated).map_err(|error| io_failure(&generated, error))?;
    }
    for source in samples {
        let path = folder.join(generate::relative_path(&source));
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|error| io_failure(parent, error))?;
        }
        fs::write(&path, article_source::render(&source)).map_err(|error| io_failure(&path, error))?;
    }
    Ok(generated)
}

/// The photos of `<content>/photos/`, as sources name them, in the order of their names.
fn photo_files(content: &Path) -> Result<Vec<String>, Failure> {
    let folder = content.join(generate::PHOTOS_FOLDER);
    let entries =
        fs::read_dir(&folder).map_err(|error| io_failure(&folder, format!("cannot read it: {error}")))?;
    let mut photos = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|error| io_failure(&folder, error))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let extension = name
            .rsplit_once('.')
            .map(|(_, extension)| extension.to_ascii_lowercase());
        if entry.path().is_file() && matches!(extension.as_deref(), Some("jpg" | "jpeg" | "png" | "webp")) {
            photos.push(format!("{}/{name}", generate::PHOTOS_FOLDER));
        }
    }
    photos.sort();
    if photos.is_empty() {
        return Err(failure("nothing generated")(vec![Problem::in_file(
            &folder,
            "has no photo (a .jpg, .jpeg, .png or .webp file) to give the samples",
        )]));
    }
    Ok(photos)
}
