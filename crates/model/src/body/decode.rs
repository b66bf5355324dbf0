//! Reading a body (and an image) from any document, however hostile,
//! without failing the article and without unbounded recursion.
//!
//! Two steps. First the JSON is read into [`Value`], at most
//! [`MAX_JSON_LEVELS`] levels of arrays and objects deep: a deeper value is
//! skipped through `deserialize_ignored_any`, which serde_json walks with a
//! loop of its own (no recursion, no depth limit of 128 to fail the whole
//! document) and serde-wasm-bindgen does not walk at all. The browser's
//! deserializer has no depth limit, so this bound is the only one there.
//! Then plain Rust turns the values into blocks, skipping what it does not
//! know and flattening containers nested deeper than the model allows.
//!
//! Derived deserializers cannot do this: an internally tagged enum buffers
//! all of a node, however deep, before it reads the tag.

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::{
    ArticleRef, Block, HeadingLevel, Href, Image, ImageSource, Inline, LinkTarget, MAX_BLOCK_NESTING,
    MAX_INLINE_NESTING,
};

/// How many levels of arrays and objects below the body (or image) are
/// read. The deepest body the model allows (three lists, four inline
/// containers, a link's article) needs about 20.
pub const MAX_JSON_LEVELS: u8 = 32;

/// `body`: the blocks of the array, unknown ones left out.
pub fn body<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Block>, D::Error> {
    let value = Bounded(MAX_JSON_LEVELS).deserialize(deserializer)?;
    let mut blocks = Vec::new();
    push_blocks(value, 0, &mut blocks);
    Ok(blocks)
}

/// An image field: `None` when it is absent or lacks what an image needs.
pub fn image<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Image>, D::Error> {
    Ok(read_image(Bounded(MAX_JSON_LEVELS).deserialize(deserializer)?))
}

/// A JSON value, as deep as it was read.
enum Value {
    /// Also what stands for anything too deep or of no use.
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

/// Reads a value with this many levels of arrays and objects left.
#[derive(Clone, Copy)]
struct Bounded(u8);

impl<'de> DeserializeSeed<'de> for Bounded {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Bounded {
    type Value = Value;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value as f64))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value as f64))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Value::Number(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::Text(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::Text(value))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let Some(inner) = self.0.checked_sub(1) else {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            return Ok(Value::Null);
        };
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Bounded(inner))? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let Some(inner) = self.0.checked_sub(1) else {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            return Ok(Value::Null);
        };
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            entries.push((key, map.next_value_seed(Bounded(inner))?));
        }
        Ok(Value::Object(entries))
    }
}

/// An object's fields, taken one by one.
struct Fields(Vec<(String, Value)>);

impl Fields {
    fn take(&mut self, name: &str) -> Value {
        match self.0.iter().position(|(key, _)| key == name) {
            Some(index) => self.0.swap_remove(index).1,
            None => Value::Null,
        }
    }

    fn text(&mut self, name: &str) -> Option<String> {
        match self.take(name) {
            Value::Text(text) => Some(text),
            _ => None,
        }
    }

    /// A whole number of pixels (or a heading level): at least 1.
    fn count(&mut self, name: &str) -> Option<u32> {
        match self.take(name) {
            Value::Number(number) if number.fract() == 0.0 && (1.0..=u32::MAX as f64).contains(&number) => {
                Some(number as u32)
            }
            _ => None,
        }
    }
}

fn object(value: Value) -> Option<Fields> {
    match value {
        Value::Object(entries) => Some(Fields(entries)),
        _ => None,
    }
}

fn array(value: Value) -> Vec<Value> {
    match value {
        Value::Array(items) => items,
        _ => Vec::new(),
    }
}

/// The blocks of `value` (an array), at `depth` containers deep, onto `out`.
fn push_blocks(value: Value, depth: usize, out: &mut Vec<Block>) {
    for item in array(value) {
        if let Some(fields) = object(item) {
            push_block(fields, depth, out);
        }
    }
}

/// The blocks inside a container at `depth`, or, beyond the nesting the
/// model allows, `None` after giving them to `out` at the container's depth.
fn children(value: Value, depth: usize, out: &mut Vec<Block>) -> Option<Vec<Block>> {
    if depth >= MAX_BLOCK_NESTING {
        push_blocks(value, depth, out);
        return None;
    }
    let mut blocks = Vec::new();
    push_blocks(value, depth + 1, &mut blocks);
    Some(blocks)
}

