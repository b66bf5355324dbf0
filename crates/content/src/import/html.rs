//! HTML of another system (a feed item's content, a WordPress post) into
//! the body's blocks, sanitized: parsed as a browser would (html5ever,
//! through `scraper`), then mapped tag by tag onto `brnn_model::body`,
//! dropping what the model does not know, as the Guardian maps its content
//! API's HTML onto components.
//!
//! | HTML | block or inline |
//! | --- | --- |
//! | `p`, text | paragraph |
//! | `h1`, `h2` / `h3`–`h6` | heading of level 2 / 3 (the headline is the only level 1) |
//! | `ul`, `ol`, `li` | list, nested at most [`MAX_BLOCK_NESTING`] deep (deeper lists give their items as paragraphs) |
//! | `blockquote` (+ a `cite` or `footer` child, or a last paragraph `— Name`) | quote with its attribution |
//! | `figure.wp-block-pullquote`, `blockquote.wp-block-pullquote`, `aside.pull-quote` | pull quote |
//! | `p.correction` | correction |
//! | `img`, `figure` + `figcaption` (+ its `span.credit`) | figure, `src` the image's URL (an image inside a paragraph stands between its parts), with caption and credit |
//! | `hr` | separator |
//! | `em`, `i` / `strong`, `b` / `br` | emphasis / strong / line break |
//! | `a` with an `https:`, `http:` or `mailto:` `href` | link (any other: its text) |
//! | `table`, `pre` | their text as paragraphs: a row's cells joined by ` \| `, a `pre`'s lines by line breaks |
//! | [`REMOVED`] (`script`, `style`, `iframe`, …) | nothing: removed with all they hold |
//! | anything else (`div`, `span`, `font`, …) | unwrapped: its text kept |
//!
//! Nothing of the HTML is kept as HTML: the model has no attributes beyond a
//! link's `href` and an image's `src`, so event attributes and styles have
//! nowhere to go, and an address with another scheme (`javascript:`,
//! `data:`, `vbscript:`, a relative one) never becomes a link or an image.
//! Entities come out as their characters, whitespace is collapsed as a
//! browser collapses it, comments (`<!--more-->`) are dropped, and so are
//! WordPress's `[caption …]` shortcode markers where one was left unrendered.
//! Elements deeper than [`MAX_DEPTH`] are kept as their text, so no input
//! can exhaust the stack.

use std::collections::BTreeMap;
use std::fmt;

use brnn_model::body::{
    Block, HeadingLevel, Href, Image, Inline, LinkTarget, MAX_BLOCK_NESTING, MAX_INLINE_NESTING,
};
use ego_tree::iter::Edge;
use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node};

use text::{clean_text, collapse_whitespace, has_text, normalize};

/// Elements removed with everything inside them: what runs, embeds, styles
/// or submits, and what is no text of the article.
pub const REMOVED: [&str; 31] = [
    "script", "style", "iframe", "object", "embed", "applet", "param", "form", "input", "button", "select",
    "textarea", "svg", "math", "template", "noscript", "base", "meta", "link", "title", "head", "frame",
    "frameset", "audio", "video", "source", "track", "canvas", "map", "dialog", "portal",
];

/// Elements that are blocks of text in HTML but have none of their own
/// here: unwrapped, their content kept as blocks.
const BLOCK_WRAPPERS: [&str; 27] = [
    "html",
    "body",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "center",
    "details",
    "summary",
    "dl",
    "dt",
    "dd",
    "address",
    "hgroup",
    "fieldset",
    "legend",
    "figcaption",
    "li",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
];

/// How deep an element may sit before it is kept as its text alone.
pub const MAX_DEPTH: usize = 100;

/// Separates a table row's cells in the paragraph it becomes.
const CELL_SEPARATOR: &str = " | ";

/// What sanitizing changed, for the editor: element names with counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Elements removed with everything in them (`script`, `iframe`, …).
    pub removed: BTreeMap<String, usize>,
    /// Elements unwrapped: gone, their text kept (`div`, `span`, …).
    pub unwrapped: BTreeMap<String, usize>,
    /// Elements without a block of their own whose text was kept as
    /// paragraphs (`table`, `pre`).
    pub kept_as_text: BTreeMap<String, usize>,
    /// Links kept as their text: an address with another scheme, a
    /// relative one, or a link inside a link.
    pub links_as_text: usize,
    /// Images dropped for their address (not `https:` or `http:`).
    pub images_dropped: usize,
    /// Elements nested deeper than [`MAX_DEPTH`], kept as their text.
    pub too_deep: usize,
}

