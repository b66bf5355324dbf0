//! The reader's URL scheme, in one place for the app's links and the content
//! tool's feeds and sitemaps:
//!
//! | page | path |
//! | --- | --- |
//! | edition front page | `{base}/de/` (`?page=2` and on) |
//! | section page | `{base}/de/section/bri-nachrichten/aktuelles` (`?page=2` and on) |
//! | article page | `{base}/de/article/ecf15130d4b083e2` |
//! | feeds of the front page | `{base}/feeds/de/rss.xml`, `atom.xml`, `feed.json` |
//! | feeds of a section | `{base}/feeds/de/section/bri-nachrichten/aktuelles/rss.xml`, … |
//!
//! `base` is where the site is deployed: empty at a domain's root, `/news`
//! under a sub-path. Every link the app renders comes from here, so a
//! sub-path deployment needs no other change.

use crate::format::Edition;
use crate::slug::{SectionPath, Slug};

/// The query parameter that carries the page number of a list.
pub const PAGE_PARAMETER: &str = "page";

/// Builds every in-site link from one base path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    base: String,
}

impl Site {
    /// `base` is a path such as `/news/` or `/`; trailing slashes are dropped.
    pub fn new(base: &str) -> Self {
        Self {
            base: base.trim_end_matches('/').to_owned(),
        }
    }

    /// The base without a trailing slash (empty at the root), as the router wants it.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// The network's home, which leads to the default edition.
    pub fn home(&self) -> String {
        format!("{}/", self.base)
    }

    /// The front page of `edition`, at list page `page` (1 for the first).
    pub fn edition(&self, edition: &Slug, page: u32) -> String {
        with_page(format!("{}/{edition}/", self.base), page)
    }

    pub fn section(&self, edition: &Slug, section: &SectionPath, page: u32) -> String {
        with_page(format!("{}/{edition}/section/{section}", self.base), page)
    }

    pub fn article(&self, edition: &Slug, id: &Slug) -> String {
        format!("{}/{edition}/article/{id}", self.base)
    }

    /// A feed of the edition's front page (`section` `None`) or of a section.
    /// Feeds are files the content build writes, outside the app's routes.
    pub fn feed(&self, edition: &Slug, section: Option<&SectionPath>, kind: FeedKind) -> String {
        let file = kind.file_name();
        match section {
            None => format!("{}/feeds/{edition}/{file}", self.base),
            Some(section) => format!("{}/feeds/{edition}/section/{section}/{file}", self.base),
        }
    }
}

/// The three feed formats every list is published in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedKind {
    Rss,
    Atom,
    Json,
}

impl FeedKind {
    pub const ALL: [FeedKind; 3] = [FeedKind::Rss, FeedKind::Atom, FeedKind::Json];

    pub fn file_name(self) -> &'static str {
        match self {
            FeedKind::Rss => "rss.xml",
            FeedKind::Atom => "atom.xml",
            FeedKind::Json => "feed.json",
        }
    }

    /// What a feed reader's list of a page's feeds calls it.
    pub fn label(self) -> &'static str {
        match self {
            FeedKind::Rss => "RSS",
            FeedKind::Atom => "Atom",
            FeedKind::Json => "JSON Feed",
        }
    }

    /// For `<link rel="alternate" type>`, which feed readers discover feeds by.
    pub fn media_type(self) -> &'static str {
        match self {
            FeedKind::Rss => "application/rss+xml",
            FeedKind::Atom => "application/atom+xml",
            FeedKind::Json => "application/feed+json",
        }
    }
}

/// One step of a breadcrumb: what it says and where it leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crumb {
    pub label: String,
    pub href: String,
}

impl Site {
    /// The breadcrumb to `section` (or to the edition itself): network,
    /// edition, then each section from the top. `None` if the edition has no
    /// such section.
    pub fn breadcrumb(&self, edition: &Edition, section: Option<&SectionPath>) -> Option<Vec<Crumb>> {
        let mut crumbs = vec![
            Crumb {
                label: edition.network.short_name.clone(),
                href: self.home(),
            },
            Crumb {
                label: edition.name.clone(),
                href: self.edition(&edition.id, 1),
            },
        ];
        if let Some(section) = section {
            let trail = edition.section_trail(section)?;
            crumbs.extend(trail.iter().zip(section.ancestry()).map(|(step, path)| Crumb {
                label: step.name.clone(),
                href: self.section(&edition.id, &path, 1),
            }));
        }
        Some(crumbs)
    }
}

