//! HTML of another system (a feed item's content, a WordPress post) into
//! the body's blocks, sanitized: parsed as a browser would (html5ever,
//! through `scraper`), then mapped tag by tag onto `brnn_model::body`,
//! dropping what the model does not know. The Guardian maps its content
//! API's HTML onto components the same way.
//!
//! Nothing of the HTML is ever kept as HTML: the model has no attributes
//! beyond a link's `href` and an image's `src`, so an event attribute has
//! nowhere to go, and a link or image whose address is not `https:`,
//! `http:` (or `mailto:` for links) is kept as its text, or dropped.

use std::collections::BTreeMap;

use brnn_model::body::Block;

/// What sanitizing changed, by element name, for the editor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Elements removed with everything in them (`script`, `iframe`, …).
    pub removed: BTreeMap<String, usize>,
    /// Elements unwrapped: gone, their text kept (`div`, `span`, …).
    pub unwrapped: BTreeMap<String, usize>,
    /// Elements with no block of their own whose text was kept as
    /// paragraphs (`table`, `pre`, …).
    pub kept_as_text: BTreeMap<String, usize>,
    /// Links and images whose address was refused (`javascript:`, …).
    pub refused_addresses: usize,
}

/// The blocks of `html`, a fragment such as a post's body, and what was dropped.
pub fn body_blocks(html: &str) -> (Vec<Block>, Report) {
    todo!(
        "skeleton: the interface for importers; the mapping follows: {}",
        html.len()
    )
}
