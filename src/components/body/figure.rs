//! A photo or graphic with its caption and credit: a figure of the body, or
//! the article's lead image above it.

use brnn_model::body::{Image, ImageSource};
use leptos::prelude::*;

use super::inline::Inlines;
use crate::context::use_config;

/// How wide the image is drawn, for the browser to pick a source before
/// the stylesheet has loaded: the article column (`main`'s `max-width`
/// of 42rem, less its padding of 1rem on each side) or the viewport less
/// that padding (`style/main.css`).
const SIZES: &str = "(min-width: 42rem) 40rem, calc(100vw - 2rem)";

/// `<figure>` with a `<picture>`: a `<source>` per format of
/// `image.sources`, and the `<img>` of `image.src` for browsers that take
/// none, with its width and height so the page keeps its place while it
/// loads. The lead image (`lead`) is wanted first; any other loads only
/// when scrolled near.
#[component]
pub fn Figure(image: Image, lead: bool) -> impl IntoView {
    let endpoint = use_config().endpoint;
    let sources = by_format(&image.sources)
        .into_iter()
        .map(|(media_type, sources)| {
            let srcset = sources
                .iter()
                .map(|source| format!("{} {}w", endpoint.file(&source.src), source.width))
                .collect::<Vec<_>>()
                .join(", ");
            view! { <source type=media_type.to_owned() srcset=srcset sizes=SIZES/> }
        })
        .collect_view();
    let caption = (!image.caption.is_empty() || image.credit.is_some()).then(|| {
        view! {
            <figcaption>
                <Inlines content=image.caption/>
                {image.credit.map(|credit| view! { " " <span class="credit">{credit}</span> })}
            </figcaption>
        }
    });
    view! {
        <figure class=if lead { "lead-image" } else { "figure" }>
            <picture>
                {sources}
                <img
                    src=endpoint.file(&image.src)
                    width=image.width
                    height=image.height
                    alt=image.alt
                    loading=if lead { "eager" } else { "lazy" }
                    fetchpriority=lead.then_some("high")
                    decoding="async"
                />
            </picture>
            {caption}
        </figure>
    }
}

/// The sources grouped by media type, each type where it first appears
/// (the endpoint lists the preferred format first).
fn by_format(sources: &[ImageSource]) -> Vec<(&str, Vec<&ImageSource>)> {
    let mut formats: Vec<(&str, Vec<&ImageSource>)> = Vec::new();
    for source in sources {
        match formats
            .iter_mut()
            .find(|(media_type, _)| *media_type == source.media_type)
        {
            Some((_, same)) => same.push(source),
            None => formats.push((&source.media_type, vec![source])),
        }
    }
    formats
}
