//! The breadcrumb, after the WAI-ARIA pattern: an ordered list in a labelled
//! `<nav>`; the separators are drawn by CSS so screen readers read only crumbs.

use brnn_model::site::Crumb;
use leptos::either::Either;
use leptos::prelude::*;

use crate::context::use_locale;

/// Every crumb but the last links to its page; the last is the current one.
#[component]
pub fn Breadcrumb(crumbs: Vec<Crumb>) -> impl IntoView {
    let last = crumbs.len().saturating_sub(1);
    let items = crumbs
        .into_iter()
        .enumerate()
        .map(|(index, crumb)| {
            let label = if index == last {
                Either::Left(view! { <span aria-current="page">{crumb.label}</span> })
            } else {
                Either::Right(view! { <a href=crumb.href>{crumb.label}</a> })
            };
            view! { <li>{label}</li> }
        })
        .collect_view();
    view! {
        <nav class="breadcrumb" aria-label=use_locale().breadcrumb_label>
            <ol>{items}</ol>
        </nav>
    }
}
