//! What the reader says, per language: long dates, interface texts, the
//! language's own name and its writing direction.
//!
//! Article text comes from the endpoint; everything the app itself writes
//! comes from here, so a new language is one more `Locale` (a file beside
//! this one) and its CLDR names in `locale/cldr.rs`, which
//! `scripts/cldr-dates.mjs` generates.
//!
//! Long dates follow CLDR's full date pattern of each language, with CLDR's
//! month and weekday names and the digits of its default numbering system,
//! except where the newsroom prints otherwise (German: a two-digit day, as
//! the seed shows).

mod arabic;
mod chinese;
mod cldr;
mod date_pattern;
mod english;
mod german;

pub use arabic::ARABIC;
pub use chinese::CHINESE;
pub use english::ENGLISH;
pub use german::GERMAN;

use crate::date::{CivilDate, YearMonth};
use crate::load::LoadError;
use date_pattern::{Calendar, Part};

/// Which way a language's text runs, for `<html dir>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    /// `ltr` or `rtl`, as the `dir` attribute takes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// The interface texts and date names of one language.
#[derive(Debug)]
pub struct Locale {
    /// BCP 47 tag, for `<html lang>`.
    pub lang: &'static str,
    /// The language's name in itself, for a language switcher: `Deutsch`, `English`, `中文`, `العربية`.
    pub language_name: &'static str,
    pub direction: Direction,
    /// Weekday and month names and digits, from CLDR.
    calendar: &'static Calendar,
    /// How the long date is written, in CLDR's pattern syntax.
    long_date_pattern: &'static str,
    /// How a month is named, CLDR's `yMMMM` format: `November 2025`, `2025年11月`.
    month_pattern: &'static str,
    /// Stands between a label and what it labels: `: ` in most languages, `：` in Chinese.
    label_separator: &'static str,
    /// "Seite 2": which page of a list the pager stands on, counted from the oldest.
    page_number: fn(u32) -> String,
    pub loading: &'static str,
    pub retry: &'static str,
    /// Opens the source line: `Quelle : German.china.org.cn`.
    pub source_label: &'static str,
    /// Opens the line of an article's last change: "Aktualisiert" (see [`Self::updated_label`]).
    updated: &'static str,
    pub breadcrumb_label: &'static str,
    pub sections_label: &'static str,
    pub skip_to_content: &'static str,
    /// Names the links to the other languages: an edition's, or an article's translations.
    pub languages_label: &'static str,
    pub pagination_label: &'static str,
    pub newer_page: &'static str,
    pub older_page: &'static str,
    pub neighbours_label: &'static str,
    pub newer_article: &'static str,
    pub older_article: &'static str,
    pub empty_list: &'static str,
    /// Describes a feed: "Die neuesten Artikel: Aktuelles" (see [`Self::feed_description`]).
    pub newest_articles: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub back_to_front_page: &'static str,
    /// The offline page (`{edition}/offline.html`), which the service worker
    /// shows for an address it has not saved while the reader is offline:
    /// its heading, its sentence, the heading of the saved articles' list,
    /// and what stands there while nothing is saved.
    pub offline_title: &'static str,
    pub offline_text: &'static str,
    pub saved_articles: &'static str,
    pub no_saved_articles: &'static str,
    pub error_title: &'static str,
    pub error_network: &'static str,
    pub error_not_found: &'static str,
    /// The sentence for an unsuccessful HTTP status.
    error_status: fn(u16) -> String,
    pub error_syntax: &'static str,
    pub error_shape: &'static str,
    /// The sentence for a format version this reader does not know.
    error_format: fn(u32) -> String,
    pub error_details: &'static str,
    /// The search field's label, the search page's heading and title.
    pub search_label: &'static str,
    pub search_button: &'static str,
    /// The search page without JavaScript, which the search runs on.
    pub search_needs_javascript: &'static str,
    /// Before anything is searched for.
    pub search_prompt: &'static str,
    pub search_running: &'static str,
    /// The search index could not be loaded.
    pub search_failed: &'static str,
    pub more_results: &'static str,
    /// The front page's list of the newest articles.
    pub latest: &'static str,
    /// Names the links to a section's subsections.
    pub subsections_label: &'static str,
    /// The footer's links to the network's editions.
    pub editions_label: &'static str,
    /// The footer's links to the edition's feeds.
    pub feeds_label: &'static str,
    /// The footer's links to the pages of the house (about, imprint, …).
    pub house_label: &'static str,
    /// The date archive's name: its link and its page's heading.
    pub archive: &'static str,
    /// How many articles a day of the archive has: "3 Artikel".
    article_count: fn(u32) -> String,
    /// How many articles a search found: "3 Treffer".
    search_count: fn(u32) -> String,
    /// How many a search found in the years back to one, older ones not yet searched: "12 Treffer seit 2024".
    search_count_since: fn(u32, i32) -> String,
    /// Nothing found for the query.
    search_none: fn(&str) -> String,
}

