//! The top of an edition's front page ([`FrontPage`], `{edition}/front.json`):
//! the story that leads, the row of stories below it, a block per top-level
//! section and the newest articles, chosen from the edition's articles by
//! the editors' choices ([`FrontChoice`]) at the build's clock.
//!
//! Whatever the archive's size, the page holds at most one lead,
//! [`TOP_STORIES`], [`SECTION_STORIES`] per top-level section and a list
//! page's entries: its cost does not grow with the archive. The front page's older pages
//! are its list's (`{edition}/pages/{n}.json`, counted from the oldest: `crate::paging`).

use std::fmt;
use std::ops::Range;

use crate::body::Image;
use crate::date::Published;
use crate::format::{Article, ArticleSummary, Edition, FrontPage, SectionFront, FORMAT_VERSION};
use crate::paging::Paging;
use crate::slug::{SectionPath, Slug};
use crate::sorting::Listed;

/// How many stories the row below the lead holds.
pub const TOP_STORIES: usize = 3;

/// How many articles each top-level section's block holds.
pub const SECTION_STORIES: usize = 4;

/// Where an editor places an article on the front page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// The story that leads, with its picture.
    Lead,
    /// The row below the lead.
    Top,
}

/// An editor's choice of an article for the front page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontChoice {
    pub placement: Placement,
    /// The chosen article, in the edition the choice is for.
    pub article: Slug,
    /// When the choice ends; without it, it holds until an editor removes it.
    pub until: Option<Published>,
}

impl FrontChoice {
    /// Whether the choice still holds at `now`: up to its expiry, not at it.
    pub fn holds_at(&self, now: Published) -> bool {
        self.until.is_none_or(|until| now < until)
    }
}

/// A choice names an article the edition does not have: an editor's
/// mistake to report, not a choice to drop without a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownArticle(pub Slug);

impl fmt::Display for UnknownArticle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the front page names article `{}`, which the edition does not have",
            self.0
        )
    }
}

impl std::error::Error for UnknownArticle {}

/// What a front page is selected from: an article, or what a build keeps
/// of one (the content tool keeps a million articles without their bodies).
pub trait Candidate: Listed {
    fn section(&self) -> &SectionPath;
}

impl Candidate for Article {
    fn section(&self) -> &SectionPath {
        &self.section
    }
}

/// The top of a front page by the places of its articles in the edition's
/// list (newest first), as [`select`] chooses them; [`FrontPlaces::page`]
/// makes the page of what it shows of each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontPlaces {
    pub lead: Option<usize>,
    pub top: Vec<usize>,
    /// Per top-level section that has articles to show.
    pub sections: Vec<(SectionPath, Vec<usize>)>,
    /// The front page list's newest page.
    pub latest: Range<usize>,
    /// The newest page's number.
    pub page: u32,
    /// How many articles the list has.
    pub total: u32,
}

impl FrontPlaces {
    /// The page, with `summary` of the article at each place, and for the
    /// lead its summary with its `lead_image` in every rendition, caption
    /// and credit included (a list's entries carry thumbnails only).
    pub fn page<E>(
        self,
        mut summary: impl FnMut(usize) -> Result<ArticleSummary, E>,
        lead_image: impl FnOnce(usize) -> Option<Image>,
    ) -> Result<FrontPage, E> {
        let lead = match self.lead {
            Some(place) => Some(ArticleSummary {
                image: lead_image(place),
                ..summary(place)?
            }),
            None => None,
        };
        let mut summaries = |places: Vec<usize>| {
            places
                .into_iter()
                .map(&mut summary)
                .collect::<Result<Vec<_>, E>>()
        };
        let top = summaries(self.top)?;
        let mut sections = Vec::with_capacity(self.sections.len());
        for (section, places) in self.sections {
            sections.push(SectionFront {
                section,
                articles: summaries(places)?,
            });
        }
        Ok(FrontPage {
            format: FORMAT_VERSION,
            lead,
            top,
            sections,
            latest: summaries(self.latest.collect())?,
            page: self.page,
            total: self.total,
        })
    }
}

