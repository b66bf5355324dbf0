//! The browser's side of [`crate::platform`]: the document, the history,
//! scrolling and focus, the network (gloo-net) and the search index.

mod search_index;

use brnn_model::link_click::{app_destination, Click, LinkAttributes, UrlParts};
use brnn_model::load::{known_format, Document, LoadError};
use brnn_model::site::Site;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

pub use self::search_index::{search, warm_search};
use super::HistoryEntry;
use crate::head::DocumentHead;
use crate::page_markers::{children_between, HEAD_END, HEAD_START};

/// Crawlers read the pages the build wrote, so the app leaves JSON-LD out
/// (and with it a JSON writer in the wasm).
pub const WRITES_STRUCTURED_DATA: bool = false;

/// `view` alone: the part only the built page carries is left out of the
/// wasm, not just out of the page, and the view keeps its shape (each more
/// child of a view costs the wasm code of its own).
pub fn with_prerendered<V, E>(view: V, _extra: impl FnOnce() -> E) -> V {
    view
}

/// Runs `undo` when the view being drawn is replaced or removed.
pub fn on_state_gone(undo: impl FnOnce() + Send + Sync + 'static) {
    on_cleanup(undo);
}

/// The browser's address: path and query (`/de/search?q=zug`).
pub fn address_in_view() -> Option<String> {
    let location = window().location();
    Some(format!(
        "{}{}",
        location.pathname().ok()?,
        location.search().unwrap_or_default()
    ))
}

/// `address` made absolute against `base`, as the browser reads a link.
pub fn resolve_url(address: &str, base: &str) -> String {
    web_sys::Url::new_with_base(address, base).map_or_else(|_| address.to_owned(), |url| url.href())
}

/// Puts `href` (path, query, fragment) into the history.
pub fn show_in_history(href: &str, entry: HistoryEntry) {
    if let Ok(history) = window().history() {
        let _ = match entry {
            HistoryEntry::Push => history.push_state_with_url(&JsValue::NULL, "", Some(href)),
            HistoryEntry::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(href)),
        };
    }
}

/// Calls `on_move` after back or forward.
pub fn follow_history(on_move: impl Fn() + 'static) {
    window_event_listener(leptos::ev::popstate, move |_| on_move());
}

/// Calls `follow` with the path, query and fragment of each click on a link
/// that the app shows itself (`brnn_model::link_click`), and keeps the
/// browser from loading it.
///
/// The listener is on `window`, registered before the app's views, so it
/// hears a click after the page's own listeners on elements and on
/// `document`, but before the handlers of Leptos' event delegation (also on
/// `window`, registered later): an `on:click` that calls `prevent_default`
/// is too late to keep a link from the router, so such a link must be one
/// the rules leave to the browser (as the skip link's `#fragment` is).
pub fn follow_link_clicks(site: Site, follow: impl Fn(String) + 'static) {
    window_event_listener(leptos::ev::click, move |event| {
        if let Some(destination) = link_destination(&site, &event) {
            event.prevent_default();
            follow(destination);
        }
    });
}

/// The facts of a click that `app_destination` decides on.
fn link_destination(site: &Site, event: &web_sys::MouseEvent) -> Option<String> {
    let click = Click {
        button: event.button(),
        modified: event.meta_key() || event.ctrl_key() || event.shift_key() || event.alt_key(),
        default_prevented: event.default_prevented(),
    };
    destination(site, click, event.target()?)
}

/// Where the app would take a plain click on the link at (or around) `target`.
fn destination(site: &Site, click: Click, target: web_sys::EventTarget) -> Option<String> {
    let link = target
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href]")
        .ok()??;
    let (target, rel) = (link.get_attribute("target"), link.get_attribute("rel"));
    let attributes = LinkAttributes {
        target: target.as_deref(),
        download: link.has_attribute("download"),
        rel: rel.as_deref(),
    };
    let page = document().base_uri().ok()??;
    let url = web_sys::Url::new_with_base(&link.get_attribute("href")?, &page).ok()?;
    let (origin, path, search, hash) = (url.origin(), url.pathname(), url.search(), url.hash());
    let here = window().location();
    let (here_origin, here_path, here_search) =
        (here.origin().ok()?, here.pathname().ok()?, here.search().ok()?);
    app_destination(
        site,
        click,
        attributes,
        UrlParts {
            origin: &origin,
            path: &path,
            search: &search,
            hash: &hash,
        },
        UrlParts {
            origin: &here_origin,
            path: &here_path,
            search: &here_search,
            hash: "",
        },
    )
}

