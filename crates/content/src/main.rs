//! `brnn-content`: the editors' and operators' tool for brnn-news content.
//!
//! Run it with `cargo content <command>` (an alias in `.cargo/config.toml`).
//! This binary parses arguments and prints; the work is in the library.

use std::collections::BTreeSet;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use brnn_content::commands::{self, Failure, KeptBuild};
use brnn_content::import::feed::{self, FeedImport};
use brnn_content::import::wordpress::{self, Since, Source, WordPressImport};
use brnn_content::import::write::{Outcome, WriteReport};
use brnn_content::import::{instant_at, ImportedArticle};
use brnn_content::network::SiteUrl;
use brnn_content::problem::Problem;
use brnn_content::up_to_date::Record;
use brnn_content::watch::{Changes, ContentWatch};
use brnn_content::ProgressBar;
use brnn_model::date::{Published, UtcOffset};
use brnn_model::slug::{SectionPath, Slug};
use clap::error::ErrorKind;
use clap::{Args, CommandFactory, Parser, Subcommand};
use indicatif::{ProgressFinish, ProgressStyle};

// A build makes and drops millions of small values on two threads (the
// search index's beside the rest); with glibc's allocator, allocating took
// over a third of a publish's CPU time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "brnn-content",
    version,
    about = "Imports, checks and builds brnn-news content: article sources in; the static site's endpoint, feeds, sitemaps, search index and HTML pages out."
)]
struct Cli {
    /// The content folder: network.toml and one folder of sources per edition.
    #[arg(long, global = true, default_value = "content", env = "BRNN_CONTENT")]
    content: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Turn plain-text article pages (as copied from the network's site) into
    /// article sources; `import wordpress` imports a WordPress site's posts.
    ///
    /// Each page becomes `<content>/<edition>/<id>.txt`. If any page cannot be
    /// read, every problem is reported and nothing is written.
    #[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
    Import {
        #[command(subcommand)]
        from: Option<ImportFrom>,
        /// The plain-text pages, e.g. tests/fixtures/000_ecf15130d4b083e2.txt.
        #[arg(required = true)]
        pages: Vec<PathBuf>,
        /// The article id; by default the file name's last `_`-separated part
        /// (`000_ecf15130d4b083e2.txt` gives `ecf15130d4b083e2`). Only with one page.
        #[arg(long)]
        id: Option<Slug>,
        /// Print the sources instead of writing them.
        #[arg(long)]
        stdout: bool,
        /// Replace a source that exists with other text.
        #[arg(long)]
        force: bool,
    },
    /// Check every source and network.toml; report every problem with file and line.
    ///
    /// Exits with status 1 if anything is wrong.
    Check,
    /// Check every source, then write the endpoint, feeds, sitemaps, robots.txt,
    /// the search index and, with `--shell`, every page.
    ///
    /// Writes `api/v2/` (with the photos' renditions in `api/v2/media/`),
    /// `feeds/`, `sitemap.xml`, `sitemaps/`, `robots.txt` and `pagefind/` (a
    /// search index per edition) below the output folder.
    /// Files whose bytes would not change are left alone; files the content
    /// no longer produces are removed.
    Build {
        #[command(flatten)]
        options: BuildOptions,
        /// After the build, keep watching the content folder and build
        /// again after every change, until stopped: what `trunk serve`'s
        /// hook starts (scripts/trunk-site), so that a saved edit is built
        /// at once by a process that has built before.
        #[arg(long)]
        watch: bool,
        /// With `--watch`, stop once the process with this id has ended
        /// (Trunk's, for its hook).
        #[arg(long, value_name = "PID", requires = "watch")]
        watch_while: Option<u32>,
    },
    /// Write synthetic sample articles, for tests and benchmarks.
    ///
    /// They go to `<content>/<edition>/generated/<year>/`, which is emptied
    /// first. The same count and seed give the same files.
    Generate {
        /// How many articles.
        count: usize,
        /// Chooses the texts, dates and sections.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The edition to write into; by default the first in network.toml.
        #[arg(long)]
        edition: Option<Slug>,
        /// Give each article a lead photo: those of `<content>/photos/` in
        /// turn (for benchmarks of the image pipeline).
        #[arg(long)]
        with_photos: bool,
    },
}

/// Importers of other systems: `import <system> …`.
#[derive(Subcommand)]
enum ImportFrom {
    /// Import the items of an RSS 2.0, Atom or JSON Feed 1.1 feed into an edition.
    ///
    /// Each item becomes `<content>/<edition>/<id>.txt`, its id made from the
    /// item's guid (the same item, the same file), its photos go to
    /// `<content>/photos/`. Its section is --section, else its categories
    /// through `[editions.wordpress]` in network.toml. Run again, it rewrites
    /// only what changed. If anything cannot be read or written, every
    /// problem is reported and nothing is written.
    Feed {
        /// The feed: an http(s) address, or a file.
        feed: String,
        /// The edition to import into.
        #[arg(long)]
        edition: Slug,
        /// The section of every item, e.g. bri-nachrichten/aktuelles.
        #[arg(long)]
        section: Option<SectionPath>,
    },
    /// Import the published posts of a WordPress site (REST API v2) into an edition.
    ///
    /// Each post becomes `<content>/<edition>/wp-<post id>.txt`, its photos
    /// go to `<content>/photos/`. Its section comes from its categories
    /// through `[editions.wordpress]` in network.toml. Run again, it rewrites
    /// only what changed. If anything cannot be read or written, every
    /// problem is reported and nothing is written.
    Wordpress {
        /// The site's address, e.g. https://example.org/ (or where WordPress
        /// lives below it).
        #[arg(
            required_unless_present = "from_folder",
            conflicts_with = "from_folder",
            value_parser = Source::site
        )]
        site: Option<Source>,
        /// Answer every request from a folder of saved REST answers instead
        /// (its manifest.json, as `scripts/wordpress record` writes it).
        #[arg(long)]
        from_folder: Option<PathBuf>,
        /// The edition to import into.
        #[arg(long)]
        edition: Slug,
        /// Only posts modified after this day (2024-03-07, at the edition's
        /// offset) or instant (2024-03-07T16:00:00Z).
        #[arg(long, value_parser = Since::parse)]
        since: Option<Since>,
    },
}

