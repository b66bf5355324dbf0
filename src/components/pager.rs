//! Navigation between the pages of a list.

use leptos::prelude::*;

use crate::context::use_locale;

/// "Neuere Artikel · Seite 2 · Ältere Artikel": `newer` and `older` are
/// the neighbouring pages' addresses; `page` is the number of a page older
/// than the newest (counted from the oldest), `None` on the newest page,
/// which is at the list's own address and has no label: no item there is
/// marked as the current page, as an empty one would be announced.
#[component]
pub fn Pager(newer: Option<String>, page: Option<u32>, older: Option<String>) -> impl IntoView {
    let locale = use_locale();
    (newer.is_some() || older.is_some()).then(|| {
        view! {
            <nav class="pager" aria-label=locale.pagination_label>
                <ul>
                    <li class="newer">
                        {newer.map(|href| view! { <a href=href rel="prev">{locale.newer_page}</a> })}
                    </li>
                    {page.map(|page| view! { <li aria-current="page">{locale.page_number(page)}</li> })}
                    <li class="older">
                        {older.map(|href| view! { <a href=href rel="next">{locale.older_page}</a> })}
                    </li>
                </ul>
            </nav>
        }
    })
}
