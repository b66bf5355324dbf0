//! The reader's URL scheme, in one place for the app's links and the content
//! tool's feeds and sitemaps:
//!
//! | page | path | prerendered file |
//! | --- | --- | --- |
//! | network root | `{base}/` | `index.html` |
//! | edition front page | `{base}/de/`, then `{base}/de/pages/1`, … | `de/index.html`, `de/pages/1.html` |
//! | section page | `{base}/de/section/bri-nachrichten/aktuelles/`, `…/aktuelles/pages/1` | `de/section/bri-nachrichten/aktuelles/index.html`, `…/pages/1.html` |
//! | article page | `{base}/de/article/ecf15130d4b083e2` | `de/article/ecf15130d4b083e2.html` |
//! | author page | `{base}/de/author/li-wei/`, `…/li-wei/pages/1` | `de/author/li-wei/index.html`, `…/pages/1.html` |
//! | search page | `{base}/de/search?q=…` | `de/search.html` |
//! | page of the house | `{base}/de/info/impressum` | `de/info/impressum.html` |
//! | archive: months, a month, a day | `{base}/de/archive/`, `…/archive/2025/11/`, `…/archive/2025/11/04` | `de/archive/index.html`, `…/2025/11/index.html`, `…/2025/11/04.html` |
//! | the edition's not-found page | `{base}/de/404` | `de/404.html` |
//! | feeds of the front page | `{base}/feeds/de/rss.xml`, `atom.xml`, `feed.json` |
//! | feeds of a section | `{base}/feeds/de/section/bri-nachrichten/aktuelles/rss.xml`, … |
//! | the edition's search index | `{base}/pagefind/de/`: `bundles.json`, then a Pagefind bundle per span of days (the newest day `2025-day/pagefind.js`, the rest of its month `2025-month/…`, of its year `2025/…`, each year before `2024/…`) |
//!
//! `base` is where the site is deployed: empty at a domain's root, `/news`
//! under a sub-path. Every link the app renders comes from here, so a
//! sub-path deployment needs no other change.
//!
//! Every address is a file a static host serves as it is (`/a/b` from
//! `a/b.html`, `/a/` from `a/index.html`). A page that has pages below it
//! (an edition, a section) ends in `/` and is a folder's `index.html`, so
//! no `x.html` ever stands beside a folder `x/`, which hosts read
//! differently.
//!
//! A list's own address shows its newest page; its other pages are
//! numbered from the oldest (`pages/1` holds the oldest articles), so that
//! their addresses and content stay as they are when articles are added
//! (`crate::paging`). Older addresses counted from the newest (`page/2`,
//! `?page=2`); the app still reads them and moves on to the page that now
//! holds their articles ([`ListPosition::Legacy`]). Both segments are kept
//! from section slugs.

use std::fmt;
use std::str::FromStr;

use crate::date::{CivilDate, YearMonth};
use crate::format::{paths, Edition};
use crate::slug::{SectionPath, Slug};

/// The segment before a list page's number, counted from the oldest:
/// `…/pages/1`. No section may be called so.
pub const PAGES_SEGMENT: &str = "pages";
/// The segment of the older addresses of list pages, counted from the
/// newest (`…/page/2`): read, never written. No section may be called so.
pub const LEGACY_PAGE_SEGMENT: &str = "page";
/// The segment before an author's slug: `/de/author/li-wei/`.
const AUTHOR_SEGMENT: &str = "author";
/// The segment before a page of the house: `/de/info/impressum`.
const HOUSE_SEGMENT: &str = "info";
/// The segment of the date archive: `/de/archive/2025/11/04`.
const ARCHIVE_SEGMENT: &str = "archive";
/// An edition's search page: `/de/search?q=…`.
const SEARCH_SEGMENT: &str = "search";
/// The query parameter of the search page, as its form sends it.
pub const SEARCH_PARAMETER: &str = "q";

