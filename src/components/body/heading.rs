//! A subheading: `h2` or `h3`, below the headline's `h1`.

use brnn_model::body::{HeadingLevel, Inline};
use leptos::either::Either;
use leptos::prelude::*;

use super::inline::Inlines;

#[component]
pub fn Heading(level: HeadingLevel, content: Vec<Inline>) -> impl IntoView {
    match level {
        HeadingLevel::Two => Either::Left(view! { <h2><Inlines content/></h2> }),
        HeadingLevel::Three => Either::Right(view! { <h3><Inlines content/></h3> }),
    }
}