fn main() -> ExitCode {
    let Cli { content, command } = Cli::parse();
    let outcome = match command {
        Command::Import {
            from:
                Some(ImportFrom::Wordpress {
                    site,
                    from_folder,
                    edition,
                    since,
                }),
            ..
        } => {
            let source = match (site, from_folder) {
                (_, Some(folder)) => Source::Folder(folder),
                (site, None) => site.expect("clap requires the site without --from-folder"),
            };
            let started = Instant::now();
            wordpress::import(&content, &source, &edition, since)
                .map(|import| print_wordpress_import(&import, &edition, started.elapsed()))
                .map_err(|problems| Failure {
                    problems,
                    consequence: "nothing written",
                })
        }
        Command::Import {
            from:
                Some(ImportFrom::Feed {
                    feed: source,
                    edition,
                    section,
                }),
            ..
        } => {
            let started = Instant::now();
            feed::import(&content, &source, &edition, section.as_ref())
                .map(|import| print_feed_import(&import, started.elapsed()))
                .map_err(|problems| Failure {
                    problems,
                    consequence: "nothing written",
                })
        }
        Command::Import {
            from: None,
            pages,
            id,
            stdout,
            force,
        } => {
            if id.is_some() && pages.len() > 1 {
                Cli::command()
                    .error(
                        ErrorKind::ArgumentConflict,
                        "--id names one article; give one page with it",
                    )
                    .exit();
            }
            commands::import(&pages, &content, id.as_ref(), force).and_then(|sources| {
                for source in &sources {
                    if stdout {
                        print!("{}", source.text);
                    } else {
                        let written = commands::write_source(source)?;
                        let what = if written { "written" } else { "unchanged" };
                        eprintln!("{}: {what}", source.target.display());
                    }
                }
                Ok(())
            })
        }
        Command::Check => commands::check(&content, &progress_bar()).map(|library| {
            print_warnings(&library.warnings);
            eprintln!(
                "{}: {} articles in {} edition(s), no problems{}",
                content.display(),
                library.article_count(),
                library.editions.len(),
                warning_count(&library.warnings)
            );
        }),
        Command::Build {
            options,
            watch,
            watch_while,
        } => match watch {
            true => build_on_every_change(&content, &options, watch_while),
            false => build_once(&content, &options).map(drop),
        },
        Command::Generate {
            count,
            seed,
            edition,
            with_photos,
        } => commands::generate_with(&content, count, seed, edition.as_ref(), with_photos).map(|folder| {
            eprintln!(
                "brnn-content: {count} sample articles (seed {seed}) in {}",
                folder.display()
            );
        }),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            print_failure(&failure);
            ExitCode::FAILURE
        }
    }
}

