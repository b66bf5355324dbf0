//! The keys of the documents that list articles' summaries (the pages of
//! a list, the days of the date archive), made without their JSON: from
//! the key of each article's summary (of its JSON as written, once however
//! many documents show it), the document's kind and other fields, and this
//! tool's own build (a new one may write them differently). Equal keys,
//! equal bytes: an unchanged document is not even serialized.

use std::collections::HashMap;
use std::io;

use brnn_model::format::{Article, FORMAT_VERSION};

use super::manifest::{JsonKey, Key};
use crate::this_build::this_build;

pub(super) struct SummaryKeys<'a> {
    /// This tool's build and the format's version.
    identity: Key,
    summaries: HashMap<&'a str, Key>,
}

impl<'a> SummaryKeys<'a> {
    /// The summaries' keys of an edition's `articles`.
    pub(super) fn of(articles: &'a [Article]) -> io::Result<Self> {
        let identity = Key::of(&[b"summaries", &this_build(), &FORMAT_VERSION.to_le_bytes()]);
        let summaries = articles
            .iter()
            .map(|article| {
                let mut key = JsonKey::new(identity);
                key.add(&article.summary())?;
                Ok((article.id.as_str(), key.finish()))
            })
            .collect::<io::Result<_>>()?;
        Ok(SummaryKeys { identity, summaries })
    }

    /// The key of a document of the kind `kind` with the other `fields`
    /// (their bytes, each) and the summaries of `articles`, in their order.
    pub(super) fn document(&self, kind: &str, fields: &[&[u8]], articles: &[&Article]) -> Key {
        let identity = self.identity.bytes();
        let summaries: Vec<[u8; 16]> = articles
            .iter()
            .map(|article| self.summaries[article.id.as_str()].bytes())
            .collect();
        let mut parts: Vec<&[u8]> = vec![&identity, kind.as_bytes()];
        parts.extend(fields);
        // The number of fields, so that fields and summaries never run together.
        let count = fields.len().to_le_bytes();
        parts.push(&count);
        parts.extend(summaries.iter().map(|summary| summary.as_slice()));
        Key::of(&parts)
    }
}
