//! Text and inline content as a browser shows them, for the walk of
//! `html.rs`: HTML's whitespace collapsed, none at the ends of a line or
//! inside the edges of emphasis (where CommonMark cannot write it),
//! control characters and WordPress's `[caption]` markers removed.

use brnn_model::body::Inline;

/// Text as it may stand in a source: without control characters (but
/// the whitespace ones) and without `[caption …]` shortcode markers.
pub fn clean_text(text: &str) -> String {
    let text: String = text
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r' | '\x0c'))
        .collect();
    strip_caption_shortcodes(&text)
}

/// WordPress's `[caption id="…" …]` and `[/caption]` removed, their text kept.
fn strip_caption_shortcodes(text: &str) -> String {
    let mut rest = text;
    let mut kept = String::with_capacity(text.len());
    while let Some(start) = rest.find('[') {
        let tail = &rest[start..];
        let is_marker =
            tail.starts_with("[/caption]") || tail.starts_with("[caption]") || tail.starts_with("[caption ");
        match tail.find(']').filter(|_| is_marker) {
            Some(end) => {
                kept.push_str(&rest[..start]);
                rest = &tail[end + 1..];
            }
            None => {
                kept.push_str(&rest[..=start]);
                rest = &tail[1..];
            }
        }
    }
    kept.push_str(rest);
    kept
}

/// Runs of HTML whitespace as one space, as a browser shows text.
pub fn collapse_whitespace(text: &str) -> String {
    let mut collapsed = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
            if !in_space {
                collapsed.push(' ');
            }
            in_space = true;
        } else {
            collapsed.push(c);
            in_space = false;
        }
    }
    collapsed
}

/// Whether `inlines` hold any visible character.
pub fn has_text(inlines: &[Inline]) -> bool {
    inlines.iter().any(|inline| match inline {
        Inline::Text(text) => text.chars().any(|c| !c.is_whitespace()),
        Inline::Emphasis(content) | Inline::Strong(content) | Inline::Link { content, .. } => {
            has_text(content)
        }
        Inline::LineBreak => false,
    })
}

/// Inline content as a browser shows it: whitespace collapsed, none at
/// the ends or around line breaks, adjacent texts joined, containers
/// without text given up for their content, no line breaks at the ends.
pub fn normalize(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut after_space = true;
    let mut content = collapse(inlines, &mut after_space);
    trim_end(&mut content);
    while matches!(content.first(), Some(Inline::LineBreak)) {
        content.remove(0);
    }
    content
}

/// The forward pass of [`normalize`]: `after_space` says whether the text
/// before ended in a space (or a line break, or the start).
fn collapse(inlines: Vec<Inline>, after_space: &mut bool) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    for inline in inlines {
        match inline {
            Inline::Text(text) => {
                let mut text = collapse_whitespace(&text);
                if *after_space {
                    text = text.trim_start_matches(' ').to_owned();
                }
                if text.is_empty() {
                    continue;
                }
                *after_space = text.ends_with(' ');
                push_text(&mut out, text);
            }
            Inline::LineBreak => {
                // A break ends the line: no space before it, and two in a row are one.
                trim_end(&mut out);
                out.push(Inline::LineBreak);
                *after_space = true;
            }
            Inline::Emphasis(content) => container(&mut out, content, after_space, Inline::Emphasis),
            Inline::Strong(content) => container(&mut out, content, after_space, Inline::Strong),
            Inline::Link { target, content } => container(&mut out, content, after_space, |content| {
                Inline::Link { target, content }
            }),
        }
    }
    out
}

/// A container's content collapsed: the container if it has text, else
/// its content alone (a space, a line break). Spaces and line breaks at
/// its ends stand outside it, as CommonMark can only write them there
/// (`a *b* c`, not `a* b *c`).
fn container(
    out: &mut Vec<Inline>,
    content: Vec<Inline>,
    after_space: &mut bool,
    make: impl FnOnce(Vec<Inline>) -> Inline,
) {
    let mut content = collapse(content, after_space);
    if !has_text(&content) {
        for inline in content {
            splice(out, inline);
        }
        return;
    }
    while let Some(Inline::LineBreak) = content.first() {
        content.remove(0);
        trim_end(out);
        out.push(Inline::LineBreak);
    }
    if let Some(Inline::Text(text)) = content.first_mut() {
        if let Some(rest) = text.strip_prefix(' ') {
            *text = rest.to_owned();
            splice(out, Inline::Text(" ".to_owned()));
        }
    }
    let mut after = Vec::new();
    while let Some(Inline::LineBreak) = content.last() {
        after.push(content.pop().expect("a line break"));
    }
    if let Some(Inline::Text(text)) = content.last_mut() {
        if let Some(rest) = text.strip_suffix(' ') {
            *text = rest.to_owned();
            after.insert(0, Inline::Text(" ".to_owned()));
        }
    }
    content.retain(|inline| !matches!(inline, Inline::Text(text) if text.is_empty()));
    out.push(make(content));
    for inline in after {
        splice(out, inline);
    }
}

/// `inline` appended to `out`, a text joined to a text before it.
fn splice(out: &mut Vec<Inline>, inline: Inline) {
    match inline {
        Inline::Text(text) => push_text(out, text),
        other => out.push(other),
    }
}

fn push_text(out: &mut Vec<Inline>, text: String) {
    match out.last_mut() {
        Some(Inline::Text(previous)) => previous.push_str(&text),
        _ => out.push(Inline::Text(text)),
    }
}

/// Removes the whitespace at the end of `inlines` (inside a last container
/// too) and line breaks there.
fn trim_end(inlines: &mut Vec<Inline>) {
    loop {
        match inlines.last_mut() {
            Some(Inline::Text(text)) => {
                let trimmed = text.trim_end().len();
                text.truncate(trimmed);
                if text.is_empty() {
                    inlines.pop();
                    continue;
                }
            }
            Some(Inline::LineBreak) => {
                inlines.pop();
                continue;
            }
            Some(Inline::Emphasis(content) | Inline::Strong(content) | Inline::Link { content, .. }) => {
                trim_end(content);
                if content.is_empty() {
                    inlines.pop();
                    continue;
                }
            }
            None => {}
        }
        return;
    }
}