/// Each problem, then what was not done because of them.
fn print_failure(
    Failure {
        problems,
        consequence,
    }: &Failure,
) {
    for problem in problems {
        eprintln!("{problem}");
    }
    eprintln!("brnn-content: {} problem(s); {consequence}", problems.len());
}

/// What `build` is asked to build, and how.
#[derive(Args)]
struct BuildOptions {
    /// The site's root folder (Trunk's staging folder, or dist/).
    #[arg(long)]
    out: PathBuf,
    /// Where the site is served, for the absolute addresses of feeds and
    /// sitemaps; overrides `[site] url` in network.toml.
    #[arg(long, env = "BRNN_SITE_URL", value_parser = SiteUrl::parse)]
    site_url: Option<SiteUrl>,
    /// Trunk's index.html: with it, every address also gets its HTML
    /// page (each article, every page of every list, `/`, 404.html).
    #[arg(long)]
    shell: Option<PathBuf>,
    /// Where the photos' renditions are kept between builds, so that a
    /// rebuild makes only those of new or changed photos. Outside the
    /// site; safe to delete.
    #[arg(long, default_value = "target/image-cache")]
    cache: PathBuf,
    /// The build's clock, RFC 3339 (2025-11-05T06:00:00+08:00): an
    /// editor's front page choice whose `front_until` has passed is
    /// ignored. By default the system clock: an expiry takes effect at
    /// the first build after it.
    #[arg(long, env = "BRNN_NOW", value_parser = Published::parse)]
    now: Option<Published>,
    /// Also write the list of the files this build added (`+ path`),
    /// changed (`~ path`) and removed (`- path`) here, for an upload
    /// step that copies and purges only those; it is always in
    /// `<out>/.brnn/changes.txt` too.
    #[arg(long)]
    changes: Option<PathBuf>,
    /// Build the site in this folder instead, kept from build to build,
    /// and link its entries from `--out`: for `trunk serve`, whose
    /// staging folder is new at every build, so that a saved edit
    /// renders only what it changed instead of the whole site.
    #[arg(long)]
    build_in: Option<PathBuf>,
}

impl BuildOptions {
    /// The folder the site is built in: `--build-in`'s, else `--out`.
    fn site(&self) -> &Path {
        self.build_in.as_deref().unwrap_or(&self.out)
    }
}

