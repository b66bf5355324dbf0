//! The masthead and the section navigation of an edition.

use brnn_model::slug::SectionPath;
use leptos::prelude::*;

use crate::components::search_form::SearchForm;
use crate::context::{use_config, CurrentEdition};
use crate::page_markers::MAIN_ID;
use crate::platform;
use crate::router::use_location;

/// Drawn by the edition layout beside its screens, so it is given the
/// edition rather than finding it in context.
#[component]
pub fn SiteHeader(edition: CurrentEdition) -> impl IntoView {
    let config = use_config();
    let site = config.site;
    let locale = edition.locale();
    // A remote endpoint comes without the search index the site was built with.
    let search = config.own_endpoint.then(|| {
        view! { <SearchForm edition=edition.id.clone() label=locale.search_label button=locale.search_button/> }
    });
    let sections = edition
        .sections
        .iter()
        .map(|section| {
            let path = SectionPath::from(section.slug.clone());
            view! { <li><a href=site.listing(&edition.id, Some(&path), 1)>{section.name.clone()}</a></li> }
        })
        .collect_view();
    // This page's own address: a bare `#inhalt` resolves against `<base href>`, another page.
    let location = use_location();
    let skip_target = move || location.with(|address| format!("{}#{MAIN_ID}", address.href()));
    view! {
        <header class="site-header">
            <a class="skip-link" href=skip_target on:click=skip_to_content>{locale.skip_to_content}</a>
            <a class="masthead" href=site.listing(&edition.id, None, 1)>
                <span class="masthead-network">{edition.network.short_name.clone()}</span>
                <span class="masthead-edition">{edition.name.clone()}</span>
            </a>
            {search}
            <nav class="sections" aria-label=locale.sections_label>
                <ul>{sections}</ul>
            </nav>
        </header>
    }
}

/// Focuses `main` in place. (The router leaves the link to this page's
/// own `#fragment` alone; without the app the browser follows it.)
fn skip_to_content(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    platform::focus_by_id(MAIN_ID);
}
