//! The document's head as the screen in view wants it: the title, the
//! tags between the `<!--HEAD-->` markers, and `<html lang>`.
//!
//! Each state of a screen (loading, failed, not found, drawn) calls
//! [`show_head`] once with all of its head, which replaces the last one: a
//! page never keeps another page's tags. Natively (`ssr`) the head is
//! collected for the renderer, which writes it into the page; in the
//! browser it is written into the document.

use brnn_model::locale::Locale;
use leptos::prelude::*;

/// One element of the head besides the title: `<meta>`, `<link>` or a
/// JSON-LD `<script>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadTag {
    element: &'static str,
    attributes: Vec<(&'static str, String)>,
    /// JSON-LD, already safe inside a script element.
    script: Option<String>,
}

impl HeadTag {
    /// `<meta name content>`.
    pub fn meta(name: &'static str, content: impl Into<String>) -> Self {
        Self::element(
            "meta",
            vec![("name", name.to_owned()), ("content", content.into())],
        )
    }

    /// `<meta property content>`, as Open Graph names its facts.
    pub fn property(property: &'static str, content: impl Into<String>) -> Self {
        Self::element(
            "meta",
            vec![("property", property.to_owned()), ("content", content.into())],
        )
    }

    /// `<link rel href>`; more attributes with [`Self::with`].
    pub fn link(rel: &'static str, href: impl Into<String>) -> Self {
        Self::element("link", vec![("rel", rel.to_owned()), ("href", href.into())])
    }

    /// `<script type="application/ld+json">`; `text` must be script-safe
    /// (`brnn_model::structured_data::script_text`).
    pub fn json_ld(text: String) -> Self {
        Self {
            script: Some(text),
            ..Self::element("script", vec![("type", "application/ld+json".to_owned())])
        }
    }

    pub fn with(mut self, attribute: &'static str, value: impl Into<String>) -> Self {
        self.attributes.push((attribute, value.into()));
        self
    }

    fn element(element: &'static str, attributes: Vec<(&'static str, String)>) -> Self {
        Self {
            element,
            attributes,
            script: None,
        }
    }

    /// The tag as HTML, its attribute values escaped.
    pub fn to_html(&self) -> String {
        let mut html = format!("<{}", self.element);
        for (name, value) in &self.attributes {
            html.push_str(&format!(r#" {name}="{}""#, escape_attribute(value)));
        }
        html.push('>');
        if let Some(script) = &self.script {
            html.push_str(script);
            html.push_str("</script>");
        }
        html
    }
}

/// Shows the head of the screen in view: its title and tags, replacing the last.
pub fn show_head(title: impl Into<String>, tags: Vec<HeadTag>) {
    let title = title.into();
    #[cfg(feature = "ssr")]
    if let Some(rendered) = use_context::<RenderedHead>() {
        rendered.update(|head| {
            head.title = title;
            head.tags = tags;
        });
    }
    #[cfg(feature = "csr")]
    browser::show(&title, &tags);
    #[cfg(not(any(feature = "ssr", feature = "csr")))]
    let _ = (title, tags);
}

/// Sets `<html lang dir>`: the language of the page in view (a BCP 47
/// tag), and its writing direction.
pub fn show_language(lang: &str) {
    let dir = Locale::for_lang(lang).direction.as_str();
    #[cfg(feature = "ssr")]
    if let Some(rendered) = use_context::<RenderedHead>() {
        rendered.update(|head| {
            head.lang = lang.to_owned();
            head.dir = dir;
        });
    }
    #[cfg(feature = "csr")]
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang);
        let _ = root.set_attribute("dir", dir);
    }
    #[cfg(not(any(feature = "ssr", feature = "csr")))]
    let _ = (lang, dir);
}

/// The head a native render collected, for the renderer to write.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone, Default)]
pub struct RenderedHead(std::sync::Arc<std::sync::Mutex<CollectedHead>>);

#[cfg(feature = "ssr")]
#[derive(Debug, Clone, Default)]
pub struct CollectedHead {
    pub lang: String,
    pub dir: &'static str,
    pub title: String,
    pub tags: Vec<HeadTag>,
}

#[cfg(feature = "ssr")]
impl RenderedHead {
    fn update(&self, change: impl FnOnce(&mut CollectedHead)) {
        if let Ok(mut head) = self.0.lock() {
            change(&mut head);
        }
    }

    pub fn take(&self) -> CollectedHead {
        self.0
            .lock()
            .map(|mut head| std::mem::take(&mut *head))
            .unwrap_or_default()
    }
}

#[cfg(feature = "csr")]
mod browser {
    use wasm_bindgen::JsCast;

    use super::HeadTag;
    use crate::page_markers::{HEAD_END, HEAD_START};

    /// Sets the title, and puts `tags` between the head markers in place of
    /// what was there (the title element stays, so the tab never shows none).
    pub fn show(title: &str, tags: &[HeadTag]) {
        let document = leptos::prelude::document();
        document.set_title(title);
        let Some(head) = document.head() else {
            return;
        };
        let Some(end) =
            crate::page_markers::children_between(&head, Some(HEAD_START), HEAD_END).map(|(old, end)| {
                for node in old.iter().filter(|node| node.node_name() != "TITLE") {
                    let _ = head.remove_child(node);
                }
                end
            })
        else {
            return;
        };
        for tag in tags {
            let Ok(element) = document.create_element(tag.element) else {
                continue;
            };
            for (name, value) in &tag.attributes {
                let _ = element.set_attribute(name, value);
            }
            if let Some(script) = &tag.script {
                element.set_text_content(Some(script));
            }
            let _ = head.insert_before(element.unchecked_ref(), Some(&end));
        }
    }
}

/// `text` as HTML text: `&`, `<` and `>` escaped.
pub fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn escape_attribute(value: &str) -> String {
    escape_text(value).replace('"', "&quot;")
}
