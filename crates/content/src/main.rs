//! `brnn-content`: the editors' and operators' tool for brnn-news content.
//!
//! Run it with `cargo content <command>` (an alias in `.cargo/config.toml`).

mod article_source;
mod build;
mod generate;
mod import;
mod library;
mod network;
mod problem;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use brnn_model::slug::Slug;
use clap::{Parser, Subcommand};

use crate::network::{NetworkConfig, SiteUrl};
use crate::problem::Problem;

#[derive(Parser)]
#[command(
    name = "brnn-content",
    version,
    about = "Imports, checks and builds brnn-news content: article sources in, the static site's endpoint, feeds and sitemaps out."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Turn plain-text article pages (as copied from the network's site) into article sources.
    ///
    /// Each page becomes `<content>/<edition>/<id>.txt`. If any page cannot be
    /// read, every problem is reported and nothing is written.
    Import {
        /// The plain-text pages, e.g. tests/fixtures/000_ecf15130d4b083e2.txt.
        #[arg(required = true)]
        pages: Vec<PathBuf>,
        /// The content folder: network.toml and one folder of sources per edition.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// The article id; by default the file name's last `_`-separated part
        /// (`000_ecf15130d4b083e2.txt` gives `ecf15130d4b083e2`). Only with one page.
        #[arg(long)]
        id: Option<String>,
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
    Check {
        /// The content folder: network.toml and one folder of sources per edition.
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// Check every source, then write the endpoint, feeds, sitemaps and robots.txt.
    ///
    /// Writes `api/v1/`, `feeds/`, `sitemap.xml`, `sitemaps/` and `robots.txt`
    /// below the output folder. Files whose bytes would not change are left
    /// alone; files the content no longer produces are removed.
    Build {
        /// The content folder: network.toml and one folder of sources per edition.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// The site's root folder (Trunk's staging folder, or dist/).
        #[arg(long)]
        out: PathBuf,
        /// Where the site is served, for the absolute addresses of feeds and
        /// sitemaps; overrides `[site] url` in network.toml.
        #[arg(long, env = "BRNN_SITE_URL")]
        site_url: Option<String>,
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
        /// The content folder: network.toml and one folder of sources per edition.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// The edition to write into; by default the first in network.toml.
        #[arg(long)]
        edition: Option<String>,
    },
}

fn main() -> ExitCode {
    let outcome = match Cli::parse().command {
        Command::Import {
            pages,
            content,
            id,
            stdout,
            force,
        } => import_pages(&pages, &content, id.as_deref(), stdout, force),
        Command::Check { content } => check(&content),
        Command::Build {
            content,
            out,
            site_url,
        } => build_site(&content, &out, site_url.as_deref()),
        Command::Generate {
            count,
            seed,
            content,
            edition,
        } => generate_samples(&content, count, seed, edition.as_deref()),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure {
            problems,
            consequence,
        }) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            eprintln!("brnn-content: {} problem(s); {consequence}", problems.len());
            ExitCode::FAILURE
        }
    }
}

/// Every problem found, each a line for the editor, and what the command did not do because of them.
struct Failure {
    problems: Vec<Problem>,
    consequence: &'static str,
}

type Outcome = Result<(), Failure>;

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

fn import_pages(pages: &[PathBuf], content: &Path, id: Option<&str>, stdout: bool, force: bool) -> Outcome {
    if id.is_some() && pages.len() > 1 {
        return Err(failure("nothing imported")(vec![Problem::in_file(
            Path::new("--id"),
            "names one article; give one page with it",
        )]));
    }
    let network = library::load_network(content).map_err(failure("nothing imported"))?;
    let mut problems = Vec::new();
    let mut sources: Vec<(PathBuf, String)> = Vec::new();
    for page in pages {
        match import_page(page, id, &network, content, force, &sources) {
            Ok(source) => sources.push(source),
            Err(problem) => problems.push(problem),
        }
    }
    if !problems.is_empty() {
        return Err(failure("nothing imported")(problems));
    }
    for (target, text) in sources {
        if stdout {
            print!("{text}");
            continue;
        }
        if fs::read_to_string(&target).is_ok_and(|existing| existing == text) {
            eprintln!("{}: unchanged", target.display());
            continue;
        }
        if let Some(folder) = target.parent() {
            fs::create_dir_all(folder).map_err(|error| io_failure(folder, error))?;
        }
        fs::write(&target, text).map_err(|error| io_failure(&target, error))?;
        eprintln!("{}: written", target.display());
    }
    Ok(())
}

