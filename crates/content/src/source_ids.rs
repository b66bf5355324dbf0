//! The ids of each edition's article sources, read or not, from their
//! files' names: a link or a translation to a source with problems of its
//! own is not also reported as leading nowhere (`article_links`,
//! `translations`). One set per edition for both: a million ids take some
//! 80 MB (their strings and the table), and there were two.

use std::path::PathBuf;

use brnn_model::slug::Slug;
use rustc_hash::{FxHashMap, FxHashSet};

#[derive(Default)]
pub(crate) struct SourceIds(FxHashMap<Slug, FxHashSet<String>>);

impl SourceIds {
    /// Knows the sources of `edition`, its `files`.
    pub(crate) fn add_edition(&mut self, edition: &Slug, files: &[PathBuf]) {
        // Made at its size, not grown by doubling.
        let mut ids = FxHashSet::with_capacity_and_hasher(files.len(), Default::default());
        ids.extend(
            files
                .iter()
                .filter_map(|file| file.file_stem()?.to_str().map(str::to_owned)),
        );
        self.0.insert(edition.clone(), ids);
    }

    pub(crate) fn has_edition(&self, edition: &Slug) -> bool {
        self.0.contains_key(edition)
    }

    /// Whether `edition` has a source for the article `id`.
    pub(crate) fn contains(&self, edition: &Slug, id: &str) -> bool {
        self.0.get(edition).is_some_and(|ids| ids.contains(id))
    }
}
