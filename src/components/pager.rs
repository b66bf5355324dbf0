//! Navigation between the pages of a list.

use leptos::prelude::*;

use crate::context::use_locale;

/// "Neuere Artikel · Seite 2 von 4 · Ältere Artikel"; `link(n)` is page n's address.
#[component]
pub fn Pager(page: u32, pages: u32, link: impl Fn(u32) -> String) -> impl IntoView {
    let locale = use_locale();
    let newer = (page > 1).then(|| link(page - 1));
    let older = (page < pages).then(|| link(page + 1));
    (pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label=locale.pagination_label>
                <ul>
                    <li class="newer">
                        {newer.map(|href| view! { <a href=href rel="prev">{locale.newer_page}</a> })}
                    </li>
                    <li aria-current="page">{locale.page_of(page, pages)}</li>
                    <li class="older">
                        {older.map(|href| view! { <a href=href rel="next">{locale.older_page}</a> })}
                    </li>
                </ul>
            </nav>
        }
    })
}
