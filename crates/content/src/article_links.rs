//! Links from the bodies of articles and pages of the house to articles of the network
//! (`[text](article:en/sample-logistics)`), checked across editions: each
//! must lead to an article that exists.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use brnn_model::body::ArticleRef;
use brnn_model::slug::Slug;
use rustc_hash::FxHashSet;

use crate::problem::Problem;

/// The article links of every source, gathered while the sources are read.
#[derive(Default)]
pub(crate) struct ArticleLinks {
    /// Per edition: the ids of all its source files, read or not, so that a
    /// link to a source with problems of its own is not also reported.
    ids: HashMap<Slug, FxHashSet<String>>,
    /// Where each link is: its file and line.
    links: Vec<(PathBuf, usize, ArticleRef)>,
}

impl ArticleLinks {
    /// Knows the articles of `edition`, whose sources are `files`.
    pub(crate) fn add_edition(&mut self, edition: &Slug, files: &[PathBuf]) {
        self.ids.insert(
            edition.clone(),
            files
                .iter()
                .filter_map(|file| file.file_stem()?.to_str().map(str::to_owned))
                .collect(),
        );
    }

    /// Keeps the article links of the source `file`, each with its line.
    pub(crate) fn add(&mut self, file: &Path, links: &[(ArticleRef, usize)]) {
        self.links.extend(
            links
                .iter()
                .map(|(article, line)| (file.to_owned(), *line, article.clone())),
        );
    }

    /// Every link that leads to no article.
    pub(crate) fn check(&self) -> Vec<Problem> {
        self.links
            .iter()
            .filter(|(_, _, article)| {
                !self
                    .ids
                    .get(&article.edition)
                    .is_some_and(|ids| ids.contains(article.id.as_str()))
            })
            .map(|(file, line, article)| {
                let place = if self.ids.contains_key(&article.edition) {
                    format!("edition `{}` has no article `{}`", article.edition, article.id)
                } else {
                    format!("the network has no edition `{}`", article.edition)
                };
                Problem::at(
                    file,
                    *line,
                    format!(
                        "the link to `article:{}/{}` leads nowhere: {place}",
                        article.edition, article.id
                    ),
                )
            })
            .collect()
    }
}