fn push_block(mut fields: Fields, depth: usize, out: &mut Vec<Block>) {
    let block = match fields.text("type").as_deref() {
        Some("paragraph") => Block::Paragraph {
            content: inlines(fields.take("content")),
        },
        Some("heading") => Block::Heading {
            // Deeper levels are shown as the deepest the page has.
            level: match fields.count("level") {
                Some(3..) => HeadingLevel::Three,
                _ => HeadingLevel::Two,
            },
            content: inlines(fields.take("content")),
        },
        Some("list") => {
            let ordered = matches!(fields.take("ordered"), Value::Bool(true));
            let mut items = Vec::new();
            for item in array(fields.take("items")) {
                items.extend(children(item, depth, out));
            }
            if items.is_empty() {
                return;
            }
            Block::List { ordered, items }
        }
        Some("quote") => {
            let Some(blocks) = children(fields.take("blocks"), depth, out) else {
                return;
            };
            Block::Quote {
                blocks,
                attribution: fields.text("attribution"),
            }
        }
        Some("pull_quote") => Block::PullQuote {
            content: inlines(fields.take("content")),
            attribution: fields.text("attribution"),
        },
        Some("figure") => match read_image(fields.take("image")) {
            Some(image) => Block::Figure { image },
            None => return,
        },
        Some("separator") => Block::Separator,
        Some("correction") => Block::Correction {
            content: inlines(fields.take("content")),
        },
        // A block this reader does not know.
        _ => return,
    };
    out.push(block);
}

/// The inlines of `value` (an array).
fn inlines(value: Value) -> Vec<Inline> {
    let mut out = Vec::new();
    push_inlines(value, 0, false, &mut out);
    out
}

/// The inlines of `value` at `depth` containers deep onto `out`;
/// `in_link` says whether a link holds them (a link in a link is text).
fn push_inlines(value: Value, depth: usize, in_link: bool, out: &mut Vec<Inline>) {
    for item in array(value) {
        match item {
            Value::Text(text) => out.push(Inline::Text(text)),
            Value::Object(entries) => push_inline(Fields(entries), depth, in_link, out),
            _ => {}
        }
    }
}

fn push_inline(mut fields: Fields, depth: usize, in_link: bool, out: &mut Vec<Inline>) {
    let kind = fields.text("type");
    let content = fields.take("content");
    // A container too deep, or a link that cannot be one, keeps its text.
    let flattened = depth >= MAX_INLINE_NESTING;
    let nested = |content: Value, in_link: bool| {
        let mut inlines = Vec::new();
        push_inlines(content, depth + 1, in_link, &mut inlines);
        inlines
    };
    match kind.as_deref() {
        Some("emphasis") if !flattened => out.push(Inline::Emphasis(nested(content, in_link))),
        Some("strong") if !flattened => out.push(Inline::Strong(nested(content, in_link))),
        Some("line_break") => out.push(Inline::LineBreak),
        Some("link") if !flattened && !in_link => match link_target(&mut fields) {
            Some(target) => out.push(Inline::Link {
                target,
                content: nested(content, true),
            }),
            None => push_inlines(content, depth, in_link, out),
        },
        // Known but flattened, or unknown: its content, else its text.
        _ => match content {
            Value::Array(_) => push_inlines(content, depth, in_link, out),
            _ => out.extend(fields.text("text").map(Inline::Text)),
        },
    }
}

fn link_target(fields: &mut Fields) -> Option<LinkTarget> {
    if let Some(mut article) = object(fields.take("article")) {
        let edition = article.text("edition")?.parse().ok()?;
        let id = article.text("id")?.parse().ok()?;
        return Some(LinkTarget::Article(ArticleRef { edition, id }));
    }
    Href::parse(&fields.text("href")?).map(LinkTarget::External)
}

fn read_image(value: Value) -> Option<Image> {
    let mut fields = object(value)?;
    let src = fields.text("src").filter(|src| !src.is_empty())?;
    let width = fields.count("width")?;
    let height = fields.count("height")?;
    let sources = array(fields.take("sources"))
        .into_iter()
        .filter_map(|source| {
            let mut source = object(source)?;
            Some(ImageSource {
                src: source.text("src").filter(|src| !src.is_empty())?,
                width: source.count("width")?,
                media_type: source.text("type")?,
            })
        })
        .collect();
    Some(Image {
        src,
        width,
        height,
        alt: fields.text("alt").unwrap_or_default(),
        caption: inlines(fields.take("caption")),
        credit: fields.text("credit"),
        sources,
    })
}
