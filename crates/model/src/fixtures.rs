//! Bodies for tests of the crates that read or write them (the model's
//! own, the content tool's Markdown reader, the reader's components): one
//! block of every type, with every inline. Built with the `fixtures`
//! feature only, which only tests turn on.

use crate::body::{ArticleRef, Block, HeadingLevel, Href, Image, ImageSource, Inline, LinkTarget};

/// Text as an inline run.
pub fn text(text: &str) -> Inline {
    Inline::Text(text.to_owned())
}

/// A figure's image with a caption, a credit and one source.
pub fn image() -> Image {
    Image {
        src: "images/hafen.jpg".into(),
        width: 1200,
        height: 800,
        alt: "Ein Containerschiff am Kai".into(),
        caption: vec![text("Am Kai, "), Inline::Emphasis(vec![text("früh")])],
        credit: Some("Foto: Beispiel".into()),
        sources: vec![ImageSource {
            src: "images/hafen-480.webp".into(),
            width: 480,
            media_type: "image/webp".into(),
        }],
    }
}

/// One block of every type, with every inline.
pub fn every_block() -> Vec<Block> {
    vec![
        Block::Paragraph {
            content: vec![
                text("Ein "),
                Inline::Emphasis(vec![text("betontes")]),
                text(" und ein "),
                Inline::Strong(vec![text("starkes")]),
                text(" Wort,"),
                Inline::LineBreak,
                Inline::Link {
                    target: LinkTarget::Article(ArticleRef {
                        edition: "de".parse().unwrap(),
                        id: "ecf15130d4b083e2".parse().unwrap(),
                    }),
                    content: vec![text("ein Artikel")],
                },
                text(" und "),
                Inline::Link {
                    target: LinkTarget::External(Href::parse("https://example.org/").unwrap()),
                    content: vec![text("eine Seite")],
                },
            ],
        },
        Block::Heading {
            level: HeadingLevel::Two,
            content: vec![text("Zwischentitel")],
        },
        Block::Heading {
            level: HeadingLevel::Three,
            content: vec![text("Unterpunkt")],
        },
        Block::List {
            ordered: false,
            items: vec![
                vec![Block::plain_paragraph("eins")],
                vec![
                    Block::plain_paragraph("zwei"),
                    Block::List {
                        ordered: true,
                        items: vec![vec![Block::plain_paragraph("zwei a")]],
                    },
                ],
            ],
        },
        Block::Quote {
            blocks: vec![Block::plain_paragraph("Gesagt ist gesagt.")],
            attribution: Some("Li Wei".into()),
        },
        Block::PullQuote {
            content: vec![text("Ein Satz, groß.")],
            attribution: None,
        },
        Block::Figure { image: image() },
        Block::Separator,
        Block::Correction {
            content: vec![text("Eine frühere Fassung nannte ein falsches Datum.")],
        },
    ]
}
