//! A quotation set apart from the text, with who said it when the text names them.

use brnn_model::body::Block;
use leptos::prelude::*;

use super::blocks_view;

#[component]
pub fn Quote(blocks: Vec<Block>, attribution: Option<String>) -> impl IntoView {
    view! {
        <blockquote class="quote">
            {blocks_view(blocks)}
            {attribution.map(|name| view! { <footer><cite>{name}</cite></footer> })}
        </blockquote>
    }
}
