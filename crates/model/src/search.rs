//! Search results as the reader shows them: a page of what the edition's
//! search index (Pagefind, built by the content tool) answers, and the
//! excerpts, whose matched words come marked.

use serde::Deserialize;

use crate::date::Published;
use crate::site::{Route, Screen, Site};
use crate::slug::Slug;

/// The facts kept with each article's record in the index, by name: the
/// content tool writes them, the reader shows them.
pub const META_TITLE: &str = "title";
pub const META_SECTION: &str = "section";
pub const META_PUBLISHED: &str = "published";
/// The publication date as the edition prints it (`Locale::long_date`), for
/// the search page's first results, drawn before the app runs
/// (`drawFirstResults` in the reader's `search_index.js`); the app prints it from [`META_PUBLISHED`].
pub const META_DATE: &str = "date";

/// How many results a search shows at first, and how many more each time.
pub const RESULTS_PER_PAGE: usize = 10;

/// Some results of a search, and how many it found. The index is searched
/// a year at a time, newest first, and only as far back as the hits asked
/// for need: `total` counts the hits of the years searched, back to `since`;
/// `complete` says whether that was every year.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SearchPage {
    pub total: u32,
    pub hits: Vec<SearchHit>,
    pub complete: bool,
    pub since: Option<i32>,
}

impl SearchPage {
    /// Whether there are hits beyond those shown: in the years searched, or in older ones.
    pub fn has_more(&self) -> bool {
        self.hits.len() < self.total as usize || !self.complete
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SearchHit {
    /// The record's address as indexed: the article's path at the site's root.
    pub raw_url: String,
    /// Text around the matched words, which are wrapped in `<mark>`; `<`
    /// and `>` of the text itself come escaped, nothing else does.
    pub excerpt: String,
    pub meta: HitMeta,
}

/// Named as [`META_TITLE`], [`META_SECTION`] and [`META_PUBLISHED`].
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct HitMeta {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub section: String,
    /// Read as a date where the answer is decoded, like an article's: a
    /// record without one shows none, and one that is no date fails the
    /// answer (an index this reader cannot read) rather than vanishing.
    #[serde(default)]
    pub published: Option<Published>,
}

impl SearchHit {
    /// The article the hit is, if its address is an article's: the link is
    /// built from the id, never taken from the index as it is.
    pub fn article(&self) -> Option<Slug> {
        let (path, query) = self.raw_url.split_once('?').unwrap_or((&self.raw_url, ""));
        match Site::new("/").route(path, query) {
            Route::Edition {
                screen: Screen::Article { id },
                ..
            } => Some(id),
            _ => None,
        }
    }
}

/// A piece of an excerpt: text, or matched text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExcerptRun {
    Text(String),
    Marked(String),
}

/// An excerpt as text runs: `<mark>` and `</mark>` are the only markup it
/// has (an article's own `<mark>` comes escaped), and `&lt;`/`&gt;` are its
/// text's `<` and `>`. Nothing of it is ever taken as HTML.
pub fn excerpt_runs(excerpt: &str) -> Vec<ExcerptRun> {
    let mut runs = Vec::new();
    let mut rest = excerpt;
    let mut marked = false;
    loop {
        let tag = if marked { "</mark>" } else { "<mark>" };
        let (piece, next) = match rest.find(tag) {
            Some(at) => (&rest[..at], Some(&rest[at + tag.len()..])),
            None => (rest, None),
        };
        if !piece.is_empty() {
            let text = piece.replace("&lt;", "<").replace("&gt;", ">");
            runs.push(if marked {
                ExcerptRun::Marked(text)
            } else {
                ExcerptRun::Text(text)
            });
        }
        match next {
            Some(next) => {
                rest = next;
                marked = !marked;
            }
            None => return runs,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_mark_is_markup_and_the_text_keeps_its_angle_brackets() {
        let runs = excerpt_runs(
            "Ein <mark>&lt;script&gt;alert(1)&lt;/script&gt;</mark> und AT&T, &lt;mark&gt;kein&lt;/mark&gt; <mark>Treffer</mark>.",
        );
        assert_eq!(
            runs,
            [
                ExcerptRun::Text("Ein ".into()),
                ExcerptRun::Marked("<script>alert(1)</script>".into()),
                ExcerptRun::Text(" und AT&T, <mark>kein</mark> ".into()),
                ExcerptRun::Marked("Treffer".into()),
                ExcerptRun::Text(".".into()),
            ]
        );
        assert_eq!(excerpt_runs(""), []);
        assert_eq!(
            excerpt_runs("<mark>offen"),
            [ExcerptRun::Marked("offen".into())],
            "an unclosed mark ends with the excerpt"
        );
    }

    #[test]
    fn a_hit_links_only_to_an_article_of_the_site() {
        let hit = |raw_url: &str| SearchHit {
            raw_url: raw_url.into(),
            excerpt: String::new(),
            meta: HitMeta::default(),
        };
        assert_eq!(
            hit("/de/article/ecf15130d4b083e2").article(),
            Some("ecf15130d4b083e2".parse().unwrap())
        );
        for elsewhere in [
            "https://evil.example/",
            "/de/",
            "javascript:alert(1)",
            "/de/article/Ä",
        ] {
            assert_eq!(hit(elsewhere).article(), None, "{elsewhere}");
        }
    }

    #[test]
    fn meta_is_read_by_the_names_the_index_is_written_with() {
        let meta: HitMeta = serde_json::from_value(serde_json::json!({
            META_TITLE: "Titel", META_SECTION: "Aktuelles", META_PUBLISHED: "2025-11-04T00:00:00+08:00"
        }))
        .unwrap();
        assert_eq!(
            (meta.title.as_str(), meta.section.as_str()),
            ("Titel", "Aktuelles")
        );
        assert_eq!(
            meta.published.map(|published| published.to_string()).as_deref(),
            Some("2025-11-04T00:00:00+08:00")
        );
    }

    #[test]
    fn a_hit_without_a_date_shows_none_and_a_malformed_date_fails_the_whole_answer() {
        let answer = |published: serde_json::Value| {
            serde_json::from_value::<SearchPage>(serde_json::json!({
                "total": 1, "complete": true, "since": null,
                "hits": [{"raw_url": "/de/article/a1", "excerpt": "", "meta": published}],
            }))
        };
        let page = answer(serde_json::json!({ META_TITLE: "Titel" })).unwrap();
        assert_eq!(page.hits[0].meta.published, None);
        for bad in ["4. November 2025", "2025-02-30T00:00:00+08:00", ""] {
            let error = answer(serde_json::json!({ META_PUBLISHED: bad })).unwrap_err();
            assert!(error.to_string().contains(&format!("`{bad}`")), "{error}");
        }
    }
}
