//! The page for an address that leads nowhere, with a way back.

use leptos::prelude::*;
use leptos_meta::{Html, Title};

use crate::context::{use_config, use_locale};

#[component]
pub fn NotFound() -> impl IntoView {
    let locale = use_locale();
    let config = use_config();
    view! {
        <Html {..} lang=locale.lang/>
        <Title text=locale.not_found_title/>
        <section class="not-found">
            <h1>{locale.not_found_title}</h1>
            <p>{locale.not_found_text}</p>
            <p><a href=config.site.listing(&config.default_edition, None, 1)>{locale.back_to_front_page}</a></p>
        </section>
    }
}
