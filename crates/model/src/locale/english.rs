//! English (British spelling and dates, as the network writes them).

use super::{cldr, Direction, Locale};

pub static ENGLISH: Locale = Locale {
    lang: "en",
    language_name: "English",
    direction: Direction::Ltr,
    calendar: &cldr::EN_GB,
    // `Tuesday, 4 November 2025`.
    long_date_pattern: cldr::EN_GB.full_date,
    label_separator: ": ",
    page_of: |page, pages| format!("Page {page} of {pages}"),
    loading: "Loading …",
    retry: "Try again",
    source_label: "Source:",
    updated: "Updated",
    breadcrumb_label: "Breadcrumb",
    sections_label: "Sections",
    skip_to_content: "Skip to content",
    languages_label: "Languages",
    pagination_label: "Pages",
    newer_page: "Newer articles",
    older_page: "Older articles",
    neighbours_label: "More articles in this section",
    newer_article: "Newer article",
    older_article: "Older article",
    empty_list: "There are no articles here yet.",
    newest_articles: "The latest articles",
    not_found_title: "Page not found",
    not_found_text: "This page does not exist, or no longer does. The link may be out of date or mistyped.",
    back_to_front_page: "Back to the front page",
    error_title: "Something went wrong",
    error_network: "The server cannot be reached. Please check your internet connection.",
    error_not_found: "The requested data does not exist.",
    error_status: |status| format!("The server answered with an error (HTTP status {status})."),
    error_syntax: "The data from the server is damaged: it is not valid JSON.",
    error_shape: "The data from the server does not have the expected form.",
    error_format: |format| {
        format!("The data from the server has format version {format}, which this version of the reader does not know. Please reload the page.")
    },
    error_details: "Technical details",
    search_label: "Search",
    search_button: "Search",
    search_needs_javascript:
        "Search needs JavaScript. Please turn JavaScript on, or find articles through the sections.",
    search_prompt: "Type what you are looking for.",
    search_running: "Searching …",
    search_failed: "Search is not available at the moment. Please try again later.",
    more_results: "More results",
    search_count: |count| match count {
        1 => "1 result".to_owned(),
        count => format!("{count} results"),
    },
    search_count_since: |count, year| match count {
        1 => format!("1 result since {year}"),
        count => format!("{count} results since {year}"),
    },
    search_none: |query| format!("No results for “{query}”."),
};
