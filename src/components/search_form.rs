//! The search field in every page's header. Without the app it is a plain
//! form that goes to the edition's search page; with it, Enter goes there
//! within the app, and on the search page the results follow the field as
//! the reader types.

use brnn_model::site::{Route, Screen};
use brnn_model::slug::Slug;
use leptos::prelude::*;

use crate::context::use_config;
use crate::platform;
use crate::router::{use_location, use_route, use_search_query};

#[component]
pub fn SearchForm(edition: Slug, label: &'static str, button: &'static str) -> impl IntoView {
    let site = use_config().site;
    let location = use_location();
    let route = use_route();
    let query = use_search_query();
    let on_search_page = Memo::new(move |_| {
        route.with(|route| {
            matches!(
                route,
                Route::Edition {
                    screen: Screen::Search,
                    ..
                }
            )
        })
    });
    let field = NodeRef::<leptos::html::Input>::new();
    // The field shows what the search page's address holds (on arrival, back
    // and forward), elsewhere nothing. Only a different text is written: the
    // field is never rewritten under the reader's typing (the caret stays).
    Effect::new(move |_| {
        let shown = if on_search_page.get() {
            query.get()
        } else {
            String::new()
        };
        if let Some(field) = field.get() {
            if field.value() != shown {
                field.set_value(&shown);
            }
        }
    });
    let results = {
        let (site, edition) = (site.clone(), edition.clone());
        move |term: &str| site.search(&edition, term)
    };
    let on_input = {
        let results = results.clone();
        move |event: leptos::ev::Event| {
            // On the search page the address holds what is typed, with no history entry per key.
            if on_search_page.get_untracked() {
                location.replace(&results(&event_target_value(&event)));
            }
        }
    };
    // The reader is about to search: the index loads meanwhile.
    let on_focus = {
        let (site, edition) = (site.clone(), edition.clone());
        move |_| platform::warm_search(&site, &edition)
    };
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let term = field
            .get_untracked()
            .map(|field| field.value())
            .unwrap_or_default();
        if on_search_page.get_untracked() {
            location.replace(&results(&term));
        } else {
            location.push(&results(&term));
        }
    };
    view! {
        <form class="search-form" role="search" action=site.search(&edition, "") method="get" on:submit=on_submit>
            <label for="search-field">{label}</label>
            <input type="search" id="search-field" name="q" node_ref=field on:focus=on_focus on:input=on_input/>
            <button type="submit">{button}</button>
        </form>
    }
}
