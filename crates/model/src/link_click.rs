//! Which clicks on links the app follows itself, and which it leaves to the
//! browser: a pure function of the click, the link and the addresses
//! involved, so that the rules are tested natively (the router only reads
//! these facts off the DOM event).
//!
//! The app takes a plain left click on a link to a screen of this site. The
//! browser keeps everything a reader or an author asked of it: another
//! button or a modifier key (new tab, new window, download), `target`,
//! `download` and `rel="external"`, another origin, an address outside the
//! site's base, a file that is no screen (a feed, a sitemap, an image, the
//! search index), and a jump within the page in view.

use crate::site::{Route, Site};

/// What the reader did: the event's flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Click {
    /// 0 for the main button.
    pub button: i16,
    /// Meta, Ctrl, Shift or Alt held.
    pub modified: bool,
    /// A handler of the page already took the click.
    pub default_prevented: bool,
}

/// The clicked link's attributes that ask the browser for something.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LinkAttributes<'a> {
    /// `target`, when present.
    pub target: Option<&'a str>,
    /// `download` is present.
    pub download: bool,
    /// `rel`, when present (a space-separated list).
    pub rel: Option<&'a str>,
}

/// An absolute address taken apart as the browser's `URL` does: the origin
/// (`https://news.example.org`), the path, the query with its `?` and the
/// fragment with its `#` (each empty when absent).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UrlParts<'a> {
    pub origin: &'a str,
    pub path: &'a str,
    pub search: &'a str,
    pub hash: &'a str,
}

/// The path, query and fragment the app should show for a click on a link
/// to `destination` from the page at `here`, or `None` where the browser
/// should act.
pub fn app_destination(
    site: &Site,
    click: Click,
    link: LinkAttributes,
    destination: UrlParts,
    here: UrlParts,
) -> Option<String> {
    let browser_asked = click.default_prevented
        || click.button != 0
        || click.modified
        || link.download
        || link
            .target
            .is_some_and(|target| !target.is_empty() && target != "_self")
        || link.rel.is_some_and(|rel| {
            rel.split_ascii_whitespace()
                .any(|kind| kind.eq_ignore_ascii_case("external"))
        });
    if browser_asked || destination.origin != here.origin || !is_screen(site, destination) {
        return None;
    }
    let same_page = destination.path == here.path && destination.search == here.search;
    if same_page && !destination.hash.is_empty() {
        return None;
    }
    Some(format!(
        "{}{}{}",
        destination.path, destination.search, destination.hash
    ))
}

/// Whether the app draws `url` (of this origin): an address of the site
/// that `Site::route` reads as a screen, and no file (a last segment with a
/// dot: `rss.xml`, `sitemap.xml`, `photo.jpg`, `page.html`), which only the
/// server has.
fn is_screen(site: &Site, url: UrlParts) -> bool {
    let last_segment = url.path.rsplit('/').next().unwrap_or_default();
    !last_segment.contains('.') && site.route(url.path, url.search.trim_start_matches('?')) != Route::NotFound
}

#[cfg(test)]
mod tests {
    use super::*;

    const HERE: UrlParts = UrlParts {
        origin: "https://news.example.org",
        path: "/de/",
        search: "",
        hash: "",
    };

    fn to(path: &str) -> UrlParts<'_> {
        UrlParts { path, ..HERE }
    }

    fn follow(destination: UrlParts) -> Option<String> {
        app_destination(
            &Site::new("/"),
            Click::default(),
            LinkAttributes::default(),
            destination,
            HERE,
        )
    }

    #[test]
    fn a_plain_click_on_an_article_link_stays_in_the_app() {
        assert_eq!(follow(to("/de/article/a1")), Some("/de/article/a1".to_owned()));
        assert_eq!(
            follow(UrlParts {
                search: "?q=zug",
                ..to("/de/search")
            }),
            Some("/de/search?q=zug".to_owned())
        );
    }

    #[test]
    fn another_button_or_a_modifier_key_is_the_browsers() {
        let link = LinkAttributes::default();
        let site = Site::new("/");
        for click in [
            Click {
                button: 1,
                ..Click::default()
            },
            Click {
                modified: true,
                ..Click::default()
            },
            Click {
                default_prevented: true,
                ..Click::default()
            },
        ] {
            assert_eq!(
                app_destination(&site, click, link, to("/de/article/a1"), HERE),
                None,
                "{click:?}"
            );
        }
    }

    #[test]
    fn target_download_and_rel_external_are_the_browsers() {
        let site = Site::new("/");
        let click = Click::default();
        let with = |link| app_destination(&site, click, link, to("/de/article/a1"), HERE);
        assert_eq!(
            with(LinkAttributes {
                target: Some("_blank"),
                ..LinkAttributes::default()
            }),
            None
        );
        assert_eq!(
            with(LinkAttributes {
                download: true,
                ..LinkAttributes::default()
            }),
            None
        );
        assert_eq!(
            with(LinkAttributes {
                rel: Some("noopener External"),
                ..LinkAttributes::default()
            }),
            None
        );
        // `_self` and an empty target are this window; other `rel`s ask nothing.
        for target in ["_self", ""] {
            assert!(with(LinkAttributes {
                target: Some(target),
                rel: Some("author"),
                ..LinkAttributes::default()
            })
            .is_some());
        }
    }

    #[test]
    fn another_origin_is_the_browsers() {
        for origin in [
            "https://example.com",
            "http://news.example.org",
            "https://news.example.org:8443",
        ] {
            assert_eq!(follow(UrlParts { origin, ..to("/de/") }), None, "{origin}");
        }
    }

    #[test]
    fn an_address_outside_the_base_is_the_browsers() {
        let site = Site::new("/news/");
        let link = LinkAttributes::default();
        let here = UrlParts {
            path: "/news/de/",
            ..HERE
        };
        let follow = |path| app_destination(&site, Click::default(), link, to(path), here);
        assert_eq!(follow("/de/article/a1"), None);
        assert_eq!(follow("/newsroom/de/"), None);
        assert_eq!(
            follow("/news/de/article/a1"),
            Some("/news/de/article/a1".to_owned())
        );
        assert_eq!(follow("/news"), Some("/news".to_owned()));
    }

    #[test]
    fn files_of_the_site_that_are_no_screen_are_the_browsers() {
        for file in [
            "/feeds/de/rss.xml",
            "/feeds/de/section/bri-nachrichten/feed.json",
            "/sitemap.xml",
            "/robots.txt",
            "/media/rocket.4f2a.webp",
            "/de/article/a1.html",
            "/pagefind/de/2025/pagefind.js",
        ] {
            assert_eq!(follow(to(file)), None, "{file}");
        }
    }

    #[test]
    fn an_unknown_address_of_an_edition_is_the_apps_not_found_screen() {
        assert_eq!(follow(to("/de/nirgends")), Some("/de/nirgends".to_owned()));
    }

    #[test]
    fn a_jump_within_the_page_is_the_browsers_and_to_another_page_the_apps() {
        assert_eq!(
            follow(UrlParts {
                hash: "#inhalt",
                ..HERE
            }),
            None
        );
        assert_eq!(
            follow(UrlParts {
                hash: "#absatz-2",
                ..to("/de/article/a1")
            }),
            Some("/de/article/a1#absatz-2".to_owned())
        );
        // The same page without a fragment is drawn again, as a link to it asks.
        assert_eq!(follow(HERE), Some("/de/".to_owned()));
    }
}