impl Report {
    /// Whether the HTML mapped onto blocks without losing anything but markup the model has no place for.
    pub fn is_empty(&self) -> bool {
        *self == Report::default()
    }

    /// Adds `other`'s counts to this one's (an article's reports, or a whole import's).
    pub fn add(&mut self, other: &Report) {
        for (mine, theirs) in [
            (&mut self.removed, &other.removed),
            (&mut self.unwrapped, &other.unwrapped),
            (&mut self.kept_as_text, &other.kept_as_text),
        ] {
            for (name, count) in theirs {
                *mine.entry(name.clone()).or_default() += count;
            }
        }
        self.links_as_text += other.links_as_text;
        self.images_dropped += other.images_dropped;
        self.too_deep += other.too_deep;
    }
}

impl fmt::Display for Report {
    /// `removed 2 script, 1 iframe; unwrapped 3 div; kept as text 1 table`, or `nothing dropped`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let counts = |label: &str, counts: &BTreeMap<String, usize>| {
            (!counts.is_empty()).then(|| {
                let list: Vec<String> = counts
                    .iter()
                    .map(|(name, count)| format!("{count} {name}"))
                    .collect();
                format!("{label} {}", list.join(", "))
            })
        };
        let number = |count: usize, what: &str| (count > 0).then(|| format!("{count} {what}"));
        let parts: Vec<String> = [
            counts("removed", &self.removed),
            counts("unwrapped", &self.unwrapped),
            counts("kept as text", &self.kept_as_text),
            number(self.links_as_text, "link(s) kept as text"),
            number(self.images_dropped, "image(s) dropped for their address"),
            number(self.too_deep, "element(s) too deep kept as text"),
        ]
        .into_iter()
        .flatten()
        .collect();
        if parts.is_empty() {
            f.write_str("nothing dropped")
        } else {
            f.write_str(&parts.join("; "))
        }
    }
}

/// The blocks of `html`, a fragment such as a post's body, and what was dropped.
pub fn body_blocks(html: &str) -> (Vec<Block>, Report) {
    let document = Html::parse_fragment(html);
    let mut walker = Walker::default();
    let mut blocks = Vec::new();
    walker.blocks(document.root_element(), Context::default(), &[], &mut blocks);
    (blocks, walker.report)
}

