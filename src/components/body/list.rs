//! A list, ordered or not; each item holds blocks, a list among them.

use brnn_model::body::Block;
use leptos::either::Either;
use leptos::prelude::*;

use super::blocks_view;

#[component]
pub fn List(ordered: bool, items: Vec<Vec<Block>>) -> impl IntoView {
    let items = items
        .into_iter()
        .map(|blocks| view! { <li>{blocks_view(blocks)}</li> })
        .collect_view();
    if ordered {
        Either::Left(view! { <ol>{items}</ol> })
    } else {
        Either::Right(view! { <ul>{items}</ul> })
    }
}
