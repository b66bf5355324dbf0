//! Blocks written as the CommonMark of a source's body, in the forms
//! [`super::parse`] reads (the module's table): what an importer writes.
//!
//! [`body`] writes each block, reads it back, and where the two differ
//! (an emphasis CommonMark cannot open where it stands, say, or a list item
//! that would read as a separator) writes the block's text instead, so the
//! written body always reads back as exactly the blocks it reports, and no
//! text is lost. [`writable`] is the form blocks take first: what Markdown
//! cannot say (a caption's markup, a heading's line break, nesting beyond
//! the limits) is given up for its text.

use std::path::Path;

use brnn_model::body::{Block, Image, Inline, LinkTarget, MAX_BLOCK_NESTING, MAX_INLINE_NESTING};

use super::{escape, parse, written_image, ARTICLE_SCHEME};

/// A body written as CommonMark, and the blocks it reads back as.
pub struct Written {
    /// The body as the source holds it.
    pub markdown: String,
    /// What `parse` reads it as.
    pub blocks: Vec<Block>,
    /// How many blocks were written as their text, their markup lost.
    pub as_text: usize,
}

/// `blocks` as a source's body. Figures' `src` are the paths the source
/// names (`photos/x.jpg`); an image without alt text takes its caption's.
pub fn body(blocks: &[Block]) -> Written {
    let mut written = Written {
        markdown: String::new(),
        blocks: Vec::new(),
        as_text: 0,
    };
    let mut marker = ListMarker::First;
    for block in writable(blocks, 0) {
        let mut markdown = String::new();
        write_block(&block, &mut markdown, marker);
        marker = marker.after(&block);
        let read = parse(Path::new("imported"), &markdown, 1).map(|body| body.blocks);
        let (markdown, mut blocks) = match read {
            Ok(read) if read == [block.clone()] => (markdown, read),
            _ => {
                written.as_text += 1;
                as_text(&block)
            }
        };
        if !written.markdown.is_empty() && !markdown.is_empty() {
            written.markdown.push_str("\n\n");
        }
        written.markdown.push_str(&markdown);
        written.blocks.append(&mut blocks);
    }
    written
}

/// The block's text as plain paragraphs, one per line, and what they read as.
fn as_text(block: &Block) -> (String, Vec<Block>) {
    let lines: Vec<String> = block
        .plain_text()
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect();
    let blocks = lines
        .iter()
        .map(|line| Block::plain_paragraph(line.clone()))
        .collect();
    (super::plain_paragraphs(&lines), blocks)
}

/// `blocks` in the form Markdown can say, `containers` lists and quotes deep.
pub fn writable(blocks: &[Block], containers: usize) -> Vec<Block> {
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph { content } => out.push(Block::Paragraph {
                content: trim_lines(writable_inlines(content, 0)),
            }),
            Block::Heading { level, content } => out.push(Block::Heading {
                level: *level,
                content: writable_inlines(&without_breaks(content), 0),
            }),
            Block::List { ordered, items } if containers < MAX_BLOCK_NESTING => out.push(Block::List {
                ordered: *ordered,
                items: items
                    .iter()
                    .map(|item| writable(item, containers + 1))
                    .filter(|item| !item.is_empty())
                    .collect(),
            }),
            Block::Quote { blocks, attribution } if containers < MAX_BLOCK_NESTING => {
                out.push(Block::Quote {
                    blocks: writable(blocks, containers + 1),
                    attribution: attribution.clone(),
                })
            }
            Block::List { items, .. } => {
                for item in items {
                    out.extend(writable(item, containers));
                }
            }
            Block::Quote { blocks, .. } => out.extend(writable(blocks, containers)),
            Block::PullQuote { content, attribution } => out.push(Block::PullQuote {
                content: writable_inlines(content, 0),
                attribution: attribution.clone(),
            }),
            Block::Correction { content } => out.push(Block::Correction {
                content: writable_inlines(content, 0),
            }),
            Block::Figure { image } => out.push(Block::Figure {
                image: writable_image(image),
            }),
            Block::Separator => out.push(Block::Separator),
        }
    }
    out
}

/// The image as a source names it: path, alt text (the caption's when it
/// has none) and the caption's text.
fn writable_image(image: &Image) -> Image {
    let caption = plain(&image.caption);
    let alt = if image.alt.trim().is_empty() {
        caption.clone()
    } else {
        image.alt.trim().to_owned()
    };
    let caption = if caption.is_empty() {
        Vec::new()
    } else {
        vec![Inline::Text(caption)]
    };
    written_image(&image.src, alt, caption)
}

