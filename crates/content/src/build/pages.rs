//! The site's HTML pages: every address that has content as a document of
//! its own (see `brnn_model::site` for the file of each address), rendered
//! by the reader's own components (`brnn_news::prerender`) into Trunk's
//! `index.html`, each carrying the endpoint documents of its first view.
//! [`Publisher`] writes an edition's documents with the page of each.

use std::io;

use brnn_model::site::Site;
use brnn_news::prerender::Renderer;
use serde::Serialize;

use super::Output;
use crate::network::SiteUrl;

/// Writes an edition's documents and, when the build makes pages, the page
/// that shows each: every page of an edition carries the edition's
/// document and its own.
pub(super) struct Publisher<'a> {
    /// The edition document's path below the endpoint and its JSON.
    pub(super) edition: (&'a str, &'a str),
    pub(super) pages: Option<&'a Pages>,
}

impl Publisher<'_> {
    /// Writes `document` at `path` below the endpoint and returns its JSON;
    /// with pages, also the page at the address `address` gives, carrying it.
    pub(super) fn document(
        &self,
        output: &mut Output,
        path: &str,
        document: &impl Serialize,
        address: impl FnOnce(&Site) -> String,
    ) -> io::Result<String> {
        let json = output.write_json(path, document)?;
        self.page(output, address, Some((path, &json)))?;
        Ok(json)
    }

    /// With pages, writes the page at the address `address` gives, carrying
    /// the edition and `document` (path below the endpoint, JSON).
    pub(super) fn page(
        &self,
        output: &mut Output,
        address: impl FnOnce(&Site) -> String,
        document: Option<(&str, &str)>,
    ) -> io::Result<()> {
        let Some(pages) = self.pages else {
            return Ok(());
        };
        let carried: Vec<(&str, &str)> = std::iter::once(self.edition).chain(document).collect();
        pages.write(&address(pages.site()), &carried, output)
    }
}

/// Renders the pages of one site.
pub struct Pages(Renderer);

impl Pages {
    /// `shell` is Trunk's `index.html`; canonical addresses take `site_url`'s origin.
    pub fn new(shell: &str, site_url: &SiteUrl) -> Result<Self, String> {
        Renderer::new(shell, site_url.origin()).map(Self)
    }

    pub fn site(&self) -> &Site {
        self.0.site()
    }

    /// Writes the page at `path` (a path of [`Self::site`]) carrying
    /// `documents` (path below the endpoint, JSON).
    pub(super) fn write(
        &self,
        path: &str,
        documents: &[(&str, &str)],
        output: &mut Output,
    ) -> io::Result<()> {
        self.write_as(&self.site().page_file(path), path, documents, output)
    }

    /// The network's root and the page for addresses that lead nowhere.
    pub(super) fn write_fixed_pages(&self, output: &mut Output) -> io::Result<()> {
        self.write(&self.site().home(), &[], output)?;
        // No edition is called so: the not-found page, as the app draws it for any unknown address.
        let nowhere = format!("{}/404.html", self.site().base());
        self.write_as("404.html", &nowhere, &[], output)
    }

    fn write_as(
        &self,
        file: &str,
        path: &str,
        documents: &[(&str, &str)],
        output: &mut Output,
    ) -> io::Result<()> {
        output.write(file, self.render(path, documents).as_bytes())
    }

    /// The page at `path` carrying `documents`, as HTML.
    pub(super) fn render(&self, path: &str, documents: &[(&str, &str)]) -> String {
        self.0.render(path, documents)
    }
}
