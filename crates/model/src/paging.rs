//! Splitting a date-sorted list into pages numbered from its oldest, so
//! that a page, once full, never changes: a new article changes only the
//! newest page, which holds between one and two pages' worth (fewer only
//! while the list is shorter than a page), and splits off a full page when
//! it would reach two. Publishing one article thus changes one page of
//! each list it is in, and every `page_size`-th article one more.

use std::ops::Range;

/// The pages of a list of `total` articles, `page_size` to a full page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    total: usize,
    page_size: usize,
}

impl Paging {
    /// A `page_size` of 0 is treated as 1, so there is always a way through.
    pub fn new(total: usize, page_size: usize) -> Self {
        Self {
            total,
            page_size: page_size.max(1),
        }
    }

    /// The newest page's number, which is also how many pages there are;
    /// an empty list still has one (empty) page.
    pub fn newest(self) -> u32 {
        (self.total / self.page_size).max(1) as u32
    }

    /// The indexes, in the newest-first list, of the articles on page
    /// `page`, or `None` for a page that does not exist.
    pub fn items_on(self, page: u32) -> Option<Range<usize>> {
        let newest = self.newest();
        if page == 0 || page > newest {
            return None;
        }
        // Counted from the oldest, the page starts at (page - 1) × size.
        let from_oldest = (page as usize - 1) * self.page_size;
        let end = self.total - from_oldest;
        let start = if page == newest { 0 } else { end - self.page_size };
        Some(start..end)
    }

    /// The page that holds the article at `index` of the newest-first
    /// list (the newest page for an index past its end).
    pub fn page_holding(self, index: usize) -> u32 {
        let from_oldest = self.total.saturating_sub(index + 1);
        ((from_oldest / self.page_size + 1) as u32).min(self.newest())
    }

    /// The page that now holds the first article of page `legacy` as the
    /// older addresses counted it (from the newest, full pages of
    /// `page_size`); the oldest page when the list has become shorter.
    pub fn holding_legacy_page(self, legacy: u32) -> u32 {
        let from_newest = (legacy.max(1) as usize - 1) * self.page_size;
        let from_oldest = self.total.saturating_sub(from_newest + 1);
        ((from_oldest / self.page_size + 1) as u32).min(self.newest())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_list_has_one_empty_page() {
        let paging = Paging::new(0, 10);
        assert_eq!(paging.newest(), 1);
        assert_eq!(paging.items_on(1), Some(0..0));
        assert_eq!(paging.items_on(2), None);
    }

    #[test]
    fn a_list_shorter_than_two_pages_is_one_page() {
        for total in [1, 10, 19] {
            let paging = Paging::new(total, 10);
            assert_eq!(paging.newest(), 1, "{total}");
            assert_eq!(paging.items_on(1), Some(0..total), "{total}");
        }
    }

    #[test]
    fn the_newest_page_holds_the_remainder_and_a_full_page() {
        let paging = Paging::new(37, 10);
        assert_eq!(paging.newest(), 3);
        // Newest first: 17 on the newest page, then 10 and 10.
        assert_eq!(paging.items_on(3), Some(0..17));
        assert_eq!(paging.items_on(2), Some(17..27));
        assert_eq!(paging.items_on(1), Some(27..37));
        assert_eq!(paging.items_on(4), None);
        assert_eq!(paging.items_on(0), None);
    }

    /// The property the numbering exists for: the articles of every page
    /// but the newest two stay where they are as articles are added.
    #[test]
    fn a_new_article_changes_only_the_newest_page_and_every_tenth_time_the_one_below() {
        let oldest_first = |paging: Paging, total: usize, page: u32| -> Vec<usize> {
            // Article n is the n-th published, so its newest-first index is total - 1 - n.
            let range = paging.items_on(page).unwrap();
            range.rev().map(|index| total - 1 - index).collect()
        };
        for total in 0..100 {
            let before = Paging::new(total, 10);
            let after = Paging::new(total + 1, 10);
            let mut changed = Vec::new();
            for page in 1..=after.newest() {
                let old = (page <= before.newest()).then(|| oldest_first(before, total, page));
                if old.as_ref() != Some(&oldest_first(after, total + 1, page)) {
                    changed.push(page);
                }
            }
            let expected = if after.newest() > before.newest() {
                vec![before.newest(), after.newest()]
            } else {
                vec![after.newest()]
            };
            assert_eq!(changed, expected, "adding article {}", total + 1);
        }
    }

    #[test]
    fn each_article_is_on_the_page_that_holds_it() {
        for total in [0, 1, 10, 19, 20, 37, 100] {
            let paging = Paging::new(total, 10);
            for page in 1..=paging.newest() {
                for index in paging.items_on(page).unwrap() {
                    assert_eq!(
                        paging.page_holding(index),
                        page,
                        "{total} articles, index {index}"
                    );
                }
            }
        }
    }

    #[test]
    fn an_older_page_number_leads_to_the_page_that_holds_its_articles_now() {
        let paging = Paging::new(37, 10);
        // Counted from the newest, page 1 began with the newest article, page 2 with the 11th newest.
        assert_eq!(paging.holding_legacy_page(1), 3);
        assert_eq!(paging.holding_legacy_page(2), 3);
        assert_eq!(paging.holding_legacy_page(3), 2);
        assert_eq!(paging.holding_legacy_page(4), 1);
        assert_eq!(paging.holding_legacy_page(99), 1);
        assert_eq!(Paging::new(0, 10).holding_legacy_page(5), 1);
    }

    #[test]
    fn a_zero_page_size_still_pages() {
        assert_eq!(Paging::new(3, 0).newest(), 3);
    }
}
