//! The keys of the files that show articles, made without their JSON:
//! from what each article is made from (`ArticleCard::made_from`),
//! hashed once by the library, the file's kind and other fields, and this
//! tool's own build (a new one may write them differently). Equal keys,
//! equal bytes: an unchanged file is not even serialized, and a publish
//! into a large archive never makes the JSON of the articles it does not
//! show anew.

use brnn_model::format::FORMAT_VERSION;

use super::manifest::Key;
use crate::article_card::ArticleCard;
use crate::this_build::this_build;

pub(super) struct ArticleKeys {
    /// This tool's build and the format's version.
    identity: Key,
}

impl ArticleKeys {
    pub(super) fn new() -> Self {
        ArticleKeys {
            identity: Key::of(&[b"articles", &this_build(), &FORMAT_VERSION.to_le_bytes()]),
        }
    }

    /// The key of a file of the kind `kind` with the other `fields`
    /// (their bytes, each) that shows `articles`, in their order.
    pub(super) fn document(&self, kind: &str, fields: &[&[u8]], articles: &[&ArticleCard]) -> Key {
        let identity = self.identity.bytes();
        let mut parts: Vec<&[u8]> = vec![&identity, kind.as_bytes()];
        parts.extend(fields);
        // The number of fields, so that fields and articles never run together.
        let count = fields.len().to_le_bytes();
        parts.push(&count);
        parts.extend(articles.iter().map(|article| article.made_from.as_slice()));
        Key::of(&parts)
    }
}
