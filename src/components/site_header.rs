//! The masthead and the section navigation of an edition.

use brnn_model::slug::SectionPath;
use leptos::prelude::*;

use crate::context::{use_config, CurrentEdition};

/// Drawn by the edition layout beside its screens, so it is given the
/// edition rather than finding it in context.
#[component]
pub fn SiteHeader(edition: CurrentEdition) -> impl IntoView {
    let site = use_config().site;
    let locale = edition.locale();
    let sections = edition
        .sections
        .iter()
        .map(|section| {
            let path = SectionPath::from(section.slug.clone());
            view! { <li><a href=site.listing(&edition.id, Some(&path), 1)>{section.name.clone()}</a></li> }
        })
        .collect_view();
    view! {
        <header class="site-header">
            <a class="skip-link" href="#inhalt">{locale.skip_to_content}</a>
            <a class="masthead" href=site.listing(&edition.id, None, 1)>
                <span class="masthead-network">{edition.network.short_name.clone()}</span>
                <span class="masthead-edition">{edition.name.clone()}</span>
            </a>
            <nav class="sections" aria-label=locale.sections_label>
                <ul>{sections}</ul>
            </nav>
        </header>
    }
}