/// The folder of the editions' search indexes, below the site's root.
const SEARCH_INDEX_FOLDER: &str = "pagefind";
/// In an edition's search index: its bundles' folders, newest first, each
/// name starting with its year (`2025-day`, `2025-month`, `2025`, `2024`).
pub const SEARCH_BUNDLES_FILE: &str = "bundles.json";

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

    /// A listing's own address, which shows its newest articles: the
    /// edition's front page when `section` is `None`, else the section's page.
    pub fn listing(&self, edition: &Slug, section: Option<&SectionPath>) -> String {
        match section {
            None => format!("{}/{edition}/", self.base),
            Some(section) => format!("{}/{edition}/section/{section}/", self.base),
        }
    }

    /// Page `page` of a listing, counted from its oldest page (1).
    pub fn listing_page(&self, edition: &Slug, section: Option<&SectionPath>, page: u32) -> String {
        numbered(self.listing(edition, section), page)
    }

    /// The list of an author's articles, at its newest page.
    pub fn author(&self, edition: &Slug, author: &Slug) -> String {
        format!("{}/{edition}/{AUTHOR_SEGMENT}/{author}/", self.base)
    }

    /// Page `page` of the list of an author's articles, counted from its oldest page (1).
    pub fn author_page(&self, edition: &Slug, author: &Slug, page: u32) -> String {
        numbered(self.author(edition, author), page)
    }

    /// The file that holds the page at `path` (a path of this site), relative
    /// to the site's root folder: `/de/` is `de/index.html`, `/de/article/x`
    /// is `de/article/x.html`.
    pub fn page_file(&self, path: &str) -> String {
        let relative = path
            .strip_prefix(&self.base)
            .unwrap_or(path)
            .trim_start_matches('/');
        if relative.is_empty() || relative.ends_with('/') {
            format!("{relative}index.html")
        } else {
            format!("{relative}.html")
        }
    }

    pub fn article(&self, edition: &Slug, id: &Slug) -> String {
        format!("{}/{edition}/article/{id}", self.base)
    }

    /// A page of the house (about, imprint, …).
    pub fn house_page(&self, edition: &Slug, slug: &Slug) -> String {
        format!("{}/{edition}/{HOUSE_SEGMENT}/{slug}", self.base)
    }

    /// The date archive: its list of months, a month's days, or a day's articles.
    pub fn archive(&self, edition: &Slug, period: ArchivePeriod) -> String {
        let archive = format!("{}/{edition}/{ARCHIVE_SEGMENT}/", self.base);
        match period {
            ArchivePeriod::All => archive,
            ArchivePeriod::Month(month) => format!("{archive}{:04}/{:02}/", month.year, month.month),
            ArchivePeriod::Day(date) => {
                format!("{archive}{:04}/{:02}/{:02}", date.year, date.month, date.day)
            }
        }
    }

    /// The edition's page for its addresses that lead nowhere (`/de/404`,
    /// the file `de/404.html`), which hosts can answer them with.
    pub fn not_found(&self, edition: &Slug) -> String {
        format!("{}/{edition}/404", self.base)
    }

    /// The edition's search page; with a query, its results for it.
    pub fn search(&self, edition: &Slug, query: &str) -> String {
        let page = format!("{}/{edition}/{SEARCH_SEGMENT}", self.base);
        if query.is_empty() {
            return page;
        }
        let query: String = form_urlencoded::Serializer::new(String::new())
            .append_pair(SEARCH_PARAMETER, query)
            .finish();
        format!("{page}?{query}")
    }

    /// The search page's query (without its `?`) as the reader typed it,
    /// spaces and all: it is what the field shows. What is searched for is
    /// that, trimmed.
    pub fn search_query(query: &str) -> String {
        form_urlencoded::parse(query.as_bytes())
            .find(|(name, _)| name == SEARCH_PARAMETER)
            .map(|(_, value)| value.into_owned())
            .unwrap_or_default()
    }

    /// The folder of `edition`'s search index, below the site's root
    /// whatever the base: `pagefind/de`, where the build writes it.
    pub fn search_index_folder(edition: &Slug) -> String {
        format!("{SEARCH_INDEX_FOLDER}/{edition}")
    }

    /// The address of `edition`'s search index folder: `/news/pagefind/de/`.
    pub fn search_index(&self, edition: &Slug) -> String {
        format!("{}/{}/", self.base, Self::search_index_folder(edition))
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

/// Page `page` of the list at `list` (ending in `/`).
fn numbered(list: String, page: u32) -> String {
    format!("{list}{PAGES_SEGMENT}/{page}")
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

/// What a page of the date archive covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArchivePeriod {
    /// Every month that has articles.
    All,
    Month(YearMonth),
    Day(CivilDate),
}

impl ArchivePeriod {
    /// Reads the address below `archive/`: empty, `2025/11/` or
    /// `2025/11/04` (a trailing `/` allowed), with four-digit years and
    /// two-digit months and days, as [`Site::archive`] writes them.
    fn parse(text: &str) -> Option<Self> {
        let parts: Vec<&str> = text.strip_suffix('/').unwrap_or(text).split('/').collect();
        match parts.as_slice() {
            [""] => Some(ArchivePeriod::All),
            [year, month] => format!("{year}-{month}").parse().ok().map(ArchivePeriod::Month),
            [year, month, day] => format!("{year}-{month}-{day}")
                .parse()
                .ok()
                .map(ArchivePeriod::Day),
            _ => None,
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
                href: self.listing(&edition.id, None),
            },
        ];
        if let Some(section) = section {
            let trail = edition.section_trail(section)?;
            crumbs.extend(trail.iter().zip(section.ancestry()).map(|(step, path)| Crumb {
                label: step.name.clone(),
                href: self.listing(&edition.id, Some(&path)),
            }));
        }
        Some(crumbs)
    }
}

