//! One image as the page draws it: a `<picture>` with a `<source>` per
//! format of its renditions and the `<img>` for browsers that take none,
//! with its width and height, so the page keeps its place while it loads.

use brnn_model::body::{Image, ImageSource};
use leptos::prelude::*;

use crate::context::use_config;

/// How the image is loaded: first, as the page's lead image (eager, high
/// priority), or when scrolled near.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loading {
    First,
    WhenNear,
}

/// `image` drawn `sizes` wide (a `sizes` attribute), with `alt` as its text
/// (empty where the image only repeats what stands beside it).
#[component]
pub fn Picture(image: Image, sizes: &'static str, alt: String, loading: Loading) -> impl IntoView {
    let endpoint = use_config().endpoint;
    let sources = by_format(&image.sources)
        .into_iter()
        .map(|(media_type, sources)| {
            let srcset = sources
                .iter()
                .map(|source| format!("{} {}w", endpoint.file(&source.src), source.width))
                .collect::<Vec<_>>()
                .join(", ");
            view! { <source type=media_type.to_owned() srcset=srcset sizes=sizes/> }
        })
        .collect_view();
    let first = loading == Loading::First;
    view! {
        <picture>
            {sources}
            <img
                src=endpoint.file(&image.src)
                width=image.width
                height=image.height
                alt=alt
                loading=if first { "eager" } else { "lazy" }
                fetchpriority=first.then_some("high")
                decoding="async"
            />
        </picture>
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
