//! Links from the bodies of articles and pages of the house to articles of the network
//! (`[text](article:en/sample-logistics)`), checked across editions: each
//! must lead to an article that exists.

use std::path::{Path, PathBuf};

use brnn_model::body::ArticleRef;

use crate::problem::Problem;
use crate::source_ids::SourceIds;

/// The article links of every source, gathered while the sources are read.
#[derive(Default)]
pub(crate) struct ArticleLinks {
    /// Where each link is: its file and line.
    links: Vec<(PathBuf, usize, ArticleRef)>,
}

impl ArticleLinks {
    /// Keeps the article links of the source `file`, each with its line.
    pub(crate) fn add(&mut self, file: &Path, links: &[(ArticleRef, usize)]) {
        self.links.extend(
            links
                .iter()
                .map(|(article, line)| (file.to_owned(), *line, article.clone())),
        );
    }

    /// Every link that leads to no article: to none of the sources of `ids`.
    pub(crate) fn check(&self, ids: &SourceIds) -> Vec<Problem> {
        self.links
            .iter()
            .filter(|(_, _, article)| !ids.contains(&article.edition, article.id.as_str()))
            .map(|(file, line, article)| {
                let place = if ids.has_edition(&article.edition) {
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
