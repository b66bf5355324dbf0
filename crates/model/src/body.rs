//! An article's body as a small tree of typed blocks and inlines, the way
//! the endpoint carries it (`docs/FORMAT.md`, "The body").
//!
//! Every node is data, never markup: the reader draws one component per
//! block and inline, and nothing here is ever inserted as HTML. Blocks hold
//! inlines (text, emphasis, strong, line breaks, links); lists and quotes
//! hold blocks, nested at most [`MAX_BLOCK_NESTING`] deep, and inlines nest
//! at most [`MAX_INLINE_NESTING`] deep.
//!
//! Writing is plain serde; reading is [`decode`], which is lenient by
//! design: what it does not know it skips, and it bounds the depth it reads
//! itself, so that no document can fail an article or exhaust the stack.

pub mod decode;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::slug::Slug;

/// How many containers (lists, quotes) a block may sit in: three levels of
/// lists. A container deeper than that gives its blocks to its parent.
pub const MAX_BLOCK_NESTING: usize = 3;

/// How many inline containers (emphasis, strong, link) an inline may sit
/// in. A container deeper than that gives its inlines to its parent.
pub const MAX_INLINE_NESTING: usize = 4;

/// One block of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        content: Vec<Inline>,
    },
    /// A subheading: level 2 or 3, the two levels below the headline.
    Heading {
        level: HeadingLevel,
        content: Vec<Inline>,
    },
    /// Each item is blocks of its own, so a list may hold a list.
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    /// A quotation set apart from the text.
    Quote {
        blocks: Vec<Block>,
        /// Who said it, when the text names them.
        #[serde(skip_serializing_if = "Option::is_none")]
        attribution: Option<String>,
    },
    /// A sentence of the article repeated large, to draw the eye.
    PullQuote {
        content: Vec<Inline>,
        #[serde(skip_serializing_if = "Option::is_none")]
        attribution: Option<String>,
    },
    Figure {
        image: Image,
    },
    /// A thematic break between parts of the text.
    Separator,
    /// A note saying what was corrected, where in the text it was.
    Correction {
        content: Vec<Inline>,
    },
}

/// A subheading's level below the headline (the headline is level 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingLevel {
    Two,
    Three,
}

impl HeadingLevel {
    /// 2 or 3, as HTML's `h2` and `h3` and the JSON's `level` say it.
    pub fn number(self) -> u8 {
        match self {
            HeadingLevel::Two => 2,
            HeadingLevel::Three => 3,
        }
    }
}

impl Serialize for HeadingLevel {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u8(self.number())
    }
}

/// A run of text inside a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Plain text: in the JSON, a bare string.
    Text(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    LineBreak,
    Link {
        target: LinkTarget,
        content: Vec<Inline>,
    },
}

/// Where a link leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// An article of the network: its address comes from `Site`, so it
    /// works under any base path and inside the app.
    Article(ArticleRef),
    External(Href),
}

/// An article of the network, by edition and id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ArticleRef {
    pub edition: Slug,
    pub id: Slug,
}

/// An external address with one of the schemes a link may have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Href(String);

