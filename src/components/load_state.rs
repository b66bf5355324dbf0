//! The one way a screen shows data it fetches: loading, failure with retry,
//! not found, or the data itself.

use brnn_model::load::LoadError;
use leptos::either::EitherOf4;
use leptos::prelude::*;

use crate::api::Loaded;
use crate::components::navigation_focus::focus_new_page;
use crate::components::not_found::NotFound;
use crate::components::page_head::show_head;
use crate::context::use_locale;

/// Renders `document` through its states; `view` draws the loaded value.
/// A failure shows what went wrong and a retry that fetches again.
pub fn load_state<T, V>(document: Loaded<T>, view: impl Fn(T) -> V + Send + Sync + 'static) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    move || match document.get() {
        None => EitherOf4::A(view! { <Loading/> }),
        Some(Ok(value)) => {
            focus_new_page();
            EitherOf4::B(view(value))
        }
        Some(Err(LoadError::NotFound)) => EitherOf4::C(view! { <NotFound/> }),
        Some(Err(error)) => {
            focus_new_page();
            EitherOf4::D(view! { <LoadFailure error retry=move || document.retry()/> })
        }
    }
}

#[component]
fn Loading() -> impl IntoView {
    let locale = use_locale();
    // The tab says what happens, never nothing.
    show_head(locale.loading, Vec::new());
    view! { <p class="loading" role="status">{locale.loading}</p> }
}

#[component]
fn LoadFailure(error: LoadError, retry: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let locale = use_locale();
    let (sentence, detail) = locale.load_error(&error);
    show_head(locale.error_title, Vec::new());
    view! {
        <section class="load-failure" role="alert">
            <h1>{locale.error_title}</h1>
            <p>{sentence}</p>
            {detail.map(|detail| view! {
                <details>
                    <summary>{locale.error_details}</summary>
                    <code>{detail}</code>
                </details>
            })}
            <button type="button" on:click=move |_| retry()>{locale.retry}</button>
        </section>
    }
}