/// A list page's number as the address carries it (`page/2`): 1 or more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PageNumber(u32);

impl PageNumber {
    /// What an address without a page number shows.
    pub const FIRST: PageNumber = PageNumber(1);

    pub fn get(self) -> u32 {
        self.0
    }
}

/// Why a page segment is no page number; it quotes the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageNumberError(String);

impl fmt::Display for PageNumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a page number (1, 2, 3, …)", self.0)
    }
}

impl std::error::Error for PageNumberError {}

impl FromStr for PageNumber {
    type Err = PageNumberError;

    /// Digits only, at least 1: `0`, `-1`, `+2`, `1.5` and words are refused.
    fn from_str(text: &str) -> Result<Self, PageNumberError> {
        text.bytes()
            .all(|byte| byte.is_ascii_digit())
            .then(|| text.parse().ok())
            .flatten()
            .filter(|page| *page >= 1)
            .map(PageNumber)
            .ok_or_else(|| PageNumberError(text.to_owned()))
    }
}

/// Which page of a list an address shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListPosition {
    /// The list's own address (`/de/`, `…/section/aktuelles/`): its newest page.
    Newest,
    /// `…/pages/n`: page n counted from the oldest, which stays as it is once full.
    Page(PageNumber),
    /// `…/page/n` or `?page=n` (n from 2): page n as older addresses
    /// counted, from the newest. No file answers it; the app moves on to
    /// the page that now holds its articles (`Paging::holding_legacy_page`).
    Legacy(PageNumber),
}

impl ListPosition {
    /// Page `page` as the older addresses counted it; their first page is the newest.
    fn legacy(page: PageNumber) -> Self {
        if page == PageNumber::FIRST {
            ListPosition::Newest
        } else {
            ListPosition::Legacy(page)
        }
    }
}

/// The part of a section page's address after `section/`: the section's
/// path, then `pages/n` or the older `page/n`; a trailing `/` is allowed
/// (`bri-nachrichten/aktuelles/`, `bri-nachrichten/pages/2`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionAddress {
    pub section: SectionPath,
    pub position: ListPosition,
}

impl FromStr for SectionAddress {
    type Err = crate::slug::SectionPathError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let (section, position) = split_page(text);
        Ok(Self {
            section: section.parse()?,
            position,
        })
    }
}

