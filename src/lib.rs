//! brnn-news, the reader: a Leptos app rendered in the browser.
//!
//! `config` reads the run-time settings, `api` fetches the endpoint's
//! documents, `routes` holds one file per screen, `components` the pieces
//! they share and `context` what they read from around them. All content
//! logic lives in the `brnn-model` crate.

pub mod api;
pub mod components;
pub mod config;
pub mod context;
pub mod page_markers;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod routes;

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

use crate::components::navigation_focus::NavigationAnnouncer;
use crate::components::not_found::NotFound;
use crate::context::use_config;
use crate::page_markers::MAIN_ID;
use crate::routes::article::ArticleScreen;
use crate::routes::edition::EditionLayout;
use crate::routes::listing::{FrontPage, SectionPage};
use crate::routes::root::NetworkRoot;

/// The whole app; its [`Config`] (and any [`api::Preloaded`] documents)
/// are provided around it: by `main.rs` in the browser, by [`prerender`]
/// natively.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let base = use_config().site.base().to_owned();
    // leptos_meta writes a rendered page's title as it is: its text must not end the element.
    #[cfg(feature = "ssr")]
    let escape_title = view! { <leptos_meta::Title formatter=prerender::escape_text/> };
    #[cfg(not(feature = "ssr"))]
    let escape_title = ();
    view! {
        {escape_title}
        <Router base>
            <NavigationAnnouncer/>
            <Routes fallback=|| view! { <main id=MAIN_ID tabindex="-1"><NotFound/></main> }>
                <Route path=path!("/") view=NetworkRoot/>
                <ParentRoute path=path!("/:edition") view=EditionLayout>
                    <Route path=path!("/") view=FrontPage/>
                    <Route path=path!("/page/:page") view=FrontPage/>
                    <Route path=path!("/section/*path") view=SectionPage/>
                    <Route path=path!("/article/:id") view=ArticleScreen/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}
