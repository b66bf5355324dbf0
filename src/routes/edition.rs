//! The frame of every page of an edition: its header and footer, and the
//! edition document that every screen below reads from context.

use brnn_model::slug::Slug;
use leptos::context::Provider;
use leptos::prelude::*;

use crate::components::load_state::load_state;
use crate::components::site_footer::SiteFooter;
use crate::components::site_header::SiteHeader;
use crate::context::{use_config, CurrentEdition};
use crate::head::show_language;
use crate::page_markers::MAIN_ID;

/// `/{edition}/…`: fetches the edition once per edition, then shows
/// `screen()`, the screen of the address below it.
#[component]
pub fn EditionLayout(edition: Slug, screen: impl Fn() -> AnyView + Send + Sync + 'static) -> impl IntoView {
    let edition = use_config().endpoint.edition(&edition);
    let loaded = move || edition.get().and_then(Result::ok).map(CurrentEdition::new);
    let header = move || {
        loaded().map(|edition| {
            show_language(&edition.lang);
            view! { <SiteHeader edition/> }.into_any()
        })
    };
    let footer = move || loaded().map(|edition| view! { <SiteFooter edition/> }.into_any());
    let screen = std::sync::Arc::new(screen);
    view! {
        {header}
        <main id=MAIN_ID tabindex="-1">
            {load_state(edition, move |edition| {
                let screen = screen.clone();
                view! { <Provider value=CurrentEdition::new(edition)>{move || screen()}</Provider> }
            })}
        </main>
        {footer}
    }
}
