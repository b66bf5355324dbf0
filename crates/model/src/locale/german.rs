//! German, the first edition's language and the reader's default.

use super::{cldr, Direction, Locale};

pub static GERMAN: Locale = Locale {
    lang: "de",
    language_name: "Deutsch",
    direction: Direction::Ltr,
    calendar: &cldr::DE,
    // CLDR's `EEEE, d. MMMM y` with the two-digit day the newsroom prints
    // (`Dienstag, 04. November 2025`, as on the seed page).
    long_date_pattern: "EEEE, dd. MMMM y",
    label_separator: ": ",
    page_of: |page, pages| format!("Seite {page} von {pages}"),
    loading: "Wird geladen …",
    retry: "Erneut versuchen",
    source_label: "Quelle :",
    updated: "Aktualisiert",
    breadcrumb_label: "Brotkrümelnavigation",
    sections_label: "Rubriken",
    skip_to_content: "Zum Inhalt springen",
    languages_label: "Sprachen",
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
    search_label: "Suche",
    search_button: "Suchen",
    search_needs_javascript: "Die Suche braucht JavaScript. Bitte schalten Sie JavaScript ein, oder finden Sie Artikel über die Rubriken.",
    search_prompt: "Geben Sie ein, wonach Sie suchen.",
    search_running: "Suche läuft …",
    search_failed: "Die Suche ist gerade nicht verfügbar. Bitte versuchen Sie es später noch einmal.",
    more_results: "Weitere Treffer",
    search_count: |count| format!("{count} Treffer"),
    search_count_since: |count, year| format!("{count} Treffer seit {year}"),
    search_none: |query| format!("Keine Treffer für „{query}“."),
};