/// One page read and rendered as a source, with the file it goes to.
/// `earlier` are the pages of this run already read.
fn import_page(
    page: &Path,
    id: Option<&str>,
    network: &NetworkConfig,
    content: &Path,
    force: bool,
    earlier: &[(PathBuf, String)],
) -> Result<(PathBuf, String), Problem> {
    let text = fs::read_to_string(page)
        .map_err(|error| Problem::in_file(page, format!("cannot read it: {error}")))?;
    let (edition, source) = import::import(page, &text, article_id(page, id)?, network)?;
    let id = &source.article.id;
    let target = content
        .join(network.editions[edition].edition.id.as_str())
        .join(format!("{id}.txt"));
    if earlier.iter().any(|(target_before, _)| *target_before == target) {
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
        _ => Ok((target, text)),
    }
}

/// `--id`, or the last `_`-separated part of the page's file name.
fn article_id(page: &Path, id: Option<&str>) -> Result<Slug, Problem> {
    let from_name = || {
        let stem = page.file_stem()?.to_str()?;
        Some(stem.rsplit('_').next().unwrap_or(stem))
    };
    let id = id.or_else(from_name).unwrap_or_default();
    Slug::try_from(id).map_err(|error| {
        Problem::in_file(
            page,
            format!("cannot take an article id from it ({error}); name one with --id"),
        )
    })
}

fn check(content: &Path) -> Outcome {
    let library = library::load(content).map_err(failure("fix them and check again"))?;
    eprintln!(
        "{}: {} articles in {} edition(s), no problems",
        content.display(),
        library.article_count(),
        library.editions.len()
    );
    Ok(())
}

fn build_site(content: &Path, out: &Path, site_url: Option<&str>) -> Outcome {
    let started = Instant::now();
    let mut library = library::load(content).map_err(failure("nothing built"))?;
    if let Some(url) = site_url {
        library.site_url = SiteUrl::parse(url).map_err(|message| {
            failure("nothing built")(vec![Problem::in_file(Path::new("--site-url"), message)])
        })?;
    }
    let report =
        build::build(&library, out).map_err(|error| io_failure(out, format!("cannot write: {error}")))?;
    eprintln!(
        "brnn-content: {} articles into {} in {:.1} s: {} files written, {} unchanged, {} removed",
        library.article_count(),
        out.display(),
        started.elapsed().as_secs_f64(),
        report.written,
        report.unchanged,
        report.removed
    );
    Ok(())
}

fn generate_samples(content: &Path, count: usize, seed: u64, edition: Option<&str>) -> Outcome {
    let network = library::load_network(content).map_err(failure("nothing generated"))?;
    let config = match edition {
        None => network.editions.first(),
        Some(id) => network
            .editions
            .iter()
            .find(|config| config.edition.id.as_str() == id),
    }
    .ok_or_else(|| {
        failure("nothing generated")(vec![Problem::in_file(
            &content.join(library::NETWORK_FILE),
            format!("has no edition `{}`", edition.unwrap_or("")),
        )])
    })?;
    let folder = content.join(config.edition.id.as_str());
    let generated = folder.join(generate::GENERATED_FOLDER);
    if generated.exists() {
        fs::remove_dir_all(&generated).map_err(|error| io_failure(&generated, error))?;
    }
    let samples = generate::samples(&config.edition, count, seed).map_err(|message| {
        failure("nothing generated")(vec![Problem::in_file(
            &content.join(library::NETWORK_FILE),
            message,
        )])
    })?;
    for source in samples {
        let path = folder.join(generate::relative_path(&source));
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|error| io_failure(parent, error))?;
        }
        fs::write(&path, article_source::render(&source)).map_err(|error| io_failure(&path, error))?;
    }
    eprintln!(
        "brnn-content: {count} sample articles (seed {seed}) in {}",
        generated.display()
    );
    Ok(())
}
