//! Decoding fetched documents, and the one error type of data access.

use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::format::{
    ArchiveIndex, ArticlePage, DayArchive, Edition, FrontPage, HousePage, ListPage, MonthArchive,
    FORMAT_VERSION,
};

/// Why a document could not be shown. Every variant has a message for the
/// reader (see [`crate::locale::Locale::load_error`]) and can be retried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// No HTTP answer at all: offline, refused, blocked or aborted.
    Network(String),
    /// The document does not exist: 404 or 410, or a web page where JSON was
    /// expected (a single-page-app fallback answering for a missing file).
    NotFound,
    /// Any other unsuccessful HTTP status.
    Status(u16),
    /// The body is not JSON.
    Syntax(String),
    /// JSON, but not the document that was asked for.
    Shape(String),
    /// A `format` number this reader does not understand.
    UnsupportedFormat(u32),
}

/// A document of the endpoint that carries its format number.
pub trait Document: DeserializeOwned {
    fn format(&self) -> u32;
}

macro_rules! documents {
    ($($document:ty),*) => {$(
        impl Document for $document {
            fn format(&self) -> u32 {
                self.format
            }
        }
    )*};
}

documents!(
    Edition,
    ListPage,
    ArticlePage,
    FrontPage,
    HousePage,
    ArchiveIndex,
    MonthArchive,
    DayArchive
);

/// Decodes a document body, telling broken JSON, the wrong shape and an
/// unknown format version apart.
pub fn decode<T: Document>(body: &str) -> Result<T, LoadError> {
    // Only the parse is per document type; what a failure means is not.
    match serde_json::from_str::<T>(body) {
        Ok(document) => known_format(Some(document.format())).map(|()| document),
        Err(error) => Err(failure(error, body)),
    }
}

/// Why `body` did not parse as the document asked for.
fn failure(error: serde_json::Error, body: &str) -> LoadError {
    #[derive(Deserialize)]
    struct FormatOnly {
        format: u32,
    }
    if error.is_syntax() || error.is_eof() {
        return LoadError::Syntax(error.to_string());
    }
    let format = serde_json::from_str::<FormatOnly>(body).ok();
    known_format(format.map(|only| only.format))
        .err()
        .unwrap_or(LoadError::Shape(error.to_string()))
}

/// Whether a document's `format` (if it has one that is a number) is the
/// one this reader knows. Checked before the document's shape: a newer
/// format may change the shape, and the reader should hear the version,
/// not a field's name. (The browser, which parses JSON itself, asks too.)
pub fn known_format(format: Option<u32>) -> Result<(), LoadError> {
    match format {
        Some(format) if format != FORMAT_VERSION => Err(LoadError::UnsupportedFormat(format)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = r#"{
        "format": 2,
        "article": {
            "id": "ecf15130d4b083e2",
            "section": "bri-nachrichten/aktuelles",
            "headline": "China und Russland streben engere Zusammenarbeit in allen Bereichen an",
            "published": "2025-11-04T00:00:00+08:00",
            "source": "",
            "paragraphs": ["Erster Absatz.", "Zweiter Absatz."]
        },
        "newer": null,
        "older": {"id": "x1", "headline": "Älter"},
        "added_in_a_later_minor_revision": true
    }"#;

    #[test]
    fn a_good_article_decodes_and_ignores_unknown_fields() {
        let page: ArticlePage = decode(ARTICLE).unwrap();
        assert_eq!(page.article.paragraphs.len(), 2);
        assert_eq!(page.article.published.to_string(), "2025-11-04T00:00:00+08:00");
        assert_eq!(page.older.unwrap().id.as_str(), "x1");
    }

    #[test]
    fn a_hostile_body_never_fails_the_article() {
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        let hostile = ARTICLE.replace(
            r#""paragraphs""#,
            &format!(r#""body": [{deep}, {{"type": "video"}}, {{"type": "separator"}}], "paragraphs""#),
        );
        let page: ArticlePage = decode(&hostile).unwrap();
        assert_eq!(page.article.body, [crate::body::Block::Separator]);
        assert_eq!(page.article.paragraphs.len(), 2);
    }

    #[test]
    fn broken_json_is_a_syntax_error() {
        for body in ["", "{", "<!DOCTYPE html><html></html>", "{\"format\": 1,}"] {
            assert!(
                matches!(decode::<ArticlePage>(body), Err(LoadError::Syntax(_))),
                "{body:?}"
            );
        }
    }

    #[test]
    fn json_of_another_shape_is_a_shape_error_naming_the_field() {
        let missing_headline = ARTICLE.replace(r#""headline": "China"#, r#""title": "China"#);
        match decode::<ArticlePage>(&missing_headline) {
            Err(LoadError::Shape(message)) => assert!(message.contains("headline"), "{message}"),
            other => panic!("{other:?}"),
        }
        for body in ["[]", "null", "42", r#"{"format": 2}"#] {
            assert!(
                matches!(decode::<ArticlePage>(body), Err(LoadError::Shape(_))),
                "{body}"
            );
        }
    }

    #[test]
    fn hostile_identifiers_and_dates_are_refused() {
        let hostile_id = ARTICLE.replace("ecf15130d4b083e2", "../../evil");
        assert!(matches!(
            decode::<ArticlePage>(&hostile_id),
            Err(LoadError::Shape(_))
        ));
        let impossible_date = ARTICLE.replace("2025-11-04T00", "2025-02-30T00");
        assert!(matches!(
            decode::<ArticlePage>(&impossible_date),
            Err(LoadError::Shape(_))
        ));
    }

    #[test]
    fn another_format_version_is_named_as_such() {
        let newer = ARTICLE.replace(r#""format": 2"#, r#""format": 3"#);
        assert_eq!(
            decode::<ArticlePage>(&newer),
            Err(LoadError::UnsupportedFormat(3))
        );
        // Format 1 numbered list pages from the newest: its documents are not read as format 2's.
        let older = ARTICLE.replace(r#""format": 2"#, r#""format": 1"#);
        assert_eq!(
            decode::<ArticlePage>(&older),
            Err(LoadError::UnsupportedFormat(1))
        );
        assert_eq!(
            decode::<ArticlePage>(r#"{"format": 7, "entirely": "different"}"#),
            Err(LoadError::UnsupportedFormat(7))
        );
    }
}
