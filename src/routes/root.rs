//! The network's root, `/`: it leads to the default edition.

use leptos::prelude::*;

use crate::components::page_head::show_head;
use crate::context::{use_config, use_locale};
use crate::head::{show_language, HeadTag};
use crate::page_markers::MAIN_ID;
use crate::router::use_location;

/// In the app the root redirects at once. As a prerendered page (read
/// without JavaScript, or before the app runs) it links there; its
/// canonical address is the edition's.
#[component]
pub fn NetworkRoot() -> impl IntoView {
    let config = use_config();
    let locale = use_locale();
    let href = config.site.listing(&config.default_edition, None);
    show_language(locale.lang);
    show_head(
        locale.back_to_front_page,
        vec![HeadTag::link("canonical", config.absolute(&href))],
    );
    if cfg!(feature = "csr") {
        let location = use_location();
        let target = href.clone();
        Effect::new(move |_| location.replace(&target));
    }
    view! {
        <main id=MAIN_ID tabindex="-1" data-brnn-needs-app="">
            <p><a href=href>{locale.back_to_front_page}</a></p>
        </main>
    }
}