impl Href {
    /// The schemes a link may lead to; any other (`javascript:`, `data:`,
    /// a relative address) is shown as text.
    pub const SCHEMES: [&'static str; 3] = ["https://", "http://", "mailto:"];

    /// `href` if it starts with one of [`Self::SCHEMES`] (in any case).
    /// Nothing is trimmed: a browser would strip leading spaces and control
    /// characters, so an address that has them is not accepted at all.
    pub fn parse(href: &str) -> Option<Href> {
        let accepted = Self::SCHEMES.iter().any(|scheme| {
            href.len() > scheme.len()
                && href
                    .get(..scheme.len())
                    .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
        });
        accepted.then(|| Href(href.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A photo or graphic: a figure of the body, or an article's lead image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Image {
    /// The image as the source gave it: an `https:` URL, or a path
    /// relative to the endpoint's base URL.
    pub src: String,
    /// Its size in pixels, so the page keeps its place while it loads.
    pub width: u32,
    pub height: u32,
    /// What the image shows, for who cannot see it; empty only for an image
    /// that adds nothing to the text.
    pub alt: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub caption: Vec<Inline>,
    /// Who made it, as the licence wants it named.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    /// The same image in other widths and formats, for `srcset`; empty until
    /// the build makes them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<ImageSource>,
}

/// One rendition of an [`Image`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImageSource {
    pub src: String,
    /// In pixels; its height follows from the image's proportions.
    pub width: u32,
    /// Its media type, e.g. `image/webp`.
    #[serde(rename = "type")]
    pub media_type: String,
}

impl Image {
    /// The same image for a small place: only the renditions at most
    /// `max_width` wide (the narrowest of each format if none is), the
    /// narrowest JPEG as its fallback with its own size, and no caption or
    /// credit. An image without renditions stays as it is.
    pub fn thumbnail(&self, max_width: u32) -> Image {
        let narrowest_width = self.sources.iter().map(|source| source.width).min();
        let limit = narrowest_width.map_or(max_width, |narrowest| narrowest.max(max_width));
        let sources: Vec<ImageSource> = self
            .sources
            .iter()
            .filter(|source| source.width <= limit)
            .cloned()
            .collect();
        let fallback = sources
            .iter()
            .filter(|source| source.media_type == "image/jpeg")
            .min_by_key(|source| source.width);
        let (src, width, height) = match fallback {
            Some(source) if self.width > 0 => (
                source.src.clone(),
                source.width,
                // Its height follows from the image's proportions.
                (u64::from(self.height) * u64::from(source.width) / u64::from(self.width)) as u32,
            ),
            _ => (self.src.clone(), self.width, self.height),
        };
        Image {
            src,
            width,
            height,
            alt: self.alt.clone(),
            caption: Vec::new(),
            credit: None,
            sources,
        }
    }
}

impl Serialize for Inline {
    /// Text as a bare string, the other inlines as `{"type": …}` objects.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (kind, content) = match self {
            Inline::Text(text) => return serializer.serialize_str(text),
            Inline::Emphasis(content) => ("emphasis", Some(content)),
            Inline::Strong(content) => ("strong", Some(content)),
            Inline::LineBreak => ("line_break", None),
            Inline::Link { content, .. } => ("link", Some(content)),
        };
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("type", kind)?;
        match self {
            Inline::Link {
                target: LinkTarget::Article(article),
                ..
            } => map.serialize_entry("article", article)?,
            Inline::Link {
                target: LinkTarget::External(href),
                ..
            } => map.serialize_entry("href", href)?,
            _ => {}
        }
        if let Some(content) = content {
            map.serialize_entry("content", content)?;
        }
        map.end()
    }
}

impl Block {
    /// A paragraph of one plain text.
    pub fn plain_paragraph(text: impl Into<String>) -> Block {
        Block::Paragraph {
            content: vec![Inline::Text(text.into())],
        }
    }

    /// Whether this is a paragraph of text alone, with nothing a plain
    /// string would lose.
    pub fn is_plain_paragraph(&self) -> bool {
        matches!(self, Block::Paragraph { content } if content.iter().all(|inline| matches!(inline, Inline::Text(_))))
    }

    /// The block's text without its markup: for readers that know only
    /// `paragraphs`, for search and for descriptions. Items, quoted blocks
    /// and line breaks are on lines of their own; a figure's text is its
    /// caption, a separator has none.
    pub fn plain_text(&self) -> String {
        let mut text = String::new();
        self.write_text(&mut text);
        text
    }

    fn write_text(&self, out: &mut String) {
        match self {
            Block::Paragraph { content } | Block::Heading { content, .. } | Block::Correction { content } => {
                write_inlines(content, out)
            }
            Block::List { items, .. } => {
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        out.push('\n');
                    }
                    write_blocks(item, out);
                }
            }
            Block::Quote { blocks, attribution } => {
                write_blocks(blocks, out);
                write_attribution(attribution, out);
            }
            Block::PullQuote { content, attribution } => {
                write_inlines(content, out);
                write_attribution(attribution, out);
            }
            Block::Figure { image } => write_inlines(&image.caption, out),
            Block::Separator => {}
        }
    }
}

fn write_blocks(blocks: &[Block], out: &mut String) {
    for (index, block) in blocks.iter().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        block.write_text(out);
    }
}

fn write_attribution(attribution: &Option<String>, out: &mut String) {
    if let Some(attribution) = attribution {
        out.push_str("\n– ");
        out.push_str(attribution);
    }
}

/// The text of `inlines`, a line break as a new line.
fn write_inlines(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(text) => out.push_str(text),
            Inline::Emphasis(content) | Inline::Strong(content) | Inline::Link { content, .. } => {
                write_inlines(content, out)
            }
            Inline::LineBreak => out.push('\n'),
        }
    }
}

#[cfg(test)]
mod tests;
