//! After a navigation in the app, the reader's focus goes to the new page's
//! main heading (or `main` if it has none) and the new title is read out,
//! so a screen-reader user hears where they are. A new page starts at its
//! top (the router scrolls there); back and forward return to where the
//! reader was on that page. The first page of a visit is left alone: there
//! the browser puts focus, as on any page.

use std::collections::HashMap;

use leptos::prelude::*;

#[cfg(feature = "csr")]
use crate::router::browser_address;
use crate::router::{use_location, Address};

/// Whether the page in view came from a navigation in the app and has not
/// had its focus moved yet (and whether by back or forward), the text the
/// live region reads out, and how far down each address was last read.
#[derive(Clone, Copy)]
// Rendered natively (`ssr`), nothing navigates: only the browser reads these.
#[cfg_attr(not(feature = "csr"), allow(dead_code))]
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
    Effect::new(move |before: Option<String>| {
        let address = location.with(Address::href);
        if before.is_some_and(|before| before != address) {
            focus.pending.set_value(true);
        }
        address
    });
    #[cfg(feature = "csr")]
    {
        // Back and forward return to the reader's place here, once the page is drawn.
        if let Ok(history) = window().history() {
            let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
        }
        focus.settled.set_value(browser_address().href());
        // Where the reader is on the page they leave, noted before anything
        // moves: on a click (on `document`, before the router's listener on
        // `window` acts on it) and on back or forward (the browser, told
        // above, leaves the scrolling to the app).
        let remember = move || {
            let position = window().scroll_y().unwrap_or_default();
            let address = focus.settled.get_value();
            focus.scrolled.update_value(|scrolled| {
                scrolled.insert(address, position);
            });
        };
        let on_history = window_event_listener(leptos::ev::popstate, move |_| {
            remember();
            focus.by_history.set_value(true);
        });
        let on_click = wasm_bindgen::closure::Closure::<dyn Fn()>::new(remember);
        let _ = document().add_event_listener_with_callback(
            "click",
            wasm_bindgen::JsCast::unchecked_ref(on_click.as_ref()),
        );
        // The announcer is rendered once and lives as long as the page.
        on_click.forget();
        on_cleanup(move || on_history.remove());
    }
    view! { <p class="visually-hidden" aria-live="polite">{move || focus.announcement.get()}</p> }
}

/// Called when a screen shows its final state (its document, not found, or
/// a failure): moves focus there if a navigation led to it. Waits a frame,
/// for the screen to be in the document and its title set.
pub fn focus_new_page() {
    let Some(focus) = use_context::<NavigationFocus>() else {
        return;
    };
    #[cfg(feature = "csr")]
    request_animation_frame(move || {
        if !focus.pending.try_get_value().unwrap_or(false) {
            return;
        }
        focus.pending.set_value(false);
        focus.settled.set_value(browser_address().href());
        let document = document();
        let target = document
            .query_selector("main h1")
            .ok()
            .flatten()
            .or_else(|| document.query_selector("main").ok().flatten());
        if let Some(target) =
            target.and_then(|target| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(target).ok())
        {
            // A heading takes focus only from script, and is not a stop for Tab.
            if !target.has_attribute("tabindex") {
                let _ = target.set_attribute("tabindex", "-1");
            }
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = target.focus_with_options(&options);
        }
        if focus.by_history.get_value() {
            focus.by_history.set_value(false);
            let address = browser_address().href();
            let position = focus
                .scrolled
                .with_value(|scrolled| scrolled.get(&address).copied())
                .unwrap_or_default();
            window().scroll_to_with_x_and_y(0.0, position);
        }
        focus.announcement.set(document.title());
    });
    #[cfg(not(feature = "csr"))]
    let _ = focus;
}
