//! The head of a page: [`show_head`], through which every screen state
//! shows its own, and for a page of an edition its title, description,
//! canonical address, Open Graph and Twitter card, and its JSON-LD.
//! Prerendered pages carry it in their HTML; in the app it is replaced on
//! every navigation.
//!
//! JSON-LD is for crawlers, which read the page the build wrote for each
//! address: only the native renderer builds it. The app leaves it out (and
//! with it a JSON writer in the wasm) and removes the previous page's.

use brnn_model::alternates::Alternate;
use brnn_model::body::Image;
use brnn_model::date::Published;
use brnn_model::structured_data::{og_locale, script_text};
use leptos::prelude::*;
use serde_json::Value;

use crate::context::{use_config, use_edition};
use crate::head::{HeadInView, HeadTag};
use crate::platform;

/// Shows the head of the screen state being drawn: its title and tags,
/// replacing the last. They go with the state: when it is replaced or
/// removed, so are they, unless a newer state showed its own meanwhile. So a
/// state that shows no head leaves none, never the previous page's.
pub fn show_head(title: impl Into<String>, tags: Vec<HeadTag>) {
    let Some(head) = use_context::<HeadInView>() else {
        return;
    };
    let shown = head.show(title.into(), tags);
    platform::on_state_gone(move || head.remove(shown));
}

/// What kind of page, for `og:type`: an article (with its headline, its
/// dates and its section's name) or any other page of the site.
pub enum PageKind {
    Article {
        /// A link preview's title: the headline alone, as `og:site_name`
        /// names the network.
        headline: String,
        published: Published,
        updated: Option<Published>,
        section: String,
    },
    Website,
}

/// The facts a page's head tells of it; `data(url, description)` builds its JSON-LD.
pub struct PageHead<D> {
    pub title: String,
    pub description: String,
    /// The page's own address (from `Site`).
    pub path: String,
    pub kind: PageKind,
    pub data: D,
    /// Further links: feeds.
    pub links: Vec<HeadTag>,
    /// The page in other languages (`hreflang`).
    pub alternates: Vec<Alternate>,
    /// The picture a link preview shows: an article's lead image.
    pub image: Option<Image>,
}

impl<D: FnOnce(&str, &str) -> Vec<Value>> PageHead<D> {
    pub fn show(self) {
        let edition = use_edition();
        let config = use_config();
        let url = config.absolute(&self.path);
        let og_title = match &self.kind {
            PageKind::Article { headline, .. } => headline.clone(),
            PageKind::Website => self.title.clone(),
        };
        let mut tags = vec![
            HeadTag::meta("description", self.description.clone()),
            HeadTag::link("canonical", url.clone()),
            HeadTag::property("og:title", og_title),
            HeadTag::property("og:description", self.description.clone()),
            HeadTag::property("og:url", url.clone()),
            HeadTag::property("og:site_name", edition.network.name.clone()),
            HeadTag::property("og:locale", og_locale(&edition.lang)),
        ];
        match self.kind {
            PageKind::Article {
                published,
                updated,
                section,
                ..
            } => {
                tags.extend([
                    HeadTag::property("og:type", "article"),
                    HeadTag::property("article:published_time", published.to_string()),
                ]);
                tags.extend(
                    updated.map(|updated| HeadTag::property("article:modified_time", updated.to_string())),
                );
                tags.push(HeadTag::property("article:section", section));
            }
            PageKind::Website => tags.push(HeadTag::property("og:type", "website")),
        }
        // A large preview where there is a picture (the build makes one at
        // least 1200 px wide when the photo is that wide).
        match &self.image {
            Some(image) => tags.extend([
                HeadTag::property("og:image", config.absolute_file(&image.src)),
                HeadTag::property("og:image:width", image.width.to_string()),
                HeadTag::property("og:image:height", image.height.to_string()),
                HeadTag::property("og:image:alt", image.alt.clone()),
                HeadTag::meta("twitter:card", "summary_large_image"),
            ]),
            None => tags.push(HeadTag::meta("twitter:card", "summary")),
        }
        tags.push(HeadTag::meta("robots", "max-image-preview:large"));
        tags.extend(self.links);
        tags.extend(self.alternates.into_iter().map(|alternate| {
            HeadTag::link("alternate", config.absolute(&alternate.href)).with("hreflang", alternate.hreflang)
        }));
        if platform::WRITES_STRUCTURED_DATA {
            tags.extend(
                (self.data)(&url, &self.description)
                    .iter()
                    .map(|data| HeadTag::json_ld(script_text(data))),
            );
        }
        show_head(self.title, tags);
    }
}
