//! After a navigation in the app, the reader's focus goes to the new page's
//! main heading (or `main` if it has none) and the new title is read out,
//! so a screen-reader user hears where they are. A new page starts at its
//! top (the router scrolls there), or at the element a link's `#fragment`
//! names; back and forward return to where the reader was on that page. The first page of a visit is left alone: there
//! the browser puts focus, as on any page.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::platform;
use crate::router::use_location;

/// Whether the page in view came from a navigation in the app and has not
/// had its focus moved yet (and whether by back or forward), the text the
/// live region reads out, and how far down each address was last read.
#[derive(Clone, Copy)]
struct NavigationFocus {
    pending: StoredValue<bool>,
    /// The address of the page in view once drawn: whose place `scrolled` notes.
    settled: StoredValue<String>,
    by_history: StoredValue<bool>,
    scrolled: StoredValue<HashMap<String, f64>>,
    announcement: RwSignal<String>,
}

/// The live region that announces each new page's title; also notes every
/// navigation. Rendered once, where the location is provided.
#[component]
pub fn NavigationAnnouncer() -> impl IntoView {
    let focus = NavigationFocus {
        pending: StoredValue::new(false),
        settled: StoredValue::new(String::new()),
        by_history: StoredValue::new(false),
        scrolled: StoredValue::new(HashMap::new()),
        announcement: RwSignal::new(String::new()),
    };
    provide_context(focus);
    let location = use_location();
    // A new path is a new page; a new query on the same path (the search
    // page's address following its field as the reader types) is not.
    Effect::new(move |before: Option<String>| {
        let path = location.with(|address| address.path.clone());
        if before.is_some_and(|before| before != path) {
            focus.pending.set_value(true);
        }
        path
    });
    focus
        .settled
        .set_value(platform::address_in_view().unwrap_or_default());
    // Where the reader is on the page they leave, noted before anything moves.
    platform::watch_leaving(move |by_history| {
        let position = platform::scroll_position();
        let address = focus.settled.get_value();
        focus.scrolled.update_value(|scrolled| {
            scrolled.insert(address, position);
        });
        if by_history {
            focus.by_history.set_value(true);
        }
    });
    view! { <p class="visually-hidden" aria-live="polite">{move || focus.announcement.get()}</p> }
}

/// Called when a screen shows its final state (its document, not found, or
/// a failure): moves focus there if a navigation led to it. Waits a frame,
/// for the screen to be in the document and its title set.
pub fn focus_new_page() {
    let Some(focus) = use_context::<NavigationFocus>() else {
        return;
    };
    platform::after_paint(move || {
        if !focus.pending.try_get_value().unwrap_or(false) {
            return;
        }
        focus.pending.set_value(false);
        let address = platform::address_in_view().unwrap_or_default();
        focus.settled.set_value(address.clone());
        platform::focus_first(&["main h1", "main"]);
        if focus.by_history.get_value() {
            focus.by_history.set_value(false);
            let position = focus
                .scrolled
                .with_value(|scrolled| scrolled.get(&address).copied())
                .unwrap_or_default();
            platform::scroll_to(position);
        } else {
            // A link to `#fragment` on another page: there, once it is drawn.
            platform::scroll_to_fragment();
        }
        focus.announcement.set(platform::document_title());
    });
}
