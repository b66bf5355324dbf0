//! The site's HTML pages: every address that has content as a document of
//! its own (see `brnn_model::site` for the file of each address), rendered
//! by the reader's own components (`brnn_news::prerender`) into Trunk's
//! `index.html`, each carrying the endpoint documents of its first view.

use std::io;

use brnn_model::site::Site;
use brnn_news::prerender::Renderer;

use super::Output;
use crate::network::SiteUrl;

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
        output.write(file, self.0.render(path, documents).as_bytes())
    }
}
