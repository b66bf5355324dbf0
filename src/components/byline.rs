//! Who wrote an article: each author's name, linked to their page, with
//! the line about them when there is one.

use brnn_model::format::Author;
use leptos::prelude::*;

use crate::context::{use_config, use_edition};

#[component]
pub fn Byline(authors: Vec<Author>) -> impl IntoView {
    let edition = use_edition();
    let site = use_config().site;
    let authors = authors
        .into_iter()
        .map(|author| {
            view! {
                <li>
                    <a href=site.author(&edition.id, &author.slug) rel="author">{author.name}</a>
                    {author.description.map(|line| view! { <span class="author-description">{line}</span> })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="byline">{authors}</ul> }
}
