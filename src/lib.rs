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
pub mod routes;

use brnn_model::site::Site;
use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::components::not_found::NotFound;
use crate::config::Config;
use crate::routes::article::ArticleScreen;
use crate::routes::edition::EditionLayout;
use crate::routes::listing::{FrontPage, SectionPage};

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let config = Config::from_document();
    provide_context(config.clone());
    let base = config.site.base().to_owned();
    // The router prefixes its base to navigations, so this path is base-relative.
    let default_edition = Site::new("/").listing(&config.default_edition, None, 1);
    view! {
        <Router base>
            <Routes fallback=|| view! { <main id="inhalt" tabindex="-1"><NotFound/></main> }>
                <Route path=path!("/") view=move || view! { <Redirect path=default_edition.clone()/> }/>
                <ParentRoute path=path!("/:edition") view=EditionLayout>
                    <Route path=path!("/") view=FrontPage/>
                    <Route path=path!("/section/*path") view=SectionPage/>
                    <Route path=path!("/article/:id") view=ArticleScreen/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}
