//! A photo or graphic with its caption and credit: a figure of the body, or
//! the article's lead image above it.

use brnn_model::body::Image;
use leptos::prelude::*;

use super::inline::Inlines;
use crate::components::picture::{Loading, Picture};

/// How wide the image is drawn, for the browser to pick a source before
/// the stylesheet has loaded: the article column (`main`'s `max-width`
/// of 42rem, less its padding of 1rem on each side) or the viewport less
/// that padding (`style/main.css`).
const SIZES: &str = "(min-width: 42rem) 40rem, calc(100vw - 2rem)";

/// `<figure>` with the image's `<picture>` and its caption and credit. The
/// lead image (`lead`) is wanted first; any other loads only when scrolled near.
#[component]
pub fn Figure(image: Image, lead: bool) -> impl IntoView {
    let caption = (!image.caption.is_empty() || image.credit.is_some()).then(|| {
        view! {
            <figcaption>
                <Inlines content=image.caption.clone()/>
                {image.credit.clone().map(|credit| view! { " " <span class="credit">{credit}</span> })}
            </figcaption>
        }
    });
    let alt = image.alt.clone();
    let loading = if lead { Loading::First } else { Loading::WhenNear };
    view! {
        <figure class=if lead { "lead-image" } else { "figure" }>
            <Picture image sizes=SIZES alt loading/>
            {caption}
        </figure>
    }
}
