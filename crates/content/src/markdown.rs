//! An article's body as its source writes it, in CommonMark, read into the
//! model's blocks (`brnn_model::body`); and plain text written as CommonMark
//! that reads back as that text ([`plain_paragraphs`]).
//!
//! What the body may use, beyond paragraphs:
//!
//! ```text
//! ## Subheading                       ### Its subheading (no `#`, no `####`)
//! *emphasis*  **strong**              a line ending in `\` breaks the line
//! - item / 1. item                    lists, nested at most 3 deep
//! > quoted text                       a quote; a last paragraph `— Name` attributes it
//! > [!pullquote]                      first line of a quote: a pull quote
//! > [!correction]                     first line of a quote: a correction note
//! ---                                 a separator
//! [text](https://example.org)         a link: https:, http: or mailto:
//! [text](article:de/ecf15130d4b083e2) a link to an article of the network
//! ![alt](photos/x.jpg "caption")      a photo of the content folder, alone in its paragraph: a figure
//! ```
//!
//! Refused, each with its line: raw HTML, a link with any other scheme or
//! a relative address, headings of level 1 or deeper than 3, code blocks,
//! a photo without alt text or with text beside it, deeper nesting. Whether
//! a linked article exists is checked across files (`article_links`), and
//! whether a photo can be shown by the library (`images`).

use std::path::Path;

use brnn_model::body::{
    ArticleRef, Block, HeadingLevel, Href, Image, Inline, LinkTarget, MAX_BLOCK_NESTING, MAX_INLINE_NESTING,
};
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::problem::{line_of, Problem};

/// How a source names an article of the network as a link's address.
pub const ARTICLE_SCHEME: &str = "article:";

/// The blocks of a body, and the articles it links to and the photos it
/// shows, with their lines. A figure's image is the photo as written
/// (`src` the path, no size) until the library reads the photo
/// ([`crate::images::Photos`]).
#[derive(Debug, Default)]
pub struct ParsedBody {
    pub blocks: Vec<Block>,
    pub article_links: Vec<(ArticleRef, usize)>,
    pub photos: Vec<(String, usize)>,
}

/// A figure's image as a source writes it, before its photo is read.
pub fn written_image(path: &str, alt: String, caption: Vec<Inline>) -> Image {
    Image {
        src: path.to_owned(),
        width: 0,
        height: 0,
        alt,
        caption,
        credit: None,
        sources: Vec::new(),
    }
}

