//! Starts the reader in the browser: reads the configuration and the
//! documents a prerendered page carries, then takes the page over, keeping
//! what the reader did before (scroll, focus, typed text and caret, an open
//! disclosure).

use brnn_news::api::Preloaded;
use brnn_news::config::Config;
use brnn_news::head::HeadInView;
use brnn_news::page_markers::{children_between, DOCUMENT_ATTRIBUTE, PAGE_END};
use brnn_news::platform::address_in_view;
use brnn_news::router::{Address, Location};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn main() {
    console_error_panic_hook::set_once();
    let document = document();
    let base_uri = document
        .base_uri()
        .ok()
        .flatten()
        .unwrap_or_else(|| "/".to_owned());
    let config = Config::from_head(&base_uri, |name| {
        document
            .query_selector(&format!("meta[name='{name}']"))
            .ok()
            .flatten()
            .and_then(|tag| tag.get_attribute("content"))
    });
    // A remote endpoint's documents may differ from those the page was built with.
    let carried = if config.own_endpoint {
        carried_documents(&document)
    } else {
        Vec::new()
    };
    let preloaded = Preloaded::new(carried);
    // Where the reader is and what they typed, kept across the takeover.
    let window = window();
    let scroll = window.scroll_y().unwrap_or_default();
    let focused = focus_position(&document);
    let typed = typed_fields(&document);
    let opened = open_disclosures(&document);
    remove_prerendered(&document);
    leptos::mount::mount_to_body(move || {
        provide_context(config);
        provide_context(preloaded);
        HeadInView::provide();
        Location::provide(Address::new(&address_in_view().unwrap_or_default()));
        view! { <brnn_news::App/> }
    });
    // The app's page is in place before the next frame (nothing is painted
    // without it), but not yet when mounting returns.
    request_animation_frame(move || {
        restore_typed(&document, typed);
        reopen_disclosures(&document, &opened);
        // Focus before scrolling: focusing scrolls to the element.
        restore_focus(&document, focused);
        window.scroll_to_with_x_and_y(0.0, scroll);
    });
}

/// A text field the reader typed into before the app took the page over:
/// its place among the page's fields, its text and the selection (or caret).
struct TypedField {
    position: u32,
    value: String,
    selection: Option<(u32, u32)>,
}

fn text_fields(document: &web_sys::Document) -> Vec<web_sys::HtmlInputElement> {
    let Ok(fields) = document.query_selector_all(TEXT_FIELDS) else {
        return Vec::new();
    };
    (0..fields.length())
        .filter_map(|index| fields.item(index)?.dyn_into().ok())
        .collect()
}

/// The fields whose text is not the one the page came with.
fn typed_fields(document: &web_sys::Document) -> Vec<TypedField> {
    text_fields(document)
        .into_iter()
        .zip(0..)
        .filter(|(field, _)| field.value() != field.default_value())
        .map(|(field, position)| TypedField {
            position,
            value: field.value(),
            selection: field
                .selection_start()
                .ok()
                .flatten()
                .zip(field.selection_end().ok().flatten()),
        })
        .collect()
}

/// Puts the reader's text back into the app's fields, as if typed: an
/// `input` event tells the app (on the search page, the results follow).
fn restore_typed(document: &web_sys::Document, typed: Vec<TypedField>) {
    let fields = text_fields(document);
    for typed in typed {
        let Some(field) = fields.get(typed.position as usize) else {
            continue;
        };
        if field.value() != typed.value {
            field.set_value(&typed.value);
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &init) {
                let _ = field.dispatch_event(&event);
            }
        }
        if let Some((start, end)) = typed.selection {
            let _ = field.set_selection_range(start, end);
        }
    }
}

/// The places, among the page's `<details>`, of those the reader opened
/// (the sections' disclosure on a phone).
fn open_disclosures(document: &web_sys::Document) -> Vec<u32> {
    disclosures(document)
        .iter()
        .zip(0..)
        .filter(|(details, _)| details.open())
        .map(|(_, position)| position)
        .collect()
}

fn reopen_disclosures(document: &web_sys::Document, opened: &[u32]) {
    let disclosures = disclosures(document);
    for position in opened {
        if let Some(details) = disclosures.get(*position as usize) {
            details.set_open(true);
        }
    }
}

fn disclosures(document: &web_sys::Document) -> Vec<web_sys::HtmlDetailsElement> {
    let Ok(all) = document.query_selector_all("details") else {
        return Vec::new();
    };
    (0..all.length())
        .filter_map(|index| all.item(index)?.dyn_into().ok())
        .collect()
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

const FOCUSABLE: &str = "a[href], button, input, summary, [tabindex]";
/// The fields a reader types into (the header's search field).
const TEXT_FIELDS: &str = "input[type=search], input[type=text], input:not([type])";