/// Inline HTML (a title, a caption, an excerpt) as plain text: its
/// paragraphs' text, one per line, sanitized alike. A headline is text,
/// so `<em>` in a WordPress title becomes its words.
pub fn plain_text(html: &str) -> String {
    let (blocks, _) = body_blocks(html);
    blocks
        .iter()
        .map(Block::plain_text)
        .filter(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Where in the tree the walk is.
#[derive(Clone, Copy, Default)]
struct Context {
    /// Lists and quotes around this point.
    containers: usize,
    /// Elements around this point.
    depth: usize,
}

impl Context {
    fn deeper(self) -> Context {
        Context {
            depth: self.depth + 1,
            ..self
        }
    }

    fn inside_container(self) -> Context {
        Context {
            containers: self.containers + 1,
            ..self
        }
    }
}

/// Where in inline content the walk is.
#[derive(Clone, Copy, Default)]
struct InlineContext {
    /// Emphasis, strong and links around this point.
    containers: usize,
    in_link: bool,
    depth: usize,
}

#[derive(Default)]
struct Walker {
    report: Report,
    /// Figures found inside inline content (an `img` in a paragraph or a
    /// link), placed after the block they were found in.
    hoisted: Vec<Block>,
}

impl Walker {
    /// `parent`'s children as blocks into `out`; direct children named in
    /// `skip` are left out (a quote's `cite`, a figure's `figcaption`, read apart).
    fn blocks(&mut self, parent: ElementRef, context: Context, skip: &[&str], out: &mut Vec<Block>) {
        let mut line = Vec::new();
        for child in parent.children() {
            match child.value() {
                Node::Text(text) => line.push(Inline::Text(clean_text(text))),
                Node::Element(element) if skip.contains(&element.name()) => {}
                Node::Element(_) => {
                    let element = ElementRef::wrap(child).expect("an element");
                    self.block_child(element, context.deeper(), &mut line, out);
                }
                _ => {}
            }
        }
        self.end_paragraph(&mut line, out);
    }

    /// One element met among blocks: a block of its own, or inline content of `line`.
    fn block_child(
        &mut self,
        element: ElementRef,
        context: Context,
        line: &mut Vec<Inline>,
        out: &mut Vec<Block>,
    ) {
        let name = element.value().name();
        if context.depth > MAX_DEPTH {
            self.report.too_deep += 1;
            line.push(Inline::Text(self.flat_text(element)));
            return;
        }
        if REMOVED.contains(&name) {
            count(&mut self.report.removed, name);
            return;
        }
        let inline_context = InlineContext {
            depth: context.depth,
            ..InlineContext::default()
        };
        match name {
            "p" if has_class(element, "correction") => {
                self.end_paragraph(line, out);
                let content = self.inlines_of(element, inline_context);
                if has_text(&content) {
                    out.push(Block::Correction { content });
                }
                out.append(&mut self.hoisted);
            }
            "p" => {
                self.end_paragraph(line, out);
                self.blocks(element, context, &[], out);
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.end_paragraph(line, out);
                let level = if matches!(name, "h1" | "h2") {
                    HeadingLevel::Two
                } else {
                    HeadingLevel::Three
                };
                let content = self.inlines_of(element, inline_context);
                if has_text(&content) {
                    out.push(Block::Heading { level, content });
                }
                out.append(&mut self.hoisted);
            }
            "ul" | "ol" => {
                self.end_paragraph(line, out);
                self.list(element, name == "ol", context, out);
            }
            "blockquote" if is_pull_quote(element) => {
                self.end_paragraph(line, out);
                self.pull_quote(element, context, out);
            }
            "blockquote" => {
                self.end_paragraph(line, out);
                self.quote(element, context, out);
            }
            "figure" | "aside" if is_pull_quote(element) => {
                self.end_paragraph(line, out);
                let quote = element
                    .children()
                    .filter_map(ElementRef::wrap)
                    .find(|child| child.value().name() == "blockquote")
                    .unwrap_or(element);
                self.pull_quote(quote, context, out);
            }
            "figure" => {
                self.end_paragraph(line, out);
                self.figure(element, context, out);
            }
            "img" => {
                self.end_paragraph(line, out);
                if let Some(image) = self.image(element) {
                    out.push(Block::Figure { image });
                }
            }
            "hr" => {
                self.end_paragraph(line, out);
                out.push(Block::Separator);
            }
            "table" => {
                self.end_paragraph(line, out);
                count(&mut self.report.kept_as_text, name);
                self.table(element, context, out);
            }
            "pre" => {
                self.end_paragraph(line, out);
                count(&mut self.report.kept_as_text, name);
                let content = preformatted(&self.flat_text(element));
                if has_text(&content) {
                    out.push(Block::Paragraph { content });
                }
            }
            _ if BLOCK_WRAPPERS.contains(&name) => {
                self.end_paragraph(line, out);
                if !matches!(name, "html" | "body") {
                    count(&mut self.report.unwrapped, name);
                }
                self.blocks(element, context, &[], out);
            }
            _ => self.inline_element(element, inline_context, line),
        }
    }

    /// The paragraph of `line` so far, if it has text, then the figures found in it.
    fn end_paragraph(&mut self, line: &mut Vec<Inline>, out: &mut Vec<Block>) {
        let content = normalize(std::mem::take(line));
        if has_text(&content) {
            out.push(Block::Paragraph { content });
        }
        out.append(&mut self.hoisted);
    }

    fn list(&mut self, list: ElementRef, ordered: bool, context: Context, out: &mut Vec<Block>) {
        if context.containers >= MAX_BLOCK_NESTING {
            count(&mut self.report.unwrapped, list.value().name());
            self.blocks(list, context, &[], out);
            return;
        }
        let inside = context.inside_container();
        let mut items: Vec<Vec<Block>> = Vec::new();
        for child in list.children() {
            let mut item = Vec::new();
            match child.value() {
                Node::Text(text) => {
                    let content = normalize(vec![Inline::Text(clean_text(text))]);
                    if has_text(&content) {
                        item.push(Block::Paragraph { content });
                    }
                }
                Node::Element(element) if element.name() == "li" => {
                    let li = ElementRef::wrap(child).expect("an element");
                    self.blocks(li, inside.deeper(), &[], &mut item);
                }
                Node::Element(_) => {
                    // A list right inside a list (`<ul><li>a</li><ul>…</ul></ul>`)
                    // means the previous item's sublist.
                    let element = ElementRef::wrap(child).expect("an element");
                    let mut line = Vec::new();
                    self.block_child(element, inside.deeper(), &mut line, &mut item);
                    self.end_paragraph(&mut line, &mut item);
                    if let (Some(previous), [Block::List { .. }]) = (items.last_mut(), item.as_slice()) {
                        previous.append(&mut item);
                    }
                }
                _ => {}
            }
            if !item.is_empty() {
                items.push(item);
            }
        }
        if !items.is_empty() {
            out.push(Block::List { ordered, items });
        }
    }

    fn quote(&mut self, quote: ElementRef, context: Context, out: &mut Vec<Block>) {
        if context.containers >= MAX_BLOCK_NESTING {
            count(&mut self.report.unwrapped, "blockquote");
            self.blocks(quote, context, &[], out);
            return;
        }
        let mut blocks = Vec::new();
        self.blocks(quote, context.inside_container(), &ATTRIBUTION, &mut blocks);
        let mut attribution = self.attribution(quote);
        if attribution.is_none() {
            attribution = dash_attribution(&mut blocks);
        }
        if !blocks.is_empty() {
            out.push(Block::Quote { blocks, attribution });
        }
    }

    /// A pull quote: its paragraphs as one, on lines of their own.
    fn pull_quote(&mut self, quote: ElementRef, context: Context, out: &mut Vec<Block>) {
        let mut blocks = Vec::new();
        // Lists and quotes inside have no place in a pull quote: their text does.
        let flat = Context {
            containers: MAX_BLOCK_NESTING,
            ..context
        };
        self.blocks(quote, flat, &ATTRIBUTION, &mut blocks);
        let mut attribution = self.attribution(quote);
        if attribution.is_none() {
            attribution = dash_attribution(&mut blocks);
        }
        let mut content = Vec::new();
        for block in blocks {
            let inlines = match block {
                Block::Paragraph { content } | Block::Heading { content, .. } => content,
                Block::Figure { .. } => {
                    out.push(block);
                    continue;
                }
                other => vec![Inline::Text(other.plain_text())],
            };
            if !content.is_empty() {
                content.push(Inline::LineBreak);
            }
            content.extend(inlines);
        }
        let content = normalize(content);
        if has_text(&content) {
            out.push(Block::PullQuote { content, attribution });
        }
    }

    /// The text of a quote's `cite` or `footer` child, without a leading dash.
    fn attribution(&mut self, quote: ElementRef) -> Option<String> {
        let cite = quote
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|child| ATTRIBUTION.contains(&child.value().name()))
            .last()?;
        let text = collapse_whitespace(&self.flat_text(cite));
        let name = text.trim_start_matches(['—', '–', '-', ' ']).trim();
        (!name.is_empty()).then(|| name.to_owned())
    }

    /// A figure's images, the first with the caption; a caption without an
    /// image is a paragraph.
    fn figure(&mut self, figure: ElementRef, context: Context, out: &mut Vec<Block>) {
        let start = out.len();
        self.blocks(figure, context, &["figcaption"], out);
        let Some(caption) = figure
            .children()
            .filter_map(ElementRef::wrap)
            .find(|child| child.value().name() == "figcaption")
        else {
            return;
        };
        let inline_context = InlineContext {
            depth: context.depth + 1,
            ..InlineContext::default()
        };
        // The reader's own figures (in our feeds) name the credit in a `span.credit`.
        let mut credit = None;
        let mut content = Vec::new();
        for child in caption.children() {
            match child.value() {
                Node::Text(text) => content.push(Inline::Text(clean_text(text))),
                Node::Element(_) => {
                    let element = ElementRef::wrap(child).expect("an element");
                    if element.value().name() == "span" && has_class(element, "credit") {
                        let text = collapse_whitespace(&self.flat_text(element)).trim().to_owned();
                        credit = (!text.is_empty()).then_some(text);
                    } else {
                        self.inline_element(element, inline_context, &mut content);
                    }
                }
                _ => {}
            }
        }
        let caption = normalize(content);
        out.append(&mut self.hoisted);
        let figure = out[start..].iter_mut().find_map(|block| match block {
            Block::Figure { image } if image.caption.is_empty() => Some(image),
            _ => None,
        });
        match figure {
            Some(image) => {
                image.caption = caption;
                image.credit = credit;
            }
            None if has_text(&caption) => out.push(Block::Paragraph { content: caption }),
            None => {}
        }
    }

    /// The image an `img` shows, if its address is one the site may download.
    fn image(&mut self, img: ElementRef) -> Option<Image> {
        let src = img.value().attr("src").map(trim_address).unwrap_or_default();
        let downloadable = ["https://", "http://"]
            .iter()
            .any(|scheme| src.len() > scheme.len() && src[..scheme.len()].eq_ignore_ascii_case(scheme));
        if !downloadable {
            self.report.images_dropped += 1;
            return None;
        }
        Some(Image {
            src: src.to_owned(),
            width: 0,
            height: 0,
            alt: collapse_whitespace(&clean_text(img.value().attr("alt").unwrap_or_default()))
                .trim()
                .to_owned(),
            caption: Vec::new(),
            credit: None,
            sources: Vec::new(),
        })
    }

    /// A table's caption and each row as a paragraph.
    fn table(&mut self, table: ElementRef, context: Context, out: &mut Vec<Block>) {
        for child in table.children().filter_map(ElementRef::wrap) {
            match child.value().name() {
                "caption" => self.blocks(child, context.deeper(), &[], out),
                "thead" | "tbody" | "tfoot" => {
                    for row in child.children().filter_map(ElementRef::wrap) {
                        self.row(row, context.deeper().deeper(), out);
                    }
                }
                _ => self.row(child, context.deeper(), out),
            }
        }
    }

    fn row(&mut self, row: ElementRef, context: Context, out: &mut Vec<Block>) {
        if row.value().name() != "tr" {
            return;
        }
        let mut content = Vec::new();
        for cell in row.children().filter_map(ElementRef::wrap) {
            let cell_content = self.inlines_of(
                cell,
                InlineContext {
                    depth: context.depth + 1,
                    ..InlineContext::default()
                },
            );
            if has_text(&cell_content) {
                if !content.is_empty() {
                    content.push(Inline::Text(CELL_SEPARATOR.to_owned()));
                }
                content.extend(cell_content);
            }
        }
        let content = normalize(content);
        if has_text(&content) {
            out.push(Block::Paragraph { content });
        }
        out.append(&mut self.hoisted);
    }

    /// `element`'s children as inline content, normalized.
    fn inlines_of(&mut self, element: ElementRef, context: InlineContext) -> Vec<Inline> {
        let mut inlines = Vec::new();
        self.inline_children(element, context, &mut inlines);
        normalize(inlines)
    }

    fn inline_children(&mut self, parent: ElementRef, context: InlineContext, into: &mut Vec<Inline>) {
        for child in parent.children() {
            match child.value() {
                Node::Text(text) => into.push(Inline::Text(clean_text(text))),
                Node::Element(_) => {
                    let element = ElementRef::wrap(child).expect("an element");
                    self.inline_element(
                        element,
                        InlineContext {
                            depth: context.depth + 1,
                            ..context
                        },
                        into,
                    );
                }
                _ => {}
            }
        }
    }

    /// One element met in inline content.
    fn inline_element(&mut self, element: ElementRef, context: InlineContext, into: &mut Vec<Inline>) {
        let name = element.value().name();
        if context.depth > MAX_DEPTH {
            self.report.too_deep += 1;
            into.push(Inline::Text(self.flat_text(element)));
            return;
        }
        if REMOVED.contains(&name) {
            count(&mut self.report.removed, name);
            return;
        }
        let may_nest = context.containers < MAX_INLINE_NESTING;
        let inside = InlineContext {
            containers: context.containers + 1,
            ..context
        };
        match name {
            "br" => into.push(Inline::LineBreak),
            "img" => {
                if let Some(image) = self.image(element) {
                    self.hoisted.push(Block::Figure { image });
                }
            }
            "em" | "i" | "strong" | "b" if may_nest => {
                let mut content = Vec::new();
                self.inline_children(element, inside, &mut content);
                into.push(if matches!(name, "em" | "i") {
                    Inline::Emphasis(content)
                } else {
                    Inline::Strong(content)
                });
            }
            "em" | "i" | "strong" | "b" => self.inline_children(element, context, into),
            "a" => {
                let href = element
                    .value()
                    .attr("href")
                    .map(trim_address)
                    .and_then(Href::parse);
                match href {
                    Some(href) if may_nest && !context.in_link => {
                        let mut content = Vec::new();
                        self.inline_children(
                            element,
                            InlineContext {
                                in_link: true,
                                ..inside
                            },
                            &mut content,
                        );
                        into.push(Inline::Link {
                            target: LinkTarget::External(href),
                            content,
                        });
                    }
                    _ => {
                        // A named anchor (`<a id>`) is no link at all, nothing is lost.
                        if element.value().attr("href").is_some() {
                            self.report.links_as_text += 1;
                        }
                        self.inline_children(element, context, into);
                    }
                }
            }
            _ => {
                let is_block = BLOCK_WRAPPERS.contains(&name)
                    || matches!(
                        name,
                        "p" | "h1"
                            | "h2"
                            | "h3"
                            | "h4"
                            | "h5"
                            | "h6"
                            | "ul"
                            | "ol"
                            | "blockquote"
                            | "figure"
                            | "table"
                            | "pre"
                            | "hr"
                    );
                count(&mut self.report.unwrapped, name);
                if is_block && !into.is_empty() {
                    into.push(Inline::LineBreak);
                }
                self.inline_children(element, context, into);
            }
        }
    }

    /// All the text below `element`, without removed elements, walked
    /// without recursion (for elements too deep to walk, and for `pre`).
    fn flat_text(&mut self, element: ElementRef) -> String {
        let mut text = String::new();
        let mut removed_depth = 0usize;
        let root: NodeRef<Node> = *element;
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(_) if removed_depth > 0 => removed_depth += 1,
                    Node::Element(child) if REMOVED.contains(&child.name()) => {
                        count(&mut self.report.removed, child.name());
                        removed_depth = 1;
                    }
                    Node::Element(child) if matches!(child.name(), "br" | "p" | "div" | "li" | "tr") => {
                        text.push('\n')
                    }
                    Node::Text(content) if removed_depth == 0 => text.push_str(&clean_text(content)),
                    _ => {}
                },
                Edge::Close(node) => {
                    if node.value().is_element() && removed_depth > 0 {
                        removed_depth -= 1;
                    }
                }
            }
        }
        text
    }
}