/// Every language the reader speaks; the first is the default.
static LOCALES: [&Locale; 4] = [&GERMAN, &ENGLISH, &CHINESE, &ARABIC];

impl Locale {
    /// Every language the reader has interface texts for, German first.
    pub fn all() -> &'static [&'static Locale] {
        &LOCALES
    }

    /// The locale of the language `lang` names (a BCP 47 tag: `en`,
    /// `zh-Hans`, `ar-EG`), by its primary subtag; `None` for a language
    /// the reader has no texts for.
    pub fn matching(lang: &str) -> Option<&'static Locale> {
        let primary = |tag: &str| {
            tag.split(['-', '_'])
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase()
        };
        let wanted = primary(lang);
        LOCALES
            .iter()
            .copied()
            .find(|locale| primary(locale.lang) == wanted)
    }

    /// What a language switcher calls the language `lang` (a BCP 47 tag):
    /// its name in itself (`English`, `中文`), or `otherwise` for a language
    /// the reader has no interface texts for.
    pub fn name_of_language<'a>(lang: &str, otherwise: &'a str) -> &'a str {
        Self::matching(lang).map_or(otherwise, |locale| locale.language_name)
    }

    /// The locale for a BCP 47 tag; German, the first edition's, for anything unknown.
    pub fn for_lang(lang: &str) -> &'static Locale {
        Self::matching(lang).unwrap_or(&GERMAN)
    }

    /// The long date as the newsroom prints it: `Dienstag, 04. November 2025`,
    /// `Tuesday, 4 November 2025`, `2025年11月4日星期二`, `الثلاثاء، 4 نوفمبر 2025`.
    pub fn long_date(&self, date: CivilDate) -> String {
        date_pattern::format(self.long_date_pattern, self.calendar, date)
    }

    /// A month as a heading names it: `November 2025`, `2025年11月`, `نوفمبر 2025`.
    pub fn month_name(&self, month: YearMonth) -> String {
        let first = month.days().next().expect("every month has a first day");
        date_pattern::format(self.month_pattern, self.calendar, first)
    }

    /// How many articles a day of the archive has: "3 Artikel", "1 article".
    pub fn article_count(&self, count: u32) -> String {
        (self.article_count)(count)
    }

    /// A long date to show in a message about the form: `Dienstag, 04. November 2025`.
    pub fn long_date_example(&self) -> String {
        self.long_date(CivilDate::new(2025, 11, 4).expect("a real date"))
    }

    /// Reads a long date as [`Self::long_date`] writes it, with any white
    /// space around its separators and a one- or two-digit day, in ASCII
    /// digits or the language's own. The weekday must be the date's own: a
    /// page that contradicts itself is refused, not guessed at.
    pub fn parse_long_date(&self, text: &str) -> Result<CivilDate, String> {
        let text = text.trim();
        let form = || format!("`{text}` is not a long date like `{}`", self.long_date_example());
        let pattern = date_pattern::parts(self.long_date_pattern);
        let fields = date_pattern::fields(&pattern, text).ok_or_else(form)?;
        let number =
            |field: &str, digits| date_pattern::number(field, digits, self.calendar).ok_or_else(form);
        let (mut day, mut month, mut year, mut weekday) = (None, None, None, None);
        for (part, field) in fields {
            match part {
                Part::Day { .. } => day = Some(number(field, 1..=2)?),
                Part::MonthNumber { .. } => month = Some(number(field, 1..=2)?),
                Part::MonthName => month = Some(self.month_number(field)?),
                Part::Year => year = Some(number(field, 4..=4)?),
                // Checked once the date is known.
                Part::WeekdayName => weekday = Some(field),
                Part::Literal(_) => {}
            }
        }
        let (Some(day), Some(month), Some(year), Some(weekday)) = (day, month, year, weekday) else {
            return Err(form());
        };
        let weekdays = &self.calendar.weekdays;
        let written_weekday = weekdays.iter().position(|name| *name == weekday).ok_or_else(|| {
            format!(
                "`{weekday}` is not a weekday; expected one of {}",
                weekdays.join(", ")
            )
        })?;
        let date = CivilDate::new(year as i32, month as u8, day as u8)
            .ok_or_else(|| format!("`{text}` names a day that does not exist"))?;
        if written_weekday != date.weekday().index() {
            let actual_weekday = weekdays[date.weekday().index()];
            return Err(format!(
                "`{text}` says {weekday}, but that day is a {actual_weekday}"
            ));
        }
        Ok(date)
    }

    /// 1 to 12 for a month's name.
    fn month_number(&self, name: &str) -> Result<u32, String> {
        let months = &self.calendar.months;
        months
            .iter()
            .position(|month| *month == name)
            .map(|index| index as u32 + 1)
            .ok_or_else(|| {
                format!(
                    "`{name}` is not a month name; expected one of {}",
                    months.join(", ")
                )
            })
    }

    /// How many articles a search found: "3 Treffer".
    pub fn search_count(&self, count: u32) -> String {
        (self.search_count)(count)
    }

    /// How many a search found from the newest year back to `year`, the
    /// older years not searched yet.
    pub fn search_count_since(&self, count: u32, year: i32) -> String {
        (self.search_count_since)(count, year)
    }

    /// That nothing was found for `query`.
    pub fn search_none(&self, query: &str) -> String {
        (self.search_none)(query)
    }

    /// Which page of a list the pager stands on: "Seite 2" (counted from the oldest).
    pub fn page_number(&self, page: u32) -> String {
        (self.page_number)(page)
    }

    /// What stands before the date of an article's last change: "Aktualisiert: ".
    pub fn updated_label(&self) -> String {
        format!("{}{}", self.updated, self.label_separator)
    }

    /// What a feed of a listing says it is: "Die neuesten Artikel: Aktuelles".
    pub fn feed_description(&self, listing_name: &str) -> String {
        format!("{}{}{listing_name}", self.newest_articles, self.label_separator)
    }

    /// The sentence for the reader, and the technical detail for whoever runs the endpoint.
    pub fn load_error(&self, error: &LoadError) -> (String, Option<String>) {
        match error {
            LoadError::Network(detail) => (self.error_network.to_owned(), Some(detail.clone())),
            LoadError::NotFound => (self.error_not_found.to_owned(), None),
            LoadError::Status(status) => ((self.error_status)(*status), None),
            LoadError::Syntax(detail) => (self.error_syntax.to_owned(), Some(detail.clone())),
            LoadError::Shape(detail) => (self.error_shape.to_owned(), Some(detail.clone())),
            LoadError::UnsupportedFormat(format) => ((self.error_format)(*format), None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Published;

    fn date(year: i32, month: u8, day: u8) -> CivilDate {
        CivilDate::new(year, month, day).unwrap()
    }

    #[test]
    fn seed_article_date_reads_like_the_newsroom() {
        let published = Published::parse("2025-11-04T00:00:00+08:00").unwrap();
        assert_eq!(
            GERMAN.long_date(published.local_date()),
            "Dienstag, 04. November 2025"
        );
    }

    #[test]
    fn long_date_uses_the_offset_stored_with_the_article() {
        // 23:30 UTC on Monday 3 November is already Tuesday in Beijing.
        let published = Published::parse("2025-11-04T07:30:00+08:00").unwrap();
        assert_eq!(published, Published::parse("2025-11-03T23:30:00Z").unwrap());
        assert_eq!(
            GERMAN.long_date(published.local_date()),
            "Dienstag, 04. November 2025"
        );
    }

    #[test]
    fn months_and_counts_are_named_in_each_language() {
        let month: YearMonth = "2025-03".parse().unwrap();
        let names: Vec<String> = Locale::all()
            .iter()
            .map(|locale| locale.month_name(month))
            .collect();
        assert_eq!(names, ["März 2025", "March 2025", "2025年3月", "مارس 2025"]);
        assert_eq!(ENGLISH.article_count(1), "1 article");
        assert_eq!(ENGLISH.article_count(2), "2 articles");
        let arabic: Vec<String> = [1, 2, 3, 11, 100, 103].map(|n| ARABIC.article_count(n)).to_vec();
        assert_eq!(
            arabic,
            [
                "مقال واحد",
                "مقالان",
                "3 مقالات",
                "11 مقالًا",
                "100 مقال",
                "103 مقالات"
            ]
        );
    }

    #[test]
    fn umlauts_and_two_digit_days_are_kept() {
        let date = CivilDate::new(2026, 3, 1).unwrap();
        assert_eq!(GERMAN.long_date(date), "Sonntag, 01. März 2026");
    }

    #[test]
    fn a_long_date_reads_back_as_the_date_it_was_written_from() {
        assert_eq!(
            GERMAN.parse_long_date("Dienstag, 04. November 2025"),
            Ok(CivilDate::new(2025, 11, 4).unwrap())
        );
        let date = CivilDate::new(2024, 2, 29).unwrap();
        assert_eq!(GERMAN.parse_long_date(&GERMAN.long_date(date)), Ok(date));
        assert_eq!(
            GERMAN.parse_long_date("Sonntag, 1. März 2026"),
            Ok(CivilDate::new(2026, 3, 1).unwrap())
        );
    }

    #[test]
    fn a_long_date_that_contradicts_itself_or_the_calendar_is_refused() {
        let error = |text| GERMAN.parse_long_date(text).unwrap_err();
        assert_eq!(
            error("Mittwoch, 04. November 2025"),
            "`Mittwoch, 04. November 2025` says Mittwoch, but that day is a Dienstag"
        );
        assert!(error("Samstag, 29. Februar 2025").contains("does not exist"));
        assert!(error("Dienstag, 04. Novembre 2025").starts_with("`Novembre` is not a month name"));
        assert!(error("Tuesday, 04. November 2025").starts_with("`Tuesday` is not a weekday"));
        assert!(error("04.11.2025").contains("is not a long date like `Dienstag, 04. November 2025`"));
    }

    #[test]
    fn every_load_error_has_a_german_sentence() {
        let errors = [
            LoadError::Network("TypeError: Failed to fetch".into()),
            LoadError::NotFound,
            LoadError::Status(500),
            LoadError::Syntax("EOF while parsing".into()),
            LoadError::Shape("missing field `headline`".into()),
            LoadError::UnsupportedFormat(2),
        ];
        for error in &errors {
            let (sentence, _) = GERMAN.load_error(error);
            assert!(sentence.ends_with('.') && !sentence.contains("{}"), "{sentence}");
        }
        assert!(GERMAN.load_error(&LoadError::Status(500)).0.contains("500"));
    }

    /// The 4 November 2025 of each language, as its newsroom prints it.
    #[test]
    fn each_language_writes_the_example_date_in_its_own_form() {
        let tuesday = date(2025, 11, 4);
        assert_eq!(GERMAN.long_date(tuesday), "Dienstag, 04. November 2025");
        assert_eq!(ENGLISH.long_date(tuesday), "Tuesday, 4 November 2025");
        assert_eq!(CHINESE.long_date(tuesday), "2025年11月4日星期二");
        assert_eq!(ARABIC.long_date(tuesday), "الثلاثاء، 4 نوفمبر 2025");
    }

    #[test]
    fn each_language_dates_an_article_by_the_newsrooms_calendar_across_midnight() {
        // 23:30 UTC on Monday 3 November is 07:30 on Tuesday in Beijing.
        let published = Published::parse("2025-11-03T23:30:00Z").unwrap();
        let beijing = Published::parse("2025-11-04T07:30:00+08:00").unwrap();
        assert_eq!(published, beijing);
        let dates: Vec<String> = Locale::all()
            .iter()
            .map(|locale| locale.long_date(beijing.local_date()))
            .collect();
        assert_eq!(
            dates,
            [
                "Dienstag, 04. November 2025",
                "Tuesday, 4 November 2025",
                "2025年11月4日星期二",
                "الثلاثاء، 4 نوفمبر 2025"
            ]
        );
        assert_eq!(
            ENGLISH.long_date(published.local_date()),
            "Monday, 3 November 2025",
            "the same instant at UTC is still Monday"
        );
    }

    /// CLDR writes the German day with one digit (`EEEE, d. MMMM y`); the
    /// newsroom, and so the seed, with two. Nothing else differs.
    #[test]
    fn the_german_newsroom_form_is_cldrs_with_a_two_digit_day() {
        assert_eq!(cldr::DE.full_date, "EEEE, d. MMMM y");
        assert_eq!(
            GERMAN.long_date_pattern,
            cldr::DE.full_date.replace(" d.", " dd.")
        );
        for locale in [&ENGLISH, &CHINESE, &ARABIC] {
            assert_eq!(
                locale.long_date_pattern, locale.calendar.full_date,
                "{}",
                locale.lang
            );
        }
    }

    #[test]
    fn every_language_reads_back_every_day_it_writes() {
        let first = date(2024, 1, 1).days_since_epoch();
        for locale in Locale::all() {
            for day in first..first + 2 * 366 {
                let date = CivilDate::from_days_since_epoch(day);
                let written = locale.long_date(date);
                assert_eq!(locale.parse_long_date(&written), Ok(date), "{written}");
            }
        }
    }

    #[test]
    fn other_languages_read_their_usual_variants_and_refuse_contradictions() {
        let tuesday = Ok(date(2025, 11, 4));
        assert_eq!(ENGLISH.parse_long_date("Tuesday, 04 November 2025"), tuesday);
        assert_eq!(CHINESE.parse_long_date("2025年11月4日 星期二"), tuesday);
        assert_eq!(ARABIC.parse_long_date("الثلاثاء، ٤ نوفمبر ٢٠٢٥"), tuesday);
        assert_eq!(
            ENGLISH.parse_long_date("Wednesday, 4 November 2025").unwrap_err(),
            "`Wednesday, 4 November 2025` says Wednesday, but that day is a Tuesday"
        );
        assert!(ARABIC
            .parse_long_date("الثلاثاء، 4 Novembre 2025")
            .unwrap_err()
            .starts_with("`Novembre` is not a month name; expected one of يناير"));
        assert_eq!(
            CHINESE.parse_long_date("2025/11/4").unwrap_err(),
            "`2025/11/4` is not a long date like `2025年11月4日星期二`"
        );
        assert!(CHINESE
            .parse_long_date("2025年13月4日星期二")
            .unwrap_err()
            .ends_with("names a day that does not exist"));
        assert!(ENGLISH
            .parse_long_date("Tuesday, 4 November 25")
            .unwrap_err()
            .contains("is not a long date like `Tuesday, 4 November 2025`"));
    }

    #[test]
    fn languages_are_found_by_their_primary_subtag_and_german_is_the_fallback() {
        let lang = |tag| Locale::for_lang(tag).lang;
        assert_eq!(lang("de"), "de");
        assert_eq!(lang("de-CH"), "de");
        assert_eq!(lang("en"), "en");
        assert_eq!(lang("EN-gb"), "en");
        assert_eq!(lang("zh"), "zh-Hans");
        assert_eq!(lang("zh-Hans-CN"), "zh-Hans");
        assert_eq!(lang("ar"), "ar");
        assert_eq!(lang("ar_EG"), "ar");
        assert_eq!(lang("fr"), "de");
        assert_eq!(lang(""), "de");
        assert!(Locale::matching("fr").is_none());
        assert!(Locale::matching("").is_none());
    }

    #[test]
    fn each_language_names_itself_and_its_direction() {
        let named: Vec<(&str, &str)> = Locale::all()
            .iter()
            .map(|locale| (locale.language_name, locale.direction.as_str()))
            .collect();
        assert_eq!(
            named,
            [
                ("Deutsch", "ltr"),
                ("English", "ltr"),
                ("中文", "ltr"),
                ("العربية", "rtl")
            ]
        );
    }

    #[test]
    fn a_language_is_called_by_its_own_name_where_the_reader_knows_it() {
        assert_eq!(Locale::name_of_language("zh-Hans", "Edition X"), "中文");
        assert_eq!(Locale::name_of_language("ar", "Edition X"), "العربية");
        assert_eq!(Locale::name_of_language("fr", "Edition X"), "Edition X");
    }

    #[test]
    fn every_language_has_every_text_and_a_sentence_for_every_load_error() {
        let errors = [
            LoadError::Network("TypeError: Failed to fetch".into()),
            LoadError::NotFound,
            LoadError::Status(503),
            LoadError::Syntax("EOF while parsing".into()),
            LoadError::Shape("missing field `headline`".into()),
            LoadError::UnsupportedFormat(7),
        ];
        for locale in Locale::all() {
            let texts = [
                locale.loading,
                locale.retry,
                locale.source_label,
                locale.breadcrumb_label,
                locale.sections_label,
                locale.skip_to_content,
                locale.pagination_label,
                locale.newer_page,
                locale.older_page,
                locale.neighbours_label,
                locale.newer_article,
                locale.older_article,
                locale.empty_list,
                locale.newest_articles,
                locale.not_found_title,
                locale.not_found_text,
                locale.back_to_front_page,
                locale.offline_title,
                locale.offline_text,
                locale.saved_articles,
                locale.no_saved_articles,
                locale.error_title,
                locale.error_details,
                locale.language_name,
                locale.latest,
                locale.subsections_label,
                locale.editions_label,
                locale.feeds_label,
                locale.house_label,
                locale.archive,
            ];
            assert!(
                texts.iter().all(|text| !text.trim().is_empty()),
                "{}",
                locale.lang
            );
            for error in &errors {
                let (sentence, _) = locale.load_error(error);
                assert!(
                    sentence.ends_with(['.', '。']) && !sentence.contains('{'),
                    "{}: {sentence}",
                    locale.lang
                );
            }
            assert!(locale.load_error(&errors[2]).0.contains("503"), "{}", locale.lang);
            assert!(locale.load_error(&errors[5]).0.contains('7'), "{}", locale.lang);
            let pager = locale.page_number(24);
            assert!(pager.contains("24"), "{pager}");
        }
        // German is the one texts were written in first: the others are not copies of it.
        for locale in &Locale::all()[1..] {
            assert_ne!(locale.retry, GERMAN.retry);
            assert_ne!(locale.not_found_text, GERMAN.not_found_text);
            assert_ne!(locale.offline_text, GERMAN.offline_text);
        }
    }

    #[test]
    fn interface_texts_read_naturally_in_each_language() {
        assert_eq!(GERMAN.page_number(2), "Seite 2");
        assert_eq!(ENGLISH.page_number(2), "Page 2");
        assert_eq!(CHINESE.page_number(2), "第 2 页");
        assert_eq!(ARABIC.page_number(2), "الصفحة 2");
        assert_eq!(
            GERMAN.feed_description("Aktuelles"),
            "Die neuesten Artikel: Aktuelles"
        );
        assert_eq!(ENGLISH.feed_description("Latest"), "The latest articles: Latest");
        assert_eq!(CHINESE.feed_description("经济"), "最新文章：经济");
        assert_eq!(ARABIC.feed_description("اقتصاد"), "أحدث المقالات: اقتصاد");
    }
}
