//! The one order of every list: newest first, ties broken by id.

use std::cmp::Ordering;

use crate::date::Published;
use crate::format::{Article, ArticleSummary};
use crate::slug::Slug;

/// What a list is ordered by: articles and their summaries sort alike.
pub trait Listed {
    fn published(&self) -> Published;
    fn id(&self) -> &Slug;
}

impl Listed for Article {
    fn published(&self) -> Published {
        self.published
    }
    fn id(&self) -> &Slug {
        &self.id
    }
}

impl Listed for ArticleSummary {
    fn published(&self) -> Published {
        self.published
    }
    fn id(&self) -> &Slug {
        &self.id
    }
}

/// Newest publication instant first; equal instants by ascending id, so the
/// order never depends on the order sources were read in.
pub fn newest_first<T: Listed>(a: &T, b: &T) -> Ordering {
    b.published().cmp(&a.published()).then_with(|| a.id().cmp(b.id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(id: &str, published: &str) -> ArticleSummary {
        ArticleSummary {
            id: id.parse().unwrap(),
            section: "aktuelles".parse().unwrap(),
            headline: id.to_owned(),
            published: Published::parse(published).unwrap(),
            lead: String::new(),
            image: None,
        }
    }

    fn ids(list: &[ArticleSummary]) -> Vec<&str> {
        list.iter().map(|s| s.id.as_str()).collect()
    }

    #[test]
    fn newest_instant_comes_first_whatever_the_offset() {
        let mut list = vec![
            summary("beijing-morning", "2025-11-05T08:00:00+08:00"), // 00:00Z
            summary("berlin-evening", "2025-11-04T23:30:00+01:00"),  // 22:30Z
            summary("new-york-night", "2025-11-04T20:00:00-05:00"),  // 01:00Z on the 5th
        ];
        list.sort_by(newest_first);
        assert_eq!(
            ids(&list),
            ["new-york-night", "beijing-morning", "berlin-evening"]
        );
    }

    #[test]
    fn equal_instants_are_ordered_by_id_whatever_the_input_order() {
        let same_moment = ["c", "a", "b"].map(|id| summary(id, "2025-11-04T12:00:00+08:00"));
        let mut forwards = same_moment.to_vec();
        let mut backwards: Vec<_> = same_moment.iter().rev().cloned().collect();
        forwards.sort_by(newest_first);
        backwards.sort_by(newest_first);
        assert_eq!(ids(&forwards), ["a", "b", "c"]);
        assert_eq!(forwards, backwards);
    }

    #[test]
    fn the_same_instant_written_in_two_offsets_is_a_tie() {
        let mut list = vec![
            summary("z-utc", "2025-11-04T04:00:00Z"),
            summary("a-beijing", "2025-11-04T12:00:00+08:00"),
        ];
        list.sort_by(newest_first);
        assert_eq!(ids(&list), ["a-beijing", "z-utc"]);
    }
}
