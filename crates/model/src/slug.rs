//! Identifiers that end up in URLs and file names: article ids and section slugs.
//!
//! They are validated on the way in (from sources and from fetched JSON), so
//! nothing a server sends can steer a link or a path somewhere else.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Lower-case ASCII letters, digits and inner hyphens; 1 to 64 characters.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

impl Slug {
    pub const MAX_LEN: usize = 64;

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Slug {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
        if text.is_empty()
            || text.len() > Self::MAX_LEN
            || !text.chars().all(allowed)
            || text.starts_with('-')
            || text.ends_with('-')
        {
            return Err(format!(
                "`{text}` is not a slug: use 1 to {} lower-case letters a-z, digits and inner hyphens",
                Self::MAX_LEN
            ));
        }
        Ok(Self(text))
    }
}

impl TryFrom<&str> for Slug {
    type Error = String;

    fn try_from(text: &str) -> Result<Self, String> {
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

impl TryFrom<String> for SectionPath {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        let slugs = text
            .trim_matches('/')
            .split('/')
            .map(Slug::try_from)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|error| format!("section path `{text}`: {error}"))?;
        Ok(Self(slugs))
    }
}

impl TryFrom<&str> for SectionPath {
    type Error = String;

    fn try_from(text: &str) -> Result<Self, String> {
        Self::try_from(text.to_owned())
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
            assert_eq!(Slug::try_from(text).unwrap().as_str(), text);
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
            assert!(Slug::try_from(text).is_err(), "{text:?}");
        }
    }

    #[test]
    fn section_paths_know_their_ancestry() {
        let path = SectionPath::try_from("bri-nachrichten/aktuelles").unwrap();
        let ancestry: Vec<String> = path.ancestry().map(|p| p.to_string()).collect();
        assert_eq!(ancestry, ["bri-nachrichten", "bri-nachrichten/aktuelles"]);
        assert!(path.is_within(&SectionPath::try_from("bri-nachrichten").unwrap()));
        assert!(!path.is_within(&SectionPath::try_from("dokumente").unwrap()));
    }

    #[test]
    fn section_paths_refuse_empty_segments() {
        assert!(SectionPath::try_from("a//b").is_err());
        assert!(SectionPath::try_from("").is_err());
    }
}
