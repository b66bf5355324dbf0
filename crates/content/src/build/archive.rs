//! The date archive of an edition: `archive.json` (the months that have
//! articles), a document per month (its days that have articles, with
//! their counts) and one per day (that day's articles), each with its
//! page when the build makes pages.
//!
//! An article's day is the newsroom's calendar date at the article's own
//! offset, the date its dateline shows (`Published::local_date`): published
//! at 23:30 in a UTC−03:00 bureau, it is that day's, although in Beijing
//! the next day has begun. So the archive is stable: publishing an article
//! changes its day's document and its month's, and `archive.json` only when
//! its month had none before; every other file stays as it was, and the
//! build does not rewrite it.

use std::collections::BTreeMap;
use std::io;

use brnn_model::date::{CivilDate, YearMonth};
use brnn_model::format::{paths, ArchiveDay, ArchiveIndex, DayArchive, MonthArchive, FORMAT_VERSION};
use brnn_model::site::ArchivePeriod;

use super::article_keys::ArticleKeys;
use super::pages::{Json, Publisher};
use super::Output;
use crate::article_card::{ArticleCard, Leads};
use crate::library::EditionContent;

/// Writes the edition's archive documents, and with pages the page of each.
/// A day's document is only made when its key (`ArticleKeys`) changed.
pub(super) fn write(
    content: &EditionContent,
    leads: &Leads,
    keys: &ArticleKeys,
    publisher: &Publisher,
    output: &mut Output,
) -> io::Result<()> {
    let edition = &content.edition.id;
    let archive = Archive::of(&content.articles);
    publisher.document(output, &paths::archive_index(edition), &archive.index(), |site| {
        site.archive(edition, ArchivePeriod::All)
    })?;
    for month in archive.months() {
        let period = ArchivePeriod::Month(month.month);
        publisher.document(
            output,
            &paths::archive_month(edition, month.month),
            &month,
            |site| site.archive(edition, period),
        )?;
    }
    for (&date, articles) in &archive.days {
        // A publish goes through the days of the articles it reaches (`scope.rs`).
        if !articles
            .iter()
            .any(|article| output.scope.reaches(edition, article))
        {
            continue;
        }
        let key = keys.document("day archive", &[date.to_string().as_bytes()], articles);
        let json = Json::later(|| {
            let day = DayArchive {
                format: FORMAT_VERSION,
                date,
                articles: articles
                    .iter()
                    .map(|article| article.summary(leads))
                    .collect::<io::Result<_>>()?,
            };
            serde_json::to_string(&day).map_err(io::Error::other)
        });
        publisher.keyed_document(output, &paths::archive_day(edition, date), key, &json, |site| {
            site.archive(edition, ArchivePeriod::Day(date))
        })?;
    }
    Ok(())
}

/// An edition's articles by the day of the newsroom's calendar they were
/// published on.
struct Archive<'a> {
    /// Each day that has articles, first to last, with its articles newest first.
    days: BTreeMap<CivilDate, Vec<&'a ArticleCard>>,
}

impl<'a> Archive<'a> {
    /// The archive of `newest_first`, an edition's articles in the list order.
    fn of(newest_first: &'a [ArticleCard]) -> Self {
        let mut days: BTreeMap<CivilDate, Vec<&ArticleCard>> = BTreeMap::new();
        for article in newest_first {
            days.entry(article.published.local_date())
                .or_default()
                .push(article);
        }
        Archive { days }
    }

    /// Every month that has articles, newest first.
    fn index(&self) -> ArchiveIndex {
        let mut months: Vec<YearMonth> = self.days.keys().map(|date| date.year_month()).collect();
        months.dedup();
        months.reverse();
        ArchiveIndex {
            format: FORMAT_VERSION,
            months,
        }
    }