/// Calls `restored` each time the browser shows the page again from its
/// back/forward cache (`pageshow` with `persisted`).
pub fn on_restored(restored: impl Fn() + 'static) {
    window_event_listener(leptos::ev::pageshow, move |event| {
        if event.persisted() {
            restored();
        }
    });
}

/// How long a pointer rests on a link before it counts as the reader's intent.
const RESTING: std::time::Duration = std::time::Duration::from_millis(80);

/// Calls `intend` with the address of each link of the app that the reader
/// is about to follow: a pointer resting on it, or a touch starting on it.
pub fn follow_link_intents(site: Site, intend: impl Fn(String) + Clone + 'static) {
    let plain = Click {
        button: 0,
        modified: false,
        default_prevented: false,
    };
    let resting: std::rc::Rc<std::cell::Cell<Option<TimeoutHandle>>> = Default::default();
    {
        let (site, intend, resting) = (site.clone(), intend.clone(), resting.clone());
        let intend = SendWrapper::new(intend);
        window_event_listener(leptos::ev::pointerover, move |event| {
            if let Some(handle) = resting.take() {
                handle.clear();
            }
            let Some(href) = event
                .target()
                .and_then(|target| destination(&site, plain, target))
            else {
                return;
            };
            let intend = intend.clone();
            let handle = set_timeout_with_handle(move || intend(href), RESTING).ok();
            resting.set(handle);
        });
    }
    window_event_listener(leptos::ev::touchstart, move |event| {
        if let Some(href) = event
            .target()
            .and_then(|target| destination(&site, plain, target))
        {
            intend(href);
        }
    });
}

/// Whether the connection allows fetching ahead (`brnn_model::prefetch`):
/// the Network Information API, where the browser has it.
pub fn prefetch_allowed() -> bool {
    let read = |object: &JsValue, name: &str| {
        js_sys::Reflect::get(object, &JsValue::from_str(name))
            .ok()
            .filter(|value| !value.is_undefined() && !value.is_null())
    };
    let connection = read(&window(), "navigator").and_then(|navigator| read(&navigator, "connection"));
    let read = |name: &str| connection.as_ref().and_then(|connection| read(connection, name));
    let save_data = read("saveData")
        .and_then(|value| value.as_bool())
        .unwrap_or(false);
    let effective_type = read("effectiveType").and_then(|value| value.as_string());
    brnn_model::prefetch::allowed(save_data, effective_type.as_deref())
}

/// Calls `reached` once, when `element` first comes into the viewport.
pub fn when_in_view(element: &web_sys::Element, reached: impl FnOnce() + 'static) {
    let reached = std::cell::Cell::new(Some(reached));
    let callback = Closure::<dyn Fn(js_sys::Array, web_sys::IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
            let seen = entries.iter().any(|entry| {
                entry
                    .dyn_into::<web_sys::IntersectionObserverEntry>()
                    .is_ok_and(|entry| entry.is_intersecting())
            });
            if seen {
                observer.disconnect();
                if let Some(reached) = reached.take() {
                    reached();
                }
            }
        },
    );
    if let Ok(observer) = web_sys::IntersectionObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(element);
        // The observer holds the callback from now on; it lives as long as the page.
        callback.forget();
    }
}

