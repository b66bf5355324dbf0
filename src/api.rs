//! Data access: the one fetch of the app, typed per document.
//!
//! Errors stay typed up to the view ([`LoadError`]), where each has a message
//! and a retry. Bodies are decoded by `brnn_model::load::decode`; the view
//! never sees JSON.

use brnn_model::format::{paths, ArticlePage, Edition, ListPage};
use brnn_model::load::{decode, Document, LoadError};
use brnn_model::slug::{SectionPath, Slug};
use leptos::prelude::*;
use send_wrapper::SendWrapper;

/// The endpoint's base URL (absolute, ending in `/`), and one method per document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint(String);

impl Endpoint {
    pub fn new(base_url: String) -> Self {
        if base_url.ends_with('/') {
            Self(base_url)
        } else {
            Self(format!("{base_url}/"))
        }
    }

    pub async fn edition(self, edition: Slug) -> Result<Edition, LoadError> {
        self.fetch_document(&paths::edition(&edition)).await
    }

    pub async fn list_page(
        self,
        edition: Slug,
        section: Option<SectionPath>,
        page: u32,
    ) -> Result<ListPage, LoadError> {
        self.fetch_document(&paths::list_page(&edition, section.as_ref(), page))
            .await
    }

    pub async fn article(self, edition: Slug, id: Slug) -> Result<ArticlePage, LoadError> {
        self.fetch_document(&paths::article(&edition, &id)).await
    }

    /// Fetches `path` below the configured endpoint and decodes it. The request
    /// is aborted if the reader navigates away before it completes.
    async fn fetch_document<T: Document>(&self, path: &str) -> Result<T, LoadError> {
        let url = format!("{}{path}", self.0);
        let controller = SendWrapper::new(web_sys::AbortController::new().ok());
        let signal = controller.as_ref().map(|controller| controller.signal());
        on_cleanup(move || {
            if let Some(controller) = controller.take() {
                controller.abort();
            }
        });

        let response = gloo_net::http::Request::get(&url)
            .abort_signal(signal.as_ref())
            .send()
            .await
            .map_err(|error| LoadError::Network(error.to_string()))?;
        match response.status() {
            404 | 410 => return Err(LoadError::NotFound),
            status if !response.ok() => return Err(LoadError::Status(status)),
            _ => {}
        }
        // A development server or CDN that answers unknown paths with the app's
        // own index.html (status 200) means: no such document.
        if response
            .headers()
            .get("content-type")
            .is_some_and(|kind| kind.starts_with("text/html"))
        {
            return Err(LoadError::NotFound);
        }
        let body = response
            .text()
            .await
            .map_err(|error| LoadError::Network(error.to_string()))?;
        decode(&body)
    }
}
