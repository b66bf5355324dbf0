//! The head of a page of an edition: title, description, canonical
//! address, Open Graph and Twitter card, and its JSON-LD. Prerendered pages
//! carry it in their HTML; in the app it is replaced on every navigation.

use brnn_model::date::Published;
use brnn_model::structured_data::{og_locale, script_text};
use serde_json::Value;

use crate::context::{use_config, use_edition};
use crate::head::{show_head, HeadTag};

/// What kind of page, for `og:type`: an article (with its date and
/// section's name) or any other page of the site.
pub enum PageKind {
    Article { published: Published, section: String },
    Website,
}

/// The facts a page's head tells of it.
pub struct PageHead {
    pub title: String,
    pub description: String,
    /// The page's own address (from `Site`).
    pub path: String,
    pub kind: PageKind,
    /// Its JSON-LD.
    pub data: Vec<Value>,
    /// Further links: feeds, other languages.
    pub links: Vec<HeadTag>,
}

impl PageHead {
    pub fn show(self) {
        let edition = use_edition();
        let url = use_config().absolute(&self.path);
        let mut tags = vec![
            HeadTag::meta("description", self.description.clone()),
            HeadTag::link("canonical", url.clone()),
            HeadTag::property("og:title", self.title.clone()),
            HeadTag::property("og:description", self.description),
            HeadTag::property("og:url", url),
            HeadTag::property("og:site_name", edition.network.name.clone()),
            HeadTag::property("og:locale", og_locale(&edition.lang)),
        ];
        match self.kind {
            PageKind::Article { published, section } => tags.extend([
                HeadTag::property("og:type", "article"),
                HeadTag::property("article:published_time", published.to_string()),
                HeadTag::property("article:section", section),
            ]),
            PageKind::Website => tags.push(HeadTag::property("og:type", "website")),
        }
        tags.push(HeadTag::meta("twitter:card", "summary"));
        tags.extend(self.links);
        tags.extend(self.data.iter().map(|data| HeadTag::json_ld(script_text(data))));
        show_head(self.title, tags);
    }
}