    /// Each month that has articles, first to last, with its days that have some.
    fn months(&self) -> Vec<MonthArchive> {
        let mut months: BTreeMap<YearMonth, Vec<ArchiveDay>> = BTreeMap::new();
        for (&date, articles) in &self.days {
            months.entry(date.year_month()).or_default().push(ArchiveDay {
                date,
                articles: articles.len() as u32,
            });
        }
        months
            .into_iter()
            .map(|(month, days)| MonthArchive {
                format: FORMAT_VERSION,
                month,
                days,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use brnn_model::date::Published;
    use brnn_model::format::Article;
    use brnn_model::sorting::newest_first;

    fn article(id: &str, published: &str) -> Article {
        Article::plain(
            id.parse().unwrap(),
            "aktuelles".parse().unwrap(),
            id.to_owned(),
            Published::parse(published).unwrap(),
            String::new(),
            vec!["Text.".into()],
        )
    }

    /// Their cards, newest first.
    fn sorted(articles: Vec<Article>) -> Vec<ArticleCard> {
        let folder = tempfile::TempDir::new().unwrap();
        let mut leads = crate::article_card::LeadsWriter::new(folder.path()).unwrap();
        let mut cards: Vec<ArticleCard> = articles
            .into_iter()
            .map(|article| ArticleCard::of(article, &mut leads))
            .collect();
        cards.sort_by(newest_first);
        cards
    }

    fn day_ids<'a>(archive: &'a Archive, date: &str) -> Vec<&'a str> {
        archive.days[&date.parse().unwrap()]
            .iter()
            .map(|article| article.id.as_str())
            .collect()
    }

    #[test]
    fn an_article_is_filed_under_the_day_its_own_offset_gives_it() {
        let articles = sorted(vec![
            // 02:30 UTC on the 4th, 10:30 in Beijing: still the 3rd in a UTC−03:00 bureau.
            article("bureau-late", "2025-11-03T23:30:00-03:00"),
            // 10:30 UTC on the 3rd: already the 4th at UTC+14:00.
            article("kiribati-early", "2025-11-04T00:30:00+14:00"),
            article("beijing-midnight", "2025-11-04T00:00:00+08:00"),
            article("beijing-evening", "2025-11-03T23:59:59+08:00"),
        ]);
        let archive = Archive::of(&articles);
        assert_eq!(
            day_ids(&archive, "2025-11-03"),
            ["bureau-late", "beijing-evening"]
        );
        assert_eq!(
            day_ids(&archive, "2025-11-04"),
            ["beijing-midnight", "kiribati-early"]
        );
        assert_eq!(archive.days.len(), 2);
    }

    #[test]
    fn months_are_listed_newest_first_and_their_days_first_to_last_with_counts() {
        let articles = sorted(vec![
            article("a", "2025-10-31T23:00:00+08:00"),
            article("b", "2025-11-02T09:00:00+08:00"),
            article("c", "2025-11-02T10:00:00+08:00"),
            article("d", "2025-11-30T10:00:00+08:00"),
            // 1 January 2026 in Beijing, still 31 December at its own offset.
            article("e", "2025-12-31T20:00:00-05:00"),
        ]);
        let archive = Archive::of(&articles);
        let months = |list: &[YearMonth]| list.iter().map(ToString::to_string).collect::<Vec<_>>();
        assert_eq!(months(&archive.index().months), ["2025-12", "2025-11", "2025-10"]);
        let november = &archive.months()[1];
        assert_eq!(november.month.to_string(), "2025-11");
        let days: Vec<(String, u32)> = november
            .days
            .iter()
            .map(|day| (day.date.to_string(), day.articles))
            .collect();
        assert_eq!(days, [("2025-11-02".to_owned(), 2), ("2025-11-30".to_owned(), 1)]);
        assert_eq!(day_ids(&archive, "2025-11-02"), ["c", "b"]);
        assert_eq!(day_ids(&archive, "2025-12-31"), ["e"]);
    }

    #[test]
    fn an_edition_without_articles_has_an_empty_archive() {
        let archive = Archive::of(&[]);
        assert_eq!(archive.index().months, []);
        assert!(archive.months().is_empty());
    }
}
