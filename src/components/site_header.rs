//! The masthead and the section navigation of an edition.

use brnn_model::format::Edition;
use brnn_model::slug::SectionPath;
use leptos::prelude::*;

use crate::components::load_state::use_locale;
use crate::config::Config;

#[component]
pub fn SiteHeader(edition: Edition) -> impl IntoView {
    let site = expect_context::<Config>().site;
    let locale = use_locale();
    let sections = edition
        .sections
        .iter()
        .map(|section| {
            let path = SectionPath::from(section.slug.clone());
            view! { <li><a href=site.section(&edition.id, &path, 1)>{section.name.clone()}</a></li> }
        })
        .collect_view();
    view! {
        <header class="site-header">
            <a class="skip-link" href="#inhalt">{locale.skip_to_content}</a>
            <a class="masthead" href=site.edition(&edition.id, 1)>
                <span class="masthead-network">{edition.network.short_name.clone()}</span>
                <span class="masthead-edition">{edition.name.clone()}</span>
            </a>
            <nav class="sections" aria-label=locale.sections_label>
                <ul>{sections}</ul>
            </nav>
        </header>
    }
}