/// Builds the site once, holding its lock, and prints what the build did;
/// returns what a watching build keeps for its next publish (nothing when
/// the site was up to date).
fn build_once(content: &Path, options: &BuildOptions) -> Result<Option<KeptBuild>, Failure> {
    let started = Instant::now();
    let now = options.now.unwrap_or_else(system_clock);
    let site = options.site();
    let _lock = lock(site)?;
    let (report, kept) = commands::build_keeping(
        content,
        site,
        &options.cache,
        options.site_url.clone(),
        options.shell.as_deref(),
        now,
        &progress_bar(),
    )?;
    after_writing(options)?;
    print_warnings(&report.warnings);
    let took = started.elapsed().as_secs_f64();
    if report.up_to_date {
        eprintln!(
            "brnn-content: {} articles into {} in {took:.1} s: up to date, nothing it is made from changed since the last build (no source, option or folder of the site): 0 files written, {} unchanged, 0 removed",
            report.articles,
            site.display(),
            report.unchanged,
        );
        return Ok(kept);
    }
    eprintln!(
        "brnn-content: {} articles into {} in {took:.1} s ({} sources parsed, {} reused, {} of them read to compare): {} files written, {} unchanged ({} not rendered), {} removed; {} images processed; search index {:.1} s beside the rest ({} bundles indexed; {:.1} s waited for at the end)",
        report.articles,
        site.display(),
        report.sources_parsed,
        report.sources_reused,
        report.sources_compared,
        report.written,
        report.unchanged,
        report.not_rendered,
        report.removed,
        report.images_processed,
        report.search_index.as_secs_f64(),
        report.bundles_indexed,
        report.search_waited.as_secs_f64()
    );
    Ok(kept)
}

/// Publishes the sources at `changed` into the site `kept` was built
/// with (`commands::publish`), holding its lock, and prints what it did;
/// builds everything instead when the publish cannot take them.
fn publish_once(
    content: &Path,
    options: &BuildOptions,
    kept: KeptBuild,
    changed: &BTreeSet<PathBuf>,
) -> Result<Option<KeptBuild>, Failure> {
    let started = Instant::now();
    let now = options.now.unwrap_or_else(system_clock);
    let site = options.site();
    {
        let _lock = lock(site)?;
        if let Some((report, kept)) = commands::publish(kept, content, site, changed, now, &progress_bar())? {
            after_writing(options)?;
            eprintln!(
                "brnn-content: {} article source(s) published into {} in {:.2} s: {} files written, {} unchanged ({} not rendered), {} removed; {} search bundles indexed",
                report.sources_parsed,
                site.display(),
                started.elapsed().as_secs_f64(),
                report.written,
                report.unchanged,
                report.not_rendered,
                report.removed,
                report.bundles_indexed,
            );
            return Ok(Some(kept));
        }
    }
    // Built through every source, not found up to date: it keeps what the next publish needs.
    Record::remove(site).ok();
    build_once(content, options)
}

/// The site's lock, waited for.
fn lock(site: &Path) -> Result<commands::SiteLock, Failure> {
    commands::lock_site(site, || {
        eprintln!("brnn-content: waiting for another build of {}", site.display());
    })
}

/// What follows every build: the site linked from `--out`, the change list copied to `--changes`.
fn after_writing(options: &BuildOptions) -> Result<(), Failure> {
    if let Some(folder) = &options.build_in {
        commands::link_site(folder, &options.out)?;
    }
    if let Some(changes) = &options.changes {
        commands::copy_changes(options.site(), changes)?;
    }
    Ok(())
}

/// Builds, then again after every change in the content folder, until the
/// process `while_running` ends (without it, until stopped). A build that
/// fails prints its problems, and the next change builds again: the editor
/// fixes the source and saves. A change that is only article sources is
/// published into what the last build kept (`commands::publish`).
fn build_on_every_change(
    content: &Path,
    options: &BuildOptions,
    while_running: Option<u32>,
) -> Result<(), Failure> {
    // Watched from before the first build: a save during it builds again.
    let watch = ContentWatch::of(content).map_err(|error| Failure {
        problems: vec![Problem::in_file(content, format!("cannot watch it: {error}"))],
        consequence: "nothing built",
    })?;
    let site = options.site();
    let mut changes = Changes::Unknown;
    let mut kept = None;
    loop {
        let built = match (kept.take(), &changes) {
            (Some(kept), Changes::Paths(paths)) => publish_once(content, options, kept, paths),
            _ => {
                // Built through every source, not found up to date by the
                // last build's record, so that it keeps what the next
                // publish needs. A record that cannot be removed only keeps
                // that from happening.
                Record::remove(site).ok();
                build_once(content, options)
            }
        };
        match built {
            Ok(built) => kept = built,
            Err(failure) => print_failure(&failure),
        }
        match watch.changed(while_running) {
            Some(next) => changes = next,
            None => return Ok(()),
        }
    }
}

