//! Decoding fetched documents, and the one error type of data access.

use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::format::{ArticlePage, Edition, ListPage, FORMAT_VERSION};

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

documents!(Edition, ListPage, ArticlePage);

/// Decodes a document body, telling broken JSON, the wrong shape and an
/// unknown format version apart.
pub fn decode<T: Document>(body: &str) -> Result<T, LoadError> {
    #[derive(Deserialize)]
    struct FormatOnly {
        format: u32,
    }
    match serde_json::from_str::<T>(body) {
        Ok(document) if document.format() == FORMAT_VERSION => Ok(document),
        Ok(document) => Err(LoadError::UnsupportedFormat(document.format())),
        Err(error) if error.is_syntax() || error.is_eof() => Err(LoadError::Syntax(error.to_string())),
        Err(error) => match serde_json::from_str::<FormatOnly>(body) {
            // A newer format may change shape: name the version, not the field.
            Ok(FormatOnly { format }) if format != FORMAT_VERSION => {
                Err(LoadError::UnsupportedFormat(format))
            }
            _ => Err(LoadError::Shape(error.to_string())),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = r#"{
        "format": 1,
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
        for body in ["[]", "null", "42", r#"{"format": 1}"#] {
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
        let newer = ARTICLE.replace(r#""format": 1"#, r#""format": 2"#);
        assert_eq!(
            decode::<ArticlePage>(&newer),
            Err(LoadError::UnsupportedFormat(2))
        );
        assert_eq!(
            decode::<ArticlePage>(r#"{"format": 7, "entirely": "different"}"#),
            Err(LoadError::UnsupportedFormat(7))
        );
    }
}
