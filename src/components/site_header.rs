//! The masthead, the search and the sections of an edition, compact on a
//! phone: there the sections are behind a disclosure (`<details>`, which
//! opens without JavaScript) and the search is a link to its page.

use brnn_model::site::{Route, Screen};
use brnn_model::slug::{SectionPath, Slug};
use leptos::prelude::*;

use crate::components::search_form::SearchForm;
use crate::context::{use_config, CurrentEdition};
use crate::page_markers::MAIN_ID;
use crate::platform;
use crate::router::{use_location, use_route};

/// Drawn by the edition layout beside its screens, so it is given the
/// edition rather than finding it in context.
#[component]
pub fn SiteHeader(edition: CurrentEdition) -> impl IntoView {
    let config = use_config();
    let site = config.site;
    let locale = edition.locale();
    // A remote endpoint comes without the search index the site was built with.
    let search = config.own_endpoint.then(|| {
        view! {
            <SearchForm edition=edition.id.clone() label=locale.search_label button=locale.search_button/>
            <a class="search-link" href=site.search(&edition.id, "")>{locale.search_label}</a>
        }
    });
    let section_links = || {
        edition
            .sections
            .iter()
            .map(|section| {
                let path = SectionPath::from(section.slug.clone());
                let current = current_marker(section.slug.clone());
                view! { <li><a href=site.listing(&edition.id, Some(&path)) aria-current=current>{section.name.clone()}</a></li> }
            })
            .collect_view()
    };
    // On a phone the search page shows the field in place of its link.
    let route = use_route();
    let searching = move || {
        route.with(|route| {
            matches!(
                route,
                Route::Edition {
                    screen: Screen::Search,
                    ..
                }
            )
        })
    };
    // This page's own address: a bare `#inhalt` resolves against `<base href>`, another page.
    let location = use_location();
    let skip_target = move || location.with(|address| format!("{}#{MAIN_ID}", address.href()));
    view! {
        <header class="site-header" class:searching=searching>
            <a class="skip-link" href=skip_target on:click=skip_to_content>{locale.skip_to_content}</a>
            <div class="header-bar">
                <a class="masthead" href=site.listing(&edition.id, None)>
                    <span class="masthead-network">{edition.network.short_name.clone()}</span>
                    <span class="masthead-edition">{edition.name.clone()}</span>
                </a>
                {search}
                // One navigation, its links twice: in a row from a tablet's
                // width on, behind the disclosure on a phone (CSS shows one).
                <nav class="sections" aria-label=locale.sections_label>
                    <details class="sections-menu">
                        <summary>{locale.sections_label}</summary>
                        <ul>{section_links()}</ul>
                    </details>
                    <ul class="sections-row">{section_links()}</ul>
                </nav>
            </div>
        </header>
    }
}

/// `aria-current` of the link to the top-level section `slug`: `page` on
/// its own page, `true` on a page of a section below it, else none.
fn current_marker(slug: Slug) -> impl Fn() -> Option<&'static str> + Send + Sync + 'static {
    let route = use_route();
    move || {
        route.with(|route| match route {
            Route::Edition {
                screen:
                    Screen::Listing {
                        section: Some(section),
                        ..
                    },
                ..
            } if section.slugs().first() == Some(&slug) => Some(if section.slugs().len() == 1 {
                "page"
            } else {
                "true"
            }),
            _ => None,
        })
    }
}

/// Focuses `main` in place. (The router leaves the link to this page's
/// own `#fragment` alone; without the app the browser follows it.)
fn skip_to_content(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    platform::focus_by_id(MAIN_ID);
}
