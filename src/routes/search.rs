//! The search page, `/{edition}/search?q=…`: the edition's articles that
//! match what the header's search field holds, as the reader types.

use brnn_model::date::{CivilDate, Published, UtcOffset};
use brnn_model::search::{excerpt_runs, SearchHit, SearchPage, RESULTS_PER_PAGE};
use brnn_model::site::SEARCH_BUNDLES_FILE;
use leptos::prelude::*;

use crate::components::article_entry::ArticleEntry;
use crate::components::navigation_focus::focus_new_page;
use crate::components::page_head::show_head;
use crate::context::{use_config, use_edition, use_locale};
use crate::head::HeadTag;
use crate::platform::{self, SearchError};
use crate::router::use_search_query;

/// Where a search stands. (Natively, where no effect runs, only `Empty`:
/// the page is rendered unsearched.)
#[derive(Debug, Clone, PartialEq)]
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
    // What is searched for: the field's text without the spaces around it.
    let typed = use_search_query();
    let query = Memo::new(move |_| typed.with(|typed| typed.trim().to_owned()));
    let state = RwSignal::new(SearchState::Empty);
    let title = {
        let edition_name = edition.name.clone();
        move |query: &str| match query {
            "" => format!("{} – {edition_name}", locale.search_label),
            query => format!("{}: {query} – {edition_name}", locale.search_label),
        }
    };
    // Every address of the search page is one page to a crawler: the built
    // HTML is the same whatever the query (the results are the app's), so
    // each names the plain search page as its canonical address, where
    // internal search results consolidate; none is kept out of the index.
    // The head follows the query; natively it is shown once, as no effect runs.
    let config = use_config();
    let site = config.site.clone();
    let canonical = config.absolute(&site.search(&edition.id, ""));
    let head = move |query: &str| {
        let tags = vec![
            HeadTag::meta("description", title("")),
            HeadTag::link("canonical", canonical.clone()),
        ];
        show_head(title(query), tags)
    };
    head(&query.get_untracked());
    Effect::new(move |ran_before: Option<()>| {
        let query = query.get();
        if ran_before.is_some() {
            head(&query);
        }
    });
    let more = follow_query(query, state);
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
    // The index's list of bundles, the first of the files a search waits for:
    // `public/boot.js` fetches it ahead at once, beside the app, rather than
    // once the app runs. (Not a `<link rel=preload>` in the view: the app,
    // drawing the page anew, would fetch it a second time.) The index, for
    // `search_index.js` to draw the address's first results before the app
    // runs.
    let index = site.search_index(&edition.id);
    let bundles = format!("{index}{SEARCH_BUNDLES_FILE}");
    view! {
        <h1>{locale.search_label}</h1>
        <noscript><p class="load-failure">{locale.search_needs_javascript}</p></noscript>
        // Results need the app: the page starts it at once (`public/boot.js`).
        <p
            class="search-status"
            role="status"
            data-brnn-needs-app=""
            data-brnn-preload=bundles
            data-brnn-search-index=index
            data-brnn-search-bundles=SEARCH_BUNDLES_FILE
            data-brnn-search-base=site.home()
            data-brnn-search-limit=RESULTS_PER_PAGE
        >
            {status}
        </p>
        {platform::with_prerendered(results, first_results_template)}
    }
}

/// What `search_index.js` (`drawFirstResults`) draws the address's first results from,
/// before the app runs: a hit's entry as [`SearchResult`] draws it, with
/// every part a hit can have for the script to fill (the link's address
/// added) or remove, and the status it shows meanwhile. So the results look
/// the same before and after the app takes over. The headline holds a
/// placeholder: a template's content must be valid HTML too.
fn first_results_template() -> impl IntoView {
    let locale = use_locale();
    let any_date = Published::midnight(CivilDate::from_days_since_epoch(0), UtcOffset::UTC);
    view! {
        <template data-brnn-first-results="" data-brnn-search-running=locale.search_running>
            <li><ArticleEntry
                published=Some(any_date)
                section=Some(String::new())
                href=None
                headline="…".to_owned()
                lead=Vec::new()
                image=None
            /></li>
        </template>
    }
}

#[component]
fn SearchResult(hit: SearchHit) -> impl IntoView {
    let edition = use_edition();
    let site = use_config().site;
    view! {
        <li><ArticleEntry
            published=hit.meta.published
            section=(!hit.meta.section.is_empty()).then(|| hit.meta.section.clone())
            href=hit.article().map(|id| site.article(&edition.id, &id))
            headline=hit.meta.title.clone()
            lead=excerpt_runs(&hit.excerpt)
            // The index carries no images.
            image=None
        /></li>
    }
}

/// Searches whenever the query changes (the index is asked at most once a
/// pause in typing); returns what asks for more hits, from the number
/// already shown.
fn follow_query(query: Memo<String>, state: RwSignal<SearchState>) -> impl Fn(usize) + Copy + 'static {
    let site = use_config().site;
    let edition = use_edition().id.clone();
    // The page opens: the index starts loading before the first search.
    platform::warm_search(&site, &edition);
    let context = StoredValue::new((site, edition));
    let ask = move |term: String, offset: usize| {
        let (site, edition) = context.get_value();
        leptos::task::spawn_local(async move {
            let answer = platform::search(&site, &edition, &term, offset, RESULTS_PER_PAGE).await;
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
