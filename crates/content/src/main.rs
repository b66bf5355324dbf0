//! `brnn-content`: the editors' and operators' tool for brnn-news content.
//!
//! Run it with `cargo content <command>` (an alias in `.cargo/config.toml`).

mod article_source;
mod endpoint;
mod library;
mod network;
mod problem;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "brnn-content",
    version,
    about = "Builds the brnn-news static endpoint from article sources."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check every source and write the endpoint's JSON documents.
    Build {
        /// The content folder: network.toml and one folder of sources per edition.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Where the endpoint goes (the folder served as `api/v1/`).
        #[arg(long)]
        out: PathBuf,
    },
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Build { content, out } => {
            let contents = match library::load(&content) {
                Ok(contents) => contents,
                Err(problems) => {
                    for problem in &problems {
                        eprintln!("{problem}");
                    }
                    eprintln!(
                        "brnn-content: {} problem(s) in {}; nothing built",
                        problems.len(),
                        content.display()
                    );
                    return ExitCode::FAILURE;
                }
            };
            match endpoint::build(&contents, &out) {
                Ok(report) => {
                    let articles: usize = contents.iter().map(|c| c.articles.len()).sum();
                    eprintln!(
                        "brnn-content: {articles} articles into {}: {} files written, {} unchanged, {} removed",
                        out.display(),
                        report.written,
                        report.unchanged,
                        report.removed
                    );
                    ExitCode::SUCCESS
                }
                Err(error) => {
                    eprintln!("brnn-content: cannot write {}: {error}", out.display());
                    ExitCode::FAILURE
                }
            }
        }
    }
}