/// Each post's file and what became of it, what sanitizing dropped, the
/// posts left out and the categories no section is listed for; then a summary.
fn print_wordpress_import(import: &WordPressImport, edition: &Slug, took: Duration) {
    let WordPressImport { harvest, written } = import;
    print_written(&harvest.articles, written);
    for note in &harvest.notes {
        eprintln!("{}: {}", note.post, note.what);
    }
    for skipped in &harvest.skipped {
        eprintln!("{}: not imported: {}", skipped.post, skipped.what);
    }
    for category in &harvest.unmapped {
        let posts: Vec<String> = category.posts.iter().map(u64::to_string).collect();
        eprintln!(
            "category `{}` (slug `{}`, posts {}): no section; list it under [editions.wordpress.categories] of edition `{edition}` in network.toml",
            category.name,
            category.slug,
            posts.join(", ")
        );
    }
    eprintln!(
        "brnn-content: {} posts listed on {} page(s) in {:.1} s: {} new, {} updated, {} unchanged; {} not imported; {} categories without a section",
        harvest.listed,
        harvest.pages,
        took.as_secs_f64(),
        written.count(Outcome::New),
        written.count(Outcome::Updated),
        written.count(Outcome::Unchanged),
        harvest.skipped.len(),
        harvest.unmapped.len()
    );
}

/// Each item's file and what became of it, the items left out; then a summary.
fn print_feed_import(import: &FeedImport, took: Duration) {
    let FeedImport { items, written } = import;
    print_written(&items.articles, written);
    for left_out in &items.left_out {
        eprintln!("{left_out}");
    }
    eprintln!(
        "brnn-content: {} items of `{}` in {:.1} s: {} new, {} updated, {} unchanged; {} left out",
        items.articles.len() + items.left_out.len(),
        items.site_name,
        took.as_secs_f64(),
        written.count(Outcome::New),
        written.count(Outcome::Updated),
        written.count(Outcome::Unchanged),
        items.left_out.len()
    );
}

/// Each imported article's file and what became of it, what sanitizing
/// dropped from it; the photos written, the authors added to network.toml
/// and what was given up on the way.
fn print_written(articles: &[ImportedArticle], written: &WriteReport) {
    for (article, (file, outcome)) in articles.iter().zip(&written.articles) {
        eprintln!("{}: {} ({})", file.display(), outcome.as_str(), article.origin);
        if !article.report.is_empty() {
            eprintln!("{}: dropped: {}", article.origin, article.report);
        }
    }
    for (photo, outcome) in &written.photos {
        if *outcome != Outcome::Unchanged {
            eprintln!("{}: {}", photo.display(), outcome.as_str());
        }
    }
    for (edition, author) in &written.authors_added {
        eprintln!(
            "network.toml: author `{}` ({}) added to edition `{edition}`: check the name and the description",
            author.slug, author.name
        );
    }
    for note in &written.notes {
        eprintln!("{note}");
    }
}

/// Each warning on a line of its own, as problems are.
fn print_warnings(warnings: &[Problem]) {
    for warning in warnings {
        eprintln!("{warning}");
    }
}

/// `, 1 warning` for the summary line; nothing without warnings.
fn warning_count(warnings: &[Problem]) -> String {
    match warnings.len() {
        0 => String::new(),
        1 => ", 1 warning".to_owned(),
        count => format!(", {count} warnings"),
    }
}

/// Now, in UTC: the instant is what counts against an expiry.
fn system_clock() -> Published {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_secs() as i64);
    instant_at(seconds, UtcOffset::UTC)
}

/// A bar on stderr when a person watches it; nothing at all in CI or Trunk's hook.
fn progress_bar() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0)
        .with_style(
            ProgressStyle::with_template("{msg:>9} [{bar:40}] {human_pos}/{human_len} {elapsed}")
                .expect("a valid template")
                .progress_chars("=> "),
        )
        .with_finish(ProgressFinish::AndClear);
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}
