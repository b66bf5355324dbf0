//! A publication date as the newsroom prints it.

use brnn_model::date::Published;
use leptos::prelude::*;

use crate::context::use_locale;

/// `<time datetime="2025-11-04">Dienstag, 04. November 2025</time>`: the
/// newsroom's calendar date, whatever the reader's time zone.
#[component]
pub fn PublishedDate(published: Published) -> impl IntoView {
    let date = published.local_date();
    view! { <time datetime=date.to_string()>{use_locale().long_date(date)}</time> }
}
