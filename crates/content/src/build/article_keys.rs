//! The keys of the files that show articles, made without their JSON:
//! from what each article is made from (`EditionContent::made_from`),
//! hashed once by the library, the file's kind and other fields, and this
//! tool's own build (a new one may write them differently). Equal keys,
//! equal bytes: an unchanged file is not even serialized, and a publish
//! into a large archive never makes the JSON of the articles it does not
//! show anew.

use brnn_model::format::{Article, FORMAT_VERSION};
use rustc_hash::FxHashMap;

use super::manifest::Key;
use crate::library::EditionContent;
use crate::this_build::this_build;

pub(super) struct ArticleKeys<'a> {
    /// This tool's build and the format's version.
    identity: Key,
    /// By article id: ids the library checked, asked for every article of every file.
    made_from: FxHashMap<&'a str, &'a [u8; 32]>,
}

impl<'a> ArticleKeys<'a> {
    /// The keys of an edition's articles.
    pub(super) fn of(content: &'a EditionContent) -> Self {
        let identity = Key::of(&[b"articles", &this_build(), &FORMAT_VERSION.to_le_bytes()]);
        let made_from = content
            .articles
            .iter()
            .map(|article| article.id.as_str())
            .zip(&content.made_from)
            .collect();
        ArticleKeys { identity, made_from }
    }

    /// The key of a file of the kind `kind` with the other `fields`
    /// (their bytes, each) that shows `articles`, in their order.
    pub(super) fn document(&self, kind: &str, fields: &[&[u8]], articles: &[&Article]) -> Key {
        let identity = self.identity.bytes();
        let mut parts: Vec<&[u8]> = vec![&identity, kind.as_bytes()];
        parts.extend(fields);
        // The number of fields, so that fields and articles never run together.
        let count = fields.len().to_le_bytes();
        parts.push(&count);
        parts.extend(
            articles
                .iter()
                .map(|article| self.made_from[article.id.as_str()].as_slice()),
        );
        Key::of(&parts)
    }
}
