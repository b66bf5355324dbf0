//! Links to the same page in the network's other languages: the editions
//! on a front page, an article's translations on its page.

use brnn_model::alternates::LanguageLink;
use leptos::either::Either;
use leptos::prelude::*;

use crate::context::use_locale;

/// Each language by its own name, in its own language and direction; the
/// page's own is named but not linked.
#[component]
pub fn LanguageLinks(links: Vec<LanguageLink>) -> impl IntoView {
    (links.len() > 1).then(|| {
        let items = links
            .into_iter()
            .map(|link| {
                let name = if link.current {
                    Either::Left(view! { <span aria-current="page">{link.label}</span> })
                } else {
                    Either::Right(view! { <a href=link.href hreflang=link.lang.clone()>{link.label}</a> })
                };
                view! { <li lang=link.lang dir="auto">{name}</li> }
            })
            .collect_view();
        view! {
            <nav class="languages" aria-label=use_locale().languages_label>
                <ul>{items}</ul>
            </nav>
        }
    })
}
