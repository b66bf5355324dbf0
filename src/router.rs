//! The address in view, and moving between the site's addresses without
//! leaving the app. Which screen an address shows is `Site::route`'s
//! answer (in the model, tested natively); this module only follows the
//! browser: a click on a link of the site becomes a history entry instead
//! of a page load, and back and forward show their address again.
//!
//! Links are plain `<a href>`, built from `Site`, so every link also works
//! without the app (a prerendered page, a new tab). Which clicks the app
//! takes is `brnn_model::link_click`'s answer.

use leptos::prelude::*;

use crate::platform::{self, HistoryEntry};

/// Path and query of an address (`/news/de/page/2`, `?page=2` or empty).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Address {
    pub path: String,
    pub search: String,
}

impl Address {
    /// `address` is a path, with or without a query.
    pub fn new(address: &str) -> Self {
        let (path, query) = address.split_once('?').unwrap_or((address, ""));
        Self {
            path: path.to_owned(),
            search: if query.is_empty() {
                String::new()
            } else {
                format!("?{query}")
            },
        }
    }

    /// Path and query as one: `/de/search?q=x`.
    pub fn href(&self) -> String {
        format!("{}{}", self.path, self.search)
    }

    /// The query without its `?`.
    pub fn query(&self) -> &str {
        self.search.trim_start_matches('?')
    }
}

/// The address in view, for the whole app.
#[derive(Debug, Clone, Copy)]
pub struct Location(RwSignal<Address>);

impl Location {
    /// Provides `address` as the address in view. In the browser it then
    /// follows the reader: links of the site, back and forward.
    pub fn provide(address: Address) -> Self {
        let location = Self(RwSignal::new(address));
        provide_context(location);
        platform::follow_history(move || location.show_browsers(""));
        platform::follow_link_clicks(crate::context::use_config().site, move |href| {
            location.push(&href)
        });
        location
    }

    /// Reads the address, tracked.
    pub fn with<R>(&self, read: impl FnOnce(&Address) -> R) -> R {
        self.0.with(read)
    }

    /// Goes to `href` as a link would: a new entry in the history, and a new
    /// page starts at its top (back and forward are `navigation_focus`'s).
    pub fn push(&self, href: &str) {
        platform::show_in_history(href, HistoryEntry::Push);
        platform::scroll_to(0.0);
        self.show_browsers(href);
    }

    /// Shows `href` instead of the address in view, as a redirect does: the
    /// address it leaves is not kept in the history.
    pub fn replace(&self, href: &str) {
        platform::show_in_history(href, HistoryEntry::Replace);
        self.show_browsers(href);
    }

    /// Shows the browser's address, or natively `href`.
    fn show_browsers(&self, href: &str) {
        let address = platform::address_in_view().unwrap_or_else(|| href.to_owned());
        self.0.set(Address::new(&address));
    }
}

pub fn use_location() -> Location {
    expect_context()
}

/// The route of the address in view (`Site::route`'s answer), which the app provides.
pub fn use_route() -> Memo<brnn_model::site::Route> {
    expect_context()
}

/// The search page's query as the address holds it, spaces and all (what
/// the search field shows; what is searched for is that, trimmed), which
/// the app provides.
#[derive(Debug, Clone, Copy)]
pub struct SearchQuery(pub Memo<String>);

pub fn use_search_query() -> Memo<String> {
    expect_context::<SearchQuery>().0
}
