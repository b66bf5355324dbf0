//! The document's head as the screen in view wants it: the title, the
//! tags between the `<!--HEAD-->` markers, and `<html lang>`.
//!
//! The head is a value ([`HeadInView`]): each state of a screen shows its
//! own through `components::page_head::show_head`, which ties it to the
//! state; `platform` writes it into the document in the browser, and the
//! native renderer into the page it writes.

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

    /// The element's name, its attributes, and a script's text.
    pub fn parts(&self) -> (&'static str, &[(&'static str, String)], Option<&str>) {
        (self.element, &self.attributes, self.script.as_deref())
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

/// The head of the page in view: what the screen in view last showed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentHead {
    /// BCP 47 tag of the page's language (`<html lang>`), and its writing direction.
    pub lang: String,
    pub dir: &'static str,
    pub title: String,
    pub tags: Vec<HeadTag>,
    /// Counts the heads shown, so a screen state's cleanup removes only its own.
    shown: u64,
}

/// The document's head as the app keeps it: written into the document in
/// the browser, into the page natively (`platform`).
#[derive(Debug, Clone, Copy)]
pub struct HeadInView(RwSignal<DocumentHead>);

impl HeadInView {
    /// Provides an empty head for the app below.
    pub fn provide() -> Self {
        let head = Self(RwSignal::new(DocumentHead::default()));
        provide_context(head);
        head
    }

    /// The head now, tracked.
    pub fn get(&self) -> DocumentHead {
        self.0.get()
    }

    /// Shows `title` and `tags` in place of the last; returns which head this is.
    pub fn show(&self, title: String, tags: Vec<HeadTag>) -> u64 {
        let mut shown = 0;
        self.0.update(|head| {
            head.shown += 1;
            shown = head.shown;
            head.title = title;
            head.tags = tags;
        });
        shown
    }

    /// Removes the head `shown`, if it is still the one in view.
    pub fn remove(&self, shown: u64) {
        self.0.try_update(|head| {
            if head.shown == shown {
                head.title.clear();
                head.tags.clear();
            }
        });
    }
}

/// Sets `<html lang dir>`: the language of the page in view (a BCP 47
/// tag), and its writing direction.
pub fn show_language(lang: &str) {
    if let Some(head) = use_context::<HeadInView>() {
        let dir = Locale::for_lang(lang).direction.as_str();
        head.0.update(|head| {
            head.lang = lang.to_owned();
            head.dir = dir;
        });
    }
}

/// `text` as HTML text: `&`, `<` and `>` escaped.
pub fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `value` as an attribute value between double quotes.
pub fn escape_attribute(value: &str) -> String {
    escape_text(value).replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_meta_tag_escapes_quotes_and_markup_in_its_content() {
        let tag = HeadTag::meta("description", r#"Li sagte: "<script>alert(1)</script>" & mehr"#);
        assert_eq!(
            tag.to_html(),
            r#"<meta name="description" content="Li sagte: &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot; &amp; mehr">"#
        );
    }

    #[test]
    fn a_link_keeps_its_attributes_in_order() {
        let tag = HeadTag::link("alternate", "https://news.example.org/en/?a=1&b=2").with("hreflang", "en");
        assert_eq!(
            tag.to_html(),
            r#"<link rel="alternate" href="https://news.example.org/en/?a=1&amp;b=2" hreflang="en">"#
        );
    }

    #[test]
    fn json_ld_is_written_as_the_script_it_was_given() {
        let tag = HeadTag::json_ld(r#"{"headline":"\u003c/script\u003e"}"#.to_owned());
        assert_eq!(
            tag.to_html(),
            r#"<script type="application/ld+json">{"headline":"\u003c/script\u003e"}</script>"#
        );
    }

    #[test]
    fn text_escaping_leaves_quotes_and_attribute_escaping_does_not() {
        assert_eq!(escape_text(r#"a "b" <c> & d"#), r#"a "b" &lt;c&gt; &amp; d"#);
        assert_eq!(
            escape_attribute(r#"a "b" <c> & d"#),
            "a &quot;b&quot; &lt;c&gt; &amp; d"
        );
    }

    #[test]
    fn a_screen_states_head_is_removed_only_while_it_is_the_one_in_view() {
        let owner = Owner::new();
        owner.with(|| {
            let head = HeadInView::provide();
            let article = head.show(
                "Artikel".to_owned(),
                vec![HeadTag::link("canonical", "/de/article/a1")],
            );
            // The next state shows its head before the first one goes.
            let section = head.show("Aktuelles".to_owned(), vec![HeadTag::link("canonical", "/de/")]);
            head.remove(article);
            assert_eq!(head.get().title, "Aktuelles");
            // A state that shows nothing leaves no head behind.
            head.remove(section);
            assert_eq!(head.get().title, "");
            assert!(head.get().tags.is_empty());
        });
    }
}
