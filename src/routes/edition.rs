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

/// `/{edition}/…`: fetches the edition once per edition, then shows the
/// screen of the address below it.
#[component]
pub fn EditionLayout() -> impl IntoView {
    let params = use_params::<EditionParams>();
    let endpoint = use_config().endpoint;
    let edition = LocalResource::new(move || {
        let endpoint = endpoint.clone();
        // A malformed edition id is an address that leads nowhere.
        let id = params.get().map(|params| params.edition);
        async move {
            let document = endpoint.edition(id.map_err(|_| LoadError::NotFound)?).await?;
            Ok(CurrentEdition::new(document))
        }
    });
    let header = move || {
        edition.get().and_then(Result::ok).map(|edition| {
            view! {
                <Html {..} lang=edition.lang.clone()/>
                <SiteHeader edition/>
            }
        })
    };
    view! {
        {header}
        <main id="inhalt" tabindex="-1">
            {load_state(edition, |edition| view! { <Provider value=edition><Outlet/></Provider> })}
        </main>
    }
}
