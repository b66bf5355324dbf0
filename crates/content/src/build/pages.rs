//! The site's HTML pages: every address that has content as a document of
//! its own (see `brnn_model::site` for the file of each address), rendered
//! by the reader's own components (`brnn_news::prerender`) into Trunk's
//! `index.html`, each carrying the endpoint documents of its first view.

use std::io;

use brnn_model::site::Site;
use brnn_news::api::Endpoint;
use brnn_news::config::{Config, DEFAULT_ENDPOINT};
use brnn_news::prerender::{render_page, PageRequest, Shell};

use super::Output;
use crate::network::SiteUrl;

/// Renders pages into the shell for one site.
pub struct Pages {
    shell: Shell,
    config: Config,
}

impl Pages {
    /// `shell` is Trunk's `index.html`; its `<base href>` is the site's base
    /// path and its `brnn-edition` the edition of `/`, as the app reads them.
    /// Canonical addresses take `site_url`'s origin.
    pub fn new(shell: &str, site_url: &SiteUrl) -> Result<Self, String> {
        let shell = Shell::new(shell)?;
        let config = Config {
            endpoint: Endpoint::new(DEFAULT_ENDPOINT.to_owned()),
            default_edition: Config::default_edition(shell.meta("brnn-edition")),
            site: Site::new(shell.base()),
            origin: site_url.origin().to_owned(),
            own_endpoint: true,
        };
        Ok(Self { shell, config })
    }

    pub fn site(&self) -> &Site {
        &self.config.site
    }

    /// Writes the page at `path` (a path of [`Self::site`]) carrying
    /// `documents` (path below the endpoint, JSON).
    pub(super) fn write(
        &self,
        path: &str,
        documents: &[(&str, &str)],
        output: &mut Output,
    ) -> io::Result<()> {
        let html = render_page(&self.shell, &self.config, &PageRequest { path, documents });
        output.write(&self.site().page_file(path), html.as_bytes())
    }

    /// The network's root and the page for addresses that lead nowhere.
    pub(super) fn write_fixed_pages(&self, output: &mut Output) -> io::Result<()> {
        self.write(&self.site().home(), &[], output)?;
        // No edition is called so: the not-found page, as the app draws it for any unknown address.
        let html = render_page(
            &self.shell,
            &self.config,
            &PageRequest {
                path: &format!("{}/404.html", self.site().base()),
                documents: &[],
            },
        );
        output.write("404.html", html.as_bytes())
    }
}