/// What names a quote's speaker among its children.
const ATTRIBUTION: [&str; 2] = ["cite", "footer"];

/// Gutenberg's pull quotes, and the reader's own (`aside.pull-quote`, in our feeds).
fn is_pull_quote(element: ElementRef) -> bool {
    has_class(element, "wp-block-pullquote") || has_class(element, "pull-quote")
}

fn has_class(element: ElementRef, class: &str) -> bool {
    element.value().classes().any(|own| own == class)
}

fn count(counts: &mut BTreeMap<String, usize>, name: &str) {
    *counts.entry(name.to_owned()).or_default() += 1;
}

/// A last paragraph `— Name` of a quote as its attribution, as a source writes it.
fn dash_attribution(blocks: &mut Vec<Block>) -> Option<String> {
    let last = blocks.last().filter(|block| block.is_plain_paragraph())?;
    let text = last.plain_text();
    let name = text
        .strip_prefix("— ")
        .or_else(|| text.strip_prefix("– "))?
        .trim()
        .to_owned();
    blocks.pop();
    (!name.is_empty()).then_some(name)
}

/// An address as a browser reads an attribute's value: without the
/// whitespace and control characters around it.
fn trim_address(address: &str) -> &str {
    address.trim_matches(|c: char| c.is_ascii_whitespace() || c.is_control())
}

/// A `pre`'s text: its lines, without the blank ones at its ends, joined by line breaks.
fn preformatted(text: &str) -> Vec<Inline> {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let first = lines.iter().position(|line| !line.trim().is_empty());
    let last = lines.iter().rposition(|line| !line.trim().is_empty());
    let (Some(first), Some(last)) = (first, last) else {
        return Vec::new();
    };
    let mut content = Vec::new();
    for line in &lines[first..=last] {
        if !content.is_empty() {
            content.push(Inline::LineBreak);
        }
        content.push(Inline::Text((*line).to_owned()));
    }
    normalize(content)
}

mod text;

#[cfg(test)]
mod tests;
