//! A sentence of the article repeated large: an aside, since the text
//! already says it (screen readers may skip it).

use brnn_model::body::Inline;
use leptos::prelude::*;

use super::inline::Inlines;

#[component]
pub fn PullQuote(content: Vec<Inline>, attribution: Option<String>) -> impl IntoView {
    view! {
        <aside class="pull-quote">
            <p><Inlines content/></p>
            {attribution.map(|name| view! { <footer><cite>{name}</cite></footer> })}
        </aside>
    }
}