/// A list's address below its kind (`aktuelles/pages/2`, `li-wei/`) as what
/// the list is and which of its pages (the newest when none is given); a
/// trailing `/` is allowed.
fn split_page(text: &str) -> (&str, ListPosition) {
    let trimmed = text.strip_suffix('/').unwrap_or(text);
    let numbered = trimmed.rsplit_once('/').and_then(|(rest, number)| {
        let (list, segment) = rest.rsplit_once('/').unwrap_or(("", rest));
        let number = number.parse::<PageNumber>().ok()?;
        match segment {
            PAGES_SEGMENT => Some((list, ListPosition::Page(number))),
            LEGACY_PAGE_SEGMENT => Some((list, ListPosition::legacy(number))),
            _ => None,
        }
    });
    numbered.unwrap_or((trimmed, ListPosition::Newest))
}

/// What an address of the site shows: the app draws it, the build renders it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `{base}/`: the network's home, which leads to the default edition.
    Home,
    /// `{base}/{edition}…`: a screen of one edition, framed by its masthead.
    Edition { edition: Slug, screen: Screen },
    /// Outside the base, or no edition's address.
    NotFound,
}

/// The screens of an edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// The front page (`section` `None`) or a section's page.
    Listing {
        section: Option<SectionPath>,
        position: ListPosition,
    },
    Article {
        id: Slug,
    },
    /// A page of the list of an author's articles.
    Author {
        slug: Slug,
        position: ListPosition,
    },
    /// The search page; what is searched for is the address's `q`
    /// ([`Site::search_query`]), which changes as the reader types without
    /// making it another screen.
    Search,
    /// A page of the house.
    House {
        slug: Slug,
    },
    /// A page of the date archive.
    Archive(ArchivePeriod),
    /// An address below the edition that leads nowhere.
    NotFound,
}

impl Screen {
    /// The endpoint document the screen shows (besides the edition's), for
    /// fetching it ahead of a click; `None` for the search page and an
    /// address that leads nowhere.
    pub fn document(&self, edition: &Slug) -> Option<String> {
        Some(match self {
            Screen::Listing {
                section,
                position: ListPosition::Page(page),
            } => paths::list_page(edition, section.as_ref(), page.get()),
            // The newest page is where an older address's page is looked up.
            Screen::Listing { section: None, .. } => paths::front(edition),
            Screen::Listing {
                section: Some(section),
                ..
            } => paths::newest_list_page(edition, section),
            Screen::Article { id } => paths::article(edition, id),
            Screen::Author {
                slug,
                position: ListPosition::Page(page),
            } => paths::author_page(edition, slug, page.get()),
            Screen::Author { slug, .. } => paths::newest_author_page(edition, slug),
            Screen::House { slug } => paths::house_page(edition, slug),
            Screen::Archive(ArchivePeriod::All) => paths::archive_index(edition),
            Screen::Archive(ArchivePeriod::Month(month)) => paths::archive_month(edition, *month),
            Screen::Archive(ArchivePeriod::Day(date)) => paths::archive_day(edition, *date),
            Screen::Search | Screen::NotFound => return None,
        })
    }
}

impl Site {
    /// Reads an address as [`Self::listing`], [`Self::article`] and
    /// [`Self::author`] write it:
    /// `path` with the base, and the query without its `?`. A list's page
    /// may also come as `?page=n`, the oldest form (counted from the newest).
    pub fn route(&self, path: &str, query: &str) -> Route {
        let Some(rest) = path.strip_prefix(&self.base) else {
            return Route::NotFound;
        };
        let rest = match rest {
            "" | "/" => return Route::Home,
            rest => match rest.strip_prefix('/') {
                Some(rest) => rest,
                None => return Route::NotFound,
            },
        };
        let (edition, below) = rest.split_once('/').unwrap_or((rest, ""));
        let Ok(edition) = edition.parse::<Slug>() else {
            return Route::NotFound;
        };
        let screen = Self::screen(below, query).unwrap_or(Screen::NotFound);
        Route::Edition { edition, screen }
    }

