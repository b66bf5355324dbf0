//! Which files a build goes through. A build from the sources goes
//! through every file the content makes and compares each key with the
//! manifest's (some 8 s at a million articles, with nothing to write). A
//! watching build that has put a few articles into the library it keeps
//! (`Library::update`) knows more. An article it added moves only the
//! articles newer than it, in the list order; one it changed in place (a
//! saved source that kept its date, section and authors) moves none.
//! Every other article is as it was, and so is every file that shows only
//! such articles in places that did not move. So it goes only through:
//!
//! - the pages of the articles that may have moved (at or newer than the
//!   oldest added), and of the next older one of each section (whose link
//!   to its newer neighbour may have changed); the pages of the articles
//!   changed in place and of their two neighbours (whose links show them);
//! - the pages of each list from the one below the page where the oldest
//!   added article falls (`List::write`): the pages below are full,
//!   numbered from the oldest, and keep their articles and their link to
//!   the next page; and below those, the pages that show an article
//!   changed in place;
//! - the days of the archive and the months of the sitemaps that show an
//!   article it reaches;
//! - the search bundles whose records changed, found by their
//!   fingerprints as every build finds them, without going through the
//!   files of the others;
//! - and every file that does not show a list of articles: the front
//!   page, feeds, the archive's months and index, the edition's own pages.
//!
//! The files it does not go through keep their entries in the manifest
//! the process keeps. Such a build removes no file but those of the search
//! bundles it builds again; when the bundles themselves would change (a
//! new month), it gives up and a build of everything runs.

use std::collections::HashMap;

use brnn_model::date::Published;
use brnn_model::slug::Slug;

use crate::article_card::ArticleCard;
use crate::library::ChangedArticle;

/// Every file, or only those the articles a publish changed can change.
#[derive(Debug, Clone, Default)]
pub struct Scope(Option<HashMap<Slug, Changed>>);

/// What a publish changed in one edition.
#[derive(Debug, Clone, Default)]
struct Changed {
    /// The oldest article it added, in the list order: it and every newer
    /// article may have moved.
    horizon: Option<Placed>,
    /// The articles it changed in place, which moved nothing.
    in_place: Vec<Placed>,
}

/// An article's place in the list order.
#[derive(Debug, Clone)]
struct Placed {
    published: Published,
    id: Slug,
}

impl Scope {
    /// Every file: a build from the sources.
    pub fn everything() -> Self {
        Scope(None)
    }

    /// The files that the articles a publish `changed` reach; an edition
    /// none of them is in has none of its articles reached.
    pub fn since(changed: &[ChangedArticle]) -> Self {
        let mut editions: HashMap<Slug, Changed> = HashMap::new();
        for article in changed {
            let placed = Placed {
                published: article.published,
                id: article.id.clone(),
            };
            let edition = editions.entry(article.edition.clone()).or_default();
            if article.in_place {
                edition.in_place.push(placed);
            } else if edition
                .horizon
                .as_ref()
                .is_none_or(|horizon| is_older(placed.published, &placed.id, horizon))
            {
                edition.horizon = Some(placed);
            }
        }
        Scope(Some(editions))
    }

    pub fn is_everything(&self) -> bool {
        self.0.is_none()
    }

    /// Whether the files that show `article`, of `edition`, are to be gone
    /// through: it changed, or may have moved (it is at or newer than the
    /// oldest article added).
    pub(super) fn reaches(&self, edition: &Slug, article: &ArticleCard) -> bool {
        self.moves(edition, article)
            || self
                .in_place(edition)
                .iter()
                .any(|placed| placed.id == article.id)
    }

    /// Whether `article`, of `edition`, may have moved: it is at or newer
    /// than the oldest article added (every article, in a build of everything).
    pub(super) fn moves(&self, edition: &Slug, article: &ArticleCard) -> bool {
        let Some(editions) = &self.0 else {
            return true;
        };
        editions
            .get(edition)
            .and_then(|changed| changed.horizon.as_ref())
            .is_some_and(|horizon| !is_older(article.published, &article.id, horizon))
    }

    /// How many of `newest_first`, a list of `edition`, stay where they
    /// were: the articles at its end, older than the oldest article added.
    pub(super) fn unmoved(&self, edition: &Slug, newest_first: &[&ArticleCard]) -> usize {
        let moved = newest_first.partition_point(|article| self.moves(edition, article));
        newest_first.len() - moved
    }

    /// The places in `newest_first`, a list of `edition` in the list
    /// order, of the articles changed in place.
    pub(super) fn changed_in_place<'a>(
        &'a self,
        edition: &Slug,
        newest_first: &'a [&ArticleCard],
    ) -> impl Iterator<Item = usize> + 'a {
        self.in_place(edition).iter().filter_map(|placed| {
            let place = newest_first.partition_point(|article| {
                !is_older(article.published, &article.id, placed) && article.id != placed.id
            });
            (newest_first.get(place)?.id == placed.id).then_some(place)
        })
    }

    fn in_place(&self, edition: &Slug) -> &[Placed] {
        self.0
            .as_ref()
            .and_then(|editions| editions.get(edition))
            .map_or(&[], |changed| changed.in_place.as_slice())
    }
}

/// Whether the article `published` with `id` comes after `than` in the
/// list order (`brnn_model::sorting::newest_first`): later published, or
/// at the same instant the id that sorts first, goes first.
fn is_older(published: Published, id: &Slug, than: &Placed) -> bool {
    (published, &than.id) < (than.published, id)
}
