//! Blocks written as Markdown read back as the same blocks.

use brnn_model::body::{Block, HeadingLevel, Href, Inline, LinkTarget};
use brnn_model::fixtures::{every_block, text};

use super::*;

fn read(markdown: &str) -> Vec<Block> {
    parse(Path::new("imported"), markdown, 1).unwrap().blocks
}

fn paragraph(content: Vec<Inline>) -> Block {
    Block::Paragraph { content }
}

#[test]
fn every_block_of_the_model_reads_back_unchanged() {
    let mut blocks = every_block();
    for block in &mut blocks {
        if let Block::Figure { image } = block {
            image.src = "photos/hafen.jpg".to_owned();
        }
    }
    let written = body(&blocks);
    assert_eq!(written.as_text, 0, "{}", written.markdown);
    assert_eq!(written.blocks, writable(&blocks, 0));
    assert_eq!(read(&written.markdown), written.blocks, "{}", written.markdown);
}

#[test]
fn text_that_looks_like_markup_stays_text() {
    let texts = [
        "# not a heading",
        "- not a list",
        "1. not a list",
        "2024) neither",
        "*stars* and _underscores_ and `code`",
        "[brackets](https://x.test/) and ![bang](x.jpg)",
        "<b>tags</b> &amp; entities &copy; and a & b",
        "a back\\slash\\",
        "> not a quote",
        "---",
        "=",
        "[!pullquote]",
        "    indented",
        "| a | b |",
        "~~struck~~",
    ];
    for text_ in texts {
        let blocks = vec![paragraph(vec![text(text_), Inline::LineBreak, text(text_)])];
        let written = body(&blocks);
        let expected = writable(&blocks, 0);
        assert_eq!(written.as_text, 0, "{text_}: {}", written.markdown);
        assert_eq!(read(&written.markdown), expected, "{text_}: {}", written.markdown);
    }
}

#[test]
fn headings_links_lists_and_quotes_keep_their_shape() {
    let link = |href: &str, content: &str| Inline::Link {
        target: LinkTarget::External(Href::parse(href).unwrap()),
        content: vec![text(content)],
    };
    let blocks = vec![
        Block::Heading {
            level: HeadingLevel::Three,
            content: vec![text("C# and F#")],
        },
        paragraph(vec![
            link("https://x.test/a b(c)?q=1&r=<2>", "odd address"),
            text(" and "),
            link("mailto:a@x.test", "mail"),
        ]),
        Block::List {
            ordered: false,
            items: vec![vec![Block::plain_paragraph("first list")]],
        },
        Block::List {
            ordered: false,
            items: vec![vec![Block::plain_paragraph("second list")]],
        },
        Block::List {
            ordered: true,
            items: vec![
                vec![Block::plain_paragraph("one")],
                vec![
                    Block::plain_paragraph("two"),
                    Block::Quote {
                        blocks: vec![Block::plain_paragraph("quoted in a list")],
                        attribution: Some("Amira *Haddad*".to_owned()),
                    },
                ],
            ],
        },
        Block::Quote {
            blocks: vec![
                Block::plain_paragraph("— not the attribution"),
                Block::plain_paragraph("last"),
            ],
            attribution: None,
        },
        Block::PullQuote {
            content: vec![
                text("Big"),
                Inline::LineBreak,
                Inline::Strong(vec![text("words")]),
            ],
            attribution: Some("Jonas Weber".to_owned()),
        },
    ];
    let written = body(&blocks);
    assert_eq!(written.as_text, 0, "{}", written.markdown);
    assert_eq!(read(&written.markdown), blocks, "{}", written.markdown);
}

#[test]
fn what_markdown_cannot_say_is_written_as_its_text() {
    // A heading is one line; a caption is text; an image without alt takes the caption's.
    let blocks = vec![
        Block::Heading {
            level: HeadingLevel::Two,
            content: vec![text("one"), Inline::LineBreak, text("line")],
        },
        Block::Figure {
            image: written_image(
                "photos/x.jpg",
                String::new(),
                vec![text("A "), Inline::Emphasis(vec![text("cup")])],
            ),
        },
    ];
    let written = body(&blocks);
    assert_eq!(
        written.blocks,
        vec![
            Block::Heading {
                level: HeadingLevel::Two,
                content: vec![text("one line")]
            },
            Block::Figure {
                image: written_image("photos/x.jpg", "A cup".to_owned(), vec![text("A cup")])
            },
        ]
    );
    assert_eq!(read(&written.markdown), written.blocks);

    // An emphasis that CommonMark cannot open where it stands keeps its text.
    let blocks = vec![paragraph(vec![
        text("x"),
        Inline::Emphasis(vec![text("(y)")]),
        text("z"),
    ])];
    let written = body(&blocks);
    assert_eq!(read(&written.markdown), written.blocks);
    assert_eq!(written.blocks[0].plain_text(), "x(y)z");
}

#[test]
fn emphasis_at_the_edge_of_strong_keeps_its_markup() {
    for content in [
        vec![Inline::Strong(vec![
            text("bold "),
            Inline::Emphasis(vec![text("and italic")]),
        ])],
        vec![Inline::Strong(vec![
            Inline::Emphasis(vec![text("italic")]),
            text(" and bold"),
        ])],
        vec![Inline::Emphasis(vec![
            Inline::Strong(vec![text("both")]),
            text(" then italic"),
        ])],
        vec![Inline::Strong(vec![Inline::Emphasis(vec![text("all")])])],
    ] {
        let blocks = vec![paragraph(content)];
        let written = body(&blocks);
        assert_eq!(written.as_text, 0, "{}", written.markdown);
        assert_eq!(read(&written.markdown), blocks, "{}", written.markdown);
    }
}
