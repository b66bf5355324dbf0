//! What differs between the two places the app runs, behind one set of
//! functions: the browser (feature `csr`, `browser/`), where the app reads
//! and writes the document, the history and the network, and the native
//! renderer (`native.rs`), where the content tool draws one address into
//! HTML and nothing moves, scrolls or fetches. Components call these
//! without a `cfg` of their own, and read as plain Leptos.
//!
//! Natively, Leptos runs no effects: what a view starts in an `Effect`
//! (fetches, searches, listeners) happens only in the browser.

#[cfg(feature = "csr")]
mod browser;
#[cfg(feature = "csr")]
pub use browser::*;

#[cfg(not(feature = "csr"))]
mod native;
#[cfg(not(feature = "csr"))]
pub use native::*;

/// How a new address enters the browser's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryEntry {
    /// A new entry, as a link makes.
    Push,
    /// In place of the current one, as a redirect does.
    Replace,
}

/// Why a search has no results to show.
#[derive(Debug, Clone, PartialEq)]
pub enum SearchError {
    /// A newer search replaced this one before it ended.
    Superseded,
    /// The index could not be loaded or read.
    Unavailable(String),
}
