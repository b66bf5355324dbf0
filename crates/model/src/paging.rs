//! Splitting a sorted list into numbered pages (1-based, as readers count).

use std::ops::Range;

/// The page layout of a list of `total` items, `page_size` to a page.
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

    /// How many pages there are; an empty list still has one (empty) page.
    pub fn pages(self) -> usize {
        self.total.div_ceil(self.page_size).max(1)
    }

    /// The item indexes on page `page`, or `None` for a page that does not exist.
    pub fn items_on(self, page: usize) -> Option<Range<usize>> {
        if page == 0 || page > self.pages() {
            return None;
        }
        let start = (page - 1) * self.page_size;
        Some(start..(start + self.page_size).min(self.total))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_list_has_one_empty_page() {
        let paging = Paging::new(0, 10);
        assert_eq!(paging.pages(), 1);
        assert_eq!(paging.items_on(1), Some(0..0));
        assert_eq!(paging.items_on(2), None);
    }

    #[test]
    fn exactly_one_full_page() {
        let paging = Paging::new(10, 10);
        assert_eq!(paging.pages(), 1);
        assert_eq!(paging.items_on(1), Some(0..10));
        assert_eq!(paging.items_on(2), None);
    }

    #[test]
    fn the_last_page_holds_the_remainder() {
        let paging = Paging::new(31, 10);
        assert_eq!(paging.pages(), 4);
        assert_eq!(paging.items_on(3), Some(20..30));
        assert_eq!(paging.items_on(4), Some(30..31));
        assert_eq!(paging.items_on(5), None);
    }

    #[test]
    fn page_zero_does_not_exist() {
        assert_eq!(Paging::new(31, 10).items_on(0), None);
    }

    #[test]
    fn a_zero_page_size_still_pages() {
        assert_eq!(Paging::new(3, 0).pages(), 3);
    }
}
