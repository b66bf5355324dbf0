//! The address in view, and moving between the site's addresses without
//! leaving the app. Which screen an address shows is `Site::route`'s
//! answer (in the model, tested natively); this module only follows the
//! browser: a click on a link of the site becomes a history entry instead
//! of a page load, and back and forward show their address again.
//!
//! Links are plain `<a href>`, built from `Site`, so every link also works
//! without the app (a prerendered page, a new tab).

use leptos::prelude::*;

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
        #[cfg(feature = "csr")]
        browser::follow(location);
        location
    }

    /// Reads the address, tracked.
    pub fn with<R>(&self, read: impl FnOnce(&Address) -> R) -> R {
        self.0.with(read)
    }

    /// Goes to `path` as a link would: a new entry in the history.
    pub fn push(&self, path: &str) {
        #[cfg(feature = "csr")]
        {
            browser::go(*self, path, browser::Entry::Push);
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        #[cfg(not(feature = "csr"))]
        self.0.set(Address::new(path));
    }

    /// Shows `path` instead of the address in view, as a redirect does: the
    /// address it leaves is not kept in the history.
    pub fn replace(&self, path: &str) {
        #[cfg(feature = "csr")]
        browser::go(*self, path, browser::Entry::Replace);
        #[cfg(not(feature = "csr"))]
        self.0.set(Address::new(path));
    }
}

pub fn use_location() -> Location {
    expect_context()
}

/// The route of the address in view (`Site::route`'s answer), which the app provides.
pub fn use_route() -> Memo<brnn_model::site::Route> {
    expect_context()
}

#[cfg(feature = "csr")]
mod browser {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;

    use super::{Address, Location};

    pub enum Entry {
        Push,
        Replace,
    }

    /// The browser's address now.
    pub fn current() -> Address {
        let location = window().location();
        Address {
            path: location.pathname().unwrap_or_default(),
            search: location.search().unwrap_or_default(),
        }
    }

    /// Listens for back and forward, and for clicks on links of the site.
    /// Listeners on `window` hear a click last, after the page's own
    /// handlers (which may prevent it) and after `document`'s.
    pub fn follow(location: Location) {
        let base = crate::context::use_config().site.base().to_owned();
        window_event_listener(leptos::ev::popstate, move |_| location.0.set(current()));
        window_event_listener(leptos::ev::click, move |event| {
            if let Some(path) = link_target(&event, &base) {
                event.prevent_default();
                // A new page starts at its top; back and forward are `navigation_focus`'s.
                location.push(&path);
            }
        });
    }

    /// Adds or replaces the history entry, and shows `path` (which may carry a query).
    pub fn go(location: Location, path: &str, entry: Entry) {
        if let Ok(history) = window().history() {
            let _ = match entry {
                Entry::Push => history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path)),
                Entry::Replace => {
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
                }
            };
        }
        location.0.set(current());
    }

    /// The path and query a click should lead to within the app, or `None`
    /// where the browser should act: another button or a modifier key (new
    /// tab, download), a link elsewhere, a download, another target, a jump
    /// within the page.
    fn link_target(event: &web_sys::MouseEvent, base: &str) -> Option<String> {
        if event.default_prevented()
            || event.button() != 0
            || event.meta_key()
            || event.ctrl_key()
            || event.shift_key()
            || event.alt_key()
        {
            return None;
        }
        let link = event
            .target()?
            .dyn_into::<web_sys::Element>()
            .ok()?
            .closest("a[href]")
            .ok()??;
        if link.has_attribute("download")
            || link
                .get_attribute("target")
                .is_some_and(|target| !target.is_empty() && target != "_self")
        {
            return None;
        }
        let document = document();
        let page = document.base_uri().ok()??;
        let url = web_sys::Url::new_with_base(&link.get_attribute("href")?, &page).ok()?;
        let here = window().location();
        let path = url.pathname();
        let within_site = path == base || path.starts_with(&format!("{base}/"));
        if url.origin() != here.origin().ok()? || !within_site {
            return None;
        }
        let same_page = path == here.pathname().ok()? && url.search() == here.search().ok()?;
        if same_page && !url.hash().is_empty() {
            return None;
        }
        Some(format!("{path}{}{}", url.search(), url.hash()))
    }
}

/// The browser's address when the app starts.
#[cfg(feature = "csr")]
pub fn browser_address() -> Address {
    browser::current()
}
