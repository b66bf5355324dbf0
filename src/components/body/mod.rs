//! An article's body: one component per block type (`docs/FORMAT.md`, "The
//! body"), in one file each, and the inline runs in `inline.rs`. The app
//! and the native renderer draw the same elements from the same blocks;
//! nothing is ever inserted as HTML.

mod correction;
mod figure;
mod heading;
mod inline;
mod list;
mod paragraph;
mod pull_quote;
mod quote;
mod separator;

use brnn_model::body::Block;
use leptos::prelude::*;

pub use correction::{article_correction, Correction};
pub use figure::Figure;
use heading::Heading;
use list::List;
use paragraph::Paragraph;
use pull_quote::PullQuote;
use quote::Quote;
use separator::Separator;

/// `<div class="article-body">` and the article's blocks: a body of plain
/// paragraphs is `<p>`s of text, as it always was.
#[component]
pub fn ArticleBody(blocks: Vec<Block>) -> impl IntoView {
    view! { <div class="article-body">{blocks_view(blocks)}</div> }
}

/// Blocks in their order, each drawn by its component: the body's, and a
/// list item's or a quote's (the model bounds how deep they nest).
fn blocks_view(blocks: Vec<Block>) -> impl IntoView {
    blocks.into_iter().map(block_view).collect_view()
}

/// Type-erased, so that a list may hold a list.
fn block_view(block: Block) -> AnyView {
    match block {
        Block::Paragraph { content } => view! { <Paragraph content/> }.into_any(),
        Block::Heading { level, content } => view! { <Heading level content/> }.into_any(),
        Block::List { ordered, items } => view! { <List ordered items/> }.into_any(),
        Block::Quote { blocks, attribution } => view! { <Quote blocks attribution/> }.into_any(),
        Block::PullQuote { content, attribution } => view! { <PullQuote content attribution/> }.into_any(),
        Block::Figure { image } => view! { <Figure image lead=false/> }.into_any(),
        Block::Separator => view! { <Separator/> }.into_any(),
        Block::Correction { content } => view! { <Correction content/> }.into_any(),
    }
}
