//! A note saying what was corrected: a block of the body where the text
//! changed, and the article's own correction after the body.

use brnn_model::body::Inline;
use leptos::prelude::*;

use super::inline::Inlines;

#[component]
pub fn Correction(content: Vec<Inline>) -> impl IntoView {
    view! { <p class="correction" role="note"><Inlines content/></p> }
}

/// The article's own correction (`Article::correction`, plain text), after its body.
pub fn article_correction(text: Option<String>) -> Option<impl IntoView> {
    text.map(|text| view! { <Correction content=vec![Inline::Text(text)]/> })
}