fn with_page(path: String, page: u32) -> String {
    if page > 1 {
        format!("{path}?{PAGE_PARAMETER}={page}")
    } else {
        path
    }
}

/// Reads a `page` query value: absent means the first page; anything that is
/// not a page number (0, negative, text) is `None`, a page that does not exist.
pub fn parse_page(value: Option<&str>) -> Option<u32> {
    match value {
        None => Some(1),
        Some(text) => text.parse().ok().filter(|page| *page >= 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slug(text: &str) -> Slug {
        Slug::try_from(text).unwrap()
    }

    #[test]
    fn links_at_the_domain_root() {
        let site = Site::new("/");
        assert_eq!(site.base(), "");
        assert_eq!(site.home(), "/");
        assert_eq!(site.edition(&slug("de"), 1), "/de/");
        assert_eq!(site.edition(&slug("de"), 3), "/de/?page=3");
        assert_eq!(
            site.article(&slug("de"), &slug("ecf15130d4b083e2")),
            "/de/article/ecf15130d4b083e2"
        );
    }

    #[test]
    fn every_link_under_a_sub_path_starts_with_it() {
        let site = Site::new("/news/");
        let section = SectionPath::try_from("bri-nachrichten/aktuelles").unwrap();
        assert_eq!(site.home(), "/news/");
        assert_eq!(
            site.section(&slug("de"), &section, 1),
            "/news/de/section/bri-nachrichten/aktuelles"
        );
        assert_eq!(
            site.section(&slug("de"), &section, 2),
            "/news/de/section/bri-nachrichten/aktuelles?page=2"
        );
        assert_eq!(site.article(&slug("de"), &slug("a1")), "/news/de/article/a1");
        assert_eq!(
            site.feed(&slug("de"), None, FeedKind::Rss),
            "/news/feeds/de/rss.xml"
        );
        assert_eq!(
            site.feed(&slug("de"), Some(&section), FeedKind::Json),
            "/news/feeds/de/section/bri-nachrichten/aktuelles/feed.json"
        );
    }

    #[test]
    fn seed_breadcrumb_runs_from_network_to_subsection() {
        let edition: Edition = serde_json::from_str(
            r#"{"format":1,"network":{"short_name":"BRNN","name":"Belt and Road News Network"},"id":"de",
                "lang":"de","name":"„Belt and Road“-Nachrichtennetzwerk","page_size":10,
                "sections":[{"slug":"bri-nachrichten","name":"BRI-Nachrichten",
                "sections":[{"slug":"aktuelles","name":"Aktuelles"}]}]}"#,
        )
        .unwrap();
        let section = SectionPath::try_from("bri-nachrichten/aktuelles").unwrap();
        let crumbs = Site::new("/").breadcrumb(&edition, Some(&section)).unwrap();
        let labels: Vec<&str> = crumbs.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "BRNN",
                "„Belt and Road“-Nachrichtennetzwerk",
                "BRI-Nachrichten",
                "Aktuelles"
            ]
        );
        let hrefs: Vec<&str> = crumbs.iter().map(|c| c.href.as_str()).collect();
        assert_eq!(
            hrefs,
            [
                "/",
                "/de/",
                "/de/section/bri-nachrichten",
                "/de/section/bri-nachrichten/aktuelles"
            ]
        );
        assert_eq!(Site::new("/").breadcrumb(&edition, None).unwrap().len(), 2);
        let unknown = SectionPath::try_from("bri-nachrichten/sport").unwrap();
        assert_eq!(Site::new("/").breadcrumb(&edition, Some(&unknown)), None);
    }

    #[test]
    fn page_numbers_from_the_query() {
        assert_eq!(parse_page(None), Some(1));
        assert_eq!(parse_page(Some("4")), Some(4));
        for bad in ["0", "-1", "zwei", "", "1.5"] {
            assert_eq!(parse_page(Some(bad)), None, "{bad}");
        }
    }
}