/// Leaves scrolling after back and forward to the app, and calls
/// `remember(by_history)` before the reader leaves a page: on a click (on
/// `document`, before the router's listener on `window` acts on it) and on
/// back or forward.
pub fn watch_leaving(remember: impl Fn(bool) + Clone + 'static) {
    let window = window();
    if let Ok(history) = window.history() {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    let on_history = remember.clone();
    window_event_listener(leptos::ev::popstate, move |_| on_history(true));
    let on_click = Closure::<dyn Fn()>::new(move || remember(false));
    let _ = document().add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    on_click.forget();
}

/// Runs `then` before the next frame is painted, when what the app drew is
/// in the document.
pub fn after_paint(then: impl FnOnce() + 'static) {
    request_animation_frame(then);
}

pub fn scroll_position() -> f64 {
    window().scroll_y().unwrap_or_default()
}

pub fn scroll_to(top: f64) {
    window().scroll_to_with_x_and_y(0.0, top);
}

/// Scrolls to the element the address's `#fragment` names; whether there is one.
pub fn scroll_to_fragment() -> bool {
    let hash = window().location().hash().unwrap_or_default();
    let Some(id) = hash
        .strip_prefix('#')
        .filter(|id| !id.is_empty())
        .map(|id| js_sys::decode_uri_component(id).map_or_else(|_| id.to_owned(), String::from))
    else {
        return false;
    };
    match document().get_element_by_id(&id) {
        Some(element) => {
            element.scroll_into_view();
            true
        }
        None => false,
    }
}

/// Focuses the element with `id`.
pub fn focus_by_id(id: &str) {
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Focuses the first element that matches one of `selectors`, in their
/// order, without scrolling; one that is no stop for Tab (a heading) takes
/// focus from script only.
pub fn focus_first(selectors: &[&str]) {
    let document = document();
    let target = selectors
        .iter()
        .find_map(|selector| document.query_selector(selector).ok().flatten())
        .and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(target) = target {
        if !target.has_attribute("tabindex") {
            let _ = target.set_attribute("tabindex", "-1");
        }
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = target.focus_with_options(&options);
    }
}

pub fn document_title() -> String {
    document().title()
}

/// Writes `head` into the document: `<html lang dir>`, the title, and its
/// tags between the head markers in place of what was there (the title
/// element stays, so the tab never shows none).
pub fn write_head(head: &DocumentHead) {
    let document = document();
    if let Some(root) = document.document_element() {
        if !head.lang.is_empty() {
            let _ = root.set_attribute("lang", &head.lang);
            let _ = root.set_attribute("dir", head.dir);
        }
    }
    document.set_title(&head.title);
    let Some(head_element) = document.head() else {
        return;
    };
    let Some((old, end)) = children_between(&head_element, Some(HEAD_START), HEAD_END) else {
        return;
    };
    for node in old.iter().filter(|node| node.node_name() != "TITLE") {
        let _ = head_element.remove_child(node);
    }
    for tag in &head.tags {
        let (name, attributes, script) = tag.parts();
        let Ok(element) = document.create_element(name) else {
            continue;
        };
        for (attribute, value) in attributes {
            let _ = element.set_attribute(attribute, value);
        }
        if let Some(script) = script {
            element.set_text_content(Some(script));
        }
        let _ = head_element.insert_before(element.unchecked_ref(), Some(&end));
    }
}

/// Aborts a fetch when the view that asked for it goes, or a newer one comes.
pub struct Cancel(SendWrapper<Option<web_sys::AbortController>>);

impl Default for Cancel {
    fn default() -> Self {
        Self::new()
    }
}

impl Cancel {
    pub fn new() -> Self {
        Self(SendWrapper::new(web_sys::AbortController::new().ok()))
    }

    pub fn abort(&self) {
        if let Some(controller) = self.0.as_ref() {
            controller.abort();
        }
    }
}

/// Fetches the document at `url` as text. (One function for every
/// document type: only decoding is per type.)
pub async fn fetch_text(url: &str, cancel: &Cancel) -> Result<String, LoadError> {
    let network_error = |error: gloo_net::Error| LoadError::Network(error.to_string());
    let signal = cancel.0.as_ref().map(web_sys::AbortController::signal);
    let response = gloo_net::http::Request::get(url)
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(network_error)?;
    match response.status() {
        404 | 410 => return Err(LoadError::NotFound),
        status if !response.ok() => return Err(LoadError::Status(status)),
        _ => {}
    }
    // A development server or CDN that answers unknown paths with the app's
    // own index.html (status 200) means: no such document.
    if response
        .headers()
        .get("content-type")
        .is_some_and(|kind| kind.starts_with("text/html"))
    {
        return Err(LoadError::NotFound);
    }
    response.text().await.map_err(network_error)
}

/// Decodes a document's text with the browser's JSON parser, which the
/// browser has anyway: a JSON parser in the wasm would cost more than the
/// rest of data access. The same rules as `brnn_model::load::decode`, which
/// the native renderer uses.
pub fn decode_text<T: Document>(text: &str) -> Result<T, LoadError> {
    let value = js_sys::JSON::parse(text).map_err(|error| LoadError::Syntax(js_error_text(error)))?;
    let format = js_sys::Reflect::get(&value, &JsValue::from_str("format"))
        .ok()
        .and_then(|format| format.as_f64())
        .filter(|format| format.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(format))
        .map(|format| format as u32);
    known_format(format)?;
    let document: T =
        serde_wasm_bindgen::from_value(value).map_err(|error| LoadError::Shape(error.to_string()))?;
    known_format(Some(document.format())).map(|()| document)
}

/// A thrown JS value as text: `TypeError: Failed to fetch`.
fn js_error_text(error: JsValue) -> String {
    String::from(js_sys::Object::from(error).to_string())
}
