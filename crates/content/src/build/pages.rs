//! The site's HTML pages: every address that has content as a document of
//! its own (see `brnn_model::site` for the file of each address), rendered
//! by the reader's own components (`brnn_news::prerender`) into Trunk's
//! `index.html`, each carrying the endpoint documents of its first view.
//! [`Publisher`] writes an edition's documents with the page of each.
//!
//! A page is made from the renderer (the shell, the site's address and
//! this tool's own build), its address and the documents it carries: its
//! key hashes those, so an unchanged page is not even rendered.

use std::cell::OnceCell;
use std::io;

use brnn_model::site::Site;
use brnn_news::prerender::Renderer;
use serde::Serialize;

use super::manifest::Key;
use super::{json_and_key, Output, ENDPOINT_FOLDER};
use crate::network::SiteUrl;
use crate::this_build::this_build;

/// A document a page carries: its path below the endpoint, its JSON and key.
#[derive(Clone, Copy)]
pub(super) struct Carried<'a> {
    pub(super) path: &'a str,
    pub(super) json: &'a Json<'a>,
    pub(super) key: Key,
}

/// A document's JSON, made once, and only when a file that holds it must
/// be rendered: a document whose key is known without it (a list page,
/// from its articles' summaries) is not even serialized when unchanged.
pub(super) struct Json<'a> {
    made: OnceCell<String>,
    make: Box<dyn Fn() -> io::Result<String> + 'a>,
}

impl<'a> Json<'a> {
    /// JSON that `make` makes when asked.
    pub(super) fn later(make: impl Fn() -> io::Result<String> + 'a) -> Self {
        Json {
            made: OnceCell::new(),
            make: Box::new(make),
        }
    }

    /// JSON already made.
    pub(super) fn made(json: String) -> Self {
        Json {
            made: OnceCell::from(json),
            make: Box::new(|| Err(io::Error::other("a document's JSON is made once"))),
        }
    }

    pub(super) fn get(&self) -> io::Result<&str> {
        if let Some(json) = self.made.get() {
            return Ok(json);
        }
        let json = (self.make)()?;
        Ok(self.made.get_or_init(|| json))
    }
}

/// Writes an edition's documents and, when the build makes pages, the page
/// that shows each: every page of an edition carries the edition's
/// document and its own.
pub(super) struct Publisher<'a> {
    /// The edition's document.
    pub(super) edition: Carried<'a>,
    pub(super) pages: Option<&'a Pages>,
}

impl Publisher<'_> {
    /// Writes `document` at `path` below the endpoint; with pages, also the
    /// page at the address `address` gives, carrying it.
    pub(super) fn document(
        &self,
        output: &mut Output,
        path: &str,
        document: &impl Serialize,
        address: impl FnOnce(&Site) -> String,
    ) -> io::Result<()> {
        let (json, key) = json_and_key(document)?;
        self.keyed_document(output, path, key, &Json::made(json), address)
    }

    /// [`Self::document`] for a document whose `key` is known without its
    /// JSON, which is then made only if a file must be rendered.
    pub(super) fn keyed_document(
        &self,
        output: &mut Output,
        path: &str,
        key: Key,
        json: &Json,
        address: impl FnOnce(&Site) -> String,
    ) -> io::Result<()> {
        output.write_keyed(&format!("{ENDPOINT_FOLDER}/{path}"), key, || {
            Ok(json.get()?.as_bytes().to_vec())
        })?;
        self.page(output, address, Some(Carried { path, json, key }))
    }

    /// With pages, writes the page at the address `address` gives, carrying
    /// the edition and `document`.
    pub(super) fn page(
        &self,
        output: &mut Output,
        address: impl FnOnce(&Site) -> String,
        document: Option<Carried>,
    ) -> io::Result<()> {
        let Some(pages) = self.pages else {
            return Ok(());
        };
        let carried: Vec<Carried> = std::iter::once(self.edition).chain(document).collect();
        pages.write(&address(pages.site()), &carried, output)
    }
}

/// Renders the pages of one site.
pub struct Pages {
    renderer: Renderer,
    /// What every page is made from besides its address and documents.
    identity: Key,
}

impl Pages {
    /// `shell` is Trunk's `index.html`; canonical addresses take `site_url`'s origin.
    pub fn new(shell: &str, site_url: &SiteUrl) -> Result<Self, String> {
        let renderer = Renderer::new(shell, site_url.origin())?;
        // A new build of this tool may render pages differently: it renders them all again.
        let identity = Key::of(&[shell.as_bytes(), site_url.origin().as_bytes(), &this_build()]);
        Ok(Self { renderer, identity })
    }

    pub fn site(&self) -> &Site {
        self.renderer.site()
    }

    /// Writes the page at `path` (a path of [`Self::site`]) carrying `documents`.
    pub(super) fn write(&self, path: &str, documents: &[Carried], output: &mut Output) -> io::Result<()> {
        self.write_as(&self.site().page_file(path), path, documents, output)
    }

    /// The network's root and the page for addresses that lead nowhere.
    pub(super) fn write_fixed_pages(&self, output: &mut Output) -> io::Result<()> {
        self.write(&self.site().home(), &[], output)?;
        // No edition is called so: the not-found page, as the app draws it for any unknown address.
        let nowhere = format!("{}/404.html", self.site().base());
        self.write_as("404.html", &nowhere, &[], output)
    }

    fn write_as(&self, file: &str, path: &str, documents: &[Carried], output: &mut Output) -> io::Result<()> {
        let identity = self.identity.bytes();
        let keys: Vec<[u8; 16]> = documents.iter().map(|document| document.key.bytes()).collect();
        let mut parts: Vec<&[u8]> = vec![&identity, path.as_bytes()];
        for (document, key) in documents.iter().zip(&keys) {
            parts.push(document.path.as_bytes());
            parts.push(key);
        }
        output.write_keyed(file, Key::of(&parts), || {
            Ok(self.render(path, documents)?.into_bytes())
        })
    }

    /// The page at `path` carrying `documents`, as HTML.
    pub(super) fn render(&self, path: &str, documents: &[Carried]) -> io::Result<String> {
        let documents = documents
            .iter()
            .map(|document| Ok((document.path, document.json.get()?)))
            .collect::<io::Result<Vec<(&str, &str)>>>()?;
        Ok(self.renderer.render(path, &documents))
    }
}
