//! The frame of every page of an edition: its masthead and sections, and the
//! edition document that every screen below reads from context.

use brnn_model::load::LoadError;
use leptos::context::Provider;
use leptos::prelude::*;
use leptos_meta::Html;
use leptos_router::components::Outlet;
use leptos_router::hooks::use_params;

use crate::components::load_state::load_state;
use crate::components::site_header::SiteHeader;
use crate::context::{use_config, CurrentEdition, EditionParams};
use crate::page_markers::MAIN_ID;

/// `/{edition}/…`: fetches the edition once per edition, then shows the
/// screen of the address below it.
#[component]
pub fn EditionLayout() -> impl IntoView {
    let params = use_params::<EditionParams>();
    // A malformed edition id is an address that leads nowhere.
    let edition = use_config().endpoint.edition(move || {
        params
            .get()
            .map(|params| params.edition)
            .map_err(|_| LoadError::NotFound)
    });
    let header = move || {
        edition
            .get()
            .and_then(Result::ok)
            .map(CurrentEdition::new)
            .map(|edition| {
                view! {
                    <Html {..} lang=edition.lang.clone()/>
                    <SiteHeader edition/>
                }
            })
    };
    view! {
        {header}
        <main id=MAIN_ID tabindex="-1">
            {load_state(edition, |edition| view! { <Provider value=CurrentEdition::new(edition)><Outlet/></Provider> })}
        </main>
    }
}
