//! Imported articles written as sources (`article_source::render`), with
//! their photos: every file is first written beside its target as a
//! temporary file, and only when all are written are they renamed into
//! place, so an import that fails leaves the content folder as it was.

use std::path::{Path, PathBuf};

use crate::network::NetworkConfig;
use crate::problem::Problem;

use super::ImportedArticle;

/// Downloads one image: its bytes, or why not (naming the URL).
pub type Fetch<'a> = dyn FnMut(&str) -> Result<Vec<u8>, String> + 'a;

/// What became of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    New,
    Updated,
    Unchanged,
}

/// Every file an import wrote or left as it was.
#[derive(Debug, Default)]
pub struct WriteReport {
    /// Each article's source file, in the order given.
    pub articles: Vec<(PathBuf, Outcome)>,
    /// Each photo (and its credit file beside it).
    pub photos: Vec<(PathBuf, Outcome)>,
}

/// Writes `articles` into `content` (whose `network.toml` is `network`):
/// `<content>/<edition>/<id>.txt` each, their images downloaded with
/// `fetch` into `<content>/photos/` and credited to the image's credit or
/// else `site_name`. Nothing is written unless everything can be.
pub fn write_articles(
    content: &Path,
    network: &NetworkConfig,
    articles: &[ImportedArticle],
    site_name: &str,
    fetch: &mut Fetch,
) -> Result<WriteReport, Vec<Problem>> {
    todo!(
        "skeleton: the interface for importers; {} {} {} {}",
        content.display(),
        network.editions.len(),
        articles.len(),
        site_name.len() + fetch("").map_or(0, |bytes| bytes.len())
    )
}
