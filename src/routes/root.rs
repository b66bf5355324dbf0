//! The network's root, `/`: it leads to the default edition.

use brnn_model::site::Site;
use leptos::prelude::*;
use leptos_meta::{Html, Link, Title};
use leptos_router::components::Redirect;

use crate::context::{use_config, use_locale};
use crate::page_markers::MAIN_ID;

/// In the app the root redirects at once. As a prerendered page (read
/// without JavaScript, or before the app runs) it links there; its
/// canonical address is the edition's.
#[component]
pub fn NetworkRoot() -> impl IntoView {
    let config = use_config();
    let locale = use_locale();
    let href = config.site.listing(&config.default_edition, None, 1);
    // The router prefixes its base to navigations, so this path is base-relative.
    let redirect = cfg!(feature = "csr")
        .then(|| view! { <Redirect path=Site::new("/").listing(&config.default_edition, None, 1)/> });
    view! {
        <Html {..} lang=locale.lang/>
        <Title text=locale.back_to_front_page/>
        <Link rel="canonical" href=config.absolute(&href)/>
        {redirect}
        <main id=MAIN_ID tabindex="-1">
            <p><a href=href.clone()>{locale.back_to_front_page}</a></p>
        </main>
    }
}
