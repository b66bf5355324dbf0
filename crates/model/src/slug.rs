//! Identifiers that end up in URLs and file names: article ids and section slugs.
//!
//! They are validated on the way in (from sources and from fetched JSON), so
//! nothing a server sends can steer a link or a path somewhere else.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Lower-case ASCII letters, digits and inner hyphens; 1 to 64 characters.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

/// Why a text is not a [`Slug`]; it quotes the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlugError {
    text: String,
}

impl fmt::Display for SlugError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a slug: use 1 to {} lower-case letters a-z, digits and inner hyphens",
            self.text,
            Slug::MAX_LEN
        )
    }
}

impl std::error::Error for SlugError {}

impl Slug {
    pub const MAX_LEN: usize = 64;

    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn is_valid(text: &str) -> bool {
        let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
        !text.is_empty()
            && text.len() <= Self::MAX_LEN
            && text.chars().all(allowed)
            && !text.starts_with('-')
            && !text.ends_with('-')
    }
}

impl TryFrom<String> for Slug {
    type Error = SlugError;

    fn try_from(text: String) -> Result<Self, SlugError> {
        if Self::is_valid(&text) {
            Ok(Self(text))
        } else {
            Err(SlugError { text })
        }
    }
}

impl FromStr for Slug {
    type Err = SlugError;

    fn from_str(text: &str) -> Result<Self, SlugError> {
        Self::try_from(text.to_owned())
    }
}

impl From<Slug> for String {
    fn from(slug: Slug) -> String {
        slug.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A section's place in its edition's tree, outermost first:
/// `bri-nachrichten/aktuelles`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SectionPath(Vec<Slug>);

/// Why a text is not a [`SectionPath`]: the path, and its first segment that is no slug.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionPathError {
    path: String,
    segment: SlugError,
}

impl fmt::Display for SectionPathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "section path `{}`: {}", self.path, self.segment)
    }
}

impl std::error::Error for SectionPathError {}

impl SectionPath {
    pub fn slugs(&self) -> &[Slug] {
        &self.0
    }

    /// Whether `self` is `ancestor` or lies below it.
    pub fn is_within(&self, ancestor: &SectionPath) -> bool {
        self.0.starts_with(&ancestor.0)
    }

    /// The path of the section `slug` below this one.
    pub fn child(&self, slug: Slug) -> SectionPath {
        let mut slugs = self.0.clone();
        slugs.push(slug);
        Self(slugs)
    }

    /// This path and every ancestor, outermost first.
    pub fn ancestry(&self) -> impl Iterator<Item = SectionPath> + '_ {
        (1..=self.0.len()).map(|depth| SectionPath(self.0[..depth].to_vec()))
    }
}

impl From<Slug> for SectionPath {
    /// A top-level section's path.
    fn from(slug: Slug) -> Self {
        Self(vec![slug])
    }
}

impl FromStr for SectionPath {
    type Err = SectionPathError;

    /// `a/b`; one leading or trailing `/` is allowed, as in a URL.
    fn from_str(text: &str) -> Result<Self, SectionPathError> {
        let slugs = text
            .trim_matches('/')
            .split('/')
            .map(str::parse)
            .collect::<Result<Vec<Slug>, _>>()
            .map_err(|segment| SectionPathError {
                path: text.to_owned(),
                segment,
            })?;
        Ok(Self(slugs))
    }
}

impl TryFrom<String> for SectionPath {
    type Error = SectionPathError;

    fn try_from(text: String) -> Result<Self, SectionPathError> {
        text.parse()
    }
}

impl From<SectionPath> for String {
    fn from(path: SectionPath) -> String {
        path.to_string()
    }
}

impl fmt::Display for SectionPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, slug) in self.0.iter().enumerate() {
            if index > 0 {
                f.write_str("/")?;
            }
            f.write_str(slug.as_str())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_accept_ids_and_section_names() {
        for text in ["ecf15130d4b083e2", "bri-nachrichten", "a", "2025"] {
            assert_eq!(text.parse::<Slug>().unwrap().as_str(), text);
        }
    }

    #[test]
    fn slugs_refuse_anything_that_could_leave_its_url_segment() {
        for text in [
            "",
            "../x",
            "a/b",
            "A",
            "-a",
            "a-",
            "javascript:alert(1)",
            "ü",
            "a b",
            &"a".repeat(65),
        ] {
            assert!(text.parse::<Slug>().is_err(), "{text:?}");
        }
    }

    #[test]
    fn section_paths_know_their_ancestry() {
        let path = SectionPath::from_str("bri-nachrichten/aktuelles").unwrap();
        let ancestry: Vec<String> = path.ancestry().map(|p| p.to_string()).collect();
        assert_eq!(ancestry, ["bri-nachrichten", "bri-nachrichten/aktuelles"]);
        assert!(path.is_within(&SectionPath::from_str("bri-nachrichten").unwrap()));
        assert!(!path.is_within(&SectionPath::from_str("dokumente").unwrap()));
    }

    #[test]
    fn errors_quote_the_text_and_say_what_a_slug_is() {
        assert_eq!(
            "Über".parse::<Slug>().unwrap_err().to_string(),
            "`Über` is not a slug: use 1 to 64 lower-case letters a-z, digits and inner hyphens"
        );
        assert_eq!(
            "bri-nachrichten/Aktuelles".parse::<SectionPath>().unwrap_err().to_string(),
            "section path `bri-nachrichten/Aktuelles`: `Aktuelles` is not a slug: use 1 to 64 lower-case letters a-z, digits and inner hyphens"
        );
    }

    #[test]
    fn section_paths_refuse_empty_segments() {
        assert!(SectionPath::from_str("a//b").is_err());
        assert!(SectionPath::from_str("").is_err());
    }
}
