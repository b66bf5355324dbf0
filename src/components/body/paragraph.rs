//! A paragraph of the body.

use brnn_model::body::Inline;
use leptos::prelude::*;

use super::inline::Inlines;

#[component]
pub fn Paragraph(content: Vec<Inline>) -> impl IntoView {
    view! { <p><Inlines content/></p> }
}