/// The top of `edition`'s front page at `now`, from its articles (newest
/// first, [`crate::sorting::newest_first`]) and the editors' `choices`, by
/// their places in that list:
///
/// - `lead`: the chosen lead that still holds (of several, the newest
///   article), else the newest article;
/// - `top`: the chosen top stories that still hold, newest first, then the
///   newest articles not shown yet, [`TOP_STORIES`] in all;
/// - `sections`: per top-level section in the edition's order, its
///   [`SECTION_STORIES`] newest articles (its subsections' included) not
///   shown above; a section without any is left out;
/// - `latest`, `page` and `total`: the front page list's newest page, its
///   number and how many articles the list has.
///
/// A choice that has expired is ignored, and so is a lead choice that
/// another, newer one outranks.
pub fn select<T: Candidate>(
    edition: &Edition,
    newest_first: &[T],
    choices: &[FrontChoice],
    now: Published,
) -> Result<FrontPlaces, UnknownArticle> {
    // Choices by their article's place in the list, so the newest comes first.
    let mut chosen = Vec::with_capacity(choices.len());
    for choice in choices {
        let index = newest_first
            .iter()
            .position(|article| *article.id() == choice.article)
            .ok_or_else(|| UnknownArticle(choice.article.clone()))?;
        if choice.holds_at(now) {
            chosen.push((index, choice.placement));
        }
    }
    chosen.sort_unstable_by_key(|(index, _)| *index);
    let chosen_as = |placement: Placement| {
        chosen
            .iter()
            .filter(move |(_, chosen)| *chosen == placement)
            .map(|(index, _)| *index)
    };

    let lead = chosen_as(Placement::Lead)
        .next()
        .or((!newest_first.is_empty()).then_some(0));
    let mut shown: Vec<usize> = lead.into_iter().collect();
    let mut top = Vec::with_capacity(TOP_STORIES);
    for index in chosen_as(Placement::Top).chain(0..newest_first.len()) {
        if top.len() == TOP_STORIES {
            break;
        }
        if !shown.contains(&index) {
            shown.push(index);
            top.push(index);
        }
    }

    let sections = edition
        .sections
        .iter()
        .filter_map(|section| {
            let path = SectionPath::from(section.slug.clone());
            let places: Vec<usize> = newest_first
                .iter()
                .enumerate()
                .filter(|(index, article)| !shown.contains(index) && article.section().is_within(&path))
                .take(SECTION_STORIES)
                .map(|(index, _)| index)
                .collect();
            (!places.is_empty()).then_some((path, places))
        })
        .collect();

    let paging = Paging::new(newest_first.len(), edition.page_size as usize);
    let newest_page = paging
        .items_on(paging.newest())
        .expect("a list has a newest page");
    Ok(FrontPlaces {
        lead,
        top,
        sections,
        latest: newest_page,
        page: paging.newest(),
        total: newest_first.len() as u32,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::body::ImageSource;
    use crate::date::{CivilDate, UtcOffset};
    use crate::sorting::newest_first;
    use std::convert::Infallible;

    /// Edition `de`, 3 to a page: `politik` (with `politik/inland`),
    /// `wirtschaft`, and `kultur`, which the corpus leaves empty.
    fn edition() -> Edition {
        serde_json::from_str(
            r#"{"format":1,"network":{"short_name":"BRNN","name":"N"},"id":"de","lang":"de","name":"E",
                "page_size":3,"sections":[
                  {"slug":"politik","name":"Politik","sections":[{"slug":"inland","name":"Inland"}]},
                  {"slug":"wirtschaft","name":"Wirtschaft"},
                  {"slug":"kultur","name":"Kultur"}]}"#,
        )
        .unwrap()
    }

    fn at(day: u8) -> Published {
        Published::parse(&format!("2025-11-{day:02}T12:00:00+08:00")).unwrap()
    }

    fn article(id: &str, section: &str, day: u8) -> Article {
        Article::plain(
            id.parse().unwrap(),
            section.parse().unwrap(),
            id.to_uppercase(),
            at(day),
            String::new(),
            vec![format!("{id} text")],
        )
    }

    /// Twelve articles, one a day from 1 to 12 November, newest first:
    /// `p`olitik (some in `inland`) and `w`irtschaft.
    fn corpus() -> Vec<Article> {
        let mut articles = vec![
            article("p1", "politik", 1),
            article("w2", "wirtschaft", 2),
            article("p3", "politik/inland", 3),
            article("w4", "wirtschaft", 4),
            article("p5", "politik", 5),
            article("w6", "wirtschaft", 6),
            article("p7", "politik/inland", 7),
            article("w8", "wirtschaft", 8),
            article("p9", "politik", 9),
            article("w10", "wirtschaft", 10),
            article("p11", "politik/inland", 11),
            article("w12", "wirtschaft", 12),
        ];
        articles.sort_by(newest_first);
        articles
    }

    fn choice(placement: Placement, id: &str, until: Option<Published>) -> FrontChoice {
        FrontChoice {
            placement,
            article: id.parse().unwrap(),
            until,
        }
    }

    fn ids(summaries: &[ArticleSummary]) -> Vec<&str> {
        summaries.iter().map(|summary| summary.id.as_str()).collect()
    }

    fn front(articles: &[Article], choices: &[FrontChoice]) -> FrontPage {
        let places = select(&edition(), articles, choices, at(20)).unwrap();
        places
            .page(
                |place| Ok::<_, Infallible>(articles[place].summary()),
                |place| articles[place].image.clone(),
            )
            .unwrap()
    }

    #[test]
    fn without_a_choice_the_newest_leads_and_the_next_newest_fill_the_row() {
        let page = front(&corpus(), &[]);
        assert_eq!(page.lead.unwrap().id.as_str(), "w12");
        assert_eq!(ids(&page.top), ["p11", "w10", "p9"]);
    }

    #[test]
    fn a_chosen_lead_leads_and_the_newest_takes_its_place_in_the_row() {
        let page = front(&corpus(), &[choice(Placement::Lead, "p5", None)]);
        assert_eq!(page.lead.unwrap().id.as_str(), "p5");
        assert_eq!(ids(&page.top), ["w12", "p11", "w10"]);
    }

    #[test]
    fn of_several_chosen_leads_the_newest_article_leads() {
        let choices = [
            choice(Placement::Lead, "p3", None),
            choice(Placement::Lead, "w6", None),
        ];
        assert_eq!(front(&corpus(), &choices).lead.unwrap().id.as_str(), "w6");
    }

    #[test]
    fn an_expired_choice_is_ignored_from_its_expiry_on() {
        let lead_until = |until| [choice(Placement::Lead, "p5", Some(until))];
        let later = Published::parse("2025-11-20T12:00:01+08:00").unwrap();
        assert_eq!(
            front(&corpus(), &lead_until(later)).lead.unwrap().id.as_str(),
            "p5"
        );
        // The same instant written at another offset: expired at it.
        let now = Published::parse("2025-11-20T04:00:00Z").unwrap();
        assert_eq!(
            front(&corpus(), &lead_until(now)).lead.unwrap().id.as_str(),
            "w12"
        );
        let top = [choice(Placement::Top, "p1", Some(at(19)))];
        assert_eq!(ids(&front(&corpus(), &top).top), ["p11", "w10", "p9"]);
    }

    #[test]
    fn chosen_top_stories_come_first_newest_first_then_the_newest_fill_the_row() {
        let choices = [
            choice(Placement::Top, "p1", None),
            choice(Placement::Top, "w4", None),
        ];
        let page = front(&corpus(), &choices);
        assert_eq!(page.lead.unwrap().id.as_str(), "w12");
        assert_eq!(ids(&page.top), ["w4", "p1", "p11"]);

        let many: Vec<FrontChoice> = ["p1", "w2", "p3", "w4", "p5"]
            .iter()
            .map(|id| choice(Placement::Top, id, None))
            .collect();
        assert_eq!(ids(&front(&corpus(), &many).top), ["p5", "w4", "p3"]);
    }

    #[test]
    fn a_chosen_top_story_that_leads_as_the_newest_is_shown_once() {
        let page = front(&corpus(), &[choice(Placement::Top, "w12", None)]);
        assert_eq!(page.lead.unwrap().id.as_str(), "w12");
        assert_eq!(ids(&page.top), ["p11", "w10", "p9"]);
    }

    #[test]
    fn each_top_level_section_shows_its_newest_articles_not_shown_above_in_the_editions_order() {
        let page = front(&corpus(), &[choice(Placement::Lead, "p5", None)]);
        let blocks: Vec<(String, Vec<&str>)> = page
            .sections
            .iter()
            .map(|block| (block.section.to_string(), ids(&block.articles)))
            .collect();
        // `inland`'s articles count as `politik`'s; `kultur` has none and is left out.
        assert_eq!(
            blocks,
            [
                ("politik".to_owned(), vec!["p9", "p7", "p3", "p1"]),
                ("wirtschaft".to_owned(), vec!["w8", "w6", "w4", "w2"]),
            ]
        );
    }

    #[test]
    fn latest_is_the_lists_newest_page_whatever_is_shown_above() {
        let page = front(&corpus(), &[choice(Placement::Lead, "p5", None)]);
        assert_eq!(ids(&page.latest), ["w12", "p11", "w10"]);
        assert_eq!((page.page, page.total), (4, 12));
    }

    #[test]
    fn an_empty_edition_has_no_lead_and_one_empty_page() {
        let page = front(&[], &[]);
        assert_eq!(page.lead, None);
        assert!(page.top.is_empty() && page.sections.is_empty() && page.latest.is_empty());
        assert_eq!((page.page, page.total), (1, 0));
    }

    #[test]
    fn a_choice_of_an_article_the_edition_does_not_have_is_refused() {
        let error = select(
            &edition(),
            &corpus(),
            &[choice(Placement::Top, "nirgends", None)],
            at(20),
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "the front page names article `nirgends`, which the edition does not have"
        );
    }

    #[test]
    fn the_lead_carries_its_image_in_every_rendition_and_the_lists_thumbnails_only() {
        let source = |width: u32| ImageSource {
            src: format!("media/hafen-{width}.jpg"),
            width,
            media_type: "image/jpeg".into(),
        };
        let image = Image {
            src: "media/hafen-1600.jpg".into(),
            width: 1600,
            height: 900,
            alt: "Ein Hafen".into(),
            caption: vec![crate::body::Inline::Text("Am Kai".into())],
            credit: Some("Foto: Beispiel".into()),
            sources: [480, 800, 1600].map(source).to_vec(),
        };
        let mut articles = corpus();
        articles[0].image = Some(image.clone());
        let page = front(&articles, &[]);
        assert_eq!(page.lead.unwrap().image, Some(image));
        let thumbnail = page.latest[0].image.as_ref().unwrap();
        assert_eq!(thumbnail.sources, [source(480)]);
        assert_eq!(thumbnail.credit, None);
    }

    #[test]
    fn the_page_holds_as_many_entries_for_a_large_archive_as_for_a_small_one() {
        let archive = |count: usize| -> Vec<Article> {
            let mut articles: Vec<Article> = (0..count)
                .map(|index| {
                    let section = ["politik", "politik/inland", "wirtschaft"][index % 3];
                    let mut article = article(&format!("a{index}"), section, 1);
                    // One an hour, from 2024 on.
                    let day = CivilDate::from_days_since_epoch(19_723 + index as i64 / 24);
                    article.published =
                        Published::at(day, (index % 24) as u8, 0, 0, UtcOffset::from_minutes(480));
                    article
                })
                .collect();
            articles.sort_by(newest_first);
            articles
        };
        let entries = |page: &FrontPage| {
            usize::from(page.lead.is_some())
                + page.top.len()
                + page
                    .sections
                    .iter()
                    .map(|block| block.articles.len())
                    .sum::<usize>()
                + page.latest.len()
        };
        let small = front(&archive(30), &[]);
        let large = front(&archive(30_000), &[]);
        // The newest page holds at most two pages' worth less one.
        let most = 1 + TOP_STORIES + SECTION_STORIES * edition().sections.len() + (2 * 3 - 1);
        assert_eq!(entries(&small), 1 + TOP_STORIES + 2 * SECTION_STORIES + 3);
        assert_eq!(entries(&large), entries(&small));
        assert!(entries(&large) <= most);
        assert_eq!(large.page, 10_000);
    }
}