fn plain(inlines: &[Inline]) -> String {
    Block::Paragraph {
        content: inlines.to_vec(),
    }
    .plain_text()
    .split_whitespace()
    .collect::<Vec<_>>()
    .join(" ")
}

/// Without the whitespace at the start and end of each line, which
/// Markdown does not keep (and four spaces would open a code block).
fn trim_lines(mut inlines: Vec<Inline>) -> Vec<Inline> {
    for index in 0..inlines.len() {
        let line_start = index == 0 || matches!(inlines[index - 1], Inline::LineBreak);
        let line_end = index + 1 == inlines.len() || matches!(inlines[index + 1], Inline::LineBreak);
        if let Inline::Text(text) = &mut inlines[index] {
            let mut trimmed: &str = text;
            if line_start {
                trimmed = trimmed.trim_start();
            }
            if line_end {
                trimmed = trimmed.trim_end();
            }
            *text = trimmed.to_owned();
        }
    }
    inlines.retain(|inline| !matches!(inline, Inline::Text(text) if text.is_empty()));
    inlines
}

/// A heading is one line: its breaks become spaces.
fn without_breaks(inlines: &[Inline]) -> Vec<Inline> {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::LineBreak => Inline::Text(" ".to_owned()),
            Inline::Emphasis(content) => Inline::Emphasis(without_breaks(content)),
            Inline::Strong(content) => Inline::Strong(without_breaks(content)),
            Inline::Link { target, content } => Inline::Link {
                target: target.clone(),
                content: without_breaks(content),
            },
            Inline::Text(text) => Inline::Text(text.clone()),
        })
        .collect()
}

/// Inlines within the nesting limit, adjacent texts joined, no new lines in texts.
fn writable_inlines(inlines: &[Inline], depth: usize) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let push = |out: &mut Vec<Inline>, inline: Inline| match (out.last_mut(), inline) {
        (Some(Inline::Text(last)), Inline::Text(text)) => last.push_str(&text),
        (_, inline) => out.push(inline),
    };
    for inline in inlines {
        let container = |content: &Vec<Inline>| writable_inlines(content, depth + 1);
        match inline {
            Inline::Text(text) => push(&mut out, Inline::Text(text.replace(['\n', '\r'], " "))),
            Inline::LineBreak => push(&mut out, Inline::LineBreak),
            Inline::Emphasis(content) | Inline::Strong(content) | Inline::Link { content, .. }
                if depth >= MAX_INLINE_NESTING =>
            {
                for inline in writable_inlines(content, depth) {
                    push(&mut out, inline);
                }
            }
            Inline::Emphasis(content) => push(&mut out, Inline::Emphasis(container(content))),
            Inline::Strong(content) => push(&mut out, Inline::Strong(container(content))),
            Inline::Link { target, content } => push(
                &mut out,
                Inline::Link {
                    target: target.clone(),
                    content: container(content),
                },
            ),
        }
    }
    out
}

/// Two lists in a row are one in Markdown unless their markers differ.
#[derive(Clone, Copy, PartialEq)]
enum ListMarker {
    First,
    Second,
}

impl ListMarker {
    /// The marker of a list that follows `block`.
    fn after(self, block: &Block) -> ListMarker {
        match (block, self) {
            (Block::List { .. }, ListMarker::First) => ListMarker::Second,
            _ => ListMarker::First,
        }
    }
}

fn write_blocks(blocks: &[Block], out: &mut String) {
    let mut marker = ListMarker::First;
    for (index, block) in blocks.iter().enumerate() {
        if index > 0 {
            out.push_str("\n\n");
        }
        write_block(block, out, marker);
        marker = marker.after(block);
    }
}

