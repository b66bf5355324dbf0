//! brnn-news, the reader: a Leptos app rendered in the browser.
//!
//! `config` reads the run-time settings, `api` fetches the endpoint's
//! documents, `routes` holds one file per screen, `components` the pieces
//! they share and `context` what they read from around them; `platform`
//! is what differs between the browser and the native renderer. All
//! content logic lives in the `brnn-model` crate.

pub mod api;
pub mod components;
pub mod config;
pub mod context;
pub mod head;
pub mod page_markers;
pub mod platform;
// The native renderer's entry, as `main.rs` is the browser's.
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod router;
pub mod routes;

use brnn_model::site::{ListPosition, Route, Screen, Site};
use brnn_model::slug::Slug;
use leptos::prelude::*;

use crate::api::{Prefetcher, Preloaded, Restored};
use crate::components::navigation_focus::NavigationAnnouncer;
use crate::components::not_found::NotFound;
use crate::context::use_config;
use crate::head::HeadInView;
use crate::page_markers::MAIN_ID;
use crate::router::{use_location, Address, SearchQuery};
use crate::routes::archive::ArchiveScreen;
use crate::routes::article::ArticleScreen;
use crate::routes::edition::EditionLayout;
use crate::routes::front::FrontScreen;
use crate::routes::house::HouseScreen;
use crate::routes::listing::{AuthorListing, Listing};
use crate::routes::root::NetworkRoot;
use crate::routes::search::SearchScreen;

/// The whole app; its [`config::Config`], [`router::Location`],
/// [`head::HeadInView`] (and any [`api::Preloaded`] documents) are provided
/// around it: by `main.rs` in the browser, by [`prerender`] natively.
#[component]
pub fn App() -> impl IntoView {
    let site = use_config().site;
    let location = use_location();
    let route = Memo::new(move |_| location.with(|address| site.route(&address.path, address.query())));
    // Parts that depend on the screen (the header's search field) read it from here.
    provide_context(route);
    provide_context(SearchQuery(Memo::new(move |_| {
        location.with(|address| Site::search_query(address.query()))
    })));
    let head = expect_context::<HeadInView>();
    Effect::new(move |_| platform::write_head(&head.get()));
    // Back from the back/forward cache, the documents on screen are fetched again.
    let restored = Trigger::new();
    provide_context(Restored(restored));
    platform::on_restored(move || restored.notify());
    // The document of a link the reader is about to follow is fetched ahead.
    let config = use_config();
    let prefetcher = Prefetcher::new(config.endpoint, use_context::<Preloaded>().unwrap_or_default());
    provide_context(prefetcher.clone());
    let intended_site = config.site.clone();
    platform::follow_link_intents(config.site, move |href| {
        let address = Address::new(&href);
        let here = platform::address_in_view().map(|here| Address::new(&here));
        if here.as_ref() != Some(&address) {
            prefetcher.fetch_for(&intended_site.route(&address.path, address.query()));
        }
    });
    // The frame changes only when the reader moves to another edition (or
    // out of all): within one, only the screen is drawn anew.
    let frame = Memo::new(move |_| {
        route.with(|route| match route {
            Route::Home => Frame::Home,
            Route::Edition { edition, .. } => Frame::Edition(edition.clone()),
            Route::NotFound => Frame::NotFound,
        })
    });
    let screen = Memo::new(move |_| {
        route.with(|route| match route {
            Route::Edition { screen, .. } => screen.clone(),
            Route::Home | Route::NotFound => Screen::NotFound,
        })
    });
    view! {
        <NavigationAnnouncer/>
        {move || match frame.get() {
            Frame::Home => view! { <NetworkRoot/> }.into_any(),
            Frame::Edition(edition) => view! { <EditionLayout edition screen=move || screen_view(screen.get())/> }.into_any(),
            Frame::NotFound => view! { <main id=MAIN_ID tabindex="-1"><NotFound/></main> }.into_any(),
        }}
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Frame {
    Home,
    Edition(Slug),
    NotFound,
}

/// The screen of an edition's address, drawn inside the edition's frame.
fn screen_view(screen: Screen) -> AnyView {
    match screen {
        Screen::Listing {
            section: None,
            position: ListPosition::Newest,
        } => view! { <FrontScreen/> }.into_any(),
        Screen::Listing { section, position } => view! { <Listing section position/> }.into_any(),
        Screen::Article { id } => view! { <ArticleScreen id/> }.into_any(),
        Screen::Author { slug, position } => view! { <AuthorListing slug position/> }.into_any(),
        Screen::Search => view! { <SearchScreen/> }.into_any(),
        Screen::House { slug } => view! { <HouseScreen slug/> }.into_any(),
        Screen::Archive(period) => view! { <ArchiveScreen period/> }.into_any(),
        Screen::NotFound => view! { <NotFound/> }.into_any(),
    }
}