    /// `below` is the address after `{edition}/`.
    fn screen(below: &str, query: &str) -> Option<Screen> {
        let listing = |section, position| {
            let legacy_page = query
                .split('&')
                .find_map(|pair| pair.strip_prefix("page="))
                .map(str::parse::<PageNumber>);
            Some(Screen::Listing {
                section,
                position: match legacy_page {
                    Some(page) => ListPosition::legacy(page.ok()?),
                    None => position,
                },
            })
        };
        if below.is_empty() {
            return listing(None, ListPosition::Newest);
        }
        if below == SEARCH_SEGMENT {
            return Some(Screen::Search);
        }
        if below == ARCHIVE_SEGMENT {
            return Some(Screen::Archive(ArchivePeriod::All));
        }
        let (kind, rest) = below.split_once('/')?;
        match kind {
            PAGES_SEGMENT => listing(None, ListPosition::Page(rest.parse().ok()?)),
            LEGACY_PAGE_SEGMENT => listing(None, ListPosition::legacy(rest.parse().ok()?)),
            "section" => {
                let address: SectionAddress = rest.parse().ok()?;
                listing(Some(address.section), address.position)
            }
            "article" => Some(Screen::Article {
                id: rest.parse().ok()?,
            }),
            HOUSE_SEGMENT => Some(Screen::House {
                slug: rest.parse().ok()?,
            }),
            ARCHIVE_SEGMENT => ArchivePeriod::parse(rest).map(Screen::Archive),
            AUTHOR_SEGMENT => {
                let (slug, position) = split_page(rest);
                Some(Screen::Author {
                    slug: slug.parse().ok()?,
                    position,
                })
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slug(text: &str) -> Slug {
        text.parse().unwrap()
    }

    #[test]
    fn links_at_the_domain_root() {
        let site = Site::new("/");
        assert_eq!(site.base(), "");
        assert_eq!(site.home(), "/");
        assert_eq!(site.listing(&slug("de"), None), "/de/");
        assert_eq!(site.listing_page(&slug("de"), None, 3), "/de/pages/3");
        assert_eq!(
            site.article(&slug("de"), &slug("ecf15130d4b083e2")),
            "/de/article/ecf15130d4b083e2"
        );
    }

    #[test]
    fn every_link_under_a_sub_path_starts_with_it() {
        let site = Site::new("/news/");
        let section = SectionPath::from_str("bri-nachrichten/aktuelles").unwrap();
        assert_eq!(site.home(), "/news/");
        assert_eq!(
            site.listing(&slug("de"), Some(&section)),
            "/news/de/section/bri-nachrichten/aktuelles/"
        );
        assert_eq!(
            site.listing_page(&slug("de"), Some(&section), 2),
            "/news/de/section/bri-nachrichten/aktuelles/pages/2"
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
        assert_eq!(site.search_index(&slug("de")), "/news/pagefind/de/");
        assert_eq!(Site::search_index_folder(&slug("de")), "pagefind/de");
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
        let section = SectionPath::from_str("bri-nachrichten/aktuelles").unwrap();
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
                "/de/section/bri-nachrichten/",
                "/de/section/bri-nachrichten/aktuelles/"
            ]
        );
        assert_eq!(Site::new("/").breadcrumb(&edition, None).unwrap().len(), 2);
        let unknown = SectionPath::from_str("bri-nachrichten/sport").unwrap();
        assert_eq!(Site::new("/").breadcrumb(&edition, Some(&unknown)), None);
    }

    #[test]
    fn page_numbers_from_the_query() {
        assert_eq!("4".parse::<PageNumber>().map(PageNumber::get), Ok(4));
        for bad in ["0", "-1", "+2", "zwei", "", "1.5"] {
            let error = bad.parse::<PageNumber>().unwrap_err();
            assert_eq!(
                error.to_string(),
                format!("`{bad}` is not a page number (1, 2, 3, …)")
            );
        }
    }

    #[test]
    fn every_page_is_a_file_and_no_file_stands_beside_a_folder_of_its_name() {
        let site = Site::new("/news/");
        let section = SectionPath::from_str("bri-nachrichten/aktuelles").unwrap();
        let files: Vec<String> = [
            site.home(),
            site.listing(&slug("de"), None),
            site.listing_page(&slug("de"), None, 2),
            site.listing(&slug("de"), Some(&section)),
            site.listing_page(&slug("de"), Some(&section), 3),
            site.article(&slug("de"), &slug("a1")),
            site.author(&slug("de"), &slug("li-wei")),
            site.author_page(&slug("de"), &slug("li-wei"), 2),
        ]
        .iter()
        .map(|path| site.page_file(path))
        .collect();
        assert_eq!(
            files,
            [
                "index.html",
                "de/index.html",
                "de/pages/2.html",
                "de/section/bri-nachrichten/aktuelles/index.html",
                "de/section/bri-nachrichten/aktuelles/pages/3.html",
                "de/article/a1.html",
                "de/author/li-wei/index.html",
                "de/author/li-wei/pages/2.html"
            ]
        );
    }

    #[test]
    fn a_section_address_reads_back_what_listing_writes() {
        let section = SectionPath::from_str("bri-nachrichten/aktuelles").unwrap();
        for page in [1, 2, 12] {
            let path = Site::new("/").listing_page(&slug("de"), Some(&section), page);
            let address: SectionAddress = path.strip_prefix("/de/section/").unwrap().parse().unwrap();
            assert_eq!(address.section, section);
            assert_eq!(
                address.position,
                ListPosition::Page(page.to_string().parse().unwrap())
            );
        }
        let without_slash: SectionAddress = "bri-nachrichten".parse().unwrap();
        assert_eq!(without_slash.section.to_string(), "bri-nachrichten");
        assert_eq!(without_slash.position, ListPosition::Newest);
        let older: SectionAddress = "bri-nachrichten/page/2".parse().unwrap();
        assert_eq!(older.position, ListPosition::Legacy(PageNumber(2)));
        let older_first: SectionAddress = "bri-nachrichten/page/1".parse().unwrap();
        assert_eq!(older_first.position, ListPosition::Newest);
        for refused in ["", "Sport/", "bri-nachrichten/page/-1"] {
            assert!(refused.parse::<SectionAddress>().is_err(), "{refused}");
        }
    }

    #[test]
    fn every_address_the_site_writes_reads_back_as_its_screen() {
        let section = SectionPath::from_str("bri-nachrichten/aktuelles").unwrap();
        for base in ["/", "/news/"] {
            let site = Site::new(base);
            let edition = |screen| Route::Edition {
                edition: slug("de"),
                screen,
            };
            let listing = |section: Option<&SectionPath>, position| Screen::Listing {
                section: section.cloned(),
                position,
            };
            let numbered = |page: u32| ListPosition::Page(PageNumber(page));
            assert_eq!(site.route(&site.home(), ""), Route::Home);
            assert_eq!(
                site.route(&site.listing(&slug("de"), None), ""),
                edition(listing(None, ListPosition::Newest))
            );
            assert_eq!(
                site.route(&site.listing(&slug("de"), Some(&section)), ""),
                edition(listing(Some(&section), ListPosition::Newest))
            );
            assert_eq!(
                site.route(&site.author(&slug("de"), &slug("li-wei")), ""),
                edition(Screen::Author {
                    slug: slug("li-wei"),
                    position: ListPosition::Newest,
                })
            );
            for page in [1, 2, 12] {
                assert_eq!(
                    site.route(&site.listing_page(&slug("de"), None, page), ""),
                    edition(listing(None, numbered(page)))
                );
                assert_eq!(
                    site.route(&site.listing_page(&slug("de"), Some(&section), page), ""),
                    edition(listing(Some(&section), numbered(page)))
                );
            }
            assert_eq!(
                site.route(&site.article(&slug("de"), &slug("a1")), ""),
                edition(Screen::Article { id: slug("a1") })
            );
            for page in [1, 2, 12] {
                assert_eq!(
                    site.route(&site.author_page(&slug("de"), &slug("li-wei"), page), ""),
                    edition(Screen::Author {
                        slug: slug("li-wei"),
                        position: numbered(page),
                    })
                );
            }
            assert_eq!(
                site.route(&site.house_page(&slug("de"), &slug("impressum")), ""),
                edition(Screen::House {
                    slug: slug("impressum")
                })
            );
            let month = "2025-11".parse().unwrap();
            let day = "2025-11-04".parse().unwrap();
            for period in [
                ArchivePeriod::All,
                ArchivePeriod::Month(month),
                ArchivePeriod::Day(day),
            ] {
                assert_eq!(
                    site.route(&site.archive(&slug("de"), period), ""),
                    edition(Screen::Archive(period))
                );
            }
        }
    }

    #[test]
    fn each_screen_names_the_document_it_shows() {
        let site = Site::new("/");
        let document = |path: &str| match site.route(path, "") {
            Route::Edition { edition, screen } => screen.document(&edition),
            _ => None,
        };
        assert_eq!(document("/de/").as_deref(), Some("de/front.json"));
        assert_eq!(document("/de/pages/2").as_deref(), Some("de/pages/2.json"));
        assert_eq!(
            document("/de/section/bri-nachrichten/aktuelles/").as_deref(),
            Some("de/sections/bri-nachrichten/aktuelles/pages/newest.json")
        );
        // An older address's page is looked up on the newest page.
        assert_eq!(document("/de/page/2").as_deref(), Some("de/front.json"));
        assert_eq!(
            document("/de/section/bri-nachrichten/aktuelles/page/2").as_deref(),
            Some("de/sections/bri-nachrichten/aktuelles/pages/newest.json")
        );
        assert_eq!(document("/de/article/a1").as_deref(), Some("de/articles/a1.json"));
        assert_eq!(
            document("/de/author/li-wei/pages/3").as_deref(),
            Some("de/authors/li-wei/pages/3.json")
        );
        assert_eq!(
            document("/de/author/li-wei/").as_deref(),
            Some("de/authors/li-wei/pages/newest.json")
        );
        assert_eq!(
            document("/de/info/impressum").as_deref(),
            Some("de/house/impressum.json")
        );
        assert_eq!(document("/de/archive/").as_deref(), Some("de/archive.json"));
        assert_eq!(
            document("/de/archive/2025/11/").as_deref(),
            Some("de/archive/2025/11.json")
        );
        assert_eq!(
            document("/de/archive/2025/11/04").as_deref(),
            Some("de/archive/2025/11/04.json")
        );
        assert_eq!(document("/de/search"), None);
        assert_eq!(document("/de/gibt/es/nicht"), None);
    }

    #[test]
    fn archive_addresses_are_dated_folders_and_refuse_dates_that_do_not_exist() {
        let site = Site::new("/news/");
        let de = slug("de");
        assert_eq!(site.archive(&de, ArchivePeriod::All), "/news/de/archive/");
        assert_eq!(
            site.archive(&de, ArchivePeriod::Month("2025-01".parse().unwrap())),
            "/news/de/archive/2025/01/"
        );
        let day = site.archive(&de, ArchivePeriod::Day("2025-11-04".parse().unwrap()));
        assert_eq!(day, "/news/de/archive/2025/11/04");
        assert_eq!(site.page_file(&day), "de/archive/2025/11/04.html");
        let archive = |below: &str| site.route(&format!("/news/de/archive{below}"), "");
        assert!(matches!(
            archive(""),
            Route::Edition {
                screen: Screen::Archive(ArchivePeriod::All),
                ..
            }
        ));
        assert!(matches!(
            archive("/2025/11"),
            Route::Edition {
                screen: Screen::Archive(ArchivePeriod::Month(_)),
                ..
            }
        ));
        for wrong in [
            "/2025/11/31",
            "/2025/13/",
            "/2025/1/4",
            "/2025",
            "/2025/11/04/x",
            "/x/y/",
        ] {
            assert!(
                matches!(
                    archive(wrong),
                    Route::Edition {
                        screen: Screen::NotFound,
                        ..
                    }
                ),
                "{wrong}"
            );
        }
    }

    #[test]
    fn author_pages_live_below_the_edition_and_are_paged_like_sections() {
        let site = Site::new("/news/");
        assert_eq!(
            site.author(&slug("de"), &slug("li-wei")),
            "/news/de/author/li-wei/"
        );
        assert_eq!(
            site.author_page(&slug("de"), &slug("li-wei"), 3),
            "/news/de/author/li-wei/pages/3"
        );
        let screen = |path| match site.route(path, "") {
            Route::Edition { screen, .. } => screen,
            other => panic!("{path}: {other:?}"),
        };
        assert_eq!(
            screen("/news/de/author/li-wei"),
            Screen::Author {
                slug: slug("li-wei"),
                position: ListPosition::Newest
            },
            "without its slash too"
        );
        for nowhere in [
            "/news/de/author/",
            "/news/de/author/Li_Wei/",
            "/news/de/author/li-wei/page/0",
            "/news/de/author/li-wei/pages/0",
            "/news/de/author/li-wei/extra/",
        ] {
            assert_eq!(screen(nowhere), Screen::NotFound, "{nowhere}");
        }
    }

    #[test]
    fn addresses_that_lead_nowhere_are_told_apart_by_whether_an_edition_frames_them() {
        let site = Site::new("/news/");
        assert_eq!(site.route("/news", ""), Route::Home);
        assert_eq!(site.route("/de/", ""), Route::NotFound, "outside the base");
        assert_eq!(site.route("/newsde/", ""), Route::NotFound);
        assert_eq!(site.route("/news/De/", ""), Route::NotFound, "no edition's id");
        let within = |path| match site.route(path, "") {
            Route::Edition { screen, .. } => screen,
            other => panic!("{path}: {other:?}"),
        };
        assert_eq!(
            within("/news/de"),
            Screen::Listing {
                section: None,
                position: ListPosition::Newest
            }
        );
        for nowhere in [
            "/news/de/page/0",
            "/news/de/page/",
            "/news/de/pages/0",
            "/news/de/pages/",
            "/news/de/impressum",
            "/news/de/article/",
            "/news/de/article/Kein_Slug",
            "/news/de/article/a1/b",
            "/news/de/section/",
            "/news/de/section/Sport/",
        ] {
            assert_eq!(within(nowhere), Screen::NotFound, "{nowhere}");
        }
    }

    #[test]
    fn a_search_address_holds_its_query_as_a_form_sends_it() {
        let site = Site::new("/news/");
        let address = site.search(&slug("de"), "Li Qiang & „Mischustin“");
        assert_eq!(
            address,
            "/news/de/search?q=Li+Qiang+%26+%E2%80%9EMischustin%E2%80%9C"
        );
        let (path, query) = address.split_once('?').unwrap();
        assert_eq!(
            site.route(path, query),
            Route::Edition {
                edition: slug("de"),
                screen: Screen::Search
            }
        );
        assert_eq!(Site::search_query(query), "Li Qiang & „Mischustin“");
        assert_eq!(site.search(&slug("de"), ""), "/news/de/search");
        assert_eq!(Site::search_query(""), "");
        assert_eq!(Site::search_query("x=1&q=Li+"), "Li ", "as typed, the space too");
        assert_eq!(site.page_file("/news/de/search"), "de/search.html");
        let not_found = site.not_found(&slug("de"));
        assert_eq!(site.page_file(&not_found), "de/404.html");
        assert_eq!(
            site.route(&not_found, ""),
            Route::Edition {
                edition: slug("de"),
                screen: Screen::NotFound
            }
        );
    }

    #[test]
    fn the_older_page_addresses_are_still_read() {
        let site = Site::new("/");
        let position = |path, query| match site.route(path, query) {
            Route::Edition {
                screen: Screen::Listing { position, .. },
                ..
            } => Some(position),
            _ => None,
        };
        let legacy = |page| Some(ListPosition::Legacy(PageNumber(page)));
        assert_eq!(position("/de/", "page=3"), legacy(3));
        assert_eq!(position("/de/page/3", ""), legacy(3));
        assert_eq!(position("/de/section/dokumente/", "x=1&page=2"), legacy(2));
        assert_eq!(position("/de/section/dokumente/page/2", ""), legacy(2));
        assert_eq!(position("/de/", "page=1"), Some(ListPosition::Newest));
        assert_eq!(position("/de/", "page=zwei"), None);
        assert_eq!(position("/de/", "utm_source=feed"), Some(ListPosition::Newest));
    }
}