fn write_block(block: &Block, out: &mut String, marker: ListMarker) {
    match block {
        Block::Paragraph { content } => write_inlines(content, out),
        Block::Heading { level, content } => {
            out.push_str(&"#".repeat(usize::from(level.number())));
            out.push(' ');
            let mut line = String::new();
            write_inlines(content, &mut line);
            // A heading's last `#`s would close it: none is read as markup.
            out.push_str(&line.replace('#', "\\#"));
        }
        Block::List { ordered, items } => {
            let bullet = match (ordered, marker) {
                (false, ListMarker::First) => "- ",
                (false, ListMarker::Second) => "* ",
                (true, ListMarker::First) => "1. ",
                (true, ListMarker::Second) => "1) ",
            };
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push_str("\n\n");
                }
                let mut text = String::new();
                write_blocks(item, &mut text);
                out.push_str(&indent(&text, bullet, &" ".repeat(bullet.len())));
            }
        }
        Block::Quote { blocks, attribution } => {
            let mut text = String::new();
            write_blocks(blocks, &mut text);
            if let Some(name) = attribution {
                text.push_str("\n\n— ");
                text.push_str(&escape(name));
            }
            out.push_str(&indent(&text, "> ", "> "));
        }
        Block::PullQuote { content, attribution } => {
            let mut text = "[!pullquote]\n".to_owned();
            write_inlines(content, &mut text);
            if let Some(name) = attribution {
                text.push_str("\n\n— ");
                text.push_str(&escape(name));
            }
            out.push_str(&indent(&text, "> ", "> "));
        }
        Block::Correction { content } => {
            let mut text = "[!correction]\n".to_owned();
            write_inlines(content, &mut text);
            out.push_str(&indent(&text, "> ", "> "));
        }
        Block::Figure { image } => {
            out.push_str("![");
            out.push_str(&escape(&image.alt));
            out.push_str("](");
            out.push_str(&image.src);
            let caption = plain(&image.caption);
            if !caption.is_empty() {
                out.push_str(" \"");
                out.push_str(&escape_title(&caption));
                out.push('"');
            }
            out.push(')');
        }
        Block::Separator => out.push_str("---"),
    }
}

/// Each line of `text` behind `first` (the first line) or `rest`; blank
/// lines keep only the marker's non-space part (`>`) or nothing.
fn indent(text: &str, first: &str, rest: &str) -> String {
    text.lines()
        .enumerate()
        .map(|(index, line)| {
            let prefix = if index == 0 { first } else { rest };
            if line.is_empty() {
                prefix.trim_end().to_owned()
            } else {
                format!("{prefix}{line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn write_inlines(inlines: &[Inline], out: &mut String) {
    write_inlines_in(inlines, false, out);
}

/// `inlines`, the content of a strong one if `in_strong`.
fn write_inlines_in(inlines: &[Inline], in_strong: bool, out: &mut String) {
    let last = inlines.len().saturating_sub(1);
    for (index, inline) in inlines.iter().enumerate() {
        match inline {
            // `escape` takes every text for a line's start (after a line
            // break it is one): a leading `-` or `1.` escaped in a line's
            // middle is harmless, as any ASCII punctuation may be escaped.
            Inline::Text(text) => out.push_str(&escape(text)),
            Inline::LineBreak => out.push_str("\\\n"),
            Inline::Emphasis(content) => {
                // `***` reads otherwise than it was meant: an emphasis that
                // touches a strong's `**` is written with `_`.
                let touches_strong = in_strong && (index == 0 || index == last)
                    || matches!(content.first(), Some(Inline::Strong(_)))
                    || matches!(content.last(), Some(Inline::Strong(_)));
                let delimiter = if touches_strong { '_' } else { '*' };
                out.push(delimiter);
                write_inlines_in(content, false, out);
                out.push(delimiter);
            }
            Inline::Strong(content) => {
                out.push_str("**");
                write_inlines_in(content, true, out);
                out.push_str("**");
            }
            Inline::Link { target, content } => {
                out.push('[');
                write_inlines(content, out);
                out.push_str("](");
                match target {
                    LinkTarget::Article(article) => {
                        out.push_str(&format!("{ARTICLE_SCHEME}{}/{}", article.edition, article.id))
                    }
                    LinkTarget::External(href) => {
                        out.push('<');
                        for c in href.as_str().chars() {
                            if matches!(c, '<' | '>' | '\\' | '&') {
                                out.push('\\');
                            }
                            out.push(c);
                        }
                        out.push('>');
                    }
                }
                out.push(')');
            }
        }
    }
}

/// A title in `"…"`: its quotes, backslashes and entities escaped.
fn escape_title(title: &str) -> String {
    let mut escaped = String::with_capacity(title.len());
    for c in title.chars() {
        if matches!(c, '"' | '\\' | '&') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

#[cfg(test)]
mod tests;
