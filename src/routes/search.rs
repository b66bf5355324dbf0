//! The search page, `/{edition}/search?q=…`: the edition's articles that
//! match what the header's search field holds, as the reader types.

use brnn_model::search::{excerpt_runs, SearchHit, SearchPage};
use brnn_model::site::Site;
use leptos::prelude::*;

use crate::components::article_entry::ArticleEntry;
use crate::components::navigation_focus::focus_new_page;
use crate::context::{use_config, use_edition, use_locale};
use crate::head::{show_head, HeadTag};
use crate::router::use_location;

/// Where a search stands. (Natively, only `Empty`: the page is rendered unsearched.)
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(feature = "csr"), allow(dead_code))]
enum SearchState {
    /// Nothing searched for yet.
    Empty,
    Running,
    /// The hits shown so far and how many there are.
    Found(SearchPage),
    Failed,
}

#[component]
pub fn SearchScreen() -> impl IntoView {
    let edition = use_edition();
    let locale = use_locale();
    let location = use_location();
    // What is searched for: the field's text without the spaces around it.
    let query =
        Memo::new(move |_| location.with(|address| Site::search_query(address.query()).trim().to_owned()));
    let state = RwSignal::new(SearchState::Empty);
    let title = {
        let edition_name = edition.name.clone();
        move |query: &str| match query {
            "" => format!("{} – {edition_name}", locale.search_label),
            query => format!("{}: {query} – {edition_name}", locale.search_label),
        }
    };
    // Search results are no page of their own for a crawler.
    let head = move |query: &str| show_head(title(query), vec![HeadTag::meta("robots", "noindex")]);
    #[cfg(feature = "csr")]
    Effect::new(move |_| head(&query.get()));
    #[cfg(not(feature = "csr"))]
    head(&query.get_untracked());
    #[cfg(feature = "csr")]
    let more = browser::follow_query(query, state);
    #[cfg(not(feature = "csr"))]
    let more = |_| ();
    focus_new_page();
    let status = move || match state.get() {
        SearchState::Empty => locale.search_prompt.to_owned(),
        SearchState::Running => locale.search_running.to_owned(),
        SearchState::Failed => locale.search_failed.to_owned(),
        SearchState::Found(page) if page.total == 0 => locale.search_none(&query.get()),
        SearchState::Found(page) => match (page.complete, page.since) {
            (false, Some(year)) => locale.search_count_since(page.total, year),
            _ => locale.search_count(page.total),
        },
    };
    // The hits and the button for more, drawn anew with each answer (a few
    // dozen at most; a keyed list would cost the wasm more than it saves).
    let results = move || {
        let SearchState::Found(page) = state.get() else {
            return None;
        };
        let shown = page.hits.len();
        let more = page.has_more().then(|| {
            view! { <button type="button" class="more-results" on:click=move |_| more(shown)>{locale.more_results}</button> }
        });
        let hits = page
            .hits
            .into_iter()
            .map(|hit| view! { <SearchResult hit/> })
            .collect_view();
        Some(view! {
            <ol class="article-list search-results">{hits}</ol>
            {more}
        })
    };
    view! {
        <h1>{locale.search_label}</h1>
        <noscript><p class="load-failure">{locale.search_needs_javascript}</p></noscript>
        <p class="search-status" role="status">{status}</p>
        {results}
    }
}

#[component]
fn SearchResult(hit: SearchHit) -> impl IntoView {
    let edition = use_edition();
    let site = use_config().site;
    view! {
        <ArticleEntry
            published=hit.meta.published
            section=(!hit.meta.section.is_empty()).then(|| hit.meta.section.clone())
            href=hit.article().map(|id| site.article(&edition.id, &id))
            headline=hit.meta.title.clone()
            lead=excerpt_runs(&hit.excerpt)
        />
    }
}

#[cfg(feature = "csr")]
mod browser {
    use brnn_model::search::RESULTS_PER_PAGE;
    use leptos::prelude::*;

    use super::SearchState;
    use crate::context::{use_config, use_edition};
    use crate::search_index::{search, SearchError};

    /// Searches whenever the query changes (the index is asked at most once
    /// a pause in typing); returns what asks for more hits, from the
    /// number already shown.
    pub fn follow_query(
        query: Memo<String>,
        state: RwSignal<SearchState>,
    ) -> impl Fn(usize) + Copy + 'static {
        let base = use_config().site.base().to_owned();
        let edition = use_edition().id.clone();
        crate::search_index::warm(&base, &edition);
        let context = StoredValue::new((base, edition));
        let ask = move |term: String, offset: usize| {
            let (base, edition) = context.get_value();
            leptos::task::spawn_local(async move {
                let answer = search(&base, &edition, &term, offset, RESULTS_PER_PAGE).await;
                // An answer for what the field no longer holds is dropped.
                if query.try_get_untracked().as_ref() != Some(&term) {
                    return;
                }
                match answer {
                    Ok(mut page) => {
                        if offset > 0 {
                            if let SearchState::Found(shown) = state.get_untracked() {
                                page.hits.splice(0..0, shown.hits);
                            }
                        }
                        state.set(SearchState::Found(page));
                    }
                    Err(SearchError::Superseded) => {}
                    Err(SearchError::Unavailable(_)) => state.set(SearchState::Failed),
                }
            });
        };
        Effect::new(move |_| {
            let term = query.get();
            if term.is_empty() {
                state.set(SearchState::Empty);
            } else {
                if !matches!(state.get_untracked(), SearchState::Found(_)) {
                    state.set(SearchState::Running);
                }
                ask(term, 0);
            }
        });
        move |offset| ask(query.get_untracked(), offset)
    }
}
