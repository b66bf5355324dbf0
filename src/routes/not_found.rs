//! The page for an address that leads nowhere, with a way back.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::load_state::use_locale;
use crate::config::Config;

#[component]
pub fn NotFound() -> impl IntoView {
    let locale = use_locale();
    let Config {
        site,
        default_edition,
        ..
    } = expect_context::<Config>();
    view! {
        <Title text=locale.not_found_title/>
        <section class="not-found">
            <h1>{locale.not_found_title}</h1>
            <p>{locale.not_found_text}</p>
            <p><a href=site.edition(&default_edition, 1)>{locale.back_to_front_page}</a></p>
        </section>
    }
}
