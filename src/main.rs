//! Starts the reader in the browser: reads the configuration and the
//! documents a prerendered page carries, then takes the page over.

use brnn_news::api::Preloaded;
use brnn_news::config::Config;
use brnn_news::page_markers::{children_between, DOCUMENT_ATTRIBUTE, PAGE_END};
use brnn_news::router::{browser_address, Location};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn main() {
    console_error_panic_hook::set_once();
    let document = document();
    let config = Config::from_document();
    // A remote endpoint's documents may differ from those the page was built with.
    let carried = if config.own_endpoint {
        carried_documents(&document)
    } else {
        Vec::new()
    };
    let preloaded = Preloaded::new(carried);
    // Where the reader is, kept across the takeover.
    let window = window();
    let scroll = window.scroll_y().unwrap_or_default();
    let focused = focus_position(&document);
    remove_prerendered(&document);
    leptos::mount::mount_to_body(move || {
        provide_context(config);
        provide_context(preloaded);
        Location::provide(browser_address());
        view! { <brnn_news::App/> }
    });
    // The app's page is in place before the next frame (nothing is painted
    // without it), but not yet when mounting returns.
    request_animation_frame(move || {
        // Focus first: focusing scrolls to the element.
        restore_focus(&document, focused);
        window.scroll_to_with_x_and_y(0.0, scroll);
    });
}

/// Each `<script type="application/json" data-brnn-document="path">` as (path, text).
fn carried_documents(document: &web_sys::Document) -> Vec<(String, String)> {
    let Ok(scripts) = document.query_selector_all(&format!("script[{DOCUMENT_ATTRIBUTE}]")) else {
        return Vec::new();
    };
    (0..scripts.length())
        .filter_map(|index| scripts.item(index)?.dyn_into::<web_sys::Element>().ok())
        .filter_map(|script| Some((script.get_attribute(DOCUMENT_ATTRIBUTE)?, script.text_content()?)))
        .collect()
}

/// Removes what the app draws again: the screen before the page-end
/// marker, or the shell's loading line. (The head's tags the app replaces
/// as it shows its first screen.)
fn remove_prerendered(document: &web_sys::Document) {
    if let Some((screen, _)) = document
        .body()
        .and_then(|body| children_between(&body, None, PAGE_END))
    {
        for node in screen {
            if let Some(parent) = node.parent_node() {
                let _ = parent.remove_child(&node);
            }
        }
    }
    if let Some(boot) = document.get_element_by_id("boot") {
        boot.remove();
    }
}

/// The focused element, as its place among the page's focusable elements.
fn focus_position(document: &web_sys::Document) -> Option<u32> {
    let active = document.active_element()?;
    let focusable = document.query_selector_all(FOCUSABLE).ok()?;
    (0..focusable.length()).find(|index| {
        focusable
            .item(*index)
            .is_some_and(|node| node.is_same_node(Some(active.unchecked_ref())))
    })
}

fn restore_focus(document: &web_sys::Document, position: Option<u32>) {
    let element = position
        .and_then(|index| document.query_selector_all(FOCUSABLE).ok()?.item(index))
        .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

const FOCUSABLE: &str = "a[href], button, input, [tabindex]";
