//! The page for an address that leads nowhere, with a way back.

use brnn_model::site::Site;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::load_state::use_locale;
use crate::config::Config;

#[component]
pub fn NotFound() -> impl IntoView {
    let locale = use_locale();
    let config = expect_context::<Config>();
    let site = expect_context::<Site>();
    view! {
        <Title text=locale.not_found_title/>
        <section class="not-found">
            <h1>{locale.not_found_title}</h1>
            <p>{locale.not_found_text}</p>
            <p><a href=site.edition(&config.default_edition, 1)>{locale.back_to_front_page}</a></p>
        </section>
    }
}
