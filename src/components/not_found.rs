//! The page for an address that leads nowhere, with a way back.

use leptos::prelude::*;

use crate::components::navigation_focus::focus_new_page;
use crate::components::page_head::show_head;
use crate::context::{use_config, use_locale};
use crate::head::show_language;

/// A final state of any screen: focus moves here after a navigation.
#[component]
pub fn NotFound() -> impl IntoView {
    let locale = use_locale();
    let config = use_config();
    show_language(locale.lang);
    show_head(locale.not_found_title, Vec::new());
    focus_new_page();
    view! {
        <section class="not-found">
            <h1>{locale.not_found_title}</h1>
            <p>{locale.not_found_text}</p>
            <p><a href=config.site.listing(&config.default_edition, None)>{locale.back_to_front_page}</a></p>
        </section>
    }
}