/// Reads `markdown`, the body of `file` that starts on line `first_line`,
/// reporting every problem found.
pub fn parse(file: &Path, markdown: &str, first_line: usize) -> Result<ParsedBody, Vec<Problem>> {
    let mut builder = Builder {
        blocks: vec![BlockFrame {
            kind: BlockKind::Body,
            blocks: Vec::new(),
        }],
        inlines: Vec::new(),
        article_links: Vec::new(),
        photos: Vec::new(),
        problems: Vec::new(),
        skipping: 0,
        line: first_line,
    };
    for (event, range) in Parser::new_ext(markdown, Options::empty()).into_offset_iter() {
        builder.line = first_line + line_of(markdown, range.start) - 1;
        if builder.skipping > 0 {
            match event {
                Event::Start(_) => builder.skipping += 1,
                Event::End(_) => builder.skipping -= 1,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(tag) => builder.start(tag, &markdown[range]),
            Event::End(tag) => builder.end(tag),
            Event::Text(text) | Event::Code(text) => builder.text(&text),
            Event::SoftBreak => builder.soft_break(),
            Event::HardBreak => builder.inline(Inline::LineBreak),
            Event::Rule => builder.block(Block::Separator),
            Event::Html(_) | Event::InlineHtml(_) => builder.refuse(RAW_HTML),
            // Footnotes, task lists and maths are off (`Options::empty`).
            _ => {}
        }
    }
    let body = builder.blocks.pop().map(|frame| frame.blocks).unwrap_or_default();
    if builder.problems.is_empty() {
        Ok(ParsedBody {
            blocks: body,
            article_links: builder.article_links,
            photos: builder.photos,
        })
    } else {
        Err(builder
            .problems
            .into_iter()
            .map(|(line, message)| Problem::at(file, line, message))
            .collect())
    }
}

const PHOTO_ALONE: &str =
    "a photo stands alone in its paragraph, as a figure: put a blank line between it and the text";

const RAW_HTML: &str =
    "raw HTML is not allowed in an article: write it in Markdown (`*emphasis*`, `**strong**`, `[a link](https://…)`)";

/// Plain-text paragraphs as a body that reads back as exactly these paragraphs.
pub fn plain_paragraphs(paragraphs: &[String]) -> String {
    paragraphs
        .iter()
        .map(|paragraph| escape(paragraph))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// One line of plain text as CommonMark that reads as that text: every
/// character that could start markup inside a line is escaped, and so is
/// what opens a block at the start of one (`#`, `>`, `-`, `+`, `1.`).
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + 8);
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    for (index, c) in text.char_indices() {
        let opens_block = index == 0 && matches!(c, '#' | '>' | '-' | '+' | '=')
            || index == digits && digits > 0 && matches!(c, '.' | ')');
        if opens_block
            || matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '&' | '~' | '!' | '|'
            )
        {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// What a container of blocks is.
enum BlockKind {
    Body,
    Item,
    List { ordered: bool, items: Vec<Vec<Block>> },
    Quote { kind: QuoteKind, marker_pending: bool },
}

#[derive(Clone, Copy, PartialEq)]
enum QuoteKind {
    Quote,
    PullQuote,
    Correction,
}

struct BlockFrame {
    kind: BlockKind,
    blocks: Vec<Block>,
}

/// What holds the inlines being read.
enum InlineKind {
    Paragraph,
    /// The text of a tight list's item, which CommonMark gives no paragraph.
    ItemText,
    Heading(HeadingLevel),
    Emphasis,
    Strong,
    Link(LinkTarget),
    /// A photo's alt text, being read.
    PhotoAlt {
        path: String,
        caption: String,
    },
    /// A paragraph that is a photo, which nothing may stand beside.
    Figure(Image),
    /// Nested deeper than the model allows, or a refused link: its inlines
    /// go to the frame below.
    Flattened,
}

struct InlineFrame {
    kind: InlineKind,
    inlines: Vec<Inline>,
}

struct Builder {
    /// The body at the bottom, then the lists, items and quotes open.
    blocks: Vec<BlockFrame>,
    /// The paragraph or heading open, then its emphasis, strong and links.
    inlines: Vec<InlineFrame>,
    article_links: Vec<(ArticleRef, usize)>,
    photos: Vec<(String, usize)>,
    problems: Vec<(usize, String)>,
    /// Inside a refused element: how many of its tags are open.
    skipping: usize,
    /// The line of the event being read.
    line: usize,
}

impl Builder {
    fn refuse(&mut self, message: impl Into<String>) {
        self.problems.push((self.line, message.into()));
    }

    /// Refuses the element whose start tag was just read, and skips it.
    fn refuse_element(&mut self, message: impl Into<String>) {
        self.refuse(message);
        self.skipping = 1;
    }

    /// Lists and quotes that hold the blocks being read.
    fn containers(&self) -> usize {
        self.blocks
            .iter()
            .filter(|frame| matches!(frame.kind, BlockKind::Item | BlockKind::Quote { .. }))
            .count()
    }

    fn start(&mut self, tag: Tag, source: &str) {
        if !matches!(
            tag,
            Tag::Emphasis | Tag::Strong | Tag::Link { .. } | Tag::Image { .. }
        ) {
            self.close_item_text();
        }
        let inline = |kind| InlineFrame {
            kind,
            inlines: Vec::new(),
        };
        match tag {
            Tag::Paragraph => self.inlines.push(inline(InlineKind::Paragraph)),
            Tag::Heading { level, .. } => match level as usize {
                2 => self.inlines.push(inline(InlineKind::Heading(HeadingLevel::Two))),
                3 => self.inlines.push(inline(InlineKind::Heading(HeadingLevel::Three))),
                1 => self.refuse_element(
                    "a heading of level 1: the headline is the article's only one; a subheading is `## …` or `### …`",
                ),
                deeper => self.refuse_element(format!(
                    "a heading of level {deeper}: subheadings go two levels below the headline, `## …` and `### …`"
                )),
            },
            Tag::List(_) | Tag::BlockQuote(_) if self.containers() >= MAX_BLOCK_NESTING => self.refuse_element(format!(
                "lists and quotes nest at most {MAX_BLOCK_NESTING} deep"
            )),
            Tag::List(start) => self.open(BlockKind::List {
                ordered: start.is_some(),
                items: Vec::new(),
            }),
            Tag::Item => self.open(BlockKind::Item),
            Tag::BlockQuote(_) => match quote_marker(source) {
                Ok(kind) => self.open(BlockKind::Quote {
                    kind,
                    marker_pending: kind != QuoteKind::Quote,
                }),
                Err(message) => self.refuse_element(message),
            },
            Tag::CodeBlock(_) => self.refuse_element(
                "a code block: an article has none; a paragraph starts at the line's beginning, not indented by 4 spaces or fenced by ```",
            ),
            Tag::HtmlBlock => self.refuse_element(RAW_HTML),
            Tag::Image { dest_url, title, .. } => {
                self.ensure_leaf();
                let alone = self.inlines.len() == 1 && self.inlines[0].inlines.is_empty();
                if alone {
                    self.inlines.push(InlineFrame {
                        kind: InlineKind::PhotoAlt {
                            path: dest_url.to_string(),
                            caption: title.trim().to_owned(),
                        },
                        inlines: Vec::new(),
                    });
                } else {
                    self.refuse_element(PHOTO_ALONE);
                }
            }
            Tag::Emphasis => self.open_inline(InlineKind::Emphasis),
            Tag::Strong => self.open_inline(InlineKind::Strong),
            Tag::Link {
                link_type, dest_url, ..
            } => {
                let kind = match self.link_target(link_type, &dest_url) {
                    Ok(target) => InlineKind::Link(target),
                    Err(message) => {
                        self.refuse(message);
                        InlineKind::Flattened
                    }
                };
                self.open_inline(kind);
            }
            // Tables, footnotes, definition lists and the like are off
            // (`Options::empty`), so CommonMark never starts them.
            _ => self.refuse_element("this Markdown is not part of an article"),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) => self.close_leaf(),
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link => self.close_inline(),
            TagEnd::Image => self.close_photo(),
            TagEnd::Item => {
                self.close_item_text();
                let item = self.blocks.pop().map(|frame| frame.blocks).unwrap_or_default();
                if let Some(BlockFrame {
                    kind: BlockKind::List { items, .. },
                    ..
                }) = self.blocks.last_mut()
                {
                    items.push(item);
                }
            }
            TagEnd::List(_) => {
                if let Some(BlockFrame {
                    kind: BlockKind::List { ordered, items },
                    ..
                }) = self.blocks.pop()
                {
                    self.block(Block::List { ordered, items });
                }
            }
            TagEnd::BlockQuote(_) => {
                self.close_item_text();
                if let Some(BlockFrame {
                    kind: BlockKind::Quote { kind, .. },
                    blocks,
                }) = self.blocks.pop()
                {
                    if let Some(quote) = self.quote(kind, blocks) {
                        self.block(quote);
                    }
                }
            }
            _ => {}
        }
    }

    fn open(&mut self, kind: BlockKind) {
        self.blocks.push(BlockFrame {
            kind,
            blocks: Vec::new(),
        });
    }

    fn open_inline(&mut self, kind: InlineKind) {
        self.ensure_leaf();
        let depth = self.inlines.len() - 1;
        let kind = if depth >= MAX_INLINE_NESTING {
            InlineKind::Flattened
        } else {
            kind
        };
        self.inlines.push(InlineFrame {
            kind,
            inlines: Vec::new(),
        });
    }

    fn close_inline(&mut self) {
        let Some(InlineFrame { kind, inlines }) = self.inlines.pop() else {
            return;
        };
        let inline = match kind {
            InlineKind::Emphasis => Inline::Emphasis(inlines),
            InlineKind::Strong => Inline::Strong(inlines),
            InlineKind::Link(target) => Inline::Link {
                target,
                content: inlines,
            },
            _ => {
                for inline in inlines {
                    self.inline(inline);
                }
                return;
            }
        };
        self.inline(inline);
    }

    /// Opens a paragraph for text outside one (a tight list's item).
    fn ensure_leaf(&mut self) {
        if self.inlines.is_empty() {
            self.inlines.push(InlineFrame {
                kind: InlineKind::ItemText,
                inlines: Vec::new(),
            });
        }
    }

    fn close_item_text(&mut self) {
        if matches!(
            self.inlines.first(),
            Some(InlineFrame {
                kind: InlineKind::ItemText,
                ..
            })
        ) {
            self.close_leaf();
        }
    }

    /// Ends a photo's alt text: its paragraph becomes the photo's figure.
    fn close_photo(&mut self) {
        let Some(InlineFrame {
            kind: InlineKind::PhotoAlt { path, caption },
            inlines,
        }) = self.inlines.pop()
        else {
            return;
        };
        let alt = Block::Paragraph { content: inlines }
            .plain_text()
            .trim()
            .to_owned();
        if alt.is_empty() {
            self.refuse(format!(
                "the photo `{path}` has no alt text: say what it shows between `![` and `]`, for who cannot see it"
            ));
        }
        self.photos.push((path.clone(), self.line));
        let caption = if caption.is_empty() {
            Vec::new()
        } else {
            vec![Inline::Text(caption)]
        };
        if let Some(leaf) = self.inlines.last_mut() {
            leaf.kind = InlineKind::Figure(written_image(&path, alt, caption));
        }
    }

    /// Ends the paragraph or heading, which becomes a block unless it is empty.
    fn close_leaf(&mut self) {
        while self.inlines.len() > 1 {
            self.close_inline();
        }
        let Some(InlineFrame { kind, mut inlines }) = self.inlines.pop() else {
            return;
        };
        if let InlineKind::Figure(image) = kind {
            if inlines
                .iter()
                .all(|inline| matches!(inline, Inline::Text(text) if text.trim().is_empty()))
            {
                self.block(Block::Figure { image });
            } else {
                self.refuse(PHOTO_ALONE);
            }
            return;
        }
        if let Some(Inline::Text(last)) = inlines.last_mut() {
            last.truncate(last.trim_end().len());
        }
        if let Some(BlockFrame {
            kind: BlockKind::Quote { marker_pending, .. },
            ..
        }) = self.blocks.last_mut()
        {
            *marker_pending = false;
        }
        if inlines.is_empty() {
            return;
        }
        self.block(match kind {
            InlineKind::Heading(level) => Block::Heading {
                level,
                content: inlines,
            },
            _ => Block::Paragraph { content: inlines },
        });
    }

    fn block(&mut self, block: Block) {
        if let Some(frame) = self.blocks.last_mut() {
            frame.blocks.push(block);
        }
    }

    /// Whether the quote open is still on its `[!…]` marker line, whose text is dropped.
    fn on_marker_line(&self) -> bool {
        matches!(
            self.blocks.last(),
            Some(BlockFrame {
                kind: BlockKind::Quote {
                    marker_pending: true,
                    ..
                },
                ..
            })
        ) && self.inlines.len() == 1
    }

    fn text(&mut self, text: &str) {
        if self.on_marker_line() {
            return;
        }
        self.ensure_leaf();
        let inlines = &mut self.inlines.last_mut().expect("a leaf is open").inlines;
        match inlines.last_mut() {
            Some(Inline::Text(last)) => last.push_str(text),
            _ => inlines.push(Inline::Text(text.to_owned())),
        }
    }

    fn soft_break(&mut self) {
        if let Some(BlockFrame {
            kind: BlockKind::Quote { marker_pending, .. },
            ..
        }) = self.blocks.last_mut()
        {
            if *marker_pending && self.inlines.len() == 1 {
                *marker_pending = false;
                return;
            }
        }
        self.text(" ");
    }

    fn inline(&mut self, inline: Inline) {
        if let Inline::Text(text) = inline {
            return self.text(&text);
        }
        self.ensure_leaf();
        if let Some(frame) = self.inlines.last_mut() {
            frame.inlines.push(inline);
        }
    }

    fn link_target(&mut self, link_type: LinkType, destination: &str) -> Result<LinkTarget, String> {
        if let Some(path) = destination.strip_prefix(ARTICLE_SCHEME) {
            let article = path
                .split_once('/')
                .and_then(|(edition, id)| Some(ArticleRef {
                    edition: edition.parse().ok()?,
                    id: id.parse().ok()?,
                }))
                .ok_or_else(|| format!(
                    "the link `{destination}` names no article: write it `{ARTICLE_SCHEME}<edition>/<id>`, like `{ARTICLE_SCHEME}de/ecf15130d4b083e2`"
                ))?;
            self.article_links.push((article.clone(), self.line));
            return Ok(LinkTarget::Article(article));
        }
        let href = match link_type {
            LinkType::Email => format!("mailto:{destination}"),
            _ => destination.to_owned(),
        };
        Href::parse(&href).map(LinkTarget::External).ok_or_else(|| {
            format!(
                "the link `{destination}` is refused: a link leads to an `https:`, `http:` or `mailto:` address, or to an article as `{ARTICLE_SCHEME}<edition>/<id>`"
            )
        })
    }

    /// The block a quote of `kind` holding `blocks` makes, if it is one.
    fn quote(&mut self, kind: QuoteKind, mut blocks: Vec<Block>) -> Option<Block> {
        let attribution = match blocks.last() {
            Some(last) if kind != QuoteKind::Correction && last.is_plain_paragraph() => {
                let text = last.plain_text();
                let name = text
                    .strip_prefix("— ")
                    .or_else(|| text.strip_prefix("– "))
                    .map(|name| name.trim().to_owned());
                if name.is_some() {
                    blocks.pop();
                }
                name
            }
            _ => None,
        };
        if kind == QuoteKind::Quote {
            return Some(Block::Quote { blocks, attribution });
        }
        let content = match <[Block; 1]>::try_from(blocks) {
            Ok([Block::Paragraph { content }]) => content,
            _ => {
                let name = if kind == QuoteKind::PullQuote {
                    "a pull quote is one paragraph, and may end with an attribution `— Name`"
                } else {
                    "a correction is one paragraph"
                };
                self.refuse(format!("{name}, below its marker line"));
                return None;
            }
        };
        Some(match kind {
            QuoteKind::PullQuote => Block::PullQuote { content, attribution },
            _ => Block::Correction { content },
        })
    }
}

/// What the first line of a quote (`source`, from its `>`) makes it:
/// `[!pullquote]` and `[!correction]` mark the two kinds; any other
/// `[!…]` is most likely a misspelt one.
fn quote_marker(source: &str) -> Result<QuoteKind, String> {
    let first_line = source.lines().next().unwrap_or_default();
    let marker = first_line.trim_start().trim_start_matches('>').trim();
    let Some(name) = marker.strip_prefix("[!").and_then(|rest| rest.strip_suffix(']')) else {
        return Ok(QuoteKind::Quote);
    };
    match name.to_ascii_lowercase().as_str() {
        "pullquote" => Ok(QuoteKind::PullQuote),
        "correction" => Ok(QuoteKind::Correction),
        _ => Err(format!(
            "the quote's marker `{marker}` is unknown: a quote may start with `[!pullquote]` or `[!correction]`"
        )),
    }
}

pub mod write;

#[cfg(test)]
mod tests;
