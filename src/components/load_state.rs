//! The one way a screen shows data it fetches: loading, failure with retry,
//! not found, or the data itself.

use brnn_model::load::LoadError;
use leptos::either::EitherOf4;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::Loaded;

use crate::components::navigation_focus::focus_new_page;
use crate::components::not_found::NotFound;
use crate::context::use_locale;

/// Renders `resource` through its states; `view` draws the loaded value.
/// A failure shows what went wrong and a retry that fetches again.
pub fn load_state<T, V>(document: Loaded<T>, view: impl Fn(T) -> V + Send + Sync + 'static) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    move || {
        let state = document.get();
        if state.is_some() {
            focus_new_page();
        }
        match state {
            None => EitherOf4::A(view! { <Loading/> }),
            Some(Ok(value)) => EitherOf4::B(view(value)),
            Some(Err(LoadError::NotFound)) => EitherOf4::C(view! { <NotFound/> }),
            Some(Err(error)) => EitherOf4::D(view! { <LoadFailure error retry=move || document.retry()/> }),
        }
    }
}

#[component]
fn Loading() -> impl IntoView {
    let locale = use_locale();
    // The tab says what happens, never nothing.
    view! {
        <Title text=locale.loading/>
        <p class="loading" role="status">{locale.loading}</p>
    }
}

#[component]
fn LoadFailure(error: LoadError, retry: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let locale = use_locale();
    let (sentence, detail) = locale.load_error(&error);
    view! {
        <Title text=locale.error_title/>
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
