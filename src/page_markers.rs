//! Where a prerendered page keeps its parts, for the renderer that writes
//! them (`prerender.rs`) and the app that takes them over (`main.rs`).

/// Ends the prerendered screen in the body; what comes before it is the app's.
pub const PAGE_END: &str = "<!--brnn-page-end-->";
/// The head tags of the screen lie between these two (leptos_meta puts its
/// tags after `<!--HEAD-->`); both are in `index.html`.
pub const HEAD_START: &str = "<!--HEAD-->";
pub const HEAD_END: &str = "<!--/HEAD-->";
/// Names a carried document's path below the endpoint, on its JSON data block.
pub const DOCUMENT_ATTRIBUTE: &str = "data-brnn-document";
/// The id of each page's `<main>`, where the skip link leads.
pub const MAIN_ID: &str = "inhalt";
