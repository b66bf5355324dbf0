//! The frame of every page of an edition: its masthead, its sections, and
//! the edition document every screen below needs.

use brnn_model::format::Edition;
use brnn_model::load::LoadError;
use brnn_model::slug::Slug;
use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::use_params_map;

use crate::components::load_state::load_state;
use crate::components::site_header::SiteHeader;
use crate::config::Config;

/// The current edition's document, fetched once per edition and shared by
/// the screens below it.
#[derive(Clone, Copy)]
pub struct EditionResource(pub LocalResource<Result<Edition, LoadError>>);

/// Reads a route parameter as a slug; a malformed one is a page that does not exist.
pub fn slug_param(value: Option<String>) -> Result<Slug, LoadError> {
    value
        .and_then(|text| Slug::try_from(text).ok())
        .ok_or(LoadError::NotFound)
}

#[component]
pub fn EditionLayout() -> impl IntoView {
    let params = use_params_map();
    let edition_id = Memo::new(move |_| params.read().get("edition"));
    let endpoint = expect_context::<Config>().endpoint;
    let edition = LocalResource::new(move || {
        let endpoint = endpoint.clone();
        let id = slug_param(edition_id.get());
        async move { endpoint.edition(id?).await }
    });
    provide_context(EditionResource(edition));
    let header = move || {
        edition
            .get()
            .and_then(Result::ok)
            .map(|edition| view! { <SiteHeader edition/> })
    };
    view! {
        {header}
        <main id="inhalt" tabindex="-1">{load_state(edition, |_| view! { <Outlet/> })}</main>
    }
}
