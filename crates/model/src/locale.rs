//! What the reader says, per language: long dates and interface texts.
//!
//! Article text comes from the endpoint; everything the app itself writes
//! comes from here, so a new language is one more `Locale`.

use crate::date::CivilDate;
use crate::load::LoadError;

/// The interface texts and date names of one language.
#[derive(Debug)]
pub struct Locale {
    /// BCP 47 tag, for `<html lang>`.
    pub lang: &'static str,
    weekdays: [&'static str; 7],
    months: [&'static str; 12],
    /// Writes the long date from its parts: weekday name, day, month name, year.
    long_date_form: fn(&str, u8, &str, i32) -> String,
    /// "Seite 2 von 4": where a list's pager stands.
    page_of: fn(u32, u32) -> String,
    pub loading: &'static str,
    pub retry: &'static str,
    /// Opens the source line: `Quelle : German.china.org.cn`.
    pub source_label: &'static str,
    pub breadcrumb_label: &'static str,
    pub sections_label: &'static str,
    pub skip_to_content: &'static str,
    pub pagination_label: &'static str,
    pub newer_page: &'static str,
    pub older_page: &'static str,
    pub neighbours_label: &'static str,
    pub newer_article: &'static str,
    pub older_article: &'static str,
    pub empty_list: &'static str,
    /// Describes a feed: "Die neuesten Artikel: Aktuelles".
    pub newest_articles: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub back_to_front_page: &'static str,
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
}

pub static GERMAN: Locale = Locale {
    lang: "de",
    weekdays: [
        "Montag",
        "Dienstag",
        "Mittwoch",
        "Donnerstag",
        "Freitag",
        "Samstag",
        "Sonntag",
    ],
    months: [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    long_date_form: |weekday, day, month, year| format!("{weekday}, {day:02}. {month} {year}"),
    page_of: |page, pages| format!("Seite {page} von {pages}"),
    loading: "Wird geladen …",
    retry: "Erneut versuchen",
    source_label: "Quelle :",
    breadcrumb_label: "Brotkrümelnavigation",
    sections_label: "Rubriken",
    skip_to_content: "Zum Inhalt springen",
    pagination_label: "Seiten",
    newer_page: "Neuere Artikel",
    older_page: "Ältere Artikel",
    neighbours_label: "Weitere Artikel dieser Rubrik",
    newer_article: "Neuerer Artikel",
    older_article: "Älterer Artikel",
    empty_list: "Hier gibt es noch keine Artikel.",
    newest_articles: "Die neuesten Artikel",
    not_found_title: "Seite nicht gefunden",
    not_found_text:
        "Diese Seite gibt es nicht oder nicht mehr. Vielleicht ist der Link veraltet oder falsch geschrieben.",
    back_to_front_page: "Zur Startseite",
    error_title: "Das hat nicht geklappt",
    error_network: "Der Server ist nicht erreichbar. Bitte prüfen Sie Ihre Internetverbindung.",
    error_not_found: "Die angeforderten Daten gibt es nicht.",
    error_status: |status| format!("Der Server hat mit einem Fehler geantwortet (HTTP-Status {status})."),
    error_syntax: "Die Daten vom Server sind beschädigt: Sie sind kein gültiges JSON.",
    error_shape: "Die Daten vom Server haben nicht die erwartete Form.",
    error_format: |format| {
        format!("Die Daten vom Server haben die Formatversion {format}, die diese Version des Lesers nicht kennt. Bitte laden Sie die Seite neu.")
    },
    error_details: "Technische Angaben",
};

impl Locale {
    /// The locale for a BCP 47 tag; German, the first edition's, for anything unknown.
    pub fn for_lang(_lang: &str) -> &'static Locale {
        &GERMAN
    }

    /// The long date as the newsroom prints it: `Dienstag, 04. November 2025`.
    pub fn long_date(&self, date: CivilDate) -> String {
        (self.long_date_form)(
            self.weekdays[date.weekday().index()],
            date.day,
            self.months[usize::from(date.month) - 1],
            date.year,
        )
    }

    /// A long date to show in a message about the form: `Dienstag, 04. November 2025`.
    pub fn long_date_example(&self) -> String {
        self.long_date(CivilDate::new(2025, 11, 4).expect("a real date"))
    }

    /// Reads a long date as [`Self::long_date`] writes it. The weekday must
    /// be the date's own: a page that contradicts itself is refused, not guessed at.
    pub fn parse_long_date(&self, text: &str) -> Result<CivilDate, String> {
        let text = text.trim();
        let form = || format!("`{text}` is not a long date like `{}`", self.long_date_example());
        let (weekday, rest) = text.split_once(", ").ok_or_else(form)?;
        let mut parts = rest.split_whitespace();
        let (Some(day), Some(month), Some(year), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(form());
        };
        let day: u8 = day
            .strip_suffix('.')
            .filter(|digits| (1..=2).contains(&digits.len()))
            .and_then(|digits| digits.parse().ok())
            .ok_or_else(form)?;
        let month = self
            .months
            .iter()
            .position(|name| *name == month)
            .ok_or_else(|| {
                format!(
                    "`{month}` is not a month name; expected one of {}",
                    self.months.join(", ")
                )
            })?;
        let year: i32 = year.parse().ok().filter(|_| year.len() == 4).ok_or_else(form)?;
        let written_weekday = self
            .weekdays
            .iter()
            .position(|name| *name == weekday)
            .ok_or_else(|| {
                format!(
                    "`{weekday}` is not a weekday; expected one of {}",
                    self.weekdays.join(", ")
                )
            })?;
        let date = CivilDate::new(year, month as u8 + 1, day)
            .ok_or_else(|| format!("`{text}` names a day that does not exist"))?;
        let actual_weekday = self.weekdays[date.weekday().index()];
        if written_weekday != date.weekday().index() {
            return Err(format!(
                "`{text}` says {weekday}, but that day is a {actual_weekday}"
            ));
        }
        Ok(date)
    }

    /// Where a list's pager stands: "Seite 2 von 4".
    pub fn page_of(&self, page: u32, pages: u32) -> String {
        (self.page_of)(page, pages)
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
}
