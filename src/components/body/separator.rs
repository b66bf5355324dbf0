//! A thematic break between parts of the text.

use leptos::prelude::*;

#[component]
pub fn Separator() -> impl IntoView {
    view! { <hr/> }
}
